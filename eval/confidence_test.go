package eval

import (
	"testing"

	"dyad/coder"
)

// TestFitConfidence fits mentions whose first feature decides whether they
// are right, mostly, and checks the fitted model and the calibration
// table.
func TestFitConfidence(t *testing.T) {
	n := len(coder.ConfidenceFeatures)
	var sys []SystemMention
	for i := range 60 {
		f := make([]float64, n)
		f[0] = float64(i % 2)
		right := i%2 == 1 && i%10 != 1 || i%2 == 0 && i%10 == 0
		sys = append(sys, SystemMention{Doc: "d", Features: f, Right: right})
	}
	if _, err := FitConfidence(sys[:5], 1, ""); err == nil {
		t.Error("FitConfidence learnt from 5 mentions")
	}
	m, err := FitConfidence(sys, 0.01, "test")
	if err != nil {
		t.Fatal(err)
	}
	on, off := make([]float64, n), make([]float64, n)
	on[0] = 1
	if p := m.Score(on); p < 0.75 || p > 0.85 {
		t.Errorf("P(right | feature) = %.3f, want about 0.8", p)
	}
	if p := m.Score(off); p < 0.15 || p > 0.25 {
		t.Errorf("P(right | no feature) = %.3f, want about 0.2", p)
	}
	for i := range sys {
		sys[i].Confidence = m.Score(sys[i].Features)
	}
	// Held out by document, the signal survives.
	for i := range sys {
		sys[i].Doc = string(rune('a' + i%6))
	}
	cv, err := CrossValidateConfidence(sys, 0.01)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range cv {
		if b.From == 0.5 && b.To == 0 && (b.Mentions != 30 || b.Right != 24) {
			t.Errorf("cross-validated ≥ 0.5: %d mentions, %d right; want 30, 24", b.Mentions, b.Right)
		}
	}
	for i := range sys {
		sys[i].Doc = "d"
	}
	bins := calibration([]string{"d"}, sys)
	for _, b := range bins {
		if b.From == 0.8 && b.To == 0 && b.Mentions != 0 {
			t.Errorf("%d mentions at ≥ 0.8", b.Mentions)
		}
		if b.From == 0.6 && b.To == 0.8 && (b.Mentions != 30 || b.Right != 24) {
			t.Errorf("0.6–0.8: %d mentions, %d right; want 30, 24", b.Mentions, b.Right)
		}
	}
}
