package english

import (
	"testing"
)

func TestDefaultPipeline(t *testing.T) {
	p, err := Pipeline()
	if err != nil {
		t.Fatal(err)
	}
	sents, err := p.Text("Iraq fighters restore al-Qaeda ties\n\nThe Islamic Army's fighters don't trust Washington. Gen. Petraeus said so.")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 3 {
		t.Fatalf("got %d sentences, want 3", len(sents))
	}
	w := sents[1].Tokens
	want := []struct{ form, lemma string }{
		{"The", "the"}, {"Islamic", "Islamic"}, {"Army", "Army"}, {"'s", "'s"},
		{"fighters", "fighter"}, {"do", "do"}, {"n't", "not"}, {"trust", "trust"},
	}
	for i, x := range want {
		if w[i].Form != x.form || w[i].Lemma != x.lemma || w[i].UPOS == "" || w[i].XPOS == "" {
			t.Errorf("word %d = %s/%s/%s/%s, want %s/%s with tags", i+1, w[i].Form, w[i].Lemma, w[i].UPOS, w[i].XPOS, x.form, x.lemma)
		}
	}
	// The registry builds each model once.
	p2, err := Registry().Pipeline(DefaultSpec())
	if err != nil || p2 == nil {
		t.Fatal(err)
	}
}
