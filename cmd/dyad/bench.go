package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/spf13/cobra"

	"dyad/pipeline"
)

func newBenchCmd(*globals) *cobra.Command {
	var (
		asJSON, noGeo       bool
		articles            int
		workers             []int
		shared              string
		cpuProfile, memProf string
	)
	cmd := &cobra.Command{
		Use:   "bench [INPUT...] [--json] [--articles N] [--workers 1,2] [--cpuprofile FILE] [--memprofile FILE]",
		Short: "Measure end-to-end speed and memory: HTML in, coded events out",
		Long: `Bench runs the whole pipeline of "dyad code" (read, extract, dedup,
tokenize, tag, parse, lemmatize, recognize, code, write JSON Lines to
nowhere) over a corpus, at each --workers count in turn, and prints
articles, sentences and words per second, each stage's share of the busy
time, and the peak and sampled resident memory.

The corpus is the INPUTs (anything "dyad code" reads), by default the
Scrapinghub benchmark pages and the BBC texts in the shared data (--shared,
or $DYAD_SHARED, default ../shared/data). It is repeated to at least
--articles documents; each repetition is deduplicated on its own, so the
repeats are coded like new articles. Models load once, before the runs,
and their load time is given apart.

Every 5,000 documents a line on stderr gives the resident memory.
--cpuprofile and --memprofile write pprof profiles of the runs ("go tool
pprof FILE").`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				if shared == "" {
					shared = sharedData()
				}
				args = []string{filepath.Join(shared, "extraction", "scrapinghub", "html"), filepath.Join(shared, "news", "text", "bbc-2005")}
				for _, a := range args {
					if _, err := os.Stat(a); err != nil {
						return fmt.Errorf("the default corpus is missing (%v): give --shared DIR or INPUTs", err)
					}
				}
			}
			if cpuProfile != "" {
				f, err := os.Create(cpuProfile)
				if err != nil {
					return err
				}
				defer f.Close()
				if err := pprof.StartCPUProfile(f); err != nil {
					return err
				}
				defer pprof.StopCPUProfile()
			}
			tuneRun()
			rep, err := pipeline.Bench(cmd.Context(), args, pipeline.BenchOptions{
				Pipeline: pipeline.Options{NoGeo: noGeo},
				Articles: articles,
				Workers:  workers,
				Sampled: func(w int, s pipeline.RSSSample, d time.Duration) {
					fmt.Fprintf(cmd.ErrOrStderr(), "bench: %d workers: %d documents in %.0f s, RSS %.0f MiB\n", w, s.Results, d.Seconds(), s.MiB)
				},
			})
			if err != nil {
				return err
			}
			if memProf != "" {
				f, err := os.Create(memProf)
				if err != nil {
					return err
				}
				defer f.Close()
				runtime.GC()
				if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
					return err
				}
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(rep)
			}
			return rep.WriteTable(cmd.OutOrStdout())
		},
	}
	f := cmd.Flags()
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.IntVar(&articles, "articles", 5000, "least number of documents per run (the corpus is repeated)")
	f.IntSliceVar(&workers, "workers", []int{1, 2}, "worker counts to run, in order")
	f.StringVar(&shared, "shared", "", "shared data directory of the default corpus (default $DYAD_SHARED or ../shared/data)")
	f.StringVar(&cpuProfile, "cpuprofile", "", "write a CPU profile of the runs to FILE")
	f.StringVar(&memProf, "memprofile", "", "write an allocation profile of the runs to FILE")
	f.BoolVar(&noGeo, "no-geo", false, "leave events unplaced (to measure what geolocation costs)")
	return cmd
}
