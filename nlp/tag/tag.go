package tag

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"math"
	"sync"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Tagger assigns universal (UPOS) and Penn Treebank (XPOS) part-of-speech
// tags. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string // class c is the pair (upos[c], xpos[c])
	finite     []bool   // whether class c is a finite verb or a modal
	// dict maps the hash of a lower-cased word seen in training to its
	// ambiguity class value (≥ 2; 0 for unknown words).
	dict map[uint64]uint64
	// fixed maps the hash of a lower-cased word that always had the same
	// class in training, and was frequent, to that class: the tagger gives
	// it without scoring.
	fixed map[uint64]int32
	// models are the passes: the first tags left to right, each later
	// one again with the classes of the one before as features.
	models []*perceptron.Model
	pool   sync.Pool
}

func (t *Tagger) getScratch() *scratch {
	if sc, ok := t.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]int32, len(t.upos))}
}

// Tag sets the UPOS and XPOS of every word of s from the word forms.
func (t *Tagger) Tag(s *nlp.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := t.getScratch()
	t.tag(sc, s.Tokens)
	for i := range s.Tokens {
		c := sc.tags[i]
		s.Tokens[i].UPOS, s.Tokens[i].XPOS = t.upos[c], t.xpos[c]
	}
	t.pool.Put(sc)
}

// settled is the margin, in perceptron score units, by which a pass must
// prefer a word's class for the later passes to keep it without scoring
// the word again. On EWT dev this leaves the accuracy as it is and halves
// the time of the second pass: most words are never in doubt.
const settled = 80

// tag leaves the class of each token in sc.tags.
func (t *Tagger) tag(sc *scratch, toks []nlp.Token) {
	t.prepare(sc, toks, t.dict)
	var prev []int
	sc.margins = sc.margins[:0]
	for range toks {
		sc.margins = append(sc.margins, 0)
	}
	for p, m := range t.models {
		keep := int32(math.MaxInt32)
		if p > 0 {
			sc.prev = append(sc.prev[:0], sc.tags...)
			prev = sc.prev
			keep = t.models[p-1].IntScore(settled)
		}
		sc.tags = sc.tags[:0]
		for i := range toks {
			if c, ok := t.fixed[sc.words[i+pad].low]; ok {
				sc.tags = append(sc.tags, int(c))
				continue
			}
			if sc.margins[i] >= keep {
				sc.tags = append(sc.tags, prev[i])
				continue
			}
			sc.feats = append(sc.feats[:0], sc.static[i*nStatic:(i+1)*nStatic]...)
			sc.feats = features(sc.feats, sc.words, i, sc.tags, prev, t.finite)
			m.Score(sc.feats, sc.scores)
			var c int
			c, sc.margins[i] = perceptron.Margin(sc.scores)
			sc.tags = append(sc.tags, c)
		}
	}
}

// magic names the model file format and its version.
const magic = "dyad-tagger-1"

// WriteTo writes the model of the tagger to w in the format described in
// the package documentation.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	mw := perceptron.NewWriter(w, magic)
	mw.Strings(t.upos)
	mw.Strings(t.xpos)
	mw.Map(t.dict)
	fixed := make(map[uint64]uint64, len(t.fixed))
	for k, c := range t.fixed {
		fixed[k] = uint64(c)
	}
	mw.Map(fixed)
	mw.Models(t.models)
	return mw.Close()
}

// Read reads a tagger model written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	mr, err := perceptron.NewReader(r, magic)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	t := &Tagger{upos: mr.Strings(), xpos: mr.Strings()}
	t.dict = mr.Map()
	fixed := mr.Map()
	t.fixed = make(map[uint64]int32, len(fixed))
	for k, c := range fixed {
		if c >= uint64(len(t.upos)) {
			return nil, fmt.Errorf("read tagger: class %d of %d", c, len(t.upos))
		}
		t.fixed[k] = int32(c)
	}
	t.finite = finiteClasses(t.xpos)
	t.models = mr.Models()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	if len(t.models) == 0 {
		return nil, errors.New("read tagger: no model")
	}
	for _, m := range t.models {
		if len(t.upos) == 0 || len(t.upos) != len(t.xpos) || m.Classes() != len(t.upos) {
			return nil, fmt.Errorf("read tagger: %d UPOS and %d XPOS names for %d classes", len(t.upos), len(t.xpos), m.Classes())
		}
	}
	return t, nil
}

//go:embed model/tagger.bin
var defaultModel []byte

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	return Read(bytes.NewReader(defaultModel))
})

// Default returns the tagger shipped with Dyad, trained by
// `dyad train tagger`. The model is loaded on the first call.
func Default() (*Tagger, error) { return defaultTagger() }

// finiteClasses tells which classes, by XPOS, are finite verbs or modals.
func finiteClasses(xpos []string) []bool {
	f := make([]bool, len(xpos))
	for c, x := range xpos {
		f[c] = x == "VBD" || x == "VBZ" || x == "VBP" || x == "MD"
	}
	return f
}
