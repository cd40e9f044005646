//go:build eval

package main

import (
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict"
	"dyad/eval"
	"dyad/nlp/english"
)

func newEvalArticlesCmd(g *globals) *cobra.Command {
	var (
		dirs, refDirs []string
		dicts         string
		asJSON        bool
	)
	cmd := &cobra.Command{
		Use:   "articles [--dir DIR]... [--dicts default|phoenix|DIR] [--json]",
		Short: "Score article-level coding: events and references on annotated articles",
		Long: `Articles codes the annotated articles of each --dir as "dyad code" does
(NLP pipeline, one discourse per article, events merged into mentions) and
scores them. NAME.events beside NAME.txt lists the events a coder should find
(docs/DICTIONARIES.md): recall is the share of them coded, precision the share
of coded events that one of them matches. NAME.refs lists references — "it",
"the group", "both sides" — with the actors they stand for: correct is the
share resolved to exactly those (or, for "-", left alone). --refs names more
directories of NAME.refs files.

The defaults are the project's test articles: dict/builtin/testdata/articles
(with the references in eval/testdata/refs) and eval/testdata/articles, run
from the repository's root.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := loadDictionaries(dicts, dict.Files{})
			if err != nil {
				return err
			}
			c, err := coder.New(d, coder.Options{})
			if err != nil {
				return err
			}
			p, err := english.Pipeline()
			if err != nil {
				return err
			}
			rep, err := eval.Articles(cmd.Context(), eval.ArticlesOptions{Dirs: dirs, RefDirs: refDirs, Coder: story.New(c, p, story.Options{})})
			if err != nil {
				return err
			}
			return printReport(cmd.OutOrStdout(), rep, asJSON)
		},
	}
	cmd.Flags().StringSliceVar(&dirs, "dir", []string{filepath.Join("dict", "builtin", "testdata", "articles"), filepath.Join("eval", "testdata", "articles")}, "directory of NAME.txt articles with NAME.events and/or NAME.refs (repeatable)")
	cmd.Flags().StringSliceVar(&refDirs, "refs", []string{filepath.Join("eval", "testdata", "refs")}, "more directories of NAME.refs files (repeatable)")
	cmd.Flags().StringVar(&dicts, "dicts", "default", `dictionaries: "default", "phoenix" or a PETRARCH-format directory`)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}
