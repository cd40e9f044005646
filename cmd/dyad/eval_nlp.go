//go:build eval

package main

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/eval"
	"dyad/nlp"
	"dyad/nlp/english"
	"dyad/nlp/parse"
)

func newEvalNLPCmd(g *globals) *cobra.Command {
	var (
		treebanks []string
		raw       bool
		goldTags  bool
		asJSON    bool
		passes    int
		search    parse.Search
		spec      = english.DefaultSpec()
	)
	cmd := &cobra.Command{
		Use:   "nlp [--treebank FILE.conllu]... [FILE.conllu...]",
		Short: "Score tagging, lemmas and parsing on UD treebanks (CoNLL 2018 measures)",
		Long: `Nlp runs Dyad's NLP pipeline over UD treebanks and scores it with the
measures of the CoNLL 2018 shared task: UPOS, XPOS, lemmas, UAS and LAS (the
universal part of the relation only), and words per second for each stage.

By default the pipeline starts from the gold words (gold tokenisation,
predicted tags). With --raw it starts from the text: the "# text" lines of
each treebank, joined into paragraphs and documents as the shared task made
its raw input, are tokenised and split into sentences, and system words are
aligned to gold words by their characters; Tokens, Sentences and Words are
then F1 scores, and the other measures F1 over aligned words.

Treebanks are given with --treebank (repeatable, comma-separated, glob
patterns allowed) or as arguments; several are scored together. Speeds are
the median of --passes runs. The stages are Dyad's defaults unless named with
--tokenizer, --tagger, --lemmatizer or --parser (an empty name leaves a
stage out). --beam, --margin and --alt-margin make the default parser
search otherwise than its model says, to measure what its search settings
trade.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			files := append(treebanks, args...)
			if len(files) == 0 {
				files = []string{filepath.Join(sharedData(), "nlp", "ud-ewt", "en_ewt-ud-test.conllu")}
			}
			if goldTags {
				spec.Input = nlp.Tokens | nlp.Tags
			}
			reg := english.Registry()
			if cmd.Flags().Changed("beam") || cmd.Flags().Changed("margin") || cmd.Flags().Changed("alt-margin") {
				var err error
				if reg, spec.Parser, err = searchRegistry(cmd, search); err != nil {
					return err
				}
			}
			p, err := reg.Pipeline(spec)
			if err != nil {
				return err
			}
			opts := eval.NLPOptions{Treebanks: files, Raw: raw, GoldTags: goldTags, Pipeline: p, Passes: passes}
			prog := newProgress(g.showProgress(), cmd.ErrOrStderr(), "eval nlp", 0)
			opts.Progress = prog.Set
			rep, err := eval.NLP(cmd.Context(), opts)
			prog.Done()
			if err != nil {
				return err
			}
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	cmd.Flags().StringSliceVar(&treebanks, "treebank", nil, "CoNLL-U treebank or glob pattern (default ../shared/data/nlp/ud-ewt/en_ewt-ud-test.conllu)")
	cmd.Flags().BoolVar(&raw, "raw", false, "start from the raw text instead of the gold words")
	cmd.Flags().BoolVar(&goldTags, "gold-tags", false, "keep the gold tags and skip the tagger (gold tokenisation only)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().IntVar(&passes, "passes", 3, "runs over the treebank; speeds are their median")
	cmd.Flags().StringVar(&spec.Tokenizer, "tokenizer", spec.Tokenizer, "tokenizer stage")
	cmd.Flags().StringVar(&spec.Tagger, "tagger", spec.Tagger, "tagger stage")
	cmd.Flags().StringVar(&spec.Lemmatizer, "lemmatizer", spec.Lemmatizer, "lemmatizer stage")
	cmd.Flags().StringVar(&spec.Parser, "parser", spec.Parser, "parser stage")
	cmd.Flags().IntVar(&search.Beam, "beam", 0, "beam width of the default parser's search (default: the model's)")
	cmd.Flags().Float64Var(&search.Margin, "margin", 0, "keep only the beam states within this score of the best; 0 keeps all (default: the model's)")
	cmd.Flags().Float64Var(&search.AltMargin, "alt-margin", 0, "weigh the tagger's runner-up tags when they trail its first choice by less than this; 0 never (default: the model's)")
	return cmd
}

// searchRegistry returns a registry of the built-in stages plus the
// default parser searching with the settings the flags changed, and that
// parser's name.
func searchRegistry(cmd *cobra.Command, flags parse.Search) (*nlp.Registry, string, error) {
	p, err := parse.Default()
	if err != nil {
		return nil, "", err
	}
	s := p.Search()
	if cmd.Flags().Changed("beam") {
		s.Beam = flags.Beam
	}
	if cmd.Flags().Changed("margin") {
		s.Margin = flags.Margin
	}
	if cmd.Flags().Changed("alt-margin") {
		s.AltMargin = flags.AltMargin
	}
	if p, err = p.WithSearch(s); err != nil {
		return nil, "", err
	}
	name := fmt.Sprintf("%s-beam%d-margin%g-alt%g", english.Parser, s.Beam, s.Margin, s.AltMargin)
	reg := english.NewRegistry()
	if err := reg.RegisterParser(name, func() (nlp.Parser, error) { return p, nil }); err != nil {
		return nil, "", err
	}
	return reg, name, nil
}
