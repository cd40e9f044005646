package coder

import (
	"slices"
	"strings"

	"dyad/codebook"
	"dyad/dict"
)

// verbEntry finds the dictionary verb for word v: a multiword verb whose
// other words are present, else the verb listed under the word's form,
// else under its lemma. For a noun or predicate anchor (kind), only verbs
// with patterns of that kind count: those words code through patterns
// alone.
func (cs *coding) verbEntry(v int, kind dict.AnchorKind) (*dict.Verb, []int) {
	st := cs.st
	w := &st.w[v]
	d := cs.c.d
	// Verbs are found by their forms, as the dictionary lists or generates
	// them; the lemma helps only when the word is a regular inflection of
	// it, so that a misspelt "departes" does not code as "depart".
	cands := slices.Clone(d.Verbs(w.uform))
	if w.ulem != w.uform && slices.Contains(regularInflections(w.ulem), w.uform) {
		for _, ve := range d.Verbs(w.ulem) {
			if !slices.Contains(cands, ve) {
				cands = append(cands, ve)
			}
		}
	}
	if kind != dict.VerbAnchor {
		cands = slices.DeleteFunc(cands, func(ve *dict.Verb) bool { return len(d.AnchorPatterns(ve, kind)) == 0 })
	}
	if len(cands) == 0 {
		return nil, nil
	}
	// Words near the verb that may complete a multiword verb: its
	// dependents, and the prepositions of its dependents ("broken down
	// relations" is often parsed with "down" as a preposition).
	var near []int
	for _, k := range w.kids {
		near = append(near, k)
		for _, g := range st.w[k].kids {
			if st.w[g].rel == "case" || st.w[g].rel == "compound" {
				near = append(near, g)
			}
		}
	}
	var best *dict.Verb
	var bestExtra []int
	for _, ve := range cands {
		if len(ve.Words) < 2 {
			continue
		}
		extra, ok := cs.multiword(ve, v, near)
		if ok && (best == nil || len(ve.Words) > len(best.Words)) {
			best, bestExtra = ve, extra
		}
	}
	if best != nil {
		return best, bestExtra
	}
	// A verb listed under this very form wins over one found through the
	// lemma ("LEFT" as a verb of its own, not as a form of "LEAVE").
	for _, ve := range cands {
		if len(ve.Words) == 1 && ve.Words[0] == w.uform {
			return ve, nil
		}
	}
	for _, ve := range cands {
		if len(ve.Words) == 1 {
			return ve, nil
		}
	}
	return nil, nil
}

// regularInflections returns the regular -S, -ED and -ING forms of an
// upper-case verb, with and without a doubled final consonant.
func regularInflections(v string) []string {
	out := dict.RegularForms(v)
	if n := len(v); n > 2 && !strings.ContainsRune("AEIOUYWX", rune(v[n-1])) && strings.ContainsRune("AEIOU", rune(v[n-2])) {
		d := v + v[n-1:]
		out = append(out, d+"ED", d+"ING")
	}
	return out
}

// multiword checks that the words of multiword verb ve other than the verb
// itself are among near, on the right side of the verb.
func (cs *coding) multiword(ve *dict.Verb, v int, near []int) ([]int, bool) {
	var extra []int
	used := map[int]bool{}
	for i, word := range ve.Words {
		if i == ve.Head {
			continue
		}
		found := 0
		for _, k := range near {
			if used[k] || !cs.wordIs(k, word) {
				continue
			}
			if (i < ve.Head) != (k < v) {
				continue
			}
			found = k
			break
		}
		if found == 0 {
			return nil, false
		}
		used[found] = true
		extra = append(extra, found)
	}
	return extra, true
}

// analyze codes verb v on its own: its code, source and target actors.
// A passive verb may also be the predicate of a predicate pattern
// ("were involved in clashes"), whose subject is the source.
func (cs *coding) analyze(v int) *analysis {
	ve, extra := cs.verbEntry(v, dict.VerbAnchor)
	if ve == nil {
		return nil
	}
	st := cs.st
	if cs.naming(v) {
		return nil
	}
	a := &analysis{v: v, anchor: v, entry: ve, extra: extra, passive: st.isPassive(v)}
	subjHeads := cs.subjects(v)
	a.subjHeads = subjHeads
	f := cs.buildFrame(v, cs.subjectHeadsExpanded(subjHeads))
	a.pm = cs.bestPattern(ve, f, dict.VerbAnchor)
	if cs.c.d.HasAnchor(dict.PredicateAnchor) && (a.passive || st.participleWithBe(v)) {
		if pm := cs.bestPattern(ve, f, dict.PredicateAnchor); pm != nil && (a.pm == nil || pm.score > a.pm.score) {
			a.pm, a.kind, a.passive = pm, dict.PredicateAnchor, false
		}
	}
	if a.pm != nil {
		a.code = a.pm.p.Code
		a.rules = append(a.rules, "pattern")
	} else {
		a.code = ve.EffectiveCode()
		a.rules = append(a.rules, "verb")
	}
	cs.finish(a, v)
	cs.stance(a)
	return a
}

// naming reports whether verb v names or describes its object rather than
// acting on it: "called it an adverse development" is no phone call,
// "termed the plan a provocation" no event of "term".
func (cs *coding) naming(v int) bool {
	st := cs.st
	switch st.w[v].ulem {
	case "CALL", "TERM", "DUB", "LABEL", "BRAND":
	default:
		return false
	}
	objs := 0
	for _, k := range st.w[v].kids {
		switch w := &st.w[k]; w.rel {
		case "xcomp":
			if !isVerbal(st, k) {
				return true
			}
		case "obj":
			objs++
			// An adjective after its noun is the predicate the parser
			// hung on the object: "called the move illegal".
			for _, g := range st.w[k].kids {
				if st.w[g].rel == "amod" && g > k {
					return true
				}
			}
		}
	}
	return objs >= 2
}

// finish negates a's code if its predicate p is negated, picks its actors
// and makes its events.
func (cs *coding) finish(a *analysis, p int) {
	switch {
	case a.kind == dict.PredicateAnchor && contentLemmas[cs.st.w[a.anchor].ulem] && !cs.c.opts.PETRARCH:
		// "Was not satisfied with" disapproves; "was satisfied with"
		// codes nothing.
		if !cs.st.negated(p) {
			a.code = dict.Code{}
		}
	case cs.st.negated(p):
		cs.negateCode(a)
	}
	cs.assignRoles(a, cs.mentionsOf(a.subjHeads, p), a.passive)
	a.events = cs.makeEvents(a)
}

// contentLemmas are the predicates of contentment whose dictionary patterns
// tell disapproval when they are negated: "was not satisfied with the
// answers".
var contentLemmas = setOf("SATISFIED", "HAPPY", "PLEASED", "CONTENT")

// assignRoles sets a's sources and targets from the subject's actors subj
// (the patient when subjIsPatient), the pattern's slots, the "by" phrase of
// a passive verb and, by default, the verb's object or phrases.
func (cs *coding) assignRoles(a *analysis, subj []mention, subjIsPatient bool) {
	v := a.v
	switch {
	case a.pm != nil && (a.pm.hasSrc || a.pm.hasTgt || a.pm.subjIsTarget):
		pm := a.pm
		a.sources, a.targets = subj, nil
		if subjIsPatient {
			a.sources, a.targets = nil, subj
		}
		if pm.subjIsTarget {
			a.sources, a.targets = nil, subj
		}
		if pm.hasSrc {
			a.sources = cs.resolveAll(pm.srcSlot, v)
			if !pm.hasTgt && !pm.subjIsTarget {
				a.targets = subj
			}
		}
		if pm.hasTgt {
			a.targets = cs.resolveAll(pm.tgtSlot, v)
			if !pm.hasSrc && !pm.subjIsTarget && !subjIsPatient {
				a.sources = subj
			}
		}
		if a.sources == nil && !pm.hasSrc && subjIsPatient {
			a.sources = cs.agentOf(v)
		}
	case subjIsPatient:
		a.targets = subj
		a.sources = cs.agentOf(v)
		if !namesAny(subj) {
			// What was fired or thrown is no actor; whom it was aimed
			// at is ("a mortar bomb was fired at it from Gaza").
			a.targets = cs.aimedAt(v)
		}
	default:
		a.sources = subj
		if cs.eachOther(v) && cs.compoundSubject(cs.subjectHeadsExpanded(a.subjHeads)) {
			a.recip = true
			break
		}
		a.targets = cs.targetsOf(v, subj, isStatement(a.code.Primary))
		if len(a.targets) == 0 {
			a.targets = cs.visitHost(v, subj)
		}
		if len(a.targets) == 0 && a.kind == dict.VerbAnchor && partnerVerbs[cs.st.w[v].ulem] &&
			cs.compoundSubject(cs.subjectHeadsExpanded(a.subjHeads)) {
			// "A and B met": each met the other.
			a.recip = true
			a.rules = append(a.rules, "reciprocal")
		}
	}
	if len(a.targets) == 0 && !a.recip && a.kind == dict.VerbAnchor && !subjIsPatient && !cs.c.opts.PETRARCH {
		a.targets = cs.policyOwner(a, a.sources)
		if len(a.targets) == 0 && verbal(a.code.Primary) {
			a.targets = cs.governorAddressee(v, a.sources)
		}
	}
	if a.pm != nil && a.pm.compound {
		// Events among the members of the subject, whatever the voice.
		a.recip = true
		a.sources = subj
	}
}

// visitHost is the country a visitor named as "the visiting X" is in: the
// country of the other side of the clause the phrase belongs to ("the
// Chinese president met the visiting Gabonese president", "told visiting
// Russian officials") — a visit is made to a country, as docs/ANNOTATION.md
// codes it, not to its host. None under Options.PETRARCH, for a participle
// other than "visiting" before its noun, or when the other side is of the
// visitor's own country or has none.
func (cs *coding) visitHost(v int, visitors []mention) []mention {
	st := cs.st
	w := &st.w[v]
	if cs.c.opts.PETRARCH || w.rel != "amod" || w.ulem != "VISIT" || st.src.Tokens[v-1].XPOS != "VBG" {
		return nil
	}
	n := w.head
	clause := st.w[n].head
	if clause <= 0 {
		return nil
	}
	var other []int
	switch r := st.w[n].rel; {
	case r == "nsubj":
		other = st.kidsRel(clause, "obj", "")
	case r == "obj" || r == "iobj" || r == "obl" || r == "nmod":
		if !isVerbal(st, clause) {
			// "offered thanks in a meeting with visiting X": the
			// subject of the clause around the noun.
			if clause = cs.clauseOf(clause); !isVerbal(st, clause) {
				return nil
			}
		}
		other = cs.subjects(clause)
	}
	for _, m := range cs.mentionsOf(other, clause) {
		if !m.real() || len(m.code) < 3 {
			continue
		}
		if _, org := codebook.ActorType(m.code[:3]); org {
			continue
		}
		if slices.ContainsFunc(visitors, func(s mention) bool { return len(s.code) >= 3 && s.code[:3] == m.code[:3] }) {
			return nil
		}
		m.code = m.code[:3]
		return []mention{m}
	}
	return nil
}

// negateCode gives a negated anchor the negated code of the dictionary's
// ontology; without one it keeps its code, told as negated (see
// Negated), which only Options.KeepModal reports.
func (cs *coding) negateCode(a *analysis) {
	if c := cs.negate(a); !c.IsNull() {
		a.code = c
		a.rules = append(a.rules, "negated")
		return
	}
	a.negatedUncoded = true
}

// negate returns the code of the negated verb, through the dictionary's
// ontology, or the null code.
func (cs *coding) negate(a *analysis) dict.Code {
	o := cs.c.d.Ontology
	var out dict.Code
	neg := func(c string) string {
		if dict.IsNull(c) {
			return ""
		}
		n, ok := o.Negate(c)
		if !ok {
			return ""
		}
		a.ontoEv = append(a.ontoEv, Evidence{Role: "ontology", Entry: "not " + c, Code: n, Source: o.Source})
		return n
	}
	out.Primary = neg(a.code.Primary)
	out.Secondary = neg(a.code.Secondary)
	if out.Primary == "" {
		out.Primary = dict.NullCode
	}
	return out
}

// policyNouns name what a government proposes or does; ownerOfNouns
// stand for the policy they are "of" ("the timing of the new rules").
var (
	policyNouns = setOf("PLAN", "PROPOSAL", "POLICY", "RULE", "REGULATION", "BILL", "BUDGET", "REFORM",
		"MEASURE", "PLEDGE", "LEGISLATION", "PRIVATIZATION", "PRIVATISATION", "SCHEME", "STRATEGY",
		"PROGRAMME", "PROGRAM")
	ownerOfNouns = setOf("TIMING", "DETAIL", "HANDLING", "WORDING", "COST", "SCALE", "PACE", "LEGALITY", "IMPACT")
)

// policyOwner finds the target of criticism or rejection (roots 11, 12)
// of a policy whose owner the sentence does not name: the government of
// the country of sources that are not themselves its government ("The
// Tories dismissed the plan as desperate", "the unions have questioned
// the timing of the new rules"). A government's own criticism of an
// unowned plan ("Iran rejected the plan") is aimed at no one known.
func (cs *coding) policyOwner(a *analysis, subj []mention) []mention {
	if len(a.code.Primary) < 2 || a.code.Primary[:2] != "11" && a.code.Primary[:2] != "12" {
		return nil
	}
	st := cs.st
	h := 0
	for _, k := range st.w[a.v].kids {
		if st.w[k].rel == "obj" {
			h = k
			break
		}
	}
	if h > 0 && ownerOfNouns[st.w[h].ulem] {
		for _, k := range st.w[h].kids {
			if st.w[k].rel == "nmod" && st.prep(k) == "OF" {
				h = k
				break
			}
		}
	}
	if h == 0 || !policyNouns[st.w[h].ulem] {
		return nil
	}
	for _, k := range st.kidsRel(h, "nmod", "poss") {
		if st.w[k].upos == "PRON" || st.hasKid(k, "case") {
			return nil // an owner named, known or not ("its plan", "Labour's plan")
		}
	}
	var out []mention
	for _, s := range subj {
		if !s.real() || len(s.code) < 6 || hasCodePart(s.code, "GOV") {
			continue
		}
		if _, ok := codebook.ActorType(s.code[:3]); ok {
			continue // an organisation or a role, not a country
		}
		m := mention{code: s.code[:3] + "GOV", head: h, first: h, last: h,
			ev: []Evidence{{Role: "owner", Entry: "the government's " + st.w[h].form, Code: s.code[:3] + "GOV"}}}
		if !containsCode(out, m.code) {
			out = append(out, m)
		}
	}
	return out
}

// governorAddressee returns whom the verb a subjectless participle hangs
// from speaks to, for the participle's verbal act when it names no target
// of its own: "wrote to Tony Blair demanding an explanation" demands it
// of Blair, "told the envoy, urging restraint" urges the envoy.
func (cs *coding) governorAddressee(v int, sources []mention) []mention {
	st := cs.st
	w := &st.w[v]
	if w.rel != "advcl" || !st.presentParticiple(v) || st.hasKid(v, "nsubj") || st.mark(v) != "" {
		return nil
	}
	h := w.head
	if h <= 0 || !addressingVerbs[st.w[h].ulem] {
		return nil
	}
	for _, k := range st.w[h].kids {
		kw := &st.w[k]
		if !(kw.rel == "iobj" || kw.rel == "obj" && st.w[h].ulem != "WRITE" || (kw.rel == "obl" || kw.rel == "nmod") && st.prep(k) == "TO") {
			continue
		}
		var out []mention
		for _, m := range cs.resolveAll(cs.group(k), h) {
			if m.real() && !containsCode(sources, m.code) && !cs.medium(m) {
				out = append(out, m)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}
