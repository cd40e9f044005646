package eval

import (
	"fmt"
	"slices"
)

// NewsAgreement scores a second annotator's file, in the gold files'
// format, against the gold files of opts.Set, as News scores the coder:
// the file's events take the coder's place, so precision is the share of
// the file's events the gold has and recall the share of the gold the file
// has (F1, symmetric, is the agreement). Only the documents both annotate
// are scored: a document is annotated by a file with an event or a
// "# doc ID" comment ("# doc ID done", "# doc ID: no events"); the file's
// other documents are listed in Unscored. Both sides keep only the
// modalities scored (opts.Modalities, by default asserted), so that
// exchanging the file and the gold exchanges precision and recall; the
// file's other events are counted in AnnotationOther, and one that matches
// a gold event of another modality is an error of modality, as a coded
// event would be. The file must pass CheckGold against the set's documents.
func NewsAgreement(opts NewsOptions, file string) (*NewsReport, error) {
	set, err := readNewsSet(opts)
	if err != nil {
		return nil, err
	}
	events, problems := CheckGold([]string{file}, CheckOptions{Data: opts.Data, Docs: set.docs, Tokenizer: opts.Tokenizer})
	if len(problems) > 0 {
		return nil, fmt.Errorf("%d problems in %s (its documents must be of set %s; dyad eval news --check), the first: %w", len(problems), file, opts.Set, problems[0])
	}
	ids, err := markedDocs(file)
	if err != nil {
		return nil, err
	}
	mine := map[string]bool{}
	for _, id := range ids {
		mine[id] = true
	}
	for _, g := range events {
		mine[g.Doc] = true
	}
	var scored, unscored []string
	texts := map[string]string{}
	for _, d := range set.docs {
		switch {
		case mine[d.ID] && set.marked[d.ID]:
			scored = append(scored, d.ID)
			if texts[d.ID], err = ReferenceText(opts.Data, d); err != nil {
				return nil, err
			}
		case mine[d.ID]:
			unscored = append(unscored, d.ID)
		}
	}
	// A "# doc ID" comment may name a document outside the set.
	for id := range mine {
		if !slices.Contains(scored, id) && !slices.Contains(unscored, id) {
			unscored = append(unscored, id)
		}
	}
	slices.Sort(unscored)
	mods := opts.scored()
	var sys []SystemMention
	other := 0
	for _, g := range events {
		if !slices.Contains(scored, g.Doc) {
			continue
		}
		if !g.in(mods) {
			other++
			continue
		}
		sys = append(sys, SystemMention{Doc: g.Doc, Span: g.Span, Source: g.Source, SourceName: g.SourceName,
			Target: g.Target, TargetName: g.TargetName, Code: g.Code, Sentence: texts[g.Doc][g.Span[0]:g.Span[1]], File: g.File, Line: g.Line})
	}
	rep := ScoreNews(scored, set.gold, sys, opts.NewsScoreOptions)
	// An annotator gives no confidence.
	rep.Confidence = nil
	for i := range rep.Misses {
		g := rep.Misses[i].Gold
		rep.Misses[i].Sentence = texts[g.Doc][g.Span[0]:g.Span[1]]
	}
	rep.Set, rep.Docs = opts.Set, len(set.docs)
	rep.Annotation, rep.AnnotationOther, rep.Unscored = file, other, unscored
	return rep, nil
}
