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

	"compress/gzip"
)

// The model file format is a gzip stream that starts with a magic string
// naming the kind of model and its version, followed by values written in
// order by the model's owner: unsigned varints, signed varints, float32
// bits, length-prefixed strings and perceptron Models. A Model is its class
// count, its scale, its row count, the sorted keys as varint deltas, then
// for each row the number of its non-zero weights and, for each, the class
// as a varint delta from the previous one and the int16 weight as a signed
// varint.

// maxCount bounds any count read from a file, so that a corrupt or hostile
// file gets an error rather than an enormous allocation.
const maxCount = 1 << 28

// Writer writes a model file. Errors are sticky and reported by Close.
type Writer struct {
	cw  countWriter
	gz  *gzip.Writer
	bw  *bufio.Writer
	buf [binary.MaxVarintLen64]byte
	err error
}

// NewWriter starts a model file of the given kind on w.
func NewWriter(w io.Writer, magic string) *Writer {
	mw := &Writer{cw: countWriter{w: w}}
	mw.gz, _ = gzip.NewWriterLevel(&mw.cw, gzip.BestCompression)
	mw.bw = bufio.NewWriter(mw.gz)
	mw.String(magic)
	return mw
}

func (w *Writer) write(p []byte) {
	if w.err == nil {
		_, w.err = w.bw.Write(p)
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
	if w.err == nil {
		_, w.err = w.bw.WriteString(s)
	}
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
	w.Uint(uint64(m.n))
	w.Float(m.scale)
	w.Uint(uint64(len(m.keys)))
	var prev uint64
	for _, k := range m.keys {
		w.Uint(k - prev)
		prev = k
	}
	for r := range m.keys {
		row := m.row(r)
		w.Uint(uint64(len(row)))
		prev := -1
		for _, e := range row {
			c := int(e >> 16)
			w.Uint(uint64(c - prev))
			w.Int(int64(int16(uint16(e))))
			prev = c
		}
	}
}

// Close flushes the file. It returns the number of bytes written and the
// first error met while writing.
func (w *Writer) Close() (int64, error) {
	if w.err == nil {
		w.err = w.bw.Flush()
	}
	if err := w.gz.Close(); w.err == nil {
		w.err = err
	}
	return w.cw.n, w.err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(b []byte) (int, error) {
	n, err := c.w.Write(b)
	c.n += int64(n)
	return n, err
}

// Reader reads a model file written by Writer. Errors are sticky: after the
// first one every read returns a zero value, and Err reports it.
type Reader struct {
	br  *bufio.Reader
	err error
}

// NewReader opens a model file and checks that it is of the given kind.
func NewReader(r io.Reader, magic string) (*Reader, error) {
	gz, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("not a model file: %w", err)
	}
	mr := &Reader{br: bufio.NewReader(gz)}
	if got := mr.String(); mr.err != nil || got != magic {
		return nil, fmt.Errorf("not a %s model file", magic)
	}
	return mr, nil
}

func (r *Reader) fail(err error) {
	if err == nil || r.err != nil {
		return
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	r.err = err
}

// Uint reads an unsigned integer.
func (r *Reader) Uint() uint64 {
	if r.err != nil {
		return 0
	}
	// Decoding from the buffer, rather than byte by byte through
	// binary.ReadUvarint, takes a quarter off loading a model.
	buf, err := r.br.Peek(binary.MaxVarintLen64)
	v, n := binary.Uvarint(buf)
	switch {
	case n > 0:
		_, _ = r.br.Discard(n) // within what Peek returned
		return v
	case n < 0:
		r.fail(errors.New("varint overflows 64 bits"))
	case err != nil:
		r.fail(err)
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
	if r.err != nil {
		return 0
	}
	var b [4]byte
	_, err := io.ReadFull(r.br, b[:])
	r.fail(err)
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

// String reads a string.
func (r *Reader) String() string {
	n := r.Count()
	if r.err != nil || n == 0 {
		return ""
	}
	b := make([]byte, n)
	_, err := io.ReadFull(r.br, b)
	r.fail(err)
	return string(b)
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
	m := make(map[uint64]uint64, min(n, 1<<16))
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

// Model reads a perceptron model.
func (r *Reader) Model() *Model {
	n := r.Count()
	scale := r.Float()
	rows := r.Count()
	if r.err != nil {
		return nil
	}
	if n == 0 || n > 1<<16 {
		r.fail(fmt.Errorf("model of %d classes out of range", n))
		return nil
	}
	// Grow as the data arrives rather than trusting the count.
	keys := make([]uint64, 0, min(rows, 1<<16))
	var prev uint64
	for i := 0; i < rows && r.err == nil; i++ {
		d := r.Uint()
		if i > 0 && d == 0 {
			r.fail(errors.New("model keys not strictly increasing"))
		}
		prev += d
		keys = append(keys, prev)
	}
	// The keys have arrived, so their count can be trusted.
	m := &Model{n: n, scale: scale, keys: make([]uint64, 0, len(keys)), off: make([]uint32, 0, len(keys))}
	var row []uint32
	for _, key := range keys {
		k := r.Count()
		if r.err != nil {
			return nil
		}
		if k == 0 || k > n {
			r.fail(fmt.Errorf("row of %d weights for %d classes", k, n))
			return nil
		}
		row = row[:0]
		c := -1
		for range k {
			d := r.Uint()
			if d == 0 || d > uint64(n) {
				r.fail(fmt.Errorf("bad class step %d", d))
				return nil
			}
			c += int(d)
			v := r.Int()
			if c >= n || v == 0 || v < math.MinInt16 || v > math.MaxInt16 {
				r.fail(fmt.Errorf("bad weight %d of class %d", v, c))
				return nil
			}
			row = append(row, entry(c, int16(v)))
		}
		m.add(key, row)
	}
	if r.err != nil {
		return nil
	}
	m.index()
	return m
}

// Err returns the first error met while reading.
func (r *Reader) Err() error { return r.err }
