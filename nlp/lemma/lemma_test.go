package lemma

import (
	"bytes"
	"compress/gzip"
	"os"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/treebank"
)

func TestDefaultLemmas(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ form, upos, xpos, want string }{
		{"attacks", "NOUN", "NNS", "attack"},
		{"fighters", "NOUN", "NNS", "fighter"},
		{"launched", "VERB", "VBN", "launch"},
		{"clashed", "VERB", "VBD", "clash"},
		{"went", "VERB", "VBD", "go"},
		{"was", "AUX", "VBD", "be"},
		{"n't", "PART", "RB", "not"},
		{"'s", "AUX", "VBZ", "be"},
		{"'s", "PART", "POS", "'s"},
		{"ca", "AUX", "MD", "can"},
		{"wo", "AUX", "MD", "will"},
		{"me", "PRON", "PRP", "I"},
		{"i", "PRON", "PRP", "I"},
		{"Iraq", "PROPN", "NNP", "Iraq"},
		{"Americans", "PROPN", "NNPS", "American"},
		{"better", "ADJ", "JJR", "good"},
		{"1,400", "NUM", "CD", "1400"},
		{"Attacks", "NOUN", "NNS", "attack"},
		// Not in the training data: exception lists and suffix rules.
		{"smote", "VERB", "VBD", "smite"},
		{"oxen", "NOUN", "NNS", "ox"},
		{"refortified", "VERB", "VBD", "refortify"},
		{"Peshmergas", "PROPN", "NNPS", "Peshmerga"},
		{"", "X", "", ""},
	}
	for _, tt := range tests {
		if got := l.Lemma(tt.form, tt.upos, tt.xpos); got != tt.want {
			t.Errorf("Lemma(%q, %s, %s) = %q, want %q", tt.form, tt.upos, tt.xpos, got, tt.want)
		}
	}
}

func TestLemmatizeContext(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := func(spec string) nlp.Sentence {
		var s nlp.Sentence
		for i, f := range strings.Fields(spec) {
			form, xpos, _ := strings.Cut(f, "/")
			s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: form, XPOS: xpos})
		}
		return s
	}
	tests := []struct{ in, want string }{
		{"He/PRP 's/VBZ been/VBN there/RB", "he have be there"},
		{"He/PRP 's/VBZ not/RB got/VBN it/PRP", "he have not get it"},
		{"He/PRP 's/VBZ gone/VBN", "he be go"},
		{"Direct/JJ talks/NNS", "direct talk"},
		{`"/` + "``" + ` Smart/JJ move/NN`, `" smart move`},
	}
	for _, tt := range tests {
		s := words(tt.in)
		l.Lemmatize(&s)
		var got []string
		for _, w := range s.Tokens {
			got = append(got, w.Lemma)
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("Lemmatize(%s) = %q, want %q", tt.in, strings.Join(got, " "), tt.want)
		}
	}
}

func TestTrainDeterministicRoundTrip(t *testing.T) {
	f, err := os.Open("testdata/tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "tiny.conllu")
	if err != nil {
		t.Fatal(err)
	}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		l, err := Train(sents, TrainOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := l.WriteTo(buf); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two trainings on the same data wrote different models")
	}
	l, err := Read(&a)
	if err != nil {
		t.Fatal(err)
	}
	// Learned from "rebels", "towns", "bridges", "shots": plural -s.
	for form, want := range map[string]string{"rebels": "rebel", "guns": "gun", "n't": "not", "Baghdad": "Baghdad"} {
		xpos := map[string]string{"n't": "RB", "Baghdad": "NNP"}[form]
		if xpos == "" {
			xpos = "NNS"
		}
		if got := l.Lemma(form, "", xpos); got != want {
			t.Errorf("trained Lemma(%q, %s) = %q, want %q", form, xpos, got, want)
		}
	}
	if _, err := Train(nil, TrainOptions{}); err == nil {
		t.Error("training on nothing succeeded")
	}
}

func TestReadErrors(t *testing.T) {
	gz := func(s string) *bytes.Buffer {
		var b bytes.Buffer
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return &b
	}
	tests := []struct{ name, in, want string }{
		{"magic", "something else\n", "line 1: not a lemmatizer model"},
		{"fields", magic + "\nL\tx\n", "line 2: malformed entry"},
		{"strip", magic + "\nR\tab\tNN\tl\t9\t\n", "line 2: bad strip count"},
		{"case", magic + "\nC\tNN\t9\t1\n", "line 2: malformed case entry"},
		{"empty", "", "empty model"},
	}
	for _, tt := range tests {
		_, err := Read(gz(tt.in))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.name, err, tt.want)
		}
	}
	if _, err := Read(strings.NewReader("not gzip")); err == nil {
		t.Error("read a model that is not gzip")
	}
}

// TestShippedModel checks that `dyad train lemmatizer` reproduces the
// embedded model from the shared treebanks, byte for byte, and measures it
// on EWT dev with gold tags.
func TestShippedModel(t *testing.T) {
	dirs := treebank.DefaultDirs(sharedtest.Path(t))
	train, err := dirs.Training()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Train(train, TrainOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := l.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), defaultModel) {
		t.Error("the embedded model differs from a fresh training: run `dyad train lemmatizer`")
	}
	dev, err := treebank.EWT(dirs.EWT, treebank.Dev)
	if err != nil {
		t.Fatal(err)
	}
	right, all := 0, 0
	for i := range dev {
		s := dev[i]
		sys := nlp.Sentence{Tokens: make([]nlp.Token, len(s.Tokens))}
		for k, w := range s.Tokens {
			sys.Tokens[k] = nlp.Token{ID: w.ID, Form: w.Form, UPOS: w.UPOS, XPOS: w.XPOS}
		}
		l.Lemmatize(&sys)
		for k, w := range s.Tokens {
			all++
			if w.Lemma == "" || w.Lemma == sys.Tokens[k].Lemma {
				right++
			}
		}
	}
	acc := 100 * float64(right) / float64(all)
	t.Logf("EWT dev lemma accuracy with gold tags: %.2f", acc)
	if acc < 98.5 {
		t.Errorf("EWT dev lemma accuracy with gold tags %.2f, want at least 98.5", acc)
	}
}
