package eval

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"text/tabwriter"

	"dyad/nlp"
	"dyad/nlp/ner"
)

// NEROptions configure a named-entity evaluation. Pipeline is required: it
// annotates the gold words (tags, tree, entities) as `dyad code` would.
type NEROptions struct {
	Shared   string // the shared data directory (…/shared/data)
	Pipeline *nlp.Pipeline
}

// NERReport scores named entities on held-out sets, exact spans and types.
type NERReport struct {
	Pipeline nlp.Spec `json:"pipeline"`
	Sets     []NERSet `json:"sets"`
}

// NERSet is the score on one data set.
type NERSet struct {
	Name      string     `json:"name"`
	Sentences int        `json:"sentences"`
	Types     []NERScore `json:"types"` // per type, then "all"
}

// NERScore is precision, recall and F1 (in %) for one entity type.
type NERScore struct {
	Type      string  `json:"type"`
	Gold      int     `json:"gold"`
	Found     int     `json:"found"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

// NER scores the pipeline's recogniser on the held-out sets of ner.ReadData:
// GUM news test, Universal NER EWT test and CoNLL-2003 test (whose MISC
// entities are not scored: Dyad finds people, organisations and places).
func NER(ctx context.Context, opts NEROptions) (*NERReport, error) {
	if opts.Pipeline == nil {
		return nil, errors.New("eval ner: no pipeline")
	}
	if opts.Pipeline.Provides()&nlp.Entities == 0 {
		return nil, errors.New("eval ner: the pipeline has no recognizer")
	}
	d, err := ner.ReadData(opts.Shared)
	if err != nil {
		return nil, fmt.Errorf("eval ner: %w", err)
	}
	rep := &NERReport{Pipeline: opts.Pipeline.Spec()}
	for _, set := range d.Test {
		c := ner.Counts{Correct: map[string]int{}, Found: map[string]int{}, Gold: map[string]int{}}
		for i := range set.Sents {
			if i%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
			}
			s := &set.Sents[i]
			gold := slices.Clone(s.Entities)
			opts.Pipeline.Annotate(s)
			c.Add(gold, s.Entities)
		}
		ns := NERSet{Name: set.Name, Sentences: len(set.Sents)}
		for _, t := range append(slices.Clone(ner.Types), "") {
			p, r, f := c.PRF(t)
			sc := NERScore{Type: t, Precision: round2(p), Recall: round2(r), F1: round2(f)}
			for _, tt := range ner.Types {
				if t == "" || t == tt {
					sc.Gold += c.Gold[tt]
					sc.Found += c.Found[tt]
				}
			}
			if t == "" {
				sc.Type = "all"
			}
			ns.Types = append(ns.Types, sc)
		}
		rep.Sets = append(rep.Sets, ns)
	}
	return rep, nil
}

// WriteTable prints the report as a table.
func (r *NERReport) WriteTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "set\ttype\tgold\tfound\tP\tR\tF1\t")
	for _, s := range r.Sets {
		for _, t := range s.Types {
			fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", s.Name, t.Type, t.Gold, t.Found, t.Precision, t.Recall, t.F1)
		}
	}
	return tw.Flush()
}
