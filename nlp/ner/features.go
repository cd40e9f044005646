package ner

import (
	"unicode"
	"unicode/utf8"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// word holds the hashed values of one word that the templates combine,
// computed once per sentence.
type word struct {
	low, form, shape, upos uint64
	suf                    [4]uint64 // last 1..4 characters, lower-cased
	pre                    [3]uint64 // first 1..3 characters, lower-cased
	flags                  uint64
	gaz                    uint64 // gazetteer match: type, and whether the word begins it
}

const (
	flagUpper    = 1 << iota // has an upper-case letter
	flagAllUpper             // all its letters are upper case
	flagFirst                // first word of the sentence
	flagDigit
	flagCapsLine // every word of the sentence with letters is all upper case (wire headlines)
)

// pad is the number of padding words on each side of a sentence.
const pad = 2

var padWord = word{low: 1, form: 1, shape: 1, upos: 1, suf: [4]uint64{1, 1, 1, 1}, pre: [3]uint64{1, 1, 1}}

type scratch struct {
	upper  []string // upper-cased forms, for the gazetteer
	words  []word
	runes  []rune
	feats  []uint64
	scores []int32
	labels []int
}

// prepare fills sc.words for the tokens, padded on both sides.
func prepare(sc *scratch, toks []nlp.Token, gaz *gazetteer) {
	sc.words = append(sc.words[:0], padWord, padWord)
	caps := true
	for i := range toks {
		w := describe(sc, toks[i].Form)
		w.upos = perceptron.Hash(toks[i].UPOS)
		if i == 0 {
			w.flags |= flagFirst
		}
		if w.flags&flagUpper != 0 && w.flags&flagAllUpper == 0 {
			caps = false
		}
		sc.words = append(sc.words, w)
	}
	if caps && len(toks) > 3 {
		for i := range toks {
			sc.words[pad+i].flags |= flagCapsLine
		}
	}
	sc.words = append(sc.words, padWord, padWord)
	gaz.mark(sc, toks)
}

func describe(sc *scratch, form string) word {
	var w word
	w.form = perceptron.Hash(form)
	rs := sc.runes[:0]
	var shape [16]byte
	ns, upper, letters := 0, 0, 0
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
	return w
}

// Feature templates. The numbers are part of the model: renumbering them
// invalidates trained models.
const (
	tBias = iota
	tLow
	tForm
	tShape
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tUPOS
	tFlags
	tLowM1
	tLowP1
	tLowM2
	tLowP2
	tShapeM1
	tShapeP1
	tUPOSM1
	tUPOSP1
	tUPOSM1P1
	tLabM1
	tLabM2M1
	tLabM1Low
	tLabM1Shape
	tLabM1UPOS
	tLowM1Low
	tLowLowP1
	tShapeM1ShapeP1
	tFormM1
	tFormP1
	tUPOSShape
	tLabM1FormM1
	tGaz
	tGazM1
	tGazP1
	tGazShape
	tLabM1Gaz
)

// features appends the feature keys of word i given the labels chosen
// before it.
func features(fs []uint64, ws []word, i int, labels []int) []uint64 {
	k := i + pad
	w, m1, m2, p1, p2 := &ws[k], &ws[k-1], &ws[k-2], &ws[k+1], &ws[k+2]
	lab1, lab2 := uint64(0), uint64(0)
	if i > 0 {
		lab1 = uint64(labels[i-1] + 1)
	}
	if i > 1 {
		lab2 = uint64(labels[i-2] + 1)
	}
	fs = append(fs,
		perceptron.Key1(tBias, 0),
		perceptron.Key1(tLow, w.low),
		perceptron.Key1(tForm, w.form),
		perceptron.Key1(tShape, w.shape),
		perceptron.Key1(tSuf1, w.suf[0]),
		perceptron.Key1(tSuf2, w.suf[1]),
		perceptron.Key1(tSuf3, w.suf[2]),
		perceptron.Key1(tSuf4, w.suf[3]),
		perceptron.Key1(tPre1, w.pre[0]),
		perceptron.Key1(tPre2, w.pre[1]),
		perceptron.Key1(tPre3, w.pre[2]),
		perceptron.Key1(tUPOS, w.upos),
		perceptron.Key1(tFlags, w.flags),
		perceptron.Key1(tLowM1, m1.low),
		perceptron.Key1(tLowP1, p1.low),
		perceptron.Key1(tLowM2, m2.low),
		perceptron.Key1(tLowP2, p2.low),
		perceptron.Key1(tShapeM1, m1.shape),
		perceptron.Key1(tShapeP1, p1.shape),
		perceptron.Key1(tUPOSM1, m1.upos),
		perceptron.Key1(tUPOSP1, p1.upos),
		perceptron.Key2(tUPOSM1P1, m1.upos, p1.upos),
		perceptron.Key1(tLabM1, lab1),
		perceptron.Key2(tLabM2M1, lab2, lab1),
		perceptron.Key2(tLabM1Low, lab1, w.low),
		perceptron.Key2(tLabM1Shape, lab1, w.shape),
		perceptron.Key2(tLabM1UPOS, lab1, w.upos),
		perceptron.Key2(tLowM1Low, m1.low, w.low),
		perceptron.Key2(tLowLowP1, w.low, p1.low),
		perceptron.Key2(tShapeM1ShapeP1, m1.shape, p1.shape),
		perceptron.Key1(tFormM1, m1.form),
		perceptron.Key1(tFormP1, p1.form),
		perceptron.Key2(tUPOSShape, w.upos, w.shape),
		perceptron.Key2(tLabM1FormM1, lab1, m1.form),
		perceptron.Key1(tGaz, w.gaz),
		perceptron.Key2(tGazM1, m1.gaz, w.gaz),
		perceptron.Key2(tGazP1, w.gaz, p1.gaz),
		perceptron.Key2(tGazShape, w.gaz, w.shape),
		perceptron.Key2(tLabM1Gaz, lab1, w.gaz),
	)
	return fs
}
