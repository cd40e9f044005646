//go:build eval

package main

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/spf13/cobra"

	"dyad/nlp"
	"dyad/nlp/english"
)

// newEvalCmd groups the measurements: each subcommand scores one stage on a
// named data set and prints a table, or one JSON object with --json.
func newEvalCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure a stage of Dyad on a data set",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newEvalExtractCmd(g), newEvalNLPCmd(g), newEvalPetrarchCmd(g), newEvalAgreeCmd(g), newEvalArticlesCmd(g), newEvalNERCmd(g), newEvalNewsCmd(g), newEvalGeoCmd(g))
	return cmd
}

// report is the result of a measurement.
type report interface {
	WriteTable(w io.Writer) error
}

// printReport prints rep as a table, or as one JSON object.
func printReport(w io.Writer, rep report, asJSON bool) error {
	if !asJSON {
		return rep.WriteTable(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// reparser returns the function that parses text with Dyad's own NLP
// pipeline, for --reparse.
func reparser() (func(string) ([]nlp.Sentence, error), error) {
	p, err := english.Pipeline()
	if err != nil {
		return nil, err
	}
	if p.Provides()&nlp.Tree == 0 {
		return nil, errors.New("--reparse: Dyad's NLP pipeline has no dependency parser")
	}
	return p.Text, nil
}
