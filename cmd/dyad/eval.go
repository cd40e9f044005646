package main

import "github.com/spf13/cobra"

// newEvalCmd groups the measurements: each subcommand scores one stage on a
// named data set and prints a table, or one JSON object with --json.
func newEvalCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure a stage of Dyad on a data set",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newEvalExtractCmd(g), newEvalNLPCmd(g), newEvalPetrarchCmd(g), newEvalAgreeCmd(g), newEvalArticlesCmd(g))
	return cmd
}
