package ner_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"dyad/nlp"
	"dyad/nlp/ner"
	"dyad/nlp/tag"
)

// A GUM-style document written for the project: a named person with a title
// and an apposition, an unnamed organisation mention with a capitalised
// name, a nested place, and a pronoun mention that is not named.
const gumDoc = `#FORMAT=WebAnno TSV 3.2


#Text=Senator Ana Ruiz of Peru met the Andean Trade Council in Lima , Peru .
1-1	0-7	Senator	person[1]	new[1]	s[1]	Ana_Ruiz[1]	_	_
1-2	8-11	Ana	person[1]	new[1]	s[1]	Ana_Ruiz[1]	_	_
1-3	12-16	Ruiz	person[1]	new[1]	s[1]	Ana_Ruiz[1]	_	_
1-4	17-19	of	person[1]	new[1]	s[1]	Ana_Ruiz[1]	_	_
1-5	20-24	Peru	person[1]|place	new[1]|new	s[1]|s	Ana_Ruiz[1]|Peru	_	_
1-6	25-28	met	_	_	_	_	_	_
1-7	29-32	the	organization[2]	new[2]	s[2]	_	_	_
1-8	33-39	Andean	organization[2]	new[2]	s[2]	_	_	_
1-9	40-45	Trade	organization[2]	new[2]	s[2]	_	_	_
1-10	46-53	Council	organization[2]	new[2]	s[2]	_	_	_
1-11	54-56	in	_	_	_	_	_	_
1-12	57-61	Lima	place[3]	new[3]	s[3]	Lima[3]	_	_
1-13	62-63	,	place[3]	new[3]	s[3]	Lima[3]	_	_
1-14	64-68	Peru	place[3]	new[3]	s[3]	Lima[3]	_	_
1-15	69-70	.	_	_	_	_	_	_

#Text=She left .
2-1	71-74	She	person[4]	giv[4]	s[4]	_	_	_
2-2	75-79	left	_	_	_	_	_	_
2-3	80-81	.	_	_	_	_	_	_
`

func describe(s nlp.Sentence) string {
	var b strings.Builder
	for _, e := range s.Entities {
		fmt.Fprintf(&b, "[%s", e.Type)
		for k := e.First; k <= e.Last; k++ {
			b.WriteString(" " + s.Tokens[k].Form)
		}
		b.WriteString("]")
	}
	return b.String()
}

func TestReadGUM(t *testing.T) {
	sents, err := ner.ReadGUM(strings.NewReader(gumDoc), "test.tsv")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"[PER Senator Ana Ruiz][LOC Peru][ORG Andean Trade Council][LOC Lima]", ""}
	if len(sents) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(sents), len(want))
	}
	for i, w := range want {
		if got := describe(sents[i]); got != w {
			t.Errorf("sentence %d: got %s, want %s", i+1, got, w)
		}
	}
}

func TestReadBIO(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"conll", "-DOCSTART- -X- -X- O\n\nAna NNP B-NP B-PER\nRuiz NNP I-NP I-PER\nvisited VBD B-VP O\nLima NNP B-NP I-LOC\n. . O O\n", "[PER Ana Ruiz][LOC Lima]"},
		{"iob2", "# sent_id = x-1\n1\tthe\tO\t-\n2\tAndean\tB-ORG\t-\n3\tCouncil\tI-ORG\t-\n4\tmet\tO\t-\n5\tEuro\tB-MISC\t-\n", "[ORG Andean Council]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			sents, _, err := ner.ReadBIO(strings.NewReader(tc.in), tc.name)
			if err != nil {
				t.Fatal(err)
			}
			if len(sents) != 1 {
				t.Fatalf("got %d sentences", len(sents))
			}
			if got := describe(sents[0]); got != tc.want {
				t.Errorf("got %s, want %s", got, tc.want)
			}
		})
	}
	if _, _, err := ner.ReadBIO(strings.NewReader("word\n"), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
		t.Errorf("a line without a tag: got %v, want an error naming bad.txt:1", err)
	}
}

// TestTrainRoundTrip learns a tiny model, writes and reads it back, and
// checks that it finds what it learnt and that the copy finds the same.
func TestTrainRoundTrip(t *testing.T) {
	tagger, err := tag.Default()
	if err != nil {
		t.Fatal(err)
	}
	mk := func(words string, ents ...nlp.Entity) nlp.Sentence {
		s := nlp.Sentence{Entities: ents}
		for i, w := range strings.Fields(words) {
			s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: w})
		}
		tagger.Tag(&s)
		return s
	}
	train := []nlp.Sentence{
		mk("Ana Ruiz visited Lima .", nlp.Entity{Type: ner.Person, First: 0, Last: 1}, nlp.Entity{Type: ner.Place, First: 3, Last: 3}),
		mk("The Andean Council met in Quito .", nlp.Entity{Type: ner.Organization, First: 1, Last: 2}, nlp.Entity{Type: ner.Place, First: 5, Last: 5}),
		mk("Officials said nothing ."),
	}
	r, err := ner.Train(context.Background(), train, train, ner.Options{Epochs: 5, Gazetteer: map[string]string{"QUITO": ner.Place}})
	if err != nil {
		t.Fatal(err)
	}
	if f := r.Evaluate(train).F1(); f != 100 {
		t.Errorf("F1 on its own training data %.1f, want 100", f)
	}
	var buf bytes.Buffer
	if _, err := r.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	r2, err := ner.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for i := range train {
		if a, b := fmt.Sprint(r.Find(&train[i])), fmt.Sprint(r2.Find(&train[i])); a != b {
			t.Errorf("sentence %d: %s before writing, %s after", i, a, b)
		}
	}
	if _, err := ner.Read(strings.NewReader("not a model")); err == nil {
		t.Error("Read accepted garbage")
	}
}

func TestDefault(t *testing.T) {
	r, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	// The shipped model writes back byte for byte, and Read, which checks
	// every slot where Default trusts it, accepts it.
	var b bytes.Buffer
	if _, err := r.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("model/ner.bin")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("written model differs from model/ner.bin: %d bytes, want %d", b.Len(), len(want))
	}
	if _, err := ner.Read(bytes.NewReader(want)); err != nil {
		t.Error(err)
	}
	s := nlp.Sentence{}
	r.Recognize(&s)
	if s.Entities != nil {
		t.Errorf("empty sentence: got %v", s.Entities)
	}
}

func FuzzReadGUM(f *testing.F) {
	f.Add(gumDoc)
	f.Add("#Text=a\n1-1\t0-1\ta\tperson[1\t_\t_\tX[1]\t_\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ner.ReadGUM(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		checkSpans(t, sents)
	})
}

func FuzzReadBIO(f *testing.F) {
	f.Add("Ana NNP B-NP B-PER\nRuiz NNP I-NP I-PER\n\nx O\n")
	f.Add("1\tAndean\tI-ORG\t-\n2\tx\tB-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, _, err := ner.ReadBIO(strings.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		checkSpans(t, sents)
	})
}

// checkSpans checks that entities lie in their sentence, in order, without
// overlapping.
func checkSpans(t *testing.T, sents []nlp.Sentence) {
	for _, s := range sents {
		last := -1
		for _, e := range s.Entities {
			if e.First <= last || e.Last < e.First || e.Last >= len(s.Tokens) {
				t.Fatalf("bad entity %+v in a sentence of %d words", e, len(s.Tokens))
			}
			last = e.Last
		}
	}
}
