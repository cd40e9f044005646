//go:build eval

package main

import (
	"log/slog"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/dict"
	"dyad/eval"
)

func newEvalPetrarchCmd(g *globals) *cobra.Command {
	var (
		records, dicts string
		over           dict.Files
		reparse        bool
		asJSON         bool
		passes         int
	)
	cmd := &cobra.Command{
		Use:   "petrarch [--records FILE] [--dicts DIR] [--reparse] [--json]",
		Short: "Score event coding on a PETRARCH validation suite",
		Long: `Petrarch codes every record of a PETRARCH validation file (read leniently:
several are not well-formed XML) from its embedded CoNLL-U parse, or with
--reparse from Dyad's own parse of the record's text, and scores the events
as PETRARCH's validation script does: an expected event found is correct,
one missed is uncoded, an event coded but not expected is extra. A record
expecting no events is correct when nothing is coded; one expecting an
error or a discard when Dyad reports it. It prints the correct share of
expected events and the extra events per record, per category and in total
— for the categories the file's <Environment> includes and for all records
— then the speed and every record not coded as expected.

The dictionaries are the ones the file's <Environment> names, in --dicts;
--verbs, --actors, --agents, --discards, --issues and --ontology replace
them (names relative to --dicts). Each <Config> option of the file applies
to the record that follows it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts := eval.PetrarchOptions{Records: records, Dicts: dicts, Overrides: over, Reparse: reparse, Logger: slog.Default(), Passes: passes}
			if reparse {
				parse, err := reparser()
				if err != nil {
					return err
				}
				opts.Parse = parse
			}
			prog := newProgress(g.showProgress(), cmd.ErrOrStderr(), "eval petrarch", 0)
			opts.Progress = prog.Set
			rep, err := eval.EvalPetrarch(cmd.Context(), opts)
			prog.Done()
			if err != nil {
				return err
			}
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	petrarch := filepath.Join(sharedData(), "events", "petrarch")
	f := cmd.Flags()
	f.StringVar(&records, "records", filepath.Join(petrarch, "validation", "PETR_Validate_records_2_02.xml"), "PETRARCH validation file")
	f.StringVar(&dicts, "dicts", filepath.Join(petrarch, "dictionaries"), "directory of the dictionaries the file names")
	f.StringSliceVar(&over.Verbs, "verbs", nil, "verb dictionary instead of the file's (repeatable)")
	f.StringSliceVar(&over.Actors, "actors", nil, "actor dictionary instead of the file's (repeatable)")
	f.StringSliceVar(&over.Agents, "agents", nil, "agent dictionary instead of the file's (repeatable)")
	f.StringSliceVar(&over.Discards, "discards", nil, "discard list instead of the file's (repeatable)")
	f.StringSliceVar(&over.Issues, "issues", nil, "issues list instead of the file's (repeatable)")
	f.StringVar(&over.Ontology, "ontology", "", "coding ontology (PICO file) instead of the file's")
	f.BoolVar(&reparse, "reparse", false, "code from Dyad's own parse of each record's text")
	f.BoolVar(&asJSON, "json", false, "print one JSON object")
	f.IntVar(&passes, "passes", 5, "times the sentences are coded to measure the speed (the median)")
	return cmd
}
