package parse

import "slices"

// projectivize returns a copy of heads (index 0 is the root, -1) in which
// every non-projective arc has been lifted to the head's head until the
// tree is projective, shortest arcs first. The dynamic oracle needs a
// projective tree; English has few crossing arcs.
func projectivize(heads []int) []int {
	h := slices.Clone(heads)
	for {
		lift, span := -1, 0
		for d := 1; d < len(h); d++ {
			if s := max(d, h[d]) - min(d, h[d]); (lift < 0 || s < span) && !projective(h, d) {
				lift, span = d, s
			}
		}
		if lift < 0 {
			return h
		}
		h[lift] = h[h[lift]]
	}
}

// projective reports whether the arc to d is projective: its head
// dominates every word between the two.
func projective(h []int, d int) bool {
	lo, hi := min(d, h[d]), max(d, h[d])
	for w := lo + 1; w < hi; w++ {
		if !dominates(h, h[d], w) {
			return false
		}
	}
	return true
}

// dominates reports whether a is an ancestor of w.
func dominates(h []int, a, w int) bool {
	for steps := 0; w > 0 && steps < len(h); steps++ {
		w = h[w]
		if w == a {
			return true
		}
	}
	return a == 0
}
