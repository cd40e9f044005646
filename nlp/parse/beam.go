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
// and an action, and whether the word the action brings to the front of
// the buffer takes the tagger's runner-up tags.
type candidate struct {
	from   int
	action int
	alt    bool
	score  float64
}

// scorer gives the scores of the transitions from a state with the
// features that stateFeatures returned, the unary features of the words in
// the roles it set, and the state's pairFeatures.
type scorer interface {
	// prepare is called with the unary features of each sentence before
	// its states are scored.
	prepare(u *unary)
	// fill is called with the features of all the states of a step,
	// from stateFeatures, and their roles, before any is scored.
	fill(feats []uint64, items []item, atoms []atom, rs []roles)
	score(feats []uint64, st *state, atoms []atom, rs *roles, out *[nActions]float64)
}

// modelScorer scores with a model, through a cache. A word's unary
// features in a role add the same scores to every state that has it
// there, and the features of a stack top and a buffer front (see
// pairFeatures) add the same scores to every state that has the two:
// modelScorer sums each once per sentence, when first needed.
type modelScorer struct {
	m     *perceptron.Model
	cache *perceptron.Cache
	u     *unary
	// unary holds, for atom i in role r, the scores of its unary features
	// (unary[i*nRoles+r]), once known[i*nRoles+r].
	unary [][nActions]int32
	known []bool
	pairs *pairMemo
	// scores and feats are the working memory of score and fill.
	scores [nActions]int32
	feats  []uint64
}

// A pairMemo has pairSlots slots: enough for the pairs of stack top and
// buffer front that the search of a long sentence meets.
const (
	pairBits  = 10
	pairSlots = 1 << pairBits
)

// pairMemo holds the scores of the pair features of the states of one
// sentence, by their stack top and buffer front; a pair that finds its
// slot taken is scored again.
type pairMemo struct {
	keys   [pairSlots]uint64 // 0: empty
	scores [pairSlots][nActions]int32
}

func (s *modelScorer) prepare(u *unary) {
	s.u = u
	n := len(u.keys) / u.width * nRoles
	s.unary = slices.Grow(s.unary[:0], n)[:n]
	s.known = slices.Grow(s.known[:0], n)[:n]
	clear(s.known)
	if s.pairs == nil {
		s.pairs = new(pairMemo)
	}
	clear(s.pairs.keys[:])
}

// pairSlot returns the key of the pair of stack top and buffer front of
// roles rs and its slot in a pairMemo.
func pairSlot(rs *roles) (key, j uint64) {
	key = uint64(rs[rS0]+2)<<32 | uint64(rs[rN0])
	return key, key * 0x9E3779B97F4A7C15 >> (64 - pairBits) // Fibonacci hashing
}

// fill puts into the cache the rows of the features that scoring the
// states will look up: their own, and the pair and unary features whose
// scores are not yet known.
func (s *modelScorer) fill(feats []uint64, items []item, atoms []atom, rs []roles) {
	s.m.Fill(feats, s.cache)
	s.feats = s.feats[:0]
	none := len(s.known)/nRoles - 1
	for i := range items {
		if key, j := pairSlot(&rs[i]); s.pairs.keys[j] != key {
			s.feats = pairFeatures(s.feats, &items[i].st, atoms, &rs[i])
		}
		for r, a := range &rs[i] {
			if a < 0 {
				a = none
			}
			if !s.known[a*nRoles+r] {
				s.feats = append(s.feats, s.u.of(a, r)...)
			}
		}
	}
	s.m.Fill(s.feats, s.cache)
}

func (s *modelScorer) score(feats []uint64, st *state, atoms []atom, rs *roles, out *[nActions]float64) {
	s.m.ScoreCached(feats, s.scores[:], s.cache)
	key, j := pairSlot(rs)
	if s.pairs.keys[j] != key {
		s.feats = pairFeatures(s.feats[:0], st, atoms, rs)
		s.m.ScoreCached(s.feats, s.pairs.scores[j][:], s.cache)
		s.pairs.keys[j] = key
	}
	for a, v := range &s.pairs.scores[j] {
		s.scores[a] += v
	}
	none := len(s.known)/nRoles - 1
	for r, i := range rs {
		if i < 0 {
			i = none
		}
		k := i*nRoles + r
		if !s.known[k] {
			s.m.ScoreCached(s.u.of(i, r), s.unary[k][:], s.cache)
			s.known[k] = true
		}
		for a, v := range &s.unary[k] {
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
	u      *unary
	scores [nActions]float32
	feats  []uint64
}

func (s *trainerScorer) prepare(u *unary) { s.u = u }

func (s *trainerScorer) fill([]uint64, []item, []atom, []roles) {}

func (s *trainerScorer) score(feats []uint64, st *state, atoms []atom, rs *roles, out *[nActions]float64) {
	s.feats = unaryFeatures(append(s.feats[:0], feats...), s.u, rs)
	s.feats = pairFeatures(s.feats, st, atoms, rs)
	s.tr.Score(s.feats, s.scores[:])
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
	// ends[i] is where the features of item i of a step end in feats,
	// and items[i] are its roles.
	ends  []int
	items []roles
	// steps records, for training, the parent and action of every item of
	// every step, and init whether each first item took the runner-up
	// tags of word 1.
	steps [][]candidate
	init  []bool
	n     int // words of the sentence searched
}

// Joint tagging. A word whose tagger gave close runner-up tags (an atom
// with alt set) is tagged as it comes to the front of the buffer: the
// action that brings it there forks into one candidate with the tagger's
// first choice and one with its runner-up, of the same score; the features
// of the word in its later roles, which include its doubt (see
// atom.doubt), tell them apart at the next step. Words ahead of the front
// keep the tagger's first choice.

// start sets the states a search begins with: one, or two if word 1 has
// runner-up tags.
func (b *beam) start(atoms []atom, n int) {
	b.n = n
	b.init = append(b.init[:0], false)
	if n > 0 && atoms[1].alt != 0 {
		b.init = append(b.init, true)
	}
	b.cur = grow(b.cur, len(b.init))
	for i, alt := range b.init {
		startState(&b.cur[i].st, atoms, n, b.u.cls, alt)
		b.cur[i].score = 0
	}
}

// startState resets st for a sentence of n words, word 1 tagged with its
// runner-up tags if alt.
func startState(st *state, atoms []atom, n int, cls []uint32, alt bool) {
	st.reset(n, cls)
	if alt {
		st.w[1].alt = atoms[1].alt
	}
}

// step applies action a to st; if alt, the word it brings to the front of
// the buffer takes its runner-up tags.
func step(st *state, atoms []atom, a int, alt bool) {
	st.apply(a)
	if alt {
		st.w[st.b].alt = atoms[st.b].alt
	}
}

// forks reports whether action a from st brings to the front of the buffer
// a word with runner-up tags.
func forks(st *state, atoms []atom, a int) bool {
	return (a == shift || a == rightArc) && st.b < st.n && atoms[st.b+1].alt != 0
}

// search runs beam search of width k over the n words of atoms, scoring
// with sc, and leaves the best final state in b.cur[0]. With margin > 0 it
// keeps at each step only the states that score within margin of the
// best. With record set, it keeps the history of every step in b.steps.
func (b *beam) search(atoms []atom, n, k int, margin float64, sc scorer, record bool) {
	b.u.prepare(atoms)
	sc.prepare(&b.u)
	b.start(atoms, n)
	b.steps = b.steps[:0]
	for !b.cur[0].st.done() {
		b.cands = b.cands[:0]
		b.feats, b.ends = b.feats[:0], b.ends[:0]
		b.items = slices.Grow(b.items[:0], len(b.cur))[:len(b.cur)]
		for i := range b.cur {
			b.feats = stateFeatures(b.feats, &b.cur[i].st, atoms, &b.items[i])
			b.ends = append(b.ends, len(b.feats))
		}
		sc.fill(b.feats, b.cur, atoms, b.items)
		from := 0
		for i := range b.cur {
			it := &b.cur[i]
			sc.score(b.feats[from:b.ends[i]], &it.st, atoms, &b.items[i], &b.s)
			from = b.ends[i]
			for a := range nActions {
				if !it.st.valid(a) {
					continue
				}
				c := candidate{from: i, action: a, score: it.score + b.s[a]}
				b.cands = append(b.cands, c)
				if forks(&it.st, atoms, a) {
					c.alt = true
					b.cands = append(b.cands, c)
				}
			}
		}
		b.cands = best(b.cands, k)
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
			step(&nx.st, atoms, c.action, c.alt)
			nx.score = c.score
		}
		b.cur, b.next = b.next, b.cur
		b.cur = b.cur[:len(b.cands)]
	}
}

// best reorders cands so that they begin with the k best, best first,
// ties in their order in cands (beam order then action, for determinism),
// and returns those.
func best(cands []candidate, k int) []candidate {
	n := 0 // cands[:n] are the best so far, in order
	for _, c := range cands {
		if n == k && c.score <= cands[k-1].score {
			continue
		}
		i := n
		if n < k {
			n++
		}
		for i > 0 && cands[i-1].score < c.score {
			i--
		}
		// cands[:n] never reaches past c's own place, which is free.
		copy(cands[i+1:n], cands[i:n-1])
		cands[i] = c
	}
	return cands[:n]
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
func staticOracle(gold []int, out []int) []int {
	n := len(gold) - 2
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
// prefix and away from the best item's. The gold sequence is the actions
// gold, with word w taking its runner-up tags where goldAlt[w]. It
// returns whether it updated. It must follow the search of the same
// sentence.
func (b *beam) update(tr *perceptron.Trainer, atoms []atom, gold []int, goldAlt []bool, sc scorer) bool {
	// alts[t] tells whether the gold action t takes runner-up tags.
	alts := make([]bool, len(gold))
	var st state
	startState(&st, atoms, b.n, b.u.cls, goldAlt[1])
	onGold := slices.Index(b.init, goldAlt[1]) // index of the gold prefix in the beam, -1 once it fell out
	goldScore, worst, at := 0.0, 0.0, -1
	for t, cands := range b.steps {
		b.feats = stateFeatures(b.feats[:0], &st, atoms, &b.rs)
		sc.score(b.feats, &st, atoms, &b.rs, &b.s)
		goldScore += b.s[gold[t]]
		alts[t] = forks(&st, atoms, gold[t]) && goldAlt[st.b+1]
		step(&st, atoms, gold[t], alts[t])
		if onGold >= 0 {
			prev := onGold
			onGold = -1
			for j, c := range cands {
				if c.from == prev && c.action == gold[t] && c.alt == alts[t] {
					onGold = j
					break
				}
			}
		}
		// A tie counts as a violation unless the gold prefix is the best.
		if v := cands[0].score - goldScore; onGold != 0 && v >= worst {
			worst, at = v, t
		}
	}
	if at < 0 {
		return false
	}
	// The best item's candidates, traced back from step at to its first
	// state.
	pred := make([]candidate, at+1)
	j := 0
	for t := at; t >= 0; t-- {
		pred[t] = b.steps[t][j]
		j = pred[t].from
	}
	var gs, ps state
	startState(&gs, atoms, b.n, b.u.cls, goldAlt[1])
	startState(&ps, atoms, b.n, b.u.cls, b.init[j])
	// Up to the first difference the two prefixes are the same, and so
	// would be their updates.
	first := 0
	if b.init[j] == goldAlt[1] {
		for first <= at && pred[first].action == gold[first] && pred[first].alt == alts[first] {
			step(&gs, atoms, gold[first], alts[first])
			first++
		}
		ps.copyFrom(&gs)
	}
	for t := first; t <= at; t++ {
		b.feats = features(b.feats[:0], &gs, atoms, &b.u, &b.rs)
		tr.Add(b.feats, gold[t], 1)
		step(&gs, atoms, gold[t], alts[t])
		b.feats = features(b.feats[:0], &ps, atoms, &b.u, &b.rs)
		tr.Add(b.feats, pred[t].action, -1)
		step(&ps, atoms, pred[t].action, pred[t].alt)
	}
	return true
}
