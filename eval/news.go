package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"dyad/codebook"
	"dyad/nlp/tokenize"
)

// The real-news evaluation (docs/ANNOTATION.md) keeps its documents by
// reference to the shared corpora: a NewsDoc names a file of ../shared/data
// and a document in it, and ReferenceText rebuilds the document's text the
// same way every time, so that gold events can point into it by byte offset
// without the repository holding a word of it.

// The kinds of news document.
const (
	KindCoNLL       = "conll"       // a -DOCSTART- document of a CoNLL-2003 file; Key is its 1-based index
	KindScrapinghub = "scrapinghub" // a page of the Scrapinghub ground truth; Key is its id
	KindBBC         = "bbc"         // a plain-text BBC article
	KindGUM         = "gum"         // a GUM news CoNLL-U document
)

// NewsSets are the sets of the real-news evaluation: "dev", on which rules,
// dictionary entries and the confidence model are tuned; "test", scored and
// never tuned on; and "holdout", dev-like batches annotated from the text
// alone and kept from tuning while the work of the session that added them
// is checked on them, a check of transfer that spends no test run
// (docs/ANNOTATION.md).
var NewsSets = []string{"dev", "holdout", "test"}

// NewsDoc is one document of the real-news evaluation.
type NewsDoc struct {
	ID  string `json:"id"`
	Set string `json:"set"` // one of NewsSets
	// Kind says how ReferenceText reads Path.
	Kind string `json:"kind"`
	// Path is relative to the shared data directory.
	Path string `json:"path"`
	Key  string `json:"key,omitempty"`
	// Cap, when positive, keeps only the first Cap lines of the reference
	// text (sentences of CoNLL and GUM documents, paragraphs of the others).
	Cap int `json:"cap,omitempty"`
	// Topic is the stratum the selection used (select.py).
	Topic string `json:"topic,omitempty"`
}

// ReadNewsDocs reads a documents file: one JSON object (NewsDoc) per line.
// Errors name the file and line.
func ReadNewsDocs(path string) ([]NewsDoc, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var docs []NewsDoc
	seen := map[string]int{}
	err = jsonLines(data, func(n int, line []byte) error {
		var d NewsDoc
		if err := strictJSON(line, &d); err != nil {
			return err
		}
		switch {
		case d.ID == "":
			return errors.New("no id")
		case !slices.Contains(NewsSets, d.Set):
			return fmt.Errorf("set %q: want %s", d.Set, strings.Join(NewsSets, ", "))
		case d.Kind != KindCoNLL && d.Kind != KindScrapinghub && d.Kind != KindBBC && d.Kind != KindGUM:
			return fmt.Errorf("kind %q: want conll, scrapinghub, bbc or gum", d.Kind)
		case d.Path == "" || filepath.IsAbs(d.Path) || strings.Contains(d.Path, ".."):
			return fmt.Errorf("path %q: want a path inside the shared data directory", d.Path)
		case (d.Kind == KindCoNLL || d.Kind == KindScrapinghub) && d.Key == "":
			return fmt.Errorf("a %s document needs a key", d.Kind)
		case d.Cap < 0:
			return errors.New("negative cap")
		}
		if prev, ok := seen[d.ID]; ok {
			return fmt.Errorf("id %s already on line %d", d.ID, prev)
		}
		seen[d.ID] = n
		docs = append(docs, d)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return docs, nil
}

// maxLineBytes bounds one line of the evaluation's JSON Lines files.
const maxLineBytes = 1 << 20

// jsonLines calls fn for each line of data that is neither blank nor a '#'
// comment; an error is returned as "LINE: error", for the caller to prefix
// with the file name.
func jsonLines(data []byte, fn func(n int, line []byte) error) error {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, maxLineBytes)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		if err := fn(n, line); err != nil {
			return fmt.Errorf("%d: %w", n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf(" %w", err)
	}
	return nil
}

// strictJSON decodes one JSON object, refusing unknown fields and trailing
// data, so that a misspelt field is an error rather than a lost value.
func strictJSON(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value on the line")
	}
	return nil
}

// ReferenceText returns the text of d that gold offsets point into, read
// from the shared data directory data:
//
//   - conll: the tokens of each sentence joined by spaces, one sentence a
//     line (each line ends in "\n");
//   - scrapinghub: the page's articleBody;
//   - bbc: the file's text;
//   - gum: the "# text = " lines, one sentence a line.
//
// With a Cap, the text ends after the Cap-th non-blank line (and its
// newline, if any).
func ReferenceText(data string, d NewsDoc) (string, error) {
	path := filepath.Join(data, filepath.FromSlash(d.Path))
	var text string
	switch d.Kind {
	case KindCoNLL:
		n, err := strconv.Atoi(d.Key)
		if err != nil || n < 1 {
			return "", fmt.Errorf("%s: key %q: want the 1-based index of a -DOCSTART- document", d.ID, d.Key)
		}
		if text, err = conllDocument(path, n); err != nil {
			return "", fmt.Errorf("%s: %w", d.ID, err)
		}
	case KindScrapinghub:
		raw, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s: %w", d.ID, err)
		}
		var truth map[string]struct {
			ArticleBody string `json:"articleBody"`
		}
		if err := json.Unmarshal(raw, &truth); err != nil {
			return "", fmt.Errorf("%s: %s: %w", d.ID, path, err)
		}
		page, ok := truth[d.Key]
		if !ok {
			return "", fmt.Errorf("%s: %s has no page %s", d.ID, path, d.Key)
		}
		text = page.ArticleBody
	case KindBBC:
		raw, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s: %w", d.ID, err)
		}
		text = string(raw)
	case KindGUM:
		raw, err := os.ReadFile(path)
		if err != nil {
			return "", fmt.Errorf("%s: %w", d.ID, err)
		}
		var b strings.Builder
		for line := range strings.SplitSeq(string(raw), "\n") {
			if t, ok := strings.CutPrefix(strings.TrimRight(line, "\r"), "# text = "); ok {
				b.WriteString(t)
				b.WriteByte('\n')
			}
		}
		text = b.String()
	default:
		return "", fmt.Errorf("%s: unknown kind %q", d.ID, d.Kind)
	}
	if !utf8.ValidString(text) {
		return "", fmt.Errorf("%s: %s is not UTF-8", d.ID, path)
	}
	if text == "" {
		return "", fmt.Errorf("%s: %s: no text", d.ID, path)
	}
	return capLines(text, d.Cap), nil
}

// conllDocument returns the n-th -DOCSTART- document of a CoNLL-2003 file
// as reference text.
func conllDocument(path string, n int) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	var b strings.Builder
	doc, inSent := 0, false
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		t := strings.TrimRight(sc.Text(), "\r")
		if strings.HasPrefix(t, "-DOCSTART-") {
			if doc++; doc > n {
				break
			}
			continue
		}
		if doc != n {
			continue
		}
		if strings.TrimSpace(t) == "" {
			if inSent {
				b.WriteByte('\n')
			}
			inSent = false
			continue
		}
		word, _, _ := strings.Cut(t, " ")
		if inSent {
			b.WriteByte(' ')
		}
		b.WriteString(word)
		inSent = true
	}
	if err := sc.Err(); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	if inSent {
		b.WriteByte('\n')
	}
	if doc < n {
		return "", fmt.Errorf("%s has %d documents, not %d", path, doc, n)
	}
	return b.String(), nil
}

// capLines keeps text up to the end of its max-th non-blank line.
func capLines(text string, max int) string {
	if max <= 0 {
		return text
	}
	seen := 0
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			return text
		}
		end += i + 1
		if strings.TrimSpace(text[i:end]) != "" {
			if seen++; seen == max {
				return text[:end]
			}
		}
		i = end
	}
	return text
}

// NewsSentence is one sentence of a reference text: the byte span
// [Start, End) and its text.
type NewsSentence struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	// Line is the 1-based line of the reference text the sentence is on.
	Line int `json:"line"`
}

// Sentences splits a reference text as annotators see it: each line on its
// own (a line is a CoNLL or GUM sentence, or a paragraph), cut into
// sentences by tok, Dyad's sentence splitter.
func Sentences(text string, tok *tokenize.Tokenizer) []NewsSentence {
	var out []NewsSentence
	line := 0
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		line++
		for _, s := range tok.Tokenize(text[i:end]) {
			if len(s.Tokens) == 0 || s.Start < 0 {
				continue
			}
			a, b := i+s.Start, i+s.End
			out = append(out, NewsSentence{Start: a, End: b, Text: text[a:b], Line: line})
		}
		i = end + 1
	}
	return out
}

// WriteSentences prints sentences numbered from 1 with their byte spans,
// one a line, for annotators: "  12 [1043,1187) text".
func WriteSentences(w io.Writer, d NewsDoc, sents []NewsSentence) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# %s (%s, %s", d.ID, d.Set, d.Path)
	if d.Key != "" {
		fmt.Fprintf(bw, " %s", d.Key)
	}
	if d.Cap > 0 {
		fmt.Fprintf(bw, ", first %d lines", d.Cap)
	}
	fmt.Fprintf(bw, "): %d sentences\n", len(sents))
	for i, s := range sents {
		fmt.Fprintf(bw, "%4d [%d,%d) %s\n", i+1, s.Start, s.End, s.Text)
	}
	return bw.Flush()
}

// The modalities of a gold event (docs/ANNOTATION.md). Only asserted
// events count for recall by default.
var modalities = []string{"asserted", "negated", "hypothetical", "conditional", "wished", "refused", "denied", "future"}

// GoldEvent is one annotated event of a gold file (JSON Lines).
type GoldEvent struct {
	Doc string `json:"doc"`
	// Span is the byte span [start, end) of the sentence in the document's
	// reference text, as `dyad eval news --show` prints it.
	Span       [2]int `json:"span"`
	Source     string `json:"source"`
	SourceName string `json:"source_name,omitempty"`
	Target     string `json:"target"`
	TargetName string `json:"target_name,omitempty"`
	Code       string `json:"code"`
	// Modality is empty or "asserted" for an event the text asserts.
	Modality string `json:"modality,omitempty"`
	// Date is YYYY-MM-DD, YYYY-MM or YYYY, where the text gives one.
	Date string `json:"date,omitempty"`
	Note string `json:"note,omitempty"`

	// File and Line locate the event, for messages.
	File string `json:"-"`
	Line int    `json:"-"`
}

// Asserted reports whether the text asserts the event.
func (g *GoldEvent) Asserted() bool { return g.Modality == "" || g.Modality == "asserted" }

// ReadGold reads a gold file: one GoldEvent a line, blank lines and '#'
// comments allowed. It checks the syntax of each line, not the event
// against its document (CheckGold does that); errors name file and line.
func ReadGold(path string) ([]GoldEvent, error) {
	return readJSONLines(path, func(n int) GoldEvent { return GoldEvent{File: path, Line: n} })
}

// readJSONLines reads a JSON Lines file of objects of one type, each
// started by start (which records where it was read) and decoded strictly;
// errors name the file and line.
func readJSONLines[T any](path string, start func(line int) T) ([]T, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []T
	err = jsonLines(data, func(n int, line []byte) error {
		v := start(n)
		if err := strictJSON(line, &v); err != nil {
			return err
		}
		out = append(out, v)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s:%w", path, err)
	}
	return out, nil
}

var (
	actorSyntax = regexp.MustCompile(`^(---|([A-Z]{3}){1,6})$`)
	dateSyntax  = regexp.MustCompile(`^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$`)
)

// checkEvent returns what is wrong with g on its own, in words.
func checkEvent(g *GoldEvent) []string {
	var errs []string
	if g.Doc == "" {
		errs = append(errs, "no doc")
	}
	for _, a := range []struct{ field, code, name string }{{"source", g.Source, g.SourceName}, {"target", g.Target, g.TargetName}} {
		switch {
		case a.code == "":
			errs = append(errs, "no "+a.field)
		case !actorSyntax.MatchString(a.code):
			errs = append(errs, fmt.Sprintf("%s %q: want \"---\" or 3-letter codes such as USAGOV, IGOUNO, PSEREBHMS", a.field, a.code))
		case a.code == "---" && strings.TrimSpace(a.name) == "":
			errs = append(errs, fmt.Sprintf("%s \"---\" needs %s_name", a.field, a.field))
		}
	}
	if !codebook.Valid(g.Code) {
		errs = append(errs, fmt.Sprintf("code %q is not a CAMEO event code (../shared/data/events/cameo/CAMEO.eventcodes.txt)", g.Code))
	}
	if g.Modality != "" && !slices.Contains(modalities, g.Modality) {
		errs = append(errs, fmt.Sprintf("modality %q: want one of %s", g.Modality, strings.Join(modalities, ", ")))
	}
	if g.Date != "" && !dateSyntax.MatchString(g.Date) {
		errs = append(errs, fmt.Sprintf("date %q: want YYYY-MM-DD, YYYY-MM or YYYY", g.Date))
	}
	return errs
}

// CheckOptions configure CheckGold.
type CheckOptions struct {
	// Data is the shared data directory.
	Data string
	// Docs are the evaluation's documents.
	Docs []NewsDoc
	// Batches maps a batch name ("T1") to its document ids; a gold file
	// named after a batch (T1.jsonl) may hold only that batch's documents.
	Batches map[string][]string
	// Tokenizer splits sentences.
	Tokenizer *tokenize.Tokenizer
}

// CheckGold checks gold files: each line's syntax, CAMEO codes, actor
// codes, modality and date, that its document exists (and is in the
// file's batch), and that its span starts where a sentence starts and ends
// where a sentence ends on the same line of the reference text. It returns
// one error per problem, each naming file and line, and the events read.
func CheckGold(files []string, opts CheckOptions) ([]GoldEvent, []error) {
	docs := map[string]NewsDoc{}
	for _, d := range opts.Docs {
		docs[d.ID] = d
	}
	type split struct {
		text  string
		sents []NewsSentence
		err   error
	}
	cache := map[string]*split{}
	var all []GoldEvent
	var errs []error
	for _, file := range files {
		gold, err := ReadGold(file)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		batch := strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))
		members, inBatch := opts.Batches[batch]
		for i := range gold {
			g := &gold[i]
			fail := func(msg string) { errs = append(errs, fmt.Errorf("%s:%d: %s", g.File, g.Line, msg)) }
			for _, m := range checkEvent(g) {
				fail(m)
			}
			d, ok := docs[g.Doc]
			if !ok {
				if g.Doc != "" {
					fail(fmt.Sprintf("doc %q is not in the documents file", g.Doc))
				}
				continue
			}
			if inBatch && !slices.Contains(members, g.Doc) {
				fail(fmt.Sprintf("doc %s is not in batch %s", g.Doc, batch))
			}
			sp := cache[g.Doc]
			if sp == nil {
				sp = &split{}
				sp.text, sp.err = ReferenceText(opts.Data, d)
				if sp.err == nil {
					sp.sents = Sentences(sp.text, opts.Tokenizer)
				}
				cache[g.Doc] = sp
			}
			if sp.err != nil {
				fail(sp.err.Error())
				continue
			}
			if m := checkSpan(g.Span, sp.sents, len(sp.text)); m != "" {
				fail(m)
			}
		}
		all = append(all, gold...)
	}
	return all, errs
}

// checkSpan says what is wrong with a gold span, or "".
func checkSpan(span [2]int, sents []NewsSentence, size int) string {
	a, b := span[0], span[1]
	if a < 0 || b > size || a >= b {
		return fmt.Sprintf("span [%d,%d) is not within the text's %d bytes", a, b, size)
	}
	first := slices.IndexFunc(sents, func(s NewsSentence) bool { return s.Start == a })
	last := slices.IndexFunc(sents, func(s NewsSentence) bool { return s.End == b })
	switch {
	case first < 0:
		return fmt.Sprintf("span [%d,%d) does not start at a sentence (see --show)", a, b)
	case last < 0:
		return fmt.Sprintf("span [%d,%d) does not end at a sentence's end (see --show)", a, b)
	case last < first || sents[first].Line != sents[last].Line:
		return fmt.Sprintf("span [%d,%d) runs over more than one line", a, b)
	}
	return ""
}

// ReadBatch reads a batch list: one document id a line, '#' comments.
func ReadBatch(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var ids []string
	for line := range strings.SplitSeq(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			ids = append(ids, line)
		}
	}
	return ids, nil
}

// ShowNews prints the document id of docs as numbered sentences with
// their byte spans (WriteSentences): what annotators read. It prints
// nothing Dyad codes.
func ShowNews(w io.Writer, data string, docs []NewsDoc, id string, tok *tokenize.Tokenizer) error {
	i := slices.IndexFunc(docs, func(d NewsDoc) bool { return d.ID == id })
	if i < 0 {
		return fmt.Errorf("no document %q", id)
	}
	text, err := ReferenceText(data, docs[i])
	if err != nil {
		return err
	}
	return WriteSentences(w, docs[i], Sentences(text, tok))
}
