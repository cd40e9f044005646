package pipeline

import (
	"context"
	"slices"
	"testing"
	"time"

	"dyad/article"
	"dyad/coder/story"
	"dyad/internal/sharedtest"
	"dyad/nlp"
)

// parsed is a story.Parser that gives back the sentences parsed before
// for each article, so that coding can be timed without the NLP stages.
type parsed map[string][]nlp.Sentence

func (p parsed) Document(id, _ string) ([]nlp.Sentence, error) {
	return slices.Clone(p[id]), nil
}

// BenchmarkCoding times what the pipeline spends on an article of the
// bench corpus (the Scrapinghub pages and the BBC texts) beyond
// extraction and the NLP stages: story coding with its discourse, dates
// and the gazetteer, as a worker runs it. The articles are extracted and
// parsed once; each op codes all of them. "dated" codes them as the
// bench does (the BBC texts undated), "undated" with no date at all, so
// that coder.Foresee reads every story ahead. The cpu-ms/article metric
// is the process's CPU time (garbage collection included) per article.
func BenchmarkCoding(b *testing.B) {
	inputs := []string{
		sharedtest.Path(b, "extraction", "scrapinghub", "html"),
		sharedtest.Path(b, "news", "text", "bbc-2005"),
	}
	p, err := New(Options{})
	if err != nil {
		b.Fatal(err)
	}
	sents := parsed{}
	var arts []*article.Article
	_, err = p.Run(context.Background(), inputs, SinkFunc(func(_ context.Context, r *Result) error {
		if r.Story == nil {
			return nil
		}
		for _, s := range r.Story.Sentences {
			sents[r.Article.ID] = append(sents[r.Article.ID], *s.Parsed)
		}
		arts = append(arts, r.Article)
		return nil
	}))
	if err != nil {
		b.Fatal(err)
	}
	sc := story.New(p.coder, sents, story.Options{Gazetteer: p.gaz})
	for _, v := range []struct {
		name string
		date func(*article.Article) time.Time
	}{
		{"dated", func(a *article.Article) time.Time { return a.Published }},
		{"undated", func(*article.Article) time.Time { return time.Time{} }},
	} {
		b.Run(v.name, func(b *testing.B) {
			b.ReportAllocs()
			n, cpu0 := 0, cpuTime()
			for b.Loop() {
				n++
				for _, a := range arts {
					c := *a
					c.Published = v.date(a)
					if _, err := sc.Code(&c); err != nil {
						b.Fatal(err)
					}
				}
			}
			// CPU time, not wall-clock time, on a shared machine.
			b.ReportMetric(float64((cpuTime()-cpu0).Microseconds())/1000/float64(n*len(arts)), "cpu-ms/article")
		})
	}
}
