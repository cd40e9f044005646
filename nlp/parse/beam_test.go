package parse

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
)

// best must keep what a stable sort, best first, puts in front.
func TestBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		cands := make([]candidate, rng.IntN(40))
		for i := range cands {
			// Few distinct scores, so that ties are common.
			cands[i] = candidate{from: i, score: float64(rng.IntN(6))}
		}
		k := 1 + rng.IntN(17)
		want := slices.Clone(cands)
		slices.SortStableFunc(want, func(x, y candidate) int { return cmp.Compare(y.score, x.score) })
		want = want[:min(k, len(want))]
		if got := best(cands, k); !slices.Equal(got, want) {
			t.Fatalf("best(k=%d) = %v, want %v", k, got, want)
		}
	}
}
