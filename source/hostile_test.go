package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
)

// allocated returns the bytes fn allocates.
func allocated(fn func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestWARCClaimedLength is issue 13 case 3: records that claim a large
// Content-Length made the reader allocate the claim, per record, and read
// to the end of the file for each.
func TestWARCClaimedLength(t *testing.T) {
	var b bytes.Buffer
	const n = 300
	for i := range n {
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/%d\r\nContent-Length: %d\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n", i, 64<<20)
	}
	path := writeFile(t, "claims.warc", b.Bytes())
	var recs []Record
	var errs []error
	alloc := allocated(func() { recs, errs = collect(t, Open(path, Options{})) })
	if len(recs) != 0 || len(errs) != n {
		t.Errorf("%d records, %d errors; want 0 and %d", len(recs), len(errs), n)
	}
	if len(errs) > 0 && !strings.Contains(errs[0].Error(), "bytes remain") {
		t.Errorf("error %v: want one saying the claim is longer than the file", errs[0])
	}
	if alloc > 64<<20 {
		t.Errorf("reading a %s file allocated %s", Size(int64(b.Len())), Size(int64(alloc)))
	}
}

// TestWARCGrowsAsBytesArrive: a claimed length within the limit, in a
// compressed record whose data end early, allocates what arrives.
func TestWARCGrowsAsBytesArrive(t *testing.T) {
	var b bytes.Buffer
	for i := range 50 {
		b.Write(gzipMember(fmt.Appendf(nil, "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://bomb.example/%d\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\nshort", i, 60<<20)))
	}
	path := writeFile(t, "claims.warc.gz", b.Bytes())
	var errs []error
	alloc := allocated(func() { _, errs = collect(t, Open(path, Options{})) })
	if len(errs) != 50 {
		t.Errorf("%d errors, want 50", len(errs))
	}
	if alloc > 64<<20 {
		t.Errorf("reading a %s file allocated %s", Size(int64(b.Len())), Size(int64(alloc)))
	}
}

// TestWARCRecordBudget: an archive stops after Options.MaxRecords records,
// with an error saying so.
func TestWARCRecordBudget(t *testing.T) {
	path := writeFile(t, "many.warc", bytes.Join(sampleWARC(20), nil))
	recs, errs := collect(t, Open(path, Options{MaxRecords: 10}))
	if len(recs) != 4 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "more than 10 records") {
		t.Errorf("%d records, errors %v", len(recs), errs)
	}
}

// blankLinesGzip is a gzip stream of n newlines (about 1000:1).
func blankLinesGzip(n int) []byte {
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	line := bytes.Repeat([]byte("\n"), 1<<20)
	for range n >> 20 {
		zw.Write(line)
	}
	zw.Close()
	return b.Bytes()
}

// TestJSONLGzipBomb is issue 13 case 3: a small gzip of JSON Lines holding
// a huge run of blank lines read for minutes, as each line was bounded but
// not the stream; the next input waited.
func TestJSONLGzipBomb(t *testing.T) {
	dir := t.TempDir()
	bomb := append(gzipMember([]byte(`{"title":"First","text":"Talks resumed in Geneva."}`+"\n")), blankLinesGzip(256<<20)...)
	os.WriteFile(filepath.Join(dir, "a-bomb.jsonl.gz"), bomb, 0o644)
	os.WriteFile(filepath.Join(dir, "b-good.txt"), []byte("Talks resume in Geneva\n\nNegotiators met on Monday.\n"), 0o644)
	recs, errs := collect(t, Open(dir, Options{}))
	if len(recs) != 2 || len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) || !strings.Contains(errs[0].Error(), "ratio") {
		t.Errorf("%d records, errors %v; want the first line, the text file, and a ratio error", len(recs), errs)
	}
	// The stream bound holds whatever the ratio.
	recs, errs = collect(t, Open(filepath.Join(dir, "a-bomb.jsonl.gz"), Options{MaxStreamBytes: 1 << 20}))
	if len(recs) != 1 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "decompressed stream over 1.0 MiB") {
		t.Errorf("%d records, errors %v", len(recs), errs)
	}
}

// TestSitemapTreeBudget is issue 13 case 3: the entry limit held per file,
// not per tree (3 children of 30,000 gave 90,000 URLs), and the number of
// child sitemaps was unbounded.
func TestSitemapTreeBudget(t *testing.T) {
	var fetches atomic.Int32
	var srv *httptest.Server
	big := map[string]string{}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fetches.Add(1)
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case r.URL.Path == "/index.xml":
			fmt.Fprint(w, index(srv.URL, "/big/1.xml", "/big/2.xml", "/big/3.xml"))
		case strings.HasPrefix(r.URL.Path, "/big/"):
			fmt.Fprint(w, big["x"])
		case r.URL.Path == "/wide.xml":
			var paths []string
			for i := range 1100 {
				paths = append(paths, fmt.Sprintf("/small/%d.xml", i))
			}
			fmt.Fprint(w, index(srv.URL, paths...))
		case strings.HasPrefix(r.URL.Path, "/small/"):
			fmt.Fprint(w, urlset(srv.URL, r.URL.Path+"/page"))
		}
	}))
	t.Cleanup(srv.Close)
	var paths []string
	for i := range 30000 {
		paths = append(paths, fmt.Sprintf("/news/%d", i))
	}
	big["x"] = urlset(srv.URL, paths...)

	recs, errs := collect(t, Open(srv.URL+"/index.xml", Options{Fetcher: newClient(), NoFollow: true}))
	if len(recs) > 50000 {
		t.Errorf("%d URLs from one tree, over the 50,000 limit", len(recs))
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "50000") {
		t.Errorf("errors %v: want one naming the limit", errs)
	}

	fetches.Store(0)
	recs, errs = collect(t, Open(srv.URL+"/wide.xml", Options{Fetcher: newClient(), NoFollow: true}))
	if n := fetches.Load(); n > 1+1+1000 {
		t.Errorf("%d fetches for an index of 1,100 sitemaps: over the 1,000-sitemap limit", n)
	}
	if len(recs) != 1000 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "1000 sitemaps") {
		t.Errorf("%d records, errors %v", len(recs), errs)
	}
}

// TestFeedWithInternalDTD is issue 13 case 7: a feed with an internal DTD
// subset was taken for an HTML page (its first '>' is inside the subset).
func TestFeedWithInternalDTD(t *testing.T) {
	feed := `<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE rss [
  <!ENTITY nbsp "&#160;">
  <!ELEMENT rss (channel)>
]>
<rss version="2.0"><channel><title>Example News</title><link>https://news.example/</link>
<item><title>Talks resume</title><link>https://news.example/story/1</link><description>Negotiators met.</description></item>
</channel></rss>`
	if k, root := sniff([]byte(feed), ""); k != kindFeed || root != "rss" {
		t.Errorf("sniffed %s <%s>, want a feed", k, root)
	}
	recs, errs := collect(t, Open(writeFile(t, "news.rss", []byte(feed)), Options{}))
	if len(recs) != 1 || len(errs) != 0 {
		t.Errorf("%d records, errors %v", len(recs), errs)
	}
}
