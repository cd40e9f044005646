package parse

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

// Parser assigns a head and a universal dependency relation to every word
// of a tagged sentence. It is safe for concurrent use.
type Parser struct {
	labels []string // dependency relations, by class
	beam   int      // beam width; 1 parses greedily
	// margin, if positive, drops from the beam the states that score
	// more than this below the best (in perceptron score units).
	margin float64
	// dict maps the hash of a word seen in training to its ambiguity class.
	dict    map[uint64]uint64
	actions *perceptron.Model // classes are the transitions
	// labelers label the finished tree in turn; classes are the labels.
	labelers []*perceptron.Model

	pool sync.Pool
}

// scratch is the per-call working memory of a Parser.
type scratch struct {
	st     state
	heads  []int // the tree found: heads[d] for d in 1..n, heads[0] = -1
	beam   beam
	scorer modelScorer // for beam search
	tr     tree
	atoms  []atom
	runes  []rune
	feats  []uint64
	scores []int32
}

func (p *Parser) getScratch() *scratch {
	if sc, ok := p.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]int32, max(nActions, len(p.labels)))}
}

// Parse sets the Head and DepRel of every word of s from the forms and the
// UPOS and XPOS tags, which a tagger must have set. The result is a tree
// with a single root.
func (p *Parser) Parse(s *nlp.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := p.getScratch()
	sc.atoms, sc.runes = prepareAtoms(sc.atoms, s.Tokens, sc.runes, p.dict)
	p.parse(sc)
	p.label(sc)

	for i := range s.Tokens {
		s.Tokens[i].Head = sc.tr.heads[i+1]
		s.Tokens[i].DepRel = p.labels[sc.tr.labels[i+1]]
	}
	p.pool.Put(sc)
}

// parse runs the transition system and leaves the tree in sc.heads.
func (p *Parser) parse(sc *scratch) {
	if p.beam > 1 {
		if sc.scorer.cache == nil {
			sc.scorer = modelScorer{m: p.actions, cache: new(perceptron.Cache)}
		}
		sc.beam.search(sc.atoms, p.beam, p.margin/float64(p.actions.Scale()), &sc.scorer, false)
		sc.heads = sc.beam.cur[0].st.tree(sc.heads)
		return
	}
	st := &sc.st
	sc.beam.u.prepare(sc.atoms)
	st.reset(len(sc.atoms)-2, sc.beam.u.cls)
	for !st.done() {
		sc.feats = features(sc.feats[:0], st, sc.atoms, &sc.beam.u, &sc.beam.rs)
		p.actions.Score(sc.feats, sc.scores)
		best := -1
		for a := range nActions {
			if st.valid(a) && (best < 0 || sc.scores[a] > sc.scores[best]) {
				best = a
			}
		}
		st.apply(best)
	}
	sc.heads = st.tree(sc.heads)
}

// label labels the tree in sc.heads, leaving the labels in sc.tr.
func (p *Parser) label(sc *scratch) {
	sc.tr.build(sc.heads)
	sc.feats = labelTree(&sc.tr, sc.atoms, p.labelers, sc.feats, sc.scores)
}

// magic names the model file format and its version.
const magic = "dyad-parser-2"

// WriteTo writes the model of the parser to w in the format described in
// the package documentation.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	mw := perceptron.NewWriter(w, magic)
	mw.Strings(p.labels)
	mw.Uint(uint64(p.beam))
	mw.Float(float32(p.margin))
	mw.Map(p.dict)
	mw.Model(p.actions)
	mw.Models(p.labelers)
	return mw.Close()
}

// Read reads a parser model written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	mr, err := perceptron.NewReader(r, magic)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	p := &Parser{labels: mr.Strings(), beam: mr.Count(), margin: float64(mr.Float())}
	p.dict = mr.Map()
	p.actions = mr.Model()
	p.labelers = mr.Models()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	if p.beam < 1 || p.beam > 256 {
		return nil, fmt.Errorf("read parser: beam width %d", p.beam)
	}
	if !(p.margin >= 0 && p.margin <= math.MaxFloat32) {
		return nil, fmt.Errorf("read parser: beam margin %g", p.margin)
	}
	if p.actions.Classes() != nActions || len(p.labels) == 0 || len(p.labelers) == 0 {
		return nil, errors.New("read parser: model classes do not match the transitions and labels")
	}
	for _, m := range p.labelers {
		if m.Classes() != len(p.labels) {
			return nil, errors.New("read parser: model classes do not match the labels")
		}
	}
	return p, nil
}

// SearchSettings returns the width of the beam the parser searches with
// and its margin (0: none).
func (p *Parser) SearchSettings() (beam int, margin float64) { return p.beam, p.margin }

// Search returns a parser with the same model that searches with a beam
// of width beam (1 parses greedily), keeping only the states that score
// within margin of the best (0 keeps all). It is for measuring the
// trade-off between speed and accuracy; the shipped settings are chosen
// on EWT dev.
func (p *Parser) Search(beam int, margin float64) (*Parser, error) {
	if beam < 1 || beam > 256 || margin < 0 {
		return nil, fmt.Errorf("parser search: beam %d (want 1 to 256), margin %g (want ≥ 0)", beam, margin)
	}
	return &Parser{labels: p.labels, beam: beam, margin: margin, dict: p.dict, actions: p.actions, labelers: p.labelers}, nil
}

//go:embed model/parser.bin
var defaultModel []byte

var defaultParser = sync.OnceValues(func() (*Parser, error) {
	return Read(bytes.NewReader(defaultModel))
})

// Default returns the parser shipped with Dyad, trained by
// `dyad train parser`. The model is loaded on the first call.
func Default() (*Parser, error) { return defaultParser() }
