package tag_test

import (
	"bytes"
	"os"
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

// The runner-up tags must go where the tagger is in doubt: words that
// have them are often mistagged and their runner-up is often right, words
// that have none are nearly always right.
func TestRunnerUp(t *testing.T) {
	gold, err := treebank.EWT(sharedtest.Path(t, "nlp", "ud-ewt"), treebank.Dev)
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	var doubt, doubtWrong, altRight, sure, sureWrong int
	for _, g := range gold {
		s := nlp.Sentence{Tokens: make([]nlp.Token, len(g.Tokens))}
		for i, tok := range g.Tokens {
			// A stale runner-up must be cleared.
			s.Tokens[i] = nlp.Token{ID: tok.ID, Form: tok.Form, Alt: nlp.TagAlt{UPOS: "X", XPOS: "FW", Margin: 1}}
		}
		tagger.Tag(&s)
		for i, tok := range s.Tokens {
			right := tok.UPOS == g.Tokens[i].UPOS && tok.XPOS == g.Tokens[i].XPOS
			if tok.Alt == (nlp.TagAlt{}) {
				sure++
				if !right {
					sureWrong++
				}
				continue
			}
			if tok.Alt.UPOS == tok.UPOS && tok.Alt.XPOS == tok.XPOS || tok.Alt.Margin < 0 || tok.Alt.XPOS == "" {
				t.Fatalf("%s: tags %s/%s, runner-up %+v", tok.Form, tok.UPOS, tok.XPOS, tok.Alt)
			}
			doubt++
			if !right {
				doubtWrong++
			}
			if tok.Alt.UPOS == g.Tokens[i].UPOS && tok.Alt.XPOS == g.Tokens[i].XPOS {
				altRight++
			}
		}
	}
	t.Logf("%d words in doubt (%d mistagged, runner-up right for %d), %d sure (%d mistagged)", doubt, doubtWrong, altRight, sure, sureWrong)
	if doubt == 0 || 100*sureWrong > 2*sure || 5*doubtWrong < doubt || 5*altRight < doubt {
		t.Error("runner-ups do not mark the words in doubt")
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

// The shipped model reads and writes back byte for byte: the format loses
// nothing. Default trusts it; Read, which checks every slot, accepts it.
func TestModelRoundTrip(t *testing.T) {
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := tagger.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("model/tagger.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("written model differs from model/tagger.bin: %d bytes, want %d", b.Len(), len(want))
	}
	if _, err := tag.Read(bytes.NewReader(want)); err != nil {
		t.Error(err)
	}
}
