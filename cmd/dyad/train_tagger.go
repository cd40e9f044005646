package main

import (
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/nlp"
	"dyad/nlp/tag"
	"dyad/nlp/treebank"
)

// trainFlags are the flags shared by the commands that train NLP models.
type trainFlags struct {
	shared string
	out    string
	seed   uint64
}

// register adds the flags to cmd, whose RunE it makes refuse to run
// without --out: training writes where it is told, never over the shipped
// model by default.
func (f *trainFlags) register(cmd *cobra.Command, shipped string) {
	cmd.Flags().StringVar(&f.shared, "shared", sharedData(), "shared data directory holding nlp/ud-ewt and nlp/gum-news (default $DYAD_SHARED, or shared/data beside the source tree)")
	cmd.Flags().StringVarP(&f.out, "out", "o", "", "model file to write (required; the shipped model is "+shipped+")")
	run := cmd.RunE
	cmd.RunE = func(c *cobra.Command, args []string) error {
		if f.out == "" {
			return usageError{fmt.Errorf("--out: name the model file to write (the shipped model is %s)", shipped)}
		}
		return run(c, args)
	}
	cmd.Flags().Uint64Var(&f.seed, "seed", 1, "random seed; the same seed gives the same model")
}

// data reads the training sentences and EWT dev.
func (f *trainFlags) data() (train, dev []nlp.Sentence, err error) {
	dirs := treebank.DefaultDirs(f.shared)
	if train, err = dirs.Training(); err != nil {
		return nil, nil, err
	}
	if dev, err = treebank.EWT(dirs.EWT, treebank.Dev); err != nil {
		return nil, nil, err
	}
	return train, dev, nil
}

// writeModel writes a model to a temporary file beside path and renames it
// into place, so that a failed run leaves the old model intact.
func writeModel(path string, m io.WriterTo) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return err
	}
	if _, err := m.WriteTo(tmp); err != nil {
		tmp.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return os.Rename(tmp.Name(), path)
}

func newTrainTaggerCmd(g *globals) *cobra.Command {
	var f trainFlags
	var epochs int
	cmd := &cobra.Command{
		Use:   "tagger",
		Short: "Train the part-of-speech tagger on UD EWT and GUM news",
		Long: `Train the UPOS+XPOS tagger on UD English EWT train plus the GUM news
documents of the train split, keeping the epoch that tags EWT dev best, and
write the model (by default over the one shipped in nlp/tag/model).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			train, dev, err := f.data()
			if err != nil {
				return err
			}
			opts := tag.Options{Epochs: epochs, Seed: f.seed, Logger: slog.Default()}
			if g.showProgress() {
				opts.Progress = func(p tag.Progress) {
					fmt.Fprintf(os.Stderr, "\rtagger: epoch %d/%d %3d%% (best dev UPOS %.2f)\033[K", p.Epoch, p.Epochs, 100*p.Done/p.Total, p.DevUPOS)
				}
			}
			t, err := tag.Train(cmd.Context(), train, dev, opts)
			if opts.Progress != nil {
				fmt.Fprint(os.Stderr, "\r\033[K")
			}
			if err != nil {
				return err
			}
			return writeModel(f.out, t)
		},
	}
	f.register(cmd, filepath.Join("nlp", "tag", "model", "tagger.bin"))
	cmd.Flags().IntVar(&epochs, "epochs", 0, "most training epochs (0: the default)")
	return cmd
}
