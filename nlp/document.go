package nlp

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Document annotates text as one document, the way a UD treebank lays one
// out: sentences get IDs "<id>-<n>" ("s<n>" when id is empty), the first
// one a "newdoc" comment and each that opens a paragraph (after a blank
// line) a "newpar" comment. Offsets are into text. For an article, pass
// its ID and its FullText (title, standfirst and body, separated by blank
// lines).
func (p *Pipeline) Document(id, text string) ([]Sentence, error) {
	return p.DocumentWithin(id, text, Bounds{})
}

// Bounds limit the work spent on one document, so that a pathological
// text cannot hold a caller for long. (The tokenizer already bounds the
// length of a sentence.) The zero value sets no bound.
type Bounds struct {
	// Deadline, if not zero, stops the work between two sentences once
	// it has passed.
	Deadline time.Time
	// Done, if not nil, stops the work between two sentences once it is
	// closed: pass ctx.Done() so that a cancelled run does not finish the
	// document in hand first. The error then wraps context.Canceled.
	Done <-chan struct{}
	// Observe, if not nil, is told how long each stage took over the
	// whole document: "tokenizer", then the kinds of Steps.
	Observe func(kind string, d time.Duration)
}

// ErrBounds is wrapped by the errors of DocumentWithin for a document beyond
// its Bounds.
var ErrBounds = errors.New("beyond the bounds of one document")

// DocumentWithin is Document within bounds b: it fails with an error
// wrapping ErrBounds, and annotates nothing further, once the document goes
// beyond them. Within them its sentences are Document's.
func (p *Pipeline) DocumentWithin(id, text string, b Bounds) ([]Sentence, error) {
	sents, err := p.text(text, b)
	if err != nil {
		return nil, err
	}
	prefix := "s"
	if id != "" {
		prefix = id + "-"
	}
	prevEnd := 0
	for i := range sents {
		s := &sents[i]
		s.ID = fmt.Sprintf("%s%d", prefix, i+1)
		switch {
		case i == 0 && id != "":
			s.Comments = append(s.Comments, "newdoc id = "+id, "newpar")
		case i == 0:
			s.Comments = append(s.Comments, "newdoc", "newpar")
		case s.Start >= prevEnd && strings.Contains(text[prevEnd:s.Start], "\n\n"):
			s.Comments = append(s.Comments, "newpar")
		}
		prevEnd = s.End
	}
	return sents, nil
}

// text tokenizes text into sentences and annotates each of them within b.
func (p *Pipeline) text(text string, b Bounds) ([]Sentence, error) {
	if p.tokenizer == nil {
		return nil, ErrNoTokenizer
	}
	t0 := time.Now()
	sents := p.tokenizer.Tokenize(text)
	if b.Observe != nil {
		b.Observe(KindTokenizer, time.Since(t0))
	}
	// A sentence that repeats an earlier one of the text word for word
	// takes that one's annotations rather than being annotated again.
	same := repeats(sents)
	// Stage by stage rather than sentence by sentence: the tagger's and
	// the parser's models do not fit the processor's cache together, so
	// the longer a text, the more this saves.
	for _, st := range p.Steps() {
		t0 := time.Now()
		for i := range sents {
			if same[i] >= 0 {
				continue
			}
			if !b.Deadline.IsZero() && time.Now().After(b.Deadline) {
				return nil, fmt.Errorf("%s stopped at sentence %d of %d: out of time: %w", st.Kind, i+1, len(sents), ErrBounds)
			}
			select {
			case <-b.Done:
				return nil, fmt.Errorf("%s stopped at sentence %d of %d: %w", st.Kind, i+1, len(sents), context.Canceled)
			default:
			}
			if len(sents[i].Tokens) > 0 {
				st.Run(&sents[i])
			}
		}
		if b.Observe != nil {
			b.Observe(st.Kind, time.Since(t0))
		}
	}
	for i, j := range same {
		if j >= 0 {
			copyAnnotations(&sents[i], &sents[j])
		}
	}
	return sents, nil
}

// repeats returns, for each sentence, the index of the first earlier
// sentence with the same words, or -1. News pages repeat sentences: the
// headline as the body's first line, the standfirst as the first
// paragraph, a teaser or a credit line between paragraphs (1.7 % of the
// words of dyad bench's corpus). The stages annotate a sentence from its
// words alone, whatever its place in the text (see Tagger, Parser…), so
// a repeat annotated again would get the same annotations.
func repeats(sents []Sentence) []int {
	same := make([]int, len(sents))
	seen := make(map[string]int, len(sents))
	var key []byte
	for i := range sents {
		same[i] = -1
		if len(sents[i].Tokens) == 0 {
			continue
		}
		key = key[:0]
		for k := range sents[i].Tokens {
			key = append(key, sents[i].Tokens[k].Form...)
			key = append(key, 0)
		}
		if j, ok := seen[string(key)]; ok {
			same[i] = j
		} else {
			seen[string(key)] = i
		}
	}
	return same
}

// copyAnnotations gives the words of s the annotations of the words of
// from, a sentence with the same words: tags, lemmas, features, tree and
// entities. The words keep their own IDs, offsets and MISC.
func copyAnnotations(s, from *Sentence) {
	for k := range s.Tokens {
		t, f := &s.Tokens[k], &from.Tokens[k]
		t.UPOS, t.XPOS, t.Alt, t.Lemma, t.Feats = f.UPOS, f.XPOS, f.Alt, f.Lemma, f.Feats
		t.Head, t.DepRel = f.Head, f.DepRel
	}
	s.Entities = slices.Clone(from.Entities)
}
