package lemma

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// magic names the model format and its version.
const magic = "dyad-lemmatizer\t1"

// MaxModelBytes bounds the uncompressed model a Read accepts.
const MaxModelBytes = 16 << 20

// WriteTo writes the model in the format described in the package
// documentation: gzip-compressed text, sorted, so that the same model
// always gives the same bytes.
func (l *Lemmatizer) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "%s\n", magic)
	for _, part := range []struct {
		kind string
		m    map[key]edit
	}{{"L", l.lexicon}, {"R", l.rules}} {
		keys := slices.SortedFunc(maps.Keys(part.m), func(a, b key) int {
			return cmp.Or(cmp.Compare(a.text, b.text), cmp.Compare(a.tag, b.tag))
		})
		for _, k := range keys {
			e := part.m[k]
			mode := "l"
			if e.Keep {
				mode = "k"
			}
			fmt.Fprintf(bw, "%s\t%s\t%s\t%s\t%d\t%s\n", part.kind, k.text, k.tag, mode, e.Strip, e.Add)
		}
	}
	ckeys := slices.SortedFunc(maps.Keys(l.keep), func(a, b caseKey) int {
		return cmp.Or(cmp.Compare(a.tag, b.tag), cmp.Compare(a.shape, b.shape))
	})
	for _, k := range ckeys {
		v := 0
		if l.keep[k] {
			v = 1
		}
		fmt.Fprintf(bw, "C\t%s\t%d\t%d\n", k.tag, k.shape, v)
	}
	for _, w := range slices.Sorted(maps.Keys(l.known)) {
		fmt.Fprintf(bw, "W\t%s\n", l.known[w])
	}
	if err := bw.Flush(); err != nil {
		return cw.n, err
	}
	if err := zw.Close(); err != nil {
		return cw.n, err
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// Read reads a model written by WriteTo. Errors name the line.
func Read(r io.Reader) (*Lemmatizer, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read lemmatizer: %w", err)
	}
	sc := bufio.NewScanner(io.LimitReader(zr, MaxModelBytes+1))
	l := &Lemmatizer{lexicon: map[key]edit{}, rules: map[key]edit{}, keep: map[caseKey]bool{}, known: map[string]string{}}
	line, size := 0, 0
	for sc.Scan() {
		line++
		text := sc.Text()
		size += len(text) + 1
		if size > MaxModelBytes {
			return nil, fmt.Errorf("read lemmatizer: model larger than %d bytes", MaxModelBytes)
		}
		if line == 1 {
			if text != magic {
				return nil, fmt.Errorf("read lemmatizer: line 1: not a lemmatizer model (want %q)", magic)
			}
			continue
		}
		f := strings.Split(text, "\t")
		switch {
		case f[0] == "W" && len(f) == 2 && f[1] != "":
			l.known[strings.ToLower(f[1])] = f[1]
		case f[0] == "C" && len(f) == 4:
			sh, err := strconv.Atoi(f[2])
			if err != nil || sh <= shapeLower || sh >= numShapes || f[3] != "0" && f[3] != "1" || f[1] == "" {
				return nil, fmt.Errorf("read lemmatizer: line %d: malformed case entry %q", line, text)
			}
			l.keep[caseKey{f[1], uint8(sh)}] = f[3] == "1"
		case (f[0] == "L" || f[0] == "R") && len(f) == 6 && (f[3] == "k" || f[3] == "l") && f[2] != "":
			strip, err := strconv.Atoi(f[4])
			if err != nil || strip < 0 || f[0] == "R" && strip > len(f[1]) {
				return nil, fmt.Errorf("read lemmatizer: line %d: bad strip count %q", line, f[4])
			}
			e := edit{Keep: f[3] == "k", Strip: strip, Add: f[5]}
			if f[0] == "L" {
				l.lexicon[key{f[1], f[2]}] = e
			} else {
				l.rules[key{f[1], f[2]}] = e
			}
		default:
			return nil, fmt.Errorf("read lemmatizer: line %d: malformed entry %q", line, text)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lemmatizer: line %d: %w", line+1, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("read lemmatizer: empty model")
	}
	return l, nil
}
