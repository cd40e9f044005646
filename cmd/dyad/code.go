package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/article"
	"dyad/article/ingest"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict"
	"dyad/dict/builtin"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/english"
	"dyad/source/fetch"
)

// codeOptions are the flags of dyad code.
type codeOptions struct {
	extractOptions
	dicts        string
	over         dict.Files
	conll        bool
	tsv          bool
	explain      bool
	date         string
	allowNull    bool
	newActorSize int
	modal        bool
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
described in docs/FORMATS.md).

With --conllu the inputs are parsed sentences in CoNLL-U ("-" for standard
input): sentences under one "# newdoc" comment form one article, and without
such comments each sentence is coded on its own. A "# date = YYYYMMDD"
comment dates its document; --date dates articles that give no date.

An input or document that cannot be read gets one line on stderr and the
others are still coded; the exit status is then 1.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runCode(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, o, g.showProgress())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.dicts, "dicts", "", `dictionaries: "default" (built in), "phoenix" (installed), or a PETRARCH-format directory`)
	f.StringSliceVar(&o.over.Actors, "actors", nil, "actor dictionary (repeatable)")
	f.StringSliceVar(&o.over.Agents, "agents", nil, "agent dictionary (repeatable)")
	f.StringSliceVar(&o.over.Verbs, "verbs", nil, "verb dictionary (repeatable)")
	f.StringSliceVar(&o.over.Discards, "discards", nil, "discard list (repeatable)")
	f.StringSliceVar(&o.over.Issues, "issues", nil, "issues list (repeatable)")
	f.StringVar(&o.over.Ontology, "ontology", "", "coding ontology (PICO file), for negated verbs")
	f.BoolVar(&o.conll, "conllu", false, "the inputs are parsed CoNLL-U")
	f.BoolVar(&o.json, "json", false, "print one JSON object per event")
	f.BoolVar(&o.tsv, "tsv", false, "print a tab-separated table with GDELT 2.0 column names")
	f.BoolVar(&o.explain, "explain", false, "show the words and dictionary entries behind each event")
	f.StringVar(&o.date, "date", "", "date of articles that give none (YYYY-MM-DD or YYYYMMDD)")
	f.BoolVar(&o.allowNull, "allow-null-actor", false, "code events with only one known actor")
	f.IntVar(&o.newActorSize, "new-actor-length", 0, "let uncoded noun phrases of up to N words stand as actors")
	f.BoolVar(&o.modal, "modal", false, "also print events the text does not assert (negated, hypothetical, future…), each with its modality")
	f.Int64Var(&o.maxBytes, "max-bytes", defaultMaxBytes, "largest input document to read, in bytes")
	f.BoolVar(&o.noFetch, "no-fetch", false, "use no network: no URLs, no pages linked from feeds and sitemaps")
	f.BoolVar(&o.noFollow, "no-follow", false, "read feeds and sitemaps without fetching the pages they link to")
	f.BoolVar(&o.noDedup, "no-dedup", false, "code near-duplicate articles too")
	f.StringVar(&o.userAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent for fetching; its first word is the robots.txt name")
	f.DurationVar(&o.timeout, "timeout", 30*time.Second, "time limit of one fetch")
	f.DurationVar(&o.delay, "delay", time.Second, "least time between requests to one host (robots.txt Crawl-delay may raise it)")
	f.StringVar(&o.cache, "cache", "", "file of ETag/Last-Modified validators: pages unchanged since the last run are skipped")
	f.BoolVar(&o.allowPrivate, "allow-private", false, "fetch from loopback, private and link-local addresses too (refused by default)")
	return cmd
}

// dictFilesNone gives loadDictionaries no single files.
var dictFilesNone dict.Files

// loadDictionaries returns the dictionaries --dicts and the file flags
// name: the built-in set by default, the installed Phoenix set, or a
// PETRARCH-format directory with files replaced by those given one by one.
func loadDictionaries(name string, over dict.Files) (*dict.Dictionary, error) {
	overridden := len(over.Actors)+len(over.Agents)+len(over.Verbs)+len(over.Discards)+len(over.Issues) > 0 || over.Ontology != ""
	switch {
	case name == "default" && overridden:
		return nil, errors.New("--actors, --agents, --verbs, --discards, --issues and --ontology replace files of a PETRARCH-format set; they do not apply to --dicts default")
	case name == "default", name == "" && !overridden:
		return builtin.Dictionary()
	}
	dir := name
	if name == "phoenix" {
		dir = filepath.Join(dictHome(), "phoenix")
		if _, err := os.Stat(filepath.Join(dir, dict.ConfigName)); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf(`the Phoenix dictionaries are not installed (no %s): run "dyad dict install phoenix"`, dir)
		}
	}
	files, err := codeFiles(dir, over)
	if err != nil {
		return nil, err
	}
	return dict.Load(files)
}

// codeFiles combines a dictionary directory with the files given one by
// one: a kind given explicitly replaces the directory's.
func codeFiles(dir string, over dict.Files) (dict.Files, error) {
	var f dict.Files
	if dir != "" {
		var err error
		if f, err = dict.FilesFromDir(dir); err != nil {
			return f, err
		}
	}
	if len(over.Actors) > 0 {
		f.Actors = over.Actors
	}
	if len(over.Agents) > 0 {
		f.Agents = over.Agents
	}
	if len(over.Verbs) > 0 {
		f.Verbs = over.Verbs
	}
	if len(over.Discards) > 0 {
		f.Discards = over.Discards
	}
	if len(over.Issues) > 0 {
		f.Issues = over.Issues
	}
	if over.Ontology != "" {
		f.Ontology = over.Ontology
	}
	if len(f.Actors) == 0 || len(f.Verbs) == 0 {
		return f, errors.New("no dictionaries: give --dicts default|phoenix|DIR, or at least --actors and --verbs")
	}
	return f, nil
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
	return time.Time{}, fmt.Errorf("--date %q: want YYYY-MM-DD or YYYYMMDD", s)
}

// storyWriter prints coded stories in the chosen format.
type storyWriter struct {
	w       *bufio.Writer
	o       *codeOptions
	enc     *json.Encoder
	header  bool
	started time.Time
}

func newStoryWriter(w io.Writer, o *codeOptions) *storyWriter {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &storyWriter{w: bw, o: o, enc: enc, started: time.Now()}
}

func (sw *storyWriter) write(st *story.Story) error {
	switch {
	case sw.o.json:
		for _, r := range st.Records() {
			if err := sw.enc.Encode(r); err != nil {
				return err
			}
		}
	case sw.o.tsv:
		if !sw.header {
			sw.header = true
			if err := story.WriteTSVHeader(sw.w); err != nil {
				return err
			}
		}
		if err := story.WriteTSV(sw.w, st, sw.started); err != nil {
			return err
		}
	default:
		if err := story.Write(sw.w, st, sw.o.explain); err != nil {
			return err
		}
	}
	return sw.w.Flush()
}

func runCode(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string, o *codeOptions, showProgress bool) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.json && o.tsv {
		return errors.New("--json and --tsv: choose one")
	}
	defDate, err := parseDate(o.date)
	if err != nil {
		return err
	}
	log := slog.Default()
	t0 := time.Now()
	d, err := loadDictionaries(o.dicts, o.over)
	if err != nil {
		return err
	}
	log.Info("dictionaries loaded", "files", len(d.Files), "seconds", time.Since(t0).Seconds(), "problems", len(d.Problems))
	for _, p := range d.Problems {
		log.Debug("dictionary problem", "at", p.Source.String(), "msg", p.Msg)
	}
	cd, err := coder.New(d, coder.Options{AllowNullActor: o.allowNull, NewActorLength: o.newActorSize, KeepModal: o.modal, Logger: log})
	if err != nil {
		return err
	}
	out := newStoryWriter(stdout, o)
	if o.conll {
		sc := story.New(cd, nil, story.Options{Logger: log})
		for _, arg := range args {
			data, name, err := readInput(stdin, arg)
			if err != nil {
				return err
			}
			sents, err := conllu.ReadAll(bytes.NewReader(data), name)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			for _, doc := range conllDocuments(name, sents) {
				date := defDate
				if dd := sentenceDate(&doc.sents[0]); !dd.IsZero() {
					date = dd
				}
				if err := out.write(sc.CodeSentences(doc.id, date, doc.sents)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	p, err := english.Pipeline()
	if err != nil {
		return err
	}
	if p.Provides()&nlp.Tree == 0 {
		return errors.New("Dyad's NLP pipeline has no dependency parser in this build: give parsed input with --conllu")
	}
	sc := story.New(cd, p, story.Options{Logger: log})
	prog := newProgress(showProgress, stderr, "code", 0)
	failed, total := 0, 0
	codeArticle := func(a *article.Article) error {
		if a.Published.IsZero() {
			a.Published = defDate
		}
		st, err := sc.Code(a)
		if err != nil {
			return err
		}
		return out.write(st)
	}
	report := func(err error) {
		prog.Done()
		fmt.Fprintf(stderr, "dyad: %v%s\n", err, hint(err))
		failed++
	}
	var inputs []string
	for _, arg := range args {
		if arg != "-" {
			inputs = append(inputs, arg)
			continue
		}
		total++
		data, name, err := readInput(stdin, arg)
		if err == nil {
			var a *article.Article
			if a, err = article.FromText(data); err == nil {
				a.Origin = name
				err = codeArticle(a)
			}
		}
		if err != nil {
			report(fmt.Errorf("%s: %w", "standard input", err))
		}
	}
	opts, cache, err := o.ingestOptions(log)
	if err != nil {
		return err
	}
	err = ingest.Run(ctx, inputs, opts, func(r ingest.Result) error {
		total++
		prog.Add(1)
		if r.Err != nil {
			report(r.Err)
			return nil
		}
		if r.Article.DuplicateOf != "" {
			log.Info("near-duplicate not coded", "article_id", r.Article.ID, "duplicate_of", r.Article.DuplicateOf, "origin", r.Article.Origin)
			return nil
		}
		if err := codeArticle(r.Article); err != nil {
			if errors.Is(err, story.ErrNoParser) {
				return err
			}
			report(fmt.Errorf("%s: %w", r.Article.Origin, err))
		}
		return nil
	})
	prog.Done()
	return endRun(err, cache, failed, total)
}

// conllDoc is one document of a CoNLL-U input.
type conllDoc struct {
	id    string
	sents []nlp.Sentence
}

// conllDocuments groups sentences into documents at "# newdoc" comments;
// without any, each sentence is a document of its own. Sentences without
// an ID are numbered.
func conllDocuments(name string, sents []nlp.Sentence) []conllDoc {
	newdoc := func(s *nlp.Sentence) (string, bool) {
		for _, c := range s.Comments {
			if rest, ok := strings.CutPrefix(c, "newdoc"); ok {
				_, id, _ := strings.Cut(rest, "=")
				return strings.TrimSpace(id), true
			}
		}
		return "", false
	}
	grouped := false
	for i := range sents {
		if _, ok := newdoc(&sents[i]); ok {
			grouped = true
		}
	}
	var docs []conllDoc
	for i := range sents {
		s := sents[i]
		if s.ID == "" {
			s.ID = strconv.Itoa(i + 1)
		}
		id, starts := newdoc(&s)
		if !grouped || starts || len(docs) == 0 {
			if id == "" {
				id = s.ID
				if grouped {
					id = fmt.Sprintf("%s#%d", name, len(docs)+1)
				}
			}
			docs = append(docs, conllDoc{id: id})
		}
		docs[len(docs)-1].sents = append(docs[len(docs)-1].sents, s)
	}
	return docs
}

// sentenceDate returns the date of a "# date = YYYYMMDD" comment, or the
// zero time.
func sentenceDate(s *nlp.Sentence) time.Time {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == "date" {
			if t, err := time.Parse("20060102", strings.TrimSpace(v)); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}
