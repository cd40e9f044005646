package lemma_test

import (
	"fmt"

	"dyad/nlp/lemma"
)

func ExampleLemmatizer_Lemma() {
	l, err := lemma.Default()
	if err != nil {
		panic(err)
	}
	fmt.Println(l.Lemma("fought", "VERB", "VBD"), l.Lemma("attacks", "NOUN", "NNS"), l.Lemma("n't", "PART", "RB"), l.Lemma("Sunnis", "PROPN", "NNPS"))
	// Output: fight attack not Sunni
}
