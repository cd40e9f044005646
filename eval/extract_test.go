package eval

import (
	"context"
	"math"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want string
	}{
		{"", ""},
		{"Hello, world!", "Hello|world"},
		{"snake_case and 3.14", "snake_case|and|3|14"},
		{"Zürich — 東京, Ελλάδα", "Zürich|東京|Ελλάδα"},
		{"don’t stop", "don|t|stop"},
	}
	for _, tt := range tests {
		if got := strings.Join(tokens(tt.in), "|"); got != tt.want {
			t.Errorf("tokens(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestScoreShingles(t *testing.T) {
	tests := []struct {
		name              string
		truth, got        string
		precision, recall float64
	}{
		{"identical", "a b c d e", "a b c d e", 1, 1},
		{"identical short", "a b", "a b", 1, 1},
		// truth shingles: abcd bcde; extracted: abcd bcde cdef → 2 of 3 right
		{"extra word", "a b c d e", "a b c d e f", 2.0 / 3, 1},
		{"missing word", "a b c d e f", "a b c d e", 1, 2.0 / 3},
		{"nothing extracted", "a b c d", "", 0, 0},
		{"nothing to find", "", "a b c d", 0, 0},
		// each shingle counts as often as it occurs
		{"repeated", "a b c d", "a b c d a b c d", 1.0 / 5, 1},
		{"punctuation ignored", "A, b; c. d!", "A b c d", 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ScoreShingles(tt.truth, tt.got)
			if math.Abs(s.Precision()-tt.precision) > 1e-9 || math.Abs(s.Recall()-tt.recall) > 1e-9 {
				t.Errorf("P=%v R=%v, want P=%v R=%v", s.Precision(), s.Recall(), tt.precision, tt.recall)
			}
		})
	}
}

// TestShingleTotals checks the benchmark's averaging: pages with nothing
// extracted do not count towards precision, pages with no truth do not count
// towards recall, and F1 is of the averages.
func TestShingleTotals(t *testing.T) {
	scores := []ShingleScore{
		ScoreShingles("a b c d e", "a b c d e"),   // P 1, R 1
		ScoreShingles("a b c d e", "a b c d e f"), // P 2/3, R 1
		ScoreShingles("a b c d", ""),              // no P, R 0
	}
	f1, p, r := ShingleTotals(scores)
	wantP, wantR := (1+2.0/3)/2, 2.0/3
	if math.Abs(p-wantP) > 1e-9 || math.Abs(r-wantR) > 1e-9 || math.Abs(f1-2*wantP*wantR/(wantP+wantR)) > 1e-9 {
		t.Errorf("F1=%v P=%v R=%v, want P=%v R=%v", f1, p, r, wantP, wantR)
	}
}

// TestExtractScrapinghub holds Dyad's extraction to its accuracy floors on
// the 181 pages of the Scrapinghub benchmark (issue 3: F1 ≥ 0.970,
// precision ≥ 0.960). Speed is measured by "dyad eval extract", not here.
func TestExtractScrapinghub(t *testing.T) {
	dir := sharedtest.Path(t, "extraction", "scrapinghub")
	pages, err := LoadScrapinghub(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 181 {
		t.Fatalf("%d pages, want 181", len(pages))
	}
	rep, err := Extract(context.Background(), pages, ExtractOptions{Passes: 1, Extractors: []Extractor{DyadExtractor()}})
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Extractors[0]
	t.Logf("F1 %.4f, precision %.4f, recall %.4f, %d failed", d.F1, d.Precision, d.Recall, d.Failed)
	if d.F1 < 0.970 || d.Precision < 0.960 {
		t.Errorf("F1 %.4f, precision %.4f: below the floors 0.970 and 0.960", d.F1, d.Precision)
	}
	if d.Failed > 0 {
		t.Errorf("%d pages failed", d.Failed)
	}
}
