package parse

import (
	"slices"
	"testing"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Learning with the beam on one sentence must come to parse it right and
// to choose, for each word in doubt, the gold tags, whether they are the
// tagger's first choice or its runner-up, and wherever the word is.
func TestLearnsTagChoices(t *testing.T) {
	word := func(form, upos, xpos string, alt ...string) nlp.Token {
		tok := nlp.Token{Form: form, UPOS: upos, XPOS: xpos}
		if len(alt) == 2 {
			tok.Alt = nlp.TagAlt{UPOS: alt[0], XPOS: alt[1], Margin: 5}
		}
		return tok
	}
	for _, tt := range []struct {
		name  string
		toks  []nlp.Token
		heads []int  // gold, index 0 is -1
		alt   []bool // whether each word's gold tags are its runner-up
	}{
		{
			name: "runner-up right",
			// Guerrillas threatened/VBN|VBD to strike .
			toks:  []nlp.Token{word("Guerrillas", "NOUN", "NNS"), word("threatened", "VERB", "VBN", "VERB", "VBD"), word("to", "PART", "TO"), word("strike", "VERB", "VB"), word(".", "PUNCT", ".")},
			heads: []int{-1, 2, 0, 4, 2, 2},
			alt:   []bool{false, false, true, false, false, false, false},
		},
		{
			name: "first choice right, first word in doubt",
			// Attacks/NNS|VBZ rose sharply .
			toks:  []nlp.Token{word("Attacks", "NOUN", "NNS", "VERB", "VBZ"), word("rose", "VERB", "VBD", "NOUN", "NN"), word("sharply", "ADV", "RB"), word(".", "PUNCT", ".")},
			heads: []int{-1, 2, 0, 2, 2},
			alt:   []bool{false, false, false, false, false, false},
		},
		{
			name: "runner-up right, first word",
			// Fight/NN|VB them now !
			toks:  []nlp.Token{word("Fight", "NOUN", "NN", "VERB", "VB"), word("them", "PRON", "PRP"), word("now", "ADV", "RB"), word("!", "PUNCT", ".")},
			heads: []int{-1, 0, 1, 1, 1},
			alt:   []bool{false, true, false, false, false, false},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n := len(tt.toks)
			atoms, _ := prepareAtoms(nil, tt.toks, nil, nil, 10)
			if got := len(atoms) - (n + 2); got != 2 && got != 1 {
				t.Fatalf("%d runner-up atoms", got)
			}
			gold := rootLast(tt.heads)
			oracle := staticOracle(gold, nil)
			tr := perceptron.NewTrainer(nActions)
			sc := &trainerScorer{tr: tr}
			var b beam
			for range 50 {
				b.search(atoms, n, 4, 0, sc, true)
				if !b.update(tr, atoms, oracle, tt.alt, sc) {
					break
				}
				tr.Tick()
			}
			b.search(atoms, n, 4, 0, sc, false)
			best := &b.cur[0].st
			if heads := best.tree(nil); !slices.Equal(heads, tt.heads) {
				t.Errorf("heads %v, want %v", heads, tt.heads)
			}
			for w := 1; w <= n; w++ {
				if chose := best.w[w].alt != 0; chose != tt.alt[w] {
					t.Errorf("word %d (%s): runner-up tags %v, want %v", w, tt.toks[w-1].Form, chose, tt.alt[w])
				}
			}
		})
	}
}
