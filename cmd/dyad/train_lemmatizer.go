package main

import (
	"log/slog"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/nlp/lemma"
)

func newTrainLemmatizerCmd(g *globals) *cobra.Command {
	var f trainFlags
	cmd := &cobra.Command{
		Use:   "lemmatizer",
		Short: "Train the lemmatizer on UD EWT and GUM news",
		Long: `Learn the lemmatizer's lexicon and suffix rules from UD English EWT train
plus the GUM news documents of the train split, and write the model (by
default over the one shipped in nlp/lemma/model). Training is deterministic:
the same data always gives the same file.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			train, _, err := f.data()
			if err != nil {
				return err
			}
			l, err := lemma.Train(train, lemma.TrainOptions{Logger: slog.Default()})
			if err != nil {
				return err
			}
			return writeModel(f.out, l)
		},
	}
	f.register(cmd, filepath.Join("nlp", "lemma", "model", "lemmas.txt.gz"))
	cmd.Flags().MarkHidden("seed") // training draws no random numbers
	return cmd
}
