package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

func TestFiles(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.html":         []byte(testPage(1)),
		"b.txt":          []byte("Talks resume\n\nNegotiators met again in Geneva.\n"),
		"c.html.gz":      gzipMember([]byte(testPage(3))),
		"d.htm":          []byte("  \n<html><body><p>no doctype</p></body></html>"),
		"e.txt":          []byte(testPage(5)),                        // an HTML page named .txt
		"sub/f.warc.gz":  gzipMember(bytes.Join(sampleWARC(1), nil)), // one gzip stream for the file
		".hidden.html":   []byte(testPage(9)),
		"g.jsonl":        []byte(`{"url":"https://j.example/1","title":"T","text":"Body."}` + "\n"),
		"h.xml.gz":       gzipMember([]byte(urlset("https://s.example", "/news/1"))),
		"utf16.txt":      {0xFF, 0xFE, '<', 0, 'h', 0, 't', 0, 'm', 0, 'l', 0, '>', 0},
		"unknown.xml":    []byte(`<?xml version="1.0"?><catalog><book/></catalog>`),
		"empty.html":     {},
		"sub/notes.html": []byte("<p>fragment</p>"),
		"README.md":      []byte("# Notes\n\nNot news.\n"), // not a news extension: skipped
		"b.events":       []byte("190 VAL MRK\n"),
		"logo.png.gz":    gzipMember([]byte("not news")),
		"dump":           []byte("Talks fail\n\nThe two sides left Geneva.\n"), // no extension: read
	}
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs, errs := collect(t, Open(dir, Options{}))
	got := map[string]string{}
	for _, r := range recs {
		got[strings.TrimPrefix(r.Origin, dir+"/")] = mediaType(r.ContentType)
	}
	want := map[string]string{
		"a.html": "text/html", "b.txt": "text/plain", "c.html.gz": "text/html", "d.htm": "text/html",
		"e.txt": "text/html", "sub/f.warc.gz#offset=0": "text/html",
		"g.jsonl#line=1": "", "https://s.example/news/1": "", "utf16.txt": "text/html", "sub/notes.html": "text/html",
		"dump": "text/plain",
	}
	for k, v := range want {
		if g, ok := got[k]; !ok || g != v {
			t.Errorf("%s: got %q (present %v), want %q", k, g, ok, v)
		}
	}
	if len(got) != len(want) || t.Failed() {
		t.Errorf("got %v", got)
	}
	var msgs []string
	for _, e := range errs {
		msgs = append(msgs, strings.TrimPrefix(e.Error(), dir+"/"))
	}
	// In a folder, XML of another kind is not news (issue 18), not a failure.
	wantErrs := []string{"empty.html: empty file", "unknown.xml: not news: XML document with root <catalog> is neither a feed nor a sitemap"}
	if strings.Join(msgs, "\n") != strings.Join(wantErrs, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(wantErrs, "\n"))
	}
}

func TestTruncatedGzip(t *testing.T) {
	page := gzipMember([]byte(strings.Repeat(testPage(1), 50)))
	path := writeFile(t, "page.html.gz", page[:len(page)/2])
	recs, errs := collect(t, Open(path, Options{}))
	if len(recs) != 0 || len(errs) != 1 || errs[0].Error() != path+": truncated gzip: unexpected EOF" {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
	// Streamed JSON Lines: the lines before the cut still come out.
	var lines bytes.Buffer
	for range 2000 {
		lines.WriteString(`{"url":"https://j.example/1","title":"Talks","text":"Negotiators met again in Geneva on Tuesday."}` + "\n")
	}
	z := gzipMember(lines.Bytes())
	path = writeFile(t, "rows.jsonl.gz", z[:len(z)*3/4])
	recs, errs = collect(t, Open(path, Options{}))
	if len(recs) == 0 || len(recs) >= 2000 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "truncated gzip") {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}

// TestHugePage reads a 100 MB page, sparse on disk and as a gzip bomb:
// each fails at the limit without holding the page in memory.
func TestHugePage(t *testing.T) {
	const size = 100 << 20
	sparse := filepath.Join(t.TempDir(), "huge.html")
	f, err := os.Create(sparse)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("<html><body>")
	f.Truncate(size)
	f.Close()

	var bomb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&bomb, gzip.BestCompression)
	io.CopyN(zw, zeroReader{}, size)
	zw.Close()
	bombPath := writeFile(t, "bomb.html.gz", bomb.Bytes())

	for _, path := range []string{sparse, bombPath} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		recs, errs := collect(t, Open(path, Options{MaxBytes: 4 << 20}))
		runtime.ReadMemStats(&after)
		if len(recs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.HasPrefix(errs[0].Error(), path+": ") {
			t.Errorf("%s: records %d errors %v", path, len(recs), errs)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 32<<20 {
			t.Errorf("%s: allocated %d MB reading it", path, alloc>>20)
		}
	}
}

type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// TestUnreadable reads a directory holding files that cannot be read (a
// dangling link, a named pipe, which would block a naive reader): each is
// an error naming it, and the readable file still comes out.
func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Title\n\nBody.\n"), 0o644)
	os.Symlink(filepath.Join(dir, "gone.txt"), filepath.Join(dir, "b.txt"))
	if err := syscall.Mkfifo(filepath.Join(dir, "c.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, errs := collect(t, Open(dir, Options{}))
	if len(recs) != 1 || len(errs) != 2 {
		t.Fatalf("records %d errors %v", len(recs), errs)
	}
	if !strings.HasSuffix(errs[0].Error(), "b.txt: no such file or directory") || !strings.HasSuffix(errs[1].Error(), "c.txt: not a regular file (p---------)") {
		t.Errorf("errors %v", errs)
	}
}

func TestMissing(t *testing.T) {
	recs, errs := collect(t, Open("/nonexistent/x.warc.gz", Options{}))
	if len(recs) != 0 || len(errs) != 1 || errs[0].Error() != "/nonexistent/x.warc.gz: no such file or directory" {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}
