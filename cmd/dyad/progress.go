package main

import (
	"fmt"
	"io"
	"time"
)

// progress draws a one-line counter on a terminal ("extract 12/300"). It
// draws nothing when disabled, so callers need not check.
type progress struct {
	w     io.Writer
	label string
	total int // 0 if unknown
	done  int
	last  time.Time
}

// newProgress returns a progress line for label on w, drawn only if on.
func newProgress(on bool, w io.Writer, label string, total int) *progress {
	if !on {
		return &progress{}
	}
	return &progress{w: w, label: label, total: total}
}

// Add counts n more units done and redraws at most ten times a second.
func (p *progress) Add(n int) {
	p.done += n
	if p.w == nil || time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	if p.total > 0 {
		fmt.Fprintf(p.w, "\r%s %d/%d", p.label, p.done, p.total)
	} else {
		fmt.Fprintf(p.w, "\r%s %d", p.label, p.done)
	}
}

// Done erases the progress line.
func (p *progress) Done() {
	if p.w != nil && !p.last.IsZero() {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

// Set records done units of total and redraws at most ten times a second:
// the form of the Progress callbacks of package eval.
func (p *progress) Set(done, total int) {
	p.total = total
	p.Add(done - p.done)
}
