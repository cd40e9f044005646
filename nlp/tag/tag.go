package tag

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"sync"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Tagger assigns universal (UPOS) and Penn Treebank (XPOS) part-of-speech
// tags. It is safe for concurrent use.
type Tagger struct {
	upos, xpos []string // class c is the pair (upos[c], xpos[c])
	// dict maps the hash of a lower-cased word seen in training to its
	// ambiguity class value (≥ 2; 0 for unknown words).
	dict map[uint64]uint64
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

// tag leaves the class of each token in sc.tags.
func (t *Tagger) tag(sc *scratch, toks []nlp.Token) {
	t.prepare(sc, toks, t.dict)
	var prev []int
	for p, m := range t.models {
		if p > 0 {
			sc.prev = append(sc.prev[:0], sc.tags...)
			prev = sc.prev
		}
		sc.tags = sc.tags[:0]
		for i := range toks {
			sc.feats = features(sc.feats[:0], sc.words, i, sc.tags, prev)
			m.Score(sc.feats, sc.scores)
			sc.tags = append(sc.tags, perceptron.Best(sc.scores, nil))
		}
	}
}

// magic names the model file format and its version.
const magic = "dyad-tagger-1"

// WriteTo writes the model of the tagger to w in the format described in
// the package documentation.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	mw := perceptron.NewWriter(cw, magic)
	mw.Strings(t.upos)
	mw.Strings(t.xpos)
	keys := slices.Sorted(maps.Keys(t.dict))
	mw.Uint(uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		mw.Uint(k - prev)
		mw.Uint(t.dict[k])
		prev = k
	}
	mw.Uint(uint64(len(t.models)))
	for _, m := range t.models {
		mw.Model(m)
	}
	err := mw.Close()
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a tagger model written by WriteTo.
func Read(r io.Reader) (*Tagger, error) {
	mr, err := perceptron.NewReader(r, magic)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	t := &Tagger{upos: mr.Strings(), xpos: mr.Strings()}
	n := mr.Count()
	t.dict = make(map[uint64]uint64, n)
	var k uint64
	for i := 0; i < n && mr.Err() == nil; i++ {
		k += mr.Uint()
		t.dict[k] = mr.Uint()
	}
	passes := mr.Count()
	for i := 0; i < passes && mr.Err() == nil; i++ {
		t.models = append(t.models, mr.Model())
	}
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
