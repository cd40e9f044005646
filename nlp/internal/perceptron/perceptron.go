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
// key to its row with one probe in the common case. The table is also the
// file format (format.go), so that a model embedded in a program is used
// in place: nothing is decoded or copied when it loads.
package perceptron

import (
	"cmp"
	"maps"
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

// seed returns the starting hash of template t. Values are folded in by
// xor, so the seeds of two templates must differ in their high bits:
// otherwise template 1 over the value 2 and template 2 over the value 1,
// small integers both, would hash alike.
func seed(t uint64) uint64 { return (t + 1) * 0xD6E8FEB86659FD93 }

// Key1 returns the key of template t over one value.
func Key1(t, a uint64) uint64 { return fmix(mix(seed(t), a)) }

// Key2 returns the key of template t over two values.
func Key2(t, a, b uint64) uint64 { return fmix(mix(mix(seed(t), a), b)) }

// Key3 returns the key of template t over three values.
func Key3(t, a, b, c uint64) uint64 { return fmix(mix(mix(mix(seed(t), a), b), c)) }

// Key4 returns the key of template t over four values.
func Key4(t, a, b, c, d uint64) uint64 { return fmix(mix(mix(mix(mix(seed(t), a), b), c), d)) }

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

// Add adds delta to the weights of the features for class c, as a
// structured perceptron does for each step of a gold or a predicted
// sequence.
func (tr *Trainer) Add(feats []uint64, c int, delta float32) {
	for _, f := range feats {
		r := tr.row(f)
		tr.w[r+c] += delta
		tr.u[r+c] += float64(delta) * tr.t
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
	m := &Model{n: tr.n, scale: scale}
	var row []uint32
	for _, r := range order {
		row = row[:0]
		for c, a := range avg[r*tr.n : (r+1)*tr.n] {
			if q := int16(math.Round(float64(a / scale))); q != 0 {
				row = append(row, entry(c, q))
			}
		}
		m.add(tr.keys[r], row)
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
//
// What scoring reads is the hash table (slots or dense) and ext; a model
// read from a file has only those, sharing the file's memory (see
// Reader.Model). A model built by Average, Sum or Prune also keeps its
// rows by key, which Sum and Prune work on.
type Model struct {
	n        int
	scale    float32 // weight = int16 value × scale
	features int     // rows
	weights  int     // non-zero weights
	// Rows by key, in a model built here: keys is sorted and row i starts
	// at data[off[i]] with its length, followed by its entries, each a
	// class<<16 | uint16 weight. Rows are sparse, most classes of most
	// features having no weight.
	keys []uint64
	off  []uint32
	data []uint32
	// slots (or dense, for models of at most four classes) is an
	// open-addressing table with linear probing.
	slots []slot
	dense []denseSlot
	// ext holds the rows too long for their slot, one after the other.
	ext []uint32
}

// add appends a row; keys must come in increasing order. Empty rows are
// left out.
func (m *Model) add(key uint64, row []uint32) {
	if len(row) == 0 {
		return
	}
	m.keys = append(m.keys, key)
	m.off = append(m.off, uint32(len(m.data)))
	m.data = append(m.data, uint32(len(row)))
	m.data = append(m.data, row...)
	m.features++
	m.weights += len(row)
}

// row returns the entries of row i.
func (m *Model) row(i int) []uint32 {
	o := m.off[i]
	return m.data[o+1 : o+1+m.data[o]]
}

// slot is an entry of the hash table of a model of many classes: the
// fingerprint of a key (0 when the slot is empty) and its row. Rows of up
// to inline entries are kept in the slot itself, so that a lookup costs one
// cache miss; a longer row is marked by external in the first entry and
// lives at ext[e[1]:e[1]+e[2]].
type slot struct {
	fp uint32
	e  [inline]uint32
}

const (
	inline   = 3
	external = ^uint32(0) // not a valid entry: no model has 65536 classes
)

// denseSlot is an entry of the hash table of a model of at most four
// classes, whose rows are dense: smaller than a slot, so that more stay in
// the processor's caches.
type denseSlot struct {
	fp uint32
	w  [4]int16
}

// home returns the slot where the search for key k starts in a table of
// size slots: the low half of k scaled to the size.
func home(k uint64, size int) int { return int(uint64(uint32(k)) * uint64(size) >> 32) }

// index builds the hash table over the keys, half full. With linear
// probing a lookup reads 1.5 slots on average for a key the model has and
// 2.5 for one it lacks (13-17% of lookups in tagging and parsing), against
// 2.2 and 6 in a table 70% full: fewer lookups reach a second cache line.
// Tagging and parsing are about 15% faster for 40% more memory.
func (m *Model) index() {
	size := max(len(m.keys)*2, 1)
	if m.n <= 4 {
		m.dense = make([]denseSlot, size)
	} else {
		m.slots = make([]slot, size)
	}
	for i, k := range m.keys {
		s := home(k, size)
		if m.n <= 4 {
			for m.dense[s].fp != 0 {
				s = (s + 1) % size
			}
			sl := &m.dense[s]
			sl.fp = fingerprint(k)
			for _, e := range m.row(i) {
				sl.w[e>>16] = int16(uint16(e))
			}
			continue
		}
		for m.slots[s].fp != 0 {
			s = (s + 1) % size
		}
		sl := &m.slots[s]
		sl.fp = fingerprint(k)
		if row := m.row(i); len(row) <= inline {
			copy(sl.e[:], row)
		} else {
			sl.e = [inline]uint32{external, uint32(len(m.ext)), uint32(len(row))}
			m.ext = append(m.ext, row...)
		}
	}
}

// fingerprint takes the high half of a key: the slot comes from the low
// half, so the two are independent. It is never 0, which marks empty slots.
func fingerprint(k uint64) uint32 {
	if fp := uint32(k >> 32); fp != 0 {
		return fp
	}
	return 1
}

// Classes returns the number of classes.
func (m *Model) Classes() int { return m.n }

// Features returns the number of feature rows.
func (m *Model) Features() int { return m.features }

// Weights returns the number of non-zero weights.
func (m *Model) Weights() int { return m.weights }

// Scale returns the factor that turns the integer scores of Score into the
// perceptron's scores.
func (m *Model) Scale() float32 { return m.scale }

// IntScore returns the smallest integer score of Score that is at least
// the perceptron score x.
func (m *Model) IntScore(x float64) int32 {
	return int32(min(math.Ceil(x/float64(m.scale)), math.MaxInt32))
}

// lookup returns the slot of key k, or nil.
func (m *Model) lookup(k uint64) *slot {
	fp := fingerprint(k)
	for s := home(k, len(m.slots)); ; s = (s + 1) % len(m.slots) {
		sl := &m.slots[s]
		if sl.fp == fp {
			return sl
		}
		if sl.fp == 0 {
			return nil
		}
	}
}

// lookupDense returns the slot of key k in the dense table, or nil.
func (m *Model) lookupDense(k uint64) *denseSlot {
	fp := fingerprint(k)
	for s := home(k, len(m.dense)); ; s = (s + 1) % len(m.dense) {
		sl := &m.dense[s]
		if sl.fp == fp {
			return sl
		}
		if sl.fp == 0 {
			return nil
		}
	}
}

// chunk is how many features Score looks up before it uses them.
const chunk = 64

// Score sets scores[c] to the integer score of class c for the features
// (multiply by Scale for the perceptron's score).
//
// The model is larger than the processor's caches, so lookups wait for
// memory. Score first loads the home slots of a chunk of features and only
// then uses them: the loads do not depend on each other, so the processor
// overlaps their cache misses. (A Bloom filter in front of the table, to
// skip the features the model lacks, cost more than it saved: it is a
// cache miss of its own.)
func (m *Model) Score(feats []uint64, scores []int32) {
	clear(scores[:m.n])
	m.Add(feats, scores)
}

// Add adds the integer scores of the features to scores, as Score sets
// them: a caller that knows the sum of some of the rows (a word's own
// features, say) adds the rest to it.
func (m *Model) Add(feats []uint64, scores []int32) {
	scores = scores[:m.n]
	if m.dense != nil {
		var got [chunk]denseSlot
		for len(feats) > 0 {
			fs := feats[:min(len(feats), chunk)]
			feats = feats[len(fs):]
			for i, f := range fs {
				got[i] = m.dense[home(f, len(m.dense))]
			}
			for i, f := range fs {
				addDense(m.resolveDense(f, &got[i]), scores)
			}
		}
		return
	}
	var got [chunk]slot
	var rows [chunk]*slot
	for len(feats) > 0 {
		fs := feats[:min(len(feats), chunk)]
		feats = feats[len(fs):]
		for i, f := range fs {
			got[i] = m.slots[home(f, len(m.slots))]
		}
		// Rows too long for their slot live elsewhere, another cache miss
		// each: add their first entries before the rest, so that those
		// misses overlap too.
		for i, f := range fs {
			sl := m.resolve(f, &got[i])
			rows[i] = sl
			if sl != nil && sl.e[0] == external {
				e := m.ext[sl.e[1]]
				scores[e>>16] += int32(int16(uint16(e)))
			}
		}
		for _, sl := range rows[:len(fs)] {
			m.addRow(sl, scores)
		}
	}
}

// resolve returns the slot of key f given the slot at its home position,
// or nil if the model has no row for f.
func (m *Model) resolve(f uint64, home *slot) *slot {
	if home.fp == fingerprint(f) {
		return home
	}
	if home.fp == 0 {
		return nil
	}
	return m.lookup(f) // collision: probe on
}

// resolveDense is resolve for the dense table.
func (m *Model) resolveDense(f uint64, home *denseSlot) *denseSlot {
	if home.fp == fingerprint(f) {
		return home
	}
	if home.fp == 0 {
		return nil
	}
	return m.lookupDense(f)
}

// addRow adds the row of a slot to the scores, but for the first entry of
// a row kept outside its slot, which Score adds beforehand.
func (m *Model) addRow(sl *slot, scores []int32) {
	if sl == nil {
		return
	}
	if sl.e[0] == external {
		for _, e := range m.ext[sl.e[1]+1 : sl.e[1]+sl.e[2]] {
			scores[e>>16] += int32(int16(uint16(e)))
		}
		return
	}
	for _, e := range sl.e {
		if e != 0 {
			scores[e>>16] += int32(int16(uint16(e)))
		}
	}
}

// addDense adds the row of a dense slot to the scores.
func addDense(sl *denseSlot, scores []int32) {
	if sl == nil {
		return
	}
	for c := range scores {
		scores[c] += int32(sl.w[c])
	}
}

// Memory of a Memo: memoBits bits of a key's hash choose its entry; forms
// longer than memoLen bytes are not remembered.
const (
	memoBits = 11
	memoLen  = 30
)

// Memo remembers sums of rows of a Model by what their features are
// computed from: for a tagger, the features of a word alone (its form,
// its affixes, its shape...), which are the same at every occurrence of
// the word. A word met again (most words of a text are, within a page and
// from page to page) then costs a copy of its sum instead of a dozen
// lookups and the addition of their rows: the tagger's 16 features of a
// word alone have about 600 weights, a third of all those it adds for a
// word. Scores are sums of integers, so a sum added in another order is
// the same. The zero Memo is empty; it forgets all when used with another
// Model.
//
// The parser's labeller, whose features of a word and its tags alone have
// fewer weights and stay in the processor's caches, was no faster with
// one (EWT dev tagged and parsed, 2% more CPU time).
type Memo struct {
	m    *Model
	keys []memoKey
	sums []int32 // the sums of entry k: sums[k*classes:(k+1)*classes]
}

// MemoKey is what a sum is remembered by: a form (or "") and values that
// the features are computed from, which must be all they depend on.
type MemoKey struct {
	Form   string
	Values [4]uint64
}

// memoKey is a remembered MemoKey, the form in n bytes; used is false in
// an empty entry.
type memoKey struct {
	used   bool
	n      uint8
	form   [memoLen]byte
	values [4]uint64
}

// Get returns the sum remembered for k, h a hash of k.Form (or 0), and
// true; or, if there is none, the memory where the caller must put the
// sum of k's features, now remembered for k, and false. It returns nil
// and false for a form too long to remember.
func (mm *Memo) Get(m *Model, k *MemoKey, h uint64) (sum []int32, found bool) {
	if len(k.Form) > memoLen {
		return nil, false
	}
	if mm.m != m {
		mm.m = m
		mm.keys = make([]memoKey, 1<<memoBits)
		mm.sums = make([]int32, m.n<<memoBits)
	}
	for _, v := range k.Values {
		h = mix(h, v)
	}
	i := int(fmix(h) >> (64 - memoBits))
	e := &mm.keys[i]
	sum = mm.sums[i*m.n : (i+1)*m.n]
	if e.used && e.values == k.Values && string(e.form[:e.n]) == k.Form {
		return sum, true
	}
	e.used, e.n, e.values = true, uint8(len(k.Form)), k.Values
	copy(e.form[:], k.Form)
	return sum, false
}

// cacheSize is the number of entries of a Cache: 1 MiB, the size of a
// core's second-level cache. On EWT dev a Cache of 8,192 entries missed 39%
// of the lookups of beam search, one of 65,536 entries 25%, and the parser
// took about a quarter less time; the misses go to the model in memory.
const cacheSize = 1 << 16

// Cache remembers the rows of the features a Model of at most four classes
// looked up last. Beam search looks up the same features again and again
// for the states of a sentence, and the features of frequent words from
// sentence to sentence: most lookups are repeats, which the cache, dense
// enough for the processor's own caches, serves without going to memory.
// A Cache must be used with one Model only; the zero Cache is empty.
type Cache struct {
	// Each entry holds a key beside its row, so that a hit reads one
	// cache line (16 bytes an entry).
	e [cacheSize]cacheEntry
}

// cacheEntry is a key (0: empty) and its dense row, zero where the model
// has none.
type cacheEntry struct {
	key uint64
	w   [4]int16
}

// ScoreCached is Score with a cache, for a model of at most four classes.
// It adds all four weights of every row, whatever the number of classes,
// in local variables: the weights of the classes a model lacks are 0.
func (m *Model) ScoreCached(feats []uint64, scores []int32, c *Cache) {
	var s0, s1, s2, s3 int32
	var got [chunk]denseSlot
	var miss [chunk]uint64
	for len(feats) > 0 {
		fs := feats[:min(len(feats), chunk)]
		feats = feats[len(fs):]
		n := 0
		for _, f := range fs {
			e := &c.e[f&(cacheSize-1)]
			if e.key == f && f != 0 {
				s0 += int32(e.w[0])
				s1 += int32(e.w[1])
				s2 += int32(e.w[2])
				s3 += int32(e.w[3])
				continue
			}
			miss[n], got[n] = f, m.dense[home(f, len(m.dense))]
			n++
		}
		for i, f := range miss[:n] {
			e := &c.e[f&(cacheSize-1)]
			e.key = f
			e.w = [4]int16{}
			if sl := m.resolveDense(f, &got[i]); sl != nil {
				e.w = sl.w
			}
			s0 += int32(e.w[0])
			s1 += int32(e.w[1])
			s2 += int32(e.w[2])
			s3 += int32(e.w[3])
		}
	}
	sum := [4]int32{s0, s1, s2, s3}
	copy(scores[:m.n], sum[:m.n])
}

// Fill puts into c the rows of the features it lacks, for a model of at
// most four classes. It looks up a batch of them before it stores any, so
// that their cache misses overlap: beam search fills the cache with the
// features of all the states of a step, a few dozen misses, which one
// call of ScoreCached per state would wait for a few at a time.
func (m *Model) Fill(feats []uint64, c *Cache) {
	var miss [chunk]uint64
	n := 0
	for _, f := range feats {
		if f == 0 || c.e[f&(cacheSize-1)].key == f {
			continue
		}
		miss[n] = f
		n++
		if n == chunk {
			m.fill(miss[:n], c)
			n = 0
		}
	}
	m.fill(miss[:n], c)
}

// fill stores the rows of the features miss (at most chunk) in c.
func (m *Model) fill(miss []uint64, c *Cache) {
	var got [chunk]denseSlot
	for i, f := range miss {
		got[i] = m.dense[home(f, len(m.dense))]
	}
	for i, f := range miss {
		e := &c.e[f&(cacheSize-1)]
		e.key = f
		e.w = [4]int16{}
		if sl := m.resolveDense(f, &got[i]); sl != nil {
			e.w = sl.w
		}
	}
}

// Margin returns the best class of the scores, the lowest on ties, and by
// how much its score exceeds the next best.
func Margin(scores []int32) (best int, margin int32) {
	best, _, margin = Top2(scores)
	return best, margin
}

// Top2 returns the best and the second best class of the scores, the
// lowest on ties, and by how much the best outscores the second; with one
// class, second is -1 and the margin math.MaxInt32.
func Top2(scores []int32) (best, second int, margin int32) {
	second = -1
	for c, v := range scores {
		switch {
		case c == 0:
			continue
		case v > scores[best]:
			second, best = best, c
		case second < 0 || v > scores[second]:
			second = c
		}
	}
	if second < 0 {
		return best, -1, math.MaxInt32
	}
	return best, second, scores[best] - scores[second]
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

// Prune returns a model without the rows whose largest weight is below min
// in magnitude (in units of the scale): such features rarely change a
// decision, and dropping them makes the model smaller and faster. Like
// Sum, it works on the rows by key, which only a model built by Average,
// Sum or Prune has: it is for training, not for a model read from a file.
func (m *Model) Prune(min int) *Model {
	p := &Model{n: m.n, scale: m.scale}
	for i, k := range m.keys {
		row := m.row(i)
		big := false
		for _, e := range row {
			w := int(int16(uint16(e)))
			big = big || w >= min || -w >= min
		}
		if big {
			p.add(k, row)
		}
	}
	p.index()
	return p
}

// Sum returns the model whose weights are the sums of those of models
// trained alike (same classes and scale): an ensemble that costs no more
// to run than one model.
func Sum(models ...*Model) *Model {
	n, scale := models[0].n, models[0].scale
	rows := map[uint64][]int32{}
	for _, m := range models {
		for i, k := range m.keys {
			r := rows[k]
			if r == nil {
				r = make([]int32, n)
				rows[k] = r
			}
			for _, e := range m.row(i) {
				r[e>>16] += int32(int16(uint16(e)))
			}
		}
	}
	s := &Model{n: n, scale: scale}
	var row []uint32
	for _, k := range slices.Sorted(maps.Keys(rows)) {
		row = row[:0]
		for c, v := range rows[k] {
			if v != 0 {
				row = append(row, entry(c, int16(max(min(v, math.MaxInt16), math.MinInt16))))
			}
		}
		s.add(k, row)
	}
	s.index()
	return s
}
