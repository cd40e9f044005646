package readability

import "testing"

// FuzzCountString checks that counting a text whole, and adding its
// summary (textCounts, kept or not), give the counts of counting it rune by
// rune, from any state of the counters.
func FuzzCountString(f *testing.F) {
	for _, s := range []string{"", " a  b ", "\t\u00a0x,\u3000y\u060c z\xff,", "a,b, c\n\n", "  a long text, long enough to be kept  "} {
		f.Add(s, s, true, false)
	}
	f.Fuzz(func(t *testing.T, a, b string, space, seen bool) {
		var whole, byRune, summed charCounter
		whole.lastCharWasSpace, whole.seenNonSpace = space, seen
		byRune, summed = whole, whole
		var commasWhole, commasByRune, commasSummed commaCounter
		var ps Parser
		for _, s := range []string{a, b, a + b + a, b} {
			whole.CountString(s)
			commasWhole.CountString(s)
			for _, r := range s {
				byRune.Count(r)
				commasByRune.Count(r)
			}
			tc := ps.textCounts(s)
			summed.add(tc)
			commasSummed.Total += tc.commas
		}
		if whole != byRune || commasWhole != commasByRune {
			t.Fatalf("%q %q: CountString %+v %+v, Count %+v %+v", a, b, whole, commasWhole, byRune, commasByRune)
		}
		if summed != byRune || commasSummed != commasByRune {
			t.Fatalf("%q %q: textCounts %+v %+v, Count %+v %+v", a, b, summed, commasSummed, byRune, commasByRune)
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
