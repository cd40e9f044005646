package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/article"
	"dyad/article/ingest"
	"dyad/source"
	"dyad/source/fetch"
)

// defaultMaxBytes bounds one input document; no news article comes close.
// --max-bytes may raise it up to maxMaxBytes, past which one document
// could take the machine's memory (docs/RELIABILITY.md).
const (
	defaultMaxBytes = 64 << 20
	maxMaxBytes     = 256 << 20
)

type extractOptions struct {
	json      bool
	maxBytes  int64
	noFetch   bool
	noFollow  bool
	noDedup   bool
	userAgent string
	timeout   time.Duration
	delay     time.Duration
	cache     string
	// allowPrivate lets the fetcher reach loopback and private addresses.
	allowPrivate bool
}

// ingestOptions turns the flags into the options of the ingestion
// pipeline; warnings go to log. The cache, if any, must be saved after.
func (o *extractOptions) ingestOptions(log *slog.Logger) (ingest.Options, *fetch.FileCache, error) {
	if o.maxBytes < 0 || o.maxBytes > maxMaxBytes { // 0: the default
		return ingest.Options{}, nil, fmt.Errorf("--max-bytes %d: want 1 to %d (%s)", o.maxBytes, maxMaxBytes, source.Size(maxMaxBytes))
	}
	if o.userAgent != "" && len(strings.Fields(strings.SplitN(o.userAgent, "/", 2)[0])) == 0 {
		return ingest.Options{}, nil, fmt.Errorf("--user-agent %q: give a name, as in %q", o.userAgent, fetch.DefaultUserAgent)
	}
	opts := ingest.Options{
		Source:  source.Options{MaxBytes: o.maxBytes, NoFollow: o.noFollow, Logger: log},
		NoDedup: o.noDedup,
	}
	if o.noFetch {
		return opts, nil, nil
	}
	fo := fetch.Options{
		UserAgent:    o.userAgent,
		Timeout:      o.timeout,
		HostInterval: o.delay,
		MaxBytes:     o.maxBytes,
		AllowPrivate: o.allowPrivate,
		Logger:       log,
	}
	var cache *fetch.FileCache
	if o.cache != "" {
		var err error
		cache, err = fetch.OpenFileCache(o.cache)
		switch {
		case errors.Is(err, fetch.ErrCorruptCache):
			log.Warn("cache unreadable; starting afresh, and it will be replaced", "err", err)
		case err != nil:
			return opts, nil, err
		}
		fo.Cache = cache
	}
	opts.Source.Fetcher = fetch.New(fo)
	return opts, cache, nil
}

func newExtractCmd(g *globals) *cobra.Command {
	o := &extractOptions{}
	cmd := &cobra.Command{
		Use:   "extract INPUT...",
		Short: "Read news documents and print the clean articles",
		Long: `Extract reads each INPUT and prints the articles it holds: title,
standfirst, source, the body as typed blocks (paragraphs, headings, captions,
pull quotes), and related-story teasers kept apart from the body.

An INPUT is a file, a directory (searched recursively for files named like
news: .html, .htm, .txt, .warc, .xml, .rss, .atom, .json, .jsonl, gzipped
or not, or with no extension), or an http(s) URL. What a file holds is found from its content: an HTML page, a plain-text
dump, a gzip file, a WARC archive (.warc, .warc.gz; response records), an
RSS, Atom or JSON feed, a sitemap or news sitemap, or JSON Lines (one
article per line with url, title, text or html, published). Feeds and
sitemaps yield the pages they link to, fetched politely (robots.txt, one
request per --delay per host); with --no-follow (or --no-fetch, which also
refuses URL inputs), a feed item yields its own content and a sitemap entry
its metadata.

Near-duplicates (syndicated copies, re-publications) are marked with the ID
of the first article of their story ("duplicate of" / "duplicate_of").

With --json, each article is printed as one JSON object on its own line; the
fields are documented in docs/FORMATS.md.

A document that cannot be read (a file, a URL, a corrupt WARC record, a
feed item whose page fails) gets one line on stderr naming it and the
problem; the others are still processed, and the exit status is 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runExtract(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, o, g.showProgress())
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print one JSON object per article")
	cmd.Flags().Int64Var(&o.maxBytes, "max-bytes", defaultMaxBytes, "largest input document to read, in bytes")
	cmd.Flags().BoolVar(&o.noFetch, "no-fetch", false, "use no network: no URLs, no pages linked from feeds and sitemaps")
	cmd.Flags().BoolVar(&o.noFollow, "no-follow", false, "read feeds and sitemaps without fetching the pages they link to")
	cmd.Flags().BoolVar(&o.noDedup, "no-dedup", false, "do not mark near-duplicate articles")
	cmd.Flags().StringVar(&o.userAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent for fetching; its first word is the robots.txt name")
	cmd.Flags().DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one fetch")
	cmd.Flags().DurationVar(&o.delay, "delay", time.Second, "least time between requests to one host (robots.txt Crawl-delay may raise it)")
	cmd.Flags().StringVar(&o.cache, "cache", "", "file of ETag/Last-Modified validators: pages unchanged since the last run are skipped")
	cmd.Flags().BoolVar(&o.allowPrivate, "allow-private", false, "fetch from loopback, private and link-local addresses too (refused by default)")
	return cmd
}

func runExtract(ctx context.Context, stdout, stderr io.Writer, args []string, o *extractOptions, showProgress bool) error {
	if ctx == nil {
		ctx = context.Background()
	}
	opts, cache, err := o.ingestOptions(slog.Default())
	if err != nil {
		return err
	}
	prog := newProgress(showProgress, stderr, "extract", 0)
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	failed, total := 0, 0
	err = ingest.Run(ctx, args, opts, func(r ingest.Result) error {
		total++
		prog.Add(1)
		if r.Err != nil {
			prog.Done()
			fmt.Fprintf(stderr, "dyad: %v%s\n", r.Err, hint(r.Err))
			failed++
			return nil
		}
		if o.json {
			return enc.Encode(r.Article)
		}
		return printArticle(stdout, r.Article)
	})
	prog.Done()
	return endRun(err, cache, failed, total)
}

// endRun ends a run over inputs: it returns err if the run failed, else
// saves the fetch cache (nil if none) and reports how many inputs failed.
func endRun(err error, cache *fetch.FileCache, failed, total int) error {
	if err != nil {
		return err
	}
	if cache != nil {
		if err := cache.Save(); err != nil {
			return err
		}
	}
	if failed > 0 {
		return errReported{failed: failed, total: total}
	}
	return nil
}

// hint names the flag that changes the outcome of an error, if any.
func hint(err error) string {
	// Not article.ErrPageTooLarge: the HTML limits (16 MiB, elements,
	// nesting) are fixed, whatever --max-bytes says.
	if errors.Is(err, source.ErrTooLarge) || errors.Is(err, fetch.ErrTooLarge) {
		return " (see --max-bytes)"
	}
	if errors.Is(err, source.ErrNoFetcher) {
		return " (--no-fetch is set)"
	}
	return ""
}

// printArticle writes a for a reader: metadata, then the body with block
// kinds other than paragraphs marked, then the related teasers.
func printArticle(w io.Writer, a *article.Article) error {
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
