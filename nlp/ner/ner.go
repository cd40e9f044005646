package ner

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"sync"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// The entity types the recogniser finds.
const (
	Person       = "PER"
	Organization = "ORG"
	Place        = "LOC"
)

// Types lists the entity types in label order.
var Types = []string{Person, Organization, Place}

const magic = "dyad-ner-2"

// Recognizer finds named entities in tagged sentences. It is safe for
// concurrent use.
type Recognizer struct {
	labels []string // "O", then "B-PER", "I-PER", "B-ORG"...
	gaz    *gazetteer
	model  *perceptron.Model
	pool   sync.Pool
}

// labelNames returns the BIO labels of the entity types, "O" first.
func labelNames() []string {
	ls := []string{"O"}
	for _, t := range Types {
		ls = append(ls, "B-"+t, "I-"+t)
	}
	return ls
}

// allowed reports whether label c may follow label prev: an I- label only
// continues an entity of its own type.
func allowed(labels []string, prev, c int) bool {
	l := labels[c]
	if !strings.HasPrefix(l, "I-") {
		return true
	}
	return prev > 0 && labels[prev][2:] == l[2:]
}

// Recognize sets s.Entities to the named entities of s.
func (r *Recognizer) Recognize(s *nlp.Sentence) { s.Entities = r.Find(s) }

// Find returns the named entities of s, in order. The words must be tagged
// (UPOS); an untagged sentence is recognised less well.
func (r *Recognizer) Find(s *nlp.Sentence) []nlp.Entity {
	if len(s.Tokens) == 0 {
		return nil
	}
	sc := r.getScratch()
	defer r.pool.Put(sc)
	r.label(sc, s.Tokens)
	return spans(r.labels, sc.labels)
}

// spans turns a label sequence into entities.
func spans(labels []string, seq []int) []nlp.Entity {
	var out []nlp.Entity
	for i := 0; i < len(seq); i++ {
		l := labels[seq[i]]
		if !strings.HasPrefix(l, "B-") {
			continue
		}
		j := i + 1
		for j < len(seq) && labels[seq[j]] == "I-"+l[2:] {
			j++
		}
		out = append(out, nlp.Entity{Type: l[2:], First: i, Last: j - 1})
		i = j - 1
	}
	return out
}

func (r *Recognizer) getScratch() *scratch {
	if sc, ok := r.pool.Get().(*scratch); ok {
		return sc
	}
	return &scratch{scores: make([]int32, len(r.labels))}
}

// label fills sc.labels with the best label of each word, left to right.
func (r *Recognizer) label(sc *scratch, toks []nlp.Token) {
	prepare(sc, toks, r.gaz)
	sc.labels = sc.labels[:0]
	for i := range toks {
		// The word's own features are summed once for each form, UPOS
		// and flags.
		w := &sc.words[i+pad]
		if sum, ok := sc.memo.Get(r.model, &perceptron.MemoKey{Form: toks[i].Form, Values: [4]uint64{w.upos, w.Flags}}, w.Form); ok {
			copy(sc.scores, sum)
		} else {
			r.model.Score(ownFeatures(sc.feats[:0], w), sc.scores)
			copy(sum, sc.scores)
		}
		sc.feats = contextFeatures(sc.feats[:0], sc.words, i, sc.labels)
		r.model.Add(sc.feats, sc.scores)
		prev := 0
		if i > 0 {
			prev = sc.labels[i-1]
		}
		best := perceptron.Best(sc.scores, func(c int) bool { return allowed(r.labels, prev, c) })
		sc.labels = append(sc.labels, best)
	}
}

// WriteTo writes the model in the format described in the package
// documentation.
func (r *Recognizer) WriteTo(w io.Writer) (int64, error) {
	mw := perceptron.NewWriter(w, magic)
	mw.Strings(r.labels)
	names := r.gaz.names()
	phrases := slices.Sorted(maps.Keys(names))
	mw.Strings(phrases)
	types := make([]string, len(phrases))
	for i, p := range phrases {
		types[i] = names[p]
	}
	mw.Strings(types)
	mw.Model(r.model)
	return mw.Close()
}

// Read reads a model written by WriteTo.
func Read(rd io.Reader) (*Recognizer, error) {
	data, err := io.ReadAll(rd)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	mr, err := perceptron.NewReader(data, magic)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	return load(mr)
}

// load reads a recogniser model from mr.
func load(mr *perceptron.Reader) (*Recognizer, error) {
	r := &Recognizer{labels: mr.Strings()}
	phrases, types := mr.Strings(), mr.Strings()
	if len(phrases) != len(types) {
		return nil, errors.New("read ner model: gazetteer phrases and types differ in number")
	}
	names := make(map[string]string, len(phrases))
	for i, p := range phrases {
		names[p] = types[i]
	}
	r.gaz = newGazetteer(names)
	r.model = mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	if r.model == nil || len(r.labels) == 0 || r.model.Classes() != len(r.labels) || r.labels[0] != "O" {
		return nil, errors.New("read ner model: labels do not match the model")
	}
	for _, l := range r.labels[1:] {
		if !strings.HasPrefix(l, "B-") && !strings.HasPrefix(l, "I-") {
			return nil, fmt.Errorf("read ner model: label %q is not BIO", l)
		}
	}
	return r, nil
}

//go:embed model/ner.bin
var defaultModel []byte

var defaultRecognizer = sync.OnceValues(func() (*Recognizer, error) {
	mr, err := perceptron.NewTrustedReader(defaultModel, magic)
	if err != nil {
		return nil, fmt.Errorf("read ner model: %w", err)
	}
	return load(mr)
})

// Default returns the recogniser shipped with Dyad, trained by
// `dyad train ner`. The model is loaded on the first call.
func Default() (*Recognizer, error) { return defaultRecognizer() }
