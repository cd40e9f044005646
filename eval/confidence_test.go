package eval

import (
	"fmt"
	"math"
	"testing"

	"dyad/coder"
)

// fitMentions returns 60 mentions of 6 documents in each of two groups,
// "wire" and "web". The first feature is on for half of each group's; on
// the web 29 of those 30 are right, on the wire 24; with it off, 6 of 30
// in both.
func fitMentions() []SystemMention {
	n := len(coder.ConfidenceFeatures)
	var sys []SystemMention
	for _, kind := range []string{"conll", "scrapinghub"} {
		for i := range 60 {
			f := make([]float64, n)
			f[0] = float64(i % 2)
			var right bool
			switch {
			case i%2 == 0:
				right = i%10 == 0
			case kind == "conll":
				right = i%10 != 1
			default:
				right = i != 1
			}
			sys = append(sys, SystemMention{Doc: fmt.Sprintf("%s-%d", kind, i%6), Kind: kind, Features: f, Right: right})
		}
	}
	return sys
}

// TestFitConfidence checks the regression and its calibration: held out,
// the feature's mentions are right 53 times in 60, but only 24 in 30 on
// the wire, so a calibration that must hold for each kind promises no
// more than the wire's rate shrunk toward the base rate, and one that
// pools the kinds promises more.
func TestFitConfidence(t *testing.T) {
	sys := fitMentions()
	n := len(coder.ConfidenceFeatures)
	on, off := make([]float64, n), make([]float64, n)
	on[0] = 1
	if _, err := FitConfidence(sys[:5], ConfidenceFit{Penalty: 1}); err == nil {
		t.Error("FitConfidence learnt from 5 mentions")
	}
	raw, err := FitConfidence(sys, ConfidenceFit{Penalty: 0.01, Trained: "test"})
	if err != nil {
		t.Fatal(err)
	}
	if p := raw.Score(on); p < 0.85 || p > 0.9 {
		t.Errorf("uncalibrated P(right | feature) = %.3f, want 53/60", p)
	}
	if p := raw.Score(off); p < 0.15 || p > 0.25 {
		t.Errorf("uncalibrated P(right | no feature) = %.3f, want 0.2", p)
	}
	if len(raw.Calibration) != 0 || raw.Trained != "test" {
		t.Errorf("no prior: calibration %v, trained %q", raw.Calibration, raw.Trained)
	}
	group := func(s SystemMention) string { return NewsGroup(s.Kind) }
	base := 65.0 / 120
	for _, c := range []struct {
		name    string
		fit     ConfidenceFit
		on, off float64
	}{
		// Each kind is shrunk toward its own rate: the wire's 30/60
		// with the feature, (24 + 4·0.5) / 34, and without it, (6 + 2) /
		// 34, below the web's (6 + 4·35/60) / 34.
		{"least of the kinds", ConfidenceFit{Penalty: 0.01, Prior: 4, Group: group}, 26.0 / 34, 8.0 / 34},
		{"pooled", ConfidenceFit{Penalty: 0.01, Prior: 4}, (53 + 4*base) / 64, (12 + 4*base) / 64},
		// 90 % sure: the wire's Beta(24 + 2, 6 + 2) and Beta(6 + 2, 24 + 2)
		// at their 10th percentiles, 0.67 and 0.15.
		{"least of the kinds, 90 % sure", ConfidenceFit{Penalty: 0.01, Prior: 4, Level: 0.9, Group: group}, betaQuantile(0.1, 26, 8), betaQuantile(0.1, 8, 26)},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, err := FitConfidence(sys, c.fit)
			if err != nil {
				t.Fatal(err)
			}
			if len(m.Calibration) != 2 || m.Calibration[0].Score != 0 {
				t.Fatalf("calibration %v, want two steps from 0", m.Calibration)
			}
			if p := m.Score(on); fmt.Sprintf("%.4f", p) != fmt.Sprintf("%.4f", c.on) {
				t.Errorf("P(right | feature) = %.4f, want %.4f", p, c.on)
			}
			if p := m.Score(off); fmt.Sprintf("%.4f", p) != fmt.Sprintf("%.4f", c.off) {
				t.Errorf("P(right | no feature) = %.4f, want %.4f", p, c.off)
			}
		})
	}
	// Held out by document and by kind, the signal survives; fitted on
	// the web alone and scored on the wire, the calibration promises the
	// web's rate, which the wire does not keep.
	fit := ConfidenceFit{Penalty: 0.01, Prior: 4, Group: group}
	byDoc, err := CrossValidateConfidence(sys, fit, func(s SystemMention) string { return s.Doc })
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range ConfidenceBins(byDoc) {
		if b.From == 0.5 && b.To == 0 && (b.Mentions < 20 || b.Mentions > 60 || float64(b.Right) < 0.85*float64(b.Mentions)) {
			t.Errorf("held out by document, ≥ 0.5: %d mentions, %d right; want 20 to 60 mentions with the feature, 85 %% right", b.Mentions, b.Right)
		}
		if b.From == 0.8 && b.To == 0 && b.Mentions != 0 {
			t.Errorf("held out by document, %d mentions at ≥ 0.8", b.Mentions)
		}
	}
	byKind, err := CrossValidateConfidence(sys, fit, group)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range byKind {
		if s.Kind == "conll" && s.Features[0] == 1 && s.Confidence < 0.8 {
			t.Fatalf("fitted on the web, a wire mention with the feature scores %.3f, want the web's 0.8 or more", s.Confidence)
		}
	}
	if _, err := CrossValidateConfidence(sys[:24], fit, func(s SystemMention) string { return s.Doc }); err == nil {
		t.Error("cross-validated on 24 mentions: each fold calibrates on 16")
	}
}

// TestConfidenceBins checks the report's table: bands and cumulative rows.
func TestConfidenceBins(t *testing.T) {
	var sys []SystemMention
	for i, c := range []float64{0.1, 0.3, 0.55, 0.65, 0.85, 0.95} {
		sys = append(sys, SystemMention{Doc: "d", Confidence: c, Right: i >= 3})
	}
	want := map[string][2]int{"0.0–0.2": {1, 0}, "0.4–0.6": {1, 0}, "0.8–1.0": {2, 2}, "≥ 0.5": {4, 3}, "≥ 0.8": {2, 2}, "≥ 0.9": {1, 1}}
	for _, b := range ConfidenceBins(sys) {
		if w, ok := want[b.Name()]; ok && (b.Mentions != w[0] || b.Right != w[1]) {
			t.Errorf("%s: %d mentions, %d right; want %d, %d", b.Name(), b.Mentions, b.Right, w[0], w[1])
		}
	}
}

// TestBetaQuantile checks the quantiles against closed forms: Beta(a, 1)
// has CDF x^a, Beta(1, b) 1 − (1 − x)^b; and one by numerical integration.
func TestBetaQuantile(t *testing.T) {
	for _, c := range []struct{ q, a, b, want float64 }{
		{0.5, 1, 1, 0.5},
		{0.1, 2, 1, math.Sqrt(0.1)},
		{0.9, 5, 1, math.Pow(0.9, 0.2)},
		{0.1, 1, 3, 1 - math.Pow(0.9, 1.0/3)},
		{0.1, 13.72, 3.28, 0.679897}, // Simpson's rule on the density, 10^5 steps
	} {
		if got := betaQuantile(c.q, c.a, c.b); math.Abs(got-c.want) > 1e-5 {
			t.Errorf("betaQuantile(%v, %v, %v) = %v, want %v", c.q, c.a, c.b, got, c.want)
		}
	}
}
