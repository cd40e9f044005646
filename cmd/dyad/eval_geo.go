//go:build eval

package main

import (
	"errors"
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/eval"
	"dyad/geo"
	"dyad/nlp/english"
	"dyad/nlp/tokenize"
)

// geoDir holds the place gold files, relative to the repository's root.
var geoDir = filepath.Join("eval", "testdata", "geo")

func newEvalGeoCmd(g *globals) *cobra.Command {
	var (
		data, docsFile, set string
		check, asJSON       bool
	)
	cmd := &cobra.Command{
		Use:   "geo (--set dev|test [--json] | --check [GOLD.jsonl]...)",
		Short: "Score place recognition and resolution on annotated real news",
		Long: `Geo scores where Dyad says things happen. The documents are those of the
real-news evaluation (eval/testdata/news/docs.jsonl); annotators marked every
place name of their sentences with the place meant (eval/testdata/geo/dev.jsonl
and test.jsonl, docs/ANNOTATION.md "Places"). Each document of the set is
parsed, its place names found and resolved as "dyad code" does, and scored:
recognition precision and recall (a gold name found in its sentence) and
resolution accuracy (found and resolved to a place of the gold kind —
country, first-level division or town — in the gold country, with the gold
name or one of its spellings). Every miss, wrong place and extra name is
listed.

--check validates place gold files (by default every eval/testdata/geo/*.jsonl).`,
		Args: cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := eval.ReadNewsDocs(docsFile)
			if err != nil {
				return err
			}
			tok, err := tokenize.Default()
			if err != nil {
				return err
			}
			gaz, err := geo.Default()
			if err != nil {
				return err
			}
			files := args
			if len(files) == 0 {
				if files, err = filepath.Glob(filepath.Join(geoDir, "*.jsonl")); err != nil {
					return err
				}
			}
			switch {
			case check && set != "":
				return errors.New("choose one of --set and --check")
			case check:
				gold, problems := eval.CheckGoldPlaces(files, data, docs, tok, gaz)
				for _, p := range problems {
					fmt.Fprintln(cmd.ErrOrStderr(), p)
				}
				if len(problems) > 0 {
					return fmt.Errorf("%d problems in %d gold files", len(problems), len(files))
				}
				fmt.Fprintf(cmd.OutOrStdout(), "%d gold places in %d files: no problems\n", len(gold), len(files))
				return nil
			case set == "dev" || set == "test":
				p, err := english.Pipeline()
				if err != nil {
					return err
				}
				rep, err := eval.Geo(cmd.Context(), eval.GeoOptions{Data: data, Docs: docs, Gold: files, Set: set, Pipeline: p, Tokenizer: tok, Gazetteer: gaz})
				if err != nil {
					return err
				}
				return printReport(cmd.OutOrStdout(), rep, asJSON)
			}
			return errors.New(`want --set dev|test or --check`)
		},
	}
	cmd.Flags().StringVar(&data, "data", sharedData(), "shared data directory the documents refer to")
	cmd.Flags().StringVar(&docsFile, "docs", filepath.Join(newsDir, "docs.jsonl"), "documents file (one JSON object a line)")
	cmd.Flags().StringVar(&set, "set", "", `score the "dev" or "test" set`)
	cmd.Flags().BoolVar(&check, "check", false, "validate place gold files (arguments, or every one)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
