package coder

import (
	"slices"
	"strings"

	"dyad/dict"
)

// analyzePredicate codes word i as the anchor of a predicate pattern: an
// adjective, noun or participle that is the predicate of a copular clause
// ("is responsible for attacks on"), or the preposition introducing one
// ("was behind the attack"). The predicate's subject is the source.
func (cs *coding) analyzePredicate(i int) *analysis {
	st := cs.st
	ve, extra := cs.verbEntry(i, dict.PredicateAnchor)
	if ve == nil {
		return nil
	}
	p := i
	if st.w[i].rel == "case" {
		p = st.w[i].head
	}
	if p <= 0 || st.w[p].upos == "VERB" && p != i || !cs.predicative(p) {
		return nil
	}
	a := &analysis{v: p, anchor: i, kind: dict.PredicateAnchor, entry: ve, extra: extra}
	if p != i {
		a.extra = append(a.extra, p)
	}
	a.subjHeads = cs.predSubjects(p)
	f := cs.buildFrame(p, cs.subjectHeadsExpanded(a.subjHeads))
	if p != i {
		// The phrase the preposition introduces is where the pattern's
		// words are found ("behind the attack on").
		f.nouns = append([]int{p}, f.nouns...)
	}
	for _, k := range st.w[p].kids {
		if w := &st.w[k]; w.rel == "case" && k != i {
			f.parts = append(f.parts, k) // "at" in "at odds with"
		}
	}
	if a.pm = cs.bestPattern(ve, f, dict.PredicateAnchor); a.pm == nil {
		return nil
	}
	a.code = a.pm.p.Code
	a.rules = append(a.rules, "pattern")
	cs.finish(a, p)
	return a
}

// predicative reports whether word p heads a predicate without a verb of
// its own: it has a copula, is the open complement of a verb ("seemed
// responsible"), or describes a noun directly ("the group responsible for",
// "groups behind the attacks").
func (cs *coding) predicative(p int) bool {
	st := cs.st
	w := &st.w[p]
	if st.hasKid(p, "cop") {
		return true
	}
	switch w.rel {
	case "xcomp":
		return true
	case "amod", "acl", "nmod", "appos", "orphan", "dep":
		if w.head > 0 && isNominal(st.w[w.head].upos) {
			return true
		}
	}
	switch w.rel {
	case "parataxis", "conj", "dep":
		// "The group is one of the strongest, responsible for …": a
		// predicate beside another that has a subject.
		h := w.head
		return h > 0 && (st.hasKid(h, "cop") || st.hasKid(h, "nsubj"))
	}
	return false
}

// predSubjects returns the subject heads of predicate p: its own subject,
// the noun it describes, or the subject of the clause it completes or
// stands beside.
func (cs *coding) predSubjects(p int) []int {
	st := cs.st
	if s := st.kidsRel(p, "nsubj", "*"); len(s) > 0 {
		return s
	}
	w := &st.w[p]
	switch w.rel {
	case "amod", "acl", "nmod", "appos", "orphan", "dep":
		if h := w.head; h > 0 && isNominal(st.w[h].upos) {
			// "one of the groups responsible for": the groups are
			// described, but the actor is the subject of the copula,
			// also when the partitive names one through the predicate's
			// own phrase ("Germany has been one of the critics of
			// Russia's intervention").
			if !cs.namesActor(h) || st.w[h].upos == "NUM" {
				if s := cs.copularSubject(h); s > 0 {
					return []int{s}
				}
			}
			return []int{h}
		}
	}
	switch w.rel {
	case "parataxis", "conj", "dep":
		if s := st.kidsRel(w.head, "nsubj", "*"); len(s) > 0 {
			return s
		}
	}
	return cs.subjects(p)
}

// namesActor reports whether the phrase headed by h (with its conjuncts)
// names a known actor.
func (cs *coding) namesActor(h int) bool {
	return slices.ContainsFunc(cs.group(h), func(m mention) bool { return m.real() })
}

// copularSubject returns the subject of the copular clause whose predicate
// noun phrase contains noun n ("the Islamic Army is one of the strongest
// and best-organised groups"), 0 if there is none.
func (cs *coding) copularSubject(n int) int {
	st := cs.st
	for depth := 0; n > 0 && depth < 6; depth++ {
		if st.hasKid(n, "cop") {
			if s := st.kidsRel(n, "nsubj", "*"); len(s) > 0 {
				return s[0]
			}
			return 0
		}
		switch st.w[n].rel {
		case "conj", "nmod", "obl", "appos":
			n = st.w[n].head
		default:
			return 0
		}
	}
	return 0
}

// analyzeNoun codes noun n as the anchor of a noun pattern: "clashes
// between A and B", "A's attack on B", "the truce with B". Without a
// source slot, the source is the noun's possessor, its "by" phrase, or the
// subject of the clause whose object or phrase it is, when that clause
// codes no event of its own ("the group carried out attacks on B", but
// not "A condemned the attack on B").
func (cs *coding) analyzeNoun(n int) *analysis {
	ve, extra := cs.verbEntry(n, dict.NounAnchor)
	if ve == nil {
		return nil
	}
	st := cs.st
	a := &analysis{v: n, anchor: n, kind: dict.NounAnchor, entry: ve, extra: extra}
	f := cs.nounFrame(n)
	if a.pm = cs.bestPattern(ve, f, dict.NounAnchor); a.pm == nil {
		return nil
	}
	a.code = a.pm.p.Code
	a.rules = append(a.rules, "pattern")
	if st.negated(n) {
		cs.negateCode(a)
	}
	pm := a.pm
	clause := cs.clauseOf(n)
	var sources, targets []mention
	possUsed := false
	switch {
	case pm.hasSrc:
		sources = pm.srcSlot
		possUsed = pm.possSrc
	case f.poss > 0 && !pm.possTgt:
		sources = cs.realOrPron(f.poss, clause)
		possUsed = true
	}
	if len(sources) == 0 && !pm.hasSrc {
		if by := cs.nounPrep(n, "BY"); by > 0 {
			sources = cs.realOrPron(by, clause)
		}
	}
	if len(sources) == 0 && !pm.hasSrc {
		sources = cs.governingSubject(n, a.code)
	}
	if pm.hasTgt {
		targets = pm.tgtSlot
	} else if f.poss > 0 && !possUsed {
		targets = cs.realOrPron(f.poss, clause)
	} else {
		targets = cs.nounTargets(n, sources)
	}
	a.sources, a.targets = sources, targets
	switch {
	case pm.pairSlot != nil:
		a.recip, a.sources = true, pm.pairSlot
	case pm.compound:
		a.recip = true
	}
	a.events = cs.makeEvents(a)
	if !cs.c.opts.PETRARCH && strings.HasPrefix(a.code.Primary, "19") && cs.endedInTruce(n) {
		// The fighting took place, and so did the truce that ended it.
		for _, e := range a.events {
			e.Code = "0871"
			e.Rule += "+ended in truce"
			a.events = append(a.events, e)
		}
	}
	return a
}

// endedInTruce reports whether fighting told by noun n is said to have
// ended in a truce: "the war between the two countries ended with a
// ceasefire" tells the ceasefire between them (0871) as well as the war.
func (cs *coding) endedInTruce(n int) bool {
	st := cs.st
	w := &st.w[n]
	if w.rel != "nsubj" || w.head <= 0 {
		return false
	}
	h := w.head
	switch st.w[h].ulem {
	case "END", "CONCLUDE", "FINISH", "STOP":
	default:
		return false
	}
	for _, k := range st.w[h].kids {
		if p := st.prep(k); st.w[k].rel == "obl" && (p == "WITH" || p == "IN") && cs.c.d.SynsetHas("TRUCE", st.w[k].ulem) {
			return true
		}
	}
	return false
}

// nounFrame collects the constituents of noun n that noun patterns can
// refer to: its modifiers and possessor, its prepositional phrases (and
// theirs), and infinitives ("a plot to kill").
func (cs *coding) nounFrame(n int) *frame {
	st := cs.st
	f := &frame{verb: n}
	seen := map[int]bool{n: true}
	var addNoun func(h, depth int)
	addNoun = func(h, depth int) {
		if depth > maxFrameDepth {
			return
		}
		for _, k := range st.w[h].kids {
			w := &st.w[k]
			switch {
			case seen[k]:
			case st.nominalDep(k) || w.rel == "obl":
				seen[k] = true
				if p := st.prep(k); p != "" {
					f.preps = append(f.preps, prepArg{prep: p, obj: k})
				}
				f.nouns = append(f.nouns, k)
				addNoun(k, depth+1)
			case w.rel == "acl" && st.mark(k) == "TO":
				seen[k] = true
				f.preps = append(f.preps, prepArg{prep: "TO", obj: k})
				for _, g := range st.w[k].kids {
					if st.w[g].rel == "obj" {
						f.nouns = append(f.nouns, g)
					}
				}
			}
		}
	}
	for _, k := range st.w[n].kids {
		w := &st.w[k]
		switch {
		case w.rel == "nmod" && w.sub == "poss":
			f.poss = k
		case w.rel == "compound" || w.rel == "amod" || w.rel == "nummod":
			f.parts = append(f.parts, k)
		}
	}
	addNoun(n, 0)
	return f
}

// nounPrep returns the head of noun n's phrase introduced by prep (or its
// obl:agent / nmod:agent phrase for "BY"), 0 if none.
func (cs *coding) nounPrep(n int, prep string) int {
	for _, k := range cs.st.w[n].kids {
		w := &cs.st.w[k]
		if (w.rel == "nmod" || w.rel == "obl") && (w.sub == "agent" && prep == "BY" || cs.st.prep(k) == prep) {
			return k
		}
	}
	return 0
}

// realOrPron returns the known actors of the phrase headed by h, with
// pronouns resolved from clause.
func (cs *coding) realOrPron(h, clause int) []mention {
	var got []mention
	for _, m := range cs.group(h) {
		if m.real() || m.pron {
			got = append(got, m)
		}
	}
	return cs.resolveAll(got, clause)
}

// clauseOf returns the nearest clause head above word i (itself if it is
// one), or i.
func (cs *coding) clauseOf(i int) int {
	st := cs.st
	for cur, n := i, 0; cur > 0 && n < 16; cur, n = st.w[cur].head, n+1 {
		if isVerbal(st, cur) || st.hasKid(cur, "cop") || st.hasKid(cur, "nsubj") {
			return cur
		}
	}
	return i
}

// governingSubject returns the actors that do what noun n names when the
// sentence says so only through the clause around it: climbing from n
// through objects and prepositional phrases to the first clause head, the
// subject of that clause (the "by" phrase of a passive one) — unless the
// clause codes an event of its own, whose subject does something else to
// the noun ("condemned the attack"), or the noun is itself a subject.
// A consultation told by a noun inside a clause that codes a consultation
// or a visit is the same actor's ("flew to Ramallah for talks with",
// "met officials during a visit to"): travelling to talks, or meeting on a
// visit, does nothing to the talks or the visit, so the clause's subject
// does both.
func (cs *coding) governingSubject(n int, code dict.Code) []mention {
	st := cs.st
	cur := n
	for depth := 0; depth < 8; depth++ {
		w := &st.w[cur]
		switch w.rel {
		case "obj", "iobj", "obl", "nmod", "xcomp":
			if w.sub == "poss" {
				return nil
			}
		default:
			return nil
		}
		h := w.head
		if h <= 0 {
			return nil
		}
		hw := &st.w[h]
		if isVerbal(st, h) || st.hasKid(h, "cop") || hw.upos == "ADJ" {
			if a := cs.an[h]; a != nil && (a.pm != nil || len(a.events) > 0) && !cs.consultWithin(a, code) {
				return nil
			}
			if isVerbal(st, h) && st.isPassive(h) {
				if by := cs.agentOf(h); len(by) > 0 {
					return by
				}
			}
			return cs.mentionsOf(cs.predSubjectsOrVerb(h), h)
		}
		cur = h
	}
	return nil
}

// consultWithin reports whether a noun coded code (a consultation) takes
// the subject of clause a, itself a consultation or a visit; not under
// Options.PETRARCH.
func (cs *coding) consultWithin(a *analysis, code dict.Code) bool {
	return !cs.c.opts.PETRARCH && strings.HasPrefix(code.Primary, "04") && strings.HasPrefix(a.code.Primary, "04") && !a.passive
}

// predSubjectsOrVerb returns the subjects of clause head h, a verb or a
// predicate.
func (cs *coding) predSubjectsOrVerb(h int) []int {
	if isVerbal(cs.st, h) {
		return cs.subjects(h)
	}
	return cs.predSubjects(h)
}

// nounTargets is the default target of noun n: the first of its
// prepositional phrases (other than "by") that names an actor other than
// the sources.
func (cs *coding) nounTargets(n int, sources []mention) []mention {
	st := cs.st
	clause := cs.clauseOf(n)
	for _, k := range st.w[n].kids {
		if !st.nominalDep(k) {
			continue
		}
		p := st.prep(k)
		if p == "" || p == "BY" || adjunctPrep[p] || st.w[k].sub == "agent" {
			continue
		}
		got := cs.realOrPron(k, clause)
		others := slices.ContainsFunc(got, func(m mention) bool { return !containsCode(sources, m.code) })
		if others {
			return got
		}
	}
	return nil
}
