package coder

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"dyad/codebook"
)

// ConfidenceFeatures names the evidence a confidence is computed from, in
// the order of Event.Features: the coding's own evidence — how specific
// the dictionary entry was, what kind of words named the actors, the
// modality, the kind of event, and how sure the tagger was of the anchor.
var ConfidenceFeatures = []string{
	"pattern",           // a pattern matched, not only the verb's own code
	"pattern_words",     // words the pattern requires, /4, at most 1
	"noun_anchor",       // an event noun ("clashes between")
	"predicate_anchor",  // a predicate ("responsible for attacks on")
	"source_named",      // the source is named by a dictionary name
	"source_context",    // the source is an agent completed by the story's country
	"source_reference",  // the source is a pronoun or description resolved in the discourse
	"target_named",      // the same for the target
	"target_context",    //
	"target_reference",  //
	"statement",         // CAMEO 01
	"verbal_conflict",   // QuadClass 3
	"material_conflict", // QuadClass 4
	"material_coop",     // QuadClass 2
	"tag_doubt",         // the tagger's runner-up tag for the anchor was close
	"long_sentence",     // words in the sentence / 50, at most 1
	"transformed",       // a report transformed or combined
	"reciprocal",        // one of a pair of reciprocal events
	"not_asserted",      // the modality is not Asserted
}

// ConfidenceModel turns an event's features into the probability that an
// analyst would code it so (source, target and CAMEO root): a logistic
// regression learnt on the real-news development set (dyad eval news --set
// dev --fit-confidence coder/confidence.json).
type ConfidenceModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Trained says on what and with what the weights were learnt.
	Trained string `json:"trained"`
}

//go:embed confidence.json
var confidenceJSON []byte

var (
	defaultConfidence     *ConfidenceModel
	defaultConfidenceErr  error
	defaultConfidenceOnce sync.Once
)

// DefaultConfidence returns the embedded model.
func DefaultConfidence() (*ConfidenceModel, error) {
	defaultConfidenceOnce.Do(func() {
		defaultConfidence, defaultConfidenceErr = ParseConfidence(confidenceJSON)
	})
	return defaultConfidence, defaultConfidenceErr
}

// ParseConfidence reads a model written by ConfidenceModel's JSON form; its
// features must be ConfidenceFeatures.
func ParseConfidence(data []byte) (*ConfidenceModel, error) {
	var m ConfidenceModel
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("confidence model: %w", err)
	}
	if !slices.Equal(m.Features, ConfidenceFeatures) || len(m.Weights) != len(m.Features) {
		return nil, errors.New("confidence model: its features are not coder.ConfidenceFeatures")
	}
	return &m, nil
}

// Score returns the model's probability for features f.
func (m *ConfidenceModel) Score(f []float64) float64 {
	z := m.Bias
	for i, x := range f {
		if i < len(m.Weights) {
			z += m.Weights[i] * x
		}
	}
	return 1 / (1 + math.Exp(-z))
}

// Features returns the evidence the event's confidence was computed from,
// named by ConfidenceFeatures.
func (e *Event) Features() []float64 { return e.features }

// features computes e's ConfidenceFeatures; a is the analysis that made it.
func (cs *coding) features(e *Event, a *analysis) []float64 {
	f := make([]float64, len(ConfidenceFeatures))
	b := func(v bool) float64 {
		if v {
			return 1
		}
		return 0
	}
	f[0] = b(strings.Contains(e.Rule, "pattern"))
	if a.pm != nil {
		f[1] = min(float64(len(a.pm.p.Required()))/4, 1)
	}
	f[2] = b(e.Anchor == "noun")
	f[3] = b(e.Anchor == "predicate")
	side := func(prefix string) (named, context, ref bool) {
		for _, ev := range e.Evidence {
			switch ev.Role {
			case prefix + " actor":
				named = true
			case prefix + " context":
				context = true
			case prefix + " reference", prefix + " pronoun":
				ref = true
			}
		}
		return
	}
	n, c, r := side("source")
	f[4], f[5], f[6] = b(n && !r), b(c), b(r)
	n, c, r = side("target")
	f[7], f[8], f[9] = b(n && !r), b(c), b(r)
	if cb, ok := codebook.Lookup(e.Code); ok {
		f[10] = b(cb.Root == "01")
		f[11] = b(cb.QuadClass == codebook.VerbalConflict)
		f[12] = b(cb.QuadClass == codebook.MaterialConflict)
		f[13] = b(cb.QuadClass == codebook.MaterialCooperation)
	}
	if v := e.Verb.First; v > 0 && v <= len(cs.st.src.Tokens) {
		f[14] = b(cs.st.src.Tokens[v-1].Alt.UPOS != "")
	}
	f[15] = min(float64(len(cs.st.w)-1)/50, 1)
	f[16] = b(strings.Contains(e.Rule, "transformed") || strings.Contains(e.Rule, "combined"))
	f[17] = b(a.recip)
	f[18] = b(e.Modality != Asserted)
	return f
}
