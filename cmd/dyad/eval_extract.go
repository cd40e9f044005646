//go:build eval

package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/eval"
)

func newEvalExtractCmd(g *globals) *cobra.Command {
	var (
		data   string
		asJSON bool
		passes int
	)
	cmd := &cobra.Command{
		Use:   "extract",
		Short: "Score HTML article extraction against the Scrapinghub benchmark",
		Long: `Extract scores Dyad's HTML article extraction on the Scrapinghub
article-extraction benchmark (181 pages with human ground truth) and, in the
same process, go-trafilatura and readeck's go-readability.

Scoring is the benchmark's own: texts are split into \w+ tokens, tokens form
overlapping 4-token shingles, per-page precision and recall are averaged over
the pages, and F1 is taken of the two averages. Speed is pages per second,
the median of --passes timed passes; the extractors take turns within each
pass. Dyad's 10 worst pages are listed with their precision and recall.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			pages, err := eval.LoadScrapinghub(data)
			if err != nil {
				return fmt.Errorf("%w (--data names the benchmark directory)", err)
			}
			rep, err := eval.Extract(cmd.Context(), pages, eval.ExtractOptions{Passes: passes})
			if err != nil {
				return err
			}
			rep.Data = data
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&data, "data", filepath.Join(sharedData(), "extraction", "scrapinghub"), "benchmark directory (ground-truth.json, html/*.html.gz)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().IntVar(&passes, "passes", 5, "timed passes over the pages; speed is their median")
	return cmd
}
