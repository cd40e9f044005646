package nlp

import "strings"

// Token is one syntactic word of a sentence, with the fields of a CoNLL-U
// word line. Empty fields hold "" (CoNLL-U "_").
type Token struct {
	ID     int    // 1-based position in the sentence
	Form   string // the word as written
	Lemma  string
	UPOS   string // universal part of speech, e.g. "NOUN"
	XPOS   string // language-specific tag; Penn Treebank for English
	Feats  string // morphological features, "Number=Sing|..."
	Head   int    // ID of the head word; 0 for the root; -1 if not parsed
	DepRel string // universal dependency relation, e.g. "nsubj", "obl:agent"
	Deps   string // enhanced dependencies, kept as read
	Misc   string // MISC column, kept as read

	// Start and End are the byte offsets of the word in the text the
	// sentence was read from (Sentence.Text for a treebank, the article text
	// for raw input), or -1 when unknown. Words of one multiword token share
	// the token's span.
	Start, End int
}

// SpaceAfter reports whether the word is followed by a space in the original
// text, from the SpaceAfter=No marker of the MISC column.
func (t *Token) SpaceAfter() bool {
	return !hasMisc(t.Misc, "SpaceAfter=No")
}

func hasMisc(misc, item string) bool {
	for misc != "" {
		var cur string
		cur, misc, _ = strings.Cut(misc, "|")
		if cur == item {
			return true
		}
	}
	return false
}

// MultiWord is a multiword token: one orthographic token, such as "don't",
// split into the syntactic words First..Last ("do", "n't").
type MultiWord struct {
	First, Last int // IDs of the first and last word
	Form        string
	Misc        string
}

// Sentence is a sequence of words with their annotations.
type Sentence struct {
	ID       string   // sent_id, if known
	Text     string   // the sentence text, if known
	Comments []string // CoNLL-U comment lines other than sent_id and text, without "# "
	Tokens   []Token
	// MultiWords lists the multiword tokens in order of their first word.
	MultiWords []MultiWord
	// Start and End are the byte offsets of the sentence in the text it was
	// split from, or -1 when unknown.
	Start, End int
}

// Word returns the word with the given 1-based ID, or nil if there is none
// (ID 0 is the artificial root).
func (s *Sentence) Word(id int) *Token {
	if id < 1 || id > len(s.Tokens) {
		return nil
	}
	return &s.Tokens[id-1]
}

// Children returns the IDs of the words whose head is id, in order.
func (s *Sentence) Children(id int) []int {
	var out []int
	for i := range s.Tokens {
		if s.Tokens[i].Head == id {
			out = append(out, s.Tokens[i].ID)
		}
	}
	return out
}
