package source

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestWARC(t *testing.T) {
	recs := sampleWARC(3)
	plain := bytes.Join(recs, nil)
	var members [][]byte
	for _, r := range recs {
		members = append(members, gzipMember(r))
	}
	perRecord := bytes.Join(members, nil)
	tests := []struct {
		name string
		data []byte
	}{
		{"plain", plain},
		{"gzip member per record", perRecord},
		{"gzip whole file", gzipMember(plain)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, errs := collect(t, Open(writeFile(t, "a.warc.gz", tt.data), Options{}))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			want := "https://news.example/story/1 https://news.example/story/2 https://news.example/story/3"
			if urls(got) != want {
				t.Fatalf("URLs = %q, want %q", urls(got), want)
			}
			r := got[1]
			if !r.IsHTML() || !strings.Contains(string(r.Body), "Story 2") || r.Date.Year() != 2024 {
				t.Errorf("record 2 = %+v", r)
			}
			if !strings.Contains(r.Origin, "a.warc.gz#offset=") {
				t.Errorf("origin %q does not name the file and offset", r.Origin)
			}
		})
	}
}

// TestWARCCorrupt damages the middle record of an archive in the ways real
// archives get damaged; the records before and after must still come out,
// and the damaged one must be reported with the file and its offset.
func TestWARCCorrupt(t *testing.T) {
	recs := sampleWARC(3) // warcinfo, req1, resp1, req2, resp2, req3, resp3
	const bad = 4         // resp2
	offsetOf := func(parts [][]byte, i int) int {
		n := 0
		for _, p := range parts[:i] {
			n += len(p)
		}
		return n
	}
	gz := func(rs [][]byte) [][]byte {
		var out [][]byte
		for _, r := range rs {
			out = append(out, gzipMember(r))
		}
		return out
	}
	replace := func(rs [][]byte, i int, b []byte) [][]byte {
		out := append([][]byte(nil), rs...)
		out[i] = b
		return out
	}
	flip := func(b []byte, from, n int) []byte {
		c := bytes.Clone(b)
		for i := from; i < from+n && i < len(c); i++ {
			c[i] ^= 0x5a
		}
		return c
	}
	members := gz(recs)
	tests := []struct {
		name  string
		parts [][]byte
	}{
		{"gzip member with corrupt deflate data", replace(members, bad, flip(members[bad], 20, 30))},
		{"gzip member cut short", replace(members, bad, members[bad][:len(members[bad])/2])},
		{"gzip member with bad checksum", replace(members, bad, flip(members[bad], len(members[bad])-8, 2))},
		{"Content-Length too long", replace(recs, bad, bytes.Replace(recs[bad], []byte("Content-Length: "), []byte("Content-Length: 9"), 1))},
		{"Content-Length too short", replace(recs, bad, shorterLength(recs[bad], 50))},
		{"record cut short", replace(recs, bad, recs[bad][:len(recs[bad])/2])},
		{"garbage header", replace(recs, bad, append([]byte("WARC/1.1\r\nthis is not a header\r\n\r\n"), recs[bad][9:]...))},
		{"garbage between records", replace(recs, bad, []byte("\x00\x01garbage\r\n"+strings.Repeat("junk ", 100)))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeFile(t, "crawl.warc", bytes.Join(tt.parts, nil))
			got, errs := collect(t, Open(path, Options{}))
			want := "https://news.example/story/1 https://news.example/story/3"
			if urls(got) != want {
				t.Errorf("URLs = %q, want %q", urls(got), want)
			}
			if len(errs) != 1 {
				t.Fatalf("errors = %v, want one", errs)
			}
			msg := errs[0].Error()
			wantWhere := fmt.Sprintf("%s: record at byte %d: ", path, offsetOf(tt.parts, bad))
			if !strings.HasPrefix(msg, wantWhere) {
				t.Errorf("error %q does not start with %q", msg, wantWhere)
			}
		})
	}
}

func TestWARCSkips(t *testing.T) {
	var b bytes.Buffer
	b.Write(warcRecord("warcinfo", "", "application/warc-fields", "software: x\r\n"))
	b.Write(warcRecord("response", "https://a.example/logo.png", "image/png", "\x89PNG\r\n\x1a\nabc"))
	b.Write(warcRecord("metadata", "https://a.example/", "application/warc-fields", "fetchTimeMs: 3\r\n"))
	b.Write(warcRecord("revisit", "https://a.example/", "application/http", ""))
	b.Write(warcRecord("resource", "file:///notes.txt", "text/plain", "A plain note about the talks.\n"))
	redirect := "HTTP/1.1 301 Moved\r\nLocation: /x\r\nContent-Length: 0\r\n\r\n"
	fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/old\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", len(redirect), redirect)
	got, errs := collect(t, Open(writeFile(t, "x.warc", b.Bytes()), Options{}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if urls(got) != "file:///notes.txt" || got[0].ContentType != "text/plain" {
		t.Errorf("got %q (%v), want only the text resource", urls(got), got)
	}
}

func TestWARCRecordTooLarge(t *testing.T) {
	recs := sampleWARC(2)
	recs[2] = warcRecord("response", "https://news.example/big", "text/html", testPage(1)+strings.Repeat("<p>more</p>", 200))
	got, errs := collect(t, Open(writeFile(t, "big.warc", bytes.Join(recs, nil)), Options{MaxBytes: 1000}))
	if urls(got) != "https://news.example/story/2" {
		t.Errorf("URLs = %q", urls(got))
	}
	if len(errs) != 1 || !errors.Is(errs[0], ErrTooLarge) {
		t.Errorf("errors = %v, want one ErrTooLarge", errs)
	}
}

func TestWARCEncodedPayloads(t *testing.T) {
	page := testPage(7)
	chunked := fmt.Sprintf("%x\r\n%s\r\n0\r\n\r\n", len(page), page)
	gz := gzipMember([]byte(page))
	var b bytes.Buffer
	for _, m := range []struct{ uri, headers, body string }{
		{"https://a.example/chunked", "Transfer-Encoding: chunked\r\n", chunked},
		{"https://a.example/gzip", "Content-Encoding: gzip\r\n", string(gz)},
	} {
		block := "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + m.headers + "\r\n" + m.body
		fmt.Fprintf(&b, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", m.uri, len(block), block)
	}
	got, errs := collect(t, Open(writeFile(t, "enc.warc", b.Bytes()), Options{}))
	if len(errs) > 0 || len(got) != 2 {
		t.Fatalf("got %d records, errors %v", len(got), errs)
	}
	for _, r := range got {
		if string(r.Body) != page {
			t.Errorf("%s: body %.80q, want the page", r.URL, r.Body)
		}
	}
}

// shorterLength rewrites a record's WARC Content-Length to n bytes less.
func shorterLength(rec []byte, n int) []byte {
	head, rest, _ := bytes.Cut(rec, []byte("\r\n\r\n"))
	var out [][]byte
	for _, line := range bytes.Split(head, []byte("\r\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("Content-Length: ")); ok {
			var l int
			fmt.Sscan(string(v), &l)
			line = fmt.Appendf(nil, "Content-Length: %d", l-n)
		}
		out = append(out, line)
	}
	return append(append(bytes.Join(out, []byte("\r\n")), "\r\n\r\n"...), rest...)
}

func TestWARCTestdata(t *testing.T) {
	recs, errs := collect(t, Open("testdata/truce.warc", Options{}))
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("records %d errors %v", len(recs), errs)
	}
	if r := recs[0]; r.URL != "https://news.example/truce" || !strings.Contains(string(r.Body), "“We will hold our fire,”") {
		t.Errorf("record %+v", r)
	}
}
