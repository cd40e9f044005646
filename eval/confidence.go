package eval

import (
	"cmp"
	"errors"
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

// ConfidenceFit configures FitConfidence.
type ConfidenceFit struct {
	// Penalty is the regression's L2 penalty.
	Penalty float64
	// Prior is how many mentions at the training set's rate of right ones
	// each calibrated precision is shrunk toward: with 4, a band of 6
	// mentions all right held out calibrates to 0.8 at a base rate of 0.5.
	// Zero leaves the regression uncalibrated.
	Prior float64
	// Level, when above 0, makes each band's confidence the precision it
	// reaches with that probability (a lower quantile of the Beta
	// posterior the prior and the band's mentions give) rather than the
	// expected precision. "Events ≥ 0.8 are right 90 % of the time" asks
	// more than a calibrated 0.8 gives: a band calibrated to 0.81 is right
	// 81 % of the time. With 0.9, a band reaches 0.8 only on evidence that
	// its precision is at least that.
	Level float64
	// Group names the kind of a mention's document (NewsGroup). A band's
	// confidence is the least of its groups' calibrated precisions, so
	// that it holds for each kind of document, not only on their mix.
	Group func(SystemMention) string
	// Trained describes the data for the model's record.
	Trained string
}

// FitConfidence learns coder.ConfidenceModel from the mentions of a
// scored development set (ScoreNews has set Right): a logistic regression
// with an L2 penalty, fitted by Newton's method, and, with a Prior, its
// calibration. The calibration is fitted on held-out scores: each
// document's mentions are scored by a regression fitted on the other
// documents', the scores are pooled into bands of rising precision
// (isotonic regression), and each band's confidence is its held-out
// precision in each group, shrunk toward the base rate, at its least.
// In-sample scores would promise what the regression memorised.
func FitConfidence(sys []SystemMention, fit ConfidenceFit) (*coder.ConfidenceModel, error) {
	sys = slices.DeleteFunc(slices.Clone(sys), func(s SystemMention) bool { return len(s.Features) != len(coder.ConfidenceFeatures) })
	w, err := logistic(sys, fit.Penalty)
	if err != nil {
		return nil, err
	}
	m := &coder.ConfidenceModel{Features: slices.Clone(coder.ConfidenceFeatures), Bias: round6(w[0]), Trained: fit.Trained}
	for _, x := range w[1:] {
		m.Weights = append(m.Weights, round6(x))
	}
	if fit.Prior > 0 {
		if m.Calibration, err = calibrate(sys, fit); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// logistic fits the regression's weights, the bias first.
func logistic(sys []SystemMention, lambda float64) ([]float64, error) {
	n := len(coder.ConfidenceFeatures)
	var xs [][]float64
	var ys []float64
	for _, s := range sys {
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
				if x[k] == 0 {
					continue
				}
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
	return w, nil
}

// calibrate fits the calibration steps of FitConfidence from the held-out
// scores of sys (every feature vector of full length).
func calibrate(sys []SystemMention, fit ConfidenceFit) ([]coder.CalibrationStep, error) {
	type scored struct {
		raw   float64
		right bool
		group string
	}
	var out []scored
	for _, d := range documents(sys) {
		train, test := split(sys, func(s SystemMention) bool { return s.Doc == d })
		w, err := logistic(train, fit.Penalty)
		if err != nil {
			return nil, err
		}
		m := &coder.ConfidenceModel{Bias: w[0], Weights: w[1:]}
		for _, s := range test {
			g := ""
			if fit.Group != nil {
				g = fit.Group(s)
			}
			out = append(out, scored{m.Raw(s.Features), s.Right, g})
		}
	}
	if len(documents(sys)) < 2 {
		return nil, errors.New("fit confidence: calibration wants mentions of two documents at least")
	}
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(a.raw, b.raw) })
	var groups []string
	for _, s := range out {
		if !slices.Contains(groups, s.group) {
			groups = append(groups, s.group)
		}
	}
	// Each group's calibration is a step function of the score; the
	// model's is their least, at every score where one of them steps.
	var curves [][]coder.CalibrationStep
	var at []float64
	for _, g := range groups {
		var ys []bool
		var xs []float64
		for _, s := range out {
			if s.group == g {
				xs, ys = append(xs, s.raw), append(ys, s.right)
			}
		}
		c := isotonic(xs, ys, fit.Prior, fit.Level)
		curves = append(curves, c)
		for _, s := range c {
			at = append(at, s.Score)
		}
	}
	slices.Sort(at)
	var steps []coder.CalibrationStep
	for _, x := range slices.Compact(at) {
		c := 1.0
		for _, cv := range curves {
			c = min(c, stepAt(cv, x))
		}
		steps = append(steps, coder.CalibrationStep{Score: round6(x), Confidence: round6(c)})
	}
	steps[0].Score = 0
	// Merge steps of equal confidence.
	return slices.CompactFunc(steps, func(a, b coder.CalibrationStep) bool { return a.Confidence == b.Confidence }), nil
}

// isotonic calibrates scores xs (ascending) of mentions right or not (ys):
// adjacent violators are pooled into bands whose precision rises with the
// score, each band's precision is shrunk toward the rate of right
// mentions with prior mentions' weight, and a band never promises more
// than the band above it. Each step starts half way between its band's
// lowest score and the highest of the band below: the model fitted on all
// the mentions scores a little differently from those fitted without
// each document, and a score between two bands is not known to belong to
// the upper one more than to the lower.
func isotonic(xs []float64, ys []bool, prior, level float64) []coder.CalibrationStep {
	type band struct{ first, n, right int }
	var bands []band
	right := 0
	for i, y := range ys {
		b := band{first: i, n: 1}
		if y {
			b.right, right = 1, right+1
		}
		bands = append(bands, b)
		for len(bands) > 1 {
			p, q := bands[len(bands)-2], bands[len(bands)-1]
			tied := xs[p.first+p.n-1] == xs[q.first]
			if !tied && float64(p.right)*float64(q.n) < float64(q.right)*float64(p.n) {
				break
			}
			bands = append(bands[:len(bands)-2], band{p.first, p.n + q.n, p.right + q.right})
		}
	}
	base := float64(right) / float64(len(ys))
	steps := make([]coder.CalibrationStep, len(bands))
	for i, b := range bands {
		a, w := float64(b.right)+prior*base, float64(b.n-b.right)+prior*(1-base)
		steps[i] = coder.CalibrationStep{Confidence: a / (a + w)}
		if level > 0 {
			steps[i].Confidence = betaQuantile(1-level, a, w)
		}
		if i > 0 {
			steps[i].Score = (xs[b.first-1] + xs[b.first]) / 2
		}
	}
	for i := len(steps) - 2; i >= 0; i-- {
		steps[i].Confidence = min(steps[i].Confidence, steps[i+1].Confidence)
	}
	return steps
}

// stepAt returns the confidence of steps at score x: the last step
// starting at or below it, or the first.
func stepAt(steps []coder.CalibrationStep, x float64) float64 {
	c := steps[0].Confidence
	for _, s := range steps[1:] {
		if x < s.Score {
			break
		}
		c = s.Confidence
	}
	return c
}

// documents returns the documents of sys in order of appearance.
func documents(sys []SystemMention) []string {
	var docs []string
	for _, s := range sys {
		if !slices.Contains(docs, s.Doc) {
			docs = append(docs, s.Doc)
		}
	}
	return docs
}

// split returns the mentions of sys that held does not pick, and those it
// picks.
func split(sys []SystemMention, held func(SystemMention) bool) (train, test []SystemMention) {
	for _, s := range sys {
		if held(s) {
			test = append(test, s)
		} else {
			train = append(train, s)
		}
	}
	return train, test
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
// documents it has not seen: the mentions are parted by fold (by document,
// or by the kind of document), and each part is scored by a model —
// regression and calibration — fitted on the other parts. It returns the
// mentions with their held-out Confidence.
func CrossValidateConfidence(sys []SystemMention, fit ConfidenceFit, fold func(SystemMention) string) ([]SystemMention, error) {
	sys = slices.DeleteFunc(slices.Clone(sys), func(s SystemMention) bool { return len(s.Features) != len(coder.ConfidenceFeatures) })
	var folds []string
	for _, s := range sys {
		if k := fold(s); !slices.Contains(folds, k) {
			folds = append(folds, k)
		}
	}
	out := make([]SystemMention, 0, len(sys))
	for _, k := range folds {
		train, test := split(sys, func(s SystemMention) bool { return fold(s) == k })
		m, err := FitConfidence(train, fit)
		if err != nil {
			return nil, fmt.Errorf("held out %s: %w", k, err)
		}
		for _, s := range test {
			s.Confidence = m.Score(s.Features)
			out = append(out, s)
		}
	}
	return out, nil
}

// ConfidenceBins bins mentions by their confidence as the report's table
// does.
func ConfidenceBins(sys []SystemMention) []ConfidenceBin {
	return calibration(documents(sys), sys)
}

// NewsGroup names the kind of a real-news document for the confidence's
// calibration and cross-validation: "wire" for the CoNLL-2003 Reuters
// documents, the kind most of the test set is, and "web" for the rest
// (Scrapinghub pages, BBC texts, GUM Wikinews).
func NewsGroup(kind string) string {
	if kind == "conll" {
		return "wire"
	}
	return "web"
}

// betaQuantile returns x with I_x(a, b) = q, the q-quantile of the Beta(a,
// b) distribution, by bisection.
func betaQuantile(q, a, b float64) float64 {
	lo, hi := 0.0, 1.0
	for range 60 {
		mid := (lo + hi) / 2
		if betaCDF(mid, a, b) < q {
			lo = mid
		} else {
			hi = mid
		}
	}
	return (lo + hi) / 2
}

// betaCDF returns the regularised incomplete beta function I_x(a, b), by
// its continued fraction (Numerical Recipes, betai and betacf).
func betaCDF(x, a, b float64) float64 {
	if x <= 0 {
		return 0
	}
	if x >= 1 {
		return 1
	}
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	front := math.Exp(lab - la - lb + a*math.Log(x) + b*math.Log(1-x))
	if x < (a+1)/(a+b+2) {
		return front * betaFraction(x, a, b) / a
	}
	return 1 - front*betaFraction(1-x, b, a)/b
}

// betaFraction evaluates the continued fraction of betaCDF by Lentz's
// method.
func betaFraction(x, a, b float64) float64 {
	const tiny = 1e-300
	c, d := 1.0, 1-(a+b)*x/(a+1)
	if math.Abs(d) < tiny {
		d = tiny
	}
	d = 1 / d
	h := d
	for m := 1; m <= 300; m++ {
		fm := float64(m)
		for _, num := range []float64{
			fm * (b - fm) * x / ((a + 2*fm - 1) * (a + 2*fm)),
			-(a + fm) * (a + b + fm) * x / ((a + 2*fm) * (a + 2*fm + 1)),
		} {
			d = 1 + num*d
			if math.Abs(d) < tiny {
				d = tiny
			}
			c = 1 + num/c
			if math.Abs(c) < tiny {
				c = tiny
			}
			d = 1 / d
			h *= d * c
		}
		if math.Abs(d*c-1) < 1e-12 {
			break
		}
	}
	return h
}
