//go:build eval

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"dyad/eval"
	"dyad/nlp/tokenize"
	"dyad/pipeline"
)

// newsDir is where the real-news evaluation keeps its documents, batches
// and gold files, relative to the repository's root.
var newsDir = filepath.Join("eval", "testdata", "news")

func newEvalNewsCmd(g *globals) *cobra.Command {
	var (
		data, docsFile, show string
		set, dicts           string
		modalities           []string
		check, asJSON        bool
		fitConfidence        string
		annotation           string
	)
	cmd := &cobra.Command{
		Use:   "news (--set dev|holdout|test [--dicts default|phoenix|DIR] [--json] | --set dev --annotation FILE [--json] | --show DOCID | --check [GOLD.jsonl]...)",
		Short: "Score event coding on real news against gold events; show documents and check gold files for annotators",
		Long: `News serves the real-news evaluation (docs/ANNOTATION.md). Its documents are
listed in eval/testdata/news/docs.jsonl by reference to the shared data;
gold events are JSON Lines files under eval/testdata/news/{dev,holdout,test}.

--set dev|holdout|test codes each annotated document of the set (one with gold
events or a "# doc ID" comment line) as "dyad code" codes an article, and
scores every sentence mention of every event against the gold events:
strict (same root, a sentence overlapping the gold sentence, source and
target equal on country or group and primary role) and lenient (root and
the actors' country or group), precision and recall, per CAMEO root and per
error category (missed, wrong actor, wrong root, statement target,
modality, extra), and lists every miss and every extra. Only asserted gold
events count for recall unless --modality names others. A table gives the
strict precision of the mentions by their confidence.

--fit-confidence FILE (with --set dev only) learns the confidence model
from the scored development set and writes it to FILE; the coder embeds
coder/confidence.json. It prints the strict precision by confidence in
sample, held out by document (model and calibration refitted without each
document) for all, wire (CoNLL) and web documents, and held out by kind
(fitted on web documents, scored on wire, and the other way).

--annotation FILE (with --set) measures the agreement between annotators:
FILE is a second annotator's blind annotation of some of the set's
documents, in the gold files' format. It is scored against the set's gold
as the coder is, with the same matching, on the documents both annotate (a
document with an event or a "# doc ID done" or "# doc ID: no events"
comment): FILE's events take the coder's place, so precision is the share
of FILE's events the gold has, recall the share of the gold FILE has, and
F1 (symmetric) the agreement. A disagreeing code or actor counts against
both. Only asserted events are compared on both sides, as the set scores
the coder; --modality widens both sides alike, and FILE's other events are
counted and left out (one matching a gold event of another modality is a
"modality" extra). It prints the strict and lenient table, the roots and
every disagreement (misses: gold events FILE lacks; extras: FILE's events
the gold lacks), or with --json one JSON object. FILE's documents the gold
does not annotate are listed, not scored. FILE must pass --check; its
documents must be of the set. Nothing is coded.

--show DOCID prints the document's reference text as numbered sentences
with their byte spans [start,end), which gold events cite. It prints none of
Dyad's events, so annotators see only the text.

--check validates gold files (by default every eval/testdata/news/*/*.jsonl):
CAMEO codes, actor code syntax, modality, dates, that each document exists
and belongs to the file's batch (T1.jsonl holds batch T1's documents), and
that each span starts and ends on sentence boundaries of one line. A file
anywhere may be checked (--check FILE, or --check --annotation FILE); one
not named after a batch may hold any document of docs.jsonl. Every
problem is printed as FILE:LINE: message; the exit status is 1 if any.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			docs, err := eval.ReadNewsDocs(docsFile)
			if err != nil {
				return err
			}
			tok, err := tokenize.Default()
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			switch {
			case (show != "") && (check || set != "") || check && set != "":
				return errors.New("choose one of --set, --show and --check")
			case annotation != "" && set == "" && !check:
				return usageError{errors.New("--annotation needs --set (or --check)")}
			case annotation != "" && fitConfidence != "":
				return usageError{errors.New("--fit-confidence learns from the coder, not from --annotation")}
			case set != "" && annotation != "":
				if len(args) > 0 {
					return usageError{errors.New("--set takes no arguments")}
				}
				rep, err := eval.NewsAgreement(eval.NewsOptions{Data: data, Dir: filepath.Dir(docsFile), Set: set, Tokenizer: tok,
					NewsScoreOptions: eval.NewsScoreOptions{Modalities: modalities}}, annotation)
				if err != nil {
					return err
				}
				return printReport(out, rep, asJSON)
			case set != "":
				if len(args) > 0 {
					return usageError{errors.New("--set takes no arguments")}
				}
				rep, err := eval.News(cmd.Context(), eval.NewsOptions{Data: data, Dir: filepath.Dir(docsFile), Set: set,
					Pipeline: pipeline.Options{Dicts: dicts, DictHome: dictHome()}, Tokenizer: tok, NewsScoreOptions: eval.NewsScoreOptions{Modalities: modalities}})
				if err != nil {
					return err
				}
				if fitConfidence != "" {
					return writeConfidence(out, fitConfidence, set, rep)
				}
				return printReport(out, rep, asJSON)
			case show != "":
				return eval.ShowNews(out, data, docs, show, tok)
			case check:
				files := args
				if annotation != "" {
					files = append(files, annotation)
				}
				if len(files) == 0 {
					if files, err = filepath.Glob(filepath.Join(newsDir, "*", "*.jsonl")); err != nil {
						return err
					}
				}
				batches, err := readBatches(filepath.Join(filepath.Dir(docsFile), "batches"))
				if err != nil {
					return err
				}
				gold, problems := eval.CheckGold(files, eval.CheckOptions{Data: data, Docs: docs, Batches: batches, Tokenizer: tok})
				for _, p := range problems {
					fmt.Fprintln(cmd.ErrOrStderr(), p)
				}
				if len(problems) > 0 {
					return fmt.Errorf("%d problems in %d gold files", len(problems), len(files))
				}
				fmt.Fprintf(out, "%d gold events in %d files: no problems\n", len(gold), len(files))
				return nil
			}
			return errors.New("want --set dev|holdout|test, --show DOCID or --check")
		},
	}
	cmd.Flags().StringVar(&data, "data", sharedData(), "shared data directory the documents refer to")
	cmd.Flags().StringVar(&docsFile, "docs", filepath.Join(newsDir, "docs.jsonl"), "documents file (one JSON object a line)")
	cmd.Flags().StringVar(&show, "show", "", "print document DOCID's sentences with their byte spans")
	cmd.Flags().BoolVar(&check, "check", false, "validate gold files (arguments, or every gold file)")
	cmd.Flags().StringVar(&set, "set", "", `score the "dev", "holdout" or "test" set`)
	cmd.Flags().StringVar(&dicts, "dicts", "default", `dictionaries: "default", "phoenix" or a PETRARCH-format directory`)
	cmd.Flags().StringSliceVar(&modalities, "modality", nil, "gold modalities that count for recall (default asserted): asserted, negated, hypothetical, conditional, wished, refused, denied, future")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	cmd.Flags().StringVar(&annotation, "annotation", "", "with --set: score this second annotator's gold-format file against the set's gold on the documents it annotates (agreement between annotators); with --check: check it")
	cmd.Flags().StringVar(&fitConfidence, "fit-confidence", "", "with --set dev: learn the confidence model from the scored mentions and write it to this file")
	return cmd
}

// confidenceFit is how the confidence model is learnt: an L2 penalty of
// 1 and a calibration that shrinks each band's held-out precision toward
// the base rate with 4 mentions' weight, takes the precision the band
// reaches with 90 % probability, and the lesser of the wire (CoNLL
// Reuters) and web documents' (docs/EVALUATION.md). With the regression
// alone, held out by document, the CoNLL mentions scored 0.7 or more were
// 0 of 7 right (the test set's 6 at 0.8 or more all wrong).
func confidenceFit(trained string) eval.ConfidenceFit {
	return eval.ConfidenceFit{Penalty: 1, Prior: 4, Level: 0.9, Trained: trained,
		Group: func(s eval.SystemMention) string { return eval.NewsGroup(s.Kind) }}
}

// writeConfidence fits the confidence model on a scored development set,
// writes it as JSON, and prints the strict precision by confidence of
// mentions held out: by document, and by kind of document (fitted on the
// web documents and scored on the wire, and the other way).
func writeConfidence(w io.Writer, path, set string, rep *eval.NewsReport) error {
	if set != "dev" {
		return usageError{errors.New("--fit-confidence learns from the dev set only")}
	}
	fit := confidenceFit(fmt.Sprintf("dyad eval news --set dev --fit-confidence: %d annotated documents, %d coded mentions, %d strictly right; logistic regression, L2 penalty 1, calibrated held out by document: prior 4, 90 %% sure, least of wire and web",
		rep.Annotated, len(rep.Mentions), rep.Strict.Matched))
	m, err := eval.FitConfidence(rep.Mentions, fit)
	if err != nil {
		return err
	}
	data, err := json.MarshalIndent(m, "", " ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
		return err
	}
	scored := rep.Mentions
	for i := range scored {
		scored[i].Confidence = m.Score(scored[i].Features)
	}
	fmt.Fprintf(w, "%s\n", fit.Trained)
	for _, c := range m.Calibration {
		n, right := 0, 0
		for _, s := range scored {
			if s.Confidence == c.Confidence {
				n++
				if s.Right {
					right++
				}
			}
		}
		fmt.Fprintf(w, "  score ≥ %.3f: confidence %.3f (in sample %d coded, %d right)\n", c.Score, c.Confidence, n, right)
	}
	group := func(s eval.SystemMention) string { return eval.NewsGroup(s.Kind) }
	byDoc, err := eval.CrossValidateConfidence(rep.Mentions, fit, func(s eval.SystemMention) string { return s.Doc })
	if err != nil {
		return err
	}
	byKind, err := eval.CrossValidateConfidence(rep.Mentions, fit, group)
	if err != nil {
		return err
	}
	of := func(sys []eval.SystemMention, g string) []eval.SystemMention {
		return slices.DeleteFunc(slices.Clone(sys), func(s eval.SystemMention) bool { return g != "" && group(s) != g })
	}
	type table struct {
		name string
		sys  []eval.SystemMention
	}
	tables := []table{
		{"in sample (the model written)", scored},
		{"held out by document (leave one document out), all", byDoc},
		{"held out by document, wire (CoNLL) documents", of(byDoc, "wire")},
		{"held out by document, web documents", of(byDoc, "web")},
		{"held out by kind: fitted on web, scored on wire", of(byKind, "wire")},
		{"held out by kind: fitted on wire, scored on web", of(byKind, "web")},
	}
	// A batch annotated after the coder's rules were written for the
	// others is the nearest the dev set has to unseen documents.
	var batches []string
	for _, s := range rep.Mentions {
		if !slices.Contains(batches, s.Batch) {
			batches = append(batches, s.Batch)
		}
	}
	if len(batches) > 1 {
		byBatch, err := eval.CrossValidateConfidence(rep.Mentions, fit, func(s eval.SystemMention) string { return s.Batch })
		if err != nil {
			return err
		}
		for _, b := range batches {
			held := slices.DeleteFunc(slices.Clone(byBatch), func(s eval.SystemMention) bool { return s.Batch != b })
			tables = append(tables, table{fmt.Sprintf("held out by batch: fitted on the other batches, scored on %s", b), held},
				table{fmt.Sprintf("held out by batch, %s, wire documents", b), of(held, "wire")})
		}
	}
	for _, t := range tables {
		fmt.Fprintf(w, "%s:\n", t.name)
		for _, b := range eval.ConfidenceBins(t.sys) {
			fmt.Fprintf(w, "  %-9s %3d coded, %3d right (%.1f %%), mean confidence %.2f\n", b.Name(), b.Mentions, b.Right, 100*float64(b.Right)/float64(max(b.Mentions, 1)), b.Mean)
		}
	}
	return nil
}

// readBatches reads every NAME.txt batch list of dir.
func readBatches(dir string) (map[string][]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	out := map[string][]string{}
	for _, f := range files {
		ids, err := eval.ReadBatch(f)
		if err != nil {
			return nil, err
		}
		out[strings.TrimSuffix(filepath.Base(f), ".txt")] = ids
	}
	return out, nil
}
