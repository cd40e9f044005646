package story

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/article"
	"dyad/coder"
	"dyad/dict"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// knownParser "parses" text whose paragraphs are sentences it has parses
// for (testdata/story.conllu), and fails on any other: so a test fails if
// a caption, pull quote or teaser reaches the parser.
type knownParser map[string]nlp.Sentence

func newKnownParser(t testing.TB) knownParser {
	f, err := os.Open(filepath.Join("testdata", "story.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "story.conllu")
	if err != nil {
		t.Fatal(err)
	}
	p := knownParser{}
	for _, s := range sents {
		p[s.Text] = s
	}
	return p
}

func (p knownParser) Document(id, text string) ([]nlp.Sentence, error) {
	var out []nlp.Sentence
	off := 0
	for par := range strings.SplitSeq(text, "\n\n") {
		s, ok := p[par]
		if !ok {
			return nil, fmt.Errorf("no parse for %q", par)
		}
		s.ID = fmt.Sprintf("%s-%d", id, len(out)+1)
		s.Start, s.End = off, off+len(par)
		s.Tokens = append([]nlp.Token(nil), s.Tokens...)
		at := 0
		for i := range s.Tokens {
			k := strings.Index(par[at:], s.Tokens[i].Form)
			if k < 0 {
				return nil, fmt.Errorf("word %q not in %q", s.Tokens[i].Form, par)
			}
			s.Tokens[i].Start, s.Tokens[i].End = off+at+k, off+at+k+len(s.Tokens[i].Form)
			at += k + len(s.Tokens[i].Form)
		}
		out = append(out, s)
		off += len(par) + 2
	}
	return out, nil
}

// testCoder returns a story coder with the coder package's test
// dictionaries.
func testCoder(t testing.TB, p Parser) *Coder {
	td := filepath.Join("..", "testdata")
	d, err := dict.Load(dict.Files{
		Actors: []string{filepath.Join(td, "actors.txt")}, Agents: []string{filepath.Join(td, "agents.txt")},
		Verbs: []string{filepath.Join(td, "verbs.txt")},
	})
	if err != nil {
		t.Fatal(err)
	}
	// A fixed confidence model, so that the golden files do not change
	// when the shipped one is learnt again: every event 0.5.
	flat := &coder.ConfidenceModel{Features: coder.ConfidenceFeatures, Weights: make([]float64, len(coder.ConfidenceFeatures))}
	c, err := coder.New(d, coder.Options{Confidence: flat})
	if err != nil {
		t.Fatal(err)
	}
	return New(c, p, Options{})
}

// testArticle has a headline and standfirst that tell the same event, a
// caption, a pull quote and a related teaser that must not be coded, and a
// reference to an actor named before.
func testArticle() *article.Article {
	a := &article.Article{
		Title:      "Valdoria restores ties with Marsk",
		Standfirst: "Valdoria restored ties with Marsk on Sunday.",
		Published:  time.Date(2024, 5, 15, 9, 0, 0, 0, time.UTC),
		URL:        "https://example.org/valdoria",
		Blocks: []article.Block{
			{Kind: article.Paragraph, Text: "Marskian rebels attacked Valdoria last month."},
			{Kind: article.Caption, Text: "Valdoria condemned Marsk."},
			{Kind: article.Paragraph, Text: "The rebels condemned North Marsk."},
			{Kind: article.PullQuote, Text: "Marskian rebels attacked Valdoria last month."},
		},
		Related: []article.Teaser{{Title: "Marsk condemned Valdoria"}},
	}
	a.SetID()
	return a
}

func TestStory(t *testing.T) {
	st, err := testCoder(t, newKnownParser(t)).Code(testArticle())
	if err != nil {
		t.Fatal(err)
	}
	var secs []string
	for _, s := range st.Sentences {
		secs = append(secs, fmt.Sprintf("%d %s %d", s.Index, s.Section, s.Paragraph))
	}
	if got, want := strings.Join(secs, ", "), "1 headline 0, 2 standfirst 0, 3 body 1, 4 body 2"; got != want {
		t.Errorf("sentences: %s, want %s", got, want)
	}
	type ev struct {
		key      string
		mentions string
		root     bool
		date     string
	}
	var got []ev
	for _, e := range st.Events {
		var ms []string
		for _, m := range e.Mentions {
			ms = append(ms, fmt.Sprint(m.Sentence))
		}
		got = append(got, ev{e.Code + " " + e.Source + " " + e.Target, strings.Join(ms, ","), e.IsRoot, e.DateString()})
	}
	want := []ev{
		{"050 VAL MRK", "1,2", true, `2024-05-12 (day, "on Sunday")`},
		{"190 MRKREB VAL", "3", true, `2024-04 (month, "last month")`},
		{"111 MRKREB NMK", "4", false, "2024-05-15 (article date)"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("events\n got %v\nwant %v", got, want)
	}
	if refs := st.Sentences[3].References; len(refs) != 1 || refs[0].Span.Text != "The rebels" || refs[0].Codes[0] != "MRKREB" {
		t.Errorf("references of sentence 4: %+v", refs)
	}
	// Offsets point into the article's full text.
	full := testArticle().FullText()
	for _, s := range st.Sentences {
		if full[s.Start:s.End] != s.Text {
			t.Errorf("sentence %d at %d..%d is %q, not %q", s.Index, s.Start, s.End, full[s.Start:s.End], s.Text)
		}
	}
	e := st.Events[1].Mentions[0].Event
	if full[e.SourceSpan.Start:e.SourceSpan.End] != "Marskian rebels" {
		t.Errorf("source span %d..%d is %q", e.SourceSpan.Start, e.SourceSpan.End, full[e.SourceSpan.Start:e.SourceSpan.End])
	}
}

// TestStoryOutput compares the text, JSON and TSV renderings of the test
// article with golden files (go test -update rewrites them).
func TestStoryOutput(t *testing.T) {
	st, err := testCoder(t, newKnownParser(t)).Code(testArticle())
	if err != nil {
		t.Fatal(err)
	}
	added := time.Date(2024, 5, 16, 12, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		name  string
		write func(*bytes.Buffer) error
	}{
		{"story.txt", func(b *bytes.Buffer) error { return Write(b, st, false) }},
		{"story-explain.txt", func(b *bytes.Buffer) error { return Write(b, st, true) }},
		{"story.tsv", func(b *bytes.Buffer) error {
			if err := WriteTSVHeader(b); err != nil {
				return err
			}
			return WriteTSV(b, st, added)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b bytes.Buffer
			if err := tt.write(&b); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name)
			if *update {
				if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want) {
				t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", tt.name, b.String())
			}
		})
	}
	rs := st.Records()
	if len(rs) != 3 || rs[0].NumMentions != 2 || rs[0].Date == nil || rs[0].Date.Value != "2024-05-12" || rs[0].Date.Precision != "day" ||
		rs[0].Published == nil || rs[0].Source.Country != "VAL" || rs[1].Source.Types[0] != "REB" || rs[1].BaseCode != "190" || rs[1].RootCode != "19" {
		t.Errorf("records: %+v", rs)
	}
}

func TestNoParser(t *testing.T) {
	if _, err := testCoder(t, nil).Code(testArticle()); !errors.Is(err, ErrNoParser) {
		t.Errorf("error %v, want ErrNoParser", err)
	}
}

func TestSplitActor(t *testing.T) {
	for _, tt := range []struct{ code, want string }{
		{"IRQREB", "IRQ  [] [REB]"},
		{"IMGMUSALQ", " ALQ [MUS] [IMG]"},
		{"IGOUNO", " UNO [] [IGO]"},
		{"USAGOVMIL", "USA  [] [GOV MIL]"},
		{"---REB", "  [] [REB]"},
		{`"MINISTRY"`, "  [] []"},
	} {
		a := SplitActor(tt.code, "")
		if got := fmt.Sprintf("%s %s %v %v", a.Country, a.KnownGroup, a.Religions, a.Types); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestSameCode(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"190", "190", true}, {"190", "195", true}, {"19", "195", true}, {"087", "0871", true},
		{"195", "194", false}, {"051", "050", true}, {"051", "057", false}, {"111", "190", false},
	} {
		if got := sameCode(tt.a, tt.b); got != tt.want {
			t.Errorf("sameCode(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}

// BenchmarkStory codes the test article, parsed in advance, to measure
// what article-level coding adds to the sentence coder: the discourse,
// the merging of mentions and the dates.
func BenchmarkStory(b *testing.B) {
	sc := testCoder(b, newKnownParser(b))
	a := testArticle()
	b.SetBytes(int64(len(a.FullText())))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := sc.Code(a); err != nil {
			b.Fatal(err)
		}
	}
}
