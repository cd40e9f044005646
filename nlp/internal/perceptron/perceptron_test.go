package perceptron

import (
	"bytes"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unsafe"
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
				var filled Cache
				m.Fill(feats, &filled)
				for _, f := range feats {
					if filled.e[f&(cacheSize-1)].key != f {
						t.Fatalf("%d classes: Fill left out %x", classes, f)
					}
				}
				m.ScoreCached(feats, got, &filled)
				if !slices.Equal(got, want) {
					t.Fatalf("%d classes: ScoreCached after Fill = %v, want %v", classes, got, want)
				}
			}
		}
	}
}

func TestRoundTrip(t *testing.T) {
	// Two classes and five: a dense table, and a sparse one with rows in
	// their slots and beyond them.
	ms := []*Model{train(newToy(300, 2, 3), 2).Average(1), train(newToy(300, 5, 3), 5).Average(1), rowsModel(60)}
	if len(ms[2].ext) == 0 {
		t.Fatal("no long rows to test")
	}
	var buf bytes.Buffer
	w := NewWriter(&buf, "test-1")
	w.Strings([]string{"a", "", "ü"})
	w.Int(-5)
	w.Float(0.25)
	w.Map(map[uint64]uint64{1: 2, 1 << 60: 3})
	w.Models(ms)
	n, err := w.Close()
	if err != nil || n != int64(buf.Len()) {
		t.Fatalf("Close = %d, %v; wrote %d bytes", n, err, buf.Len())
	}
	file := buf.Bytes()
	// The buffer itself, where the tables can be used in place, and a
	// copy one byte off, where they cannot.
	off := append([]byte{0}, file...)[1:]
	for _, tc := range []struct {
		name   string
		data   []byte
		open   func([]byte, string) (*Reader, error)
		shared bool
	}{
		{"checked", file, NewReader, true},
		{"trusted", file, NewTrustedReader, true},
		{"misaligned", off, NewReader, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r, err := tc.open(tc.data, "test-1")
			if err != nil {
				t.Fatal(err)
			}
			ss, i, f, mp, got := r.Strings(), r.Int(), r.Float(), r.Map(), r.Models()
			if err := r.Err(); err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ss, []string{"a", "", "ü"}) || i != -5 || f != 0.25 || len(mp) != 2 || mp[1] != 2 || mp[1<<60] != 3 {
				t.Errorf("read %q %d %v %v", ss, i, f, mp)
			}
			for j, m := range ms {
				m2 := got[j]
				if m2.n != m.n || m2.scale != m.scale || m2.Features() != m.Features() || m2.Weights() != m.Weights() ||
					!slices.Equal(m2.dense, m.dense) || !slices.Equal(m2.slots, m.slots) || !slices.Equal(m2.ext, m.ext) {
					t.Errorf("model %d changed in the round trip", j)
				}
				table := unsafe.Pointer(unsafe.SliceData(m2.slots))
				if m2.dense != nil {
					table = unsafe.Pointer(unsafe.SliceData(m2.dense))
				}
				inFile := uintptr(table) >= uintptr(unsafe.Pointer(&tc.data[0])) && uintptr(table) < uintptr(unsafe.Pointer(&tc.data[0]))+uintptr(len(tc.data))
				if inFile != tc.shared {
					t.Errorf("model %d: table in the file's memory: %v, want %v", j, inFile, tc.shared)
				}
			}
			var again bytes.Buffer
			w := NewWriter(&again, "test-1")
			w.Strings(ss)
			w.Int(i)
			w.Float(f)
			w.Map(mp)
			w.Models(got)
			if _, err := w.Close(); err != nil || !bytes.Equal(again.Bytes(), file) {
				t.Errorf("written again, the file differs (%v)", err)
			}
		})
	}
	if _, err := NewReader(file, "other-1"); err == nil {
		t.Error("a model of another kind was accepted")
	}
}

// rowsModel returns a model of the given number of classes whose rows have
// from one weight to all.
func rowsModel(classes int) *Model {
	tr := NewTrainer(classes)
	for i := range 200 {
		for c := range 1 + i%classes {
			tr.Add([]uint64{Key1(3, uint64(i))}, c, float32(1+i%7))
		}
		tr.Tick()
	}
	return tr.Average(1)
}

func TestReadBadInput(t *testing.T) {
	write := func(m *Model) []byte {
		var buf bytes.Buffer
		w := NewWriter(&buf, "test-1")
		w.Model(m)
		w.Close()
		return buf.Bytes()
	}
	good := write(rowsModel(5))
	// Bad models, made from good ones.
	bad := func(classes int, spoil func(m *Model)) []byte {
		m := rowsModel(classes)
		spoil(m)
		return write(m)
	}
	occupied := func(m *Model) *slot {
		for i := range m.slots {
			if m.slots[i].fp != 0 && m.slots[i].e[0] != external {
				return &m.slots[i]
			}
		}
		panic("no slot")
	}
	long := func(m *Model) *slot {
		for i := range m.slots {
			if m.slots[i].e[0] == external {
				return &m.slots[i]
			}
		}
		panic("no long row")
	}
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("hello")},
		{"truncated", good[:len(good)/2]},
		{"huge count", header(func(w *Writer) { w.Uint(3); w.Float(1); w.Uint(1 << 40) })},
		{"no classes", header(func(w *Writer) {
			w.Uint(0)
			w.Float(1)
			w.Uint(1)
			w.Uint(1)
			w.Uint(1)
			w.Uint(0)
		})},
		{"no table", header(func(w *Writer) {
			w.Uint(3)
			w.Float(1)
			w.Uint(0)
			w.Uint(0)
			w.Uint(0)
			w.Uint(0)
		})},
		{"table beyond the file", header(func(w *Writer) {
			w.Uint(3)
			w.Float(1)
			w.Uint(1)
			w.Uint(1)
			w.Uint(1000)
			w.Uint(0)
		})},
		{"bad class", bad(5, func(m *Model) { occupied(m).e[0] = entry(9, 1) })},
		{"bad class in a long row", bad(5, func(m *Model) { m.ext[len(m.ext)-1] = entry(5, 1) })},
		{"long row beyond the rows", bad(5, func(m *Model) { long(m).e[1] = uint32(len(m.ext)) })},
		{"short long row", bad(5, func(m *Model) { long(m).e[2] = 0 })},
		{"full table", bad(5, func(m *Model) {
			for i := range m.slots {
				m.slots[i].fp |= 1
			}
		})},
		{"full dense table", bad(2, func(m *Model) {
			for i := range m.dense {
				m.dense[i].fp |= 1
			}
		})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(tt.data, "test-1")
			if err != nil {
				return
			}
			if m := r.Model(); m != nil || r.Err() == nil {
				t.Errorf("read a model from bad input")
			}
		})
	}
}

// header returns a model file of the values body writes.
func header(body func(*Writer)) []byte {
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
	w.Model(rowsModel(5))
	w.Model(train(newToy(50, 3, 2), 3).Average(1))
	w.Close()
	f.Add(buf.Bytes())
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(data, "test-1")
		if err != nil {
			return
		}
		// Bad input must give an error, never a panic, a huge allocation
		// or a lookup that does not end.
		r.Strings()
		for range 2 {
			if m := r.Model(); m != nil {
				scores := make([]int32, m.Classes())
				for k := range uint64(300) {
					m.Score([]uint64{Key1(3, k), k << 32}, scores)
				}
			}
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

// A sum remembered by a Memo, with Add of the other features, gives the
// scores of Score over all of them; a Memo tells keys apart by their form
// and every value, forgets all for another model, and does not remember a
// form too long.
func TestMemo(t *testing.T) {
	models := map[int]*Model{}
	for _, classes := range []int{3, 40} {
		models[classes] = train(newToy(500, classes, uint64(classes)), classes).Average(0.01)
	}
	var mm Memo
	for _, classes := range []int{3, 40, 3} {
		m := models[classes]
		want := make([]int32, classes)
		got := make([]int32, classes)
		rng := rand.New(rand.NewPCG(3, uint64(classes)))
		forms := []string{"", "a", "b", "ab", strings.Repeat("x", memoLen), strings.Repeat("x", memoLen+1)}
		for range 2000 {
			k := MemoKey{Form: forms[rng.IntN(len(forms))], Values: [4]uint64{uint64(rng.IntN(3)), 0, 0, uint64(rng.IntN(2))}}
			// The features of the key alone, and others.
			own := []uint64{Key2(1, Hash(k.Form), k.Values[0]), Key2(2, k.Values[3], 0)}
			rest := []uint64{Key1(2, uint64(rng.IntN(50))), Key1(1, uint64(rng.IntN(classes)))}
			m.Score(append(slices.Clone(own), rest...), want)
			sum, found := mm.Get(m, &k, Hash(k.Form))
			switch {
			case len(k.Form) > memoLen:
				if sum != nil || found {
					t.Fatalf("a form of %d bytes remembered", len(k.Form))
				}
				m.Score(own, got)
			case found:
				copy(got, sum)
			default:
				m.Score(own, sum)
				copy(got, sum)
			}
			m.Add(rest, got)
			if !slices.Equal(got, want) {
				t.Fatalf("%d classes, key %+v (found %v): %v, want %v", classes, k, found, got, want)
			}
		}
	}
}

// Keys that share a Memo's entry are told apart by each of their parts.
func TestMemoCollisions(t *testing.T) {
	m := train(newToy(100, 5, 5), 5).Average(0.01)
	index := func(k *MemoKey, h uint64) uint64 {
		for _, v := range k.Values {
			h = mix(h, v)
		}
		return fmix(h) >> (64 - memoBits)
	}
	base := MemoKey{Form: "word", Values: [4]uint64{1, 2, 3, 4}}
	for part := range 5 {
		// Another key with the same form hash and entry, differing in
		// the form (part 4) or one value.
		var other MemoKey
		for v := uint64(0); ; v++ {
			other = base
			if part < 4 {
				other.Values[part] = 100 + v
			} else {
				other.Form = "word" + strconv.FormatUint(v, 10)
			}
			if index(&other, 7) == index(&base, 7) {
				break
			}
		}
		var mm Memo
		sum, found := mm.Get(m, &base, 7)
		if found {
			t.Fatal("an empty Memo found a sum")
		}
		sum[0] = 42
		if _, found := mm.Get(m, &other, 7); found {
			t.Errorf("part %d: %+v found the sum of %+v", part, other, base)
		}
		if _, found := mm.Get(m, &base, 7); found {
			t.Errorf("part %d: %+v found after %+v took its entry", part, base, other)
		}
	}
}
