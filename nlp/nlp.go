package nlp

import "strings"

// Token is one syntactic word of a sentence, with the fields of a CoNLL-U
// word line. Empty fields hold "" (CoNLL-U "_").
type Token struct {
	ID     int    `json:"id"`               // 1-based position in the sentence
	Form   string `json:"form"`             // the word as written
	Lemma  string `json:"lemma,omitempty"`  // dictionary form
	UPOS   string `json:"upos,omitempty"`   // universal part of speech, e.g. "NOUN"
	XPOS   string `json:"xpos,omitempty"`   // language-specific tag; Penn Treebank for English
	Feats  string `json:"feats,omitempty"`  // morphological features, "Number=Sing|..."
	Head   int    `json:"head"`             // ID of the head word; 0 for the root; -1 if not parsed
	DepRel string `json:"deprel,omitempty"` // universal dependency relation, e.g. "nsubj", "obl:agent"
	Deps   string `json:"deps,omitempty"`   // enhanced dependencies, kept as read
	Misc   string `json:"misc,omitempty"`   // MISC column, kept as read

	// Alt is the tagger's second choice of tags, when it was close to the
	// first: a parser that tags as it parses may take it instead. It is
	// neither in CoNLL-U nor in the JSON form.
	Alt TagAlt `json:"-"`

	// Start and End are the byte offsets of the word in the text the
	// sentence was read from (Sentence.Text for a treebank, the article text
	// for raw input), or -1 when unknown. Words of one multiword token share
	// the token's span.
	Start int `json:"start"`
	End   int `json:"end"`
}

// TagAlt is a tagger's runner-up tags for a word. The zero value means
// that the tagger had none close enough to give.
type TagAlt struct {
	UPOS, XPOS string
	// Margin is by how much the runner-up trailed the tags chosen, in the
	// tagger's own units (for Dyad's tagger, perceptron updates of one
	// member of its ensemble).
	Margin float32
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
	First int    `json:"first"` // ID of the first word
	Last  int    `json:"last"`  // ID of the last word
	Form  string `json:"form"`
	Misc  string `json:"misc,omitempty"`
}

// Sentence is a sequence of words with their annotations.
type Sentence struct {
	ID       string   `json:"id,omitempty"`       // sent_id, if known
	Text     string   `json:"text,omitempty"`     // the sentence text, if known
	Comments []string `json:"comments,omitempty"` // CoNLL-U comment lines other than sent_id and text, without "# "
	Tokens   []Token  `json:"words"`
	// MultiWords lists the multiword tokens in order of their first word.
	MultiWords []MultiWord `json:"multiwords,omitempty"`
	// Start and End are the byte offsets of the sentence in the text it was
	// split from, or -1 when unknown.
	Start int `json:"start"`
	End   int `json:"end"`
	// Entities are the named entities found in the sentence, in order.
	Entities []Entity `json:"entities,omitempty"`
}

// Entity is a named entity: the words First..Last (indexes into Tokens,
// from 0) name a person (PER), an organisation (ORG) or a place (LOC).
type Entity struct {
	Type  string `json:"type"`
	First int    `json:"first"`
	Last  int    `json:"last"`
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
