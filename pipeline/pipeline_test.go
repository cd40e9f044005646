package pipeline

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"dyad/dict"
	"dyad/internal/sharedtest"
)

// corpus returns inputs for a coding run: the BBC texts and, unless -short,
// a share of the Scrapinghub pages, from the shared corpora.
func corpus(t *testing.T) []string {
	t.Helper()
	in := []string{sharedtest.Path(t, "news", "text", "bbc-2005")}
	pages, err := filepath.Glob(filepath.Join(sharedtest.Path(t, "extraction", "scrapinghub", "html"), "*.html.gz"))
	if err != nil || len(pages) == 0 {
		t.Fatalf("scrapinghub pages: %v", err)
	}
	n := 60
	if testing.Short() {
		n = 10
	}
	return append(in, pages[:min(n, len(pages))]...)
}

// TestConcurrentOutput checks that a run on several workers writes what a
// run on one writes, byte for byte, in every story format.
func TestConcurrentOutput(t *testing.T) {
	inputs := corpus(t)
	added := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	run := func(workers int) map[Format]string {
		p, err := New(Options{Workers: workers, Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatal(err)
		}
		bufs := map[Format]*bytes.Buffer{}
		var sinks []*Writer
		for _, f := range []Format{Text, JSONLines, TSV, CoNLLU, ArticleJSON} {
			bufs[f] = &bytes.Buffer{}
			sinks = append(sinks, NewWriter(bufs[f], f, WriterOptions{Explain: true, Added: added}))
		}
		sum, err := p.Run(context.Background(), inputs, SinkFunc(func(ctx context.Context, r *Result) error {
			for _, s := range sinks {
				if err := s.Put(ctx, r); err != nil {
					return err
				}
			}
			return nil
		}))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Coded < len(inputs)/2 || sum.Events == 0 || sum.Workers != workers {
			t.Fatalf("%d workers: %+v", workers, sum)
		}
		out := map[Format]string{}
		for f, b := range bufs {
			out[f] = b.String()
		}
		return out
	}
	one, four := run(1), run(4)
	for f, want := range one {
		if got := four[f]; got != want {
			t.Errorf("format %d: 4 workers wrote %d bytes, 1 worker %d; first difference at byte %d", f, len(got), len(want), firstDiff(got, want))
		}
	}
}

func firstDiff(a, b string) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// TestHostile mixes pages built to be slow or large among good articles:
// the run finishes, each bad one is reported with its reason, and every
// good one is coded.
func TestHostile(t *testing.T) {
	dir := t.TempDir()
	good := "Rebels attack army base\n\nRebels attacked an army base in the north on Monday, the defence ministry said.\n"
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a-good.txt", good)
	// Two megabytes of words without a full stop.
	write("b-long-sentence.html", "<html><body><article><h1>No stop</h1><p>"+strings.Repeat("word ", 400_000)+"</p></article></body></html>")
	write("c-good.txt", strings.Replace(good, "north", "south", 2))
	// Five megabytes of short sentences: too much text for one article.
	write("d-huge.html", "<html><body><article><h1>Huge</h1>"+strings.Repeat("<p>The talks went on. The envoys met again.</p>\n", 110_000)+"</article></body></html>")
	write("e-good.txt", strings.Replace(good, "Monday", "Tuesday", 2))

	var mu sync.Mutex
	var coded []string
	var skipped []string
	sum, err := Run(context.Background(), []string{dir}, Options{Workers: 2, NoDedup: true}, SinkFunc(func(_ context.Context, r *Result) error {
		mu.Lock()
		defer mu.Unlock()
		switch {
		case errors.Is(r.Err, ErrSkipped):
			skipped = append(skipped, r.Err.Error())
		case r.Err != nil:
			t.Errorf("unexpected error: %v", r.Err)
		case r.Story != nil:
			coded = append(coded, filepath.Base(r.Story.Origin))
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(coded, " ") != "a-good.txt c-good.txt e-good.txt" {
		t.Errorf("coded %q", coded)
	}
	if len(skipped) != 2 || !strings.Contains(skipped[0], "b-long-sentence.html") ||
		!strings.Contains(skipped[1], "d-huge.html") || !strings.Contains(skipped[1], "of text, more than") {
		t.Errorf("skipped %q", skipped)
	}
	if sum.Skipped != 2 || sum.Coded != 3 {
		t.Errorf("summary %+v", sum)
	}
}

// TestTimeout checks the time bound: with a bound no article can meet,
// every article is skipped for time, and none is half coded.
func TestTimeout(t *testing.T) {
	inputs := corpus(t)[:1]
	sum, err := Run(context.Background(), inputs, Options{Limits: Limits{Timeout: time.Nanosecond}}, SinkFunc(func(_ context.Context, r *Result) error {
		if r.Story != nil || !errors.Is(r.Err, ErrSkipped) || !strings.Contains(r.Err.Error(), "out of time") {
			t.Errorf("%s: story %v, error %v", r.Input, r.Story != nil, r.Err)
		}
		return nil
	}))
	if err != nil || sum.Skipped == 0 || sum.Coded != 0 {
		t.Errorf("%v, %+v", err, sum)
	}
}

// TestInterrupt cancels a run part way: the sink is called no more, what
// it got is whole, and the summary says the run was interrupted.
func TestInterrupt(t *testing.T) {
	inputs := corpus(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out bytes.Buffer
	w := NewWriter(&out, JSONLines, WriterOptions{})
	n := 0
	sum, err := Run(ctx, inputs, Options{Workers: 2}, SinkFunc(func(ctx context.Context, r *Result) error {
		n++
		if n == 5 {
			cancel()
		}
		return w.Put(ctx, r)
	}))
	if !errors.Is(err, context.Canceled) || !sum.Interrupted || sum.Results != 5 || n != 5 {
		t.Errorf("err %v, %d puts, summary %+v", err, n, sum)
	}
	if out.Len() > 0 && !bytes.HasSuffix(out.Bytes(), []byte("}\n")) {
		t.Errorf("output ends in a partial record: %q", out.Bytes()[max(0, out.Len()-40):])
	}
}

// TestSinkError checks that a failing sink stops the run with its error.
func TestSinkError(t *testing.T) {
	stop := errors.New("disk full")
	_, err := Run(context.Background(), corpus(t), Options{}, SinkFunc(func(context.Context, *Result) error { return stop }))
	if !errors.Is(err, stop) {
		t.Errorf("err %v", err)
	}
}

func TestLoadDictionary(t *testing.T) {
	for _, tt := range []struct {
		name string
		o    Options
		want string
	}{
		{"default", Options{}, ""},
		{"files with default", Options{Dicts: "default", DictFiles: dict.Files{Verbs: []string{"v.txt"}}}, "do not apply to the default"},
		{"no actors", Options{DictFiles: dict.Files{Verbs: []string{"v.txt"}}}, "no dictionaries"},
		{"phoenix missing", Options{Dicts: "phoenix", DictHome: t.TempDir()}, ErrNoPhoenix.Error()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d, err := LoadDictionary(tt.o)
			switch {
			case tt.want == "" && (err != nil || d == nil):
				t.Errorf("err %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("err %v, want one about %q", err, tt.want)
			}
		})
	}
}
