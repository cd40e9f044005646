package parse

import (
	"slices"

	"dyad/nlp/internal/perceptron"
)

// item is a state of the beam with its score.
type item struct {
	st    state
	score float64
}

// candidate is an item of the next step not yet built: an item of the beam
// and an action.
type candidate struct {
	from   int
	action int
	score  float64
}

// scorer gives the scores of the transitions from a state with the
// features that features returned, for the words in the roles it set.
type scorer interface {
	// prepare is called with the unary features of each sentence before
	// its states are scored.
	prepare(u *unary)
	score(feats []uint64, rs *roles, out *[nActions]float64)
}

// modelScorer scores with a model, through a cache. A word's unary
// features in a role add the same scores to every state that has it
// there, so modelScorer sums them once per sentence.
type modelScorer struct {
	m      *perceptron.Model
	cache  *perceptron.Cache
	u      *unary
	unary  [][nActions]int32 // for word i and role r, unary[i*nRoles+r]
	scores [nActions]int32
}

func (s *modelScorer) prepare(u *unary) {
	s.u = u
	words := len(u.keys) / u.width
	s.unary = s.unary[:0]
	for i := range words {
		for r := range nRoles {
			s.m.ScoreCached(u.of(i, r), s.scores[:], s.cache)
			s.unary = append(s.unary, s.scores)
		}
	}
}

func (s *modelScorer) score(feats []uint64, rs *roles, out *[nActions]float64) {
	s.m.ScoreCached(feats[s.u.width:], s.scores[:], s.cache)
	none := len(s.unary)/nRoles - 1
	for r, i := range rs {
		if i < 0 {
			i = none
		}
		for a, v := range &s.unary[i*nRoles+r] {
			s.scores[a] += v
		}
	}
	for a, v := range s.scores {
		out[a] = float64(v)
	}
}

// trainerScorer scores with the weights being learned.
type trainerScorer struct {
	tr     *perceptron.Trainer
	scores [nActions]float32
}

func (s *trainerScorer) prepare(*unary) {}

func (s *trainerScorer) score(feats []uint64, _ *roles, out *[nActions]float64) {
	s.tr.Score(feats, s.scores[:])
	for a, v := range s.scores {
		out[a] = float64(v)
	}
}

// beam holds the working memory of beam search.
type beam struct {
	cur, next []item
	cands     []candidate
	feats     []uint64
	s         [nActions]float64
	u         unary // of the sentence searched
	rs        roles
	// steps records, for training, the parent and action of every item of
	// every step.
	steps [][]candidate
}

// search runs beam search of width k over the words of atoms, scoring with
// sc, and leaves the best final state in b.cur[0]. With margin > 0 it
// keeps at each step only the states that score within margin of the
// best. With record set, it keeps the history of every step in b.steps.
func (b *beam) search(atoms []atom, k int, margin float64, sc scorer, record bool) {
	n := len(atoms) - 2
	b.u.prepare(atoms)
	sc.prepare(&b.u)
	b.cur = grow(b.cur, 1)
	b.cur[0].st.reset(n, b.u.cls)
	b.cur[0].score = 0
	b.steps = b.steps[:0]
	for !b.cur[0].st.done() {
		b.cands = b.cands[:0]
		for i := range b.cur {
			it := &b.cur[i]
			b.feats = features(b.feats[:0], &it.st, atoms, &b.u, &b.rs)
			sc.score(b.feats, &b.rs, &b.s)
			for a := range nActions {
				if it.st.valid(a) {
					b.cands = append(b.cands, candidate{from: i, action: a, score: it.score + b.s[a]})
				}
			}
		}
		// Best first; ties by beam order then action, for determinism.
		slices.SortStableFunc(b.cands, func(x, y candidate) int {
			switch {
			case x.score > y.score:
				return -1
			case x.score < y.score:
				return 1
			}
			return 0
		})
		b.cands = b.cands[:min(len(b.cands), k)]
		if margin > 0 {
			keep := 1
			for keep < len(b.cands) && b.cands[keep].score >= b.cands[0].score-margin {
				keep++
			}
			b.cands = b.cands[:keep]
		}
		if record {
			b.steps = append(b.steps, slices.Clone(b.cands))
		}
		b.next = grow(b.next, len(b.cands))
		for j, c := range b.cands {
			nx := &b.next[j]
			nx.st.copyFrom(&b.cur[c.from].st)
			nx.st.apply(c.action)
			nx.score = c.score
		}
		b.cur, b.next = b.next, b.cur
		b.cur = b.cur[:len(b.cands)]
	}
}

// grow returns items resliced to n, keeping the memory of earlier items.
func grow(items []item, n int) []item {
	if cap(items) < n {
		items = append(items[:cap(items)], make([]item, n-cap(items))...)
	}
	return items[:n]
}

// staticOracle returns the transitions that build the projective gold tree
// (root at n+1), choosing among those that lose nothing in the order
// left-arc, right-arc, reduce, shift.
func staticOracle(gold []int, n int, out []int) []int {
	var st state
	st.reset(n, nil)
	out = out[:0]
	for !st.done() {
		for _, a := range [...]int{leftArc, rightArc, reduce, shift} {
			if st.valid(a) && st.cost(a, gold) == 0 {
				out = append(out, a)
				st.apply(a)
				break
			}
		}
	}
	return out
}

// update makes a max-violation update (Huang et al. 2012) after a beam
// search recorded in b: at the step where the best item of the beam most
// outscores the gold sequence, it moves the weights towards the gold
// prefix and away from the best item's. It returns whether it updated.
// It must follow the search of the same sentence.
func (b *beam) update(tr *perceptron.Trainer, atoms []atom, gold []int, sc scorer) bool {
	n := len(atoms) - 2
	var st state
	st.reset(n, b.u.cls)
	goldScore, worst, at := 0.0, 0.0, -1
	onGold := 0 // index of the gold prefix in the beam, -1 once it fell out
	for t, step := range b.steps {
		b.feats = features(b.feats[:0], &st, atoms, &b.u, &b.rs)
		sc.score(b.feats, &b.rs, &b.s)
		goldScore += b.s[gold[t]]
		st.apply(gold[t])
		if onGold >= 0 {
			prev := onGold
			onGold = -1
			for j, c := range step {
				if c.from == prev && c.action == gold[t] {
					onGold = j
					break
				}
			}
		}
		// A tie counts as a violation unless the gold prefix is the best.
		if v := step[0].score - goldScore; onGold != 0 && v >= worst {
			worst, at = v, t
		}
	}
	if at < 0 {
		return false
	}
	// The best item's actions, traced back from step at.
	pred := make([]int, at+1)
	for t, j := at, 0; t >= 0; t-- {
		c := b.steps[t][j]
		pred[t] = c.action
		j = c.from
	}
	// Up to the first difference the two prefixes are the same, and so
	// would be their updates.
	first := 0
	for first <= at && pred[first] == gold[first] {
		first++
	}
	var gs, ps state
	gs.reset(n, b.u.cls)
	for t := 0; t < first; t++ {
		gs.apply(gold[t])
	}
	ps.copyFrom(&gs)
	for t := first; t <= at; t++ {
		b.feats = features(b.feats[:0], &gs, atoms, &b.u, &b.rs)
		tr.Add(b.feats, gold[t], 1)
		gs.apply(gold[t])
		b.feats = features(b.feats[:0], &ps, atoms, &b.u, &b.rs)
		tr.Add(b.feats, pred[t], -1)
		ps.apply(pred[t])
	}
	return true
}
