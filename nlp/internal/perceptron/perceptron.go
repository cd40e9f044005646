// Package perceptron is the learning core shared by Dyad's tagger and
// parser: a multiclass averaged perceptron over hashed features, and the
// compact, quantised model it compiles to.
//
// A feature is a 64-bit key made by hashing a template number with the
// values it combines (see Key1 and friends); the callers never build
// strings. A Trainer keeps float weights in a growable flat array indexed
// through a map. Model is the frozen form used at run time: averaged
// weights quantised to int16 with one scale per model, rows of features
// that carry no weight pruned, and an open-addressing table that maps a
// key to its row with one probe in the common case.
package perceptron

import (
	"cmp"
	"math"
	"slices"
	"unicode/utf8"
)

// mix folds v into the running hash h.
func mix(h, v uint64) uint64 {
	h = (h ^ v) * 0x9E3779B97F4A7C15
	return h ^ h>>29
}

// fmix is the final avalanche of MurmurHash3.
func fmix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// Key1 returns the key of template t over one value.
func Key1(t, a uint64) uint64 { return fmix(mix(t+1, a)) }

// Key2 returns the key of template t over two values.
func Key2(t, a, b uint64) uint64 { return fmix(mix(mix(t+1, a), b)) }

// Key3 returns the key of template t over three values.
func Key3(t, a, b, c uint64) uint64 { return fmix(mix(mix(mix(t+1, a), b), c)) }

// Key4 returns the key of template t over four values.
func Key4(t, a, b, c, d uint64) uint64 { return fmix(mix(mix(mix(mix(t+1, a), b), c), d)) }

// Trainer learns the weights of an averaged perceptron with n classes.
// Averaging uses the usual trick: next to each weight w it keeps u, the sum
// of the updates scaled by the time they were made, so that the average
// over all steps is w - u/t.
type Trainer struct {
	n     int
	index map[uint64]int32
	keys  []uint64
	w     []float32
	u     []float64
	t     float64
}

// NewTrainer returns a Trainer for n classes.
func NewTrainer(n int) *Trainer {
	return &Trainer{n: n, index: make(map[uint64]int32), t: 1}
}

// Classes returns the number of classes.
func (tr *Trainer) Classes() int { return tr.n }

// Features returns the number of features that have weights.
func (tr *Trainer) Features() int { return len(tr.keys) }

// Score sets scores[c] to the current score of class c for the features.
func (tr *Trainer) Score(feats []uint64, scores []float32) {
	clear(scores[:tr.n])
	for _, f := range feats {
		r, ok := tr.index[f]
		if !ok {
			continue
		}
		row := tr.w[int(r)*tr.n : int(r+1)*tr.n]
		for c, v := range row {
			scores[c] += v
		}
	}
}

func (tr *Trainer) row(f uint64) int {
	r, ok := tr.index[f]
	if !ok {
		r = int32(len(tr.keys))
		tr.index[f] = r
		tr.keys = append(tr.keys, f)
		tr.w = append(tr.w, make([]float32, tr.n)...)
		tr.u = append(tr.u, make([]float64, tr.n)...)
	}
	return int(r) * tr.n
}

// Update moves the weights of the features towards class good and away
// from class bad. It does nothing when they are the same.
func (tr *Trainer) Update(feats []uint64, good, bad int) {
	if good == bad {
		return
	}
	for _, f := range feats {
		r := tr.row(f)
		tr.w[r+good]++
		tr.u[r+good] += tr.t
		tr.w[r+bad]--
		tr.u[r+bad] -= tr.t
	}
}

// Tick advances the clock by one training instance. Call it once per
// instance, whether or not it caused an update.
func (tr *Trainer) Tick() { tr.t++ }

// Average compiles the averaged weights into a Model. Weights are rounded
// to multiples of step (or coarser, if the largest would not fit an
// int16); weights that round to zero are dropped, and so are rows left
// empty.
func (tr *Trainer) Average(step float32) *Model {
	var maxAbs float32
	avg := make([]float32, len(tr.w))
	for i := range tr.w {
		avg[i] = float32(float64(tr.w[i]) - tr.u[i]/tr.t)
		maxAbs = max(maxAbs, abs(avg[i]))
	}
	scale := max(step, maxAbs/math.MaxInt16)
	if scale == 0 {
		scale = 1
	}
	order := make([]int, len(tr.keys))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(tr.keys[a], tr.keys[b]) })
	m := &Model{n: tr.n, scale: scale, start: []uint32{0}}
	for _, r := range order {
		before := len(m.entries)
		for c, a := range avg[r*tr.n : (r+1)*tr.n] {
			if q := int16(math.Round(float64(a / scale))); q != 0 {
				m.entries = append(m.entries, entry(c, q))
			}
		}
		if len(m.entries) > before {
			m.keys = append(m.keys, tr.keys[r])
			m.start = append(m.start, uint32(len(m.entries)))
		}
	}
	m.index()
	return m
}

func abs(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}

// entry packs a class and its weight.
func entry(class int, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

// Model is a frozen, quantised perceptron: for each feature key a sparse
// row of int16 weights. It is safe for concurrent use.
type Model struct {
	n     int
	scale float32  // weight = int16 value × scale
	keys  []uint64 // sorted; row i belongs to keys[i]
	// Row i is entries[start[i]:start[i+1]], each a class<<16 | uint16
	// weight: the rows are sparse, most classes of most features having
	// no weight.
	start   []uint32
	entries []uint32
	slots   []uint64 // open addressing: fingerprint<<32 | row+1, 0 when empty
	mask    uint64
}

// index builds the hash table over the keys.
func (m *Model) index() {
	size := 1
	for size < 2*len(m.keys) {
		size <<= 1
	}
	m.slots = make([]uint64, size)
	m.mask = uint64(size - 1)
	for i, k := range m.keys {
		for s := k & m.mask; ; s = (s + 1) & m.mask {
			if m.slots[s] == 0 {
				m.slots[s] = fingerprint(k)<<32 | uint64(i+1)
				break
			}
		}
	}
}

// fingerprint takes the high half of a key: the slot comes from the low
// half, so the two are independent. It is never 0, which marks empty slots.
func fingerprint(k uint64) uint64 {
	if fp := k >> 32; fp != 0 {
		return fp
	}
	return 1
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.n }

// Features returns the number of feature rows.
func (m *Model) Features() int { return len(m.keys) }

// Weights returns the number of non-zero weights.
func (m *Model) Weights() int { return len(m.entries) }

// Scale returns the factor that turns the integer scores of Score into the
// perceptron's scores.
func (m *Model) Scale() float32 { return m.scale }

// row returns the row of key k, or -1.
func (m *Model) row(k uint64) int {
	fp := fingerprint(k)
	for s := k & m.mask; ; s = (s + 1) & m.mask {
		v := m.slots[s]
		if v == 0 {
			return -1
		}
		if v>>32 == fp {
			return int(uint32(v) - 1)
		}
	}
}

// Score sets scores[c] to the integer score of class c for the features
// (multiply by Scale for the perceptron's score).
func (m *Model) Score(feats []uint64, scores []int32) {
	scores = scores[:m.n]
	clear(scores)
	for _, f := range feats {
		r := m.row(f)
		if r < 0 {
			continue
		}
		for _, e := range m.entries[m.start[r]:m.start[r+1]] {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
}

// Best returns the class with the highest score among those for which ok
// returns true (all classes when ok is nil), preferring the lowest class on
// ties, or -1 if none is allowed.
func Best[S int32 | float32](scores []S, ok func(c int) bool) int {
	best := -1
	for c, s := range scores {
		if ok != nil && !ok(c) {
			continue
		}
		if best < 0 || s > scores[best] {
			best = c
		}
	}
	return best
}

// FNV-1a parameters.
const (
	offset64 = 14695981039346656037
	prime64  = 1099511628211
)

// Hash returns a 64-bit hash of s, for use as a feature value.
func Hash[T string | []byte](s T) uint64 {
	h := uint64(offset64)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime64
	}
	return h
}

// HashRunes returns the hash of a sequence of runes; HashRunes of the runes
// of an ASCII string equals Hash of the string.
func HashRunes(rs []rune) uint64 {
	h := uint64(offset64)
	for _, r := range rs {
		if r < 0x80 {
			h = (h ^ uint64(r)) * prime64
			continue
		}
		var b [4]byte
		n := utf8.EncodeRune(b[:], r)
		for _, c := range b[:n] {
			h = (h ^ uint64(c)) * prime64
		}
	}
	return h
}
