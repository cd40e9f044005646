package article

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"dyad/charset"
	"dyad/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite golden files")

func readText(t *testing.T, path string) *Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromText(data)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

func checkGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

// TestGoldenExample checks the whole article read from a dump written for
// the project.
func TestGoldenExample(t *testing.T) {
	a := readText(t, "../examples/tripoli-truce.txt")
	got, err := json.MarshalIndent(a, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/tripoli-truce.golden.json", append(got, '\n'))
}

// fingerprint describes an article by structure and content hashes, so
// that golden files of third-party texts hold none of their words.
func fingerprint(a *Article) []byte {
	var b bytes.Buffer
	h := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return fmt.Sprintf("%d words %s", len(strings.Fields(s)), hex.EncodeToString(sum[:4]))
	}
	fmt.Fprintf(&b, "id %s\ntitle %s\nstandfirst %s\nsource %q\nbyline %s\nlanguage %s\n", a.ID, h(a.Title), h(a.Standfirst), a.Source, h(a.Byline), a.Language)
	for _, bl := range a.Blocks {
		fmt.Fprintf(&b, "block %-9s %s\n", bl.Kind, h(bl.Text))
	}
	for _, r := range a.Related {
		fmt.Fprintf(&b, "related title %s summary %s\n", h(r.Title), h(r.Summary))
	}
	return b.Bytes()
}

// TestGoldenShared checks the seed article and two BBC files against
// fingerprints of their expected reading.
func TestGoldenShared(t *testing.T) {
	seed := filepath.Join(sharedtest.Path(t), "..", "seed", "000_8f2645bc90d6cfd4.txt")
	bbc := sharedtest.Path(t, "news", "text", "bbc-2005")
	for _, tt := range []struct{ name, path string }{
		{"seed", seed},
		{"bbc-politics-001", filepath.Join(bbc, "politics-001.txt")},
		{"bbc-business-001", filepath.Join(bbc, "business-001.txt")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			checkGolden(t, filepath.Join("testdata", tt.name+".golden.txt"), fingerprint(readText(t, tt.path)))
		})
	}
}

// TestSeed holds the acceptance lines for the seed article.
func TestSeed(t *testing.T) {
	a := readText(t, filepath.Join(sharedtest.Path(t), "..", "seed", "000_8f2645bc90d6cfd4.txt"))
	if a.Title != "Iraq fighters restore al-Qaeda ties" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Standfirst != "Islamic Army in Iraq mends fences with al-Qaeda after differences." {
		t.Errorf("standfirst = %q", a.Standfirst)
	}
	if a.Source != "Al Jazeera" {
		t.Errorf("source = %q", a.Source)
	}
	kinds := map[Kind][]string{}
	for _, bl := range a.Blocks {
		kinds[bl.Kind] = append(kinds[bl.Kind], bl.Text)
	}
	if h := kinds[Heading]; len(h) != 1 || h[0] != "Previous split" {
		t.Errorf("headings = %q, want [Previous split]", h)
	}
	const caption = "The Islamic Army in Iraq has launched many attacks on US forces in the country"
	if c := kinds[Caption]; len(c) != 1 || c[0] != caption {
		t.Errorf("captions = %q, want [%s]", c, caption)
	}
	if p := kinds[PullQuote]; len(p) != 1 || !strings.HasPrefix(p[0], "We hope that the relationship") {
		t.Errorf("pull quotes = %q", p)
	}
	text := a.Text()
	for s, n := range map[string]int{
		"We hope that the relationship between us and al-Qaeda": 1,
		"The truce entered into force at dawn on Wednesday":     1,
		caption:          0,
		"SOURCE":         0,
		"Al Jazeera":     1, // "an exclusive interview with Al Jazeera", not the source line
		"burger":         0,
		"lynch mobs":     0,
		"corpses":        0,
		"Previous split": 1,
	} {
		if got := strings.Count(text, s); got != n {
			t.Errorf("body text has %q %d times, want %d", s, got, n)
		}
	}
	wantRelated := []string{
		"'We will cut your throats': The anatomy of Greece's lynch mobs",
		"The rise of Pakistan's 'burger' generation",
		"From Cameroon to US-Mexico border: 'We saw corpses along the way'",
	}
	if len(a.Related) != len(wantRelated) {
		t.Fatalf("related = %+v, want %d teasers", a.Related, len(wantRelated))
	}
	for i, w := range wantRelated {
		if a.Related[i].Title != w || a.Related[i].Summary == "" {
			t.Errorf("related[%d] = %+v, want title %q with a summary", i, a.Related[i], w)
		}
	}
}

// TestBBC reads all the BBC files: the title is the first line, and every
// line after it that ends a sentence is a paragraph of the body, in order.
func TestBBC(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(sharedtest.Path(t, "news", "text", "bbc-2005"), "*.txt"))
	if len(files) != 21 {
		t.Fatalf("found %d BBC files, want 21", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, _ := os.ReadFile(f)
			lines := strings.Split(string(data), "\n")
			a := readText(t, f)
			if a.Title != strings.TrimSpace(lines[0]) {
				t.Errorf("title = %q, want %q", a.Title, lines[0])
			}
			var want []string
			for _, l := range lines[1:] {
				l = strings.TrimSpace(l)
				if l != "" && strings.ContainsAny(l[len(l)-1:], `.!?"'`) {
					want = append(want, l)
				}
			}
			var got []string
			for _, bl := range a.Blocks {
				if bl.Kind != Paragraph {
					t.Errorf("block of kind %s: %q", bl.Kind, bl.Text)
				}
				got = append(got, bl.Text)
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("paragraphs differ:\ngot  %d %q\nwant %d %q", len(got), got, len(want), want)
			}
			if a.Language != "en" {
				t.Errorf("language = %q", a.Language)
			}
		})
	}
}

func TestEncodings(t *testing.T) {
	src, err := os.ReadFile("../examples/tripoli-truce.txt")
	if err != nil {
		t.Fatal(err)
	}
	src = bytes.ReplaceAll(src, []byte("Sunday"), []byte("Sunday – “early”")) // characters outside ASCII
	want, err := FromText(src)
	if err != nil {
		t.Fatal(err)
	}
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes(src)
	if err != nil {
		t.Fatal(err)
	}
	utf16le, _ := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(src)
	utf16be, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes(src)
	crlf := bytes.ReplaceAll(src, []byte("\n"), []byte("\r\n"))
	for name, data := range map[string][]byte{
		"utf-8 bom":    append([]byte("\xEF\xBB\xBF"), src...),
		"utf-16le bom": utf16le,
		"utf-16be bom": utf16be,
		"windows-1252": cp1252,
		"crlf":         crlf,
	} {
		t.Run(name, func(t *testing.T) {
			got, err := FromText(data)
			if err != nil {
				t.Fatal(err)
			}
			if got.ID != want.ID || got.Text() != want.Text() || got.Title != want.Title {
				t.Errorf("read differently from UTF-8:\n%s\nwant\n%s", got.Text(), want.Text())
			}
		})
	}
}

func TestBadText(t *testing.T) {
	tests := []struct {
		name string
		data string
		err  error
	}{
		{"empty", "", ErrEmpty},
		{"blank", " \n\n\t\n", ErrEmpty},
		{"binary", "\x7fELF\x02\x01\x01\x00\x00\x00", charset.ErrBinary},
		{"invalid utf-8", "Title\n\nCafé \xff\xfe text.", charset.ErrInvalidUTF8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := FromText([]byte(tt.data)); !errors.Is(err, tt.err) {
				t.Errorf("err = %v, want %v", err, tt.err)
			}
		})
	}
}

func TestLayouts(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		check func(*testing.T, *Article)
	}{
		{"byline", "Talks resume\n\nBy Jane Doe\n\nNegotiators met on Monday.\n", func(t *testing.T, a *Article) {
			if a.Byline != "Jane Doe" || len(a.Blocks) != 1 {
				t.Errorf("byline %q, blocks %+v", a.Byline, a.Blocks)
			}
		}},
		{"wrapped lines", "Title\n\nThe talks, which began\nin Geneva, ended.\nA second paragraph.\n", func(t *testing.T, a *Article) {
			if len(a.Blocks) != 2 || a.Blocks[0].Text != "The talks, which began in Geneva, ended." {
				t.Errorf("blocks %+v", a.Blocks)
			}
		}},
		{"related marker", "Title\n\nBody text here.\n\nRelated\n\nOther story headline\n\nIts summary.\n", func(t *testing.T, a *Article) {
			if len(a.Blocks) != 1 || len(a.Related) != 1 || a.Related[0].Summary != "Its summary." {
				t.Errorf("blocks %+v related %+v", a.Blocks, a.Related)
			}
		}},
		{"repeated paragraph", "Title\n\nSame words again here.\n\nSame words again here.\n", func(t *testing.T, a *Article) {
			if len(a.Blocks) != 1 {
				t.Errorf("blocks %+v", a.Blocks)
			}
		}},
		{"no title", strings.Repeat("A very long first paragraph without any title above it. ", 8) + "\n", func(t *testing.T, a *Article) {
			if a.Title != "" || len(a.Blocks) != 1 {
				t.Errorf("title %q blocks %d", a.Title, len(a.Blocks))
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromText([]byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
}

func FuzzFromText(f *testing.F) {
	if ex, err := os.ReadFile("../examples/tripoli-truce.txt"); err == nil {
		f.Add(ex)
	}
	f.Add([]byte("Title\n\nStandfirst.\n\n    Para one.\n    Caption without end\n\n    SOURCE: X\n\n    Head\n\n    Head\n\n    Summary.\n"))
	f.Add([]byte("\xff\xfeT\x00i\x00\n\x00"))
	f.Add([]byte("x = 1\nprint(x)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := FromText(data)
		if err != nil {
			return
		}
		text := a.FullText()
		if !utf8.ValidString(text) {
			t.Fatalf("text is not valid UTF-8: %q", text)
		}
		// Decoding may widen single bytes to at most three, and nothing is
		// invented beyond the separators between blocks.
		if len(text) > 3*len(data)+8*(len(a.Blocks)+2) {
			t.Fatalf("%d bytes of text from %d bytes of input", len(text), len(data))
		}
		for _, bl := range a.Blocks {
			if bl.Text == "" || !bl.Kind.Valid() {
				t.Fatalf("bad block %+v", bl)
			}
		}
	})
}
