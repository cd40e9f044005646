package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"dyad/coder"
	"dyad/dict"
	"dyad/pipeline"
	"dyad/source/fetch"
)

// codeOptions are the flags of dyad code.
type codeOptions struct {
	extractOptions
	dicts        string
	over         dict.Files
	conll        bool
	tsv          bool
	parses       bool
	workers      int
	explain      bool
	date         string
	allowNull    bool
	newActorSize int
	modal        bool
	minConf      float64
	format       string
	mentions     string
}

func newCodeCmd(g *globals) *cobra.Command {
	o := &codeOptions{}
	cmd := &cobra.Command{
		Use:   "code PATH|URL... [--json|--tsv] [--dicts default|phoenix|DIR] [--explain]",
		Short: "Code political events from news articles",
		Long: `Code reads news — files, folders, URLs, feeds, sitemaps, WARC archives,
JSON Lines, as "dyad extract" does — extracts each article, parses its
headline, standfirst and body with Dyad's NLP pipeline, and codes the events
it reports: who did what to whom, in CAMEO, with every event traced to its
sentences. Captions, pull quotes and related-story teasers are not coded.

Within an article, "it", "the group", "both groups", "the two sides" stand
for actors named earlier, and an event told in the headline, the standfirst
and the body is one event with several mentions. Each event has the
article's date and, where the text gives one ("on Wednesday", "last
month"), its own date with its precision.

Dictionaries (--dicts):
  default   Dyad's own, built into the binary (the default)
  phoenix   the Phoenix set, installed by "dyad dict install phoenix"
  DIR       a PETRARCH-format set: a directory with a PETR_config.ini
--actors, --agents, --verbs, --discards and --issues (each repeatable) and
--ontology replace the files of their kind in a PETRARCH-format set, or
give the whole set without --dicts.

Output: each event with its CAMEO code and label, Goldstein value,
QuadClass, PLOVER category, its actors and the words that named them, its
date and its mentions; --explain adds the words and dictionary entries
(file:line) behind each mention; --json prints one JSON object per event
and --tsv a table whose columns follow GDELT 2.0's event table (both
described in docs/FORMATS.md); --format gdelt writes GDELT 2.0's export
file exactly (61 columns by position, no header), with --mentions FILE its
mentions file, an event reported by several articles of the run being one
row with their counts; --format petrarch writes PETRARCH 2's event lines
for comparing coders; --parses prints the parsed sentences of each
coded article in CoNLL-U instead. Output is in input order however many
--workers code at once.

With --conllu the inputs are parsed sentences in CoNLL-U ("-" for standard
input): sentences under one "# newdoc" comment form one article, and without
such comments each sentence is coded on its own. A "# date = YYYYMMDD"
comment dates its document; --date dates articles that give no date.

An input or document that cannot be read gets one line on stderr and the
others are still coded; so does an article beyond the bounds of one
article's work (over 1 MiB of text, or over 20 s), which is skipped. The exit status is then 1. Interrupted (Ctrl-C),
the command stops after the last whole article and says what it did.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCode(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, o, g.showProgress())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "print one JSON object per event")
	f.BoolVar(&o.tsv, "tsv", false, "print a tab-separated table with GDELT 2.0 column names")
	f.StringVar(&o.format, "format", "", `output format: "text", "json", "tsv", "conllu" (as --parses), "gdelt" (GDELT 2.0's event table, with --mentions its mentions table) or "petrarch" (PETRARCH 2's event lines)`)
	f.StringVar(&o.mentions, "mentions", "", "with --format gdelt, write GDELT 2.0's mentions table to this file")
	f.BoolVar(&o.parses, "parses", false, "print the parsed sentences of each coded article in CoNLL-U, not its events")
	f.BoolVar(&o.explain, "explain", false, "show the words and dictionary entries behind each event")
	o.codingFlags(f)
	return cmd
}

// codingFlags adds the flags of reading and coding that dyad code and
// dyad ingest share.
func (o *codeOptions) codingFlags(f *pflag.FlagSet) {
	f.StringVar(&o.dicts, "dicts", "", `dictionaries: "default" (built in), "phoenix" (installed), or a PETRARCH-format directory`)
	f.StringSliceVar(&o.over.Actors, "actors", nil, "actor dictionary (repeatable)")
	f.StringSliceVar(&o.over.Agents, "agents", nil, "agent dictionary (repeatable)")
	f.StringSliceVar(&o.over.Verbs, "verbs", nil, "verb dictionary (repeatable)")
	f.StringSliceVar(&o.over.Discards, "discards", nil, "discard list (repeatable)")
	f.StringSliceVar(&o.over.Issues, "issues", nil, "issues list (repeatable)")
	f.StringVar(&o.over.Ontology, "ontology", "", "coding ontology (PICO file), for negated verbs")
	f.BoolVar(&o.conll, "conllu", false, "the inputs are parsed CoNLL-U")
	f.IntVar(&o.workers, "workers", 0, "documents extracted, and articles parsed and coded, at once: the cores used (default: the number of CPUs)")
	f.StringVar(&o.date, "date", "", "date of articles that give none (YYYY-MM-DD or YYYYMMDD)")
	f.BoolVar(&o.allowNull, "allow-null-actor", false, "code events with only one known actor")
	f.IntVar(&o.newActorSize, "new-actor-length", 0, "let uncoded noun phrases of up to N words stand as actors")
	f.BoolVar(&o.modal, "modal", false, "also print events the text does not assert (negated, hypothetical, future…), each with its modality")
	f.Float64Var(&o.minConf, "min-confidence", 0, "print only events whose confidence (0–1) is at least this")
	f.Int64Var(&o.maxBytes, "max-bytes", defaultMaxBytes, "largest input document to read, in bytes")
	f.BoolVar(&o.noFetch, "no-fetch", false, "use no network: no URLs, no pages linked from feeds and sitemaps")
	f.BoolVar(&o.noFollow, "no-follow", false, "read feeds and sitemaps without fetching the pages they link to")
	f.BoolVar(&o.noDedup, "no-dedup", false, "code near-duplicate articles too")
	f.StringVar(&o.userAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent for fetching; its first word is the robots.txt name")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one fetch")
	f.DurationVar(&o.delay, "delay", time.Second, "least time between requests to one host (robots.txt Crawl-delay may raise it)")
	f.StringVar(&o.cache, "cache", "", "file of ETag/Last-Modified validators: pages unchanged since the last run are skipped")
	f.BoolVar(&o.allowPrivate, "allow-private", false, "fetch from loopback, private and link-local addresses too (refused by default)")
}

// codingOptions returns the pipeline's options from the coding flags.
func (o *codeOptions) codingOptions(stdin io.Reader) (pipeline.Options, *fetch.FileCache, error) {
	date, err := parseDate(o.date)
	if err != nil {
		return pipeline.Options{}, nil, err
	}
	opts, cache, err := o.pipelineOptions(slog.Default())
	if err != nil {
		return opts, nil, err
	}
	opts.Dicts, opts.DictFiles, opts.DictHome = o.dicts, o.over, dictHome()
	opts.Coder = coder.Options{AllowNullActor: o.allowNull, NewActorLength: o.newActorSize, KeepModal: o.modal, MinConfidence: o.minConf}
	opts.CoNLLU, opts.Stdin, opts.Date, opts.Workers = o.conll, stdin, date, o.workers
	return opts, cache, nil
}

// loadDictionaries returns the dictionaries --dicts and the file flags
// name.
func loadDictionaries(name string, over dict.Files) (*dict.Dictionary, error) {
	return pipeline.LoadDictionary(pipeline.Options{Dicts: name, DictFiles: over, DictHome: dictHome()})
}

// parseDate reads --date.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, usageError{fmt.Errorf("--date %q: want YYYY-MM-DD or YYYYMMDD", s)}
}

// codeFormat returns the output format the flags ask for; gdelt is true
// for --format gdelt, which is not a Writer's.
func (o *codeOptions) codeFormat() (f pipeline.Format, gdelt bool, err error) {
	n := 0
	for _, set := range []bool{o.json, o.tsv, o.parses, o.format != ""} {
		if set {
			n++
		}
	}
	if n > 1 {
		return 0, false, usageError{errors.New("--format, --json, --tsv and --parses: choose one")}
	}
	if o.mentions != "" && o.format != "gdelt" {
		return 0, false, usageError{errors.New("--mentions goes with --format gdelt")}
	}
	switch {
	case o.json || o.format == "json":
		return pipeline.JSONLines, false, nil
	case o.tsv || o.format == "tsv":
		return pipeline.TSV, false, nil
	case o.parses || o.format == "conllu":
		return pipeline.CoNLLU, false, nil
	case o.format == "gdelt":
		return 0, true, nil
	case o.format == "petrarch":
		return pipeline.PETRARCH, false, nil
	case o.format == "" || o.format == "text":
		return pipeline.Text, false, nil
	}
	return 0, false, usageError{fmt.Errorf("--format %q: want text, json, tsv, conllu, gdelt or petrarch", o.format)}
}

func runCode(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string, o *codeOptions, showProgress bool) error {
	format, gdelt, err := o.codeFormat()
	if err != nil {
		return err
	}
	opts, cache, err := o.codingOptions(stdin)
	if err != nil {
		return err
	}
	if !gdelt {
		return runPipeline(ctx, stderr, args, opts, cache, pipeline.NewWriter(stdout, format, pipeline.WriterOptions{Explain: o.explain}), "code", showProgress)
	}
	var mentions io.Writer
	if o.mentions != "" {
		f, err := os.Create(o.mentions)
		if err != nil {
			return err
		}
		defer f.Close()
		mentions = f
	}
	sink := pipeline.NewGDELT(stdout, mentions, pipeline.WriterOptions{})
	err = runPipeline(ctx, stderr, args, opts, cache, sink, "code", showProgress)
	if cerr := sink.Close(); cerr != nil {
		return cerr
	}
	if f, ok := mentions.(*os.File); ok {
		if cerr := f.Close(); cerr != nil {
			return cerr
		}
	}
	return err
}
