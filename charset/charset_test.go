package charset

import (
	"errors"
	"strings"
	"testing"
)

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, r := range s { // test strings stay in the BMP
		b = append(b, byte(r), byte(r>>8))
	}
	return b
}

func utf16be(s string) []byte {
	b := []byte{0xFE, 0xFF}
	for _, r := range s {
		b = append(b, byte(r>>8), byte(r))
	}
	return b
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name, in, want, enc string
		err                 error
	}{
		{"ascii", "Talks resumed.", "Talks resumed.", UTF8, nil},
		{"utf8", "Café in Zürich – “quoted”", "Café in Zürich – “quoted”", UTF8, nil},
		{"utf8 bom", "\xEF\xBB\xBFal-Qaeda", "al-Qaeda", UTF8, nil},
		{"utf16le bom", string(utf16le("Baghdad – truce", true)), "Baghdad – truce", UTF16LE, nil},
		{"utf16be bom", string(utf16be("Baghdad – truce")), "Baghdad – truce", UTF16BE, nil},
		{"windows-1252", "caf\xe9 \x93quoted\x94 \x96 \x80100", "café “quoted” – €100", Windows1252, nil},
		{"latin-1", "S\xe3o Paulo, \xfaltimas not\xedcias", "São Paulo, últimas notícias", Windows1252, nil},
		{"nul", "abc\x00def", "", "", ErrBinary},
		{"controls", "\x01\x02\x03\x04 some text", "", "", ErrBinary},
		{"utf16 without bom", string(utf16le("hello there", false)), "", "", ErrBinary},
		{"mixed utf8 and junk", "Café \xff broken", "", "", ErrInvalidUTF8},
		{"empty", "", "", UTF8, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode([]byte(tt.in))
			if tt.err != nil {
				var oe *OffsetError
				if !errors.Is(err, tt.err) || !errors.As(err, &oe) {
					t.Fatalf("err = %v, want %v as *OffsetError", err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("Decode = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func TestOffsetErrorLine(t *testing.T) {
	_, _, err := Decode([]byte("Café line one\nline two \xff\n"))
	var oe *OffsetError
	if !errors.As(err, &oe) || oe.Line != 2 || oe.Offset != 24 {
		t.Fatalf("err = %#v, want line 2, byte 24", err)
	}
	if !strings.Contains(err.Error(), "line 2") {
		t.Errorf("message %q does not name the line", err)
	}
}

func TestDecodeHTML(t *testing.T) {
	tests := []struct {
		name, in, ct, want, enc string
	}{
		{"header wins", "<p>caf\xe9</p>", "text/html; charset=ISO-8859-1", "<p>café</p>", Windows1252},
		{"meta", `<meta charset="windows-1252"><p>caf` + "\xe9</p>", "", `<meta charset="windows-1252"><p>café</p>`, Windows1252},
		{"meta lies, bytes are utf-8", `<meta charset="iso-8859-1"><p>café</p>`, "", `<meta charset="iso-8859-1"><p>café</p>`, UTF8},
		{"undeclared utf-8 after 1 KB", "<p>" + strings.Repeat("a", 2000) + "é</p>", "", "<p>" + strings.Repeat("a", 2000) + "é</p>", UTF8},
		{"undeclared latin-1", "<p>caf\xe9</p>", "", "<p>café</p>", Windows1252},
		{"declared utf-8, bytes latin-1", `<meta charset="utf-8"><p>caf` + "\xe9</p>", "", `<meta charset="utf-8"><p>café</p>`, Windows1252},
		{"utf-8 with a broken byte", "<p>café \xff</p>", "", "<p>café \uFFFD</p>", UTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := DecodeHTML([]byte(tt.in), tt.ct)
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("DecodeHTML = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func TestDecodeXML(t *testing.T) {
	tests := []struct {
		name, in, ct, want, enc string
	}{
		{"declared latin-1", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><t>Not\xedcias</t>", "",
			"<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Notícias</t>", Windows1252},
		{"undeclared latin-1", "<rss><t>\xdaltimas</t></rss>", "", "<rss><t>Últimas</t></rss>", Windows1252},
		{"utf-8", "<?xml version='1.0' encoding='utf-8'?><t>für</t>", "", "<?xml version='1.0' encoding='UTF-8'?><t>für</t>", UTF8},
		{"header", "<t>f\xfcr</t>", "application/rss+xml; charset=iso-8859-1", "<t>für</t>", Windows1252},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := DecodeXML([]byte(tt.in), tt.ct)
			if err != nil || got != tt.want || enc != tt.enc {
				t.Errorf("DecodeXML = %q, %q, %v; want %q, %q", got, enc, err, tt.want, tt.enc)
			}
		})
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "caf\xe9", "\xEF\xBB\xBFx", string(utf16le("ab", true)), "a\x00b", "é\xff", "<?xml encoding='latin1'?>\xe9"} {
		f.Add([]byte(s), "")
	}
	f.Add([]byte("<meta charset=utf-8>é"), "text/html; charset=koi8-r")
	f.Fuzz(func(t *testing.T, data []byte, ct string) {
		for _, decode := range []func([]byte) (string, string, error){
			Decode,
			func(b []byte) (string, string, error) { return DecodeHTML(b, ct) },
			func(b []byte) (string, string, error) { return DecodeXML(b, ct) },
		} {
			text, _, err := decode(data)
			if err != nil {
				continue
			}
			if !utf8ValidString(text) {
				t.Fatalf("decoded text is not valid UTF-8: %q", text)
			}
		}
	})
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "") == s }
