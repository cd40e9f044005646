package pipeline

import (
	"bytes"
	"context"
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
	for _, want := range []string{"articles/s", "speed-up", "peak RSS", "parse"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}
