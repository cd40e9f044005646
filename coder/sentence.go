package coder

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"dyad/nlp"
)

// word is a token of the sentence being coded, with its relation
// normalised to Universal Dependencies v2.
type word struct {
	id           int
	form, lemma  string
	uform, ulem  string // upper-case form and lemma
	upos         string
	head         int
	rel          string // base relation, e.g. "nsubj", "obl"
	sub          string // subtype, e.g. "pass", "poss", "agent"
	neg          bool   // a negation word (not, n't, never)
	kids         []int  // children in order
	start, end   int    // byte offsets, -1 if unknown
	personalPron bool   // a personal pronoun that can stand for an actor
	dateline     bool   // part of a wire dateline ("HANOI, Vietnam (AP) —")
}

// sent is a dependency tree ready for coding. Index 0 is the artificial
// root; words are 1..n.
type sent struct {
	w   []word
	src *nlp.Sentence
}

// maxCodingWords bounds the sentences the coder looks at: anything longer
// is not a sentence, and the coder's work grows with its length.
const maxCodingWords = 500

// parseError describes a dependency tree that cannot be coded.
type parseError struct{ msg string }

func (e *parseError) Error() string { return e.msg }

// newSent builds the coder's view of s, normalising UD v1 relations (as in
// the PETRARCH suites' UDPipe 1 parses) to UD v2, and checks that the heads
// form a tree.
func newSent(s *nlp.Sentence) (*sent, error) {
	n := len(s.Tokens)
	if n == 0 {
		return nil, &parseError{"empty sentence"}
	}
	if n > maxCodingWords {
		return nil, &parseError{fmt.Sprintf("%d words, more than %d", n, maxCodingWords)}
	}
	st := &sent{w: make([]word, n+1), src: s}
	st.w[0] = word{id: 0, head: -1, start: -1, end: -1}
	roots := 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		if t.ID != i+1 {
			return nil, &parseError{fmt.Sprintf("word %d has ID %d", i+1, t.ID)}
		}
		if t.Head < 0 || t.Head > n {
			return nil, &parseError{fmt.Sprintf("word %d (%q) has no head in the sentence", t.ID, t.Form)}
		}
		if t.Head == t.ID {
			return nil, &parseError{fmt.Sprintf("word %d (%q) is its own head", t.ID, t.Form)}
		}
		if t.Head == 0 {
			roots++
		}
		lemma := t.Lemma
		if lemma == "" {
			lemma = t.Form
		}
		rel, sub, _ := strings.Cut(strings.ToLower(t.DepRel), ":")
		uform, ulem := strings.ToUpper(t.Form), ""
		if lemma == t.Form || asciiEqualFold(lemma, t.Form) {
			ulem = uform // most lemmas: the form, or the form in lower case
		} else {
			ulem = strings.ToUpper(lemma)
		}
		w := word{
			id: t.ID, form: t.Form, lemma: lemma,
			uform: uform, ulem: ulem,
			upos: t.UPOS, head: t.Head, rel: rel, sub: sub,
			start: t.Start, end: t.End,
		}
		st.w[t.ID] = w
	}
	if roots == 0 {
		return nil, &parseError{"no root word"}
	}
	// Every word must reach the root: no cycles.
	for i := 1; i <= n; i++ {
		h, steps := i, 0
		for h != 0 {
			h = st.w[h].head
			if steps++; steps > n {
				return nil, &parseError{fmt.Sprintf("word %d (%q) is on a cycle of heads", i, st.w[i].form)}
			}
		}
	}
	for i := 1; i <= n; i++ {
		st.w[st.w[i].head].kids = append(st.w[st.w[i].head].kids, i)
	}
	for i := 1; i <= n; i++ {
		st.normalize(&st.w[i])
	}
	return st, nil
}

// normalize maps UD v1 relations to v2 and marks negation and pronouns.
func (st *sent) normalize(w *word) {
	switch w.rel {
	case "dobj":
		w.rel = "obj"
	case "nsubjpass":
		w.rel, w.sub = "nsubj", "pass"
	case "csubjpass":
		w.rel, w.sub = "csubj", "pass"
	case "auxpass":
		w.rel, w.sub = "aux", "pass"
	case "name":
		w.rel = "flat"
	case "mwe":
		w.rel = "fixed"
	case "neg":
		w.rel, w.neg = "advmod", true
	case "nmod":
		switch {
		case w.sub == "poss":
		case w.sub == "desc" || w.sub == "unmarked" || isNominal(st.w[w.head].upos) && !st.hasCase(w.id):
			// A nominal modifier without a preposition is part of the
			// name: "Prime Minister Romendacil".
			w.rel, w.sub = "compound", ""
		case !isNominal(st.w[w.head].upos):
			// UD v2 calls a nominal dependent of a predicate "obl".
			w.rel = "obl"
		}
	case "obj", "iobj":
		// An object introduced by a preposition is a prepositional phrase
		// ("clashed over the efforts" parsed with "efforts" as object).
		if st.hasCase(w.id) {
			w.rel, w.sub = "obl", ""
		}
	}
	switch w.ulem {
	case "NOT", "N'T", "NEVER":
		if w.rel == "advmod" || w.neg {
			w.neg = true
		}
	}
	if w.upos == "PRON" {
		switch w.ulem {
		case "IT", "HE", "SHE", "THEY", "THEM", "HIM", "HER":
			if !(w.rel == "nmod" && w.sub == "poss") && !st.expletive(w) {
				w.personalPron = true
			}
		}
	}
}

// expletive reports whether pronoun w is a dummy subject ("it seems", "it
// is said"), which stands for no actor.
func (st *sent) expletive(w *word) bool {
	if w.rel == "expl" {
		return true
	}
	if w.ulem != "IT" || w.rel != "nsubj" {
		return false
	}
	switch st.w[w.head].ulem {
	case "SEEM", "APPEAR", "BE", "HAPPEN", "REMAIN", "TURN":
		return true
	}
	return false
}

func isNominal(upos string) bool {
	switch upos {
	case "NOUN", "PROPN", "PRON", "NUM", "X", "SYM":
		return true
	}
	return false
}

// kidsRel returns the children of i with relation rel (and, if sub is not
// "*", subtype sub).
func (st *sent) kidsRel(i int, rel, sub string) []int {
	var out []int
	for _, k := range st.w[i].kids {
		if st.w[k].rel == rel && (sub == "*" || st.w[k].sub == sub) {
			out = append(out, k)
		}
	}
	return out
}

// hasKid reports whether i has a child with relation rel (any subtype).
func (st *sent) hasKid(i int, rel string) bool {
	for _, k := range st.w[i].kids {
		if st.w[k].rel == rel {
			return true
		}
	}
	return false
}

// subtree appends i and its descendants to out, except through the
// relations in skip.
func (st *sent) subtree(i int, skip func(*word) bool, out []int) []int {
	out = append(out, i)
	for _, k := range st.w[i].kids {
		if skip != nil && skip(&st.w[k]) {
			continue
		}
		out = st.subtree(k, skip, out)
	}
	return out
}

// prep returns the preposition introducing the nominal i (its case
// child, with any fixed continuation: "with respect to"), upper-case, or "".
func (st *sent) prep(i int) string {
	for _, k := range st.w[i].kids {
		w := &st.w[k]
		if w.rel == "case" && !(st.w[i].rel == "nmod" && st.w[i].sub == "poss") && w.ulem != "'S" && w.uform != "'" {
			p := w.ulem
			for _, f := range w.kids {
				if st.w[f].rel == "fixed" {
					p += " " + st.w[f].ulem
				}
			}
			return p
		}
	}
	return ""
}

// commaBetween reports whether a comma lies between words a and b.
func (st *sent) commaBetween(a, b int) bool {
	for i := a + 1; i < b && i < len(st.w); i++ {
		if st.w[i].form == "," {
			return true
		}
	}
	return false
}

// hasCase reports whether word i has a preposition (a case dependent other
// than the possessive 's).
func (st *sent) hasCase(i int) bool {
	for _, k := range st.w[i].kids {
		if c := &st.w[k]; c.rel == "case" && c.ulem != "'S" && c.uform != "'" && c.uform != "'S" {
			return true
		}
	}
	return false
}

// nominalDep reports whether word k is a nominal dependent (nmod or obl)
// other than a possessor.
func (st *sent) nominalDep(k int) bool {
	w := &st.w[k]
	return (w.rel == "nmod" || w.rel == "obl") && w.sub != "poss"
}

// mark returns the subordinating word of clause i ("to", "that", "after").
func (st *sent) mark(i int) string {
	for _, k := range st.w[i].kids {
		if st.w[k].rel == "mark" {
			return st.w[k].ulem
		}
	}
	return ""
}

// isPassive reports whether verb i is in the passive voice.
func (st *sent) isPassive(i int) bool {
	// A passive subject without a passive auxiliary is trusted only with a
	// form of "be" or "get" ("Gondor has delayed" parsed with a passive
	// subject is active).
	pass, be := false, false
	for _, k := range st.w[i].kids {
		w := &st.w[k]
		switch {
		case w.rel == "aux" && w.sub == "pass":
			return true
		case (w.rel == "nsubj" || w.rel == "csubj") && w.sub == "pass":
			pass = true
		case w.rel == "aux" && (w.ulem == "BE" || w.ulem == "GET"):
			be = true
		}
	}
	if pass && (be || st.pastParticiple(i) && !st.hasKid(i, "aux")) {
		return true
	}
	// A past participle coordinated with a "be" predicate whose subject it
	// shares ("was heavily and unjustly criticized", parsed with "heavily"
	// as the predicate).
	w := &st.w[i]
	if w.rel == "conj" && st.pastParticiple(i) && !st.hasKid(i, "nsubj") && !st.hasKid(i, "aux") {
		for _, k := range st.w[w.head].kids {
			if c := &st.w[k]; (c.rel == "cop" || c.rel == "aux") && c.ulem == "BE" {
				return true
			}
		}
	}
	return false
}

// participleWithBe reports whether verb i is a past participle with a
// form of "be" as its auxiliary or copula ("were involved", parsed without
// a passive subject).
func (st *sent) participleWithBe(i int) bool {
	if !st.pastParticiple(i) {
		return false
	}
	for _, k := range st.w[i].kids {
		if w := &st.w[k]; (w.rel == "aux" || w.rel == "cop") && w.ulem == "BE" {
			return true
		}
	}
	return false
}

// pastParticiple reports whether word i is a past participle.
func (st *sent) pastParticiple(i int) bool {
	t := &st.src.Tokens[i-1]
	return t.XPOS == "VBN" || strings.Contains(t.Feats, "VerbForm=Part") && strings.Contains(t.Feats, "Tense=Past")
}

// presentParticiple reports whether word i is a verb's -ing form
// ("accusing", "threatening").
func (st *sent) presentParticiple(i int) bool {
	t := &st.src.Tokens[i-1]
	return t.XPOS == "VBG" || strings.Contains(t.Feats, "VerbForm=Ger") || strings.Contains(t.Feats, "VerbForm=Part") && strings.Contains(t.Feats, "Tense=Pres")
}

// negated reports whether predicate i carries a negation.
func (st *sent) negated(i int) bool {
	for _, k := range st.w[i].kids {
		if st.w[k].neg {
			return true
		}
	}
	return false
}

// text returns the words of ids (sorted) joined by blanks.
func (st *sent) text(ids []int) string {
	var b strings.Builder
	for k, id := range ids {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(st.w[id].form)
	}
	return b.String()
}

// asciiEqualFold reports whether a and b are ASCII strings equal but for
// case, so that their upper cases are equal. (For other strings
// strings.EqualFold does not promise that: the Kelvin sign folds to k
// but is its own upper case.)
func asciiEqualFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			return false
		}
		if 'a' <= x && x <= 'z' {
			x -= 'a' - 'A'
		}
		if 'a' <= y && y <= 'z' {
			y -= 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
