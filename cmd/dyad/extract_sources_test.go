package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/article"
)

// wireStory is a story written for these tests, in paragraphs.
const wireStory = `Envoys from the two sides agreed on Monday to a truce that starts at dawn on Thursday, ending three weeks of fighting around the provincial capital.

Both sides pledged to withdraw heavy weapons ten kilometres from the front line and to exchange prisoners within a month, the envoys said after the talks.

Aid agencies said more than 40,000 people had fled their homes since the clashes began, and that convoys would reach the city by the weekend.`

func htmlPage(title, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><article><h1>%s</h1>", title, title)
	for _, p := range strings.Split(body, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func warcMember(typ, uri, html string) []byte {
	block := html
	if typ == "response" {
		block = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
	}
	rec := fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-04T08:00:00Z\r\nContent-Type: application/http; msgtype=%s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, typ, len(block), block)
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write([]byte(rec))
	zw.Close()
	return b.Bytes()
}

// TestExtractSources runs extract over one input of each kind: a WARC with
// a corrupt record in the middle, a feed whose item links to a page, JSON
// Lines, and a URL, all local. Every article comes out, the syndicated copy is marked as a
// duplicate, and the corrupt record is one error line naming the file and
// offset.
func TestExtractSources(t *testing.T) {
	dir := t.TempDir()
	first := warcMember("response", "https://a.example/truce", htmlPage("Truce agreed in north", wireStory))
	bad := warcMember("response", "https://a.example/broken", htmlPage("Broken", wireStory))
	bad = bad[:len(bad)/2]
	last := warcMember("response", "https://a.example/aid", htmlPage("Aid convoys set out", "Aid convoys set out on Friday for the provincial capital, carrying food and medicine for the families who fled the fighting, the agencies said."))
	warcPath := filepath.Join(dir, "crawl.warc.gz")
	os.WriteFile(warcPath, bytes.Join([][]byte{first, bad, last}, nil), 0o644)
	badOffset := len(first)

	jsonlPath := filepath.Join(dir, "copies.jsonl")
	os.WriteFile(jsonlPath, fmt.Appendf(nil, `{"url":"https://b.example/1","title":"Northern factions sign truce","text":%q,"published":"2024-03-04T09:00:00Z"}`+"\n", "MERIN (Wire) - "+wireStory+"\n\nReporting by Lena Marsh"), 0o644)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/news/truce":
			fmt.Fprint(w, htmlPage("Truce agreed", wireStory))
			return
		case "/news/doha":
			fmt.Fprint(w, htmlPage("Talks in Doha", "Negotiators met in Doha on Sunday for a second round of talks on the exchange of prisoners agreed in the truce, the mediators said."))
			return
		}
		http.NotFound(w, r)
	}))
	defer srv.Close()
	feedPath := filepath.Join(dir, "wire.rss")
	os.WriteFile(feedPath, fmt.Appendf(nil, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Talks in Doha</title><link>%s/news/doha</link><description>Negotiators met in Doha on Sunday for a second round of talks on the exchange of prisoners agreed in the truce.</description><pubDate>Sun, 10 Mar 2024 09:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL), 0o644)

	var stdout, stderr bytes.Buffer
	o := &extractOptions{json: true, maxBytes: defaultMaxBytes, timeout: 5 * time.Second, delay: time.Millisecond, allowPrivate: true}
	err := runExtract(context.Background(), &stdout, &stderr, []string{warcPath, feedPath, jsonlPath, srv.URL + "/news/truce"}, o, false)
	var rep errReported
	if !errors.As(err, &rep) || rep.failed != 1 || rep.total != 6 {
		t.Errorf("err = %v, want 1 of 6 failed", err)
	}
	wantErr := fmt.Sprintf("dyad: %s: record at byte %d: ", warcPath, badOffset)
	if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !strings.HasPrefix(lines[0], wantErr) {
		t.Errorf("stderr %q, want one line starting %q", stderr.String(), wantErr)
	}
	var got []string
	ids := map[string]string{}
	dec := json.NewDecoder(&stdout)
	for dec.More() {
		var a struct {
			article.Article
			DuplicateOf string `json:"duplicate_of"`
		}
		if err := dec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		ids[a.Title] = a.ID
		got = append(got, a.Title+"|"+a.DuplicateOf)
	}
	orig := ids["Truce agreed in north"]
	want := []string{"Truce agreed in north|", "Aid convoys set out|", "Talks in Doha|", "Northern factions sign truce|" + orig, "Truce agreed|" + orig}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// The human-readable form shows the grouping too.
	stdout.Reset()
	stderr.Reset()
	o.json = false
	runExtract(context.Background(), &stdout, &stderr, []string{jsonlPath, srv.URL + "/news/truce"}, o, false)
	if !strings.Contains(stdout.String(), "duplicate of: ") {
		t.Errorf("no duplicate shown:\n%s", stdout.String())
	}
}

func TestExtractNoFetch(t *testing.T) {
	var stdout, stderr bytes.Buffer
	o := &extractOptions{maxBytes: defaultMaxBytes, noFetch: true}
	err := runExtract(context.Background(), &stdout, &stderr, []string{"http://127.0.0.1:1/page"}, o, false)
	if err == nil || !strings.Contains(stderr.String(), "http://127.0.0.1:1/page: fetching is disabled (--no-fetch is set)") {
		t.Errorf("err %v, stderr %q", err, stderr.String())
	}
}

// TestExtractCache polls a page twice with a validator cache: the second
// run asks conditionally, gets 304, and prints nothing.
func TestExtractCache(t *testing.T) {
	var conditional int
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/news/truce" {
			http.NotFound(w, r)
			return
		}
		if r.Header.Get("If-None-Match") == `"t1"` {
			conditional++
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"t1"`)
		fmt.Fprint(w, htmlPage("Truce agreed", wireStory))
	}))
	defer srv.Close()
	o := &extractOptions{json: true, maxBytes: defaultMaxBytes, timeout: 5 * time.Second, delay: time.Millisecond, allowPrivate: true, cache: filepath.Join(t.TempDir(), "cache.json")}
	var first, second, stderr bytes.Buffer
	if err := runExtract(context.Background(), &first, &stderr, []string{srv.URL + "/news/truce"}, o, false); err != nil || !strings.Contains(first.String(), "Truce agreed") {
		t.Fatalf("first run: %v %q %q", err, first.String(), stderr.String())
	}
	if err := runExtract(context.Background(), &second, &stderr, []string{srv.URL + "/news/truce"}, o, false); err != nil || second.Len() != 0 || conditional != 1 {
		t.Errorf("second run: %v, printed %q, %d conditional requests", err, second.String(), conditional)
	}
}
