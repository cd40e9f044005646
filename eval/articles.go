package eval

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"dyad/article"
	"dyad/coder/story"
	"dyad/dict/builtin"
)

// ArticlesOptions configure Articles.
type ArticlesOptions struct {
	// Dirs are directories of articles: NAME.txt (a plain-text dump) with
	// NAME.events (the expected events, read by builtin.ReadExpected)
	// and/or NAME.refs (the expected references, read by ReadRefs).
	Dirs []string
	// RefDirs are more directories of NAME.refs files, for articles of
	// Dirs whose directory has none.
	RefDirs []string
	// Coder codes the articles.
	Coder *story.Coder
}

// ArticlesReport scores the article-level coding: events against the
// expected ones, and the references ("the group", "it", "both sides")
// against those an annotator resolved.
type ArticlesReport struct {
	Articles []ArticleScore `json:"articles"`
	// Events and Refs total the articles'.
	Events EventScore `json:"events"`
	Refs   RefScore   `json:"references"`
}

// ArticleScore is one article's score.
type ArticleScore struct {
	Name   string     `json:"name"`
	Events EventScore `json:"events"`
	Refs   RefScore   `json:"references"`
	// Missed, Extra and RefErrors describe the differences, for people.
	Missed    []string `json:"missed,omitempty"`
	Extra     []string `json:"extra,omitempty"`
	RefErrors []string `json:"reference_errors,omitempty"`
}

// EventScore counts events: Expected in the sidecar, Found of them
// coded; Coded in all, Matching of them expected.
type EventScore struct {
	Expected int `json:"expected"`
	Found    int `json:"found"`
	Coded    int `json:"coded"`
	Matching int `json:"matching"`
}

// RefScore counts references. Gold are the annotated phrases; Correct
// were resolved to exactly the annotated actors (or, annotated "-", left
// unresolved); Wrong were resolved to others; Missed were not resolved;
// Spurious are resolutions of phrases nobody annotated.
type RefScore struct {
	Gold     int `json:"gold"`
	Correct  int `json:"correct"`
	Wrong    int `json:"wrong"`
	Missed   int `json:"missed"`
	Spurious int `json:"spurious"`
}

func (e *EventScore) add(o EventScore) {
	e.Expected += o.Expected
	e.Found += o.Found
	e.Coded += o.Coded
	e.Matching += o.Matching
}

func (r *RefScore) add(o RefScore) {
	r.Gold += o.Gold
	r.Correct += o.Correct
	r.Wrong += o.Wrong
	r.Missed += o.Missed
	r.Spurious += o.Spurious
}

// RefGold is one annotated reference: Phrase, in the sentence that
// contains Context, stands for the actors Codes (none: for no known
// actor).
type RefGold struct {
	Phrase, Context string
	Codes           []string
	Line            int
}

// ReadRefs reads a references file: one line per phrase,
//
//	"the group" in "asked the group to" = IRQREB
//	"both sides" in "both sides will withdraw" = LBYMIL LBYREB
//	"it" in "said it ignored" = -
//
// where "-" marks a phrase that refers to no actor (a pronoun for a deal,
// a description of an actor the dictionaries do not know). '#' starts a
// comment. Errors name the file and line.
func ReadRefs(r io.Reader, name string) ([]RefGold, error) {
	var out []RefGold
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fail := func(msg string) ([]RefGold, error) { return nil, fmt.Errorf("%s:%d: %s", name, n, msg) }
		phrase, rest, ok := quoted(line)
		if !ok {
			return fail(`want "phrase" in "context" = CODES`)
		}
		rest, ok = strings.CutPrefix(strings.TrimSpace(rest), "in ")
		if !ok {
			return fail(`want "in" after the phrase`)
		}
		context, rest, ok := quoted(strings.TrimSpace(rest))
		if !ok {
			return fail("want the context in quotes")
		}
		codes, ok := strings.CutPrefix(strings.TrimSpace(rest), "=")
		if !ok || strings.TrimSpace(codes) == "" {
			return fail(`want "= CODES" or "= -"`)
		}
		g := RefGold{Phrase: phrase, Context: context, Line: n}
		if f := strings.Fields(codes); !(len(f) == 1 && f[0] == "-") {
			g.Codes = f
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}

// quoted reads a double-quoted string at the start of s.
func quoted(s string) (string, string, bool) {
	if !strings.HasPrefix(s, `"`) {
		return "", "", false
	}
	end := strings.IndexByte(s[1:], '"')
	if end < 0 {
		return "", "", false
	}
	return s[1 : end+1], s[end+2:], true
}

// Articles codes the articles of opts.Dirs and scores them.
func Articles(ctx context.Context, opts ArticlesOptions) (*ArticlesReport, error) {
	rep := &ArticlesReport{}
	for _, dir := range opts.Dirs {
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil {
			return nil, err
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("%s: no articles (NAME.txt)", dir)
		}
		for _, name := range names {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			s, err := scoreArticle(opts.Coder, name, opts.RefDirs)
			if err != nil {
				return nil, err
			}
			rep.Articles = append(rep.Articles, *s)
			rep.Events.add(s.Events)
			rep.Refs.add(s.Refs)
		}
	}
	return rep, nil
}

// scoreArticle codes one article and compares it with its sidecars.
func scoreArticle(sc *story.Coder, name string, refDirs []string) (*ArticleScore, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	a, err := article.FromText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	base := strings.TrimSuffix(name, ".txt")
	var exp *builtin.Expected
	if f, err := os.Open(base + ".events"); err == nil {
		exp, err = builtin.ReadExpected(f, base+".events")
		f.Close()
		if err != nil {
			return nil, err
		}
		if exp.Date != 0 {
			a.Published = time.Date(exp.Date/10000, time.Month(exp.Date/100%100), exp.Date%100, 0, 0, 0, 0, time.UTC)
		}
	}
	var refs []RefGold
	for _, p := range append([]string{base + ".refs"}, refPaths(refDirs, base)...) {
		f, err := os.Open(p)
		if err != nil {
			continue
		}
		refs, err = ReadRefs(f, p)
		f.Close()
		if err != nil {
			return nil, err
		}
		break
	}
	if exp == nil && refs == nil {
		return nil, fmt.Errorf("%s: neither %s.events nor %s.refs", name, filepath.Base(base), filepath.Base(base))
	}
	st, err := sc.Code(a)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	s := &ArticleScore{Name: filepath.Base(name)}
	if exp != nil {
		scoreEvents(s, exp, st)
	}
	if refs != nil {
		scoreRefs(s, refs, st)
	}
	return s, nil
}

// refPaths returns where refDirs would hold the references of the
// article base (a path without ".txt").
func refPaths(refDirs []string, base string) []string {
	var out []string
	for _, d := range refDirs {
		out = append(out, filepath.Join(d, filepath.Base(base)+".refs"))
	}
	return out
}

func scoreEvents(s *ArticleScore, exp *builtin.Expected, st *story.Story) {
	s.Events = EventScore{Expected: len(exp.Events), Coded: len(st.Events)}
	for _, x := range exp.Events {
		if slices.ContainsFunc(st.Events, func(e *story.Event) bool { return x.Matches(e.Source, e.Target, e.Code) }) {
			s.Events.Found++
		} else {
			s.Missed = append(s.Missed, fmt.Sprintf("%s %s %s  # %s (line %d)", x.Source, x.Target, x.Code, x.Note, x.Line))
		}
	}
	for _, e := range st.Events {
		if slices.ContainsFunc(exp.Events, func(x builtin.ExpectedEvent) bool { return x.Matches(e.Source, e.Target, e.Code) }) {
			s.Events.Matching++
		} else {
			m := e.Mentions[0]
			s.Extra = append(s.Extra, fmt.Sprintf("%s %s %s (sentence %d: %s)", e.Source, e.Target, e.Code, m.Sentence, m.Text))
		}
	}
}

func scoreRefs(s *ArticleScore, refs []RefGold, st *story.Story) {
	type key struct{ sent, first int }
	judged := map[key]bool{}
	for _, g := range refs {
		s.Refs.Gold++
		var got []string
		found := false
		for _, sent := range st.Sentences {
			if !strings.Contains(sent.Text, g.Context) {
				continue
			}
			for _, r := range sent.References {
				if strings.EqualFold(r.Span.Text, g.Phrase) && !judged[key{sent.Index, r.Span.First}] {
					judged[key{sent.Index, r.Span.First}] = true
					got, found = r.Codes, true
					break
				}
			}
			if found {
				break
			}
		}
		switch {
		case !found && g.Codes == nil, found && sameSet(got, g.Codes):
			s.Refs.Correct++
		case !found:
			s.Refs.Missed++
			s.RefErrors = append(s.RefErrors, fmt.Sprintf("missed %q in %q: want %s", g.Phrase, g.Context, codesText(g.Codes)))
		default:
			s.Refs.Wrong++
			s.RefErrors = append(s.RefErrors, fmt.Sprintf("wrong  %q in %q: %s, want %s", g.Phrase, g.Context, codesText(got), codesText(g.Codes)))
		}
	}
	for _, sent := range st.Sentences {
		for _, r := range sent.References {
			if !judged[key{sent.Index, r.Span.First}] {
				s.Refs.Spurious++
				s.RefErrors = append(s.RefErrors, fmt.Sprintf("extra  %q in sentence %d: %s", r.Span.Text, sent.Index, codesText(r.Codes)))
			}
		}
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func codesText(c []string) string {
	if len(c) == 0 {
		return "-"
	}
	return strings.Join(c, " ")
}

func pctOf(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.1f", 100*float64(a)/float64(b))
}

// WriteTable writes the report for people: a row per article, the totals,
// then the differences.
func (r *ArticlesReport) WriteTable(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-28s %8s %8s %10s %8s %8s\n", "article", "events", "recall%", "precision%", "refs", "correct%")
	row := func(name string, e EventScore, f RefScore) {
		fmt.Fprintf(bw, "%-28s %8d %8s %10s %8d %8s\n", name, e.Expected, pctOf(e.Found, e.Expected), pctOf(e.Matching, e.Coded), f.Gold, pctOf(f.Correct, f.Gold))
	}
	for _, a := range r.Articles {
		row(a.Name, a.Events, a.Refs)
	}
	row("total", r.Events, r.Refs)
	fmt.Fprintf(bw, "\nevents: %d of %d expected found (recall %s %%), %d of %d coded expected (precision %s %%)\n",
		r.Events.Found, r.Events.Expected, pctOf(r.Events.Found, r.Events.Expected), r.Events.Matching, r.Events.Coded, pctOf(r.Events.Matching, r.Events.Coded))
	f := r.Refs
	fmt.Fprintf(bw, "references: %d annotated, %d correct (%s %%), %d wrong, %d missed; %d resolutions nobody annotated\n",
		f.Gold, f.Correct, pctOf(f.Correct, f.Gold), f.Wrong, f.Missed, f.Spurious)
	for _, a := range r.Articles {
		if len(a.Missed)+len(a.Extra)+len(a.RefErrors) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n%s\n", a.Name)
		for _, m := range a.Missed {
			fmt.Fprintf(bw, "  missed %s\n", m)
		}
		for _, x := range a.Extra {
			fmt.Fprintf(bw, "  extra  %s\n", x)
		}
		for _, x := range a.RefErrors {
			fmt.Fprintf(bw, "  ref    %s\n", x)
		}
	}
	return bw.Flush()
}
