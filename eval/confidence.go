package eval

import (
	"fmt"
	"math"
	"slices"

	"dyad/coder"
)

// ConfidenceBin is the strict precision of the mentions whose confidence is
// at least From and, unless To is 0, below To.
type ConfidenceBin struct {
	From     float64 `json:"from"`
	To       float64 `json:"to,omitempty"`
	Mentions int     `json:"mentions"`
	Right    int     `json:"right"`
	Mean     float64 `json:"mean_confidence"`
}

// Name writes the bin's range.
func (b ConfidenceBin) Name() string {
	if b.To == 0 {
		return fmt.Sprintf("≥ %.1f", b.From)
	}
	return fmt.Sprintf("%.1f–%.1f", b.From, b.To)
}

// calibration bins the scored mentions of the annotated documents by
// confidence, and gives the cumulative "≥ 0.5" and "≥ 0.8" figures an
// analyst filters by.
func calibration(annotated []string, sys []SystemMention) []ConfidenceBin {
	bins := []ConfidenceBin{{From: 0, To: 0.2}, {From: 0.2, To: 0.4}, {From: 0.4, To: 0.6}, {From: 0.6, To: 0.8}, {From: 0.8, To: 1.01},
		{From: 0.5}, {From: 0.8}, {From: 0.9}}
	for i := range sys {
		s := &sys[i]
		if !slices.Contains(annotated, s.Doc) {
			continue
		}
		for k := range bins {
			b := &bins[k]
			if s.Confidence >= b.From && (b.To == 0 || s.Confidence < b.To) {
				b.Mentions++
				b.Mean += s.Confidence
				if s.Right {
					b.Right++
				}
			}
		}
	}
	for k := range bins {
		if bins[k].Mentions > 0 {
			bins[k].Mean /= float64(bins[k].Mentions)
		}
		if bins[k].To > 1 {
			bins[k].To = 1
		}
	}
	return bins
}

// FitConfidence learns coder.ConfidenceModel's weights from the mentions of
// a scored development set (ScoreNews has set Right): a logistic
// regression with an L2 penalty of lambda, fitted by Newton's method, so
// that a mention's confidence is the probability that it is strictly
// right. trained describes the data for the model's record.
func FitConfidence(sys []SystemMention, lambda float64, trained string) (*coder.ConfidenceModel, error) {
	n := len(coder.ConfidenceFeatures)
	var xs [][]float64
	var ys []float64
	for _, s := range sys {
		if len(s.Features) != n {
			continue
		}
		xs = append(xs, append([]float64{1}, s.Features...))
		y := 0.0
		if s.Right {
			y = 1
		}
		ys = append(ys, y)
	}
	if len(xs) < minFitMentions {
		return nil, fmt.Errorf("fit confidence: %d scored mentions, want at least %d", len(xs), minFitMentions)
	}
	d := n + 1
	w := make([]float64, d)
	for iter := 0; iter < 50; iter++ {
		grad := make([]float64, d)
		hess := make([][]float64, d)
		for i := range hess {
			hess[i] = make([]float64, d)
		}
		for i, x := range xs {
			z := 0.0
			for k := range x {
				z += w[k] * x[k]
			}
			p := 1 / (1 + math.Exp(-z))
			for k := range x {
				grad[k] += (p - ys[i]) * x[k]
				for l := range x {
					hess[k][l] += p * (1 - p) * x[k] * x[l]
				}
			}
		}
		for k := 1; k < d; k++ { // the bias is not penalised
			grad[k] += lambda * w[k]
			hess[k][k] += lambda
		}
		hess[0][0] += 1e-6
		step, ok := solve(hess, grad)
		if !ok {
			return nil, fmt.Errorf("fit confidence: singular system")
		}
		change := 0.0
		for k := range w {
			w[k] -= step[k]
			change = max(change, math.Abs(step[k]))
		}
		if change < 1e-8 {
			break
		}
	}
	m := &coder.ConfidenceModel{Features: slices.Clone(coder.ConfidenceFeatures), Bias: round6(w[0]), Trained: trained}
	for _, x := range w[1:] {
		m.Weights = append(m.Weights, round6(x))
	}
	return m, nil
}

// minFitMentions is the fewest mentions FitConfidence learns from; the
// penalty keeps the weights of features seen a few times small.
const minFitMentions = 20

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// solve solves a x = b by Gaussian elimination with partial pivoting.
func solve(a [][]float64, b []float64) ([]float64, bool) {
	n := len(b)
	m := make([][]float64, n)
	for i := range a {
		m[i] = append(slices.Clone(a[i]), b[i])
	}
	for c := 0; c < n; c++ {
		p := c
		for r := c + 1; r < n; r++ {
			if math.Abs(m[r][c]) > math.Abs(m[p][c]) {
				p = r
			}
		}
		if math.Abs(m[p][c]) < 1e-12 {
			return nil, false
		}
		m[c], m[p] = m[p], m[c]
		for r := c + 1; r < n; r++ {
			f := m[r][c] / m[c][c]
			for k := c; k <= n; k++ {
				m[r][k] -= f * m[c][k]
			}
		}
	}
	x := make([]float64, n)
	for r := n - 1; r >= 0; r-- {
		s := m[r][n]
		for k := r + 1; k < n; k++ {
			s -= m[r][k] * x[k]
		}
		x[r] = s / m[r][r]
	}
	return x, true
}

// CrossValidateConfidence estimates how FitConfidence's model does on
// documents it has not seen: each document's mentions are scored by a
// model fitted on the other documents', and the scores are binned as the
// report's table is.
func CrossValidateConfidence(sys []SystemMention, lambda float64) ([]ConfidenceBin, error) {
	var docs []string
	for _, s := range sys {
		if !slices.Contains(docs, s.Doc) {
			docs = append(docs, s.Doc)
		}
	}
	out := make([]SystemMention, 0, len(sys))
	for _, d := range docs {
		var train, test []SystemMention
		for _, s := range sys {
			if s.Doc == d {
				test = append(test, s)
			} else {
				train = append(train, s)
			}
		}
		m, err := FitConfidence(train, lambda, "")
		if err != nil {
			return nil, err
		}
		for _, s := range test {
			s.Confidence = m.Score(s.Features)
			out = append(out, s)
		}
	}
	return calibration(docs, out), nil
}
