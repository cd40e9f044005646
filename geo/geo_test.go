package geo_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"strings"
	"testing"

	"dyad/geo"
	"dyad/nlp"
	"dyad/nlp/english"
)

func gazetteer(t testing.TB) *geo.Gazetteer {
	t.Helper()
	g, err := geo.Default()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// words makes an untagged sentence of space-separated words, with NER
// entities given as (type, first, last) triples.
func words(text string, ents ...nlp.Entity) *nlp.Sentence {
	s := &nlp.Sentence{Entities: ents}
	for i, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: w, Start: -1, End: -1})
	}
	return s
}

func TestResolveHomonyms(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct {
		name, text string
		ctx        map[string]float64
		country    string
		adm1       string
	}{
		{"capital by default", "fighting in Paris yesterday", nil, "FR", ""},
		{"qualified by a state", "a rally in Paris , Texas , drew crowds", nil, "US", "US.TX"},
		{"qualified by a country", "he flew to Paris , France , on Monday", nil, "FR", ""},
		{"Tripoli, Libya by default", "militias clashed in Tripoli overnight", nil, "LY", ""},
		{"Tripoli qualified", "gunmen clashed in Tripoli , Lebanon , overnight", nil, "LB", ""},
		{"Tripoli in a Lebanese story", "gunmen clashed in Tripoli overnight", map[string]float64{"LB": 3}, "LB", ""},
		{"Georgia is the country", "troops entered Georgia in August", nil, "GE", ""},
		{"Atlanta, Georgia", "protesters marched in Atlanta , Georgia , on Friday", nil, "US", "US.GA"},
		// A region qualifies as a country or a division does: the
		// small Ramnagar of Jammu and Kashmir, not the larger one of
		// Uttarakhand.
		{"Ramnagar by default", "troops fired in Ramnagar on Friday", map[string]float64{"IN": 1}, "IN", "IN.39"},
		{"Ramnagar, Kashmir", "troops fired in Ramnagar , Kashmir , on Friday", map[string]float64{"IN": 1}, "IN", "IN.12"},
		// A town in the article's country before a division of a
		// country it never names.
		{"Uri, the town", "soldiers clashed near Uri on Friday", map[string]float64{"IN": 1, "PK": 1}, "IN", "IN.12"},
		{"Uri, the canton", "a storm raged in Uri on Friday", map[string]float64{"CH": 1}, "CH", "CH.UR"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms := g.Mentions(words(tc.text))
			if len(ms) == 0 {
				t.Fatalf("no place found in %q", tc.text)
			}
			p, ok := g.Resolve(ms[0], geo.Context(tc.ctx))
			if !ok {
				t.Fatal("not resolved")
			}
			if p.Country != tc.country || tc.adm1 != "" && p.ADM1 != tc.adm1 {
				t.Errorf("%q: got %s (%s, %s), want %s %s", tc.text, p.Name, p.Country, p.ADM1, tc.country, tc.adm1)
			}
		})
	}
}

func TestMentions(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct {
		name string
		s    *nlp.Sentence
		want string // names, with their compass word, joined by "|"
	}{
		{"compass word", words("Clashes broke out in west Baghdad on Monday ."), "west Baghdad"},
		{"northern country", words("Air strikes hit northern Syria ."), "northern Syria"},
		{"recogniser's place", words("Officials met Damascus envoys .", nlp.Entity{Type: "LOC", First: 2, Last: 2}), "Damascus"},
		{"inside an organisation", words("The Islamic Army in Iraq denied it .", nlp.Entity{Type: "ORG", First: 0, Last: 4}), ""},
		{"a person's name", words("Paris Hilton visited .", nlp.Entity{Type: "PER", First: 0, Last: 1}), ""},
		{"capitalised word without a locative cue", words("Police said nothing ."), ""},
		{"two-word name", words("Shelling resumed in the Gaza Strip ."), "Gaza Strip"},
		{"qualifier not a second place", words("Rockets fell near Tripoli , Lebanon ."), "Tripoli"},
		{"region after along", words("Shelling resumed along the Line of Control in Kashmir ."), "Line of Control|Kashmir"},
		{"region inside a newspaper's name", words("The Kashmir Times reported shelling .", nlp.Entity{Type: "ORG", First: 0, Last: 2}), ""},
		{"region as an adjective without a cue", words("The Darfur talks stalled ."), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range g.Mentions(tc.s) {
				got = append(got, strings.TrimSpace(m.Compass+" "+m.Name))
			}
			if j := strings.Join(got, "|"); j != tc.want {
				t.Errorf("got %q, want %q", j, tc.want)
			}
		})
	}
}

// TestRegions checks the regions of geo/regions.tsv that are no
// first-level division: a region of several countries has none of its
// own, lies where its divisions are, and holds the towns and divisions of
// its divisions, not those of its countries' other divisions.
func TestRegions(t *testing.T) {
	g := gazetteer(t)
	one := func(name string, kind geo.Kind) *geo.Place {
		t.Helper()
		for _, p := range g.Lookup(name) {
			if p.Kind == kind {
				return p
			}
		}
		t.Fatalf("no %s named %q", kind, name)
		return nil
	}
	kashmir, loc := one("Kashmir", geo.Region), one("Line of Control", geo.Region)
	if kashmir.Country != "" || strings.Join(kashmir.Countries, " ") != "IN PK CN" || kashmir.Kind.GDELTType() != 5 {
		t.Errorf("Kashmir: country %q, countries %v, GDELT type %d; want none, IN PK CN, 5", kashmir.Country, kashmir.Countries, kashmir.Kind.GDELTType())
	}
	if kashmir.Lat < 32.5 || kashmir.Lat > 36 || kashmir.Lon < 73 || kashmir.Lon > 78 {
		t.Errorf("Kashmir at %v, %v: outside Kashmir", kashmir.Lat, kashmir.Lon)
	}
	if g.Lookup("LoC")[0] != loc {
		t.Error(`"LoC" is not the Line of Control`)
	}
	if d := one("Darfur", geo.Region); d.Country != "SD" {
		t.Errorf("Darfur in %q, want SD", d.Country)
	}
	for _, tc := range []struct {
		p, q *geo.Place
		in   bool
	}{
		{one("Uri", geo.City), kashmir, true},
		{one("Kotli", geo.City), kashmir, true},
		{one("Jammu and Kashmir", geo.ADM1), kashmir, true},
		{loc, kashmir, true},
		{kashmir, loc, false},
		{one("Lahore", geo.City), kashmir, false},
		{kashmir, g.CountryOf("IN"), true},
		{kashmir, g.CountryOf("IQ"), false},
		{one("Uri", geo.City), loc, true},
		{kashmir, kashmir, false},
	} {
		if got := geo.Within(tc.p, tc.q); got != tc.in {
			t.Errorf("Within(%s, %s) = %v, want %v", tc.p.Name, tc.q.Name, got, tc.in)
		}
	}
}

// TestLocated checks which mentions say that something is there: a
// country's name alone, or a place after "for", is an actor as often.
func TestLocated(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct {
		s    *nlp.Sentence
		want string // name:cue:located, joined by "|"
	}{
		{words("Pakistan accused India of shelling villages near Kotli ."), "Pakistan:country:false|India:country:false|Kotli:locative:true"},
		{words("Both sides settled , ominously for Washington .", nlp.Entity{Type: "LOC", First: 6, Last: 6}), "Washington:non-locative:false"},
		{words("Talks with Russia failed ."), "Russia:non-locative:false"},
		{words("Rebels met in Kashmir ."), "Kashmir:locative:true"},
		{words("Officials met Damascus envoys .", nlp.Entity{Type: "LOC", First: 2, Last: 2}), "Damascus:recogniser:true"},
		{words("Jets bombed northern Syria ."), "Syria:compass:true"},
	} {
		var got []string
		for _, m := range g.Mentions(tc.s) {
			got = append(got, fmt.Sprintf("%s:%s:%v", m.Name, m.Cue, m.Located()))
		}
		if j := strings.Join(got, "|"); j != tc.want {
			t.Errorf("got %q, want %q", j, tc.want)
		}
	}
}

func TestDateline(t *testing.T) {
	g := gazetteer(t)
	for _, tc := range []struct{ text, want, country string }{
		{"BAGHDAD ( Reuters ) - Gunmen killed two policemen .", "BAGHDAD", "IQ"},
		{"GAZA CITY , Palestinian Territories : Talks resumed .", "GAZA CITY", "PS"},
		{"HANOI , Vietnam ( AP ) — The minister accused China .", "HANOI", "VN"},
		{"BAGHDAD 1996-08-22", "BAGHDAD", "IQ"},
		{"UN SECURITY COUNCIL MEETS ON SYRIA", "", ""},
		{"Baghdad residents fled .", "", ""},
	} {
		m, ok := g.Dateline(words(tc.text))
		if !ok {
			if tc.want != "" {
				t.Errorf("%q: no dateline, want %s", tc.text, tc.want)
			}
			continue
		}
		p, _ := g.Resolve(m, nil)
		if m.Name != tc.want || p.Country != tc.country {
			t.Errorf("%q: dateline %q in %s, want %q in %s", tc.text, m.Name, p.Country, tc.want, tc.country)
		}
	}
}

// TestClause checks on parsed sentences that a place in an embedded
// clause is not the place of the main clause's event.
func TestClause(t *testing.T) {
	p, err := english.Pipeline()
	if err != nil {
		t.Fatal(err)
	}
	g := gazetteer(t)
	for _, tc := range []struct {
		text, anchor string
		in, out      []string
	}{
		{"Rebels attacked a convoy near Mosul after talks that failed in Geneva.", "attacked", []string{"Mosul"}, []string{"Geneva"}},
		{"The minister, who was born in Cairo, met the envoy in Amman.", "met", []string{"Amman"}, []string{"Cairo"}},
	} {
		sents, err := p.Text(tc.text)
		if err != nil || len(sents) != 1 {
			t.Fatalf("%q: %v, %d sentences", tc.text, err, len(sents))
		}
		s := &sents[0]
		anchor := -1
		for i, tok := range s.Tokens {
			if tok.Form == tc.anchor {
				anchor = i
			}
		}
		clause := geo.Clause(s, anchor)
		in := map[string]bool{}
		for _, m := range g.Mentions(s) {
			in[m.Name] = clause[m.First]
		}
		for _, n := range tc.in {
			if !in[n] {
				t.Errorf("%q: %s should be in the clause of %q (places %v)", tc.text, n, tc.anchor, in)
			}
		}
		for _, n := range tc.out {
			if v, found := in[n]; !found || v {
				t.Errorf("%q: %s should be found, outside the clause of %q (places %v)", tc.text, n, tc.anchor, in)
			}
		}
	}
}

func TestReadErrors(t *testing.T) {
	for _, in := range []string{"", "not a gazetteer\n", "# dyad gazetteer 1\nC\tIQ\tIQ\tIRQ\t33\t43.7\t0\t\tIraq\t\n", "# dyad gazetteer 2:\nC\tIQ\n", "# dyad gazetteer 2:\nX\t1\tIQ\t\t1\t2\t0\t\tA\t\n", "# dyad gazetteer 2:\nP\t1\tIQ\t\tnorth\t2\t0\t\tA\t\n"} {
		if _, err := geo.Read(strings.NewReader(in)); err == nil {
			t.Errorf("Read(%q) gave no error", in)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add("# dyad gazetteer 2:\nC\tIQ\tIQ\tIRQ\t33\t43.7\t0\t\tIraq\t\nP\t98182\tIQ\tIQ.07\t33.3\t44.4\t7216000\tPPLC\tBaghdad\tBagdad|Bagdad\n")
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("# dyad gazetteer 2:\nA\tIQ.07\tIQ\tIQ.07\t33\t44\t0\t\tBaghdad\t\n"))
	zw.Close()
	f.Add(gz.String())
	f.Add("# dyad gazetteer 2:\nR\tregion:kashmir\tIN PK\tIN.12 PK.06\t34.2\t75.1\t0\tRGN\tKashmir\t\n")
	f.Fuzz(func(t *testing.T, in string) {
		g, err := geo.Read(strings.NewReader(in))
		if err != nil {
			return
		}
		for i := 0; i < g.Len(); i++ {
			_ = g.Lookup("Baghdad")
		}
	})
}

func BenchmarkMentions(b *testing.B) {
	g := gazetteer(b)
	s := words("Clashes between the Islamic Army in Iraq and al-Qaeda broke out in west Baghdad on Monday , officials in Amman said .")
	for b.Loop() {
		g.Mentions(s)
	}
}
