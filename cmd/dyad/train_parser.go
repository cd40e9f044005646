package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"sync"

	"github.com/spf13/cobra"

	"dyad/nlp/parse"
	"dyad/nlp/tag"
	"dyad/nlp/treebank"
)

func newTrainParserCmd(g *globals) *cobra.Command {
	var f trainFlags
	var opts parse.Options
	var taggerPath, trainPath string
	cmd := &cobra.Command{
		Use:   "parser",
		Short: "Train the dependency parser on UD EWT and GUM news",
		Long: `Train the dependency parser on UD English EWT train plus the GUM news
documents of the train split, keeping the epochs that parse EWT dev best,
and write the model (by default over the one shipped in nlp/parse/model).

The parser learns from predicted tags: the training data is tagged by
jackknifing (each fold by a tagger trained on the others, with the
settings of the shipped tagger), and dev by the shipped tagger or the one
given with --tagger. Where the tagger was in doubt, the parser learns to
choose between its first and its runner-up tags as it parses.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			train, dev, err := f.data()
			if err != nil {
				return err
			}
			if trainPath != "" {
				if train, err = treebank.ReadFile(trainPath); err != nil {
					return err
				}
			}
			if taggerPath != "" {
				if opts.Tagger, err = readTagger(taggerPath); err != nil {
					return err
				}
			}
			opts.Seed = f.seed
			opts.Logger = slog.Default()
			if g.showProgress() {
				var mu sync.Mutex
				last := map[string]parse.Progress{}
				opts.Progress = func(p parse.Progress) {
					mu.Lock()
					defer mu.Unlock()
					last[p.Stage] = p
					line := "parser: jackknifing the tags"
					if a, ok := last["parser"]; ok {
						l := last["labeler"]
						line = fmt.Sprintf("parser: epoch %d/%d %3d%% (dev UAS %.2f); labeler: epoch %d/%d (dev label acc. %.2f)",
							a.Epoch, a.Epochs, 100*a.Done/max(a.Total, 1), a.Dev, l.Epoch, l.Epochs, l.Dev)
					}
					fmt.Fprintf(os.Stderr, "\r%s\033[K", line)
				}
			}
			p, err := parse.Train(cmd.Context(), train, dev, opts)
			if opts.Progress != nil {
				fmt.Fprint(os.Stderr, "\r\033[K")
			}
			if err != nil {
				return err
			}
			return writeModel(f.out, p)
		},
	}
	f.register(cmd, filepath.Join("nlp", "parse", "model", "parser.bin"))
	cmd.Flags().IntVar(&opts.Epochs, "epochs", 0, "most training epochs (0: the default)")
	cmd.Flags().IntVar(&opts.Folds, "folds", 0, "jackknifing folds (0: the default)")
	cmd.Flags().IntVar(&opts.Beam, "beam", 0, "width of the beam the parser learns with (0: the default)")
	cmd.Flags().IntVar(&opts.Ensemble, "ensemble", 0, "number of models summed into one (0: the default)")
	cmd.Flags().IntVar(&opts.SearchBeam, "search-beam", 0, "width of the beam the trained parser searches with (0: the default)")
	cmd.Flags().Float64Var(&opts.SearchMargin, "search-margin", 0, "the trained parser's beam keeps the states within this score of the best (0: the default; negative: all)")
	cmd.Flags().Float64Var(&opts.AltMargin, "alt-margin", 0, "weigh the tagger's runner-up tags when they trail its first choice by less than this (0: the default; negative: never)")
	cmd.Flags().StringVar(&taggerPath, "tagger", "", "tagger model that tags dev (default: the shipped one)")
	cmd.Flags().StringVar(&trainPath, "train", "", "train on this CoNLL-U file instead")
	return cmd
}

// readTagger reads a tagger model file.
func readTagger(path string) (*tag.Tagger, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	t, err := tag.Read(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return t, nil
}
