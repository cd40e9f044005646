package readability

import "testing"

// FuzzCountString checks that counting a text whole gives the counts of
// counting it rune by rune, from any state of the counters.
func FuzzCountString(f *testing.F) {
	for _, s := range []string{"", " a  b ", "\t\u00a0x,\u3000y\u060c z\xff,", "a,b, c\n\n"} {
		f.Add(s, s, true, false)
	}
	f.Fuzz(func(t *testing.T, a, b string, space, seen bool) {
		var whole, byRune charCounter
		whole.lastCharWasSpace, whole.seenNonSpace = space, seen
		byRune = whole
		var commasWhole, commasByRune commaCounter
		for _, s := range []string{a, b} {
			whole.CountString(s)
			commasWhole.CountString(s)
			for _, r := range s {
				byRune.Count(r)
				commasByRune.Count(r)
			}
		}
		if whole != byRune || commasWhole != commasByRune {
			t.Fatalf("%q %q: CountString %+v %+v, Count %+v %+v", a, b, whole, commasWhole, byRune, commasByRune)
		}
	})
}

// FuzzMayShare checks that mayShare passes every string rxShareElements
// matches.
func FuzzMayShare(f *testing.F) {
	for _, s := range []string{"share-bar", "SHARE_top", "ſhare", "sharedaddy x", "shore", "post-hare"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if rxShareElements.MatchString(s) && !mayShare(s) {
			t.Fatalf("%q matches rxShareElements but not mayShare", s)
		}
	})
}
