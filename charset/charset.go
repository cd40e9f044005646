// Package charset turns the bytes of a news document into UTF-8 text.
//
// News arrives in whatever encoding its publisher or scraper used: UTF-8,
// UTF-8 with a byte order mark, UTF-16, or a legacy single-byte encoding
// (Windows-1252, ISO 8859-1), often undeclared. The functions here decide the
// encoding from, in order, a byte order mark, an HTTP Content-Type charset, an
// in-document declaration (HTML meta, XML declaration), and finally the bytes
// themselves, and decode to UTF-8. Binary data and corrupt UTF-8 are reported
// as errors rather than decoded into garbage.
package charset

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// ErrBinary reports data that is not text at all.
var ErrBinary = errors.New("binary data, not text")

// ErrInvalidUTF8 reports text that is mostly UTF-8 but contains byte
// sequences that are not: a damaged file, which Dyad refuses to guess about.
var ErrInvalidUTF8 = errors.New("invalid UTF-8")

// OffsetError locates an encoding problem in the input.
type OffsetError struct {
	Err    error // ErrBinary or ErrInvalidUTF8
	Offset int   // byte offset of the first offending byte
	Line   int   // 1-based line of that byte
}

func (e *OffsetError) Error() string {
	return fmt.Sprintf("%v at line %d (byte %d)", e.Err, e.Line, e.Offset)
}

func (e *OffsetError) Unwrap() error { return e.Err }

func offsetError(err error, data []byte, off int) error {
	return &OffsetError{Err: err, Offset: off, Line: 1 + bytes.Count(data[:off], []byte{'\n'})}
}

// Names of the encodings Decode reports.
const (
	UTF8        = "utf-8"
	UTF16LE     = "utf-16le"
	UTF16BE     = "utf-16be"
	Windows1252 = "windows-1252"
)

type bom struct {
	prefix []byte
	name   string
	enc    encoding.Encoding
}

var boms = []bom{
	{[]byte{0xEF, 0xBB, 0xBF}, UTF8, unicode.UTF8BOM},
	{[]byte{0xFF, 0xFE}, UTF16LE, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)},
	{[]byte{0xFE, 0xFF}, UTF16BE, unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)},
}

// fromBOM decodes data that starts with a byte order mark. ok is false if
// there is none.
func fromBOM(data []byte) (text, name string, ok bool, err error) {
	for _, b := range boms {
		if bytes.HasPrefix(data, b.prefix) {
			text, err := decodeWith(b.enc, data)
			return text, b.name, true, err
		}
	}
	return "", "", false, nil
}

func decodeWith(enc encoding.Encoding, data []byte) (string, error) {
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// Decode converts plain text of unknown encoding to UTF-8 and names the
// encoding it found. Text without a byte order mark is taken as UTF-8 when it
// is valid UTF-8 and as Windows-1252 (a superset of the printable ISO 8859-1)
// when it contains no UTF-8 multibyte sequence at all. Data with NUL bytes or
// many control characters returns an error wrapping ErrBinary; data that
// mixes valid and invalid UTF-8 returns an error wrapping ErrInvalidUTF8.
// Both errors are *OffsetError values.
func Decode(data []byte) (text, name string, err error) {
	if text, name, ok, err := fromBOM(data); ok {
		if err != nil {
			return "", name, fmt.Errorf("decode %s: %w", name, err)
		}
		if off := binaryAt([]byte(text)); off >= 0 {
			return "", name, &OffsetError{Err: ErrBinary, Offset: off, Line: 1 + bytes.Count([]byte(text[:off]), []byte{'\n'})}
		}
		return text, name, nil
	}
	if off := binaryAt(data); off >= 0 {
		return "", "", offsetError(ErrBinary, data, off)
	}
	if utf8.Valid(data) {
		return string(data), UTF8, nil
	}
	if hasMultibyte(data) {
		return "", "", offsetError(ErrInvalidUTF8, data, invalidAt(data))
	}
	text, err = decodeWith(charmap.Windows1252, data)
	return text, Windows1252, err
}

// binaryAt returns the offset of the byte that shows data is binary, or -1.
// A NUL byte is decisive; otherwise more than one control character (other
// than tab, newline, carriage return, form feed and escape) in 100 bytes is.
func binaryAt(data []byte) int {
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return i
	}
	controls, first := 0, -1
	for i, c := range data {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b {
			controls++
			if first < 0 {
				first = i
			}
		}
	}
	if controls > 0 && controls*100 > len(data) {
		return first
	}
	return -1
}

// utf8Counts counts the valid UTF-8 multibyte sequences in data and the
// bytes that are not part of any valid sequence.
func utf8Counts(data []byte) (valid, invalid int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
			i++
			continue
		}
		valid++
		i += n
	}
	return valid, invalid
}

// hasMultibyte reports whether data contains a valid UTF-8 multibyte sequence.
func hasMultibyte(data []byte) bool {
	valid, _ := utf8Counts(data)
	return valid > 0
}

// invalidAt returns the offset of the first byte that is not valid UTF-8.
func invalidAt(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(data)
}
