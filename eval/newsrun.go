package eval

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"dyad/article"
	"dyad/coder/story"
	"dyad/nlp/tokenize"
)

// NewsOptions configure News.
type NewsOptions struct {
	// Data is the shared data directory; Dir holds docs.jsonl, batches/
	// and the gold files (dev/*.jsonl, test/*.jsonl).
	Data, Dir string
	// Set is "dev" or "test".
	Set string
	// Coder codes each document's reference text as an article.
	Coder *story.Coder
	// Tokenizer splits sentences for the gold check.
	Tokenizer *tokenize.Tokenizer
	NewsScoreOptions
}

// News codes every annotated document of a set of the real-news evaluation
// as "dyad code" codes an article and scores the mentions against the gold
// events (ScoreNews). The gold files must pass CheckGold.
func News(ctx context.Context, opts NewsOptions) (*NewsReport, error) {
	if opts.Set != "dev" && opts.Set != "test" {
		return nil, fmt.Errorf("set %q: want dev or test", opts.Set)
	}
	for _, m := range opts.Modalities {
		if !slices.Contains(modalities, m) {
			return nil, fmt.Errorf("modality %q: want one of %s", m, strings.Join(modalities, ", "))
		}
	}
	docsFile := filepath.Join(opts.Dir, "docs.jsonl")
	all, err := ReadNewsDocs(docsFile)
	if err != nil {
		return nil, err
	}
	var docs []NewsDoc
	for _, d := range all {
		if d.Set == opts.Set {
			docs = append(docs, d)
		}
	}
	files, err := filepath.Glob(filepath.Join(opts.Dir, opts.Set, "*.jsonl"))
	if err != nil {
		return nil, err
	}
	batches := map[string][]string{}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".jsonl")
		if ids, err := ReadBatch(filepath.Join(opts.Dir, "batches", name+".txt")); err == nil {
			batches[name] = ids
		}
	}
	gold, problems := CheckGold(files, CheckOptions{Data: opts.Data, Docs: docs, Batches: batches, Tokenizer: opts.Tokenizer})
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d problems in the gold files (dyad eval news --check), the first: %w", len(problems), problems[0])
	}
	marked := map[string]bool{}
	for _, f := range files {
		ids, err := markedDocs(f)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			marked[id] = true
		}
	}
	for _, g := range gold {
		marked[g.Doc] = true
	}
	var annotated []string
	var sys []SystemMention
	for _, d := range docs {
		if !marked[d.ID] {
			continue
		}
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		annotated = append(annotated, d.ID)
		text, err := ReferenceText(opts.Data, d)
		if err != nil {
			return nil, err
		}
		ms, err := codeNews(opts.Coder, d.ID, text)
		if err != nil {
			return nil, err
		}
		sys = append(sys, ms...)
	}
	rep := ScoreNews(annotated, gold, sys, opts.NewsScoreOptions)
	rep.Set, rep.Docs = opts.Set, len(docs)
	return rep, nil
}

// docComment is the comment that marks a document as annotated.
var docComment = regexp.MustCompile(`^#\s*doc\s+([^\s:]+)`)

// markedDocs returns the documents a gold file marks with "# doc ID".
func markedDocs(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ids []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if m := docComment.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			ids = append(ids, m[1])
		}
	}
	return ids, nil
}

// codeNews codes a reference text as an article and places each mention's
// sentence back in the text.
func codeNews(c *story.Coder, id, text string) ([]SystemMention, error) {
	a, err := article.FromText([]byte(text))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	st, err := c.Code(a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", id, err)
	}
	al := newAligner(text)
	spans := make(map[int][2]int, len(st.Sentences))
	for _, s := range st.Sentences {
		spans[s.Index] = al.find(s.Text)
	}
	var out []SystemMention
	for _, ev := range st.Events {
		for _, m := range ev.Mentions {
			out = append(out, SystemMention{Doc: id, Span: spans[m.Sentence], Source: ev.Source, SourceName: ev.SourceName,
				Target: ev.Target, TargetName: ev.TargetName, Code: m.Code, Sentence: m.Text})
		}
	}
	return out, nil
}

// aligner finds sentences of an article, whose reader may have joined lines
// and squeezed spaces, in the text it was read from, by their characters
// other than spaces.
type aligner struct {
	squeezed []rune
	offset   []int // byte offset in the text of each squeezed rune
	next     int   // where the previous sentence ended, in squeezed runes
}

func newAligner(text string) *aligner {
	al := &aligner{}
	for i, r := range text {
		if !unicode.IsSpace(r) {
			al.squeezed = append(al.squeezed, r)
			al.offset = append(al.offset, i)
		}
	}
	return al
}

// find returns the byte span of s in the text, looking first after the
// previous sentence found; [-1,-1] if s is not there.
func (al *aligner) find(s string) [2]int {
	var want []rune
	for _, r := range s {
		if !unicode.IsSpace(r) {
			want = append(want, r)
		}
	}
	if len(want) == 0 {
		return [2]int{-1, -1}
	}
	at := index(al.squeezed[al.next:], want)
	if at >= 0 {
		at += al.next
	} else if at = index(al.squeezed, want); at < 0 {
		return [2]int{-1, -1}
	}
	al.next = at + len(want)
	end := at + len(want) - 1
	return [2]int{al.offset[at], al.offset[end] + utf8.RuneLen(al.squeezed[end])}
}

func index(hay, needle []rune) int {
	for i := 0; i+len(needle) <= len(hay); i++ {
		if slices.Equal(hay[i:i+len(needle)], needle) {
			return i
		}
	}
	return -1
}
