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

// Where the tagger was in doubt, the parse settles the tags: these
// words get their runner-up tags, and the tagger's first choice moves to
// Alt.
func TestJointTags(t *testing.T) {
	tg, p := models(t)
	for _, tt := range []struct {
		text, word, xpos string
	}{
		{"Hundreds of persons mounted demonstrations against the Fallujah campaign .", "mounted", "VBD"},
		{"US troops there clashed with guerrillas in a fight that lasted hours .", "clashed", "VBD"},
		{"US troops there clashed with guerrillas in a fight that lasted hours .", "troops", "NNS"},
	} {
		t.Run(tt.word, func(t *testing.T) {
			s := sentence(tt.text)
			tg.Tag(&s)
			i := slices.IndexFunc(s.Tokens, func(tok nlp.Token) bool { return tok.Form == tt.word })
			tagged := s.Tokens[i]
			if tagged.XPOS == tt.xpos || tagged.Alt.XPOS != tt.xpos {
				t.Fatalf("tagger: %s/%s, runner-up %s; this test needs the runner-up to be %s", tagged.Form, tagged.XPOS, tagged.Alt.XPOS, tt.xpos)
			}
			p.Parse(&s)
			if got := s.Tokens[i]; got.XPOS != tt.xpos || got.UPOS != tagged.Alt.UPOS || got.Alt.XPOS != tagged.XPOS || got.Alt.UPOS != tagged.UPOS {
				t.Errorf("parsed: %s/%s/%s, runner-up %s/%s; want %s/%s and the tagger's %s/%s", got.Form, got.UPOS, got.XPOS, got.Alt.UPOS, got.Alt.XPOS, tagged.Alt.UPOS, tt.xpos, tagged.UPOS, tagged.XPOS)
			}
		})
	}
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

// BenchmarkRead reads the shipped model as from a file, checking every
// slot of its tables (Default uses the embedded model where it lies and
// checks only its layout).
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
// nothing. Default trusts it; Read, which checks every slot, accepts it.
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
	if _, err := parse.Read(bytes.NewReader(want)); err != nil {
		t.Error(err)
	}
}

func TestSearch(t *testing.T) {
	tg, p := models(t)
	for _, tc := range []struct {
		search parse.Search
		ok     bool
	}{
		{parse.Search{Beam: 1}, true},
		{parse.Search{Beam: 4}, true},
		{parse.Search{Beam: 16, Margin: 400, AltMargin: 100}, true},
		{parse.Search{}, false},
		{parse.Search{Beam: 257}, false},
		{parse.Search{Beam: 4, Margin: -1}, false},
		{parse.Search{Beam: 4, AltMargin: -1}, false},
	} {
		q, err := p.WithSearch(tc.search)
		if (err == nil) != tc.ok {
			t.Errorf("WithSearch(%+v): error %v", tc.search, err)
			continue
		}
		if err != nil {
			continue
		}
		if got := q.Search(); got != tc.search {
			t.Errorf("WithSearch(%+v) searches with %+v", tc.search, got)
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
			t.Errorf("WithSearch(%+v): %d roots", tc.search, roots)
		}
	}
}
