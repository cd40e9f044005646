package perceptron

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// toy is a learnable problem: the class of an instance is the sum of its
// features' "votes", some features always voting for one class.
type toy struct {
	feats [][]uint64
	class []int
}

func newToy(n, classes int, seed uint64) toy {
	rng := rand.New(rand.NewPCG(seed, 1))
	var t toy
	for range n {
		c := rng.IntN(classes)
		f := []uint64{Key1(1, uint64(c)), Key1(2, uint64(rng.IntN(50)))}
		t.feats = append(t.feats, f)
		t.class = append(t.class, c)
	}
	return t
}

func train(t toy, classes int) *Trainer {
	tr := NewTrainer(classes)
	scores := make([]float32, classes)
	for range 20 {
		for i, f := range t.feats {
			tr.Score(f, scores)
			tr.Update(f, t.class[i], Best(scores, nil))
			tr.Tick()
		}
	}
	return tr
}

func accuracy(m *Model, t toy) float64 {
	scores := make([]int32, m.Classes())
	good := 0
	for i, f := range t.feats {
		m.Score(f, scores)
		if Best(scores, nil) == t.class[i] {
			good++
		}
	}
	return float64(good) / float64(len(t.feats))
}

func TestLearns(t *testing.T) {
	for _, classes := range []int{2, 4, 7, 40} {
		data := newToy(500, classes, uint64(classes))
		m := train(data, classes).Average(0.01)
		if acc := accuracy(m, data); acc < 0.99 {
			t.Errorf("%d classes: accuracy %.2f on a separable problem", classes, acc)
		}
	}
}

// The dense tables (models of up to four classes), the sparse ones with
// rows in the slot or outside it, and the cache must all give the scores
// of the rows themselves.
func TestScoreMatchesRows(t *testing.T) {
	for _, classes := range []int{1, 3, 4, 5, 60} {
		tr := NewTrainer(classes)
		rng := rand.New(rand.NewPCG(7, uint64(classes)))
		var keys []uint64
		for i := range 3000 {
			k := Key1(9, uint64(i))
			keys = append(keys, k)
			for range 1 + rng.IntN(2*classes) {
				tr.Add([]uint64{k}, rng.IntN(classes), float32(rng.IntN(9)-4))
			}
		}
		m := tr.Average(1)
		want := make([]int32, classes)
		got := make([]int32, classes)
		var cache Cache
		for i := range 200 {
			feats := []uint64{keys[rng.IntN(len(keys))], keys[rng.IntN(len(keys))], Key1(10, uint64(i))}
			clear(want)
			for _, f := range feats {
				if r, ok := slices.BinarySearch(m.keys, f); ok {
					for _, e := range m.row(r) {
						want[e>>16] += int32(int16(uint16(e)))
					}
				}
			}
			m.Score(feats, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes: Score = %v, want %v", classes, got, want)
			}
			if classes <= 4 {
				for range 2 { // a miss, then a hit
					m.ScoreCached(feats, got, &cache)
					if !slices.Equal(got, want) {
						t.Fatalf("%d classes: ScoreCached = %v, want %v", classes, got, want)
					}
				}
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	data := newToy(300, 5, 3)
	m := train(data, 5).Average(1)
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	w.Strings([]string{"a", "", "ü"})
	w.Int(-5)
	w.Float(0.25)
	w.Model(m)
	if _, err := w.Close(); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(bytes.NewReader(buf.Bytes()), "test-1")
	if err != nil {
		t.Fatal(err)
	}
	ss, i, f, m2 := r.Strings(), r.Int(), r.Float(), r.Model()
	if err := r.Err(); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(ss, []string{"a", "", "ü"}) || i != -5 || f != 0.25 {
		t.Errorf("read %q %d %v", ss, i, f)
	}
	if !slices.Equal(m2.keys, m.keys) || !slices.Equal(m2.data, m.data) {
		t.Error("model changed in the round trip")
	}
	if _, err := NewReader(bytes.NewReader(buf.Bytes()), "other-1"); err == nil {
		t.Error("a model of another kind was accepted")
	}
}

func TestReadBadInput(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	w.Model(train(newToy(100, 3, 1), 3).Average(1))
	w.Close()
	good := buf.Bytes()
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not gzip", []byte("hello")},
		{"truncated", good[:len(good)/2]},
		{"huge count", gzipped(func(w *Writer) { w.Uint(3); w.Float(1); w.Uint(1 << 40) })},
		{"bad class", gzipped(func(w *Writer) {
			w.Uint(3)
			w.Float(1)
			w.Uint(1)
			w.Uint(5)
			w.Uint(1)
			w.Uint(7)
			w.Int(1)
		})},
		{"zero weight", gzipped(func(w *Writer) {
			w.Uint(3)
			w.Float(1)
			w.Uint(1)
			w.Uint(5)
			w.Uint(1)
			w.Uint(1)
			w.Int(0)
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(bytes.NewReader(tt.data), "test-1")
			if err != nil {
				return
			}
			if m := r.Model(); m != nil || r.Err() == nil {
				t.Errorf("read a model from bad input")
			}
		})
	}
}

func gzipped(body func(*Writer)) []byte {
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	body(w)
	w.Close()
	return buf.Bytes()
}

func FuzzReader(f *testing.F) {
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	w.Strings([]string{"x"})
	w.Model(train(newToy(50, 3, 2), 3).Average(1))
	w.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data), "test-1")
		if err != nil {
			return
		}
		// Bad input must give an error, never a panic or a huge allocation.
		r.Strings()
		if m := r.Model(); m != nil {
			m.Score([]uint64{1, 2, 3}, make([]int32, m.Classes()))
		}
	})
}

func TestSumAndPrune(t *testing.T) {
	data := newToy(300, 4, 5)
	a, b := train(data, 4).Average(1), train(newToy(300, 4, 6), 4).Average(1)
	s := Sum(a, b)
	scores, sa, sb := make([]int32, 4), make([]int32, 4), make([]int32, 4)
	for _, f := range data.feats {
		s.Score(f, scores)
		a.Score(f, sa)
		b.Score(f, sb)
		for c := range scores {
			if scores[c] != sa[c]+sb[c] {
				t.Fatalf("sum scores %v, want %v + %v", scores, sa, sb)
			}
		}
	}
	p := s.Prune(1 << 14)
	if p.Features() != 0 {
		t.Errorf("pruning at a huge weight kept %d rows", p.Features())
	}
	if q := s.Prune(1); q.Features() != s.Features() {
		t.Errorf("pruning below 1 dropped rows: %d of %d", q.Features(), s.Features())
	}
}

// Templates over small integers (tags, distances, counts) must not share
// keys.
func TestKeysDistinct(t *testing.T) {
	seen := map[uint64][3]uint64{}
	for tmpl := range uint64(128) {
		for a := range uint64(64) {
			for b := range uint64(8) {
				k := Key2(tmpl, a, b)
				if prev, dup := seen[k]; dup {
					t.Fatalf("Key2(%d, %d, %d) = Key2%v", tmpl, a, b, prev)
				}
				seen[k] = [3]uint64{tmpl, a, b}
			}
		}
	}
}

func TestMargin(t *testing.T) {
	for _, tc := range []struct {
		scores       []int32
		best, second int
		margin       int32
		infinitely   bool
	}{
		{scores: []int32{3, 9, 4}, best: 1, second: 2, margin: 5},
		{scores: []int32{9, 3, 4}, best: 0, second: 2, margin: 5},
		{scores: []int32{1, 2, 8}, best: 2, second: 1, margin: 6},
		{scores: []int32{-5, -2, -7}, best: 1, second: 0, margin: 3},
		{scores: []int32{4, 4, 1}, best: 0, second: 1, margin: 0},
		{scores: []int32{1, 6, 6}, best: 1, second: 2, margin: 0},
		{scores: []int32{7}, best: 0, second: -1, infinitely: true},
	} {
		best, margin := Margin(tc.scores)
		if best != tc.best || (!tc.infinitely && margin != tc.margin) || (tc.infinitely && margin != math.MaxInt32) {
			t.Errorf("Margin(%v) = %d, %d; want %d, %d", tc.scores, best, margin, tc.best, tc.margin)
		}
		if b, s, m := Top2(tc.scores); b != tc.best || s != tc.second || m != margin {
			t.Errorf("Top2(%v) = %d, %d, %d; want %d, %d, %d", tc.scores, b, s, m, tc.best, tc.second, margin)
		}
		if b := Best(tc.scores, nil); b != best {
			t.Errorf("Margin(%v) chose %d, Best %d", tc.scores, best, b)
		}
	}
}

func TestIntScore(t *testing.T) {
	tr := NewTrainer(2)
	tr.Update([]uint64{Key1(1, 1)}, 0, 1)
	m := tr.Average(0.5)
	for _, tc := range []struct {
		x    float64
		want int32
	}{{80, 160}, {80.2, 161}, {0, 0}, {1e300, math.MaxInt32}} {
		if got := m.IntScore(tc.x); got != tc.want {
			t.Errorf("IntScore(%g) with scale %g = %d, want %d", tc.x, m.Scale(), got, tc.want)
		}
	}
}
