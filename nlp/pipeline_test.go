package nlp

import (
	"errors"
	"strings"
	"testing"
)

// Stages for tests: each writes a mark into the field it owns, so that the
// order the pipeline runs them in shows.
type (
	spaceTok   struct{}
	upperTag   struct{}
	lowerLemma struct{}
	chainParse struct{}
	formParse  struct{} // needs only tokens
)

func (spaceTok) Tokenize(text string) []Sentence {
	s := Sentence{Text: text, Start: 0, End: len(text)}
	off := 0
	for i, f := range strings.Fields(text) {
		k := strings.Index(text[off:], f) + off
		s.Tokens = append(s.Tokens, Token{ID: i + 1, Form: f, Head: -1, Start: k, End: k + len(f)})
		off = k + len(f)
	}
	return []Sentence{s}
}

func (upperTag) Tag(s *Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].UPOS = "X"
		s.Tokens[i].XPOS = strings.ToUpper(s.Tokens[i].Form)
	}
}

func (lowerLemma) Lemmatize(s *Sentence) {
	for i := range s.Tokens {
		// Uses the tag, so that running before the tagger would show.
		s.Tokens[i].Lemma = strings.ToLower(s.Tokens[i].XPOS)
	}
}

// Parse makes a chain and, as a parser that tags jointly may, changes the
// tags, so that a lemmatizer running before it would show.
func (chainParse) Parse(s *Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].Head = i // 0 for the first word: a chain from the root
		s.Tokens[i].DepRel = "dep"
		s.Tokens[i].XPOS += "!"
	}
}

func (formParse) Parse(s *Sentence) { chainParse{}.Parse(s) }
func (formParse) Needs() Layer      { return Tokens }

func testRegistry(t *testing.T) *Registry {
	t.Helper()
	r := &Registry{}
	for _, err := range []error{
		r.RegisterTokenizer("space", func() (Tokenizer, error) { return spaceTok{}, nil }),
		r.RegisterTagger("upper", func() (Tagger, error) { return upperTag{}, nil }),
		r.RegisterLemmatizer("lower", func() (Lemmatizer, error) { return lowerLemma{}, nil }),
		r.RegisterParser("chain", func() (Parser, error) { return chainParse{}, nil }),
		r.RegisterParser("forms", func() (Parser, error) { return formParse{}, nil }),
		r.RegisterTagger("broken", func() (Tagger, error) { return nil, errors.New("model corrupt") }),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return r
}

func TestPipelineRunsStagesInOrder(t *testing.T) {
	p, err := testRegistry(t).Pipeline(Spec{Tokenizer: "space", Tagger: "upper", Lemmatizer: "lower", Parser: "chain"})
	if err != nil {
		t.Fatal(err)
	}
	if got := p.Provides(); got != Tokens|Tags|Lemmas|Tree {
		t.Errorf("Provides = %v", got)
	}
	sents, err := p.Text("Rebels  Attack")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 1 || len(sents[0].Tokens) != 2 {
		t.Fatalf("got %+v", sents)
	}
	w := sents[0].Tokens[1]
	if w.XPOS != "ATTACK!" || w.Lemma != "attack!" || w.Head != 1 || w.DepRel != "dep" || w.Start != 8 || w.End != 14 {
		t.Errorf("word 2 = %+v", w)
	}
	var kinds []string
	for _, st := range p.Steps() {
		kinds = append(kinds, st.Kind+"="+st.Name)
	}
	if strings.Join(kinds, ",") != "tagger=upper,parser=chain,lemmatizer=lower" {
		t.Errorf("Steps = %v", kinds)
	}
}

func TestPipelineValidation(t *testing.T) {
	tests := []struct {
		name string
		spec Spec
		err  string
	}{
		{"unknown tagger", Spec{Tokenizer: "space", Tagger: "nope"}, `tagger "nope": unknown stage (have broken, upper)`},
		{"lemmatizer without tags", Spec{Tokenizer: "space", Lemmatizer: "lower"}, `lemmatizer "lower" needs tags`},
		{"parser without tags", Spec{Tokenizer: "space", Parser: "chain"}, `parser "chain" needs tags`},
		{"no tokens", Spec{Tagger: "upper"}, "no tokenizer"},
		{"model fails", Spec{Tokenizer: "space", Tagger: "broken"}, `load tagger "broken": model corrupt`},
	}
	r := testRegistry(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := r.Pipeline(tt.spec)
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("Pipeline(%+v) error = %v, want %q", tt.spec, err, tt.err)
			}
		})
	}
	if _, err := r.Pipeline(Spec{Tokenizer: "space", Tagger: "nope"}); !errors.Is(err, ErrUnknownStage) {
		t.Errorf("unknown stage error %v is not ErrUnknownStage", err)
	}
}

func TestPipelineOnTaggedInput(t *testing.T) {
	r := testRegistry(t)
	// Gold-tagged sentences need no tagger before the lemmatizer.
	p, err := r.Pipeline(Spec{Lemmatizer: "lower", Parser: "chain", Input: Tokens | Tags})
	if err != nil {
		t.Fatal(err)
	}
	s := Sentence{Tokens: []Token{{ID: 1, Form: "Fighters", XPOS: "NNS", Head: -1}}}
	p.Annotate(&s)
	if s.Tokens[0].Lemma != "nns!" || s.Tokens[0].Head != 0 {
		t.Errorf("word = %+v", s.Tokens[0])
	}
	if _, err := p.Text("x"); !errors.Is(err, ErrNoTokenizer) {
		t.Errorf("Text without tokenizer: %v", err)
	}
	// A stage that declares lesser needs runs on tokens alone.
	if _, err := r.Pipeline(Spec{Tokenizer: "space", Parser: "forms"}); err != nil {
		t.Errorf("parser needing only tokens: %v", err)
	}
}

func TestRegistry(t *testing.T) {
	r := &Registry{}
	built := 0
	build := func() (Tagger, error) { built++; return upperTag{}, nil }
	if err := r.RegisterTagger("t", build); err != nil {
		t.Fatal(err)
	}
	if err := r.RegisterTagger("t", build); err == nil {
		t.Error("duplicate name accepted")
	}
	if err := r.RegisterTagger("", build); err == nil {
		t.Error("empty name accepted")
	}
	if err := r.RegisterTokenizer("s", func() (Tokenizer, error) { return spaceTok{}, nil }); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := r.Pipeline(Spec{Tokenizer: "s", Tagger: "t"}); err != nil {
			t.Fatal(err)
		}
	}
	if built != 1 {
		t.Errorf("tagger built %d times, want once", built)
	}
	if got := r.Names(KindTagger); len(got) != 1 || got[0] != "t" {
		t.Errorf("Names = %v", got)
	}
}
