package pipeline

import (
	"bytes"
	"context"
	"math"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

// TestBench checks that the corpus is repeated to the size asked for, that
// no repeat is dropped as a near-duplicate of the one before, and that every
// run codes the same articles.
func TestBench(t *testing.T) {
	in := []string{sharedtest.Path(t, "news", "text", "bbc-2005")}
	rep, err := Bench(context.Background(), in, BenchOptions{Articles: 30, Workers: []int{1, 2}, RSSEvery: 20})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Unique < 15 || rep.Repeats != (30+rep.Unique-1)/rep.Unique || len(rep.Runs) != 2 {
		t.Fatalf("report %+v", rep)
	}
	for _, r := range rep.Runs {
		if r.Documents != rep.Unique*rep.Repeats || r.Coded != r.Documents || r.Words == 0 || r.ArticlesPerS <= 0 || len(r.RSS) == 0 {
			t.Errorf("run %+v", r)
		}
		if r.Coded != rep.Runs[0].Coded || r.Events != rep.Runs[0].Events {
			t.Errorf("%d workers coded %d articles, %d events; 1 worker %d, %d", r.Workers, r.Coded, r.Events, rep.Runs[0].Coded, rep.Runs[0].Events)
		}
	}
	var b bytes.Buffer
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	if len(rep.Medians) != 2 || rep.Medians[0].Workers != 1 || rep.Medians[0].SpeedUp != 1 || rep.Medians[1].ArticlesPerS <= 0 {
		t.Errorf("medians %+v", rep.Medians)
	}
	for _, want := range []string{"articles/s", "speed-up", "peak RSS", "parse"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestMedians(t *testing.T) {
	run := func(w int, aps float64) BenchRun {
		return BenchRun{Workers: w, ArticlesPerS: aps, Coded: 10, CPUSeconds: 1}
	}
	for _, tt := range []struct {
		name string
		runs []BenchRun
		want []BenchMedian
	}{
		{"one each", []BenchRun{run(1, 10), run(2, 18)}, []BenchMedian{
			{Workers: 1, Runs: 1, ArticlesPerS: 10, CPUMSPerArticle: 100, SpeedUp: 1},
			{Workers: 2, Runs: 1, ArticlesPerS: 18, CPUMSPerArticle: 100, SpeedUp: 1.8}}},
		{"interleaved", []BenchRun{run(1, 10), run(2, 30), run(1, 12), run(2, 17), run(1, 9), run(2, 19)}, []BenchMedian{
			{Workers: 1, Runs: 3, ArticlesPerS: 10, CPUMSPerArticle: 100, SpeedUp: 1},
			{Workers: 2, Runs: 3, ArticlesPerS: 19, CPUMSPerArticle: 100, SpeedUp: 1.9}}},
		{"even count", []BenchRun{run(2, 10), run(2, 20)}, []BenchMedian{
			{Workers: 2, Runs: 2, ArticlesPerS: 15, CPUMSPerArticle: 100, SpeedUp: 1}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := medians(tt.runs)
			if len(got) != len(tt.want) {
				t.Fatalf("got %+v", got)
			}
			for i := range got {
				if g, w := got[i], tt.want[i]; g.Workers != w.Workers || g.Runs != w.Runs || g.ArticlesPerS != w.ArticlesPerS || g.CPUMSPerArticle != w.CPUMSPerArticle || math.Abs(g.SpeedUp-w.SpeedUp) > 1e-9 {
					t.Errorf("median %d: got %+v, want %+v", i, g, w)
				}
			}
		})
	}
}
