package coder

import (
	"slices"

	"dyad/dict"
	"dyad/nlp"
)

// Repairs of parser errors. A statistical parser of about 86 UAS errs the
// same ways again and again on news sentences; the repairs below rewrite
// the coder's view of a tree where one of those errors shows (never the
// caller's sentence), so that the rest of the coder reads the tree the
// parser should have built. Each repair needs evidence the correct reading
// would not leave: a proper name labelled as a preposition, a determiner
// "neither" with a "nor" conjunct, a modal with no verb.

// verbLister is what the repairs need of a dictionary: the verbs listed
// under a word (its upper-case form or lemma).
type verbLister interface {
	Verbs(word string) []*dict.Verb
}

// repair applies the repairs to a normalised tree, with the verbs of d.
func (st *sent) repair(d verbLister) {
	st.repairDateline()
	isVerb := func(form string) bool { return len(d.Verbs(form)) > 0 }
	for i := 1; i < len(st.w); i++ {
		st.repairPreconj(i)
		st.repairWhether(i)
		st.repairNameAsCase(i)
		st.repairNounObject(i)
		st.repairModalVerb(i, isVerb)
		st.repairParticle(i, d)
		st.repairVerbPossessor(i)
		st.repairVisitingModifier(i)
	}
	for i := 1; i < len(st.w); i++ {
		st.repairSplitSubject(i)
		st.repairParticipleClause(i)
	}
	for i := 1; i < len(st.w); i++ {
		st.repairTimeClause(i)
	}
	for i := 1; i < len(st.w); i++ {
		st.repairAppositionReport(i)
		st.repairActivePassive(i)
	}
}

// datelineEnd returns the word that ends a wire dateline at the start of
// the sentence — the dash of "HANOI, Vietnam (AP) —", "BEIRUT (Reuters) -"
// — or 0: a capitalised place name, then only names, commas, numbers and a
// bracketed agency before the dash, and words after it.
func (st *sent) datelineEnd() int {
	n := len(st.w) - 1
	if n < 3 || st.w[1].upos != "PROPN" || !isUpperWord(st.w[1].form) {
		return 0
	}
	for i := 2; i < n && i <= 12; i++ {
		w := &st.w[i]
		switch {
		case w.form == "—" || w.form == "–" || w.form == "--" || w.form == "-":
			return i
		case w.upos == "PROPN" || w.upos == "NUM" || w.form == "," || w.form == "(" || w.form == ")":
		default:
			return 0
		}
	}
	return 0
}

// datedDateline reports whether the sentence is a wire dateline line on its
// own: a capitalised place and the date ("COLOMBO 1996-08-22").
func (cs *coding) datedDateline() bool {
	w := cs.st.w
	n := len(w) - 1
	if n < 2 || !isUpperWord(w[1].form) || !isoDate(w[n].form) {
		return false
	}
	for i := 1; i < n; i++ {
		if w[i].upos != "PROPN" && w[i].upos != "PUNCT" {
			return false
		}
	}
	return true
}

// mayBeDatedDateline reports whether s may be read as a dated dateline
// line (datedDateline) once coded: its words, which newSent and the
// repairs keep, start with an upper-case word and end with a date. The
// tags, which repairs may change, are not looked at.
func mayBeDatedDateline(s *nlp.Sentence) bool {
	n := len(s.Tokens)
	return n >= 2 && isUpperWord(s.Tokens[0].Form) && isoDate(s.Tokens[n-1].Form)
}

// mayBeInlineDateline reports whether s may open with an inline dateline
// (datelineEnd) once coded: an upper-case word, then a dash within the
// first twelve words.
func mayBeInlineDateline(s *nlp.Sentence) bool {
	if len(s.Tokens) < 3 || !isUpperWord(s.Tokens[0].Form) {
		return false
	}
	for i := 1; i < len(s.Tokens) && i <= 12; i++ {
		switch s.Tokens[i].Form {
		case "—", "–", "--", "-":
			return true
		}
	}
	return false
}

// isoDate reports whether s is written YYYY-MM-DD.
func isoDate(s string) bool {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for i, r := range s {
		if i != 4 && i != 7 && (r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// repairDateline: a wire story's dateline names where the story was filed,
// not an actor, but parsers take it for the subject ("HANOI, Vietnam (AP) —
// Esper accused China": Vietnam accuses China) or for the root with the
// sentence hanging from it. The dateline's words are marked and hung, as
// one dependent, from the sentence's own predicate.
func (st *sent) repairDateline() {
	d := st.datelineEnd()
	if d == 0 {
		return
	}
	in := func(i int) bool { return i >= 1 && i <= d }
	root := 0
	for j := d + 1; j < len(st.w); j++ {
		if h := st.w[j].head; (h == 0 || in(h)) && st.w[j].upos != "PUNCT" && (root == 0 || isVerbal(st, j) && !isVerbal(st, root)) {
			root = j
		}
	}
	if root == 0 {
		return
	}
	st.attach(root, 0, "root", "")
	for j := d + 1; j < len(st.w); j++ {
		if j != root && in(st.w[j].head) {
			st.attach(j, root, st.w[j].rel, st.w[j].sub)
		}
	}
	for i := 1; i <= d; i++ {
		st.w[i].dateline = true
		if h := st.w[i].head; !in(h) {
			st.attach(i, root, "dep", "")
		}
	}
}

// attach makes head the head of word i, with relation rel:sub, unless that
// would make a cycle. It reports whether it did.
func (st *sent) attach(i, head int, rel, sub string) bool {
	for h := head; h > 0; h = st.w[h].head {
		if h == i {
			return false
		}
	}
	old := st.w[i].head
	st.w[old].kids = slices.DeleteFunc(st.w[old].kids, func(k int) bool { return k == i })
	kids := st.w[head].kids
	at, _ := slices.BinarySearch(kids, i)
	st.w[head].kids = slices.Insert(kids, at, i)
	w := &st.w[i]
	w.head, w.rel, w.sub = head, rel, sub
	return true
}

// repairPreconj: "Neither Galadriel nor Gollum", "both A and B" parsed
// with the first word as a determiner of the first conjunct. It belongs to
// the coordination (UD cc:preconj), not to the name, nor may a pattern
// read it as a word of the subject.
func (st *sent) repairPreconj(i int) {
	w := &st.w[i]
	if w.rel != "det" && w.rel != "advmod" && w.rel != "cc" {
		return
	}
	var conj string
	switch w.ulem {
	case "NEITHER":
		conj = "NOR"
	case "EITHER":
		conj = "OR"
	case "BOTH":
		conj = "AND"
	default:
		return
	}
	h := w.head
	if h < i || !isNominal(st.w[h].upos) {
		return
	}
	for _, k := range st.w[h].kids {
		if st.w[k].rel != "conj" {
			continue
		}
		for _, c := range st.w[k].kids {
			if st.w[c].rel == "cc" && st.w[c].ulem == conj {
				w.rel, w.sub = "cc", "preconj"
				return
			}
		}
	}
}

// repairWhether: a clause introduced by "whether" is a complement ("began
// to question whether he has a future with X"), which parsers often attach
// as an adverbial clause.
func (st *sent) repairWhether(i int) {
	if w := &st.w[i]; w.rel == "advcl" && st.mark(i) == "WHETHER" {
		w.rel, w.sub = "ccomp", ""
	}
}

// repairNameAsCase: "that Osgiliath, the state's fiercest foe, could be
// drawn" parsed with the proper name as a case marker of the noun that
// follows it in apposition. A proper name introduces nothing: it heads the
// phrase, and the noun is its apposition.
func (st *sent) repairNameAsCase(i int) {
	w := &st.w[i]
	h := w.head
	if w.rel != "case" || w.upos != "PROPN" || h <= i || !isNominal(st.w[h].upos) || !st.commaBetween(i, h) {
		return
	}
	hw := &st.w[h]
	if !st.attach(i, hw.head, hw.rel, hw.sub) {
		return
	}
	st.attach(h, i, "appos", "")
}

// repairNounObject: "cordoned off for construction the roads" parsed with
// "roads" as the object of the noun "construction". Nouns take no
// objects; the verb above the noun's phrase does, if it has none.
func (st *sent) repairNounObject(i int) {
	w := &st.w[i]
	h := w.head
	if w.rel != "obj" || h <= 0 || !isNominal(st.w[h].upos) || st.w[h].upos == "PRON" {
		return
	}
	hw := &st.w[h]
	v := hw.head
	if hw.rel != "obl" || v <= 0 || !isVerbal(st, v) || st.hasKid(v, "obj") {
		return
	}
	st.attach(i, v, "obj", "")
}

// modals are the auxiliaries that must be followed by a verb.
var modals = map[string]bool{
	"WILL": true, "WOULD": true, "MAY": true, "MIGHT": true, "CAN": true,
	"COULD": true, "SHALL": true, "SHOULD": true, "MUST": true,
}

// repairModalVerb: "may spur reconciliation" and "will abandon improved
// relations" tagged with the word after the modal as a noun or an adverb,
// so that the modal hangs from the next noun or verb. If the dictionary
// knows that word as a verb, it is the clause's verb: it takes the place
// of the word the modal hung from, which becomes its object (a noun) or a
// modifier of the verb's object (a participle: "improved relations").
func (st *sent) repairModalVerb(m int, isVerb func(string) bool) {
	mw := &st.w[m]
	x := m + 1
	if mw.rel != "aux" || !modals[mw.ulem] || x >= len(st.w) {
		return
	}
	xw := &st.w[x]
	h := mw.head
	if h == x || h < x || isVerbal(st, x) || !isVerb(xw.uform) {
		return
	}
	switch xw.upos {
	case "NOUN", "ADV", "ADJ", "PROPN":
	default:
		return
	}
	if len(xw.kids) > 0 || xw.head != h && st.w[xw.head].head != h {
		return
	}
	hw := &st.w[h]
	var obj int
	switch {
	case isNominal(hw.upos):
		obj = h
	case isVerbal(st, h) && st.pastParticiple(h):
		objs := st.kidsRel(h, "obj", "")
		if len(objs) != 1 {
			return
		}
		obj = objs[0]
	default:
		return
	}
	// Words of h's phrase stay with it; the clause's words go to x.
	var move []int
	for _, k := range hw.kids {
		kw := &st.w[k]
		switch {
		case k == x || k == obj:
		case k < x, !isNominal(hw.upos):
			move = append(move, k)
		default:
			switch kw.rel {
			case "punct", "parataxis", "advcl", "obl", "aux", "nsubj", "advmod", "mark", "cc":
				move = append(move, k)
			}
		}
	}
	xw.upos = "VERB"
	if !st.attach(x, hw.head, hw.rel, hw.sub) {
		return
	}
	if obj == h {
		st.attach(h, x, "obj", "")
	} else {
		st.attach(obj, x, "obj", "")
		st.attach(h, obj, "amod", "")
	}
	for _, k := range move {
		st.attach(k, x, st.w[k].rel, st.w[k].sub)
	}
}

// personObjectVerbs take a person as their object, never an -ing clause:
// "told visiting officials that" is telling the visitors.
var personObjectVerbs = setOf("TELL", "MEET", "RECEIVE", "WELCOME", "GREET", "HOST", "INFORM", "ASSURE", "BRIEF", "THANK", "URGE", "ASK")

// repairVisitingModifier: "met with visiting Gabonese President Bongo",
// "told visiting Russian officials that", parsed with "visiting" as a verb
// whose object is the visitor. "Visiting" before a noun phrase with no
// determiner, hung as an -ing clause where the sentence needs the phrase
// itself — the object of a verb that takes a person (never an -ing
// clause), or the object of "with" — is the visitor's adjective: the phrase
// goes back to the verb (or to the noun before "with": "a meeting with
// visiting X") and "visiting" modifies it. "After visiting Tanzania" and
// "began visiting the troops" are left alone.
func (st *sent) repairVisitingModifier(i int) {
	w := &st.w[i]
	if w.ulem != "VISIT" || st.src.Tokens[i-1].XPOS != "VBG" || i+1 >= len(st.w) {
		return
	}
	h := w.head
	if h <= 0 {
		return
	}
	obj, mark := 0, 0
	for _, k := range w.kids {
		switch kw := &st.w[k]; {
		case kw.rel == "obj" && obj == 0 && k > i:
			obj = k
		case kw.rel == "mark" && kw.ulem == "WITH" && k == i-1:
			mark = k
		default:
			return
		}
	}
	if obj == 0 || !isNominal(st.w[obj].upos) || st.w[obj].upos == "PRON" {
		return
	}
	if next := &st.w[i+1]; next.upos == "DET" || next.upos == "PRON" {
		return
	}
	switch {
	case w.rel == "xcomp" && mark == 0 && personObjectVerbs[st.w[h].ulem] && !st.hasKid(h, "obj"):
		if st.attach(obj, h, "obj", "") {
			st.attach(i, obj, "amod", "")
		}
	case w.rel == "advcl" && mark > 0:
		// The phrase belongs to the nearest noun before "with" that hangs
		// from the same clause ("a meeting on Monday with"), else to the
		// clause.
		to, rel := h, "obl"
		for _, k := range st.w[h].kids {
			if k < mark && st.w[k].upos == "NOUN" && (st.w[k].rel == "obj" || st.w[k].rel == "obl") {
				to, rel = k, "nmod"
			}
		}
		if st.attach(obj, to, rel, "") {
			st.attach(mark, obj, "case", "")
			st.w[mark].upos = "ADP"
			st.attach(i, obj, "amod", "")
		}
	}
}

// repairSplitSubject: "Ithilen's evil minister Calimehtar warned" parsed
// with "minister" and "Calimehtar" as two subjects of the verb. Two
// subjects with nothing between them, neither comma nor conjunction, are
// one name: the first is a modifier of the second.
func (st *sent) repairSplitSubject(v int) {
	subj := st.kidsRel(v, "nsubj", "*")
	if len(subj) != 2 {
		return
	}
	a, b := subj[0], subj[1]
	if !isNominal(st.w[a].upos) || !isNominal(st.w[b].upos) || st.w[a].upos == "PRON" || st.w[b].upos == "PRON" {
		return
	}
	if slices.Max(st.subtree(a, nil, nil)) != b-1 || slices.Min(st.subtree(b, nil, nil)) != b {
		return
	}
	st.attach(a, b, "compound", "")
}

// finite reports whether verb v is a finite verb, or a participle with an
// object, which only an active clause has ("crowds burned down its
// embassy", tagged as a participle).
func (st *sent) finite(v int) bool {
	switch st.src.Tokens[v-1].XPOS {
	case "VBD", "VBZ", "VBP":
		return true
	}
	return st.pastParticiple(v) && st.hasKid(v, "obj")
}

// repairParticipleClause: "Ethiopia has broken relations with Libya"
// parsed with "broken" as an adjective of "relations". A participle with
// an auxiliary and a subject of its own is a clause's verb, and the noun
// its object.
func (st *sent) repairParticipleClause(p int) {
	pw := &st.w[p]
	h := pw.head
	if pw.rel != "amod" || pw.upos != "VERB" || h <= p || !isNominal(st.w[h].upos) {
		return
	}
	aux, subj := st.kidsRel(p, "aux", ""), st.kidsRel(p, "nsubj", "")
	if len(aux) == 0 || len(subj) == 0 || aux[0] > p || subj[0] > p {
		return
	}
	hw := &st.w[h]
	rel, sub := hw.rel, hw.sub
	if rel == "nsubj" {
		rel, sub = "csubj", ""
	}
	if st.attach(p, hw.head, rel, sub) {
		st.attach(h, p, "obj", "")
	}
}

// subordinators introduce adverbial clauses of time, which parsers often
// read as prepositions of the clause's subject.
var subordinators = map[string]bool{
	"AFTER": true, "BEFORE": true, "SINCE": true, "UNTIL": true, "TILL": true,
	"ONCE": true, "WHILE": true, "WHEN": true, "BECAUSE": true,
}

// repairTimeClause: "... almost five years after crowds trashed its
// embassy" parsed with "after crowds" as a prepositional phrase and
// "trashed" as a modifier of "crowds", or as the sentence's verb with the
// main clause as its subject. A finite verb right after the noun is the
// verb of an adverbial clause: the noun is its subject, the preposition its
// mark, and the clause belongs to the nearest verb above; if the verb was
// above the noun, the clause it wrongly took as subject is the main one.
func (st *sent) repairTimeClause(n int) {
	v := n + 1
	if v >= len(st.w) || !isNominal(st.w[n].upos) || st.w[v].upos != "VERB" || !st.finite(v) || st.hasKid(v, "nsubj") {
		return
	}
	// The subordinator must open the noun's phrase and be its only
	// preposition: "with Libya's ... years after crowds" is a phrase of
	// "crowds" with "with" as its preposition.
	c := 0
	for _, k := range st.w[n].kids {
		w := &st.w[k]
		switch {
		case k > n && k != v:
			return
		case w.rel == "case" && subordinators[w.ulem] && c == 0:
			c = k
		case c == 0 || w.rel == "case":
			return
		}
	}
	if c == 0 {
		return
	}
	above := false
	for h := st.w[n].head; h > 0; h = st.w[h].head {
		if h == v {
			above = true
		}
	}
	if above {
		// The main clause: one the verb took as subject, before the noun.
		main := 0
		for _, k := range st.w[v].kids {
			if k < n && st.w[k].rel == "csubj" && isVerbal(st, k) {
				main = k
				break
			}
		}
		vw := &st.w[v]
		if main == 0 || !st.attach(main, vw.head, vw.rel, vw.sub) {
			return
		}
		st.attach(v, main, "advcl", "")
	} else {
		a := st.w[n].head
		for a > 0 && !isVerbal(st, a) {
			a = st.w[a].head
		}
		if a <= 0 || !st.attach(v, a, "advcl", "") {
			return
		}
	}
	if st.attach(n, v, "nsubj", "") {
		st.attach(c, v, "mark", "")
	}
}

// repairAppositionReport: "... burned down its embassy, a senior official
// said" parsed with "official" in apposition to "embassy" and "said"
// modifying it. A finite verb right after a noun in apposition, without a
// subject of its own, has that noun as subject and reports the sentence.
func (st *sent) repairAppositionReport(a int) {
	aw := &st.w[a]
	s := a + 1
	if aw.rel != "appos" || !isNominal(aw.upos) || s >= len(st.w) || st.w[s].head != a || st.w[s].rel != "acl" ||
		st.w[s].upos != "VERB" || !st.finite(s) || st.hasKid(s, "nsubj") || st.mark(s) != "" {
		return
	}
	if st.attach(s, st.w[0].kids[0], "parataxis", "") {
		st.attach(a, s, "nsubj", "")
	}
}

// repairActivePassive: "Ethiopia broken down a treaty" parsed with a
// passive subject. A participle with neither auxiliary nor "by" phrase but
// with an object is active.
func (st *sent) repairActivePassive(v int) {
	if !isVerbal(st, v) || !st.pastParticiple(v) || st.hasKid(v, "aux") || !st.hasKid(v, "obj") {
		return
	}
	for _, k := range st.kidsRel(v, "nsubj", "pass") {
		st.w[k].sub = ""
	}
}

// particles are the adverbs of phrasal verbs that parsers take for
// prepositions.
var particles = map[string]bool{
	"DOWN": true, "UP": true, "OFF": true, "OUT": true, "BACK": true, "AWAY": true,
}

// repairParticle: "broken down a treaty" parsed with "down" as the
// preposition of "a treaty". Where the dictionary has the verb with that
// particle ("BREAK DOWN"), the word right after the verb is its particle
// and the phrase its object.
func (st *sent) repairParticle(c int, d verbLister) {
	cw := &st.w[c]
	k := cw.head
	v := c - 1
	if cw.rel != "case" || !particles[cw.ulem] || k <= c || st.w[k].rel != "obl" || st.w[k].head != v ||
		!isVerbal(st, v) || st.hasKid(v, "obj") {
		return
	}
	vw := &st.w[v]
	phrasal := func(ves []*dict.Verb) bool {
		return slices.ContainsFunc(ves, func(ve *dict.Verb) bool {
			return len(ve.Words) == 2 && ve.Head == 0 && ve.Words[1] == cw.ulem
		})
	}
	if !phrasal(d.Verbs(vw.uform)) && !phrasal(d.Verbs(vw.ulem)) {
		return
	}
	st.attach(c, v, "compound", "prt")
	st.attach(k, v, "obj", "")
}

// repairVerbPossessor: "Eriador's death total has risen" parsed with
// "Eriador" as the possessor of the verb. A possessor belongs to the noun
// phrase that follows it: the head of the word after its own phrase.
func (st *sent) repairVerbPossessor(i int) {
	w := &st.w[i]
	v := w.head
	if w.rel != "nmod" || w.sub != "poss" || v <= i || isNominal(st.w[v].upos) {
		return
	}
	n := slices.Max(st.subtree(i, nil, nil)) + 1
	if n >= v || !isNominal(st.w[n].upos) {
		return
	}
	for h := st.w[n].head; h > n && h < v && isNominal(st.w[h].upos); h = st.w[h].head {
		n = h
	}
	st.attach(i, n, "nmod", "poss")
}
