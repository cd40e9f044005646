package tag

import (
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
	// members is the number of taggers whose weights were summed into
	// the models; runner-up margins are given per member, so that they
	// compare across ensembles of any size.
	members int
	pool    sync.Pool
}

func (t *Tagger) getScratch() *scratch {
	if sc, ok := t.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]int32, len(t.upos))}
}

// Tag sets the UPOS and XPOS of every word of s from the word forms, and
// its Alt to the runner-up tags of the words the tagger was in doubt
// about: those the last pass scored. Words it was sure of, and frequent
// words that always had one class in training, get no runner-up.
func (t *Tagger) Tag(s *nlp.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := t.getScratch()
	t.tag(sc, s.Tokens)
	scale := t.models[len(t.models)-1].Scale() / float32(t.members)
	for i := range s.Tokens {
		tok := &s.Tokens[i]
		c := sc.tags[i]
		tok.UPOS, tok.XPOS = t.upos[c], t.xpos[c]
		tok.Alt = nlp.TagAlt{}
		if a := sc.alts[i]; a >= 0 {
			tok.Alt = nlp.TagAlt{UPOS: t.upos[a], XPOS: t.xpos[a], Margin: float32(sc.margins[i]) * scale}
		}
	}
	t.pool.Put(sc)
}

// settled is the margin, in perceptron score units, by which a pass must
// prefer a word's class for the later passes to keep it without scoring
// the word again. On EWT dev this leaves the accuracy as it is and halves
// the time of the second pass: most words are never in doubt.
const settled = 80

// tag leaves the class of each token in sc.tags, and in sc.alts the
// runner-up of the words the last pass scored (-1 for the others), by
// sc.margins behind.
func (t *Tagger) tag(sc *scratch, toks []nlp.Token) {
	t.prepare(sc, toks, t.dict)
	var prev []int
	sc.margins, sc.alts = sc.margins[:0], sc.alts[:0]
	for range toks {
		sc.margins = append(sc.margins, 0)
		sc.alts = append(sc.alts, -1)
	}
	last := len(t.models) - 1
	if len(sc.memos) < len(t.models) {
		sc.memos = make([]perceptron.Memo, len(t.models))
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
			if c, ok := t.fixed[sc.words[i+pad].Low]; ok {
				sc.tags = append(sc.tags, int(c))
				continue
			}
			if sc.margins[i] >= keep {
				sc.tags = append(sc.tags, prev[i])
				continue
			}
			static := sc.static[i*nStatic : (i+1)*nStatic]
			w := &sc.words[i+pad]
			// The word's own features are summed once for each form
			// (and for whether it begins the sentence).
			if sum, ok := sc.memos[p].Get(m, &perceptron.MemoKey{Form: toks[i].Form, Values: [4]uint64{w.Flags & flagFirst}}, w.Form); ok {
				copy(sc.scores, sum)
			} else {
				m.Score(static[:nOwn], sc.scores)
				copy(sum, sc.scores)
			}
			sc.feats = append(sc.feats[:0], static[nOwn:]...)
			sc.feats = features(sc.feats, sc.words, i, sc.tags, prev, t.finite)
			m.Add(sc.feats, sc.scores)
			c, alt, margin := perceptron.Top2(sc.scores)
			sc.margins[i] = margin
			if p == last {
				sc.alts[i] = alt
			}
			sc.tags = append(sc.tags, c)
		}
	}
}

// magic names the model file format and its version.
const magic = "dyad-tagger-3"

// WriteTo writes the model of the tagger to w in the format described in
// the package documentation.
func (t *Tagger) WriteTo(w io.Writer) (int64, error) {
	mw := perceptron.NewWriter(w, magic)
	mw.Strings(t.upos)
	mw.Strings(t.xpos)
	mw.Uint(uint64(t.members))
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
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	mr, err := perceptron.NewReader(data, magic)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	return load(mr)
}

// load reads a tagger model from mr.
func load(mr *perceptron.Reader) (*Tagger, error) {
	t := &Tagger{upos: mr.Strings(), xpos: mr.Strings(), members: mr.Count()}
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
	if t.members < 1 {
		return nil, errors.New("read tagger: no ensemble members")
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
	mr, err := perceptron.NewTrustedReader(defaultModel, magic)
	if err != nil {
		return nil, fmt.Errorf("read tagger: %w", err)
	}
	return load(mr)
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
