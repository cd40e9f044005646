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
// the order of Event.Features. Each is a general property of the coding —
// how specific the dictionary pattern was, how the actors were named, the
// kind of event, quotation, the sentence's length — chosen because its
// effect on precision has the same sign on the dev set's wire copy (CoNLL
// Reuters) and its web pages (docs/EVALUATION.md). Evidence that only
// marks the rules written for the dev set's own pages (event nouns: every
// one right on the pages, a third on the wire) is left out, since held out
// it promises what it cannot keep.
var ConfidenceFeatures = []string{
	"pattern_words",      // words the pattern requires, /4, at most 1
	"source_named",       // the source is named by a dictionary name
	"target_named",       // the same for the target
	"source_reference",   // the source is a pronoun or description resolved in the discourse
	"source_country",     // the source is a country named alone ("Iran asked Germany")
	"statement",          // CAMEO 01
	"verbal_conflict",    // QuadClass 3
	"material_conflict",  // QuadClass 4
	"material_coop",      // QuadClass 2
	"quoted",             // the sentence has quotation marks
	"long_sentence",      // words in the sentence / 50, at most 1
	"generic_code",       // a root-level code (010, 040, 190), not a specific one
	"target_own_country", // the target is the source's own country named alone: mostly a place read as an actor
}

// ConfidenceModel turns an event's features into the probability that an
// analyst would code it so (source, target and CAMEO root): a logistic
// regression learnt on the real-news development set (dyad eval news --set
// dev --fit-confidence coder/confidence.json), whose score Calibration
// maps to a precision measured on documents the regression had not seen.
type ConfidenceModel struct {
	Features []string  `json:"features"`
	Weights  []float64 `json:"weights"`
	Bias     float64   `json:"bias"`
	// Calibration, when present, maps the regression's score to the
	// confidence: a score at or above a step's Score (and below the next
	// step's) has that step's Confidence. Steps rise in both.
	Calibration []CalibrationStep `json:"calibration,omitempty"`
	// Trained says on what and with what the weights were learnt.
	Trained string `json:"trained"`
}

// CalibrationStep is one step of a ConfidenceModel's calibration.
type CalibrationStep struct {
	Score      float64 `json:"score"`
	Confidence float64 `json:"confidence"`
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
	for i, c := range m.Calibration {
		if c.Confidence < 0 || c.Confidence > 1 || i > 0 && (c.Score < m.Calibration[i-1].Score || c.Confidence < m.Calibration[i-1].Confidence) {
			return nil, fmt.Errorf("confidence model: calibration step %d (%g, %g) is out of order", i+1, c.Score, c.Confidence)
		}
	}
	return &m, nil
}

// Score returns the model's confidence for features f: the regression's
// score mapped by the calibration, if any.
func (m *ConfidenceModel) Score(f []float64) float64 {
	p := m.Raw(f)
	if len(m.Calibration) == 0 {
		return p
	}
	c := m.Calibration[0].Confidence
	for _, s := range m.Calibration[1:] {
		if p < s.Score {
			break
		}
		c = s.Confidence
	}
	return c
}

// Raw returns the regression's score for features f, before calibration.
func (m *ConfidenceModel) Raw(f []float64) float64 {
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
	if a.pm != nil {
		f[0] = min(float64(len(a.pm.p.Required()))/4, 1)
	}
	var sourceRef, targetRef bool
	for _, ev := range e.Evidence {
		switch ev.Role {
		case "source actor":
			f[1] = 1
		case "target actor":
			f[2] = 1
		case "source reference", "source pronoun":
			sourceRef = true
		case "target reference", "target pronoun":
			targetRef = true
		}
	}
	// A phrase resolved in the discourse is no dictionary name, even when
	// the actor it stands for was named by one.
	if sourceRef {
		f[1], f[3] = 0, 1
	}
	if targetRef {
		f[2] = 0
	}
	f[4] = b(len(e.Source) == 3 && realCode(e.Source))
	if cb, ok := codebook.Lookup(e.Code); ok {
		f[5] = b(cb.Root == "01")
		f[6] = b(cb.QuadClass == codebook.VerbalConflict)
		f[7] = b(cb.QuadClass == codebook.MaterialConflict)
		f[8] = b(cb.QuadClass == codebook.MaterialCooperation)
	}
	f[9] = b(strings.ContainsAny(cs.st.src.Text, "\"“”"))
	f[10] = min(float64(len(cs.st.w)-1)/50, 1)
	f[11] = b(len(e.Code) == 3 && e.Code[2] == '0')
	f[12] = b(len(e.Target) == 3 && realCode(e.Target) && strings.HasPrefix(e.Source, e.Target))
	return f
}
