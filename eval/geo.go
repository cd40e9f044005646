package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"dyad/geo"
	"dyad/nlp"
	"dyad/nlp/tokenize"
)

// GoldPlace is one annotated place name of a news document (JSON Lines
// under eval/testdata/geo/, docs/ANNOTATION.md's "Places").
type GoldPlace struct {
	Doc string `json:"doc"`
	// Span is the sentence, as `dyad eval news --show` prints it.
	Span [2]int `json:"span"`
	// Text is the words that name the place, as written ("west Baghdad"
	// is annotated as "Baghdad").
	Text string `json:"text"`
	// Kind is "country", "adm1" (a first-level division: a state, a
	// province, a governorate) or "city" (a town, a village, a district of
	// a city).
	Kind string `json:"kind"`
	// Country is the ISO 3166-1 alpha-2 code of the country the place is
	// in (or is).
	Country string `json:"country"`
	// Place is the place's usual English name ("Kyiv", "Basra").
	Place string `json:"place"`
	// ADM1 is the first-level division of a city, where known.
	ADM1 string `json:"adm1,omitempty"`
	Note string `json:"note,omitempty"`

	File string `json:"-"`
	Line int    `json:"-"`
}

var placeKinds = []string{"country", "adm1", "city"}

// ReadGoldPlaces reads a place gold file; errors name the file and line.
func ReadGoldPlaces(path string) ([]GoldPlace, error) {
	return readJSONLines(path, func(n int) GoldPlace { return GoldPlace{File: path, Line: n} })
}

// GeoOptions configure a place evaluation.
type GeoOptions struct {
	Data      string    // the shared data directory
	Docs      []NewsDoc // the documents the gold cites
	Gold      []string  // place gold files
	Set       string    // "dev" or "test": only that set's documents
	Pipeline  *nlp.Pipeline
	Tokenizer *tokenize.Tokenizer // splits lines into sentences as --show does
	Gazetteer *geo.Gazetteer
}

// GeoReport scores place recognition and resolution.
type GeoReport struct {
	Set       string `json:"set"`
	Documents int    `json:"documents"`
	Gold      int    `json:"gold"`  // annotated place names
	Found     int    `json:"found"` // Dyad's place mentions in the annotated sentences' documents
	// Matched gold names Dyad found (same sentence, same words).
	Matched   int        `json:"matched"`
	Precision float64    `json:"recognition_precision"`
	Recall    float64    `json:"recognition_recall"`
	Resolved  int        `json:"resolved"` // matched and resolved to the right place
	Accuracy  float64    `json:"resolution_accuracy"`
	EndToEnd  float64    `json:"end_to_end"` // resolved right / gold
	ByKind    []GeoKind  `json:"by_kind"`
	Errors    []GeoError `json:"errors"`
}

// GeoKind is the resolution accuracy on one kind of gold place.
type GeoKind struct {
	Kind     string  `json:"kind"`
	Matched  int     `json:"matched"`
	Resolved int     `json:"resolved"`
	Accuracy float64 `json:"accuracy"`
}

// GeoError is a gold place missed or resolved wrongly, or a place Dyad
// found that no annotator did.
type GeoError struct {
	Kind  string `json:"kind"` // "missed", "wrong", "extra"
	Doc   string `json:"doc"`
	Text  string `json:"text"`
	Want  string `json:"want,omitempty"`
	Got   string `json:"got,omitempty"`
	Where string `json:"where,omitempty"` // gold file:line
}

// Geo parses each document of the set that has gold places, finds and
// resolves its place names as `dyad code` does (without the actors'
// countries, which the coder adds to an article's context), and scores
// them: recognition (a gold name found in its sentence) and resolution
// (found and resolved to a place of the gold kind in the gold country —
// the right town, division or country).
func Geo(ctx context.Context, opts GeoOptions) (*GeoReport, error) {
	if opts.Pipeline == nil || opts.Gazetteer == nil || opts.Tokenizer == nil {
		return nil, errors.New("eval geo: a pipeline, a gazetteer and a tokenizer are needed")
	}
	var gold []GoldPlace
	for _, f := range opts.Gold {
		g, err := ReadGoldPlaces(f)
		if err != nil {
			return nil, err
		}
		gold = append(gold, g...)
	}
	docs := map[string]NewsDoc{}
	for _, d := range opts.Docs {
		docs[d.ID] = d
	}
	byDoc := map[string][]GoldPlace{}
	var order []string
	for _, g := range gold {
		d, ok := docs[g.Doc]
		if !ok {
			return nil, fmt.Errorf("%s:%d: doc %q is not in the documents file", g.File, g.Line, g.Doc)
		}
		if d.Set != opts.Set {
			continue
		}
		if byDoc[g.Doc] == nil {
			order = append(order, g.Doc)
		}
		byDoc[g.Doc] = append(byDoc[g.Doc], g)
	}
	rep := &GeoReport{Set: opts.Set, Documents: len(order)}
	kinds := map[string]*GeoKind{}
	for _, k := range placeKinds {
		kinds[k] = &GeoKind{Kind: k}
	}
	g := opts.Gazetteer
	for _, id := range order {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		text, err := ReferenceText(opts.Data, docs[id])
		if err != nil {
			return nil, err
		}
		sents, err := parseLines(text, opts.Pipeline)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", id, err)
		}
		art := g.Places(sents)
		used := make([][]bool, len(sents))
		for i := range sents {
			used[i] = make([]bool, len(art.Mentions[i]))
			rep.Found += len(art.Mentions[i])
		}
		for _, gp := range byDoc[id] {
			rep.Gold++
			si, mi := findPlace(sents, art.Mentions, used, gp)
			if mi < 0 {
				rep.Errors = append(rep.Errors, GeoError{Kind: "missed", Doc: id, Text: gp.Text, Want: want(gp), Where: fmt.Sprintf("%s:%d", gp.File, gp.Line)})
				continue
			}
			used[si][mi] = true
			rep.Matched++
			k := kinds[gp.Kind]
			if k != nil {
				k.Matched++
			}
			p, _ := g.Resolve(art.Mentions[si][mi], art.Context)
			if rightPlace(p, gp) {
				rep.Resolved++
				if k != nil {
					k.Resolved++
				}
				continue
			}
			rep.Errors = append(rep.Errors, GeoError{Kind: "wrong", Doc: id, Text: gp.Text, Want: want(gp), Got: got(g, p), Where: fmt.Sprintf("%s:%d", gp.File, gp.Line)})
		}
		for i := range sents {
			for j, m := range art.Mentions[i] {
				if !used[i][j] {
					p, _ := g.Resolve(m, art.Context)
					rep.Errors = append(rep.Errors, GeoError{Kind: "extra", Doc: id, Text: m.Name, Got: got(g, p)})
				}
			}
		}
	}
	rep.Precision, rep.Recall = pct100(rep.Matched, rep.Found), pct100(rep.Matched, rep.Gold)
	rep.Accuracy, rep.EndToEnd = pct100(rep.Resolved, rep.Matched), pct100(rep.Resolved, rep.Gold)
	for _, k := range placeKinds {
		kk := kinds[k]
		kk.Accuracy = pct100(kk.Resolved, kk.Matched)
		rep.ByKind = append(rep.ByKind, *kk)
	}
	return rep, nil
}

// parseLines parses a reference text line by line, as --show splits it,
// with offsets into the whole text.
func parseLines(text string, p *nlp.Pipeline) ([]*nlp.Sentence, error) {
	var out []*nlp.Sentence
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		sents, err := p.Text(text[off:end])
		if err != nil {
			return nil, err
		}
		for i := range sents {
			s := &sents[i]
			s.Start, s.End = s.Start+off, s.End+off
			for k := range s.Tokens {
				s.Tokens[k].Start += off
				s.Tokens[k].End += off
			}
			out = append(out, s)
		}
		off = end + 1
	}
	return out, nil
}

// findPlace returns the sentence and the index of an unused mention that
// lies in the gold sentence and names the gold words, or -1.
func findPlace(sents []*nlp.Sentence, ms [][]geo.Mention, used [][]bool, gp GoldPlace) (int, int) {
	want := geo.Fold(gp.Text)
	for i, s := range sents {
		if s.Start < gp.Span[0] || s.End > gp.Span[1] {
			continue
		}
		for j, m := range ms[i] {
			if !used[i][j] && geo.Fold(m.Name) == want {
				return i, j
			}
		}
	}
	return -1, -1
}

// rightPlace reports whether p is the gold place: the same kind, in the
// same country, and for a town or division the same name (or one of its
// spellings). A division's seat counts for a town of the division's name
// only when the gold is the town.
func rightPlace(p *geo.Place, gp GoldPlace) bool {
	if p == nil || p.Country != gp.Country {
		return false
	}
	switch gp.Kind {
	case "country":
		return p.Kind == geo.Country
	case "adm1":
		return p.Kind == geo.ADM1 && named(p, gp)
	default:
		return p.Kind == geo.City && named(p, gp)
	}
}

func named(p *geo.Place, gp GoldPlace) bool {
	for _, n := range append([]string{p.Name}, p.Alt...) {
		f := geo.Fold(n)
		if f == geo.Fold(gp.Place) || f == geo.Fold(gp.Text) {
			return true
		}
	}
	return false
}

// pct100 is a/b in %, rounded to two decimals; 0 when b is 0.
func pct100(a, b int) float64 { return round2(100 * ratio(a, b)) }

func want(gp GoldPlace) string { return gp.Place + " (" + gp.Kind + ", " + gp.Country + ")" }

func got(g *geo.Gazetteer, p *geo.Place) string {
	if p == nil {
		return "nothing"
	}
	return p.Name + " (" + p.Kind.String() + ", " + p.Country + " " + p.ADM1 + ")"
}

// CheckGoldPlaces validates place gold files: syntax, kind, a country the
// gazetteer knows, the document, and the sentence span (as CheckGold).
func CheckGoldPlaces(files []string, data string, docs []NewsDoc, tok *tokenize.Tokenizer, g *geo.Gazetteer) ([]GoldPlace, []error) {
	byID := map[string]NewsDoc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	sents := map[string][]NewsSentence{}
	sizes := map[string]int{}
	var all []GoldPlace
	var errs []error
	for _, f := range files {
		gold, err := ReadGoldPlaces(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		set := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		for _, gp := range gold {
			fail := func(msg string) { errs = append(errs, fmt.Errorf("%s:%d: %s", gp.File, gp.Line, msg)) }
			d, ok := byID[gp.Doc]
			if !ok {
				fail(fmt.Sprintf("doc %q is not in the documents file", gp.Doc))
				continue
			}
			if (set == "dev" || set == "test") && d.Set != set {
				fail(fmt.Sprintf("doc %s is in the %s set, not %s", gp.Doc, d.Set, set))
			}
			if !slices.Contains(placeKinds, gp.Kind) {
				fail(fmt.Sprintf("kind %q: want country, adm1 or city", gp.Kind))
			}
			if c := g.CountryOf(gp.Country); c == nil || len(gp.Country) != 2 {
				fail(fmt.Sprintf("country %q: want an ISO 3166-1 alpha-2 code", gp.Country))
			}
			if strings.TrimSpace(gp.Text) == "" || strings.TrimSpace(gp.Place) == "" {
				fail("text and place are required")
			}
			if _, ok := sents[gp.Doc]; !ok {
				text, err := ReferenceText(data, d)
				if err != nil {
					fail(err.Error())
					continue
				}
				sents[gp.Doc], sizes[gp.Doc] = Sentences(text, tok), len(text)
			}
			if m := checkSpan(gp.Span, sents[gp.Doc], sizes[gp.Doc]); m != "" {
				fail(m)
				continue
			}
			inside := false
			for _, s := range sents[gp.Doc] {
				if s.Start >= gp.Span[0] && s.End <= gp.Span[1] && strings.Contains(s.Text, gp.Text) {
					inside = true
				}
			}
			if !inside {
				fail(fmt.Sprintf("text %q is not in the sentence [%d,%d)", gp.Text, gp.Span[0], gp.Span[1]))
			}
		}
		all = append(all, gold...)
	}
	return all, errs
}

// WriteTable prints the report and its errors.
func (r *GeoReport) WriteTable(w io.Writer) error {
	fmt.Fprintf(w, "set %s: %d documents, %d gold place names, %d found by Dyad\n\n", r.Set, r.Documents, r.Gold, r.Found)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "measure\tvalue\t")
	fmt.Fprintf(tw, "recognition precision\t%.1f %% (%d / %d)\t\n", r.Precision, r.Matched, r.Found)
	fmt.Fprintf(tw, "recognition recall\t%.1f %% (%d / %d)\t\n", r.Recall, r.Matched, r.Gold)
	fmt.Fprintf(tw, "resolution accuracy (of found)\t%.1f %% (%d / %d)\t\n", r.Accuracy, r.Resolved, r.Matched)
	fmt.Fprintf(tw, "found and resolved (of gold)\t%.1f %% (%d / %d)\t\n", r.EndToEnd, r.Resolved, r.Gold)
	for _, k := range r.ByKind {
		fmt.Fprintf(tw, "  accuracy, %s\t%.1f %% (%d / %d)\t\n", k.Kind, k.Accuracy, k.Resolved, k.Matched)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nerrors (%d):\n", len(r.Errors))
	for _, e := range r.Errors {
		fmt.Fprintf(w, "  %-6s %s %q", e.Kind, e.Doc, e.Text)
		if e.Want != "" {
			fmt.Fprintf(w, " want %s", e.Want)
		}
		if e.Got != "" {
			fmt.Fprintf(w, " got %s", e.Got)
		}
		if e.Where != "" {
			fmt.Fprintf(w, " (%s)", e.Where)
		}
		fmt.Fprintln(w)
	}
	return nil
}
