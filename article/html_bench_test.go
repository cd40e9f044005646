package article

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkFromHTML times extraction of the pages in testdata/html; the
// benchmark on real pages, beside go-trafilatura and go-readability, is
// eval's BenchmarkExtract.
func BenchmarkFromHTML(b *testing.B) {
	paths, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no pages: %v", err)
	}
	var pages [][]byte
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, data)
		size += int64(len(data))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range pages {
			if _, err := FromHTML(data, "https://news.example/2021/03/14/page.html", ""); err != nil {
				b.Fatal(err)
			}
		}
	}
}
