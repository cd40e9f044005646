package coder

import (
	"slices"
	"strings"

	"dyad/dict"
)

// verbEntry finds the dictionary verb for word v: a multiword verb whose
// other words are present, else the verb listed under the word's form,
// else under its lemma.
func (cs *coding) verbEntry(v int) (*dict.Verb, []int) {
	st := cs.st
	w := &st.w[v]
	// Verbs are found by their forms, as the dictionary lists or generates
	// them; the lemma helps only when the word is a regular inflection of
	// it, so that a misspelt "departes" does not code as "depart".
	cands := slices.Clone(cs.c.d.Verbs(w.uform))
	if w.ulem != w.uform && slices.Contains(regularInflections(w.ulem), w.uform) {
		for _, ve := range cs.c.d.Verbs(w.ulem) {
			if !slices.Contains(cands, ve) {
				cands = append(cands, ve)
			}
		}
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
func (cs *coding) analyze(v int) *analysis {
	ve, extra := cs.verbEntry(v)
	if ve == nil {
		return nil
	}
	st := cs.st
	a := &analysis{v: v, entry: ve, extra: extra, passive: st.isPassive(v)}
	subjHeads := cs.subjects(v)
	a.subjHeads = subjHeads
	subjIsPatient := a.passive
	f := cs.buildFrame(v, cs.subjectHeadsExpanded(subjHeads))
	a.pm = cs.bestPattern(ve, f)
	if a.pm != nil {
		a.code = a.pm.p.Code
		a.rules = append(a.rules, "pattern")
	} else {
		a.code = ve.EffectiveCode()
		a.rules = append(a.rules, "verb")
	}
	if st.negated(v) {
		a.code = cs.negate(a)
		a.rules = append(a.rules, "negated")
	}
	subj := cs.mentionsOf(subjHeads, v)
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
	default:
		a.sources = subj
		a.targets = cs.targetsOf(v, subj)
	}
	if a.pm != nil && a.pm.compound {
		// Events among the members of the subject, whatever the voice.
		a.recip = true
		a.sources = subj
	}
	a.events = cs.makeEvents(a)
	return a
}

// negate returns the code of the negated verb, through the dictionary's
// ontology; without one (or without a negated code) the verb codes no
// event.
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
