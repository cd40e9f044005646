package tokenize

import (
	"dyad/nlp"
)

// DefaultMaxSentenceWords is the longest sentence the tokenizer makes when
// Options.MaxSentenceWords is zero. Longer runs without a boundary (lists,
// tables, text without punctuation) are cut, which bounds the work of the
// later stages.
const DefaultMaxSentenceWords = 200

// Options configure a Tokenizer. The zero value is ready to use.
type Options struct {
	// MaxSentenceWords bounds the words of one sentence; 0 means
	// DefaultMaxSentenceWords.
	MaxSentenceWords int
	// Splitter, if not nil, decides where sentences end, with the rules'
	// decision as one of its clues; nil splits by the rules alone.
	Splitter *Splitter
}

// Tokenizer splits English text into sentences and tokens. It is safe for
// concurrent use.
type Tokenizer struct {
	maxWords int
	splitter *Splitter
}

// New returns a Tokenizer.
func New(opts Options) *Tokenizer {
	if opts.MaxSentenceWords <= 0 {
		opts.MaxSentenceWords = DefaultMaxSentenceWords
	}
	return &Tokenizer{maxWords: opts.MaxSentenceWords, splitter: opts.Splitter}
}

// Default returns the tokenizer with the shipped sentence splitter
// (DefaultSplitter), loading its model on the first call.
func Default() (*Tokenizer, error) {
	s, err := DefaultSplitter()
	if err != nil {
		return nil, err
	}
	return New(Options{Splitter: s}), nil
}

// Tokenize splits text into sentences. Every word carries the byte offsets
// of its token in text; the words of a multiword token ("do" and "n't" of
// "don't") share the token's span, and the sentence records the token in
// MultiWords. Words are numbered from 1 in each sentence, their heads are
// -1 (not parsed), and a word followed directly by the next token, with no
// whitespace between, has SpaceAfter=No in its MISC column.
func (t *Tokenizer) Tokenize(text string) []nlp.Sentence {
	sc := scanner{text: text}
	sc.run()
	toks := sc.toks
	var out []nlp.Sentence
	for _, span := range t.split(text, toks) {
		out = append(out, sentence(text, toks, span[0], span[1]))
	}
	return out
}

// sentence builds the sentence of toks[a:b].
func sentence(text string, toks []token, a, b int) nlp.Sentence {
	s := nlp.Sentence{Start: toks[a].start, End: toks[b-1].end}
	s.Text = text[s.Start:s.End]
	n := 0
	for _, tk := range toks[a:b] {
		n += max(1, len(tk.words))
	}
	s.Tokens = make([]nlp.Token, 0, n)
	for k := a; k < b; k++ {
		tk := toks[k]
		misc := ""
		if k+1 < len(toks) && !toks[k+1].spaceBefore {
			misc = "SpaceAfter=No"
		}
		if tk.words == nil {
			s.Tokens = append(s.Tokens, word(text[tk.start:tk.end], len(s.Tokens)+1, tk, misc))
			continue
		}
		s.MultiWords = append(s.MultiWords, nlp.MultiWord{
			First: len(s.Tokens) + 1, Last: len(s.Tokens) + len(tk.words),
			Form: text[tk.start:tk.end], Misc: misc,
		})
		for _, w := range tk.words {
			s.Tokens = append(s.Tokens, word(w, len(s.Tokens)+1, tk, ""))
		}
	}
	return s
}

func word(form string, id int, tk token, misc string) nlp.Token {
	return nlp.Token{ID: id, Form: form, Head: -1, Misc: misc, Start: tk.start, End: tk.end}
}
