package ner

import (
	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
	"dyad/nlp/internal/wordform"
)

// word holds the hashed values of one word that the templates combine,
// computed once per sentence.
type word struct {
	wordform.Word
	upos uint64
	gaz  uint64 // gazetteer match: type, and whether the word begins it
}

const (
	flagFirst    = wordform.First << iota // first word of the sentence
	flagCapsLine                          // every word of the sentence with letters is all upper case (wire headlines)
)

// pad is the number of padding words on each side of a sentence.
const pad = 2

var padWord = word{Word: wordform.Pad, upos: 1}

type scratch struct {
	upper  []string // upper-cased forms, for the gazetteer
	phrase []byte   // the gazetteer's candidate phrase, ends[l-1] bytes for l words
	ends   []int
	words  []word
	runes  []rune
	feats  []uint64
	scores []int32
	labels []int
	memo   perceptron.Memo // the sums of words' own features
}

// prepare fills sc.words for the tokens, padded on both sides.
func prepare(sc *scratch, toks []nlp.Token, gaz *gazetteer) {
	sc.words = append(sc.words[:0], padWord, padWord)
	caps := true
	for i := range toks {
		var w word
		w.Word, sc.runes = wordform.Describe(toks[i].Form, sc.runes)
		w.upos = perceptron.Hash(toks[i].UPOS)
		if i == 0 {
			w.Flags |= flagFirst
		}
		if w.Flags&wordform.Upper != 0 && w.Flags&wordform.AllUpper == 0 {
			caps = false
		}
		sc.words = append(sc.words, w)
	}
	if caps && len(toks) > 3 {
		for i := range toks {
			sc.words[pad+i].Flags |= flagCapsLine
		}
	}
	sc.words = append(sc.words, padWord, padWord)
	gaz.mark(sc, toks)
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
// before it: the word's own (ownFeatures), then those of its context.
func features(fs []uint64, ws []word, i int, labels []int) []uint64 {
	return contextFeatures(ownFeatures(fs, &ws[i+pad]), ws, i, labels)
}

// ownFeatures appends the feature keys of word w alone, which depend on
// its form, its UPOS and its flags (see Recognizer.label).
func ownFeatures(fs []uint64, w *word) []uint64 {
	return append(fs,
		perceptron.Key1(tBias, 0),
		perceptron.Key1(tLow, w.Low),
		perceptron.Key1(tForm, w.Form),
		perceptron.Key1(tShape, w.Shape),
		perceptron.Key1(tSuf1, w.Suf[0]),
		perceptron.Key1(tSuf2, w.Suf[1]),
		perceptron.Key1(tSuf3, w.Suf[2]),
		perceptron.Key1(tSuf4, w.Suf[3]),
		perceptron.Key1(tPre1, w.Pre[0]),
		perceptron.Key1(tPre2, w.Pre[1]),
		perceptron.Key1(tPre3, w.Pre[2]),
		perceptron.Key1(tUPOS, w.upos),
		perceptron.Key1(tFlags, w.Flags),
		perceptron.Key2(tUPOSShape, w.upos, w.Shape),
	)
}

// contextFeatures appends the feature keys of word i that depend on its
// neighbours, the gazetteer or the labels chosen before it.
func contextFeatures(fs []uint64, ws []word, i int, labels []int) []uint64 {
	k := i + pad
	w, m1, m2, p1, p2 := &ws[k], &ws[k-1], &ws[k-2], &ws[k+1], &ws[k+2]
	lab1, lab2 := uint64(0), uint64(0)
	if i > 0 {
		lab1 = uint64(labels[i-1] + 1)
	}
	if i > 1 {
		lab2 = uint64(labels[i-2] + 1)
	}
	return append(fs,
		perceptron.Key1(tLowM1, m1.Low),
		perceptron.Key1(tLowP1, p1.Low),
		perceptron.Key1(tLowM2, m2.Low),
		perceptron.Key1(tLowP2, p2.Low),
		perceptron.Key1(tShapeM1, m1.Shape),
		perceptron.Key1(tShapeP1, p1.Shape),
		perceptron.Key1(tUPOSM1, m1.upos),
		perceptron.Key1(tUPOSP1, p1.upos),
		perceptron.Key2(tUPOSM1P1, m1.upos, p1.upos),
		perceptron.Key1(tLabM1, lab1),
		perceptron.Key2(tLabM2M1, lab2, lab1),
		perceptron.Key2(tLabM1Low, lab1, w.Low),
		perceptron.Key2(tLabM1Shape, lab1, w.Shape),
		perceptron.Key2(tLabM1UPOS, lab1, w.upos),
		perceptron.Key2(tLowM1Low, m1.Low, w.Low),
		perceptron.Key2(tLowLowP1, w.Low, p1.Low),
		perceptron.Key2(tShapeM1ShapeP1, m1.Shape, p1.Shape),
		perceptron.Key1(tFormM1, m1.Form),
		perceptron.Key1(tFormP1, p1.Form),
		perceptron.Key2(tLabM1FormM1, lab1, m1.Form),
		perceptron.Key1(tGaz, w.gaz),
		perceptron.Key2(tGazM1, m1.gaz, w.gaz),
		perceptron.Key2(tGazP1, w.gaz, p1.gaz),
		perceptron.Key2(tGazShape, w.gaz, w.Shape),
		perceptron.Key2(tLabM1Gaz, lab1, w.gaz),
	)
}
