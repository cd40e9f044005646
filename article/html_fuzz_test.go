package article

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzFromHTML feeds FromHTML arbitrary pages: it must not panic, and what
// it returns must be a well-formed article no larger than the page allows.
func FuzzFromHTML(f *testing.F) {
	pages, _ := filepath.Glob("testdata/html/*.html")
	for _, p := range pages {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, "text/html")
	}
	for _, s := range []string{
		"", "<", "<p>", "<html><body><p>One two three.</p></body></html>",
		"<article><h4>More:</h4><ul><li><a href='x'>A story</a></li></ul><p>SOURCE: Agencies</p></article>",
		"<table><tr><td>a<br>b<td><font><font><b>c",
		`<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","author":[[{"name":1}]]}]}</script><p>x</p>`,
		"\xef\xbb\xbf<p>caf\xc3\xa9</p>", "\xff\xfe<\x00p\x00>\x00",
	} {
		f.Add([]byte(s), "")
	}
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		a, err := FromHTML(data, "https://news.example/2020/01/02/x", contentType)
		if err != nil {
			return
		}
		if len(a.Blocks) == 0 {
			t.Fatal("no error and no blocks")
		}
		size := 0
		for _, b := range a.Blocks {
			if !b.Kind.Valid() || b.Text == "" || !utf8.ValidString(b.Text) {
				t.Fatalf("bad block %+v", b)
			}
			size += len(b.Text)
		}
		// Decoding can turn one byte into at most three (a single-byte
		// encoding into UTF-8); markup and entities only shrink.
		if size > 3*len(data) {
			t.Fatalf("%d bytes of text from a %d-byte page", size, len(data))
		}
		for _, s := range []string{a.Title, a.Standfirst, a.Byline, a.Source, a.Language} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8 in metadata %q", s)
			}
		}
	})
}
