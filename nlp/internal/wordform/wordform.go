// Package wordform computes the hashed spelling of a word that Dyad's
// tagger and named-entity recogniser both learn from: its forms, its
// character shape, its affixes and a few flags.
package wordform

import (
	"unicode"
	"unicode/utf8"

	"dyad/nlp/internal/perceptron"
)

// Word holds the hashed values of one word.
type Word struct {
	Low   uint64    // lower-cased form
	Form  uint64    // form as written
	Shape uint64    // character classes, runs collapsed: "Xx", "d.d", "x-x"
	Suf   [5]uint64 // last 1..5 characters, lower-cased (Low when the word is shorter)
	Pre   [4]uint64 // first 1..4 characters, lower-cased (likewise)
	Flags uint64
}

// Flags. Their values are part of the models that hash them: changing one
// invalidates trained models. Callers may add their own from First on.
const (
	Digit    = 1 << iota // has a digit
	Hyphen               // has a hyphen
	Upper                // has an upper-case letter
	AllUpper             // all its letters are upper case
	First                // the first flag left to callers
)

// Pad is the value of every field of a padding word, before or after a
// sentence.
var Pad = Word{Low: 1, Form: 1, Shape: 1, Suf: [5]uint64{1, 1, 1, 1, 1}, Pre: [4]uint64{1, 1, 1, 1}}

// Describe returns the values of a word. runes is scratch space, returned
// for the next call.
func Describe(form string, runes []rune) (Word, []rune) {
	var w Word
	w.Form = perceptron.Hash(form)
	rs := runes[:0]
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
			w.Flags |= Digit
		case r < utf8.RuneSelf:
			c = byte(r)
			if r == '-' {
				w.Flags |= Hyphen
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
	if upper > 0 {
		w.Flags |= Upper
		if upper == letters {
			w.Flags |= AllUpper
		}
	}
	w.Shape = perceptron.Hash(shape[:ns])
	w.Low = perceptron.HashRunes(rs)
	for k := range w.Suf {
		if k < len(rs) {
			w.Suf[k] = perceptron.HashRunes(rs[len(rs)-k-1:])
		} else {
			w.Suf[k] = w.Low
		}
	}
	for k := range w.Pre {
		if k < len(rs) {
			w.Pre[k] = perceptron.HashRunes(rs[:k+1])
		} else {
			w.Pre[k] = w.Low
		}
	}
	return w, rs
}
