package main

import (
	"bufio"
	"fmt"

	"github.com/spf13/cobra"

	"dyad/dict"
)

func newDictCheckCmd(g *globals) *cobra.Command {
	var (
		over     dict.Files
		anyCodes bool
		errsOnly bool
	)
	cmd := &cobra.Command{
		Use:   "check [default|phoenix|DIR]",
		Short: "Report duplicate entries, unknown codes and undefined synsets of a dictionary set",
		Long: `Check reads a dictionary set — "default" (Dyad's own, built in), "phoenix"
(installed by "dyad dict install phoenix") or a PETRARCH-format directory with
a PETR_config.ini — and reports, one line each with file and line, what makes
it code other than its authors meant:

  unusable line     a line the readers skipped or repaired
  undefined synset  a pattern or synset naming a synset nobody defined
  unknown verb      a transformation naming a verb no block defines
  duplicate         a name, agent noun, verb, pattern, synset member, discard
                    or issue given twice (an error when the two disagree)
  unknown code      an event code that is not a CAMEO code

Errors make the exit status 1; warnings do not. --any-codes makes unknown
codes warnings, for sets with codes of their own (PETRARCH's test
dictionaries). --actors, --verbs and the other file flags replace files of
a PETRARCH-format set, or give the whole set without DIR, as for "dyad
code"; without either, the default set is checked.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := ""
			if len(args) > 0 {
				name = args[0]
			}
			d, err := loadDictionaries(name, over)
			if err != nil {
				return err
			}
			fs := dict.Check(d, dict.CheckOptions{AnyCodes: anyCodes})
			w := bufio.NewWriter(cmd.OutOrStdout())
			errs, warns := 0, 0
			for _, f := range fs {
				if f.Severity == dict.Error {
					errs++
				} else {
					warns++
					if errsOnly {
						continue
					}
				}
				fmt.Fprintln(w, f)
			}
			fmt.Fprintf(w, "%d errors, %d warnings in %d files\n", errs, warns, len(d.Files))
			if err := w.Flush(); err != nil {
				return err
			}
			if errs > 0 {
				return errReported{failed: errs, total: len(fs)}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&anyCodes, "any-codes", false, "report event codes that are not CAMEO codes as warnings, not errors")
	f.BoolVar(&errsOnly, "errors", false, "print errors only")
	f.StringSliceVar(&over.Actors, "actors", nil, "actor dictionary (repeatable)")
	f.StringSliceVar(&over.Agents, "agents", nil, "agent dictionary (repeatable)")
	f.StringSliceVar(&over.Verbs, "verbs", nil, "verb dictionary (repeatable)")
	f.StringSliceVar(&over.Discards, "discards", nil, "discard list (repeatable)")
	f.StringSliceVar(&over.Issues, "issues", nil, "issues list (repeatable)")
	f.StringVar(&over.Ontology, "ontology", "", "coding ontology (PICO file)")
	return cmd
}
