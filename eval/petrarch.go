package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"dyad/coder"
	"dyad/dict"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

// PetrarchOptions configure EvalPetrarch.
type PetrarchOptions struct {
	// Records is the validation file.
	Records string
	// Dicts is the directory the dictionary names of the file's
	// <Environment> are relative to.
	Dicts string
	// Overrides replace the dictionaries the <Environment> names; relative
	// paths are taken relative to Dicts. Empty fields keep the file's
	// choice.
	Overrides dict.Files
	// Reparse codes each record from Parse(text) instead of its embedded
	// parse.
	Reparse bool
	// Parse parses a record's text into sentences; needed with Reparse.
	Parse func(text string) ([]nlp.Sentence, error)
	// Logger receives progress details; nil discards them.
	Logger *slog.Logger
	// Progress, if set, is called after each record.
	Progress func(done, total int)
	// Passes is how many times the sentences are coded to measure the
	// speed, which is the median; 0 means 1.
	Passes int
}

// PetrarchReport is the outcome of EvalPetrarch.
type PetrarchReport struct {
	Suite        string     `json:"suite"`
	Dictionaries dict.Files `json:"dictionaries"`
	Reparse      bool       `json:"reparse"`
	// Include lists the categories the file's <Environment> declares as
	// tests; empty when it declares none, meaning all.
	Include []string `json:"include,omitempty"`
	// PetrarchScore counts the records of the included categories: the
	// figure PETRARCH's own validation script reports.
	PetrarchScore
	// All counts every record the file marks for evaluation, whatever its
	// category.
	All        PetrarchScore      `json:"all"`
	Categories []PetrarchCategory `json:"categories"`
	Failures   []PetrarchFailure  `json:"failures"`
	// LoadSeconds is the time to read and compile the dictionaries.
	LoadSeconds float64 `json:"load_seconds"`
	// Sentences coded, the time the coder took for them (parsing
	// excluded) and the resulting rate: the median of Passes runs.
	Sentences       int     `json:"sentences"`
	CodeSeconds     float64 `json:"code_seconds"`
	SentencesPerSec float64 `json:"sentences_per_sec"`
	Passes          int     `json:"passes"`
	// ParseSeconds is the time spent reparsing (with Reparse).
	ParseSeconds float64 `json:"parse_seconds,omitempty"`
	// Skipped counts records the file marks not to evaluate.
	Skipped int `json:"skipped"`
}

// PetrarchScore counts, over records, the expected items found (Correct)
// and missed (Uncoded), and the coded events not expected (Extra). An
// expected item is an event, a "no events" record (found when nothing is
// coded) or an expected error or discard (found when the coder reports
// it).
type PetrarchScore struct {
	Records  int `json:"records"`
	Expected int `json:"expected"`
	Correct  int `json:"correct"`
	Uncoded  int `json:"uncoded"`
	Extra    int `json:"extra"`
	// CorrectPct is Correct/(Correct+Uncoded) and ExtraPct is
	// Extra/Records, both in percent: the figures PETRARCH's validation
	// scripts report.
	CorrectPct float64 `json:"correct_pct"`
	ExtraPct   float64 `json:"extra_pct"`
}

func (s *PetrarchScore) add(correct, uncoded, extra int) {
	s.Records++
	s.Expected += correct + uncoded
	s.Correct += correct
	s.Uncoded += uncoded
	s.Extra += extra
}

func (s *PetrarchScore) finish() {
	if n := s.Correct + s.Uncoded; n > 0 {
		s.CorrectPct = 100 * float64(s.Correct) / float64(n)
	}
	if s.Records > 0 {
		s.ExtraPct = 100 * float64(s.Extra) / float64(s.Records)
	}
}

// PetrarchCategory is the score of one category of records.
type PetrarchCategory struct {
	Name     string `json:"name"`
	Included bool   `json:"included"` // in the file's <Include> list
	PetrarchScore
}

// PetrarchFailure is a record not coded exactly as expected.
type PetrarchFailure struct {
	ID       string   `json:"id"`
	Category string   `json:"category"`
	Included bool     `json:"included"`
	Line     int      `json:"line"`
	Text     string   `json:"text"`
	Expected []string `json:"expected"`
	Coded    []string `json:"coded"`
	Missing  []string `json:"missing,omitempty"`
	Extra    []string `json:"extra,omitempty"`
}

// ErrNoParser is returned by EvalPetrarch when Reparse is set without a
// Parse function.
var ErrNoParser = errors.New("reparse needs a parser")

// EvalPetrarch codes every evaluated record of a PETRARCH validation file
// and scores the result.
func EvalPetrarch(ctx context.Context, opts PetrarchOptions) (*PetrarchReport, error) {
	if opts.Reparse && opts.Parse == nil {
		return nil, ErrNoParser
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	suite, err := readPetrarchFile(opts.Records)
	if err != nil {
		return nil, err
	}
	files, err := petrarchFiles(suite.Env, opts.Dicts, opts.Overrides)
	if err != nil {
		return nil, err
	}
	t0 := time.Now()
	d, err := dict.Load(files)
	if err != nil {
		return nil, err
	}
	rep := &PetrarchReport{Suite: filepath.Base(opts.Records), Dictionaries: files, Reparse: opts.Reparse,
		LoadSeconds: time.Since(t0).Seconds()}
	included := func(string) bool { return true }
	for _, c := range suite.Env.Include {
		if c != "valid" {
			rep.Include = append(rep.Include, c)
		}
	}
	if len(rep.Include) > 0 {
		included = func(c string) bool { return slices.Contains(rep.Include, c) }
	}
	log.Info("dictionaries loaded", "seconds", rep.LoadSeconds, "problems", len(d.Problems))

	coders := map[coder.Options]*coder.Coder{}
	cats := map[string]*PetrarchCategory{}
	var catOrder []string
	var codeTime, parseTime time.Duration
	// The sentences and their coders, kept to time more passes.
	type job struct {
		c    *coder.Coder
		s    []nlp.Sentence
		date int
	}
	var jobs []job
	for i := range suite.Records {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rec := &suite.Records[i]
		if opts.Progress != nil {
			opts.Progress(i+1, len(suite.Records))
		}
		if !rec.Evaluate {
			rep.Skipped++
			continue
		}
		copts := petrarchCoderOptions(rec.Options)
		cd := coders[copts]
		if cd == nil {
			if cd, err = coder.New(d, copts); err != nil {
				return nil, err
			}
			coders[copts] = cd
		}
		var sents []nlp.Sentence
		tp := time.Now()
		if opts.Reparse {
			sents, err = opts.Parse(rec.Text)
		} else {
			sents, err = parseEmbedded(rec)
		}
		parseTime += time.Since(tp)
		var results []coder.Result
		if err != nil {
			// An unreadable parse is reported like a bad tree.
			results = []coder.Result{{Problems: []coder.Problem{{Kind: coder.ProblemBadParse, Msg: err.Error()}}}}
		}
		tc := time.Now()
		for k := range sents {
			if sents[k].Text == "" {
				sents[k].Text = rec.Text
			}
			results = append(results, petrarchModality(cd.Code(&sents[k], rec.Date)))
		}
		codeTime += time.Since(tc)
		rep.Sentences += len(sents)
		jobs = append(jobs, job{cd, sents, rec.Date})
		correct, uncoded, extra, coded := scorePetrarchRecord(rec, results)
		in := included(rec.Category)
		if in {
			rep.add(correct, uncoded, extra)
		}
		rep.All.add(correct, uncoded, extra)
		c := cats[rec.Category]
		if c == nil {
			c = &PetrarchCategory{Name: rec.Category, Included: in}
			cats[rec.Category] = c
			catOrder = append(catOrder, rec.Category)
		}
		c.add(correct, uncoded, extra)
		if uncoded > 0 || extra > 0 {
			f := petrarchFailure(rec, coded, results)
			f.Included = in
			rep.Failures = append(rep.Failures, f)
		}
	}
	rep.finish()
	rep.All.finish()
	for _, name := range catOrder {
		c := cats[name]
		c.finish()
		rep.Categories = append(rep.Categories, *c)
	}
	times := []time.Duration{codeTime}
	for p := 1; p < opts.Passes; p++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		t := time.Now()
		for _, j := range jobs {
			for k := range j.s {
				j.c.Code(&j.s[k], j.date)
			}
		}
		times = append(times, time.Since(t))
	}
	slices.Sort(times)
	rep.Passes = len(times)
	rep.CodeSeconds = times[len(times)/2].Seconds()
	if opts.Reparse {
		rep.ParseSeconds = parseTime.Seconds()
	}
	if rep.CodeSeconds > 0 {
		rep.SentencesPerSec = float64(rep.Sentences) / rep.CodeSeconds
	}
	return rep, nil
}

// petrarchFiles resolves the dictionaries of a suite: the <Environment>
// names, replaced by any overrides, relative to dir.
func petrarchFiles(env PetrarchEnv, dir string, over dict.Files) (dict.Files, error) {
	path := func(p string) string {
		if p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	paths := func(ps []string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, path(p))
		}
		return out
	}
	one := func(p string) []string {
		if p == "" {
			return nil
		}
		return []string{path(p)}
	}
	f := dict.Files{
		Actors:   paths(env.Actors),
		Agents:   paths(env.Agents),
		Verbs:    one(env.Verbs),
		Discards: one(env.Discards),
		Issues:   one(env.Issues),
		Ontology: path(env.Ontology),
	}
	if len(over.Actors) > 0 {
		f.Actors = paths(over.Actors)
	}
	if len(over.Agents) > 0 {
		f.Agents = paths(over.Agents)
	}
	if len(over.Verbs) > 0 {
		f.Verbs = paths(over.Verbs)
	}
	if len(over.Discards) > 0 {
		f.Discards = paths(over.Discards)
	}
	if len(over.Issues) > 0 {
		f.Issues = paths(over.Issues)
	}
	if over.Ontology != "" {
		f.Ontology = path(over.Ontology)
	}
	if len(f.Verbs) == 0 || len(f.Actors) == 0 {
		return f, errors.New("no verb or actor dictionary: the file's <Environment> names none; give them explicitly")
	}
	return f, nil
}

// petrarchCoderOptions turns a record's <Config> options into coder
// options. The comma_* options of PETRARCH-1 prune comma-delimited clauses
// from a constituency parse; coding from the dependency tree has no use
// for them, so they are accepted and ignored, as is stop_on_error.
//
// The suites follow PETRARCH's conventions, which are not Dyad's defaults
// for news: PETRARCH codes what a sentence says whether or not it asserts
// it ("Arnor will abandon relations with Gondor" is 1952), so the suites
// are coded with coder.Options.KeepModal (see petrarchModality for
// negation), and it aims a statement at what it is about
// (coder.Options.PETRARCH).
func petrarchCoderOptions(o map[string]string) coder.Options {
	c := coder.Options{KeepModal: true, PETRARCH: true}
	if v, ok := o["require_dyad"]; ok && strings.EqualFold(v, "false") {
		c.AllowNullActor = true
	}
	if v, ok := o["new_actor_length"]; ok {
		if n, err := strconv.Atoi(v); err == nil && n > 0 && n < 100 {
			c.NewActorLength = n
		}
	}
	return c
}

// petrarchModality drops the negated events of r: PETRARCH codes a
// negated verb only through its ontology's negated code, which the coder
// reports as asserted.
func petrarchModality(r coder.Result) coder.Result {
	r.Events = slices.DeleteFunc(r.Events, func(e coder.Event) bool { return e.Modality == coder.Negated })
	return r
}

// parseEmbedded reads a record's embedded CoNLL-U parse.
func parseEmbedded(rec *PetrarchRecord) ([]nlp.Sentence, error) {
	name := fmt.Sprintf("record %s (line %d)", rec.ID, rec.Line)
	sents, err := conllu.ReadAll(strings.NewReader(rec.Parse+"\n"), name)
	if err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: empty parse", name)
	}
	for i := range sents {
		if sents[i].ID == "" {
			sents[i].ID = rec.ID
		}
	}
	return sents, nil
}

// scorePetrarchRecord scores a record's coding: see PetrarchScore.
func scorePetrarchRecord(rec *PetrarchRecord, results []coder.Result) (correct, uncoded, extra int, coded []PetrarchEvent) {
	seen := map[PetrarchEvent]bool{}
	reported := map[string]bool{}
	for _, r := range results {
		for _, e := range r.Events {
			pe := PetrarchEvent{Source: e.Source, Target: e.Target, Code: e.Code}
			if !seen[pe] {
				seen[pe] = true
				coded = append(coded, pe)
			}
		}
		if r.Discard != nil {
			if r.Discard.Story {
				reported["storydiscard"] = true
			} else {
				reported["sentencediscard"] = true
			}
		}
		for _, p := range r.Problems {
			reported[p.Kind] = true
		}
	}
	switch {
	case rec.Error != "":
		if reported[rec.Error] {
			correct = 1
		} else {
			uncoded = 1
		}
		return correct, uncoded, len(coded), coded
	case rec.NoEvents && len(rec.Expected) == 0:
		if len(coded) == 0 {
			return 1, 0, 0, coded
		}
		return 0, 1, len(coded), coded
	}
	want := map[PetrarchEvent]bool{}
	for _, e := range rec.Expected {
		want[e] = true
	}
	for e := range want {
		if seen[e] {
			correct++
		} else {
			uncoded++
		}
	}
	for _, e := range coded {
		if !want[e] {
			extra++
		}
	}
	return correct, uncoded, extra, coded
}

func petrarchFailure(rec *PetrarchRecord, coded []PetrarchEvent, results []coder.Result) PetrarchFailure {
	f := PetrarchFailure{ID: rec.ID, Category: rec.Category, Line: rec.Line, Text: rec.Text}
	want := map[PetrarchEvent]bool{}
	for _, e := range rec.Expected {
		want[e] = true
		f.Expected = append(f.Expected, e.String())
	}
	if rec.NoEvents && len(rec.Expected) == 0 {
		f.Expected = append(f.Expected, "no events")
	}
	if rec.Error != "" {
		f.Expected = append(f.Expected, "error "+rec.Error)
	}
	got := map[PetrarchEvent]bool{}
	for _, e := range coded {
		got[e] = true
		f.Coded = append(f.Coded, e.String())
		if !want[e] {
			f.Extra = append(f.Extra, e.String())
		}
	}
	for _, r := range results {
		if r.Discard != nil {
			kind := "sentencediscard"
			if r.Discard.Story {
				kind = "storydiscard"
			}
			f.Coded = append(f.Coded, kind+" ("+r.Discard.Text+")")
		}
		for _, p := range r.Problems {
			f.Coded = append(f.Coded, p.Kind+" ("+p.Msg+")")
		}
	}
	for _, e := range rec.Expected {
		if !got[e] && !slices.Contains(f.Missing, e.String()) {
			f.Missing = append(f.Missing, e.String())
		}
	}
	return f
}

// WriteTable prints the report: the figures per category and in total, the
// speed, then every failure with the expected and the coded events.
func (r *PetrarchReport) WriteTable(w io.Writer) error {
	mode := "embedded parses"
	if r.Reparse {
		mode = "Dyad's own parses"
	}
	fmt.Fprintf(w, "%s (%s)\n", r.Suite, mode)
	fmt.Fprintf(w, "dictionaries: %s\n", strings.Join(r.dictionaryNames(), ", "))
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "category\trecords\texpected\tcorrect\tuncoded\textra\tcorrect %\textra %\t")
	row := func(name string, s PetrarchScore) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%.1f\t%.1f\t\n", name, s.Records, s.Expected, s.Correct, s.Uncoded, s.Extra, s.CorrectPct, s.ExtraPct)
	}
	for _, c := range r.Categories {
		name := c.Name
		if !c.Included {
			name += " (not in <Include>)"
		}
		row(name, c.PetrarchScore)
	}
	row("total (<Include>)", r.PetrarchScore)
	row("total (all records)", r.All)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "dictionaries loaded in %.3f s; %d sentences coded in %.3f s: %.0f sentences/s (median of %d passes)", r.LoadSeconds, r.Sentences, r.CodeSeconds, r.SentencesPerSec, r.Passes)
	if r.Reparse {
		fmt.Fprintf(w, " (parsing took %.3f s)", r.ParseSeconds)
	}
	fmt.Fprintf(w, "\n\n%d records not coded exactly as expected:\n", len(r.Failures))
	for _, f := range r.Failures {
		note := ""
		if !f.Included {
			note = ", not in <Include>"
		}
		fmt.Fprintf(w, "%s (%s, line %d%s): %s\n", f.ID, f.Category, f.Line, note, f.Text)
		fmt.Fprintf(w, "    expected: %s\n", listOrNone(f.Expected))
		fmt.Fprintf(w, "    coded:    %s\n", listOrNone(f.Coded))
	}
	return nil
}

func (r *PetrarchReport) dictionaryNames() []string {
	var out []string
	for _, group := range [][]string{r.Dictionaries.Verbs, r.Dictionaries.Actors, r.Dictionaries.Agents, r.Dictionaries.Discards, r.Dictionaries.Issues, {r.Dictionaries.Ontology}} {
		for _, p := range group {
			if p != "" {
				out = append(out, filepath.Base(p))
			}
		}
	}
	return out
}

func listOrNone(s []string) string {
	if len(s) == 0 {
		return "(nothing)"
	}
	return strings.Join(s, "; ")
}
