package parse

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Trees as head lists, index 0 the root (-1).
var oracleTrees = []struct {
	name  string
	heads []int
}{
	{"one word", []int{-1, 0}},
	{"chain right", []int{-1, 0, 1, 2, 3}},
	{"chain left", []int{-1, 2, 3, 4, 0}},
	{"sentence", []int{-1, 2, 3, 0, 5, 3, 3}},                 // The army has attacked forces .
	{"relative clause", []int{-1, 2, 7, 4, 2, 4, 4, 0, 7, 7}}, // many arcs into and out of a clause
	{"non-projective", []int{-1, 0, 4, 1, 1, 3}},
}

// Following only zero-cost transitions from the start must rebuild a
// projective tree exactly: the oracle is correct and complete.
func TestOracleReachesGoldTree(t *testing.T) {
	for _, tt := range oracleTrees {
		t.Run(tt.name, func(t *testing.T) {
			gold := projectivize(tt.heads)
			for d := 1; d < len(gold); d++ {
				if !projective(gold, d) {
					t.Fatalf("projectivize(%v) = %v: arc to %d crosses", tt.heads, gold, d)
				}
			}
			g := rootLast(gold)
			var st state
			st.reset(len(gold)-1, nil)
			for steps := 0; !st.done(); steps++ {
				if steps > 4*len(gold) {
					t.Fatal("no progress")
				}
				next := -1
				for a := range nActions {
					if st.valid(a) && st.cost(a, g) == 0 {
						next = a
						break
					}
				}
				if next < 0 {
					t.Fatalf("no zero-cost transition at stack %v, buffer %d", st.stack, st.b)
				}
				st.apply(next)
			}
			if heads := st.tree(nil); !slices.Equal(heads, gold) {
				t.Errorf("heads %v, want %v", heads, gold)
			}
		})
	}
}

// A wrong transition must cost exactly the gold arcs it loses: following
// it and then the oracle must lose no more.
func TestOracleCostIsExact(t *testing.T) {
	for _, tt := range oracleTrees {
		gold := rootLast(projectivize(tt.heads))
		n := len(tt.heads) - 1
		// Try every transition at every step of the oracle's own path.
		var path []int
		var st state
		st.reset(n, nil)
		for !st.done() {
			for a := range nActions {
				if !st.valid(a) {
					continue
				}
				c := st.cost(a, gold)
				var alt state
				alt.reset(n, nil)
				for _, p := range path {
					alt.apply(p)
				}
				alt.apply(a)
				for !alt.done() {
					best, bestCost := -1, 0
					for b := range nActions {
						if alt.valid(b) && (best < 0 || alt.cost(b, gold) < bestCost) {
							best, bestCost = b, alt.cost(b, gold)
						}
					}
					if bestCost != 0 {
						t.Fatalf("%s: after %v then %d, the oracle has no zero-cost transition", tt.name, path, a)
					}
					alt.apply(best)
				}
				lost := 0
				for d := 1; d <= n; d++ {
					if alt.head(d) != gold[d] {
						lost++
					}
				}
				if lost != c {
					t.Errorf("%s: after %v, transition %d costs %d but loses %d arcs", tt.name, path, a, c, lost)
				}
			}
			for a := range nActions {
				if st.valid(a) && st.cost(a, gold) == 0 {
					path = append(path, a)
					st.apply(a)
					break
				}
			}
		}
	}
}

func TestProjectivize(t *testing.T) {
	tests := []struct {
		heads, want []int
	}{
		{[]int{-1, 0, 1, 2}, []int{-1, 0, 1, 2}},
		// 4→2 and 3→5 cross each other; lifting 2, then 5 (which still
		// crosses 1→4), to word 1 leaves a projective tree.
		{[]int{-1, 0, 4, 1, 1, 3}, []int{-1, 0, 1, 1, 1, 1}},
		// 3→1 spans the root word 2; once lifted to 2, 1→4 crosses too.
		{[]int{-1, 3, 0, 2, 1}, []int{-1, 2, 0, 2, 2}},
	}
	for _, tt := range tests {
		if got := projectivize(tt.heads); !slices.Equal(got, tt.want) {
			t.Errorf("projectivize(%v) = %v, want %v", tt.heads, got, tt.want)
		}
	}
}

// copyFrom copies only the words up to the buffer front and the root: the
// copy must still equal the state, whatever state it overwrites.
func TestCopyFrom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	walk := func(st *state, n, steps int) {
		st.reset(n, nil)
		for range steps {
			if st.done() {
				return
			}
			for {
				if a := rng.IntN(nActions); st.valid(a) {
					st.apply(a)
					break
				}
			}
		}
	}
	for range 500 {
		n := 1 + rng.IntN(12)
		var src, dst state
		walk(&src, n, rng.IntN(2*n+1))
		walk(&dst, n+rng.IntN(2), rng.IntN(2*n+3))
		dst.copyFrom(&src)
		if dst.n != src.n || dst.b != src.b || !slices.Equal(dst.stack, src.stack) || !slices.Equal(dst.w, src.w) {
			t.Fatalf("copy of %+v is %+v", src, dst)
		}
	}
}
