package geo

import "testing"

// TestFoldASCII checks Fold's fast path for ASCII words against its
// general one.
func TestFoldASCII(t *testing.T) {
	for _, w := range []string{"", "paris", "Paris", "NEW", "B52", "2024", "al-Qaeda", "O'Brien", "São", "New York", "Kyiv.", "-", "ABC-", "x_y", "Zürich", "a\tb", " St. Louis ", "--a--", "a - b", "x'y'", "N.Y.", "Guinea-Bissau", "’s"} {
		if got, want := Fold(w), foldRunes(w); got != want {
			t.Errorf("Fold(%q) = %q, want %q", w, got, want)
		}
	}
}

// FuzzFold checks Fold's fast path against its general one.
func FuzzFold(f *testing.F) {
	for _, w := range []string{"Paris", "paris", "al-Qaeda", "B52"} {
		f.Add(w)
	}
	f.Fuzz(func(t *testing.T, w string) {
		if got, want := Fold(w), foldRunes(w); got != want {
			t.Errorf("Fold(%q) = %q, want %q", w, got, want)
		}
	})
}
