package coder

import (
	"encoding/json"
	"fmt"
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
		t.Errorf("Score(pattern words) = %v, want above 0.8", got)
	}
	// A calibration maps the regression's score step by step: 0.88 is at
	// or above the step of 0.7, 0.5 below it.
	m.Calibration = []CalibrationStep{{0, 0.2}, {0.7, 0.65}, {0.95, 0.9}}
	if got := m.Score(f); got != 0.65 {
		t.Errorf("calibrated Score(pattern words) = %v (raw %v), want 0.65", got, m.Raw(f))
	}
	if got := m.Score(make([]float64, len(ConfidenceFeatures))); got != 0.2 {
		t.Errorf("calibrated Score(0) = %v, want 0.2", got)
	}
	for _, steps := range []string{`[{"score":0,"confidence":0.5},{"score":0.4,"confidence":0.3}]`, `[{"score":0.5,"confidence":0.5},{"score":0.4,"confidence":0.6}]`, `[{"score":0,"confidence":1.5}]`} {
		data, _ := json.Marshal(ConfidenceFeatures)
		w, _ := json.Marshal(make([]float64, len(ConfidenceFeatures)))
		bad := fmt.Sprintf(`{"features":%s,"weights":%s,"bias":0,"calibration":%s}`, data, w, steps)
		if _, err := ParseConfidence([]byte(bad)); err == nil || !strings.Contains(err.Error(), "out of order") {
			t.Errorf("ParseConfidence(calibration %s) error = %v", steps, err)
		}
	}
}

// TestDefaultConfidenceCalibrated checks that the embedded model was
// fitted with its calibration (docs/EVALUATION.md): the regression alone
// promised 0.8 to wire mentions a third of which were right held out.
func TestDefaultConfidenceCalibrated(t *testing.T) {
	m, err := DefaultConfidence()
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Calibration) < 2 {
		t.Fatalf("the embedded model has %d calibration steps", len(m.Calibration))
	}
}
