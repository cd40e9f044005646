package dedup

import (
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func load(t testing.TB, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// The stories in testdata were written for these tests: an original wire
// story, a syndicated copy (new headline, dateline, reworded sentences,
// credit line, a cut paragraph end), a re-publication (new headline, a
// paragraph dropped, one added), and a later story about the same conflict
// and people that is a different event.
func TestGroups(t *testing.T) {
	typographic := strings.NewReplacer(`"`, "“", "-", "–", "  ", " ").Replace(load(t, "original"))
	tests := []struct {
		id, text string
		wantOf   string // "" for a new story
	}{
		{"orig", load(t, "original"), ""},
		{"related", load(t, "related"), ""},
		{"synd", load(t, "syndicated"), "orig"},
		{"repub", load(t, "republished"), "orig"},
		{"typo", typographic, "orig"},
		{"short1", "Fighting resumed near the capital.", ""},
		{"short2", "FIGHTING resumed near the capital!", "short1"},
		{"short3", "Fighting resumed near the border.", ""},
	}
	ix := New(Options{})
	for _, tt := range tests {
		m, ok := ix.Add(tt.id, tt.text)
		if m.Of != tt.wantOf || ok != (tt.wantOf != "") {
			t.Errorf("%s: grouped with %q (similarity %.2f), want %q", tt.id, m.Of, m.Similarity, tt.wantOf)
		}
	}
	if ix.Len() != len(tests) {
		t.Errorf("Len %d", ix.Len())
	}
}

// TestGroupRoot checks that a copy of a copy joins the first article's
// group, not the copy's.
func TestGroupRoot(t *testing.T) {
	ix := New(Options{})
	ix.Add("a", load(t, "original"))
	ix.Add("b", load(t, "syndicated"))
	m, ok := ix.Add("c", load(t, "syndicated")+"\n\nThis story has been corrected.")
	if !ok || m.Of != "a" {
		t.Errorf("copy of a copy grouped with %q", m.Of)
	}
}

// TestSimilarityEstimate checks the MinHash estimate against the exact
// Jaccard similarity of the shingle sets.
func TestSimilarityEstimate(t *testing.T) {
	ix := New(Options{})
	shingles := func(s string) map[string]bool {
		w := Words(s)
		set := map[string]bool{}
		for i := 0; i+5 <= len(w); i++ {
			set[strings.Join(w[i:i+5], " ")] = true
		}
		return set
	}
	for _, other := range []string{"syndicated", "republished", "related"} {
		a, b := shingles(load(t, "original")), shingles(load(t, other))
		inter := 0
		for s := range a {
			if b[s] {
				inter++
			}
		}
		exact := float64(inter) / float64(len(a)+len(b)-inter)
		est := similarity(ix.signature(Words(load(t, "original"))), ix.signature(Words(load(t, other))))
		if d := est - exact; d > 0.15 || d < -0.15 {
			t.Errorf("%s: estimate %.2f, exact %.2f", other, est, exact)
		}
	}
}

func ExampleIndex_Add() {
	ix := New(Options{})
	story := "Leaders of the two factions agreed on Tuesday to a ceasefire that will take effect at dawn on Thursday, ending three weeks of fighting around the provincial capital, after talks brokered by envoys of the regional council."
	ix.Add("a1", story)
	m, ok := ix.Add("b7", "MERIN (Wire) - "+story+" Reporting by L. Marsh.")
	fmt.Println(ok, m.Of)
	_, ok = ix.Add("c3", "Aid convoys reached the provincial capital on Saturday with food and medicine for the families who fled the fighting, the agencies said, and more are expected next week.")
	fmt.Println(ok)
	// Output:
	// true a1
	// false
}

func BenchmarkAdd(b *testing.B) {
	text := load(b, "original")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	ix := New(Options{})
	i := 0
	for b.Loop() {
		ix.Add(fmt.Sprint(i), text)
		i++
	}
}

// BenchmarkAddDistinct adds different stories, the common case: texts of
// 200 words drawn at random from the test stories' vocabulary.
func BenchmarkAddDistinct(b *testing.B) {
	vocab := Words(load(b, "original") + " " + load(b, "related"))
	rng := rand.New(rand.NewPCG(1, 2))
	b.ReportAllocs()
	ix := New(Options{})
	i := 0
	words := make([]string, 200)
	for b.Loop() {
		for k := range words {
			words[k] = vocab[rng.IntN(len(vocab))]
		}
		ix.Add(fmt.Sprint(i), strings.Join(words, " "))
		i++
	}
}

// TestManyCopies adds one story many times: every copy joins the first,
// and the index does not grow a bucket per copy.
func TestManyCopies(t *testing.T) {
	ix := New(Options{})
	text := load(t, "original")
	for i := range 500 {
		m, ok := ix.Add(fmt.Sprint(i), text+fmt.Sprintf(" Updated %d times.", i))
		if i > 0 && (!ok || m.Of != "0") {
			t.Fatalf("copy %d grouped with %q", i, m.Of)
		}
	}
	for _, band := range ix.cur.bands {
		for _, b := range band {
			if len(b) > maxBucket {
				t.Fatalf("bucket of %d entries", len(b))
			}
		}
	}
}

// TestWindow checks the bounded memory: a copy is found while its original
// is within the window, its story outlives the original's generation through
// the copy, and the index holds no more than Window articles.
func TestWindow(t *testing.T) {
	ix := New(Options{Window: 6})
	orig, other := load(t, "original"), load(t, "related")
	short := "Truce agreed in the north"
	steps := []struct {
		id, text, want string
	}{
		{"a", orig, ""},
		{"s", short, ""},
		{"b", other, ""},
		{"a2", orig, "a"},  // a is in the older generation
		{"s2", short, "s"}, // short texts match exactly, across generations too
		{"x", other + " One more line.", "b"},
		{"a3", orig, "a"}, // a is gone, but a2 carries its story
		{"y", "Something else altogether happened today in the capital city", ""},
		{"z", "And another story of no relation to any other article here", ""},
		{"w", "A third short story that only fills the window of the index", ""},
		{"v", "Rain is expected in the south on the weekend", ""},
		{"u", "Markets closed higher on Friday after a quiet week", ""},
		{"a4", orig, ""}, // the story has left the window
	}
	for _, st := range steps {
		m, ok := ix.Add(st.id, st.text)
		if m.Of != st.want || ok != (st.want != "") {
			t.Errorf("%s: grouped with %q (%v), want %q", st.id, m.Of, ok, st.want)
		}
		if ix.Len() > 6 {
			t.Errorf("%s: index holds %d articles", st.id, ix.Len())
		}
	}
}

// TestHashWords checks the inline FNV-1a against hash/fnv: each word's
// bytes, then a zero byte.
func TestHashWords(t *testing.T) {
	for _, words := range [][]string{nil, {""}, {"a"}, {"talks", "resumed", "in", "café", "zürich"}, {"", "x", ""}} {
		h := fnv.New64a()
		for _, w := range words {
			h.Write([]byte(w))
			h.Write([]byte{0})
		}
		if got, want := hashWords(words), h.Sum64(); got != want {
			t.Errorf("hashWords(%q) = %x, want %x", words, got, want)
		}
	}
}
