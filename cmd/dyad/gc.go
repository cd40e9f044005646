package main

import (
	"os"
	"runtime/debug"

	"dyad/nlp/english"
)

// pipelineGOGC is the garbage collector's target for the commands that run
// the pipeline (code, extract, ingest, bench) when $GOGC does not set one.
// Their heap is small and short-lived: a few tens of megabytes that live
// (the models are mapped from the binary, not on the heap) and a few
// megabytes of garbage per article. At Go's default of 100 the collector
// ran every second or two of a run and took 4-6 % of its CPU time (by
// GODEBUG=gctrace=1); at 400 it runs a quarter as often and takes about
// 1 %, and a 2-worker bench run peaks at 473 MiB resident instead of 284.
const pipelineGOGC = 400

// tuneRun prepares a command that runs the pipeline over many articles:
// it sets pipelineGOGC unless $GOGC is set, and has the models copied into
// memory of their own (english.ForLongRuns).
func tuneRun() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(pipelineGOGC)
	}
	english.ForLongRuns()
}
