package perceptron

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"unsafe"
)

// The model file format starts with a magic string naming the kind of
// model and its version, followed by values written in order by the
// model's owner: unsigned varints, signed varints, float32 bits,
// length-prefixed strings, maps and perceptron Models.
//
// A Model is stored as it is used, so that reading one costs nothing
// however large it is: its class count, scale, numbers of rows and of
// weights, the size of its hash table and the length of its long rows
// (varints); then, from the next multiple of 64 bytes, the hash table's
// slots and the long rows as little-endian words. A slot of a model of at
// most four classes is 12 bytes (fingerprint, then the four int16
// weights), of a larger model 16 (fingerprint, then three entries, see
// slot). Models are not compressed: a program that embeds them maps them
// into memory with its code, and the pages a run does not touch are never
// read.

// maxCount bounds any count read from a file, so that a corrupt or hostile
// file gets an error rather than an enormous allocation.
const maxCount = 1 << 28

// align is the alignment of a model's table within the file: a cache
// line, more than any of its words needs.
const align = 64

// Writer writes a model file. Errors are sticky and reported by Close.
type Writer struct {
	bw  *bufio.Writer
	n   int64 // bytes written so far: the offset in the file
	buf [16]byte
	err error
}

// NewWriter starts a model file of the given kind on w.
func NewWriter(w io.Writer, magic string) *Writer {
	mw := &Writer{bw: bufio.NewWriterSize(w, 1<<16)}
	mw.String(magic)
	return mw
}

func (w *Writer) write(p []byte) {
	if w.err == nil {
		var n int
		n, w.err = w.bw.Write(p)
		w.n += int64(n)
	}
}

// Uint writes an unsigned integer.
func (w *Writer) Uint(v uint64) { w.write(binary.AppendUvarint(w.buf[:0], v)) }

// Int writes a signed integer.
func (w *Writer) Int(v int64) { w.write(binary.AppendVarint(w.buf[:0], v)) }

// Float writes a float32.
func (w *Writer) Float(f float32) {
	w.write(binary.LittleEndian.AppendUint32(w.buf[:0], math.Float32bits(f)))
}

// String writes a string.
func (w *Writer) String(s string) {
	w.Uint(uint64(len(s)))
	w.write([]byte(s))
}

// Strings writes a list of strings.
func (w *Writer) Strings(ss []string) {
	w.Uint(uint64(len(ss)))
	for _, s := range ss {
		w.String(s)
	}
}

// Map writes a map of hashes (such as words') to values: its size, then
// the keys in increasing order as deltas, each followed by its value.
func (w *Writer) Map(m map[uint64]uint64) {
	w.Uint(uint64(len(m)))
	var prev uint64
	for _, k := range slices.Sorted(maps.Keys(m)) {
		w.Uint(k - prev)
		w.Uint(m[k])
		prev = k
	}
}

// Models writes a list of perceptron models: their number, then each.
func (w *Writer) Models(ms []*Model) {
	w.Uint(uint64(len(ms)))
	for _, m := range ms {
		w.Model(m)
	}
}

// Model writes a perceptron model.
func (w *Writer) Model(m *Model) {
	size := len(m.slots)
	if m.dense != nil {
		size = len(m.dense)
	}
	w.Uint(uint64(m.n))
	w.Float(m.scale)
	w.Uint(uint64(m.features))
	w.Uint(uint64(m.weights))
	w.Uint(uint64(size))
	w.Uint(uint64(len(m.ext)))
	var zero [align]byte
	w.write(zero[:(align-w.n%align)%align])
	le := binary.LittleEndian
	for _, sl := range m.dense {
		b := le.AppendUint32(w.buf[:0], sl.fp)
		for _, v := range sl.w {
			b = le.AppendUint16(b, uint16(v))
		}
		w.write(b)
	}
	for _, sl := range m.slots {
		b := le.AppendUint32(w.buf[:0], sl.fp)
		for _, e := range sl.e {
			b = le.AppendUint32(b, e)
		}
		w.write(b)
	}
	for _, e := range m.ext {
		w.write(le.AppendUint32(w.buf[:0], e))
	}
}

// Close flushes the file. It returns the number of bytes written and the
// first error met while writing.
func (w *Writer) Close() (int64, error) {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	return w.n, w.err
}

// Reader reads a model file written by Writer. Errors are sticky: after the
// first one every read returns a zero value, and Err reports it.
type Reader struct {
	data  []byte
	off   int
	check bool
	err   error
}

// NewReader opens the model file held in data and checks that it is of the
// given kind. The models it reads share data's memory, which must not
// change afterwards. Every slot of their tables is checked, so that a
// corrupt or hostile file gets an error, never a panic or a lookup that
// does not end.
func NewReader(data []byte, magic string) (*Reader, error) {
	return newReader(data, magic, true)
}

// NewTrustedReader is NewReader for a model file that is part of the
// program, written by Writer and checked by its tests: only the layout of
// its models is checked, not each slot, so that the pages of their tables
// are read only when a lookup needs them. Its data must be mapped from a
// file, as an embedded file is, not be memory of the heap (see
// SetResident).
func NewTrustedReader(data []byte, magic string) (*Reader, error) {
	return newReader(data, magic, false)
}

func newReader(data []byte, magic string, check bool) (*Reader, error) {
	r := &Reader{data: data, check: check}
	if got := r.String(); r.err != nil || got != magic {
		return nil, fmt.Errorf("not a %s model file", magic)
	}
	return r, nil
}

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// take returns the next n bytes, or nil and an error if fewer are left.
func (r *Reader) take(n int) []byte {
	if r.err != nil {
		return nil
	}
	if n < 0 || n > len(r.data)-r.off {
		r.fail(io.ErrUnexpectedEOF)
		return nil
	}
	b := r.data[r.off : r.off+n : r.off+n]
	r.off += n
	return b
}

// table is take for the bytes of a table that lookups read: a copy of
// them if the reader is trusted and SetResident asked for one.
func (r *Reader) table(n int) []byte {
	b := r.take(n)
	if b != nil && !r.check && n >= minResident && resident.Load() {
		if c := copyResident(b); c != nil {
			return c
		}
	}
	return b
}

// Uint reads an unsigned integer.
func (r *Reader) Uint() uint64 {
	if r.err != nil {
		return 0
	}
	v, n := binary.Uvarint(r.data[r.off:])
	switch {
	case n > 0:
		r.off += n
		return v
	case n < 0:
		r.fail(errors.New("varint overflows 64 bits"))
	default:
		r.fail(io.ErrUnexpectedEOF)
	}
	return 0
}

// Int reads a signed integer.
func (r *Reader) Int() int64 {
	u := r.Uint()
	// Zig-zag, as binary.PutVarint writes it.
	return int64(u>>1) ^ -int64(u&1)
}

// Count reads a count and checks it against a bound.
func (r *Reader) Count() int {
	v := r.Uint()
	if v > maxCount {
		r.fail(fmt.Errorf("count %d out of range", v))
		return 0
	}
	return int(v)
}

// Float reads a float32.
func (r *Reader) Float() float32 {
	b := r.take(4)
	if b == nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b))
}

// String reads a string.
func (r *Reader) String() string {
	return string(r.take(r.Count()))
}

// Strings reads a list of strings.
func (r *Reader) Strings() []string {
	n := r.Count()
	var out []string
	for i := 0; i < n && r.err == nil; i++ {
		out = append(out, r.String())
	}
	return out
}

// Map reads a map written by Writer.Map.
func (r *Reader) Map() map[uint64]uint64 {
	n := r.Count()
	// Each entry takes at least two bytes.
	m := make(map[uint64]uint64, min(n, (len(r.data)-r.off)/2))
	var k uint64
	for i := 0; i < n && r.err == nil; i++ {
		k += r.Uint()
		m[k] = r.Uint()
	}
	return m
}

// Models reads a list of models written by Writer.Models.
func (r *Reader) Models() []*Model {
	n := r.Count()
	var ms []*Model
	for i := 0; i < n && r.err == nil; i++ {
		ms = append(ms, r.Model())
	}
	return ms
}

// Model reads a perceptron model. Its table and long rows are the file's
// own bytes where the processor is little-endian and the data aligned (as
// an embedded file and a buffer of its own are), and a copy otherwise.
func (r *Reader) Model() *Model {
	m := &Model{n: r.Count(), scale: r.Float(), features: r.Count(), weights: r.Count()}
	size, extLen := r.Count(), r.Count()
	if r.err != nil {
		return nil
	}
	if m.n == 0 || m.n >= 1<<16 {
		r.fail(fmt.Errorf("model of %d classes out of range", m.n))
		return nil
	}
	if size == 0 {
		r.fail(errors.New("model without a table"))
		return nil
	}
	r.take((align - r.off%align) % align)
	if m.n <= 4 {
		m.dense = table(r.table(size*denseSize), size, decodeDense)
	} else {
		m.slots = table(r.table(size*slotSize), size, decodeSlot)
	}
	m.ext = table(r.table(extLen*4), extLen, binary.LittleEndian.Uint32)
	if r.err != nil {
		return nil
	}
	if r.check {
		if err := m.check(); err != nil {
			r.fail(err)
			return nil
		}
	}
	return m
}

// Err returns the first error met while reading.
func (r *Reader) Err() error { return r.err }

// Sizes of a slot in a file.
const (
	denseSize = 12
	slotSize  = 16
)

// The in-memory layouts are the file's, so that a table can be used where
// it lies.
var (
	_ [denseSize - unsafe.Sizeof(denseSlot{})]byte
	_ [unsafe.Sizeof(denseSlot{}) - denseSize]byte
	_ [slotSize - unsafe.Sizeof(slot{})]byte
	_ [unsafe.Sizeof(slot{}) - slotSize]byte
)

// littleEndian tells whether the processor stores words as the file does.
var littleEndian = binary.NativeEndian.Uint16([]byte{1, 0}) == 1

// table returns the n items of b as a slice that shares b's memory when
// the processor and b's alignment allow, and a decoded copy otherwise. b
// is nil after a read error.
func table[T denseSlot | slot | uint32](b []byte, n int, decode func([]byte) T) []T {
	if b == nil || n == 0 {
		return nil
	}
	var zero T
	if littleEndian && uintptr(unsafe.Pointer(&b[0]))%unsafe.Alignof(zero) == 0 {
		return unsafe.Slice((*T)(unsafe.Pointer(&b[0])), n)
	}
	size := len(b) / n
	out := make([]T, n)
	for i := range out {
		out[i] = decode(b[i*size : (i+1)*size])
	}
	return out
}

func decodeDense(b []byte) denseSlot {
	sl := denseSlot{fp: binary.LittleEndian.Uint32(b)}
	for c := range sl.w {
		sl.w[c] = int16(binary.LittleEndian.Uint16(b[4+2*c:]))
	}
	return sl
}

func decodeSlot(b []byte) slot {
	sl := slot{fp: binary.LittleEndian.Uint32(b)}
	for i := range sl.e {
		sl.e[i] = binary.LittleEndian.Uint32(b[4+4*i:])
	}
	return sl
}

// check checks that every lookup in the model ends and every entry it
// adds is of one of its classes.
func (m *Model) check() error {
	empty := false
	for _, sl := range m.dense {
		empty = empty || sl.fp == 0
	}
	for _, sl := range m.slots {
		if sl.fp == 0 {
			empty = true
			continue
		}
		if sl.e[0] == external {
			if sl.e[2] <= inline || uint64(sl.e[1])+uint64(sl.e[2]) > uint64(len(m.ext)) {
				return fmt.Errorf("long row of %d weights at %d out of range", sl.e[2], sl.e[1])
			}
			continue
		}
		for _, e := range sl.e {
			if e != 0 && int(e>>16) >= m.n {
				return fmt.Errorf("weight of class %d in a model of %d", e>>16, m.n)
			}
		}
	}
	if !empty {
		return errors.New("hash table without an empty slot")
	}
	for _, e := range m.ext {
		if int(e>>16) >= m.n {
			return fmt.Errorf("weight of class %d in a model of %d", e>>16, m.n)
		}
	}
	return nil
}
