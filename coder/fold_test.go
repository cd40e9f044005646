package coder

import (
	"strings"
	"testing"
)

// FuzzASCIIEqualFold checks that newSent may take a word's upper-case
// form for its lemma's when asciiEqualFold says they are equal but for
// case.
func FuzzASCIIEqualFold(f *testing.F) {
	for _, p := range [][2]string{{"said", "Said"}, {"Iraq", "iraq"}, {"K", "\u212a"}, {"was", "be"}, {"", ""}} {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		// The upper cases themselves, not strings.EqualFold: the
		// Kelvin sign folds to k but is its own upper case.
		ua, ub := strings.ToUpper(a), strings.ToUpper(b)
		if asciiEqualFold(a, b) && ua != ub {
			t.Errorf("asciiEqualFold(%q, %q) but their upper cases differ", a, b)
		}
	})
}
