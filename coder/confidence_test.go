package coder

import (
	"strings"
	"testing"
)

// TestConfidence checks the embedded model, that every event carries a
// confidence from its features, and that MinConfidence drops events below
// it.
func TestConfidence(t *testing.T) {
	m, err := DefaultConfidence()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Weights) != len(ConfidenceFeatures) {
		t.Fatalf("model has %d weights for %d features", len(m.Weights), len(ConfidenceFeatures))
	}
	d := testDict(t)
	s := readCases(t)[0]
	all, err := New(d, petrarchOptions)
	if err != nil {
		t.Fatal(err)
	}
	evs := all.Code(&s, 0).Events
	if len(evs) == 0 {
		t.Fatalf("case %s codes nothing", s.ID)
	}
	for _, e := range evs {
		if len(e.Features()) != len(ConfidenceFeatures) || e.Confidence <= 0 || e.Confidence >= 1 {
			t.Errorf("%s %s %s: confidence %v from %v", e.Source, e.Target, e.Code, e.Confidence, e.Features())
		}
		if want := m.Score(e.Features()); e.Confidence != want {
			t.Errorf("confidence %v, the model gives %v", e.Confidence, want)
		}
	}
	o := petrarchOptions
	o.MinConfidence = 1
	none, err := New(d, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := none.Code(&s, 0).Events; len(got) != 0 {
		t.Errorf("MinConfidence 1 kept %d events", len(got))
	}
}

func TestParseConfidence(t *testing.T) {
	for _, bad := range []string{`{`, `{"features":["pattern"],"weights":[1],"bias":0}`} {
		if _, err := ParseConfidence([]byte(bad)); err == nil || !strings.Contains(err.Error(), "confidence model") {
			t.Errorf("ParseConfidence(%s) error = %v", bad, err)
		}
	}
	m := &ConfidenceModel{Weights: make([]float64, len(ConfidenceFeatures)), Bias: 0}
	m.Weights[0] = 2
	f := make([]float64, len(ConfidenceFeatures))
	if got := m.Score(f); got != 0.5 {
		t.Errorf("Score(0) = %v, want 0.5", got)
	}
	f[0] = 1
	if got := m.Score(f); got <= 0.8 {
		t.Errorf("Score(pattern) = %v, want above 0.8", got)
	}
}
