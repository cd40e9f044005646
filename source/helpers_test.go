package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// warcRecord builds one WARC record. For a response, page is wrapped in an
// HTTP 200 message with the given Content-Type.
func warcRecord(typ, uri, contentType, page string) []byte {
	block := page
	wct := "application/http; msgtype=" + typ
	switch typ {
	case "response":
		block = fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", contentType, len(page), page)
	case "request":
		block = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n"
	case "warcinfo", "resource":
		wct = contentType
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-01T10:00:00Z\r\n", typ, uri)
	fmt.Fprintf(&b, "WARC-Record-ID: <urn:uuid:%08d-0000-0000-0000-000000000000>\r\n", len(uri)+len(page))
	fmt.Fprintf(&b, "Content-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", wct, len(block), block)
	return b.Bytes()
}

func gzipMember(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

// testPage is a small news page written for these tests.
func testPage(n int) string {
	return fmt.Sprintf(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>Story %d</title></head>
<body><article><h1>Story %d</h1><p>Ministers from both countries met in Geneva on Tuesday to discuss the ceasefire, story %d.</p></article></body></html>`, n, n, n)
}

// sampleWARC returns the records of a small archive: a warcinfo, then
// request/response pairs for n pages, and the offsets of each record.
func sampleWARC(n int) [][]byte {
	recs := [][]byte{warcRecord("warcinfo", "", "application/warc-fields", "software: dyad test\r\n")}
	for i := 1; i <= n; i++ {
		u := fmt.Sprintf("https://news.example/story/%d", i)
		recs = append(recs, warcRecord("request", u, "", ""), warcRecord("response", u, "text/html; charset=utf-8", testPage(i)))
	}
	return recs
}

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// collect reads a source to its end.
func collect(t *testing.T, src Source) (recs []Record, errs []error) {
	t.Helper()
	for rec, err := range All(context.Background(), src) {
		if err != nil {
			var de *DocError
			if !errors.As(err, &de) {
				t.Fatalf("fatal error: %v", err)
			}
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

// logBuffer is a logger whose output a test can read.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func newLog() (*slog.Logger, *logBuffer) {
	lb := &logBuffer{}
	return slog.New(slog.NewTextHandler(lb, &slog.HandlerOptions{Level: slog.LevelDebug})), lb
}

func urls(recs []Record) string {
	var s []string
	for _, r := range recs {
		s = append(s, r.URL)
	}
	return strings.Join(s, " ")
}
