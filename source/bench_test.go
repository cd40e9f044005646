package source

import (
	"bytes"
	"context"
	"os"
	"testing"

	"dyad/internal/sharedtest"
)

// BenchmarkWARC reads the shared generated news WARC (7 pages, one gzip
// member per record) from memory.
func BenchmarkWARC(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Path(b, "news", "warc", "news-sample.GENERATED.warc.gz"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range All(context.Background(), newWARC(bytes.NewReader(data), "bench", Options{})) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 7 {
			b.Fatalf("%d records", n)
		}
	}
}

// BenchmarkFeed parses the shared Guardian feed (55 items).
func BenchmarkFeed(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Path(b, "news", "feeds", "guardian.rss"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		for _, err := range All(context.Background(), fromDoc(doc{origin: "bench", data: data}, Options{}, nil)) {
			if err != nil {
				b.Fatal(err)
			}
		}
	}
}
