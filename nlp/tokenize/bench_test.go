package tokenize

import (
	"os"
	"testing"
)

func BenchmarkTokenize(b *testing.B) {
	data, err := os.ReadFile("testdata/news.txt")
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	learned, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	for _, bb := range []struct {
		name string
		tok  *Tokenizer
	}{{"rules", New(Options{})}, {"learned", learned}} {
		b.Run(bb.name, func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				bb.tok.Tokenize(text)
			}
		})
	}
}
