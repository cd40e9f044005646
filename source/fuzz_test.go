package source

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// fuzzLimit bounds documents in the fuzz targets, which check that output
// stays within it.
const fuzzLimit = 1 << 20

// readAllFuzz reads a document through the source for its content and
// checks the properties every input must keep: no panic, progress to the
// end, and no record over the limit. A mutation that turns into a URL list
// is read as one nested in a list, so it fails instead of opening the files
// it names ("/" would list the machine's root); FuzzURLList covers lists.
func readAllFuzz(t *testing.T, name string, data []byte) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	opts := Options{MaxBytes: fuzzLimit, inList: true}
	var src Source
	if strings.HasSuffix(name, ".warc") {
		src = newWARC(bytes.NewReader(data), name, opts)
	} else {
		src = fromDoc(doc{origin: name, name: name, data: data}, opts, nil)
	}
	n := 0
	for rec, err := range All(ctx, src) {
		if err == context.DeadlineExceeded {
			t.Fatal("reading did not finish")
		}
		if len(rec.Body) > fuzzLimit || len(rec.Meta.Text) > fuzzLimit {
			t.Fatalf("record of %d bytes over the limit", len(rec.Body))
		}
		if n++; n > len(data)+10 {
			t.Fatalf("%d results from %d bytes: not making progress", n, len(data))
		}
	}
}

func seedFiles(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

func FuzzWARC(f *testing.F) {
	seedFiles(f, "*.warc")
	recs := sampleWARC(2)
	f.Add(bytes.Join(recs, nil))
	var gz []byte
	for _, r := range recs {
		gz = append(gz, gzipMember(r)...)
	}
	f.Add(gz)
	f.Fuzz(func(t *testing.T, data []byte) {
		// Always read as WARC, whatever the mutation did to the start.
		if !bytes.HasPrefix(data, []byte("WARC/")) && !bytes.HasPrefix(data, gzipMagic) {
			data = append([]byte("WARC/1.1\r\n"), data...)
		}
		readAllFuzz(t, "f.warc", data)
	})
}

func FuzzFeed(f *testing.F) {
	seedFiles(f, "*.rss")
	seedFiles(f, "*.atom")
	f.Add([]byte(rssFeed))
	f.Add([]byte(`{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": "1", "url": "https://j.example/1", "content_text": "x"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		readAllFuzz(t, "f.rss", data)
	})
}

func FuzzSitemap(f *testing.F) {
	seedFiles(f, "*sitemap*.xml")
	f.Add([]byte(urlset("https://n.example", "/a", "/b")))
	f.Add([]byte(index("https://n.example", "/s.xml")))
	f.Fuzz(func(t *testing.T, data []byte) {
		readAllFuzz(t, "sitemap.xml", data)
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"url":"https://j.example/1","title":"T","text":"Body."}` + "\n" + `{"html":"<p>x</p>"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || data[0] != '{' {
			data = append([]byte("{"), data...)
		}
		readAllFuzz(t, "rows.jsonl", data)
	})
}

func FuzzPETRARCH(f *testing.F) {
	seedFiles(f, "*.petr.xml")
	f.Fuzz(func(t *testing.T, data []byte) {
		readAllFuzz(t, "stories.xml", append([]byte("<Sentences>"), data...))
	})
}

// FuzzURLList checks the recognition and splitting of URL lists; the
// entries are not opened, since a fuzzed list could name any file.
func FuzzURLList(f *testing.F) {
	f.Add([]byte("# inputs\nhttps://a.example/rss\npages/one.html\n"))
	f.Add([]byte("Troops attacked rebels.\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if !isURLList(data) {
			return
		}
		s := newURLList(doc{origin: "list.txt", data: data}, Options{}).(*listSource)
		if len(s.entries) == 0 || len(s.entries) != len(s.lines) {
			t.Fatalf("a list of %d entries (%d lines)", len(s.entries), len(s.lines))
		}
		for _, e := range s.entries {
			if e == "" || strings.ContainsAny(e, " \t\n") {
				t.Fatalf("entry %q", e)
			}
		}
	})
}
