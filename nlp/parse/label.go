package parse

import (
	"math"

	"dyad/nlp/internal/perceptron"
)

// tree is a finished unlabeled tree over words 1..n, with the children of
// each word in order, and the labels chosen so far.
type tree struct {
	heads  []int // heads[d] for d in 1..n; heads[0] is -1
	start  []int // children of w are kids[start[w]:start[w+1]]
	kids   []int
	labels []int // label of each word, -1 until chosen
	prev   []int // labels of the previous pass, or nil in the first
	order  []int // words top down: each after its head
	// margins holds, for each word, by how much the last pass that
	// scored it preferred its label.
	margins []int32
}

// build indexes the children of heads (1..n) and orders the words top down.
func (t *tree) build(heads []int) {
	n := len(heads) - 1
	t.heads = heads
	t.start = fill(t.start, n+2, 0)
	for d := 1; d <= n; d++ {
		t.start[heads[d]+1]++
	}
	for w := 1; w <= n+1; w++ {
		t.start[w] += t.start[w-1]
	}
	t.kids = fill(t.kids, n, 0)
	next := append(t.order[:0], t.start[:n+1]...) // borrow order as cursor
	for d := 1; d <= n; d++ {
		h := heads[d]
		t.kids[next[h]] = d
		next[h]++
	}
	t.labels = fill(t.labels, n+1, -1)
	t.prev = t.prev[:0]
	// Breadth-first from the root: heads come before their dependents and
	// siblings left to right.
	t.order = append(t.order[:0], 0)
	for i := 0; i < len(t.order); i++ {
		w := t.order[i]
		t.order = append(t.order, t.kids[t.start[w]:t.start[w+1]]...)
	}
	t.order = t.order[1:]
}

func (t *tree) children(w int) []int { return t.kids[t.start[w]:t.start[w+1]] }

// Closed-class UPOS whose words, not tags, are features of their heads and
// siblings in labelling: "by" marks an agent, "was" a passive, "to" an
// infinitive.
var functionUPOS = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, u := range []string{"ADP", "SCONJ", "AUX", "PART", "DET", "PRON", "CCONJ", "PUNCT"} {
		m[perceptron.Hash(u)] = true
	}
	return m
}()

// function returns the word of a closed-class word and the tag of others.
func function(a *atom) uint64 {
	if functionUPOS[a.u] {
		return a.w
	}
	return a.p
}

// Labeler feature templates. The numbers are part of the model.
const (
	lBias = iota
	lDw
	lDp
	lDu
	lDwp
	lHw
	lHp
	lHu
	lDpHp
	lDwHp
	lDpHw
	lDwHw
	lDuHuDist
	lHlDp
	lHlDuHu
	lDpHpDist
	lChild
	lSibling
	lSibLabel
	lNeighbours
	lValency
	lGrand
	lDwHl
	lSibHp
	lSibPrev
	lSibPrevDp
	lChildPrev
	lOwnPrev
)

// labelFeatures appends the features for labelling the arc of word d.
func labelFeatures(feats []uint64, t *tree, atoms []atom, d int) []uint64 {
	k1, k2, k3, k4 := perceptron.Key1, perceptron.Key2, perceptron.Key3, perceptron.Key4
	h := t.heads[d]
	dir := uint64(1)
	if d > h {
		dir = 2
	}
	dist := distance(d, h)
	da, ha := &atoms[d], &atoms[h]
	hl := uint64(rootValue)
	gp := &noneAtom
	if h > 0 {
		hl = uint64(t.labels[h] + 10)
		gp = &atoms[t.heads[h]]
	}
	prev, next := &noneAtom, &noneAtom
	if d > 1 {
		prev = &atoms[d-1]
	}
	if d+1 < len(t.heads) {
		next = &atoms[d+1]
	}
	kids := t.children(d)
	feats = append(feats,
		k1(lBias, dir),
		k2(lDw, da.w, dir),
		k2(lDp, da.p, dir),
		k2(lDu, da.u, dir),
		k3(lDwp, da.w, da.p, dir),
		k2(lHw, ha.w, dir),
		k2(lHp, ha.p, dir),
		k2(lHu, ha.u, dir),
		k3(lDpHp, da.p, ha.p, dir),
		k3(lDwHp, da.w, ha.p, dir),
		k3(lDpHw, da.p, ha.w, dir),
		k3(lDwHw, da.w, ha.w, dir),
		k4(lDuHuDist, da.u, ha.u, dir, dist),
		k3(lHlDp, hl, da.p, dir),
		k4(lHlDuHu, hl, da.u, ha.u, dir),
		k4(lDpHpDist, da.p, ha.p, dir, dist),
		k3(lNeighbours, da.p, prev.p, next.p),
		k3(lValency, da.p, uint64(min(len(kids), 4)), dir),
		k4(lGrand, gp.p, ha.p, da.p, dir),
		k2(lDwHl, da.w, hl),
	)
	for _, c := range kids {
		side := uint64(1)
		if c > d {
			side = 2
		}
		feats = append(feats, k3(lChild, da.p, function(&atoms[c]), side))
		if len(t.prev) > 0 {
			feats = append(feats, k3(lChildPrev, uint64(t.prev[c]), da.p, side))
		}
	}
	if len(t.prev) > 0 {
		feats = append(feats, k3(lOwnPrev, uint64(t.prev[d]), da.p, dir))
	}
	for _, s := range t.children(h) {
		if s == d {
			continue
		}
		side := uint64(1)
		if s > d {
			side = 2
		}
		fs := function(&atoms[s])
		feats = append(feats, k4(lSibling, da.p, fs, side, dir), k4(lSibHp, da.p, ha.p, fs, side))
		if l := t.labels[s]; l >= 0 {
			feats = append(feats, k3(lSibLabel, uint64(l), side, dir))
		}
		if len(t.prev) > 0 {
			feats = append(feats, k3(lSibPrev, uint64(t.prev[s]), side, dir), k4(lSibPrevDp, uint64(t.prev[s]), da.p, side, dir))
		}
	}
	return feats
}

// settled is the margin, in perceptron score units, by which a labelling
// pass must prefer a word's label for the later passes to keep it without
// scoring the word again. On EWT dev this costs no accuracy and saves most
// of the second pass.
const settled = 80

// labelTree labels t, built over the words of atoms, with each labeller
// in turn: each pass after the first sees the labels of the one before.
func labelTree(t *tree, atoms []atom, passes []*perceptron.Model, feats []uint64, scores []int32) []uint64 {
	t.margins = fill(t.margins, len(t.labels), 0)
	for i, m := range passes {
		keep := int32(math.MaxInt32)
		if i > 0 {
			t.prev = append(t.prev[:0], t.labels...)
			for w := range t.labels {
				t.labels[w] = -1
			}
			keep = passes[i-1].IntScore(settled)
		}
		for _, d := range t.order {
			if t.margins[d] >= keep {
				t.labels[d] = t.prev[d]
				continue
			}
			feats = labelFeatures(feats[:0], t, atoms, d)
			m.Score(feats, scores)
			t.labels[d], t.margins[d] = perceptron.Margin(scores[:m.Classes()])
		}
	}
	return feats
}
