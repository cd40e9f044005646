package tag_test

import (
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/tag"
	"dyad/nlp/treebank"
)

// accuracy tags copies of gold sentences and returns UPOS and XPOS
// accuracy in %.
func accuracy(t *tag.Tagger, gold []nlp.Sentence) (upos, xpos float64) {
	var nu, nx, n int
	for _, g := range gold {
		s := nlp.Sentence{Tokens: make([]nlp.Token, len(g.Tokens))}
		for i, tok := range g.Tokens {
			s.Tokens[i] = nlp.Token{ID: tok.ID, Form: tok.Form}
		}
		t.Tag(&s)
		for i, tok := range g.Tokens {
			if s.Tokens[i].UPOS == tok.UPOS {
				nu++
			}
			if s.Tokens[i].XPOS == tok.XPOS {
				nx++
			}
			n++
		}
	}
	return 100 * float64(nu) / float64(n), 100 * float64(nx) / float64(n)
}

func TestAccuracyEWT(t *testing.T) {
	ewt := sharedtest.Path(t, "nlp", "ud-ewt")
	gum := sharedtest.Path(t, "nlp", "gum-news")
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		read    func() ([]nlp.Sentence, error)
		minUPOS float64
	}{
		{"ewt-test", func() ([]nlp.Sentence, error) { return treebank.EWT(ewt, treebank.Test) }, 95.0},
		{"gum-news-test", func() ([]nlp.Sentence, error) { return treebank.GUM(gum, treebank.Test) }, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sents, err := tt.read()
			if err != nil {
				t.Fatal(err)
			}
			upos, xpos := accuracy(tagger, sents)
			t.Logf("UPOS %.2f XPOS %.2f", upos, xpos)
			if upos < tt.minUPOS {
				t.Errorf("UPOS %.2f, want ≥ %.2f", upos, tt.minUPOS)
			}
		})
	}
}

// BenchmarkTag tags EWT dev from gold tokens.
func BenchmarkTag(b *testing.B) {
	gold, err := treebank.EWT(sharedtest.Path(b, "nlp", "ud-ewt"), treebank.Dev)
	if err != nil {
		b.Fatal(err)
	}
	tagger, err := tag.Default()
	if err != nil {
		b.Fatal(err)
	}
	var bytes, words int
	for _, s := range gold {
		for _, tok := range s.Tokens {
			bytes += len(tok.Form) + 1
		}
		words += len(s.Tokens)
	}
	b.ReportAllocs()
	b.SetBytes(int64(bytes))
	loops := 0
	for b.Loop() {
		for i := range gold {
			tagger.Tag(&gold[i])
		}
		loops++
	}
	b.ReportMetric(float64(words*loops)/b.Elapsed().Seconds(), "tokens/s")
}
