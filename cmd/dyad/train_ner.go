package main

import (
	"log/slog"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/dict/builtin"
	"dyad/nlp"
	"dyad/nlp/ner"
	"dyad/nlp/tag"
)

func newTrainNERCmd(g *globals) *cobra.Command {
	var f trainFlags
	var epochs int
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Train the named-entity recogniser on GUM entities and Universal NER",
		Long: `Train the named-entity recogniser (people, organisations, places) on the
GUM corpus's named mentions and Universal NER's EWT dev labels, tagged by
Dyad's tagger, with the names of Dyad's built-in dictionaries as a gazetteer,
keeping the epoch that does best on the GUM news dev
documents, and write the model (by default over the one shipped in
nlp/ner/model). CoNLL-2003 is not used: its licence allows evaluation only.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := ner.ReadData(f.shared)
			if err != nil {
				return err
			}
			tagger, err := tag.Default()
			if err != nil {
				return err
			}
			for _, ss := range [][]nlp.Sentence{d.Train, d.Dev} {
				for i := range ss {
					tagger.Tag(&ss[i])
				}
			}
			dicts, err := builtin.Dictionary()
			if err != nil {
				return err
			}
			r, err := ner.Train(cmd.Context(), d.Train, d.Dev, ner.Options{Epochs: epochs, Seed: f.seed, Gazetteer: ner.Gazetteer(dicts), Logger: slog.Default()})
			if err != nil {
				return err
			}
			return writeModel(f.out, r)
		},
	}
	f.register(cmd, filepath.Join("nlp", "ner", "model", "ner.bin"))
	cmd.Flags().IntVar(&epochs, "epochs", 0, "most training epochs (0: the default)")
	return cmd
}
