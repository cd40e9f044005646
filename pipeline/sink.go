package pipeline

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"dyad/article"
	"dyad/coder/story"
	"dyad/nlp/conllu"
	"dyad/source"
)

// Result is what became of one document, or of one input that could not be
// read at all.
type Result struct {
	// Seq numbers the results of a run from 0, in input order.
	Seq int
	// Input is the input the document came from, as given to Run.
	Input string
	// Article is the extracted article; nil if the document failed before
	// extraction, or in CoNLL-U input. Its DuplicateOf is set for a
	// near-duplicate of an earlier article of the run, which is not coded.
	Article *article.Article
	// Story is the coded article; nil when the article was not coded
	// (ExtractOnly, a near-duplicate, a failure or a skip).
	Story *story.Story
	// Err is why there is no article or no story: a document's error
	// (naming the file, URL or part of a container), or an error wrapping
	// ErrSkipped for an article beyond the Limits.
	Err error
}

// ErrSkipped is wrapped by the error of an article that was not coded
// because it went beyond the Limits.
var ErrSkipped = errors.New("skipped")

// LanguageError is the error of an article in a language Dyad has no
// models for: it is not coded (the English models would code it wrongly),
// and a run passes it over (PassReason).
type LanguageError struct {
	Origin   string
	Language string // the article's ISO 639-1 code
}

func (e *LanguageError) Error() string {
	return fmt.Sprintf("%s: not coded: in language %q, and Dyad codes English", e.Origin, e.Language)
}

// PassReason says why a document was passed over rather than failed: it
// was read, but it is not news Dyad codes — a folder's file that is not
// news (source.ErrNotNews), a page without article text
// (article.ErrNoArticle), an article in another language (LanguageError).
// It is "" for nil and for any other error. A run's Summary counts passed
// over documents by reason, apart from failures.
func PassReason(err error) string {
	var le *LanguageError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &le):
		return "language " + le.Language
	case errors.Is(err, source.ErrNotNews):
		return "not news"
	case errors.Is(err, article.ErrNoArticle):
		return "no article text"
	}
	return ""
}

// Sink receives the results of a run in input order, one call at a time.
// An error from Put stops the run and is Run's error.
type Sink interface {
	Put(ctx context.Context, r *Result) error
}

// SinkFunc is a function used as a Sink.
type SinkFunc func(ctx context.Context, r *Result) error

// Put calls f.
func (f SinkFunc) Put(ctx context.Context, r *Result) error { return f(ctx, r) }

// Format is an output format of a Writer.
type Format int

// The output formats.
const (
	// Text prints each coded article's events for a reader.
	Text Format = iota
	// JSONLines prints one story.Record per event, one per line: Dyad's
	// event schema (docs/FORMATS.md).
	JSONLines
	// TSV prints one row per event, columns named as GDELT 2.0's event
	// table, under a header row.
	TSV
	// CoNLLU prints the parsed sentences of each coded article.
	CoNLLU
	// ArticleText prints each article for a reader: metadata, typed
	// blocks, related teasers.
	ArticleText
	// ArticleJSON prints each article as one JSON object per line.
	ArticleJSON
	// PETRARCH prints one line per event as PETRARCH 2's event files
	// have them (story.WritePETRARCH).
	PETRARCH
)

// WriterOptions configure a Writer. The zero value is ready to use.
type WriterOptions struct {
	// Explain adds to Text the words and dictionary entries behind each
	// mention.
	Explain bool
	// Added is the DATEADDED of TSV rows; zero means the time the Writer
	// was made.
	Added time.Time
}

// Writer is a Sink that prints results in one Format. It writes each
// result whole and flushes it before Put returns, so an interrupted run
// leaves no record half-written. Results without what the format prints
// (no story, or no article) are passed over.
type Writer struct {
	w      *bufio.Writer
	f      Format
	o      WriterOptions
	enc    *json.Encoder
	header bool
}

// NewWriter returns a Writer printing format f on w.
func NewWriter(w io.Writer, f Format, o WriterOptions) *Writer {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	if o.Added.IsZero() {
		o.Added = time.Now()
	}
	return &Writer{w: bw, f: f, o: o, enc: enc}
}

var _ Sink = (*Writer)(nil)

// Put prints r.
func (sw *Writer) Put(_ context.Context, r *Result) error {
	if err := sw.write(r); err != nil {
		return err
	}
	return sw.w.Flush()
}

func (sw *Writer) write(r *Result) error {
	switch sw.f {
	case ArticleText, ArticleJSON:
		if r.Article == nil || r.Err != nil {
			return nil
		}
		if sw.f == ArticleJSON {
			return sw.enc.Encode(r.Article)
		}
		return writeArticle(sw.w, r.Article)
	}
	st := r.Story
	if st == nil {
		return nil
	}
	switch sw.f {
	case JSONLines:
		for _, rec := range st.Records() {
			if err := sw.enc.Encode(rec); err != nil {
				return err
			}
		}
	case TSV:
		if !sw.header {
			sw.header = true
			if err := story.WriteTSVHeader(sw.w); err != nil {
				return err
			}
		}
		return story.WriteTSV(sw.w, st, sw.o.Added)
	case PETRARCH:
		var publisher string
		if r.Article != nil {
			publisher = r.Article.Source
		}
		return story.WritePETRARCH(sw.w, st, publisher)
	case CoNLLU:
		for _, s := range st.Sentences {
			if s.Parsed == nil {
				continue
			}
			if err := conllu.Write(sw.w, s.Parsed); err != nil {
				return err
			}
		}
	default:
		return story.Write(sw.w, st, sw.o.Explain)
	}
	return nil
}

// writeArticle writes a for a reader: metadata, then the body with block
// kinds other than paragraphs marked, then the related teasers.
func writeArticle(w io.Writer, a *article.Article) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", a.Title)
	if a.Standfirst != "" {
		fmt.Fprintf(&b, "%s\n", a.Standfirst)
	}
	var meta []string
	for _, kv := range [][2]string{{"source", a.Source}, {"by", a.Byline}, {"language", a.Language}, {"url", a.URL}, {"origin", a.Origin}, {"id", a.ID}, {"duplicate of", a.DuplicateOf}} {
		if kv[1] != "" {
			meta = append(meta, kv[0]+": "+kv[1])
		}
	}
	if !a.Published.IsZero() {
		meta = append(meta, "published: "+a.Published.Format("2006-01-02 15:04 MST"))
	}
	fmt.Fprintf(&b, "[%s]\n\n", strings.Join(meta, " | "))
	for _, bl := range a.Blocks {
		switch bl.Kind {
		case article.Paragraph:
			fmt.Fprintf(&b, "%s\n\n", bl.Text)
		case article.Heading:
			fmt.Fprintf(&b, "## %s\n\n", bl.Text)
		default:
			fmt.Fprintf(&b, "[%s] %s\n\n", bl.Kind, bl.Text)
		}
	}
	if len(a.Related) > 0 {
		b.WriteString("Related:\n")
		for _, t := range a.Related {
			fmt.Fprintf(&b, "  - %s", t.Title)
			if t.Summary != "" {
				fmt.Fprintf(&b, " — %s", t.Summary)
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("----\n")
	_, err := io.WriteString(w, b.String())
	return err
}
