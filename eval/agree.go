package eval

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"dyad/codebook"
	"dyad/coder"
	"dyad/dict"
	"dyad/dict/builtin"
	"dyad/nlp"
)

// AgreeOptions configure Agree.
type AgreeOptions struct {
	// Records is a PETRARCH validation file whose sentences are coded; its
	// expected events, if any, are not used.
	Records string
	// Phoenix is the directory of the reference dictionary set, with a
	// PETR_config.ini naming its files.
	Phoenix string
	// Defaults is the dictionary compared with the reference; nil means
	// Dyad's default dictionaries (builtin.Dictionary).
	Defaults *dict.Dictionary
	// Reparse codes each record from Parse(text) instead of its embedded
	// CoNLL-U parse.
	Reparse bool
	// Parse parses a record's text into sentences; needed with Reparse.
	Parse func(text string) ([]nlp.Sentence, error)
	// Logger receives progress details; nil discards them.
	Logger *slog.Logger
	// Progress, if set, is called after each record.
	Progress func(done, total int)
}

// AgreeEvent is an event as Agree compares them: source and target actor
// codes and the CAMEO root of the event code.
type AgreeEvent struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Root   string `json:"root"`
}

func (e AgreeEvent) String() string { return e.Root + " " + e.Source + " " + e.Target }

// AgreeReport is the outcome of Agree. Events are counted once per record
// and (source, target, root): the Phoenix share is the part of the events
// coded with the reference dictionaries that the default ones also code,
// the default share the converse.
type AgreeReport struct {
	Records string `json:"records"`
	Phoenix string `json:"phoenix"`
	Reparse bool   `json:"reparse"`
	// Sentences counts the records coded; Unparsed lists those whose parse
	// could not be read or made (they code nothing with either set).
	Sentences int      `json:"sentences"`
	Unparsed  []string `json:"unparsed,omitempty"`
	// Agreeing counts the records coded alike, including those where
	// neither set codes anything.
	Agreeing      int     `json:"agreeing_sentences"`
	PhoenixEvents int     `json:"phoenix_events"`
	DefaultEvents int     `json:"default_events"`
	Both          int     `json:"both"`
	PhoenixOnly   int     `json:"phoenix_only"`
	DefaultOnly   int     `json:"default_only"`
	PhoenixPct    float64 `json:"phoenix_reproduced_pct"` // Both / PhoenixEvents
	DefaultPct    float64 `json:"default_reproduced_pct"` // Both / DefaultEvents
	// Roots breaks the counts down by CAMEO root.
	Roots []AgreeRoot `json:"roots"`
	// Disagreements lists the records coded differently.
	Disagreements []AgreeSentence `json:"disagreements"`
}

// AgreeRoot counts the events of one CAMEO root.
type AgreeRoot struct {
	Root    string `json:"root"`
	Phoenix int    `json:"phoenix"`
	Default int    `json:"default"`
	Both    int    `json:"both"`
}

// AgreeSentence is a record the two dictionary sets code differently: the
// events each coded, with their full codes ("0871 IRQREB IMGMUSALQ"), and
// the compared events found by only one of them.
type AgreeSentence struct {
	ID          string       `json:"id"`
	Line        int          `json:"line"`
	Text        string       `json:"text"`
	Phoenix     []string     `json:"phoenix"`
	Default     []string     `json:"default"`
	PhoenixOnly []AgreeEvent `json:"phoenix_only,omitempty"`
	DefaultOnly []AgreeEvent `json:"default_only,omitempty"`
}

// Agree codes every record of a validation file twice with Dyad's coder,
// once with the Phoenix dictionaries and once with the default ones, and
// compares the events by source, target and CAMEO root.
func Agree(ctx context.Context, opts AgreeOptions) (*AgreeReport, error) {
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
	files, err := dict.FilesFromDir(opts.Phoenix)
	if err != nil {
		return nil, fmt.Errorf("phoenix dictionaries: %w", err)
	}
	phoenix, err := dict.Load(files)
	if err != nil {
		return nil, fmt.Errorf("phoenix dictionaries: %w", err)
	}
	defaults := opts.Defaults
	if defaults == nil {
		if defaults, err = builtin.Dictionary(); err != nil {
			return nil, fmt.Errorf("default dictionaries: %w", err)
		}
	}
	// The two dictionaries are compared under PETRARCH's conventions, in
	// which the sample is coded (see petrarchCoderOptions).
	pc, err := coder.New(phoenix, petrarchCoderOptions(nil))
	if err != nil {
		return nil, err
	}
	dc, err := coder.New(defaults, petrarchCoderOptions(nil))
	if err != nil {
		return nil, err
	}
	log.Info("dictionaries loaded", "phoenix_problems", len(phoenix.Problems), "default_problems", len(defaults.Problems))

	rep := &AgreeReport{Records: filepath.Base(opts.Records), Phoenix: opts.Phoenix, Reparse: opts.Reparse}
	roots := map[string]*AgreeRoot{}
	root := func(r string) *AgreeRoot {
		if roots[r] == nil {
			roots[r] = &AgreeRoot{Root: r}
		}
		return roots[r]
	}
	for i := range suite.Records {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if opts.Progress != nil {
			opts.Progress(i+1, len(suite.Records))
		}
		rec := &suite.Records[i]
		if !rec.Evaluate {
			continue
		}
		rep.Sentences++
		var sents []nlp.Sentence
		if opts.Reparse {
			sents, err = opts.Parse(rec.Text)
		} else {
			sents, err = parseEmbedded(rec)
		}
		if err != nil {
			log.Warn("record not parsed", "id", rec.ID, "line", rec.Line, "err", err)
			rep.Unparsed = append(rep.Unparsed, rec.ID)
			continue
		}
		for k := range sents {
			if sents[k].Text == "" {
				sents[k].Text = rec.Text
			}
		}
		pFull, pKeys := codeAll(pc, sents, rec.Date)
		dFull, dKeys := codeAll(dc, sents, rec.Date)
		s := AgreeSentence{ID: rec.ID, Line: rec.Line, Text: rec.Text, Phoenix: pFull, Default: dFull}
		for _, e := range pKeys {
			rep.PhoenixEvents++
			root(e.Root).Phoenix++
			if slices.Contains(dKeys, e) {
				rep.Both++
				root(e.Root).Both++
			} else {
				s.PhoenixOnly = append(s.PhoenixOnly, e)
			}
		}
		for _, e := range dKeys {
			rep.DefaultEvents++
			root(e.Root).Default++
			if !slices.Contains(pKeys, e) {
				s.DefaultOnly = append(s.DefaultOnly, e)
			}
		}
		rep.PhoenixOnly += len(s.PhoenixOnly)
		rep.DefaultOnly += len(s.DefaultOnly)
		if len(s.PhoenixOnly)+len(s.DefaultOnly) == 0 {
			rep.Agreeing++
		} else {
			rep.Disagreements = append(rep.Disagreements, s)
		}
	}
	if rep.PhoenixEvents > 0 {
		rep.PhoenixPct = 100 * float64(rep.Both) / float64(rep.PhoenixEvents)
	}
	if rep.DefaultEvents > 0 {
		rep.DefaultPct = 100 * float64(rep.Both) / float64(rep.DefaultEvents)
	}
	for _, r := range slices.Sorted(maps.Keys(roots)) {
		rep.Roots = append(rep.Roots, *roots[r])
	}
	return rep, nil
}

// codeAll codes a record's sentences and returns its distinct events, in
// full ("CODE SOURCE TARGET") and as compared.
func codeAll(c *coder.Coder, sents []nlp.Sentence, date int) (full []string, keys []AgreeEvent) {
	for k := range sents {
		for _, e := range petrarchModality(c.Code(&sents[k], date)).Events {
			f := e.Code + " " + e.Source + " " + e.Target
			if !slices.Contains(full, f) {
				full = append(full, f)
			}
			key := AgreeEvent{Source: e.Source, Target: e.Target, Root: cameoRoot(e.Code)}
			if !slices.Contains(keys, key) {
				keys = append(keys, key)
			}
		}
	}
	return full, keys
}

// cameoRoot returns the root of a CAMEO code; other codes (a test
// dictionary's) are compared whole.
func cameoRoot(code string) string {
	if r, err := codebook.Root(code); err == nil {
		return r
	}
	return code
}

// WriteTable prints the report: the agreement in both directions, the
// counts by CAMEO root, then every record coded differently with the
// events of each set.
func (r *AgreeReport) WriteTable(w io.Writer) error {
	mode := "embedded parses"
	if r.Reparse {
		mode = "Dyad's own parses"
	}
	fmt.Fprintf(w, "%s (%s): %d sentences, %d coded alike\n", r.Records, mode, r.Sentences, r.Agreeing)
	fmt.Fprintf(w, "Phoenix dictionaries: %s\n", r.Phoenix)
	if len(r.Unparsed) > 0 {
		fmt.Fprintf(w, "not parsed (nothing coded): %s\n", strings.Join(r.Unparsed, ", "))
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "coded with\tevents\talso by the other\tonly by this one\treproduced %\t")
	fmt.Fprintf(tw, "Phoenix\t%d\t%d\t%d\t%.1f\t\n", r.PhoenixEvents, r.Both, r.PhoenixOnly, r.PhoenixPct)
	fmt.Fprintf(tw, "default\t%d\t%d\t%d\t%.1f\t\n", r.DefaultEvents, r.Both, r.DefaultOnly, r.DefaultPct)
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w)
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "root\tPhoenix\tdefault\tboth\t")
	for _, c := range r.Roots {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", c.Root, c.Phoenix, c.Default, c.Both)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nevents compared by (source, target, CAMEO root); %d sentences coded differently:\n", len(r.Disagreements))
	for _, s := range r.Disagreements {
		fmt.Fprintf(w, "%s (line %d): %s\n", s.ID, s.Line, s.Text)
		fmt.Fprintf(w, "    Phoenix: %s\n", listOrNone(s.Phoenix))
		fmt.Fprintf(w, "    default: %s\n", listOrNone(s.Default))
	}
	return nil
}
