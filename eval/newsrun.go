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

	"dyad/coder/story"
	"dyad/nlp/tokenize"
	"dyad/pipeline"
)

// NewsOptions configure News.
type NewsOptions struct {
	// Data is the shared data directory; Dir holds docs.jsonl, batches/
	// and the gold files (dev/*.jsonl, test/*.jsonl).
	Data, Dir string
	// Set is one of NewsSets.
	Set string
	// Pipeline codes the documents, as "dyad code" does (dictionaries,
	// NLP, workers); News sets NoDedup and no time limit, since every
	// document is scored.
	Pipeline pipeline.Options
	// Tokenizer splits sentences for the gold check.
	Tokenizer *tokenize.Tokenizer
	NewsScoreOptions
}

// News codes every annotated document of a set of the real-news evaluation
// with package pipeline, as "dyad code" codes a text file, and scores the
// mentions against the gold events (ScoreNews). The gold files must pass
// CheckGold.
func News(ctx context.Context, opts NewsOptions) (*NewsReport, error) {
	set, err := readNewsSet(opts)
	if err != nil {
		return nil, err
	}
	docs, gold, batches, marked := set.docs, set.gold, set.batches, set.marked
	var annotated []string
	texts := map[string]string{}
	for _, d := range docs {
		if marked[d.ID] {
			annotated = append(annotated, d.ID)
			if texts[d.ID], err = ReferenceText(opts.Data, d); err != nil {
				return nil, err
			}
		}
	}
	sys, err := codeNews(ctx, opts.Pipeline, annotated, texts)
	if err != nil {
		return nil, err
	}
	kinds, batchOf := map[string]string{}, map[string]string{}
	for _, d := range docs {
		kinds[d.ID] = d.Kind
	}
	for name, ids := range batches {
		for _, id := range ids {
			batchOf[id] = name
		}
	}
	for i := range sys {
		sys[i].Kind, sys[i].Batch = kinds[sys[i].Doc], batchOf[sys[i].Doc]
	}
	rep := ScoreNews(annotated, gold, sys, opts.NewsScoreOptions)
	rep.Mentions = sys
	for i := range rep.Misses {
		g := rep.Misses[i].Gold
		rep.Misses[i].Sentence = texts[g.Doc][g.Span[0]:g.Span[1]]
	}
	rep.Set, rep.Docs = opts.Set, len(docs)
	return rep, nil
}

// newsSet is a set of the real-news evaluation as its gold files give it.
type newsSet struct {
	docs    []NewsDoc
	gold    []GoldEvent
	batches map[string][]string
	// marked holds the documents the gold files annotate: those with an
	// event or a "# doc ID" comment.
	marked map[string]bool
}

// readNewsSet checks opts.Set and opts.Modalities and reads the set's
// documents and gold files; the gold files must pass CheckGold.
func readNewsSet(opts NewsOptions) (*newsSet, error) {
	if !slices.Contains(NewsSets, opts.Set) {
		return nil, fmt.Errorf("set %q: want %s", opts.Set, strings.Join(NewsSets, ", "))
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
	return &newsSet{docs: docs, gold: gold, batches: batches, marked: marked}, nil
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

// codeNews writes the reference text of each document of ids to a file
// of a temporary directory, codes the files with package pipeline and
// places each mention's sentence back in its reference text.
func codeNews(ctx context.Context, opts pipeline.Options, ids []string, texts map[string]string) ([]SystemMention, error) {
	dir, err := os.MkdirTemp("", "dyad-news-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	byPath := map[string]string{}
	var inputs []string
	for _, id := range ids {
		path := filepath.Join(dir, fmt.Sprintf("%04d.txt", len(inputs)))
		if err := os.WriteFile(path, []byte(texts[id]), 0o600); err != nil {
			return nil, err
		}
		byPath[path] = id
		inputs = append(inputs, path)
	}
	if len(inputs) == 0 {
		return nil, nil
	}
	// Every document is scored, and none may be skipped for the machine's
	// load: no dedup, no time limit.
	opts.NoDedup, opts.Limits.Timeout = true, -1
	var out []SystemMention
	sink := pipeline.SinkFunc(func(_ context.Context, r *pipeline.Result) error {
		id := byPath[r.Input]
		if r.Err != nil || r.Story == nil {
			return fmt.Errorf("%s: not coded: %v", id, r.Err)
		}
		out = append(out, mentions(id, texts[id], r.Story)...)
		return nil
	})
	if _, err := pipeline.Run(ctx, inputs, opts, sink); err != nil {
		return nil, err
	}
	return out, nil
}

// mentions returns the mentions of a story coded from text, each placed on
// its sentence of text.
func mentions(id, text string, st *story.Story) []SystemMention {
	al := newAligner(text)
	spans := make(map[int][2]int, len(st.Sentences))
	for _, s := range st.Sentences {
		spans[s.Index] = al.find(s.Text)
	}
	var out []SystemMention
	for _, ev := range st.Events {
		for _, m := range ev.Mentions {
			out = append(out, SystemMention{Doc: id, Span: spans[m.Sentence], Source: ev.Source, SourceName: ev.SourceName,
				Target: ev.Target, TargetName: ev.TargetName, Code: m.Code, Sentence: m.Text,
				Confidence: m.Event.Confidence, Features: m.Event.Features()})
		}
	}
	return out
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
