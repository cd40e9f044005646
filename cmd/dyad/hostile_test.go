package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"dyad/internal/parsertest"
)

// hostileBounds are what the hostile corpus may take: its documents claim
// tens of GiB and take minutes when read naively. The time is a guard
// against hangs, not a speed target.
const (
	hostileTimeout = 3 * time.Minute
	hostileHeap    = 1 << 30
)

// TestHostileCorpus is issue 13's acceptance: the bombs of the issue mixed
// with good articles, in one run of dyad code. The run ends within the
// bounds, every good article is coded, every bad input is reported with
// its reason, and the exit status is 1.
func TestHostileCorpus(t *testing.T) {
	parsertest.Pipeline(t)
	if testing.Short() {
		t.Skip("reads and writes several hundred MB")
	}
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	examples := filepath.Join("..", "..", "examples")
	good := []string{filepath.Join(examples, "tripoli-truce.txt"), filepath.Join(examples, "kashmir-ceasefire.txt")}

	// A site whose robots.txt and feed items redirect within the host
	// (cases 1 and 2): its page is a good article.
	page := `<!DOCTYPE html><html><head><meta charset="utf-8"><title>Egypt hosts truce talks</title></head><body><article><h1>Egypt hosts truce talks</h1>
<p>Egypt praised Israel on Monday for accepting a proposal to extend the truce in Gaza, officials in Cairo said.</p>
<p>Israeli and Palestinian negotiators met in Cairo for a second day of indirect talks on the exchange of prisoners.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.Redirect(w, r, "/robots-real.txt", http.StatusMovedPermanently)
		case r.URL.Path == "/robots-real.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		case strings.HasPrefix(r.URL.Path, "/item/"):
			http.Redirect(w, r, "/story/"+strings.TrimPrefix(r.URL.Path, "/item/"), http.StatusFound)
		case r.URL.Path == "/story/1":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprint(w, page)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	feed := write("wire.rss", fmt.Appendf(nil, `<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY mdash "&#8212;">]>
<rss version="2.0"><channel><title>Wire</title><link>%[1]s/</link>
<item><title>Egypt hosts truce talks</title><link>%[1]s/item/1</link></item>
<item><title>Secret</title><link>%[1]s/private/1</link></item>
</channel></rss>`, srv.URL))

	// The bombs.
	var warc bytes.Buffer
	for i := range 300 {
		fmt.Fprintf(&warc, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.example/%d\r\nContent-Length: %d\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n", i, 64<<20)
	}
	claims := write("claims.warc", warc.Bytes())
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write([]byte(`{"title":"Weather","text":"It rained in the north."}` + "\n"))
	blank := bytes.Repeat([]byte("\n"), 1<<20)
	for range 256 {
		zw.Write(blank)
	}
	zw.Close()
	blanks := write("blank.jsonl.gz", gz.Bytes())
	deep := write("deep.html", []byte("<!DOCTYPE html><html><body>"+strings.Repeat("<div>", 5000)+"<p>Troops left.</p></body></html>"))
	oneLine := write("oneline.txt", bytes.Repeat([]byte("troops attacked the town and "), 20<<20/29))
	binary := write("binary.txt", append([]byte("MZ\x90\x00\x03\x00\x00\x00"), make([]byte, 4096)...))
	missing := filepath.Join(dir, "missing.txt")
	cache := write("cache.json", []byte("{truncated"))
	bad := map[string]string{
		claims:  "the record claims 67108864 bytes but",
		blanks:  "ratio over 200:1",
		deep:    "nested deeper than 512",
		oneLine: "more than 1.0 MiB",
		binary:  "binary",
		missing: "no such file",
		feed:    "disallowed by robots.txt",
	}

	run := func(args []string) (stdout, stderr string, peak uint64, err error) {
		var out, errOut bytes.Buffer
		var max atomic.Uint64
		stop := make(chan struct{})
		sampled := make(chan struct{})
		go func() {
			defer close(sampled)
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.HeapInuse > max.Load() {
					max.Store(ms.HeapInuse)
				}
				select {
				case <-stop:
					return
				case <-time.After(20 * time.Millisecond):
				}
			}
		}()
		ctx, cancel := context.WithTimeout(context.Background(), hostileTimeout)
		defer cancel()
		o := &codeOptions{extractOptions: extractOptions{json: true, maxBytes: defaultMaxBytes, timeout: 5 * time.Second, delay: time.Millisecond, allowPrivate: true, cache: cache}}
		err = runCode(ctx, nil, &out, &errOut, args, o, false)
		close(stop)
		<-sampled
		if ctx.Err() != nil {
			t.Fatalf("the run took more than %s", hostileTimeout)
		}
		return out.String(), errOut.String(), max.Load(), err
	}
	articles := func(stdout string) map[string]bool {
		seen := map[string]bool{}
		for _, r := range readRecords(t, stdout) {
			seen[r.ArticleID] = true
		}
		return seen
	}

	wantOut, _, _, err := run(append(good, feed))
	want := articles(wantOut)
	if err == nil || len(want) != 3 {
		t.Fatalf("good articles alone: %d coded (want 3), error %v (want the robots.txt refusal)", len(want), err)
	}

	args := []string{claims, good[0], blanks, deep, feed, oneLine, binary, good[1], missing}
	stdout, stderr, peak, err := run(args)
	if !isReported(err) {
		t.Errorf("error %v, want exit status 1 with the failures counted", err)
	}
	got := articles(stdout)
	for id := range want {
		if !got[id] {
			t.Errorf("good article %s not coded", id)
		}
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	for path, reason := range bad {
		n := 0
		for _, l := range lines {
			if strings.Contains(l, path) && strings.Contains(l, reason) {
				n++
			}
		}
		if n == 0 {
			t.Errorf("%s not reported with %q", filepath.Base(path), reason)
		}
	}
	if peak > hostileHeap {
		t.Errorf("heap in use peaked at %d MiB, over %d MiB", peak>>20, hostileHeap>>20)
	}
	t.Logf("%d stderr lines, heap peak %d MiB", len(lines), peak>>20)
	if b, _ := os.ReadFile(cache); !bytes.HasPrefix(b, []byte("{")) || bytes.Equal(b, []byte("{truncated")) {
		t.Errorf("the corrupt cache was not replaced: %q", b)
	}
}
