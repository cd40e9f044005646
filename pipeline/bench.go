package pipeline

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"
)

// BenchOptions configure Bench. The zero value runs the inputs once at 1
// and 2 workers.
type BenchOptions struct {
	// Pipeline configures every run; its Workers is set per run.
	Pipeline Options
	// Articles is the least number of documents a run reads: the inputs
	// are repeated as often as needed. Each repetition is looked at for
	// near-duplicates on its own (Options.DedupEachInput), so repeats are
	// coded like new articles while dedup still does its work.
	Articles int
	// Workers lists the worker counts to run, in order (default 1, 2).
	Workers []int
	// Sink, if not nil, receives every result; by default the results
	// are encoded as JSON Lines to nowhere, so that output costs too.
	Sink Sink
	// RSSEvery samples the resident set size every so many results
	// (default 5,000).
	RSSEvery int
	// Sampled, if not nil, is called with each sample as it is taken,
	// for a progress line in long runs.
	Sampled func(workers int, s RSSSample, elapsed time.Duration)
}

// BenchRun is the measure of one run.
type BenchRun struct {
	Workers   int     `json:"workers"`
	Documents int     `json:"documents"`
	Coded     int     `json:"articles"`
	Sentences int     `json:"sentences"`
	Words     int     `json:"words"`
	Events    int     `json:"events"`
	Skipped   int     `json:"skipped"`
	Failed    int     `json:"failed"`
	Seconds   float64 `json:"seconds"`
	// CPUSeconds is the process's CPU time during the run: on a machine
	// shared with other work, CPU per article is steadier than the rate.
	CPUSeconds    float64 `json:"cpu_seconds"`
	ArticlesPerS  float64 `json:"articles_per_s"`
	SentencesPerS float64 `json:"sentences_per_s"`
	WordsPerS     float64 `json:"words_per_s"`
	// StageShare is each stage's share of the busy time of all stages.
	StageShare map[string]float64 `json:"stage_share"`
	// PeakRSSMiB is the process's peak resident set so far (it includes
	// the runs before this one).
	PeakRSSMiB float64 `json:"peak_rss_mib"`
	// RSS samples the resident set every RSSEvery results.
	RSS []RSSSample `json:"rss"`
}

// RSSSample is the resident set size after a number of results.
type RSSSample struct {
	Results int     `json:"results"`
	MiB     float64 `json:"mib"`
}

// BenchReport is the result of Bench.
type BenchReport struct {
	Inputs      []string   `json:"inputs"`
	Unique      int        `json:"unique_documents"`
	Repeats     int        `json:"repeats"`
	LoadSeconds float64    `json:"load_seconds"`
	GOMAXPROCS  int        `json:"gomaxprocs"`
	Runs        []BenchRun `json:"runs"`
	// Medians are the medians of the runs at each worker count, in the
	// order the counts first ran; with counts repeated (--workers
	// 1,2,1,2,1,2) the runs interleave, so the machine's drift falls on
	// every count alike.
	Medians []BenchMedian `json:"medians"`
}

// BenchMedian is the median of the runs at one worker count.
type BenchMedian struct {
	Workers         int     `json:"workers"`
	Runs            int     `json:"runs"`
	ArticlesPerS    float64 `json:"articles_per_s"`
	SentencesPerS   float64 `json:"sentences_per_s"`
	WordsPerS       float64 `json:"words_per_s"`
	CPUMSPerArticle float64 `json:"cpu_ms_per_article"`
	// SpeedUp is ArticlesPerS over that of the first worker count.
	SpeedUp float64 `json:"speed_up"`
}

// Bench measures the pipeline end to end: it loads the models once (timed
// apart), counts the documents of the inputs, repeats the inputs to at
// least o.Articles documents, and runs them at each worker count.
func Bench(ctx context.Context, inputs []string, o BenchOptions) (*BenchReport, error) {
	if len(o.Workers) == 0 {
		o.Workers = []int{1, 2}
	}
	if o.RSSEvery <= 0 {
		o.RSSEvery = 5000
	}
	rep := &BenchReport{Inputs: inputs, GOMAXPROCS: runtime.GOMAXPROCS(0)}
	count := o.Pipeline
	count.ExtractOnly = true
	sum, err := Run(ctx, inputs, count, SinkFunc(func(context.Context, *Result) error { return nil }))
	if err != nil {
		return nil, err
	}
	rep.Unique = sum.Results
	if rep.Unique == 0 {
		return nil, fmt.Errorf("no documents in %s", strings.Join(inputs, ", "))
	}
	rep.Repeats = max(1, (o.Articles+rep.Unique-1)/rep.Unique)
	var all []string
	for range rep.Repeats {
		all = append(all, inputs...)
	}
	t0 := time.Now()
	po := o.Pipeline
	po.DedupEachInput = true
	p, err := New(po)
	if err != nil {
		return nil, err
	}
	rep.LoadSeconds = time.Since(t0).Seconds()
	for _, w := range o.Workers {
		p.opts.Workers = w
		run, err := benchRun(ctx, p, all, o)
		if err != nil {
			return rep, err
		}
		rep.Runs = append(rep.Runs, run)
	}
	rep.Medians = medians(rep.Runs)
	return rep, nil
}

// medians summarises the runs by worker count.
func medians(runs []BenchRun) []BenchMedian {
	var out []BenchMedian
	for _, r := range runs {
		if slices.ContainsFunc(out, func(m BenchMedian) bool { return m.Workers == r.Workers }) {
			continue
		}
		var same []BenchRun
		for _, s := range runs {
			if s.Workers == r.Workers {
				same = append(same, s)
			}
		}
		med := func(f func(BenchRun) float64) float64 {
			v := make([]float64, len(same))
			for i, s := range same {
				v[i] = f(s)
			}
			slices.Sort(v)
			if n := len(v); n%2 == 0 {
				return (v[n/2-1] + v[n/2]) / 2
			}
			return v[len(v)/2]
		}
		m := BenchMedian{
			Workers: r.Workers, Runs: len(same),
			ArticlesPerS:    med(func(s BenchRun) float64 { return s.ArticlesPerS }),
			SentencesPerS:   med(func(s BenchRun) float64 { return s.SentencesPerS }),
			WordsPerS:       med(func(s BenchRun) float64 { return s.WordsPerS }),
			CPUMSPerArticle: med(func(s BenchRun) float64 { return 1000 * s.CPUSeconds / float64(max(s.Coded, 1)) }),
		}
		if len(out) > 0 && out[0].ArticlesPerS > 0 {
			m.SpeedUp = m.ArticlesPerS / out[0].ArticlesPerS
		} else {
			m.SpeedUp = 1
		}
		out = append(out, m)
	}
	return out
}

func benchRun(ctx context.Context, p *Pipeline, inputs []string, o BenchOptions) (BenchRun, error) {
	sink := o.Sink
	if sink == nil {
		sink = NewWriter(io.Discard, JSONLines, WriterOptions{})
	}
	var rss []RSSSample
	n := 0
	cpu0, t0 := cpuTime(), time.Now()
	sum, err := p.Run(ctx, inputs, SinkFunc(func(ctx context.Context, r *Result) error {
		n++
		if n%o.RSSEvery == 0 {
			rss = append(rss, RSSSample{Results: n, MiB: residentMiB()})
			if o.Sampled != nil {
				o.Sampled(p.opts.workers(), rss[len(rss)-1], time.Since(t0))
			}
		}
		return sink.Put(ctx, r)
	}))
	run := BenchRun{
		Workers: sum.Workers, Documents: sum.Results, Coded: sum.Coded, Sentences: sum.Sentences, Words: sum.Words,
		Events: sum.Events, Skipped: sum.Skipped, Failed: sum.Failed, Seconds: sum.Elapsed.Seconds(),
		StageShare: map[string]float64{}, PeakRSSMiB: peakRSSMiB(), RSS: rss, CPUSeconds: (cpuTime() - cpu0).Seconds(),
	}
	if s := run.Seconds; s > 0 {
		run.ArticlesPerS = float64(run.Coded) / s
		run.SentencesPerS = float64(run.Sentences) / s
		run.WordsPerS = float64(run.Words) / s
	}
	var busy time.Duration
	for _, st := range sum.Stages {
		busy += st.Busy
	}
	for _, st := range sum.Stages {
		if busy > 0 {
			run.StageShare[st.Name] = float64(st.Busy) / float64(busy)
		}
	}
	return run, err
}

// WriteTable prints the report with the runs side by side.
func (rep *BenchReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(w, "corpus: %d documents in %s, repeated %d times; models loaded in %.2f s; GOMAXPROCS %d\n\n",
		rep.Unique, strings.Join(rep.Inputs, ", "), rep.Repeats, rep.LoadSeconds, rep.GOMAXPROCS)
	row := func(name string, f func(r BenchRun) string) {
		fmt.Fprintf(tw, "%s\t", name)
		for _, r := range rep.Runs {
			fmt.Fprintf(tw, "%s\t", f(r))
		}
		fmt.Fprintln(tw)
	}
	row("workers", func(r BenchRun) string { return strconv.Itoa(r.Workers) })
	row("documents", func(r BenchRun) string { return strconv.Itoa(r.Documents) })
	row("articles coded", func(r BenchRun) string { return strconv.Itoa(r.Coded) })
	row("skipped / failed", func(r BenchRun) string { return fmt.Sprintf("%d / %d", r.Skipped, r.Failed) })
	row("seconds", func(r BenchRun) string { return fmt.Sprintf("%.1f", r.Seconds) })
	row("articles/s", func(r BenchRun) string { return fmt.Sprintf("%.1f", r.ArticlesPerS) })
	row("sentences/s", func(r BenchRun) string { return fmt.Sprintf("%.0f", r.SentencesPerS) })
	row("words/s", func(r BenchRun) string { return fmt.Sprintf("%.0f", r.WordsPerS) })
	row("CPU ms per article", func(r BenchRun) string { return fmt.Sprintf("%.1f", 1000*r.CPUSeconds/float64(max(r.Coded, 1))) })
	row("peak RSS MiB", func(r BenchRun) string { return fmt.Sprintf("%.0f", r.PeakRSSMiB) })
	row("RSS MiB first / last sample", func(r BenchRun) string {
		if len(r.RSS) == 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f / %.0f", r.RSS[0].MiB, r.RSS[len(r.RSS)-1].MiB)
	})
	fmt.Fprintln(tw, "share of busy time\t")
	for i := range numStages {
		name := stageNames[i]
		row("  "+name, func(r BenchRun) string { return fmt.Sprintf("%.1f%%", 100*r.StageShare[name]) })
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(w, "\nmedians by worker count")
	fmt.Fprintln(tw, "workers\truns\tarticles/s\tsentences/s\twords/s\tCPU ms per article\tspeed-up\t")
	for _, m := range rep.Medians {
		fmt.Fprintf(tw, "%d\t%d\t%.1f\t%.0f\t%.0f\t%.1f\t%.2fx\t\n", m.Workers, m.Runs, m.ArticlesPerS, m.SentencesPerS, m.WordsPerS, m.CPUMSPerArticle, m.SpeedUp)
	}
	return tw.Flush()
}
