package main

import (
	"io"
	"time"

	"github.com/schollz/progressbar/v3"
)

// progress draws a progress bar on a terminal: done and total with the
// share, rate and time left when the total is known ("eval nlp  42% |████
// | (880/2077, 31 it/s) [28s:38s]"), a spinner with the count and rate
// when it is not (a stream of documents). It draws nothing when disabled,
// so callers need not check.
type progress struct {
	bar   *progressbar.ProgressBar
	total int
	done  int
}

// newProgress returns a progress bar for label on w, drawn only if on;
// total is 0 if unknown.
func newProgress(on bool, w io.Writer, label string, total int) *progress {
	if !on {
		return &progress{}
	}
	max := total
	if max <= 0 {
		max = -1 // a spinner
	}
	bar := progressbar.NewOptions(max,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription(label),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("docs"),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
		progressbar.OptionSetWidth(30),
	)
	return &progress{bar: bar, total: total}
}

// Add counts n more units done.
func (p *progress) Add(n int) {
	p.done += n
	if p.bar != nil {
		p.bar.Add(n)
	}
}

// Done erases the bar, before a line of output or at the end; a later Add
// draws it again.
func (p *progress) Done() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// Set records done units of total: the form of the Progress callbacks of
// package eval.
func (p *progress) Set(done, total int) {
	if p.bar != nil && total != p.total && total > 0 {
		p.bar.ChangeMax(total)
	}
	p.total = total
	p.Add(done - p.done)
}
