package parse

import (
	"unicode"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// atom holds the hashed values of one word that the feature templates
// combine.
type atom struct {
	w     uint64 // lower-cased form
	p     uint64 // XPOS
	u     uint64 // UPOS
	s     uint64 // last three characters of w
	amb   uint64 // ambiguity class: the XPOS seen with w in training
	punct int    // number of punctuation words before this one
	verbs int    // number of verbs and auxiliaries before this one
	cls   uint32 // the UPOS as one bit
	// alt is the index of the atom of the word with the tagger's runner-up
	// tags, 0 if the parser does not weigh them (see prepareAtoms).
	alt int32
	// doubt is 0 for a word without a runner-up; otherwise 2b+1 for the
	// tagger's first choice and 2b+2 for its runner-up, b the bucket of the
	// tagger's margin between them.
	doubt uint64
}

// uposBits gives each universal tag its bit in atom.cls.
var uposBits = func() map[uint64]uint32 {
	m := map[uint64]uint32{}
	for i, u := range []string{"ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"} {
		m[perceptron.Hash(u)] = 1 << i
	}
	return m
}()

var verbUPOS, auxUPOS = perceptron.Hash("VERB"), perceptron.Hash("AUX")

// Values of the root and of missing words.
const (
	noneValue = 1
	rootValue = 2
)

var noneAtom = atom{w: noneValue, p: noneValue, u: noneValue, s: noneValue}

var punctUPOS = perceptron.Hash("PUNCT")

// prepareAtoms fills atoms for the words 1..n and the root, both at index
// 0, where the labeler looks for it, and at n+1, where the parser has it.
// After them come the atoms of the words whose runner-up tags the tagger
// gave less than altMargin behind: the same words with those tags.
func prepareAtoms(atoms []atom, toks []nlp.Token, runes []rune, dict map[uint64]uint64, altMargin float64) ([]atom, []rune) {
	atoms = append(atoms[:0], atom{w: rootValue, p: rootValue, u: rootValue, s: rootValue})
	punct, verbs := 0, 0
	for i := range toks {
		var w uint64
		w, runes = lowerHash(toks[i].Form, runes)
		a := atom{w: w, p: perceptron.Hash(toks[i].XPOS), u: perceptron.Hash(toks[i].UPOS), punct: punct, verbs: verbs}
		a.s = perceptron.HashRunes(runes[max(len(runes)-3, 0):])
		a.amb = dict[w]
		a.cls = uposBits[a.u]
		switch a.u {
		case punctUPOS:
			punct++
		case verbUPOS, auxUPOS:
			verbs++
		}
		atoms = append(atoms, a)
	}
	root := atoms[0]
	root.punct, root.verbs = punct, verbs
	atoms = append(atoms, root)
	for i := range toks {
		alt := &toks[i].Alt
		if alt.UPOS == "" || float64(alt.Margin) >= altMargin {
			continue
		}
		w := &atoms[i+1]
		b := doubtBucket(alt.Margin)
		w.doubt = 2*b + 1
		a := *w
		a.doubt = 2*b + 2
		a.p, a.u = perceptron.Hash(alt.XPOS), perceptron.Hash(alt.UPOS)
		a.cls = uposBits[a.u]
		w.alt = int32(len(atoms))
		atoms = append(atoms, a)
	}
	return atoms, runes
}

// doubtBucket buckets the tagger's margin between its first and second
// choice, doubling from 3.
func doubtBucket(m float32) uint64 {
	b := uint64(0)
	for lim := float32(3); m >= lim && b < 6; lim *= 2 {
		b++
	}
	return b
}

// lowerHash hashes the lower-cased form, with every digit mapped to 0.
func lowerHash(form string, runes []rune) (uint64, []rune) {
	runes = runes[:0]
	for _, r := range form {
		switch {
		case r >= '0' && r <= '9':
			r = '0'
		case r >= 'A' && r <= 'Z':
			r += 'a' - 'A'
		case r >= 0x80:
			r = unicode.ToLower(r)
		}
		runes = append(runes, r)
	}
	return perceptron.HashRunes(runes), runes
}

// at returns the atom of word i, or noneAtom if i < 0.
func at(atoms []atom, i int) *atom {
	if i < 0 {
		return &noneAtom
	}
	return &atoms[i]
}

// distance buckets the distance between two words.
func distance(a, b int) uint64 {
	d := b - a
	switch {
	case d < 0:
		d = -d
	}
	switch {
	case d <= 5:
		return uint64(d)
	case d <= 7:
		return 6
	case d <= 10:
		return 7
	case d <= 15:
		return 8
	}
	return 9
}

// Parser feature templates. The numbers are part of the model.
const (
	fBias = iota
	fS0wp
	fS0w
	fS0p
	fN0wp
	fN0w
	fN0p
	fN1wp
	fN1w
	fN1p
	fN2wp
	fN2w
	fN2p
	fS0wpN0wp
	fS0wpN0w
	fS0wN0wp
	fS0wpN0p
	fS0pN0wp
	fS0wN0w
	fS0pN0p
	fN0pN1p
	fN0pN1pN2p
	fS0pN0pN1p
	fS0hpS0pN0p
	fS0pS0lpN0p
	fS0pS0rpN0p
	fS0pN0pN0lp
	fS0wd
	fS0pd
	fN0wd
	fN0pd
	fS0wN0wd
	fS0pN0pd
	fS0wvr
	fS0pvr
	fS0wvl
	fS0pvl
	fN0wvl
	fN0pvl
	fS0hw
	fS0hp
	fS0lw
	fS0lp
	fS0rw
	fS0rp
	fN0lw
	fN0lp
	fS0h2w
	fS0h2p
	fS0l2w
	fS0l2p
	fS0r2w
	fS0r2p
	fN0l2w
	fN0l2p
	fS0pS0lpS0l2p
	fS0pS0rpS0r2p
	fS0pS0hpS0h2p
	fN0pN0lpN0l2p
	fS1pS0pN0p
	fS1wS0p
	fHeadS0pN0p
	fN0wN1w
	fS0uN0uN1u
	fS1uS0uN0u
	fS0wN0pN1p
	fS0pN0wN1p
	fS0sp
	fN0sp
	fN1sp
	fS0pN0s
	fPunctBetween
	fS1HeadS0
	fDepthN0p
	fS0hdir
	fS0pAmb
	fN0pAmb
	fN1pAmb
	fS0AmbN0Amb
	fS0pN0pAmb
	fS0LeftSet
	fS0RightSet
	fN0LeftSet
	fVerbsBetween
	fS0Doubt
	fN0Doubt
)

// The features of one word in one role (the stack top, its leftmost
// child...) do not depend on the rest of the state, and beam search asks
// for them again and again: unary computes them once per sentence.
// unaryTemplates lists them by role, in the order of unary's rows.
var unaryTemplates = [...][]int{
	{fS0wp, fS0w, fS0p, fS0sp, fS0pAmb, fS0Doubt},
	{fN0wp, fN0w, fN0p, fN0sp, fN0pAmb, fN0Doubt},
	{fN1wp, fN1w, fN1p, fN1sp, fN1pAmb},
	{fN2wp, fN2w, fN2p},
	{fS0hw, fS0hp},
	{fS0lw, fS0lp},
	{fS0rw, fS0rp},
	{fN0lw, fN0lp},
	{fS0h2w, fS0h2p},
	{fS0l2w, fS0l2p},
	{fS0r2w, fS0r2p},
	{fN0l2w, fN0l2p},
}

// Roles, as indexes of unaryTemplates.
const (
	rS0 = iota
	rN0
	rN1
	rN2
	rS0h
	rS0l
	rS0r
	rN0l
	rS0h2
	rS0l2
	rS0r2
	rN0l2
	nRoles
)

// unaryKey returns the key of template t over one word.
func unaryKey(t int, a *atom) uint64 {
	k1, k2, k3 := perceptron.Key1, perceptron.Key2, perceptron.Key3
	switch t {
	case fS0wp, fN0wp, fN1wp, fN2wp:
		return k2(uint64(t), a.w, a.p)
	case fS0w, fN0w, fN1w, fN2w, fS0hw, fS0lw, fS0rw, fN0lw, fS0h2w, fS0l2w, fS0r2w, fN0l2w:
		return k1(uint64(t), a.w)
	case fS0sp, fN0sp, fN1sp:
		return k2(uint64(t), a.s, a.p)
	case fS0pAmb, fN0pAmb, fN1pAmb:
		return k2(uint64(t), a.p, a.amb)
	case fS0Doubt, fN0Doubt:
		return k3(uint64(t), a.doubt, a.p, a.amb)
	}
	return k1(uint64(t), a.p)
}

// unary holds the unary features of the words of a sentence.
type unary struct {
	cls    []uint32 // the UPOS bit of each atom
	keys   []uint64 // for word i and role r, keys[off[r]+i*width...]
	width  int
	offset [nRoles]int
}

// prepare computes the unary features of the atoms 0..len(atoms)-1 and of
// a missing word, stored as atom len(atoms).
func (u *unary) prepare(atoms []atom) {
	u.width = 0
	for r, ts := range unaryTemplates {
		u.offset[r] = u.width
		u.width += len(ts)
	}
	u.keys = u.keys[:0]
	u.cls = u.cls[:0]
	for i := range atoms {
		u.cls = append(u.cls, atoms[i].cls)
	}
	for i := 0; i <= len(atoms); i++ {
		a := &noneAtom
		if i < len(atoms) {
			a = &atoms[i]
		}
		for _, ts := range unaryTemplates {
			for _, t := range ts {
				u.keys = append(u.keys, unaryKey(t, a))
			}
		}
	}
}

// of returns the unary features of atom i (-1 for none) in role r.
func (u *unary) of(i, r int) []uint64 {
	if i < 0 {
		i = len(u.keys)/u.width - 1
	}
	o := i*u.width + u.offset[r]
	return u.keys[o : o+len(unaryTemplates[r])]
}

// roles holds the atom of the word in each role of a state (-1 for none),
// in the order of unaryTemplates.
type roles [nRoles]int

// features appends all the features of the parser state: its
// stateFeatures, the unary features of the words in its roles, and its
// pairFeatures.
func features(feats []uint64, st *state, atoms []atom, u *unary, rs *roles) []uint64 {
	feats = stateFeatures(feats, st, atoms, rs)
	feats = unaryFeatures(feats, u, rs)
	return pairFeatures(feats, st, atoms, rs)
}

// unaryFeatures appends the unary features of the words in the roles rs.
func unaryFeatures(feats []uint64, u *unary, rs *roles) []uint64 {
	for r, i := range rs {
		feats = append(feats, u.of(i, r)...)
	}
	return feats
}

// stateFeatures sets in rs the atoms of the words in the roles of the
// state and appends the features that depend on more of the state than
// its stack top and buffer front.
func stateFeatures(feats []uint64, st *state, atoms []atom, rs *roles) []uint64 {
	k2, k3 := perceptron.Key2, perceptron.Key3
	s0i := st.s0()
	s1i := -1
	if len(st.stack) > 1 {
		s1i = int(st.stack[len(st.stack)-2])
	}
	// The buffer always holds at least the root, n+1.
	n0i, n1i, n2i := st.b, -1, -1
	if st.b+1 <= st.n+1 {
		n1i = st.b + 1
	}
	if st.b+2 <= st.n+1 {
		n2i = st.b + 2
	}
	// Words are looked up as the state tagged them; the words ahead of
	// the buffer front have the tagger's tags.
	ai := st.atom
	s0, s1, n0 := at(atoms, ai(s0i)), at(atoms, ai(s1i)), at(atoms, ai(n0i))
	s0hi, s0h2i, l1, l2, r1, r2 := -1, -1, -1, -1, -1, -1
	var s0vl, s0vr uint64
	var s0ls, s0rs uint32
	if s0i >= 0 {
		x := &st.w[s0i]
		s0ls, s0rs = x.ls, x.rs
		s0hi = int(x.head)
		if s0hi >= 0 && s0hi <= st.n {
			s0h2i = st.head(s0hi)
		}
		l1, l2, r1, r2 = int(x.l1), int(x.l2), int(x.r1), int(x.r2)
		s0vl, s0vr = uint64(x.nl), uint64(x.nr)
	}
	y := &st.w[n0i]
	n0l1, n0l2i := ai(int(y.l1)), ai(int(y.l2))
	l1, l2, r1, r2 = ai(l1), ai(l2), ai(r1), ai(r2)
	s0l, s0l2, s0r, s0r2 := at(atoms, l1), at(atoms, l2), at(atoms, r1), at(atoms, r2)
	n0l, n0l2 := at(atoms, n0l1), at(atoms, n0l2i)
	n0vl := uint64(y.nl)
	hasHead, s1IsHead, s0hdir := uint64(0), uint64(0), uint64(0)
	if s0hi >= 0 {
		hasHead = 1
		s0hdir = 1
		if s0hi > s0i {
			s0hdir = 2
		}
		if s0hi == s1i {
			s1IsHead = 1
		}
	}
	s0hi, s0h2i = ai(s0hi), ai(s0h2i)
	s0h, s0h2 := at(atoms, s0hi), at(atoms, s0h2i)
	*rs = roles{ai(s0i), ai(n0i), n1i, n2i, s0hi, l1, r1, n0l1, s0h2i, l2, r2, n0l2i}
	return append(feats,
		k3(fS0hpS0pN0p, s0h.p, s0.p, n0.p),
		k3(fS0pS0lpN0p, s0.p, s0l.p, n0.p),
		k3(fS0pS0rpN0p, s0.p, s0r.p, n0.p),
		k3(fS0pN0pN0lp, s0.p, n0.p, n0l.p),
		k2(fS0wvr, s0.w, s0vr),
		k2(fS0pvr, s0.p, s0vr),
		k2(fS0wvl, s0.w, s0vl),
		k2(fS0pvl, s0.p, s0vl),
		k2(fN0wvl, n0.w, n0vl),
		k2(fN0pvl, n0.p, n0vl),
		k3(fS0pS0lpS0l2p, s0.p, s0l.p, s0l2.p),
		k3(fS0pS0rpS0r2p, s0.p, s0r.p, s0r2.p),
		k3(fS0pS0hpS0h2p, s0.p, s0h.p, s0h2.p),
		k3(fN0pN0lpN0l2p, n0.p, n0l.p, n0l2.p),
		k3(fS1pS0pN0p, s1.p, s0.p, n0.p),
		k2(fS1wS0p, s1.w, s0.p),
		k3(fHeadS0pN0p, hasHead, s0.p, n0.p),
		k3(fS1uS0uN0u, s1.u, s0.u, n0.u),
		k3(fS1HeadS0, s1IsHead, s0.p, n0.p),
		k2(fDepthN0p, uint64(min(len(st.stack), 5)), n0.p),
		k3(fS0hdir, s0hdir, s0.p, n0.p),
		k2(fS0LeftSet, s0.p, uint64(s0ls)),
		k2(fS0RightSet, s0.p, uint64(s0rs)),
		k2(fN0LeftSet, n0.p, uint64(y.ls)),
	)
}

// pairFeatures appends the features of the stack top and the buffer front
// of the state (and of the words after the front, which the front fixes),
// whose atoms stateFeatures set in rs: they are the same for every state
// that has the two, so that a scorer may remember their scores.
func pairFeatures(feats []uint64, st *state, atoms []atom, rs *roles) []uint64 {
	k1, k2, k3, k4 := perceptron.Key1, perceptron.Key2, perceptron.Key3, perceptron.Key4
	s0, n0, n1, n2 := at(atoms, rs[rS0]), at(atoms, rs[rN0]), at(atoms, rs[rN1]), at(atoms, rs[rN2])
	var d, vb uint64
	if s0i := st.s0(); s0i >= 0 {
		d = distance(s0i, st.b)
		vb = uint64(min(n0.verbs-s0.verbs, 2))
	}
	return append(feats,
		k1(fBias, 0),
		k4(fS0wpN0wp, s0.w, s0.p, n0.w, n0.p),
		k3(fS0wpN0w, s0.w, s0.p, n0.w),
		k3(fS0wN0wp, s0.w, n0.w, n0.p),
		k3(fS0wpN0p, s0.w, s0.p, n0.p),
		k3(fS0pN0wp, s0.p, n0.w, n0.p),
		k2(fS0wN0w, s0.w, n0.w),
		k2(fS0pN0p, s0.p, n0.p),
		k2(fN0pN1p, n0.p, n1.p),
		k3(fN0pN1pN2p, n0.p, n1.p, n2.p),
		k3(fS0pN0pN1p, s0.p, n0.p, n1.p),
		k2(fS0wd, s0.w, d),
		k2(fS0pd, s0.p, d),
		k2(fN0wd, n0.w, d),
		k2(fN0pd, n0.p, d),
		k3(fS0wN0wd, s0.w, n0.w, d),
		k3(fS0pN0pd, s0.p, n0.p, d),
		k2(fN0wN1w, n0.w, n1.w),
		k3(fS0uN0uN1u, s0.u, n0.u, n1.u),
		k3(fS0wN0pN1p, s0.w, n0.p, n1.p),
		k3(fS0pN0wN1p, s0.p, n0.w, n1.p),
		k3(fS0pN0s, s0.p, n0.s, n0.p),
		k3(fPunctBetween, uint64(min(n0.punct-s0.punct, 3)), s0.p, n0.p),
		k2(fS0AmbN0Amb, s0.amb, n0.amb),
		k3(fS0pN0pAmb, s0.p, n0.p, n0.amb),
		k3(fVerbsBetween, vb, s0.p, n0.p),
	)
}
