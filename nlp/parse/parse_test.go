package parse_test

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/parse"
	"dyad/nlp/tag"
	"dyad/nlp/treebank"
)

func models(tb testing.TB) (*tag.Tagger, *parse.Parser) {
	tb.Helper()
	tg, err := tag.Default()
	if err != nil {
		tb.Fatal(err)
	}
	p, err := parse.Default()
	if err != nil {
		tb.Fatal(err)
	}
	return tg, p
}

// sentence makes a sentence of space-separated words.
func sentence(text string) nlp.Sentence {
	var s nlp.Sentence
	for i, w := range strings.Fields(text) {
		s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: w, Head: -1, Start: -1, End: -1})
	}
	return s
}

// arc is an expected dependency: word Dep hangs from word Head by one of
// the relations in Rel ("obl:agent|obl"). Head "ROOT" is the root.
type arc struct{ dep, rel, head string }

// The kind of news Dyad codes: who did what to whom.
var newsTests = []struct {
	text string
	arcs []arc
}{
	// The seed article's caption, as it reads there and as a sentence.
	{"The Islamic Army in Iraq has launched many attacks on US forces in the country", []arc{
		{"Army", "nsubj", "launched"},
		{"attacks", "obj", "launched"},
		{"launched", "root", "ROOT"},
		{"Iraq", "nmod", "Army"},
	}},
	{"The Islamic Army in Iraq has launched many attacks on US forces .", []arc{
		{"Army", "nsubj", "launched"},
		{"attacks", "obj", "launched"},
		{"launched", "root", "ROOT"},
	}},
	{"The convoy was attacked by rebels near the border .", []arc{
		{"convoy", "nsubj:pass", "attacked"},
		{"rebels", "obl:agent|obl", "attacked"},
		{"by", "case", "rebels"},
		{"was", "aux:pass", "attacked"},
	}},
	{"The group , which fought alongside al-Qaeda in 2006 , signed a truce with the government .", []arc{
		{"fought", "acl:relcl", "group"},
		{"which", "nsubj", "fought"},
		{"group", "nsubj", "signed"},
		{"truce", "obj", "signed"},
	}},
	{"Sunni militants and al-Qaeda fighters clashed in Baghdad on Sunday .", []arc{
		{"fighters", "conj", "militants"},
		{"militants", "nsubj", "clashed"},
		{"Baghdad", "obl", "clashed"},
	}},
	{"A spokesman said that the army would restore ties with the group .", []arc{
		{"spokesman", "nsubj", "said"},
		{"restore", "ccomp", "said"},
		{"army", "nsubj", "restore"},
		{"ties", "obj", "restore"},
	}},
	{"Police arrested two men who had attacked the embassy .", []arc{
		{"men", "obj", "arrested"},
		{"attacked", "acl:relcl", "men"},
		{"embassy", "obj", "attacked"},
	}},
}

func TestNews(t *testing.T) {
	tg, p := models(t)
	for _, tt := range newsTests {
		t.Run(tt.text, func(t *testing.T) {
			s := sentence(tt.text)
			tg.Tag(&s)
			p.Parse(&s)
			find := func(form string) int {
				for _, tok := range s.Tokens {
					if tok.Form == form {
						return tok.ID
					}
				}
				t.Fatalf("no word %q", form)
				return 0
			}
			for _, a := range tt.arcs {
				d := s.Word(find(a.dep))
				head := "ROOT"
				if d.Head > 0 {
					head = s.Word(d.Head).Form
				}
				ok := false
				for _, rel := range strings.Split(a.rel, "|") {
					ok = ok || rel == d.DepRel
				}
				if head != a.head || !ok {
					t.Errorf("%s ←%s– %s, want %s ←%s– %s", d.Form, d.DepRel, head, a.dep, a.rel, a.head)
				}
			}
			if t.Failed() {
				for _, tok := range s.Tokens {
					t.Logf("%d %s %s/%s %d %s", tok.ID, tok.Form, tok.UPOS, tok.XPOS, tok.Head, tok.DepRel)
				}
			}
		})
	}
}

// BenchmarkTagParse tags and parses EWT dev from gold tokens, one document
// at a time and stage by stage, as nlp.Pipeline.Text does ("document"),
// and one sentence at a time, tagging then parsing each ("sentence").
func BenchmarkTagParse(b *testing.B) {
	gold, err := treebank.EWT(sharedtest.Path(b, "nlp", "ud-ewt"), treebank.Dev)
	if err != nil {
		b.Fatal(err)
	}
	tg, p := models(b)
	sents := make([]nlp.Sentence, len(gold))
	var docs [][]nlp.Sentence
	starts := []int{0}
	var bytes, words int
	for i, g := range gold {
		sents[i].Tokens = make([]nlp.Token, len(g.Tokens))
		for j, tok := range g.Tokens {
			sents[i].Tokens[j] = nlp.Token{ID: tok.ID, Form: tok.Form, Head: -1}
			bytes += len(tok.Form) + 1
		}
		words += len(g.Tokens)
		if i > 0 && slices.ContainsFunc(g.Comments, func(c string) bool { return strings.HasPrefix(c, "newdoc") }) {
			starts = append(starts, i)
		}
	}
	starts = append(starts, len(sents))
	for k := range len(starts) - 1 {
		docs = append(docs, sents[starts[k]:starts[k+1]])
	}
	// stageByStage tags every sentence of a group, then parses them.
	stageByStage := func(b *testing.B, groups [][]nlp.Sentence) {
		b.ReportAllocs()
		b.SetBytes(int64(bytes))
		loops := 0
		for b.Loop() {
			for _, g := range groups {
				for i := range g {
					tg.Tag(&g[i])
				}
				for i := range g {
					p.Parse(&g[i])
				}
			}
			loops++
		}
		b.ReportMetric(float64(words*loops)/b.Elapsed().Seconds(), "tokens/s")
	}
	sentences := make([][]nlp.Sentence, len(sents))
	for i := range sents {
		sentences[i] = sents[i : i+1]
	}
	b.Run("document", func(b *testing.B) { stageByStage(b, docs) })
	b.Run("corpus", func(b *testing.B) { stageByStage(b, [][]nlp.Sentence{sents}) })
	b.Run("sentence", func(b *testing.B) { stageByStage(b, sentences) })
}

// BenchmarkRead loads the shipped model, as Default does on first use.
func BenchmarkRead(b *testing.B) {
	model, err := os.ReadFile("model/parser.bin")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(model)))
	for b.Loop() {
		if _, err := parse.Read(bytes.NewReader(model)); err != nil {
			b.Fatal(err)
		}
	}
}

// The shipped model reads and writes back byte for byte: the format loses
// nothing.
func TestModelRoundTrip(t *testing.T) {
	_, p := models(t)
	var b bytes.Buffer
	if _, err := p.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("model/parser.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("written model differs from model/parser.bin: %d bytes, want %d", b.Len(), len(want))
	}
}

func TestSearch(t *testing.T) {
	tg, p := models(t)
	for _, tc := range []struct {
		beam   int
		margin float64
		ok     bool
	}{
		{1, 0, true},
		{4, 0, true},
		{16, 400, true},
		{0, 0, false},
		{257, 0, false},
		{4, -1, false},
	} {
		q, err := p.Search(tc.beam, tc.margin)
		if (err == nil) != tc.ok {
			t.Errorf("Search(%d, %g): error %v", tc.beam, tc.margin, err)
			continue
		}
		if err != nil {
			continue
		}
		if b, m := q.SearchSettings(); b != tc.beam || m != tc.margin {
			t.Errorf("Search(%d, %g) searches with %d, %g", tc.beam, tc.margin, b, m)
		}
		s := sentence("Rebels attacked the town .")
		tg.Tag(&s)
		q.Parse(&s)
		roots := 0
		for _, tok := range s.Tokens {
			if tok.Head == 0 {
				roots++
			}
		}
		if roots != 1 {
			t.Errorf("Search(%d, %g): %d roots", tc.beam, tc.margin, roots)
		}
	}
}
