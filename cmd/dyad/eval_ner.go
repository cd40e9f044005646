//go:build eval

package main

import (
	"github.com/spf13/cobra"

	"dyad/eval"
	"dyad/nlp"
	"dyad/nlp/english"
)

func newEvalNERCmd(g *globals) *cobra.Command {
	var (
		shared string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "ner",
		Short: "Score the named-entity recogniser on held-out sets",
		Long: `Ner runs Dyad's tagger, parser and named-entity recogniser over the gold
words of three held-out sets — the GUM news test documents, Universal NER's
EWT test and CoNLL-2003 test — and scores people (PER), organisations (ORG)
and places (LOC) by exact span and type: precision, recall and F1.
CoNLL-2003's MISC entities are not scored.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			spec := english.DefaultSpec()
			spec.Tokenizer, spec.Lemmatizer, spec.Input = "", "", nlp.Tokens
			p, err := english.Registry().Pipeline(spec)
			if err != nil {
				return err
			}
			rep, err := eval.NER(cmd.Context(), eval.NEROptions{Shared: shared, Pipeline: p})
			if err != nil {
				return err
			}
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	cmd.Flags().StringVar(&shared, "shared", sharedData(), "shared data directory")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
