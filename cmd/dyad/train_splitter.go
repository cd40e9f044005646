package main

import (
	"log/slog"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/nlp/tokenize"
)

func newTrainSplitterCmd(g *globals) *cobra.Command {
	var f trainFlags
	var epochs int
	cmd := &cobra.Command{
		Use:   "splitter",
		Short: "Train the sentence splitter on UD EWT and GUM news",
		Long: `Train the sentence splitter (an averaged perceptron over the gaps between
tokens, with the rules' decision among its clues) on the running text of UD
English EWT train plus the GUM news documents of the train split, and write
the model (by default over the one shipped in nlp/tokenize/model). The same
data and seed give the same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			train, _, err := f.data()
			if err != nil {
				return err
			}
			s, err := tokenize.TrainSplitter(cmd.Context(), tokenize.Paragraphs(train),
				tokenize.SplitterOptions{Epochs: epochs, Seed: f.seed, Logger: slog.Default()})
			if err != nil {
				return err
			}
			return writeModel(f.out, s)
		},
	}
	f.register(cmd, filepath.Join("nlp", "tokenize", "model", "sentences.bin"))
	cmd.Flags().IntVar(&epochs, "epochs", 0, "passes over the training text (0: the default)")
	return cmd
}
