package coder

import (
	"slices"
	"strings"

	"dyad/dict"
)

// coding holds the state of coding one sentence.
type coding struct {
	c    *Coder
	st   *sent
	date int
	np   map[int]*npInfo
	an   map[int]*analysis
	// Caches by word ID: noun phrase words (with and without coordinated
	// modifiers) and coded groups.
	coreC, patC [][]int
	groupC      map[int][]mention
	// words holds the forms and lemmas of the sentence's words, to pass
	// over patterns whose words the sentence lacks.
	words map[string]bool
}

// analysis is what one verb of the sentence contributes.
type analysis struct {
	v       int
	entry   *dict.Verb
	extra   []int // the other words of a multiword verb
	pm      *patternMatch
	code    dict.Code
	rules   []string
	ontoEv  []Evidence
	passive bool
	sources []mention
	targets []mention
	recip   bool // reciprocal events among the sources (pattern %)
	events  []Event
	// absorbed is set when a governing verb has taken this verb's clause
	// as its own object ("noted that A regretted B"): its events are not
	// reported separately.
	absorbed bool
	// transformed events replace events when a transformation applied.
	transformed []Event
	subjHeads   []int
	combined    bool // the code was combined with a governed clause's
}

// maxVerbs bounds the verbs coded in one sentence.
const maxVerbs = 100

// events codes the sentence.
func (cs *coding) events() []Event {
	st := cs.st
	cs.an = map[int]*analysis{}
	var verbs []int
	for i := 1; i < len(st.w) && len(verbs) < maxVerbs; i++ {
		if st.w[i].upos == "VERB" {
			verbs = append(verbs, i)
		}
	}
	for _, v := range verbs {
		if a := cs.analyze(v); a != nil {
			cs.an[v] = a
		}
	}
	// Verbs that report or govern another clause take that clause's event
	// over when they code an event themselves — unless only the governed
	// verb matched a pattern, which is the stronger evidence ("will host
	// Osgiliath to celebrate Tabaski").
	// Likewise a report by an actor known only as an agent ("a senior
	// official said ...") gives way to the event it reports.
	for _, v := range verbs {
		a := cs.an[v]
		if a == nil || len(a.events) == 0 {
			continue
		}
		weak := !hasRealSource(a.events)
		for _, c := range cs.lowerClauses(v) {
			la := cs.an[c]
			if la == nil || len(la.events) == 0 {
				continue
			}
			if weak || la.pm != nil && a.pm == nil {
				a.absorbed = true
			}
		}
	}
	for _, v := range verbs {
		a := cs.an[v]
		if a == nil || len(a.events) == 0 || a.absorbed {
			continue
		}
		for _, c := range cs.lowerClauses(v) {
			la := cs.an[c]
			if la == nil {
				continue
			}
			if evs := cs.transform(a, la); evs != nil {
				a.transformed = append(a.transformed, evs...)
			} else {
				cs.combine(a, la)
			}
			la.absorbed = true
			cs.absorbBelow(c)
		}
	}
	var out []Event
	seen := map[[3]string]bool{}
	for _, v := range verbs {
		a := cs.an[v]
		if a == nil || a.absorbed {
			continue
		}
		evs := a.events
		if a.transformed != nil {
			evs = a.transformed
		}
		for _, e := range evs {
			k := [3]string{e.Source, e.Target, e.Code}
			if seen[k] {
				continue
			}
			seen[k] = true
			e.Sentence = st.src.ID
			out = append(out, e)
		}
	}
	return out
}

// hasRealSource reports whether one of the events has a source that names
// an actor, not only an agent.
func hasRealSource(evs []Event) bool {
	for _, e := range evs {
		if realCode(e.Source) {
			return true
		}
	}
	return false
}

// absorbBelow marks the clauses under an absorbed clause as absorbed too.
func (cs *coding) absorbBelow(v int) {
	for _, c := range cs.lowerClauses(v) {
		if la := cs.an[c]; la != nil && !la.absorbed {
			la.absorbed = true
			cs.absorbBelow(c)
		}
	}
}

// lowerClauses returns the clauses verb v governs as arguments: its
// complements and purpose clauses, and those of its objects ("efforts to
// stop", "hopes that").
func (cs *coding) lowerClauses(v int) []int {
	st := cs.st
	var out []int
	add := func(k int) {
		if st.w[k].upos == "VERB" || st.w[k].upos == "AUX" || cs.an[k] != nil {
			out = append(out, k)
		}
		// A nominal complement ("allowed that Mordor is a pleasant
		// place") may govern verbs too.
		for _, g := range st.w[k].kids {
			if (st.w[g].rel == "acl" || st.w[g].rel == "advcl") && st.w[g].sub != "relcl" && cs.an[g] != nil {
				out = append(out, g)
			}
		}
	}
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		switch w.rel {
		case "xcomp", "ccomp", "csubj":
			add(k)
		case "advcl":
			if st.mark(k) == "TO" {
				add(k)
			}
		case "obj", "iobj":
			for _, g := range st.w[k].kids {
				gw := &st.w[g]
				if (gw.rel == "acl" && gw.sub != "relcl") || gw.rel == "ccomp" {
					add(g)
				}
			}
		}
	}
	return out
}

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
	subjHeads, subjIsPatient := cs.subjects(v)
	a.subjHeads = subjHeads
	if a.passive {
		subjIsPatient = true
	}
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

// subjects returns the subject heads of verb v: its own subject, or the
// one it shares with the verb it depends on. patient is set when the
// returned phrase is acted upon rather than acting (the noun a passive
// participle modifies).
func (cs *coding) subjects(v int) (heads []int, patient bool) {
	st := cs.st
	for depth := 0; depth < 8; depth++ {
		w := &st.w[v]
		var subj []int
		for _, k := range w.kids {
			if st.w[k].rel == "nsubj" {
				if isRelPron(&st.w[k]) && (w.rel == "acl") {
					return []int{w.head}, false
				}
				// Parsers sometimes give two subjects where they missed a
				// coordination ("the lions and the evil Gondor").
				subj = append(subj, k)
			}
		}
		if subj != nil {
			return subj, false
		}
		h := w.head
		if h <= 0 {
			return nil, false
		}
		switch w.rel {
		case "xcomp":
			// An open clause shares the subject of the clause above ("vowed
			// to wage war"), as in PETRARCH, which reads subjects off the
			// tree. Object control ("urged Eriador to respond") rarely
			// matters: the governing verb usually codes the event itself,
			// and parsers label purpose clauses ("hosting Osgiliath to
			// celebrate") the same way.
			if st.isPassive(h) {
				for _, k := range st.w[h].kids {
					if st.w[k].rel == "nsubj" {
						return []int{k}, false
					}
				}
			}
			v = h
		case "conj":
			v = h
		case "advcl", "ccomp":
			// An infinitive without a subject of its own ("to respond",
			// "nearer to accord with") is controlled like an open clause.
			if st.mark(v) != "TO" {
				return nil, false
			}
			v = h
		case "acl":
			if !isVerbal(st, h) {
				// A participle or infinitive modifying a noun: "the parade
				// supporting Gondor", "a woman believed linked to".
				return []int{h}, false
			}
			return nil, false
		case "parataxis", "dep", "appos":
			// A clause hanging from a root that is a bare noun phrase is
			// that phrase's predicate, misattached ("Pyongyang on
			// Thursday fired ...").
			if st.w[h].rel == "root" && isNominal(st.w[h].upos) {
				return []int{h}, false
			}
			return nil, false
		default:
			return nil, false
		}
	}
	return nil, false
}

func isRelPron(w *word) bool {
	switch w.ulem {
	case "WHO", "WHICH", "THAT", "WHOM":
		return w.upos == "PRON" || w.upos == "DET"
	}
	return false
}

// subjectHeadsExpanded adds the conjuncts of the subject heads.
func (cs *coding) subjectHeadsExpanded(heads []int) []int {
	var out []int
	for _, h := range heads {
		out = append(out, cs.conjuncts(h)...)
	}
	return out
}

// mentionsOf returns the actors of the phrases headed by heads (with their
// conjuncts), resolving pronouns from the clause of verb v.
func (cs *coding) mentionsOf(heads []int, v int) []mention {
	var out []mention
	for _, h := range heads {
		out = append(out, cs.groupOrNew(h, true)...)
	}
	return cs.resolveAll(out, v)
}

// resolveAll replaces pronoun mentions by the actors they refer to: the
// subject of the nearest clause above v that has one.
func (cs *coding) resolveAll(ms []mention, v int) []mention {
	var out []mention
	for _, m := range ms {
		if !m.pron {
			out = append(out, m)
			continue
		}
		for _, r := range cs.antecedent(v) {
			r.first, r.last, r.head = m.first, m.last, m.head
			r.ev = append([]Evidence{{Role: "pronoun", Entry: cs.st.w[m.head].form + " → " + r.code}}, r.ev...)
			out = append(out, r)
		}
	}
	return dedupe(out)
}

// antecedent finds what a personal pronoun in the clause of verb v refers
// to: the actors subject of the nearest governing clause.
func (cs *coding) antecedent(v int) []mention {
	st := cs.st
	seen := 0
	for cur := st.w[v].head; cur > 0 && seen < 16; cur = st.w[cur].head {
		seen++
		if !isVerbal(st, cur) && st.w[cur].upos != "ADJ" {
			continue
		}
		heads, patient := cs.subjects(cur)
		if patient {
			continue
		}
		var got []mention
		for _, h := range heads {
			for _, m := range cs.group(h) {
				if m.real() {
					got = append(got, m)
				}
			}
		}
		if len(got) > 0 {
			return got
		}
	}
	return nil
}

// agentOf returns the actors doing the action of passive verb v: those in
// its "by" phrase, else "from" or "in", else in any prepositional phrase.
func (cs *coding) agentOf(v int) []mention {
	st := cs.st
	byPrep := map[string][]mention{}
	var order []mention
	// The phrases of the verb, and of a predicate complement it has
	// ("shot dead in Osgiliath", with the phrase under "dead").
	cands := slices.Clone(st.w[v].kids)
	for _, k := range st.w[v].kids {
		if st.w[k].rel == "xcomp" && !isVerbal(st, k) {
			cands = append(cands, st.w[k].kids...)
		}
	}
	for _, k := range cands {
		w := &st.w[k]
		if w.rel != "obl" && w.rel != "nmod" {
			continue
		}
		p := st.prep(k)
		if w.sub == "agent" {
			p = "BY"
		}
		if p == "" || w.sub == "tmod" {
			continue
		}
		var got []mention
		for _, m := range cs.group(k) {
			if m.real() || m.pron {
				got = append(got, m)
			}
		}
		got = cs.resolveAll(got, v)
		if len(got) == 0 {
			continue
		}
		if _, dup := byPrep[p]; !dup {
			byPrep[p] = got
		}
		if order == nil {
			order = got
		}
	}
	for _, p := range []string{"BY", "FROM", "IN"} {
		if ms := byPrep[p]; len(ms) > 0 {
			return ms
		}
	}
	return order
}

// targetsOf finds the target of active verb v: the actors of its object,
// else of its first prepositional phrase that names one, else of the
// clauses it governs (their subject first). Actors equal to a source are
// passed over.
// Only when no phrase names a known actor may a phrase stand as a new one.
func (cs *coding) targetsOf(v int, sources []mention) []mention {
	if got := cs.searchTargets(v, sources, 0, false); len(got) > 0 || cs.c.opts.NewActorLength <= 0 {
		return got
	}
	return cs.searchTargets(v, sources, 0, true)
}

func (cs *coding) searchTargets(v int, sources []mention, depth int, allowNew bool) []mention {
	if depth > 4 {
		return nil
	}
	st := cs.st
	// A phrase naming only the source again ("he" for the subject) is
	// passed over; one naming others as well is kept whole.
	// A pronoun is resolved from its own clause (clause), so that "he" in
	// "A said he ..." is A again.
	pick := func(h, clause int) []mention {
		var out []mention
		others := false
		for _, m := range cs.resolveAll(cs.groupOrNew(h, allowNew), clause) {
			if !m.real() {
				continue
			}
			out = append(out, m)
			if !containsCode(sources, m.code) {
				others = true
			}
		}
		if !others {
			return nil
		}
		return out
	}
	var objs, clauses []int
	for _, k := range st.w[v].kids {
		switch st.w[k].rel {
		case "obj", "iobj":
			objs = append(objs, k)
		}
	}
	for _, k := range objs {
		if got := pick(k, v); len(got) > 0 {
			return got
		}
	}
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		if (w.rel == "obl" || w.rel == "nmod") && w.sub != "tmod" && w.sub != "npmod" && w.sub != "poss" {
			if p := st.prep(k); p == "" || temporalPrep[p] {
				continue
			}
			if got := pick(k, v); len(got) > 0 {
				return got
			}
		}
	}
	// Clauses: the verb's complements, and clauses attached to the nouns
	// of its objects and prepositional phrases ("efforts to stop",
	// "assurances on issues sent from Bree").
	var walk func(n, depth int)
	walk = func(n, depth int) {
		if depth > maxFrameDepth {
			return
		}
		for _, g := range st.w[n].kids {
			gw := &st.w[g]
			switch {
			case (gw.rel == "acl" && gw.sub != "relcl") || gw.rel == "ccomp":
				clauses = append(clauses, g)
			case st.nominalDep(g) || (gw.rel == "conj" || gw.rel == "compound") && !isVerbal(st, g):
				walk(g, depth+1)
			}
		}
	}
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		switch w.rel {
		case "xcomp", "ccomp", "csubj":
			clauses = append(clauses, k)
		case "advcl":
			if st.mark(k) == "TO" {
				clauses = append(clauses, k)
			}
		case "obj", "iobj", "obl", "nmod":
			walk(k, 0)
		}
	}
	slices.Sort(clauses)
	for _, c := range clauses {
		for _, k := range st.w[c].kids {
			if st.w[k].rel == "nsubj" {
				if got := pick(k, c); len(got) > 0 {
					return got
				}
			}
		}
		if !isVerbal(st, c) {
			// A nominal predicate is itself a phrase that may name an
			// actor.
			if got := pick(c, c); len(got) > 0 {
				return got
			}
		}
		if got := cs.searchTargets(c, sources, depth+1, allowNew); len(got) > 0 {
			return got
		}
	}
	return nil
}

// temporalPrep lists prepositions that introduce times, not the actors
// an action is directed at ("after crowds burned its embassy").
var temporalPrep = map[string]bool{
	"AFTER": true, "BEFORE": true, "DURING": true, "SINCE": true, "UNTIL": true,
	"TILL": true, "AMID": true, "AMIDST": true, "FOLLOWING": true, "PRIOR TO": true,
}

// makeEvents turns an analysis into events.
func (cs *coding) makeEvents(a *analysis) []Event {
	if a.code.IsNull() {
		return nil
	}
	var out []Event
	add := func(s, t mention, code string) {
		if dict.IsNull(code) {
			return
		}
		if s.code != "" && s.code == t.code {
			return
		}
		if !cs.dyadOK(s, t) {
			return
		}
		out = append(out, cs.event(a, s, t, code))
	}
	if a.recip {
		for i, s := range a.sources {
			for j, t := range a.sources {
				if i != j {
					add(s, t, a.code.Primary)
				}
			}
		}
		return out
	}
	sources, targets := a.sources, a.targets
	null := []mention{{code: dict.NullCode}}
	if cs.c.opts.AllowNullActor {
		// A missing actor may be null, but not a name the dictionaries do
		// not know: that is an unknown actor, not the absence of one.
		if len(sources) == 0 && !cs.unknownName(a.subjHeads) {
			sources = null
		}
		if len(targets) == 0 && !cs.unknownName(cs.argHeads(a.v)) {
			targets = null
		}
	}
	for _, s := range sources {
		for _, t := range targets {
			add(s, t, a.code.Primary)
			add(t, s, a.code.Secondary)
		}
	}
	return out
}

// unknownName reports whether one of the phrases headed by heads is a
// proper name that codes as no actor.
func (cs *coding) unknownName(heads []int) bool {
	for _, h := range heads {
		if cs.st.w[h].upos != "PROPN" {
			continue
		}
		known := false
		for _, m := range cs.group(h) {
			if m.real() || m.agentOnly() {
				known = true
			}
		}
		if !known {
			return true
		}
	}
	return false
}

// argHeads returns the heads of verb v's objects and prepositional
// phrases.
func (cs *coding) argHeads(v int) []int {
	st := cs.st
	var out []int
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		switch {
		case w.rel == "obj" || w.rel == "iobj":
			out = append(out, k)
		case st.nominalDep(k) && w.sub != "tmod" && w.sub != "npmod":
			if p := st.prep(k); p != "" && !temporalPrep[p] {
				out = append(out, k)
			}
		}
	}
	return out
}

// dyadOK applies the rule that both actors must be known (or, with
// AllowNullActor, at least one).
func (cs *coding) dyadOK(s, t mention) bool {
	if s.real() && t.real() || s.real() && t.agentOnly() || s.agentOnly() && t.real() {
		return true
	}
	return cs.c.opts.AllowNullActor && (s.real() || t.real())
}

// event builds the Event for source s, target t and code, with its
// provenance.
func (cs *coding) event(a *analysis, s, t mention, code string) Event {
	nullCode := func(c string) string {
		if c == "" {
			return dict.NullCode
		}
		return c
	}
	e := Event{
		Source:     nullCode(s.code),
		Target:     nullCode(t.code),
		Code:       code,
		Verb:       cs.span(a.v, a.v, a.extra...),
		SourceSpan: cs.span(s.first, s.last),
		TargetSpan: cs.span(t.first, t.last),
		Rule:       strings.Join(a.rules, "+"),
	}
	ve := a.entry
	e.Evidence = append(e.Evidence, Evidence{Role: "verb", Entry: ve.Words.String() + " (" + ve.Block.Name + ")", Code: ve.EffectiveCode().String(), Source: ve.Source})
	if a.pm != nil {
		e.Evidence = append(e.Evidence, Evidence{Role: "pattern", Entry: a.pm.p.String(), Code: a.pm.p.Code.String(), Source: a.pm.p.Source})
	}
	e.Evidence = append(e.Evidence, a.ontoEv...)
	for _, ev := range s.ev {
		ev.Role = "source " + ev.Role
		e.Evidence = append(e.Evidence, ev)
	}
	for _, ev := range t.ev {
		ev.Role = "target " + ev.Role
		e.Evidence = append(e.Evidence, ev)
	}
	return e
}

// span describes words first..last (plus extra words) of the sentence.
func (cs *coding) span(first, last int, extra ...int) Span {
	st := cs.st
	if first <= 0 || last <= 0 {
		return Span{Start: -1, End: -1}
	}
	ids := []int{}
	for i := first; i <= last; i++ {
		ids = append(ids, i)
	}
	for _, x := range extra {
		if x < first || x > last {
			ids = append(ids, x)
		}
	}
	slices.Sort(ids)
	sp := Span{First: ids[0], Last: ids[len(ids)-1], Start: st.w[ids[0]].start, End: st.w[ids[len(ids)-1]].end}
	if sp.Start < 0 || sp.End < 0 {
		sp.Start, sp.End = -1, -1
	}
	sp.Text = st.text(ids)
	return sp
}

// combine gives a statement verb governing a coded clause ("intend to
// help") the combined code the dictionary's ontology defines (intend + aid =
// intend to aid), if any.
func (cs *coding) combine(up, low *analysis) {
	o := cs.c.d.Ontology
	if o == nil || low.code.IsNull() || up.combined {
		return
	}
	code, ok := o.Combine(up.code.Primary, low.code.Primary)
	if !ok {
		return
	}
	up.combined = true
	ev := Evidence{Role: "ontology", Entry: up.code.Primary + " + " + low.code.Primary, Code: code, Source: o.Source}
	up.code = dict.Code{Primary: code}
	up.rules = append(up.rules, "combined")
	up.ontoEv = append(up.ontoEv, ev)
	up.events = cs.makeEvents(up)
}

// transform applies the dictionary's transformations to an upper verb
// reporting a lower clause's event: "A says A attacked B" becomes A → B
// claiming responsibility. It returns the new events, or nil.
func (cs *coding) transform(up, low *analysis) []Event {
	d := cs.c.d
	var out []Event
	for _, t := range d.TransformsFor(up.entry.Block) {
		if !d.ReportedVerbMatches(t, low.entry.Block) {
			continue
		}
		lowSources := low.sources
		if len(lowSources) == 0 {
			lowSources = []mention{{}}
		}
		lowTargets := low.targets
		if len(lowTargets) == 0 {
			lowTargets = []mention{{}}
		}
		for _, us := range up.sources {
			for _, ls := range lowSources {
				for _, lt := range lowTargets {
					vars := map[string]mention{}
					if !bind(vars, t.Outer, us) || !bind(vars, t.Inner[0], ls) || !bind(vars, t.Inner[1], lt) {
						continue
					}
					code := t.Result[2]
					if code == "Q" {
						code = low.code.Primary
					}
					s, ok1 := vars[t.Result[0]]
					g, ok2 := vars[t.Result[1]]
					if !ok1 || !ok2 || dict.IsNull(code) || s.code == g.code || !cs.dyadOK(s, g) {
						continue
					}
					e := cs.event(up, s, g, code)
					e.Rule += "+transformed"
					e.Evidence = append(e.Evidence, Evidence{Role: "transformation", Entry: t.String(), Code: code, Source: t.Source})
					out = append(out, e)
				}
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}

// bind matches a transformation variable against a mention: "." matches
// anything, "_" only a missing actor, a letter binds (or must equal its
// earlier binding).
func bind(vars map[string]mention, name string, m mention) bool {
	switch name {
	case ".":
		return true
	case "_":
		return !m.real()
	}
	if !m.real() {
		return false
	}
	if old, ok := vars[name]; ok {
		return old.code == m.code
	}
	vars[name] = m
	return true
}
