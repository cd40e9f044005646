package eval

import (
	"context"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp/english"
)

// TestNLPFloors holds the shipped models to issue 4's floors on EWT test,
// from gold words (tags predicted) and from raw text, and logs the GUM news
// test documents.
func TestNLPFloors(t *testing.T) {
	ewt := sharedtest.Path(t, "nlp", "ud-ewt", "en_ewt-ud-test.conllu")
	gum := sharedtest.Path(t, "nlp", "gum-news")
	p, err := english.Registry().Pipeline(english.DefaultSpec())
	if err != nil {
		t.Fatal(err)
	}
	news := []string{gum + "/GUM_news_nasa.conllu", gum + "/GUM_news_sensitive.conllu"}
	tests := []struct {
		name                  string
		treebanks             []string
		raw                   bool
		upos, lemma, uas, las float64 // floors in %, 0 for none
	}{
		{"ewt-test", []string{ewt}, false, 95.0, 97.0, 86.5, 83.5},
		{"ewt-test-raw", []string{ewt}, true, 0, 0, 0, 80.0},
		{"gum-news-test", news, false, 0, 0, 0, 0},
		{"gum-news-test-raw", news, true, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := NLP(context.Background(), NLPOptions{Treebanks: tt.treebanks, Raw: tt.raw, Pipeline: p})
			if err != nil {
				t.Fatal(err)
			}
			s := rep.Scores
			t.Logf("tokens %.2f sentences %.2f UPOS %.2f XPOS %.2f lemmas %.2f UAS %.2f LAS %.2f",
				100*s.Tokens.F1(), 100*s.Sentences.F1(), 100*s.UPOS.F1(), 100*s.XPOS.F1(), 100*s.Lemmas.F1(), 100*s.UAS.F1(), 100*s.LAS.F1())
			for _, f := range []struct {
				name       string
				got, floor float64
			}{{"UPOS", s.UPOS.F1(), tt.upos}, {"lemmas", s.Lemmas.F1(), tt.lemma}, {"UAS", s.UAS.F1(), tt.uas}, {"LAS", s.LAS.F1(), tt.las}} {
				if 100*f.got < f.floor {
					t.Errorf("%s %.2f, below the floor %.1f", f.name, 100*f.got, f.floor)
				}
			}
		})
	}
}
