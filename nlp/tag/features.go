package tag

import (
	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
	"dyad/nlp/internal/wordform"
)

// word holds the hashed values of one word that the feature templates
// combine, computed once per sentence.
type word struct {
	wordform.Word
	amb uint64 // ambiguity class: the tags seen with the word in training
}

const flagFirst = wordform.First // first word of the sentence

// pad is the number of padding words on each side of a sentence.
const pad = 2

// padWord is the value of padding words.
var padWord = word{Word: wordform.Pad, amb: 1}

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
	alts    []int             // runner-up class of each word in the last pass, or -1
	static  []uint64          // staticFeatures of every word, nStatic each
	memos   []perceptron.Memo // the sums of words' own features, for each pass
}

// nOwn is the number of a word's own features, at the start of its
// staticFeatures.
const nOwn = 16

// nStatic is the number of features staticFeatures appends.
var nStatic = len(staticFeatures(nil, make([]word, 2*pad+1), 0))

// prepare fills sc.words for the tokens, with padding on both sides.
func (t *Tagger) prepare(sc *scratch, toks []nlp.Token, dict map[uint64]uint64) {
	sc.words = sc.words[:0]
	sc.words = append(sc.words, padWord, padWord)
	for i := range toks {
		w := describe(sc, toks[i].Form, dict)
		if i == 0 {
			w.Flags |= flagFirst
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
	w.Word, sc.runes = wordform.Describe(form, sc.runes)
	w.amb = dict[w.Low]
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
// same in every pass and are computed once. The first nOwn are the word's
// own, which depend on its form and on whether it begins the sentence
// alone (see Tagger.tag).
func staticFeatures(feats []uint64, ws []word, i int) []uint64 {
	w := &ws[i+pad]
	m1, m2 := &ws[i+pad-1], &ws[i+pad-2]
	p1, p2 := &ws[i+pad+1], &ws[i+pad+2]
	k1, k2, k3 := perceptron.Key1, perceptron.Key2, perceptron.Key3
	return append(feats,
		// The word's own.
		k1(tBias, 0),
		k1(tLow, w.Low),
		k1(tForm, w.Form),
		k1(tSuf1, w.Suf[0]),
		k1(tSuf2, w.Suf[1]),
		k1(tSuf3, w.Suf[2]),
		k1(tSuf4, w.Suf[3]),
		k1(tSuf5, w.Suf[4]),
		k1(tPre1, w.Pre[0]),
		k1(tPre2, w.Pre[1]),
		k1(tPre3, w.Pre[2]),
		k1(tPre4, w.Pre[3]),
		k1(tShape, w.Shape),
		k1(tAmb, w.amb),
		k2(tFlags, w.Flags, w.Shape),
		k2(tShapeAmb, w.Shape, w.amb),
		// Its neighbours'.
		k1(tLowM1, m1.Low),
		k1(tLowP1, p1.Low),
		k1(tLowM2, m2.Low),
		k1(tLowP2, p2.Low),
		k1(tSufM1, m1.Suf[2]),
		k1(tSufP1, p1.Suf[2]),
		k1(tAmbP1, p1.amb),
		k1(tAmbP2, p2.amb),
		k2(tLowM1Low, m1.Low, w.Low),
		k2(tLowLowP1, w.Low, p1.Low),
		k2(tAmbP1Amb, p1.amb, w.amb),
		k1(tShapeP1, p1.Shape),
		k2(tShapeM1Shape, m1.Shape, w.Shape),
		k2(tLowAmbP1, w.Low, p1.amb),
		k1(tAmbM1, m1.amb),
		k2(tAmbM1Amb, m1.amb, w.amb),
		k3(tLowM1AmbP1, m1.Low, w.Low, p1.amb),
		k2(tLowP1P2, p1.Low, p2.Low),
		k1(tSufP2, p2.Suf[2]),
		k2(tShapeM2P2, m2.Shape, p2.Shape),
		k2(tSufM1Suf, m1.Suf[1], w.Suf[1]),
		k1(tAmbM2, m2.amb),
		k2(tLowM2M1, m2.Low, m1.Low),
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
			k2(tLowTagP1, w.Low, r1),
			k2(tTagP1Amb, r1, w.amb),
			k2(tTagPrev, uint64(prev[i]+1), w.amb),
		)
	}
	return append(feats,
		k2(tVerbs, verbs, w.amb),
		k3(tVerbsSuf, verbs, w.Suf[1], t1),
		k1(tTagM1, t1),
		k2(tTagM2M1, t2, t1),
		k2(tTagM1Low, t1, w.Low),
		k2(tTagM1Amb, t1, w.amb),
		k2(tTagM1Suf, t1, w.Suf[2]),
		k2(tTagM1LowP1, t1, p1.Low),
		k2(tTagM1AmbP1, t1, p1.amb),
	)
}
