package nlp

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// lineTok makes one sentence per line of text, words split at spaces.
type lineTok struct{}

func (lineTok) Tokenize(text string) []Sentence {
	var out []Sentence
	off := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		body := strings.TrimSpace(line)
		if body != "" {
			start := off + strings.Index(line, body)
			s := spaceTok{}.Tokenize(body)[0]
			s.Start, s.End = start, start+len(body)
			for i := range s.Tokens {
				s.Tokens[i].Start += start
				s.Tokens[i].End += start
			}
			out = append(out, s)
		}
		off += len(line)
	}
	return out
}

func TestDocument(t *testing.T) {
	r := &Registry{}
	if err := r.RegisterTokenizer("lines", func() (Tokenizer, error) { return lineTok{}, nil }); err != nil {
		t.Fatal(err)
	}
	p, err := r.Pipeline(Spec{Tokenizer: "lines"})
	if err != nil {
		t.Fatal(err)
	}
	text := "Truce agreed\n\nRebels mend fences\n\nFirst line\nsecond line"
	sents, err := p.Document("a1", text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, s := range sents {
		got = append(got, s.ID+":"+strings.Join(s.Comments, ",")+":"+text[s.Tokens[0].Start:s.Tokens[len(s.Tokens)-1].End])
	}
	want := []string{
		"a1-1:newdoc id = a1,newpar:Truce agreed",
		"a1-2:newpar:Rebels mend fences",
		"a1-3:newpar:First line",
		"a1-4::second line",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sentences\n got %q\nwant %q", got, want)
	}
	sents, err = p.Document("", "one\n\ntwo")
	if err != nil || len(sents) != 2 || sents[0].ID != "s1" || sents[0].Comments[0] != "newdoc" || sents[1].Comments[0] != "newpar" {
		t.Errorf("Document without ID: %+v, %v", sents, err)
	}
}

// TestDocumentCancelled is issue 13 case 4: a run asked to stop went on to
// the end of the document in hand; with Bounds.Done closed, the stages stop
// between sentences.
func TestDocumentCancelled(t *testing.T) {
	r := testRegistry(t)
	r.RegisterTokenizer("lines", func() (Tokenizer, error) { return lineTok{}, nil })
	p, err := r.Pipeline(Spec{Tokenizer: "lines", Tagger: "upper"})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	close(done)
	_, err = p.DocumentWithin("a1", "one\ntwo\nthree", Bounds{Done: done})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "sentence 1 of 3") {
		t.Errorf("error %v, want context.Canceled at sentence 1 of 3", err)
	}
}

// countTag tags like upperTag and counts the sentences it tagged.
type countTag struct{ n *int }

func (c countTag) Tag(s *Sentence) {
	*c.n++
	upperTag{}.Tag(s)
}

// TestDocumentRepeats checks that a sentence repeating an earlier one of
// the text is annotated once, and that the repeat gets the annotations
// with its own IDs and offsets.
func TestDocumentRepeats(t *testing.T) {
	r := testRegistry(t)
	r.RegisterTokenizer("lines", func() (Tokenizer, error) { return lineTok{}, nil })
	n := 0
	r.RegisterTagger("count", func() (Tagger, error) { return countTag{&n}, nil })
	text := "Truce agreed\n\nRebels mend fences\n\nTruce agreed\nTruce agreed today"
	var sents []Sentence
	p, err := r.Pipeline(Spec{Tokenizer: "lines", Tagger: "count", Parser: "chain", Lemmatizer: "lower"})
	if err == nil {
		sents, err = p.Document("a1", text)
	}
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("tagged %d sentences, want 3 (the repeat taken from the first)", n)
	}
	a, b := sents[0], sents[2]
	if b.ID != "a1-3" || b.Start != strings.LastIndex(text, "Truce agreed\n") || b.Tokens[0].Start != b.Start {
		t.Errorf("repeat has ID %q, start %d, word start %d", b.ID, b.Start, b.Tokens[0].Start)
	}
	for k := range a.Tokens {
		x, y := a.Tokens[k], b.Tokens[k]
		if x.UPOS != y.UPOS || x.XPOS != y.XPOS || x.Lemma != y.Lemma || x.Head != y.Head || x.DepRel != y.DepRel || y.XPOS == "" {
			t.Errorf("word %d: repeat %+v, first %+v", k+1, y, x)
		}
	}
	if got := sents[3].Tokens[2].Lemma; got != "today!" {
		t.Errorf("last sentence not annotated: lemma %q", got)
	}
}
