package tag

import (
	"unicode"
	"unicode/utf8"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// word holds the hashed values of one word that the feature templates
// combine, computed once per sentence.
type word struct {
	low   uint64    // lower-cased form
	form  uint64    // form as written
	shape uint64    // character classes, runs collapsed: "Xx", "d.d", "x-x"
	amb   uint64    // ambiguity class: the tags seen with the word in training
	suf   [5]uint64 // last 1..5 characters, lower-cased
	pre   [4]uint64 // first 1..4 characters, lower-cased
	flags uint64
}

const (
	flagDigit = 1 << iota
	flagHyphen
	flagUpper
	flagAllUpper
	flagFirst // first word of the sentence
)

// pad is the number of padding words on each side of a sentence.
const pad = 2

// Values of padding words and of a tag before the sentence.
var (
	padWord = word{low: 1, form: 1, shape: 1, amb: 1, suf: [5]uint64{1, 1, 1, 1, 1}, pre: [4]uint64{1, 1, 1, 1}}
)

// noTag is the tag value before the start of the sentence; class c has
// value c+1.
const noTag = 0

// scratch is the per-call working memory of a Tagger.
type scratch struct {
	words  []word
	runes  []rune
	feats  []uint64
	scores []int32
	tags   []int
	prev   []int // classes of the previous pass
	// margins holds, for each word, by how much the last pass that
	// scored it preferred its class.
	margins []int32
	alts    []int    // runner-up class of each word in the last pass, or -1
	static  []uint64 // staticFeatures of every word, nStatic each
}

// nStatic is the number of features staticFeatures appends.
var nStatic = len(staticFeatures(nil, make([]word, 2*pad+1), 0))

// prepare fills sc.words for the tokens, with padding on both sides.
func (t *Tagger) prepare(sc *scratch, toks []nlp.Token, dict map[uint64]uint64) {
	sc.words = sc.words[:0]
	sc.words = append(sc.words, padWord, padWord)
	for i := range toks {
		w := describe(sc, toks[i].Form, dict)
		if i == 0 {
			w.flags |= flagFirst
		}
		sc.words = append(sc.words, w)
	}
	sc.words = append(sc.words, padWord, padWord)
	sc.static = sc.static[:0]
	for i := range toks {
		sc.static = staticFeatures(sc.static, sc.words, i)
	}
}

// describe computes the values of one word.
func describe(sc *scratch, form string, dict map[uint64]uint64) word {
	var w word
	w.form = perceptron.Hash(form)
	rs := sc.runes[:0]
	var shape [32]byte
	ns := 0
	upper, letters := 0, 0
	var last byte
	for _, r := range form {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			upper++
			letters++
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			w.flags |= flagDigit
		case r < utf8.RuneSelf:
			c = byte(r)
			if r == '-' {
				w.flags |= flagHyphen
			}
		default:
			c = '*'
		}
		if c != last && ns < len(shape) {
			shape[ns] = c
			ns++
		}
		last = c
		rs = append(rs, unicode.ToLower(r))
	}
	sc.runes = rs
	if upper > 0 {
		w.flags |= flagUpper
		if upper == letters {
			w.flags |= flagAllUpper
		}
	}
	w.shape = perceptron.Hash(shape[:ns])
	w.low = perceptron.HashRunes(rs)
	for k := range w.suf {
		if k < len(rs) {
			w.suf[k] = perceptron.HashRunes(rs[len(rs)-k-1:])
		} else {
			w.suf[k] = w.low
		}
	}
	for k := range w.pre {
		if k < len(rs) {
			w.pre[k] = perceptron.HashRunes(rs[:k+1])
		} else {
			w.pre[k] = w.low
		}
	}
	w.amb = dict[w.low]
	return w
}

// Feature templates. The numbers are part of the model: renumbering them
// invalidates trained models.
const (
	tBias = iota
	tLow
	tForm
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tShape
	tLowM1
	tLowP1
	tLowM2
	tLowP2
	tTagM1
	tTagM2M1
	tTagM1Low
	tSufM1
	tSufP1
	tAmb
	tAmbP1
	tAmbP2
	tTagM1Amb
	tLowM1Low
	tLowLowP1
	tAmbP1Amb
	tShapeP1
	tShapeM1Shape
	tFlags
	tTagM1Suf
	tLowAmbP1
	tAmbM1
	tShapeAmb
	tTagM1LowP1
	tTagM1AmbP1
	tAmbM1Amb
	tSuf5
	tPre4
	tLowM1AmbP1
	tTagP1
	tTagP1P2
	tTagM1P1
	tLowTagP1
	tTagP1Amb
	tTagPrev
	tLowP1P2
	tSufP2
	tShapeM2P2
	tSufM1Suf
	tAmbM2
	tLowM2M1
	tVerbs
	tVerbsSuf
)

// staticFeatures appends to feats the features of word i (0-based,
// without padding) that do not depend on the classes chosen: they are the
// same in every pass and are computed once.
func staticFeatures(feats []uint64, ws []word, i int) []uint64 {
	w := &ws[i+pad]
	m1, m2 := &ws[i+pad-1], &ws[i+pad-2]
	p1, p2 := &ws[i+pad+1], &ws[i+pad+2]
	k1, k2, k3 := perceptron.Key1, perceptron.Key2, perceptron.Key3
	return append(feats,
		k1(tBias, 0),
		k1(tLow, w.low),
		k1(tForm, w.form),
		k1(tSuf1, w.suf[0]),
		k1(tSuf2, w.suf[1]),
		k1(tSuf3, w.suf[2]),
		k1(tSuf4, w.suf[3]),
		k1(tPre1, w.pre[0]),
		k1(tPre2, w.pre[1]),
		k1(tPre3, w.pre[2]),
		k1(tShape, w.shape),
		k1(tLowM1, m1.low),
		k1(tLowP1, p1.low),
		k1(tLowM2, m2.low),
		k1(tLowP2, p2.low),
		k1(tSufM1, m1.suf[2]),
		k1(tSufP1, p1.suf[2]),
		k1(tAmb, w.amb),
		k1(tAmbP1, p1.amb),
		k1(tAmbP2, p2.amb),
		k2(tLowM1Low, m1.low, w.low),
		k2(tLowLowP1, w.low, p1.low),
		k2(tAmbP1Amb, p1.amb, w.amb),
		k1(tShapeP1, p1.shape),
		k2(tShapeM1Shape, m1.shape, w.shape),
		k2(tFlags, w.flags, w.shape),
		k2(tLowAmbP1, w.low, p1.amb),
		k1(tAmbM1, m1.amb),
		k2(tShapeAmb, w.shape, w.amb),
		k2(tAmbM1Amb, m1.amb, w.amb),
		k1(tSuf5, w.suf[4]),
		k1(tPre4, w.pre[3]),
		k3(tLowM1AmbP1, m1.low, w.low, p1.amb),
		k2(tLowP1P2, p1.low, p2.low),
		k1(tSufP2, p2.suf[2]),
		k2(tShapeM2P2, m2.shape, p2.shape),
		k2(tSufM1Suf, m1.suf[1], w.suf[1]),
		k1(tAmbM2, m2.amb),
		k2(tLowM2M1, m2.low, m1.low),
	)
}

// features appends to feats the features of word i that depend on the
// classes already chosen for the words before it and, if prev is not nil,
// on the classes an earlier pass chose for all words.
func features(feats []uint64, ws []word, i int, tags, prev []int, finite []bool) []uint64 {
	w := &ws[i+pad]
	// A clause has one finite verb: whether one was tagged before (and, in
	// later passes, after) tells a past tense from a participle ("fighters
	// clashed in Baghdad" against "fighters who were trained in Iraq").
	verbs := uint64(0)
	for _, c := range tags[:i] {
		if finite[c] {
			verbs = 1
			break
		}
	}
	p1 := &ws[i+pad+1]
	t1, t2 := uint64(noTag), uint64(noTag)
	if i >= 1 {
		t1 = uint64(tags[i-1] + 1)
	}
	if i >= 2 {
		t2 = uint64(tags[i-2] + 1)
	}
	k1, k2, k3 := perceptron.Key1, perceptron.Key2, perceptron.Key3
	if prev != nil {
		r1, r2 := uint64(noTag), uint64(noTag)
		if i+1 < len(prev) {
			r1 = uint64(prev[i+1] + 1)
		}
		if i+2 < len(prev) {
			r2 = uint64(prev[i+2] + 1)
		}
		for _, c := range prev[i+1:] {
			if finite[c] {
				verbs |= 2
				break
			}
		}
		feats = append(feats,
			k1(tTagP1, r1),
			k2(tTagP1P2, r1, r2),
			k2(tTagM1P1, t1, r1),
			k2(tLowTagP1, w.low, r1),
			k2(tTagP1Amb, r1, w.amb),
			k2(tTagPrev, uint64(prev[i]+1), w.amb),
		)
	}
	return append(feats,
		k2(tVerbs, verbs, w.amb),
		k3(tVerbsSuf, verbs, w.suf[1], t1),
		k1(tTagM1, t1),
		k2(tTagM2M1, t2, t1),
		k2(tTagM1Low, t1, w.low),
		k2(tTagM1Amb, t1, w.amb),
		k2(tTagM1Suf, t1, w.suf[2]),
		k2(tTagM1LowP1, t1, p1.low),
		k2(tTagM1AmbP1, t1, p1.amb),
	)
}
