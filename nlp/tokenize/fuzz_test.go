package tokenize

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzTokenize checks the invariants of checkOffsets on any input, and that
// the output stays bounded: at most three words per byte of text, and no
// sentence longer than the limit.
func FuzzTokenize(f *testing.F) {
	seeds, err := filepath.Glob("testdata/*.txt")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
	for _, s := range []string{"", " ", "don't", "U.S.", "a\xffb", "‘’", "http://", "x@y.z", ":-)", "'s", "..", "$$$", "No.", "its"} {
		f.Add(s)
	}
	splitter, err := DefaultSplitter()
	if err != nil {
		f.Fatal(err)
	}
	rules := New(Options{MaxSentenceWords: 50})
	learned := New(Options{MaxSentenceWords: 50, Splitter: splitter})
	f.Fuzz(func(t *testing.T, text string) {
		tok := rules
		if len(text)%2 == 1 {
			tok = learned
		}
		sents := tok.Tokenize(text)
		checkOffsets(t, text, sents)
		words := 0
		for _, s := range sents {
			if len(s.Tokens) > 50+3 {
				t.Fatalf("sentence of %d words, limit 50", len(s.Tokens))
			}
			words += len(s.Tokens)
		}
		if words > 3*len(text) {
			t.Fatalf("%d words from %d bytes", words, len(text))
		}
		if utf8.ValidString(text) {
			for _, s := range sents {
				for _, w := range s.Tokens {
					if !utf8.ValidString(w.Form) {
						t.Fatalf("word %q is not UTF-8 though the text is", w.Form)
					}
				}
			}
		}
	})
}
