package parse

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

// Parser assigns a head and a universal dependency relation to every word
// of a tagged sentence. It is safe for concurrent use.
type Parser struct {
	labels []string // dependency relations, by class
	beam   int      // beam width; 1 parses greedily
	// margin, if positive, drops from the beam the states that score
	// more than this below the best (in perceptron score units).
	margin float64
	// altMargin is how close the tagger's runner-up tags must come to its
	// first choice (nlp.TagAlt.Margin) for the parser to weigh them.
	altMargin float64
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
	n      int    // words of the sentence
	tagged []atom // atoms 0..n+1 of the words as the parse tagged them
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
// with a single root. Where the tagger gave runner-up tags close enough
// (nlp.Token.Alt), the parser searching with a beam chooses between them
// and the first choice as it parses; a word it gives the runner-up tags
// has them in UPOS and XPOS, and the tagger's first choice in Alt.
func (p *Parser) Parse(s *nlp.Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	sc := p.getScratch()
	sc.atoms, sc.runes = prepareAtoms(sc.atoms, s.Tokens, sc.runes, p.dict, p.altMargin)
	sc.n = len(s.Tokens)
	p.parse(sc)
	p.label(sc)

	for i := range s.Tokens {
		tok := &s.Tokens[i]
		if d := sc.tagged[i+1].doubt; d != 0 && d%2 == 0 {
			tok.UPOS, tok.Alt.UPOS = tok.Alt.UPOS, tok.UPOS
			tok.XPOS, tok.Alt.XPOS = tok.Alt.XPOS, tok.XPOS
		}
		tok.Head = sc.tr.heads[i+1]
		tok.DepRel = p.labels[sc.tr.labels[i+1]]
	}
	p.pool.Put(sc)
}

// parse runs the transition system over the sentence in sc.atoms and
// leaves the tree in sc.heads and the words as tagged in sc.tagged.
func (p *Parser) parse(sc *scratch) {
	sc.tagged = append(sc.tagged[:0], sc.atoms[:sc.n+2]...)
	if p.beam > 1 {
		if sc.scorer.cache == nil {
			sc.scorer = modelScorer{m: p.actions, cache: new(perceptron.Cache)}
		}
		sc.beam.search(sc.atoms, sc.n, p.beam, p.margin/float64(p.actions.Scale()), &sc.scorer, false)
		best := &sc.beam.cur[0].st
		sc.heads = best.tree(sc.heads)
		for w := 1; w <= sc.n; w++ {
			if a := best.w[w].alt; a != 0 {
				sc.tagged[w] = sc.atoms[a]
			}
		}
		return
	}
	// Greedy parsing keeps the tagger's first choice.
	st := &sc.st
	sc.beam.u.prepare(sc.atoms)
	st.reset(sc.n, sc.beam.u.cls)
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
	sc.feats = labelTree(&sc.tr, sc.tagged, p.labelers, sc.feats, sc.scores)
}

// magic names the model file format and its version.
const magic = "dyad-parser-4"

// WriteTo writes the model of the parser to w in the format described in
// the package documentation.
func (p *Parser) WriteTo(w io.Writer) (int64, error) {
	mw := perceptron.NewWriter(w, magic)
	mw.Strings(p.labels)
	mw.Uint(uint64(p.beam))
	mw.Float(float32(p.margin))
	mw.Float(float32(p.altMargin))
	mw.Map(p.dict)
	mw.Model(p.actions)
	mw.Models(p.labelers)
	return mw.Close()
}

// Read reads a parser model written by WriteTo.
func Read(r io.Reader) (*Parser, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	mr, err := perceptron.NewReader(data, magic)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	return load(mr)
}

// load reads a parser model from mr.
func load(mr *perceptron.Reader) (*Parser, error) {
	p := &Parser{labels: mr.Strings(), beam: mr.Count(), margin: float64(mr.Float()), altMargin: float64(mr.Float())}
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
	if !(p.altMargin >= 0 && p.altMargin <= math.MaxFloat32) {
		return nil, fmt.Errorf("read parser: runner-up tag margin %g", p.altMargin)
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

// Search is how a parser searches for the best tree.
type Search struct {
	Beam int // width of the beam, 1 to 256; 1 parses greedily
	// Margin keeps only the states of the beam that score within it of
	// the best, in perceptron score units (0 keeps all).
	Margin float64
	// AltMargin is how close the tagger's runner-up tags must come to its
	// first choice (nlp.TagAlt.Margin) for the parser to weigh them (0:
	// never; a greedy parser never does).
	AltMargin float64
}

// Search returns how the parser searches.
func (p *Parser) Search() Search { return Search{p.beam, p.margin, p.altMargin} }

// WithSearch returns a parser with the same model that searches as s
// says. It is for measuring what the settings trade; the shipped ones are
// chosen on EWT dev.
func (p *Parser) WithSearch(s Search) (*Parser, error) {
	if s.Beam < 1 || s.Beam > 256 || s.Margin < 0 || s.AltMargin < 0 {
		return nil, fmt.Errorf("parser search: beam %d (want 1 to 256), margin %g, runner-up tag margin %g (want ≥ 0)", s.Beam, s.Margin, s.AltMargin)
	}
	return &Parser{labels: p.labels, beam: s.Beam, margin: s.Margin, altMargin: s.AltMargin, dict: p.dict, actions: p.actions, labelers: p.labelers}, nil
}

//go:embed model/parser.bin
var defaultModel []byte

var defaultParser = sync.OnceValues(func() (*Parser, error) {
	mr, err := perceptron.NewTrustedReader(defaultModel, magic)
	if err != nil {
		return nil, fmt.Errorf("read parser: %w", err)
	}
	return load(mr)
})

// Default returns the parser shipped with Dyad, trained by
// `dyad train parser`. The model is loaded on the first call.
func Default() (*Parser, error) { return defaultParser() }
