//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// BenchmarkStartup measures what a user waits for and the memory taken by
// `echo SENTENCE | dyad parse -`: the whole process, from exec to exit,
// models loaded and one sentence parsed. It builds the binary as the
// README says, runs it once per iteration, and reports the median wall
// time and the median peak resident set (the kernel's maxrss) of the runs;
// run it with -benchtime 10x or so.
func BenchmarkStartup(b *testing.B) {
	bin := filepath.Join(b.TempDir(), "dyad")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	var walls, peaks []float64
	for b.Loop() {
		cmd := exec.Command(bin, "parse", "-")
		cmd.Stdin = strings.NewReader("The minister met the envoy in Baghdad.\n")
		start := time.Now()
		out, err := cmd.Output()
		walls = append(walls, float64(time.Since(start).Microseconds())/1000)
		if err != nil || !bytes.Contains(out, []byte("\tBaghdad\tBaghdad\tPROPN\t")) {
			b.Fatalf("dyad parse: %v\n%s", err, out)
		}
		peaks = append(peaks, float64(cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024) // KiB on Linux
	}
	b.ReportMetric(median(walls), "ms-wall-median")
	b.ReportMetric(median(peaks), "MiB-peak-RSS-median")
}

func median(xs []float64) float64 {
	xs = slices.Sorted(slices.Values(xs))
	if len(xs)%2 == 1 {
		return xs[len(xs)/2]
	}
	return (xs[len(xs)/2-1] + xs[len(xs)/2]) / 2
}
