package eval

import (
	"strings"
	"unicode"
)

// The Scrapinghub article-extraction benchmark's scoring: texts are split
// into word tokens (runs of letters, digits and '_', Python's \w+), tokens
// form overlapping 4-token shingles, and a page's precision and recall
// count the shingles the extraction shares with the ground truth, each
// shingle as often as it occurs.

const shingleSize = 4

// ShingleScore is one page's match between extracted text and ground truth,
// as fractions of tp+fp+fn so that long pages weigh no more than short ones.
type ShingleScore struct {
	TP, FP, FN float64
}

// tokens splits s into \w+ tokens.
func tokens(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		w := r == '_' || unicode.IsLetter(r) || unicode.IsNumber(r)
		switch {
		case w && start < 0:
			start = i
		case !w && start >= 0:
			out = append(out, s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}

// shingles counts the overlapping 4-token shingles of s. A text of fewer
// than four tokens is one shingle of all of them; an empty text has none.
func shingles(s string) map[string]int {
	t := tokens(s)
	m := make(map[string]int, len(t))
	n := max(1, len(t)-shingleSize+1)
	for i := 0; i < n && i < len(t); i++ {
		m[strings.Join(t[i:min(len(t), i+shingleSize)], "\x00")]++
	}
	return m
}

// ScoreShingles compares extracted text with the ground truth.
func ScoreShingles(truth, extracted string) ShingleScore {
	want, got := shingles(truth), shingles(extracted)
	var s ShingleScore
	for k, g := range got {
		w := want[k]
		s.TP += float64(min(w, g))
		s.FP += float64(max(0, g-w))
	}
	for k, w := range want {
		s.FN += float64(max(0, w-got[k]))
	}
	if sum := s.TP + s.FP + s.FN; sum > 0 {
		s.TP, s.FP, s.FN = s.TP/sum, s.FP/sum, s.FN/sum
	}
	return s
}

// hasPrecision reports whether the page counts towards average precision:
// something was extracted.
func (s ShingleScore) hasPrecision() bool { return s.TP+s.FP > 0 }

// hasRecall reports whether the page counts towards average recall: the
// ground truth has text.
func (s ShingleScore) hasRecall() bool { return s.TP+s.FN > 0 }

// Precision is the share of extracted shingles that are in the truth.
func (s ShingleScore) Precision() float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP+s.FP == 0:
		return 0
	}
	return s.TP / (s.TP + s.FP)
}

// Recall is the share of the truth's shingles that were extracted.
func (s ShingleScore) Recall() float64 {
	switch {
	case s.FP == 0 && s.FN == 0:
		return 1
	case s.TP+s.FN == 0:
		return 0
	}
	return s.TP / (s.TP + s.FN)
}

// F1 is the harmonic mean of the page's precision and recall.
func (s ShingleScore) F1() float64 { return harmonic(s.Precision(), s.Recall()) }

func harmonic(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// ShingleTotals averages per-page scores the benchmark's way: precision over
// the pages with any extraction, recall over the pages with any truth, and
// F1 of the two averages (not the average of per-page F1).
func ShingleTotals(scores []ShingleScore) (f1, precision, recall float64) {
	var np, nr int
	for _, s := range scores {
		if s.hasPrecision() {
			precision += s.Precision()
			np++
		}
		if s.hasRecall() {
			recall += s.Recall()
			nr++
		}
	}
	if np > 0 {
		precision /= float64(np)
	}
	if nr > 0 {
		recall /= float64(nr)
	}
	return harmonic(precision, recall), precision, recall
}
