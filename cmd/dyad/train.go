package main

import "github.com/spf13/cobra"

// newTrainCmd groups the commands that rebuild Dyad's shipped models from
// the shared training data.
func newTrainCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "train",
		Short: "Train one of Dyad's models",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(
		newTrainTaggerCmd(g),
		newTrainParserCmd(g),
		newTrainLemmatizerCmd(g),
		newTrainSplitterCmd(g),
		newTrainNERCmd(g),
	)
	return cmd
}
