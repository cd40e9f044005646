package main

import (
	"encoding/json"
	"path/filepath"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/pipeline"
)

func TestBenchCmd(t *testing.T) {
	dir := sharedtest.Path(t, "news", "text", "bbc-2005")
	prof := filepath.Join(t.TempDir(), "cpu.prof")
	out := runDyad(t, "bench", dir, "--articles", "25", "--workers", "2", "--json", "--cpuprofile", prof)
	var rep pipeline.BenchReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rep.Runs) != 1 || rep.Runs[0].Workers != 2 || rep.Runs[0].Coded < 25 {
		t.Errorf("report %+v", rep)
	}
}
