package story_test

import (
	"os"
	"testing"
	"time"

	"dyad/article"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict/builtin"
	"dyad/geo"
	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/english"
)

// BenchmarkGeo measures what placing events adds to coding an article: the
// seed article, parsed once, coded with and without the gazetteer.
// Parsing the article (BenchmarkParse) is the per-article cost it is
// compared with in docs/EVALUATION.md.
func BenchmarkGeo(b *testing.B) {
	data, err := os.ReadFile(sharedtest.Path(b, "..", "seed", "000_8f2645bc90d6cfd4.txt"))
	if err != nil {
		b.Fatal(err)
	}
	a, err := article.FromText(data)
	if err != nil {
		b.Fatal(err)
	}
	p, err := english.Pipeline()
	if err != nil {
		b.Fatal(err)
	}
	d, err := builtin.Dictionary()
	if err != nil {
		b.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		b.Fatal(err)
	}
	g, err := geo.Default()
	if err != nil {
		b.Fatal(err)
	}
	text := a.FullText()
	sents, err := p.Document(a.ID, text)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("parse", func(b *testing.B) {
		for b.Loop() {
			if _, err := p.Document(a.ID, text); err != nil {
				b.Fatal(err)
			}
		}
	})
	for _, tc := range []struct {
		name string
		g    *geo.Gazetteer
	}{{"code", nil}, {"code+geo", g}} {
		sc := story.New(c, nil, story.Options{Gazetteer: tc.g})
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				sc.CodeSentences(a.ID, time.Time{}, append([]nlp.Sentence(nil), sents...))
			}
		})
	}
}
