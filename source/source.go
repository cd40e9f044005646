package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"iter"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"dyad/source/fetch"
)

// Record is one document as read from a source, before extraction.
type Record struct {
	// Origin names where the document was read, for provenance: a file path,
	// a URL, or a part of a container ("crawl.warc.gz#offset=12501",
	// "items.jsonl#line=7", "feed.xml#item=3").
	Origin string
	// URL is the document's own address when known (a fetched page's final
	// URL, a WARC target URI, a feed item's link).
	URL string
	// ContentType is the media type with its parameters, as declared by HTTP
	// or WARC or, for local files, sniffed ("text/html", "text/plain").
	// Empty when Body is empty.
	ContentType string
	// Body holds the document's bytes, decompressed, in their original
	// encoding. It is empty for a record made only of metadata (a sitemap
	// entry whose page was not fetched, a JSON Lines row given as text).
	Body []byte
	// Header holds the HTTP response headers when the document came over HTTP
	// or from a WARC response record.
	Header http.Header
	// Date is when the document was fetched or archived; zero if unknown.
	Date time.Time
	// Meta is what the container said about the document.
	Meta Meta
}

// Meta is the metadata a container gives with a document. Extraction prefers
// what the page itself says and falls back to these.
type Meta struct {
	Title     string
	Summary   string // plain text: a feed item's description
	Author    string
	Publisher string // the feed's or news sitemap's publication name
	Language  string
	Published time.Time
	// Text is the article body when the container gave it as plain text (a
	// JSON Lines "text" field): paragraphs separated by blank lines.
	Text string
	// ID is the container's own identifier of the document, which the
	// article keeps: a PETRARCH sentence's id, a JSON Lines row's id.
	ID string
}

// IsHTML reports whether the record's body is an HTML or XHTML page.
func (r *Record) IsHTML() bool {
	mt := mediaType(r.ContentType)
	return mt == "text/html" || mt == "application/xhtml+xml"
}

// Source is a stream of documents.
//
// Next returns the next record, or io.EOF when there are no more. An error
// of type *DocError concerns one document or one part of the source; the
// source goes on, and the caller calls Next again. Any other error (the
// context's) ends the stream. Close releases open files; it may be called at
// any time, and Next then returns io.EOF.
type Source interface {
	Next(ctx context.Context) (Record, error)
	Close() error
}

// All ranges over the records of src, yielding each record with a nil error
// and each *DocError with a zero record, until the source ends or fails. A
// final error other than io.EOF is yielded last. All closes src.
func All(ctx context.Context, src Source) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		defer src.Close()
		for {
			rec, err := src.Next(ctx)
			if err == io.EOF {
				return
			}
			if !yield(rec, err) {
				return
			}
			var de *DocError
			if err != nil && !errors.As(err, &de) {
				return
			}
		}
	}
}

// DocError reports a problem with one document, or one part of a source,
// that did not stop the source.
type DocError struct {
	Origin string // the input: a file path or URL
	Where  string // the part within it, e.g. "record at byte 25827", "line 7"; may be empty
	Err    error
}

func (e *DocError) Error() string {
	if e.Where == "" {
		return e.Origin + ": " + e.Err.Error()
	}
	return e.Origin + ": " + e.Where + ": " + e.Err.Error()
}

func (e *DocError) Unwrap() error { return e.Err }

// Errors callers may test for with errors.Is.
var (
	// ErrTooLarge reports a document over Options.MaxBytes.
	ErrTooLarge = errors.New("document too large")
	// ErrNoFetcher reports a URL that could not be read because
	// Options.Fetcher is nil.
	ErrNoFetcher = errors.New("fetching is disabled")
	// ErrNotFeed reports a feed URL or file whose content is not a feed.
	ErrNotFeed = errors.New("not a feed")
	// ErrNotNews reports a file of a folder that is not news: the assets
	// of a page a browser saved (page_files/), metadata JSON, XML of
	// another kind. Named alone, such a file is an error of its own kind.
	ErrNotNews = errors.New("not news")
)

// errNotArticles is wrapped by the errors of JSON and XML files in no
// format that holds articles.
var errNotArticles = errors.New("no articles")

// Fetcher gets documents over HTTP; *fetch.Client is one.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (*fetch.Response, error)
}

// Options configure the readers. The zero value reads local inputs with the
// default limits and no network.
type Options struct {
	// Fetcher fetches URL inputs and the pages that feeds and sitemaps link
	// to. Nil means no network: URLs fail with ErrNoFetcher, feed items
	// yield their own content and sitemap entries their metadata.
	Fetcher Fetcher
	// NoFollow keeps feeds and sitemaps from fetching the pages they link
	// to, as if there were no fetcher, while URL inputs (and the sitemaps a
	// sitemap index lists) are still fetched.
	NoFollow bool
	// MaxBytes bounds one document after decompression (default 64 MiB).
	MaxBytes int64
	// Concurrency is how many linked pages are fetched ahead (default 4);
	// the fetcher's per-host limits still apply.
	Concurrency int
	// MaxSitemapDepth bounds how deep sitemap indexes are followed (default 3).
	MaxSitemapDepth int
	// MaxLinks bounds the entries read from one feed or sitemap tree, all
	// its sitemaps together (default 50,000, the sitemap protocol's limit
	// for one file).
	MaxLinks int
	// MaxSitemaps bounds the sitemaps read in one tree, the index included
	// (default 1,000).
	MaxSitemaps int
	// MaxRecords bounds the records read from one WARC archive, documents
	// or not, readable or not (default 1,000,000).
	MaxRecords int
	// MaxStreamBytes bounds what one compressed input decompresses to, all
	// documents together (default 16 GiB). Past the first 64 MiB, a stream
	// that grows more than MaxRatio times its compressed size (default
	// 200; text compresses about 4 to 10 times) is a bomb and stops too.
	MaxStreamBytes int64
	MaxRatio       int
	// Logger receives warnings that lose nothing; nil discards them.
	Logger *slog.Logger

	inList bool // reading the entries of a URL list
}

// DefaultMaxBytes is the default bound on one document.
const DefaultMaxBytes = 64 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) concurrency() int {
	if o.Concurrency > 0 {
		return o.Concurrency
	}
	return 4
}

func (o Options) maxDepth() int {
	if o.MaxSitemapDepth > 0 {
		return o.MaxSitemapDepth
	}
	return 3
}

func (o Options) maxLinks() int {
	if o.MaxLinks > 0 {
		return o.MaxLinks
	}
	return 50000
}

func (o Options) maxSitemaps() int {
	if o.MaxSitemaps > 0 {
		return o.MaxSitemaps
	}
	return 1000
}

func (o Options) maxRecords() int {
	if o.MaxRecords > 0 {
		return o.MaxRecords
	}
	return 1_000_000
}

func (o Options) maxStreamBytes() int64 {
	if o.MaxStreamBytes > 0 {
		return o.MaxStreamBytes
	}
	return 16 << 30
}

func (o Options) maxRatio() int64 {
	if o.MaxRatio > 0 {
		return int64(o.MaxRatio)
	}
	return 200
}

// budget returns a reader of the decompressed stream r that fails with
// ErrTooLarge past the stream bounds; compressed reports how many
// compressed bytes have been read so far.
func (o Options) budget(r io.Reader, compressed func() int64) *budgetReader {
	return &budgetReader{r: r, compressed: compressed, max: o.maxStreamBytes(), ratio: o.maxRatio()}
}

// ratioFloor is the decompressed size below which the ratio is not
// checked: a small document of repeated markup may compress very well.
const ratioFloor = 64 << 20

// budgetReader bounds a decompressed stream: its total, and past
// ratioFloor its ratio to the compressed bytes read. Its error is sticky.
type budgetReader struct {
	r          io.Reader
	compressed func() int64
	n, max     int64
	ratio      int64
	err        error
}

// errBudget marks the errors of a budgetReader, which end the stream.
var errBudget = errors.New("stream budget")

func (b *budgetReader) Read(p []byte) (int, error) {
	if b.err != nil {
		return 0, b.err
	}
	n, err := b.r.Read(p)
	b.n += int64(n)
	switch {
	case b.n > b.max:
		b.err = fmt.Errorf("%w: decompressed stream over %s (%w)", ErrTooLarge, Size(b.max), errBudget)
	case b.n > ratioFloor && b.n > b.ratio*max(b.compressed(), 1):
		b.err = fmt.Errorf("%w: decompressed %s at a ratio over %d:1 to its compressed size, a compression bomb (%w)", ErrTooLarge, Size(b.n), b.ratio, errBudget)
	}
	if b.err != nil {
		return n, b.err
	}
	return n, err
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger.With("component", "source")
	}
	return slog.New(slog.DiscardHandler)
}

// Open returns the source for one input: an http or https URL, a directory
// or a file. Problems opening it are reported by the first call to Next.
func Open(input string, opts Options) Source {
	if isURL(input) {
		w := &webSource{url: input, opts: opts}
		return &lazy{open: w.open}
	}
	return &lazy{open: func(context.Context) Source { return openPath(input, opts) }}
}

// FromBytes returns the source for a document already read, such as
// standard input, choosing the reader from its content as for a file.
// name is its origin; paths in a URL list are relative to the working
// directory.
func FromBytes(name string, data []byte, opts Options) Source {
	if len(data) == 0 {
		return failed(docErr(name, "", errors.New("empty document")))
	}
	if int64(len(data)) > opts.maxBytes() {
		return failed(docErr(name, "", tooLarge(opts.maxBytes())))
	}
	return fromDoc(doc{origin: name, name: name, data: data, stdin: true}, opts, nil)
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// mediaType returns the lower-case media type of a Content-Type value,
// without parameters.
func mediaType(ct string) string {
	if i := strings.IndexByte(ct, ';'); i >= 0 {
		ct = ct[:i]
	}
	return strings.ToLower(strings.TrimSpace(ct))
}

// list is a Source over records and errors already at hand.
type list struct {
	items []item
	i     int
}

type item struct {
	rec Record
	err error
}

func (l *list) Next(ctx context.Context) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	if l.i >= len(l.items) {
		return Record{}, io.EOF
	}
	it := l.items[l.i]
	l.i++
	return it.rec, it.err
}

func (l *list) Close() error { l.i = len(l.items); return nil }

func single(rec Record) Source    { return &list{items: []item{{rec: rec}}} }
func failed(err *DocError) Source { return &list{items: []item{{err: err}}} }
func docErr(origin, where string, err error) *DocError {
	return &DocError{Origin: origin, Where: where, Err: err}
}

func tooLarge(n int64) error {
	return fmt.Errorf("%w: over the %s limit", ErrTooLarge, Size(n))
}

// Size formats a byte count for people: "512 B", "2.0 GiB".
func Size(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
