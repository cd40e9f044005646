package eval

import (
	"testing"

	"dyad/internal/sharedtest"
)

// BenchmarkExtract times Dyad and its peers over the Scrapinghub pages, one
// sub-benchmark per extractor; pages/s is reported beside ns/op.
func BenchmarkExtract(b *testing.B) {
	pages, err := LoadScrapinghub(sharedtest.Path(b, "extraction", "scrapinghub"))
	if err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, p := range pages {
		size += int64(len(p.HTML))
	}
	for _, ex := range []Extractor{DyadExtractor(), TrafilaturaExtractor(), ReadabilityExtractor()} {
		b.Run(ex.Name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, p := range pages {
					if _, err := ex.Extract(p.HTML, p.URL); err != nil && ex.Name == "dyad" {
						b.Fatalf("%s: %v", p.ID, err)
					}
				}
			}
			b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		})
	}
}
