package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/pipeline"
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
	outDir       string
	stdin        io.Reader // for the input "-"
}

// pipelineOptions turns the flags into the options of a pipeline run;
// warnings go to log. The cache, if any, must be saved after.
func (o *extractOptions) pipelineOptions(log *slog.Logger) (pipeline.Options, *fetch.FileCache, error) {
	if o.maxBytes < 0 || o.maxBytes > maxMaxBytes { // 0: the default
		return pipeline.Options{}, nil, usageError{fmt.Errorf("--max-bytes %d: want 1 to %d (%s)", o.maxBytes, maxMaxBytes, source.Size(maxMaxBytes))}
	}
	if o.userAgent != "" && len(strings.Fields(strings.SplitN(o.userAgent, "/", 2)[0])) == 0 {
		return pipeline.Options{}, nil, usageError{fmt.Errorf("--user-agent %q: give a name, as in %q", o.userAgent, fetch.DefaultUserAgent)}
	}
	opts := pipeline.Options{
		Source:  source.Options{MaxBytes: o.maxBytes, NoFollow: o.noFollow, Logger: log},
		NoDedup: o.noDedup,
		Logger:  log,
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
RSS, Atom or JSON feed, a sitemap or news sitemap, JSON Lines (one
article per line with url, title, text or html, published; the output of
--json is read back as the same articles, IDs included), PETRARCH story
XML (each sentence an article with its ID and date), or a list of inputs
(one URL or path per line, # comments, as trafilatura's -i reads). "-" is
standard input, read as any file is. --output-dir DIR writes each article
to a file of its own, DIR/ID.txt (ID.json with --json). Feeds and
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
			o.stdin = cmd.InOrStdin()
			return runExtract(cmd.Context(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, o, g.showProgress())
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "print one JSON object per article")
	cmd.Flags().StringVar(&o.outDir, "output-dir", "", "write each article to a file of its own in this folder (ID.txt, or ID.json with --json)")
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
	opts, cache, err := o.pipelineOptions(slog.Default())
	if err != nil {
		return err
	}
	opts.ExtractOnly, opts.Stdin = true, o.stdin
	format, ext := pipeline.ArticleText, ".txt"
	if o.json {
		format, ext = pipeline.ArticleJSON, ".json"
	}
	if o.outDir == "" {
		return runPipeline(ctx, stderr, args, opts, cache, pipeline.NewWriter(stdout, format, pipeline.WriterOptions{}), "extract", showProgress)
	}
	if err := os.MkdirAll(o.outDir, 0o755); err != nil {
		return err
	}
	// One file per article, named by its ID, as trafilatura's -o writes
	// a folder: the same article read again overwrites its own file.
	sink := pipeline.SinkFunc(func(ctx context.Context, r *pipeline.Result) error {
		if r.Article == nil || r.Err != nil {
			return nil
		}
		f, err := os.Create(filepath.Join(o.outDir, fileName(r.Article.ID)+ext))
		if err != nil {
			return err
		}
		if err := pipeline.NewWriter(f, format, pipeline.WriterOptions{}).Put(ctx, r); err != nil {
			f.Close()
			return err
		}
		return f.Close()
	})
	return runPipeline(ctx, stderr, args, opts, cache, sink, "extract", showProgress)
}

// runPipeline runs the pipeline over the inputs into out, with one line on
// stderr for each document that fails or is skipped, and a summary if the
// run is interrupted. It saves the fetch cache (nil if none) after a whole
// run, and reports how many documents failed.
func runPipeline(ctx context.Context, stderr io.Writer, inputs []string, opts pipeline.Options, cache *fetch.FileCache, out pipeline.Sink, label string, showProgress bool) error {
	tuneRun()
	if ctx == nil {
		ctx = context.Background()
	}
	prog := newProgress(showProgress, stderr, label, 0)
	verbose := slog.Default().Enabled(ctx, slog.LevelInfo)
	sum, err := pipeline.Run(ctx, inputs, opts, pipeline.SinkFunc(func(ctx context.Context, r *pipeline.Result) error {
		prog.Add(1)
		passed := pipeline.PassReason(r.Err) != ""
		// Documents passed over are counted in the summary, and listed
		// one by one with -v.
		if r.Err != nil && (!passed || verbose) {
			prog.Done()
			fmt.Fprintf(stderr, "dyad: %v%s\n", r.Err, hint(r.Err))
		}
		return out.Put(ctx, r)
	}))
	prog.Done()
	if sum.Interrupted {
		// The summary says all there is to say; the exit status is 1.
		fmt.Fprintf(stderr, "dyad: %s: %s\n", label, sum)
		return errReported{failed: sum.Failed + sum.Skipped, total: sum.Results}
	}
	if err != nil {
		return err
	}
	if cache != nil {
		if err := cache.Save(); err != nil {
			return err
		}
	}
	// The end-of-run summary: on a terminal, and whenever documents were
	// passed over, which have no line of their own without -v.
	if showProgress || len(sum.PassedOver) > 0 {
		fmt.Fprintf(stderr, "dyad: %s: %s\n", label, summaryLine(label, sum))
	}
	if n := sum.Failed + sum.Skipped; n > 0 {
		return errReported{failed: n, total: sum.Results}
	}
	return nil
}

// summaryLine is the end-of-run account: documents read, passed over by
// reason, failed, and for code the articles coded and their events.
func summaryLine(label string, sum pipeline.Summary) string {
	if label != "extract" {
		return fmt.Sprintf("%d documents read: %s", sum.Results, sum)
	}
	line := fmt.Sprintf("%d documents read: %d articles extracted", sum.Results, sum.Articles)
	if n, why := sum.Passed(); n > 0 {
		line += fmt.Sprintf(", %d passed over (%s)", n, why)
	}
	return line + fmt.Sprintf(", %d failed in %.1f s", sum.Failed+sum.Skipped, sum.Elapsed.Seconds())
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

// fileName makes an article ID safe as a file name: an ID a container gave
// (a JSON Lines row's, a PETRARCH sentence's) may hold any character.
func fileName(id string) string {
	s := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.' {
			return r
		}
		return '_'
	}, id)
	if strings.Trim(s, ".") == "" {
		return "_" + s
	}
	return s
}
