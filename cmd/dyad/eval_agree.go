//go:build eval

package main

import (
	"log/slog"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/eval"
)

func newEvalAgreeCmd(g *globals) *cobra.Command {
	var (
		records, phoenix string
		reparse, asJSON  bool
	)
	cmd := &cobra.Command{
		Use:   "agree [--records FILE] [--phoenix DIR] [--reparse] [--json]",
		Short: "Compare Dyad's default dictionaries with the Phoenix ones",
		Long: `Agree codes every sentence of a PETRARCH validation file (by default the
76 GigaWord sample sentences) twice with Dyad's coder, once with the Phoenix
dictionaries and once with Dyad's default ones, and compares the events by
source, target and CAMEO root. It prints the share of the Phoenix events the
default dictionaries reproduce, the converse share, the counts by root, and
every sentence the two code differently with the events of each.

--phoenix is a directory with a PETR_config.ini naming the Phoenix files;
"phoenix" names the set "dyad dict install phoenix" installed. Sentences are
coded from the file's embedded CoNLL-U parses, or with --reparse from Dyad's
own parse of their text.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := eval.AgreeOptions{Records: records, Phoenix: phoenixDir(phoenix), Reparse: reparse, Logger: slog.Default()}
			if reparse {
				parse, err := reparser()
				if err != nil {
					return err
				}
				opts.Parse = parse
			}
			prog := newProgress(g.showProgress(), cmd.ErrOrStderr(), "eval agree", 0)
			opts.Progress = prog.Set
			rep, err := eval.Agree(cmd.Context(), opts)
			prog.Done()
			if err != nil {
				return err
			}
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	petrarch := filepath.Join(sharedData(), "events", "petrarch")
	f := cmd.Flags()
	f.StringVar(&records, "records", filepath.Join(petrarch, "validation", "GigaWord.sample.PETR_parsed.xml"), "PETRARCH validation file whose sentences are coded")
	f.StringVar(&phoenix, "phoenix", filepath.Join(petrarch, "dictionaries"), `Phoenix dictionary directory, or "phoenix" for the installed set`)
	f.BoolVar(&reparse, "reparse", false, "code from Dyad's own parse of each sentence's text")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// phoenixDir resolves --phoenix: the name "phoenix", unless a directory of
// that name is at hand, is the installed set.
func phoenixDir(name string) string {
	if name != "phoenix" {
		return name
	}
	if st, err := os.Stat(name); err == nil && st.IsDir() {
		return name
	}
	return filepath.Join(dictHome(), "phoenix")
}
