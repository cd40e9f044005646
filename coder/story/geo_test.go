package story_test

import (
	"os"
	"testing"
	"time"

	"dyad/article"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict/builtin"
	"dyad/geo"
	"dyad/internal/parsertest"
	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/english"
)

// builtinCoder returns a coder of Dyad's own dictionaries and the
// gazetteer built into Dyad.
func builtinCoder(tb testing.TB) (*coder.Coder, *geo.Gazetteer) {
	tb.Helper()
	d, err := builtin.Dictionary()
	if err != nil {
		tb.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return c, g
}

// BenchmarkGeo measures what placing events adds to coding an article: the
// seed article, parsed once, coded with and without the gazetteer.
// Parsing the article (BenchmarkParse) is the per-article cost it is
// compared with in docs/EVALUATION.md.
func BenchmarkGeo(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Path(b, "..", "seed", "000_8f2645bc90d6cfd4.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.FromText(data)
	if err != nil {
		b.Fatal(err)
	}
	p, err := english.Pipeline()
	if err != nil {
		b.Fatal(err)
	}
	c, g := builtinCoder(b)
	text := a.FullText()
	sents, err := p.Document(a.ID, text)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Document(a.ID, text); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, tc := range []struct {
		name string
		g    *geo.Gazetteer
	}{{"code", nil}, {"code+geo", g}} {
		sc := story.New(c, nil, story.Options{Gazetteer: tc.g})
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				sc.CodeSentences(a.ID, time.Time{}, append([]nlp.Sentence(nil), sents...))
			}
		})
	}
}

// TestLocate checks where events are placed, on sentences written for the
// project: regions and the places inside them, places inside actors'
// words, and names that are actors rather than places. want is the
// place's name, country and division, or "" for an unplaced event; every
// event of the sentence must be placed so.
func TestLocate(t *testing.T) {
	p := parsertest.Pipeline(t)
	c, g := builtinCoder(t)
	sc := story.New(c, nil, story.Options{Gazetteer: g})
	for _, tc := range []struct {
		name, text, want string
	}{
		// The more specific of two places of the clause.
		{"a line in a region", "India and Pakistan agreed to restore the ceasefire along the Line of Control in Kashmir.", "Line of Control   region"},
		{"a region", "Indian troops arrested protesters in Kashmir on Friday.", "Kashmir   region"},
		{"a town on a line", "Indian troops clashed with Pakistani soldiers near Uri on the Line of Control.", "Uri IN IN.12 city"},
		{"a town qualified by a region", "Pakistani troops attacked an Indian checkpoint in Ramnagar, Kashmir, on Friday.", "Rāmnagar IN IN.12 city"},
		{"a region of one country", "Sudanese troops attacked rebels in Darfur on Tuesday.", "Darfur SD  region"},
		// Countries named as actors are not places.
		{"countries as actors", "Egypt accused Israel of violating the treaty.", ""},
		{"a place in an actor's name", "The Islamic Army in Iraq has launched many attacks on US forces.", ""},
		{"a town as an actor, near", "US forces launched raids on insurgent hideouts near Ramadi, the US military said.", "Ramadi IQ IQ.01 city"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sents, err := p.Document("t", tc.text)
			if err != nil {
				t.Fatal(err)
			}
			st := sc.CodeSentences("t", time.Time{}, sents)
			if len(st.Events) == 0 {
				t.Fatalf("%q: no event", tc.text)
			}
			for _, ev := range st.Events {
				got := ""
				if l := ev.Location; l != nil {
					got = l.Place.Name + " " + l.Place.Country + " " + l.Place.ADM1 + " " + l.Place.Kind.String()
				}
				if got != tc.want {
					t.Errorf("%q: %s %s %s placed at %q, want %q", tc.text, ev.Source, ev.Code, ev.Target, got, tc.want)
				}
			}
		})
	}
	// Another event's clause claims its place: Belgorod is where the
	// shelling was, not the attacks on the border posts.
	text := "Russia accused Ukraine of shelling villages near Belgorod, and the Ukrainian government said Russian forces attacked Ukrainian border posts."
	sents, err := p.Document("t", text)
	if err != nil {
		t.Fatal(err)
	}
	placed := map[string]string{}
	for _, ev := range sc.CodeSentences("t", time.Time{}, sents).Events {
		placed[ev.Code[:2]] = ""
		if ev.Location != nil {
			placed[ev.Code[:2]] = ev.Location.Place.Name
		}
	}
	if placed["11"] != "Belgorod" || placed["19"] != "" {
		t.Errorf("%q: accusation placed at %q, attacks at %q; want Belgorod and nowhere", text, placed["11"], placed["19"])
	}
}
