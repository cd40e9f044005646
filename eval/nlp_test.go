package eval

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/tokenize"
)

func readString(t *testing.T, s string) []nlp.Sentence {
	t.Helper()
	sents, err := conllu.ReadAll(strings.NewReader(s), "test")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// The system output below splits sentences and tokens differently from the
// gold tiny.conllu (sentences 1 and 2): one sentence, "al-Qaeda" as one
// word, and some heads and labels wrong.
const system = `1	They	they	PRON	PRP	_	4	nsubj	_	_
2-3	don't	_	_	_	_	_	_	_	_
2	do	do	AUX	VBP	_	4	aux	_	_
3	n't	n't	PART	RB	_	4	advmod:neg	_	_
4	fight	fight	VERB	VB	_	0	root	_	_
5	.	.	PUNCT	.	_	4	dep	_	_
6	al-Qaeda	al-Qaeda	PROPN	NNP	_	7	nsubj	_	_
7	won	win	VERB	VBD	_	4	parataxis	_	_
8	.	.	PUNCT	.	_	6	punct	_	_

`

func TestScoreUDMisaligned(t *testing.T) {
	gold := readString(t, mustRead(t, "testdata/tiny.conllu"))[:2]
	sys := readString(t, system)
	got, err := ScoreUD(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	want := UDScores{
		// gold: They don't fight . al - Qaeda won . ; system: al-Qaeda whole
		Tokens:    UDScore{Gold: 9, System: 7, Correct: 6},
		Sentences: UDScore{Gold: 2, System: 1, Correct: 0},
		Words:     UDScore{Gold: 10, System: 8, Correct: 7, Aligned: 7},
		UPOS:      UDScore{Gold: 10, System: 8, Correct: 7, Aligned: 7},
		XPOS:      UDScore{Gold: 10, System: 8, Correct: 7, Aligned: 7},
		// "n't" lemmatised as "n't", not "not"
		Lemmas: UDScore{Gold: 10, System: 8, Correct: 6, Aligned: 7},
		// "won" hangs from "fight" (gold: root); the second "." from the
		// unaligned "al-Qaeda".
		UAS: UDScore{Gold: 10, System: 8, Correct: 5, Aligned: 7},
		// and the first "." is "dep"; "advmod:neg" counts as "advmod".
		LAS: UDScore{Gold: 10, System: 8, Correct: 4, Aligned: 7},
	}
	if got != want {
		t.Errorf("ScoreUD\n got %+v\nwant %+v", got, want)
	}
	if f := got.Tokens.F1(); f < 0.749 || f > 0.751 {
		t.Errorf("token F1 = %v, want 0.75", f)
	}
	if a := got.UAS.AlignedAccuracy(); a < 0.714 || a > 0.715 {
		t.Errorf("UAS aligned accuracy = %v, want 5/7", a)
	}
}

func TestScoreUDMultiword(t *testing.T) {
	gold := readString(t, "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n")
	// One word for the whole token: aligned to neither gold word.
	sys := readString(t, "1\tdon't\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\n")
	got, err := ScoreUD(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if got.Tokens.Correct != 1 || got.Words.Correct != 0 || got.UAS.Correct != 0 {
		t.Errorf("ScoreUD = %+v", got)
	}
	// Split differently inside the token: "don" + "'t" aligns nothing, but
	// the same words in a different case align.
	sys = readString(t, "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tDO\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n2\tn't\tnot\tPART\tRB\t_\t1\tadvmod\t_\t_\n\n")
	got, err = ScoreUD(gold, sys)
	if err != nil {
		t.Fatal(err)
	}
	if got.Words.Correct != 2 || got.LAS.Correct != 2 {
		t.Errorf("case-insensitive multiword alignment: %+v", got)
	}
}

func TestScoreUDTextMismatch(t *testing.T) {
	gold := readString(t, "1\tTruce\ttruce\tNOUN\tNN\t_\t0\troot\t_\t_\n\n")
	sys := readString(t, "1\tTruse\ttruce\tNOUN\tNN\t_\t0\troot\t_\t_\n\n")
	if _, err := ScoreUD(gold, sys); err == nil || !strings.Contains(err.Error(), "differ at character 3") {
		t.Errorf("error = %v", err)
	}
}

func TestRawText(t *testing.T) {
	got := RawText(readString(t, mustRead(t, "testdata/tiny.conllu")))
	want := "They don't fight. al-Qaeda won.\n\nTruce holds\n"
	if got != want {
		t.Errorf("RawText = %q, want %q", got, want)
	}
	// Without a text line, the words and their SpaceAfter marks.
	s := readString(t, "1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n1\tdo\t_\t_\t_\t_\t_\t_\t_\t_\n2\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n3\t!\t_\t_\t_\t_\t_\t_\t_\t_\n\n")
	if got := RawText(s); got != "don't!\n" {
		t.Errorf("RawText without text = %q", got)
	}
}

// Stages for the end-to-end test: tag every word NOUN/NN, lemma = lower
// form, chain the words.
type (
	nounTagger  struct{}
	lowerLemmas struct{}
	chainParser struct{}
)

func (nounTagger) Tag(s *nlp.Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].UPOS, s.Tokens[i].XPOS = "NOUN", "NN"
	}
}
func (lowerLemmas) Lemmatize(s *nlp.Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].Lemma = strings.ToLower(s.Tokens[i].Form)
	}
}
func (chainParser) Parse(s *nlp.Sentence) {
	for i := range s.Tokens {
		s.Tokens[i].Head, s.Tokens[i].DepRel = i, "dep"
	}
}

func testPipeline(t *testing.T) *nlp.Pipeline {
	return testPipelineWith(t, tokenize.New(tokenize.Options{}))
}

func testPipelineWith(t *testing.T, tok nlp.Tokenizer) *nlp.Pipeline {
	r := &nlp.Registry{}
	for _, err := range []error{
		r.RegisterTokenizer("tok", func() (nlp.Tokenizer, error) { return tok, nil }),
		r.RegisterTagger("noun", func() (nlp.Tagger, error) { return nounTagger{}, nil }),
		r.RegisterLemmatizer("lower", func() (nlp.Lemmatizer, error) { return lowerLemmas{}, nil }),
		r.RegisterParser("chain", func() (nlp.Parser, error) { return chainParser{}, nil }),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	p, err := r.Pipeline(nlp.Spec{Tokenizer: "tok", Tagger: "noun", Lemmatizer: "lower", Parser: "chain"})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestNLP(t *testing.T) {
	p := testPipeline(t)
	rep, err := NLP(context.Background(), NLPOptions{Treebanks: []string{"testdata/tiny.conllu"}, Pipeline: p, Passes: 2})
	if err != nil {
		t.Fatal(err)
	}
	s := rep.Scores
	// Gold words: 12; NOUN on 3 (Qaeda is PROPN), NN on Truce only.
	if rep.Words != 12 || rep.Sentences != 3 || s.Words.F1() != 1 || s.UPOS.Correct != 1 || s.XPOS.Correct != 1 {
		t.Errorf("gold tokenisation: %+v", rep)
	}
	// Lemmas right: they, do, fight, ., al, -, won→no, .,  truce, holds→no
	if s.Lemmas.Correct != 8 {
		t.Errorf("lemmas correct %d, want 8", s.Lemmas.Correct)
	}
	if len(rep.Speed) != 4 || rep.Speed[3].Stage != "pipeline" {
		t.Errorf("speeds %+v", rep.Speed)
	}

	raw, err := NLP(context.Background(), NLPOptions{Treebanks: []string{"testdata/tiny.conllu"}, Pipeline: p, Raw: true})
	if err != nil {
		t.Fatal(err)
	}
	// Dyad keeps "al-Qaeda" whole where the gold splits it (3 tokens lost),
	// and finds all three sentences.
	if raw.Scores.Sentences.Correct != 3 || raw.Scores.Tokens.Gold != 11 || raw.Scores.Tokens.System != 9 || raw.Scores.Tokens.Correct != 8 {
		t.Errorf("raw: %+v", raw.Scores)
	}
	var out strings.Builder
	if err := raw.WriteTable(&out); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "(raw text): 3 sentences, 12 words") || !strings.Contains(out.String(), "tokenizer") {
		t.Errorf("table:\n%s", out.String())
	}
	js, err := json.Marshal(raw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"tokens":{"gold":11,"system":9,"correct":8,"aligned":0,"precision":88.89,"recall":72.73,"f1":80`) {
		t.Errorf("JSON: %s", js)
	}

	if _, err := NLP(context.Background(), NLPOptions{Treebanks: []string{"testdata/none*.conllu"}, Pipeline: p}); err == nil {
		t.Error("a pattern matching nothing was accepted")
	}
	if _, err := NLP(context.Background(), NLPOptions{Treebanks: []string{"testdata/tiny.conllu"}, Pipeline: p, Raw: true, GoldTags: true}); err == nil {
		t.Error("raw text with gold tags was accepted")
	}
}

// TestNLPOnEWT checks the whole measurement on the real EWT dev set with
// a trivial pipeline: Dyad's tokenizer, with the rules and with the learned
// sentence splitter, against the gold, and the shared-task scorer over
// 2,001 sentences.
func TestNLPOnEWT(t *testing.T) {
	path := sharedtest.Path(t, "nlp", "ud-ewt", "en_ewt-ud-dev.conllu")
	learned, err := tokenize.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name      string
		tok       nlp.Tokenizer
		sentences float64
	}{{"rules", tokenize.New(tokenize.Options{}), 0.85}, {"learned", learned, 0.89}} {
		rep, err := NLP(context.Background(), NLPOptions{Treebanks: []string{path}, Pipeline: testPipelineWith(t, tt.tok), Raw: true})
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("EWT dev raw, %s: tokens F1 %.2f, sentences F1 %.2f, words F1 %.2f", tt.name, 100*rep.Scores.Tokens.F1(), 100*rep.Scores.Sentences.F1(), 100*rep.Scores.Words.F1())
		if rep.Scores.Tokens.F1() < 0.99 || rep.Scores.Words.F1() < 0.99 || rep.Scores.Sentences.F1() < tt.sentences {
			t.Errorf("%s: tokenizer below its measured level: %+v", tt.name, rep.Scores)
		}
	}
}

func mustRead(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}
