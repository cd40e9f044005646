package coder

import "slices"

// subjects returns the subject heads of verb v: its own subject, or the
// one it shares with the verb it depends on.
func (cs *coding) subjects(v int) []int {
	st := cs.st
	start := v
	for depth := 0; depth < 8; depth++ {
		w := &st.w[v]
		var subj []int
		for _, k := range w.kids {
			if st.w[k].rel == "nsubj" {
				if isRelPron(&st.w[k]) && (w.rel == "acl") {
					return []int{w.head}
				}
				// Parsers sometimes give two subjects where they missed a
				// coordination ("the lions and the evil Gondor").
				subj = append(subj, k)
			}
		}
		if subj != nil {
			return subj
		}
		if k := cs.strayedSubject(v); k > 0 {
			return []int{k}
		}
		h := w.head
		if h <= 0 {
			return nil
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
						return []int{k}
					}
				}
			}
			if k := cs.controller(h, v); k > 0 {
				return []int{k}
			}
			v = h
		case "conj":
			v = h
		case "advcl", "ccomp":
			// An infinitive without a subject of its own ("to respond",
			// "nearer to accord with") is controlled like an open clause.
			if st.mark(v) != "TO" {
				// A participle without a subject of its own shares the
				// subject of the clause it hangs from ("Eriador cut ties
				// with Gondor, accusing it of arming rebels"; "after
				// meeting", "by attacking"), a convention of news prose
				// that PETRARCH, which reads only the main clause, misses.
				// Only the participle itself: what it governs ("trying to
				// raid") is no asserted act, nor is a participle
				// introduced as an example ("including calling for") or
				// hanging from a purpose ("to oppose it, calling for"), nor
				// the agent of a passive parsed as a clause ("were killed
				// by invading troops").
				if v == start && w.rel == "advcl" && !cs.c.opts.PETRARCH && st.presentParticiple(v) && participleMark[st.mark(v)] && !st.hasKid(v, "cc") && !st.hasKid(v, "case") && st.mark(h) != "TO" && !(st.mark(v) == "BY" && st.isPassive(h)) {
					v = h
					continue
				}
				return nil
			}
			if k := cs.controller(h, v); k > 0 {
				return []int{k}
			}
			v = h
		case "amod":
			// An -ing participle before its noun is what the noun does:
			// "the visiting Gabonese president", "invading troops".
			if v == start && !cs.c.opts.PETRARCH && isNominal(st.w[h].upos) && st.src.Tokens[v-1].XPOS == "VBG" {
				return []int{h}
			}
			return nil
		case "acl":
			if !isVerbal(st, h) {
				// A participle or infinitive modifying a noun: "the parade
				// supporting Gondor", "a woman believed linked to".
				return []int{h}
			}
			return nil
		case "parataxis", "dep", "appos":
			// A clause hanging from a root that is a bare noun phrase is
			// that phrase's predicate, misattached ("Pyongyang on
			// Thursday fired ...").
			if st.w[h].rel == "root" && isNominal(st.w[h].upos) {
				return []int{h}
			}
			// So is one hanging from a participle that took its subject
			// ("the Islamic Army, widely seen as a resistance group, had
			// called …", with "seen" as the root).
			if st.pastParticiple(h) && !st.hasKid(h, "aux") && !st.hasKid(h, "cop") {
				if s := st.kidsRel(h, "nsubj", ""); len(s) == 1 && s[0] < h {
					return s
				}
			}
			return nil
		default:
			return nil
		}
	}
	return nil
}

// participleMark are the subordinators, or none, after which an -ing
// clause shares its subject with the clause above: "while visiting",
// "after meeting", "by attacking"; not "despite", "without" or "before",
// which the modality rules read differently.
var participleMark = map[string]bool{"": true, "WHILE": true, "AFTER": true, "BY": true, "WHEN": true}

// objectControl are verbs whose object, not their subject, does what their
// open clause says ("urged Gondor to withdraw", "forced them to leave").
var objectControl = map[string]bool{
	"WANT": true, "URGE": true, "ASK": true, "PRESS": true, "PRESSURE": true, "PUSH": true,
	"FORCE": true, "COMPEL": true, "ORDER": true, "TELL": true, "PERSUADE": true,
	"CONVINCE": true, "ENCOURAGE": true, "INVITE": true, "ALLOW": true, "PERMIT": true,
	"REQUIRE": true, "EXPECT": true, "NEED": true, "INSTRUCT": true, "AUTHORIZE": true,
	"AUTHORISE": true, "IMPLORE": true, "BEG": true, "ADVISE": true, "REMIND": true,
	"OBLIGE": true, "ENABLE": true, "EXHORT": true, "INCITE": true, "DIRECT": true,
}

// controller returns the object of verb h that is the subject of its
// infinitive clause v, 0 if none: a verb of asking or making someone do
// something gives the clause its object as subject ("Obama wants Putin to
// attack Switzerland": Putin would attack).
func (cs *coding) controller(h, v int) int {
	st := cs.st
	if !objectControl[st.w[h].ulem] {
		return 0
	}
	for _, k := range st.w[h].kids {
		if st.w[k].rel == "obj" && k < v {
			return k
		}
	}
	return 0
}

func isRelPron(w *word) bool {
	switch w.ulem {
	case "WHO", "WHICH", "THAT", "WHOM":
		return w.upos == "PRON" || w.upos == "DET"
	}
	return false
}

// strayedSubject returns the subject of a verb that has none by its
// label, 0 if none: a phrase before the verb, without a preposition, that
// names an actor and that the parser attached as dislocated or as an
// unmarked oblique ("Caras Galadhon's new mayor left", with "mayor" an
// obl:unmarked of "left").
func (cs *coding) strayedSubject(v int) int {
	st := cs.st
	for _, k := range st.w[v].kids {
		if k > v {
			break
		}
		w := &st.w[k]
		switch {
		case w.rel == "dislocated":
		case w.rel == "obl" && (w.sub == "" || w.sub == "unmarked" || w.sub == "npmod") && !st.hasCase(k):
		case w.rel == "advcl" && st.mark(k) == "" && st.pastParticiple(k) && !st.hasKid(k, "aux"):
			// "the Islamic Army, widely seen as a resistance group, had
			// called …", parsed with the participle as a clause of the
			// verb and the actor as its subject.
			if s := st.kidsRel(k, "nsubj", ""); len(s) == 1 && s[0] < k {
				k, w = s[0], &st.w[s[0]]
			} else {
				continue
			}
		default:
			continue
		}
		if !isNominal(w.upos) {
			continue
		}
		for _, m := range cs.group(k) {
			if m.real() {
				return k
			}
		}
	}
	return 0
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
		var ants []mention
		if cs.disc != nil && cs.st.w[m.head].rel != "nsubj" {
			// An object pronoun is not its clause's subject ("the
			// president refused to meet the leaders and accused them"):
			// the discourse, with the sentence's earlier actors, decides.
			ants = cs.referPronoun(m.head)
		}
		if len(ants) == 0 {
			ants = cs.antecedent(v)
			if cs.disc != nil && len(ants) == 1 && !cs.plural(ants[0].head) && cs.isPlural(m.head) {
				// "Pyongyang says they rehearse an invasion": one actor
				// named in the singular is not "they".
				ants = nil
			}
			if cs.disc != nil && humanPronouns[cs.st.w[m.head].ulem] && !cs.c.opts.PETRARCH {
				// Nor is "he" a plural ("prosecutors decided … after he
				// was hauled out") or a country ("Washington had
				// concluded …, saying he trusted").
				ants = slices.DeleteFunc(ants, func(a mention) bool { return cs.plural(a.head) || len(a.code) <= 3 })
			}
		}
		if len(ants) == 0 && cs.disc != nil {
			ants = cs.referPronoun(m.head)
		}
		var got []mention
		for _, r := range ants {
			r.first, r.last, r.head, r.ref = m.first, m.last, m.head, true
			r.ev = append([]Evidence{{Role: "pronoun", Entry: cs.st.w[m.head].form + " → " + r.code}}, r.ev...)
			got = append(got, r)
		}
		cs.noteRef(m.head, got)
		out = append(out, got...)
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
		heads := cs.subjects(cur)
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
		if adjunctPrep[p] {
			continue // "killed, according to the United Nations", even when labelled obl:agent
		}
		if !cs.c.opts.PETRARCH && w.sub != "agent" && cs.locative(k, p) {
			continue // "shot dead in Kosovo": a place, not who shot
		}
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
		if order == nil && !(recipientPrep[p] && !cs.c.opts.PETRARCH) {
			order = got
		}
	}
	for _, p := range []string{"BY", "FROM", "IN"} {
		if ms := byPrep[p]; len(ms) > 0 {
			return ms
		}
	}
	if order == nil && !cs.c.opts.PETRARCH {
		// Only agents: "killed by police", "killed in clashes with
		// police" (the story's country completes them).
		for _, k := range cands {
			if p := st.prep(k); st.nominalDep(k) && (p == "BY" || p == "IN" || st.w[k].sub == "agent") && !cs.placeOut(namedPlacesOut, k, p) {
				if ms := cs.agentsOf(k); len(ms) > 0 {
					return ms
				}
			}
		}
	}
	return order
}

// agentsOf returns the mentions of phrase k that name only agents, or
// those of its "with" or "between" phrase ("clashes with police").
func (cs *coding) agentsOf(k int) []mention {
	st := cs.st
	var out []mention
	for _, m := range cs.group(k) {
		if m.agentOnly() {
			out = append(out, m)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, g := range st.w[k].kids {
		if p := st.prep(g); st.nominalDep(g) && (p == "WITH" || p == "BETWEEN" || p == "BY") {
			if ms := cs.agentsOf(g); len(ms) > 0 {
				return ms
			}
		}
	}
	return nil
}

// aimedPrep lists prepositions that name whom a thing was aimed at.
var aimedPrep = map[string]bool{"AT": true, "AGAINST": true, "ON": true, "UPON": true, "TOWARD": true, "TOWARDS": true, "INTO": true}

// aimedAt returns the actors of the first phrase of passive verb v that
// names whom it was aimed at ("fired at it", "dropped on Gondor").
func (cs *coding) aimedAt(v int) []mention {
	st := cs.st
	for _, k := range st.w[v].kids {
		if !st.nominalDep(k) || !aimedPrep[st.prep(k)] {
			continue
		}
		var got []mention
		for _, m := range cs.group(k) {
			if m.real() || m.pron {
				got = append(got, m)
			}
		}
		if got = cs.resolveAll(got, v); len(got) > 0 {
			return got
		}
	}
	return nil
}

// namesAny reports whether one of the mentions names an actor or an agent.
func namesAny(ms []mention) bool {
	return slices.ContainsFunc(ms, func(m mention) bool { return m.real() || m.agentOnly() })
}

// targetsOf finds the target of active verb v: the actors of its object,
// else of its first prepositional phrase that names one, else of the
// clauses it governs (their subject first). Actors equal to a source are
// passed over, and so are the places of verbs of meeting and fighting (see
// partnerVerbs).
// Only when no phrase names a known actor may a phrase stand as a new one.
func (cs *coding) targetsOf(v int, sources []mention, statement bool) []mention {
	_, partner := partnerVerbs[cs.st.w[v].ulem]
	places := namedPlacesOut
	switch {
	case !partner && cs.c.opts.PETRARCH || arrivalVerbs[cs.st.w[v].ulem]:
		places = anyPlace
	case statement && !cs.c.opts.PETRARCH:
		places = noPlaces
	}
	if got := cs.searchTargets(v, sources, 0, false, places); len(got) > 0 || cs.c.opts.NewActorLength <= 0 {
		if len(got) == 0 && !cs.c.opts.PETRARCH {
			// An object that names only an agent: "criticised the
			// president", "arrested protesters".
			for _, k := range cs.st.w[v].kids {
				if r := cs.st.w[k].rel; r == "obj" || r == "iobj" {
					if ms := cs.agentsOf(k); len(ms) > 0 {
						return ms
					}
				}
			}
		}
		return got
	}
	return cs.searchTargets(v, sources, 0, true, places)
}

func (cs *coding) searchTargets(v int, sources []mention, depth int, allowNew bool, places placeRule) []mention {
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
			p := st.prep(k)
			if p == "" && k > v && w.sub == "" && !cs.c.opts.PETRARCH {
				// An object the parser left without its label
				// ("condemned the United States", with "States" an obl).
				if got := pick(k, v); len(got) > 0 {
					return got
				}
			}
			if p == "" || adjunctPrep[p] || cs.placeOut(places, k, p) {
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
			if !cs.c.opts.PETRARCH && w.rel == "obj" && cs.namesPeople(k) {
				// A clause that describes people acted on tells
				// nothing of whom the act is aimed at: "arrested three
				// people trying to smuggle goods to opposition groups".
				continue
			}
			walk(k, 0)
		}
	}
	slices.Sort(clauses)
	if got := cs.clauseTargets(clauses, sources, depth, allowNew, places, pick); len(got) > 0 {
		for i := range got {
			got[i].topic = true
		}
		return got
	}
	return nil
}

// namesPeople reports whether the phrase headed by h names people by an
// agent noun, whether or not it codes an actor ("three people", "the
// suspects").
func (cs *coding) namesPeople(h int) bool {
	return slices.ContainsFunc(cs.npCodes(h).agents, func(g agentHit) bool { return g.first <= h && h <= g.last })
}

// clauseTargets is searchTargets' last resort: the actors of the clauses
// a verb governs, their subjects first.
func (cs *coding) clauseTargets(clauses []int, sources []mention, depth int, allowNew bool, places placeRule, pick func(h, clause int) []mention) []mention {
	st := cs.st
	for _, c := range clauses {
		subj := false
		for _, k := range st.w[c].kids {
			if st.w[k].rel == "nsubj" {
				subj = true
				if got := pick(k, c); len(got) > 0 {
					return got
				}
			}
		}
		if subj && !cs.c.opts.PETRARCH {
			// A clause with a subject of its own is about that subject:
			// "warned that it would refer the alliance between British
			// Airways and American Airlines" is no warning to the US.
			continue
		}
		if !isVerbal(st, c) {
			// A nominal predicate is itself a phrase that may name an
			// actor.
			if got := pick(c, c); len(got) > 0 {
				return got
			}
		}
		if got := cs.searchTargets(c, sources, depth+1, allowNew, places); len(got) > 0 {
			return got
		}
	}
	return nil
}

// recipientPrep lists prepositions whose phrase receives a passive verb's
// action rather than doing it: "were handed over to US forces".
var recipientPrep = map[string]bool{"TO": true, "TOWARD": true, "TOWARDS": true, "INTO": true, "ONTO": true, "AGAINST": true}

// adjunctPrep lists prepositions that introduce no actor of the event:
// times ("after crowds burned its embassy") and the source of a report
// ("killed, according to the United Nations": the UN killed nobody).
var adjunctPrep = map[string]bool{
	"AFTER": true, "BEFORE": true, "DURING": true, "SINCE": true, "UNTIL": true,
	"TILL": true, "AMID": true, "AMIDST": true, "FOLLOWING": true, "PRIOR TO": true,
	"ACCORDING TO": true, "ACCORD TO": true, "DESPITE": true,
}

// locativePrep lists prepositions that say where an action happens
// ("will meet in Zurich", "fought near the border"). "Over" is not among
// them: PETRARCH's suites code "clashed over the efforts of Eriadori" as
// directed at Eriador.
var locativePrep = map[string]bool{
	"IN": true, "INSIDE": true, "NEAR": true, "WITHIN": true, "THROUGHOUT": true,
	"ACROSS": true, "OUTSIDE": true, "AROUND": true, "ALONG": true,
}

// placeNouns name places: a phrase "over" one of them is ground fought or
// argued over.
var placeNouns = map[string]bool{
	"CAPITAL": true, "CITY": true, "TOWN": true, "VILLAGE": true, "REGION": true, "PROVINCE": true,
	"TERRITORY": true, "BORDER": true, "ISLAND": true, "DISTRICT": true, "AREA": true, "ENCLAVE": true,
}

// locative reports whether phrase k, introduced by preposition p, names
// the place where something happens: a locative preposition whose own
// phrase names the actor ("in Zurich", not "in the dispute with Osgiliath").
func (cs *coding) locative(k int, p string) bool {
	if p == "OVER" && placeNouns[cs.st.w[k].ulem] {
		// "fought over the Libyan capital": the ground fought for, not
		// whom ("clashed over the efforts of Eriadori" keeps its target).
		return true
	}
	if !locativePrep[p] {
		return false
	}
	for _, m := range cs.group(k) {
		if m.real() && m.name != "" && !m.inherited {
			return true
		}
	}
	return false
}

// placeRule says which places may be a verb's target.
type placeRule uint8

const (
	namedPlacesOut placeRule = iota // not a place named in a locative phrase ("met in Zurich")
	anyPlace                        // any: "arrived in Gondor"
	noPlaces                        // no phrase of place at all: a statement's "at the White House"
)

// placeOut reports whether phrase k, introduced by p, is a place the rule
// keeps from being a target.
func (cs *coding) placeOut(r placeRule, k int, p string) bool {
	switch {
	case r == anyPlace:
		return false
	case r == noPlaces && (p == "AT" || p == "IN"):
		return true
	}
	return cs.locative(k, p)
}

// arrivalVerbs are verbs whose place is whom they concern: arriving in
// Gondor is a visit to it.
var arrivalVerbs = map[string]bool{"ARRIVE": true, "LAND": true}

// partnerVerbs are verbs of meeting and fighting, whose target is the
// party met or fought, never the place: "Obama and Putin will meet in
// Zurich" meet each other, not Switzerland. PETRARCH's suites code the
// place of other verbs as their target ("arrived in Gondor" is a visit to
// it, "appealed for peace in Ithilen" an appeal to it), and so does Dyad.
// Those marked true are also reciprocal: with several actors as subject
// and no target they act on each other ("the US, Russia and Switzerland
// met", "the two armies clashed"); allies may fight side by side.
var partnerVerbs = map[string]bool{
	"MEET": true, "TALK": true, "NEGOTIATE": true, "CONFER": true, "CLASH": true,
	"SKIRMISH": true, "COOPERATE": true, "COLLABORATE": true, "RECONCILE": true,
	"AGREE": true, "DISAGREE": true, "QUARREL": true, "FEUD": true, "SPAR": true,
	"FIGHT": false, "BATTLE": false,
}

// eachOther reports whether verb v has "each other" or "one another" as
// its object.
func (cs *coding) eachOther(v int) bool {
	st := cs.st
	for _, k := range st.w[v].kids {
		if r := st.w[k].rel; r != "obj" && r != "iobj" && r != "obl" && r != "nmod" {
			continue
		}
		ws := cs.core(k)
		if len(ws) == 2 && st.w[ws[1]].ulem == "OTHER" && (st.w[ws[0]].ulem == "EACH" || st.w[ws[0]].ulem == "ONE") ||
			len(ws) == 2 && st.w[ws[1]].ulem == "ANOTHER" && st.w[ws[0]].ulem == "ONE" {
			return true
		}
	}
	return false
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
// phrases, and of the objects' own prepositional phrases ("restore ties
// with Gxndor", with the phrase attached to the noun or to the verb).
func (cs *coding) argHeads(v int) []int {
	st := cs.st
	var out []int
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		switch {
		case w.rel == "obj" || w.rel == "iobj":
			out = append(out, k)
			for _, g := range w.kids {
				if p := st.prep(g); st.nominalDep(g) && p != "" && !adjunctPrep[p] {
					out = append(out, g)
				}
			}
		case st.nominalDep(k) && w.sub != "tmod" && w.sub != "npmod":
			if p := st.prep(k); p != "" && !adjunctPrep[p] {
				out = append(out, k)
			}
		}
	}
	return out
}
