package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"dyad/nlp"
	"dyad/nlp/tokenize"
	"dyad/nlp/treebank"
)

// NLPOptions configure an NLP evaluation. Pipeline is required.
type NLPOptions struct {
	// Treebanks are CoNLL-U files or glob patterns; their sentences are
	// scored together, in the order given.
	Treebanks []string
	// Raw re-tokenises and re-splits the text of the treebank (its "# text"
	// lines, joined into paragraphs and documents) instead of using the
	// gold words.
	Raw bool
	// GoldTags keeps the gold UPOS and XPOS and skips the tagger, to score
	// the later stages alone. Only with gold tokenisation.
	GoldTags bool
	// Pipeline annotates the text. With Raw it needs a tokenizer.
	Pipeline *nlp.Pipeline
	// Passes is how many times the pipeline runs over the treebank; speeds
	// are the median of the passes (default 1). Scores come from the first.
	Passes int
	// Progress, if not nil, is called with the sentences done and the total.
	Progress func(done, total int)
	Logger   *slog.Logger // nil discards
}

// NLPReport is the result of an NLP evaluation.
type NLPReport struct {
	Treebanks []string `json:"treebanks"`
	Raw       bool     `json:"raw"`
	GoldTags  bool     `json:"gold_tags,omitempty"`
	Pipeline  nlp.Spec `json:"pipeline"`
	Sentences int      `json:"sentences"` // gold sentences
	Words     int      `json:"words"`     // gold syntactic words
	Scores    UDScores `json:"scores"`
	// Speed is the throughput of the whole pipeline and of each stage, in
	// gold words per second of wall-clock time on one goroutine.
	Speed []StageSpeed `json:"speed"`
}

// StageSpeed is the throughput of one stage, or of the whole pipeline
// (Stage "pipeline").
type StageSpeed struct {
	Stage          string  `json:"stage"`
	Name           string  `json:"name,omitempty"`
	Seconds        float64 `json:"seconds"`
	WordsPerSecond float64 `json:"words_per_second"`
}

// NLP scores a pipeline on treebanks with the measures of the CoNLL 2018
// shared task. With gold tokenisation, the pipeline tags, lemmatises and
// parses the gold words; with Raw, it starts from the text.
func NLP(ctx context.Context, opts NLPOptions) (*NLPReport, error) {
	if opts.Pipeline == nil {
		return nil, errors.New("eval nlp: no pipeline")
	}
	if opts.Raw && opts.GoldTags {
		return nil, errors.New("eval nlp: gold tags need gold tokenisation")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	files, err := expandGlobs(opts.Treebanks)
	if err != nil {
		return nil, fmt.Errorf("eval nlp: %w", err)
	}
	rep := &NLPReport{Treebanks: files, Raw: opts.Raw, GoldTags: opts.GoldTags, Pipeline: opts.Pipeline.Spec()}
	var gold []nlp.Sentence
	var texts []string // raw text of each file
	for _, f := range files {
		sents, err := readTreebank(f)
		if err != nil {
			return nil, fmt.Errorf("eval nlp: %w", err)
		}
		gold = append(gold, sents...)
		texts = append(texts, RawText(sents))
	}
	rep.Sentences = len(gold)
	for i := range gold {
		rep.Words += len(gold[i].Tokens)
	}
	log.Info("treebanks read", "files", len(files), "sentences", rep.Sentences, "words", rep.Words)

	passes := max(1, opts.Passes)
	var system []nlp.Sentence
	times := map[string][]float64{} // stage → seconds, one per pass
	var stages []StageSpeed
	for pass := range passes {
		sys, speeds, err := runPipeline(ctx, &opts, gold, texts, pass == 0)
		if err != nil {
			return nil, err
		}
		if pass == 0 {
			system, stages = sys, speeds
		}
		for _, sp := range speeds {
			times[sp.Stage] = append(times[sp.Stage], sp.Seconds)
		}
	}
	for _, sp := range stages {
		sp.Seconds = median(times[sp.Stage])
		if sp.Seconds > 0 {
			sp.WordsPerSecond = float64(rep.Words) / sp.Seconds
		}
		rep.Speed = append(rep.Speed, sp)
	}
	log.Info("pipeline run", "passes", passes)
	rep.Scores, err = ScoreUD(gold, system)
	if err != nil {
		return nil, fmt.Errorf("eval nlp: %w", err)
	}
	return rep, nil
}

// runPipeline annotates the treebank once, from its text with Raw, else
// from its gold words, timing each stage; the last speed is the whole
// pipeline's.
func runPipeline(ctx context.Context, opts *NLPOptions, gold []nlp.Sentence, texts []string, report bool) ([]nlp.Sentence, []StageSpeed, error) {
	var system []nlp.Sentence
	var speeds []StageSpeed
	var total time.Duration
	spec := opts.Pipeline.Spec()
	if opts.Raw {
		start := time.Now()
		for _, text := range texts {
			sents, err := opts.Pipeline.Tokenize(text)
			if err != nil {
				return nil, nil, fmt.Errorf("eval nlp: %w", err)
			}
			system = append(system, sents...)
		}
		total = time.Since(start)
		speeds = append(speeds, StageSpeed{Stage: nlp.KindTokenizer, Name: spec.Tokenizer, Seconds: total.Seconds()})
	} else {
		system = make([]nlp.Sentence, len(gold))
		for i := range gold {
			system[i] = stripped(&gold[i], opts.GoldTags)
		}
	}
	// Each stage runs over all sentences in turn, so that each can be
	// timed; the result is the same as running the pipeline per sentence.
	for _, st := range opts.Pipeline.Steps() {
		if opts.GoldTags && st.Kind == nlp.KindTagger {
			continue
		}
		start := time.Now()
		for i := range system {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, nil, err
				}
				if report && opts.Progress != nil {
					opts.Progress(i, len(system))
				}
			}
			if len(system[i].Tokens) > 0 {
				st.Run(&system[i])
			}
		}
		d := time.Since(start)
		total += d
		speeds = append(speeds, StageSpeed{Stage: st.Kind, Name: st.Name, Seconds: d.Seconds()})
	}
	if report && opts.Progress != nil {
		opts.Progress(len(system), len(system))
	}
	speeds = append(speeds, StageSpeed{Stage: "pipeline", Seconds: total.Seconds()})
	return system, speeds, nil
}

// stripped returns a copy of a gold sentence with only what a tokenizer
// gives: forms, multiword tokens and offsets (and the tags, with goldTags).
func stripped(g *nlp.Sentence, goldTags bool) nlp.Sentence {
	s := nlp.Sentence{ID: g.ID, Text: g.Text, Start: g.Start, End: g.End}
	s.MultiWords = append([]nlp.MultiWord(nil), g.MultiWords...)
	s.Tokens = make([]nlp.Token, len(g.Tokens))
	for i, t := range g.Tokens {
		s.Tokens[i] = nlp.Token{ID: t.ID, Form: t.Form, Head: -1, Start: t.Start, End: t.End}
		if goldTags {
			s.Tokens[i].UPOS, s.Tokens[i].XPOS = t.UPOS, t.XPOS
		}
	}
	return s
}

func expandGlobs(patterns []string) ([]string, error) {
	if len(patterns) == 0 {
		return nil, errors.New("no treebank given")
	}
	var out []string
	for _, p := range patterns {
		if !strings.ContainsAny(p, "*?[") {
			out = append(out, p)
			continue
		}
		m, err := filepath.Glob(p)
		if err != nil {
			return nil, fmt.Errorf("treebank pattern %q: %w", p, err)
		}
		if len(m) == 0 {
			return nil, fmt.Errorf("treebank pattern %q matches no file", p)
		}
		out = append(out, m...)
	}
	return out, nil
}

func readTreebank(path string) ([]nlp.Sentence, error) {
	sents, err := treebank.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(sents) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	return sents, nil
}

// RawText rebuilds the running text of treebank sentences the way the
// CoNLL 2018 shared task made its raw input (see tokenize.Paragraphs):
// paragraphs separated by blank lines.
func RawText(sents []nlp.Sentence) string {
	var b strings.Builder
	for i, p := range tokenize.Paragraphs(sents) {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p.Text)
	}
	b.WriteString("\n")
	return b.String()
}

// WriteTable prints the report as a table.
func (r *NLPReport) WriteTable(w io.Writer) error {
	mode := "gold tokenisation"
	if r.Raw {
		mode = "raw text"
	}
	if r.GoldTags {
		mode += ", gold tags"
	}
	fmt.Fprintf(w, "%s (%s): %d sentences, %d words\n", strings.Join(r.Treebanks, ", "), mode, r.Sentences, r.Words)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "metric\tprecision\trecall\tF1\taligned acc.\t")
	rows := []struct {
		name string
		s    UDScore
		word bool
	}{
		{"Tokens", r.Scores.Tokens, false}, {"Sentences", r.Scores.Sentences, false}, {"Words", r.Scores.Words, false},
		{"UPOS", r.Scores.UPOS, true}, {"XPOS", r.Scores.XPOS, true}, {"Lemmas", r.Scores.Lemmas, true},
		{"UAS", r.Scores.UAS, true}, {"LAS", r.Scores.LAS, true},
	}
	for _, row := range rows {
		acc := ""
		if row.word {
			acc = pct(row.s.AlignedAccuracy())
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t\n", row.name, pct(row.s.Precision()), pct(row.s.Recall()), pct(row.s.F1()), acc)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "stage\tname\tseconds\twords/s\t")
	for _, s := range r.Speed {
		fmt.Fprintf(tw, "%s\t%s\t%.3f\t%.0f\t\n", s.Stage, s.Name, s.Seconds, s.WordsPerSecond)
	}
	return tw.Flush()
}

func pct(f float64) string { return fmt.Sprintf("%.2f", 100*f) }

// MarshalJSON writes a score with its derived figures, in percent.
func (s UDScore) MarshalJSON() ([]byte, error) {
	type plain UDScore
	return json.Marshal(struct {
		plain
		Precision       float64 `json:"precision"`
		Recall          float64 `json:"recall"`
		F1              float64 `json:"f1"`
		AlignedAccuracy float64 `json:"aligned_accuracy"`
	}{plain(s), round2(100 * s.Precision()), round2(100 * s.Recall()), round2(100 * s.F1()), round2(100 * s.AlignedAccuracy())})
}

func round2(f float64) float64 {
	return float64(int64(f*100+0.5)) / 100
}
