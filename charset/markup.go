package charset

import (
	"bytes"
	"mime"
	"regexp"
	"sync"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// DecodeHTML converts an HTML document to UTF-8. The encoding is taken from a
// byte order mark, then the charset of contentType (an HTTP Content-Type
// value, may be empty), then a <meta> declaration in the first 1024 bytes, then
// the bytes themselves. Declarations are checked against the content, because
// pages often lie: a page declared as Latin-1 whose bytes are valid UTF-8 with
// multibyte characters is read as UTF-8, and a page declared as UTF-8 that has
// no UTF-8 multibyte sequence but has high bytes is read as Windows-1252.
// Invalid UTF-8 in a page that really is UTF-8 becomes U+FFFD, as browsers do.
func DecodeHTML(data []byte, contentType string) (text, name string, err error) {
	if text, name, ok, err := fromBOM(data); ok {
		return text, name, err
	}
	enc, name, _ := charset.DetermineEncoding(data, contentType)
	return decodeDeclared(data, enc, name)
}

// xmlDecl matches the encoding pseudo-attribute of an XML declaration.
var xmlDecl = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)
})

// DecodeXML converts an XML document (a feed, a sitemap) to UTF-8, choosing
// the encoding from a byte order mark, the charset of contentType, the XML
// declaration, then the bytes, with the same checks against the content as
// DecodeHTML. The returned text has its XML declaration's encoding rewritten
// to UTF-8, so that an XML decoder reading it needs no charset reader.
func DecodeXML(data []byte, contentType string) (text, name string, err error) {
	if text, name, ok, err := fromBOM(data); ok {
		return fixDecl(text), name, err
	}
	label := ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		label = params["charset"]
	}
	if label == "" {
		head := data[:min(len(data), 512)]
		if m := xmlDecl().FindSubmatch(head); m != nil {
			label = string(m[1])
		}
	}
	var enc encoding.Encoding
	name = ""
	if label != "" {
		enc, name = charset.Lookup(label)
	}
	if enc == nil {
		enc, name = encoding.Nop, UTF8
		if !utf8.Valid(data) {
			enc, name = charset.Lookup(Windows1252)
		}
	}
	text, name, err = decodeDeclared(data, enc, name)
	return fixDecl(text), name, err
}

// decodeDeclared decodes data with a declared or guessed encoding, after
// checking the declaration against the bytes.
func decodeDeclared(data []byte, enc encoding.Encoding, name string) (string, string, error) {
	switch {
	case name == UTF8 || enc == encoding.Nop:
		valid := utf8.Valid(data)
		if !valid && !hasMultibyte(data) && binaryAt(data) < 0 {
			e, n := charset.Lookup(Windows1252)
			return decodeNamed(data, e, n)
		}
		return validUTF8(data, valid), UTF8, nil
	case singleByte(name):
		// A page declared single-byte is often UTF-8 in fact. Most are
		// valid UTF-8, which utf8.Valid checks eight bytes at a time; then
		// it is UTF-8 if it holds any multibyte sequence at all, that is
		// any byte past ASCII, and counting sequences rune by rune
		// (mostlyUTF8) is needed only for the damaged rest.
		if valid := utf8.Valid(data); valid && !ascii(data) || !valid && mostlyUTF8(data) {
			return validUTF8(data, valid), UTF8, nil
		}
	}
	return decodeNamed(data, enc, name)
}

// validUTF8 returns data as a string with each invalid byte sequence
// replaced by U+FFFD. valid says that data is valid UTF-8 already, as most
// pages are: then the string is a plain copy, without the rune-by-rune scan
// of the replacing.
func validUTF8(data []byte, valid bool) string {
	if valid {
		return string(data)
	}
	return string(bytes.ToValidUTF8(data, []byte("\uFFFD")))
}

func decodeNamed(data []byte, enc encoding.Encoding, name string) (string, string, error) {
	text, err := decodeWith(enc, data)
	return text, name, err
}

// mostlyUTF8 reports whether data has UTF-8 multibyte sequences and at
// least as many of them as stray bytes that are not UTF-8: UTF-8 with a few
// damaged bytes, rather than single-byte text where a multibyte sequence
// would be a rare accident.
func mostlyUTF8(data []byte) bool {
	valid, invalid := utf8Counts(data)
	return valid > 0 && valid >= invalid
}

// ascii reports whether data is all ASCII.
func ascii(data []byte) bool {
	for _, c := range data {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// singleByte reports whether name is one of the Western single-byte
// encodings that pages commonly declare by mistake.
func singleByte(name string) bool {
	switch name {
	case Windows1252, "iso-8859-1", "iso-8859-15", "us-ascii":
		return true
	}
	return false
}

// fixDecl rewrites the encoding of an XML declaration to UTF-8.
func fixDecl(text string) string {
	loc := xmlDecl().FindStringSubmatchIndex(text[:min(len(text), 512)])
	if loc == nil {
		return text
	}
	var b bytes.Buffer
	b.WriteString(text[:loc[2]])
	b.WriteString("UTF-8")
	b.WriteString(text[loc[3]:])
	return b.String()
}
