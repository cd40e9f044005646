package coder

import (
	"slices"

	"dyad/dict"
)

// What a speaker says about another actor can make a statement a stronger
// act (docs/ANNOTATION.md: "prefer the stronger code the words carry"):
// "said Beijing was overreacting" criticises Beijing, "said the insurgents
// must give up violence" is a demand on them, "said: 'if they default, we
// will fight them'" a threat. The cues below are read in the clause a
// statement verb reports, or in the quotation it is attached to
// ("'The authorities must end this crackdown,' said …").

// speechLemmas are the verbs whose reported clause is read for a stance,
// when the dictionary codes them as a statement (or codes nothing for them
// on their own: "warned that …").
var speechLemmas = map[string]bool{
	"SAY": true, "TELL": true, "ADD": true, "STATE": true, "STRESS": true, "WARN": true, "INSIST": true,
	"ARGUE": true, "WRITE": true, "DECLARE": true, "CLAIM": true, "COMPLAIN": true, "NOTE": true,
	"EMPHASIZE": true, "EMPHASISE": true, "REITERATE": true, "COMMENT": true, "EXPLAIN": true, "TWEET": true,
}

// disparagingLemmas judge an actor or its acts harshly: 111 (criticise).
var disparagingLemmas = map[string]bool{
	"DESPERATE": true, "MISDIRECTED": true, "IMPROPER": true, "INAPPROPRIATE": true, "IRREGULAR": true,
	"ILLEGAL": true, "UNACCEPTABLE": true, "ABSURD": true, "VACUOUS": true, "OUTRAGEOUS": true, "SHAMEFUL": true,
	"DISGRACEFUL": true, "IRRESPONSIBLE": true, "RECKLESS": true, "CYNICAL": true, "HYPOCRITICAL": true,
	"SCANDALOUS": true, "APPALLING": true, "DEPLORABLE": true, "RIDICULOUS": true, "LUDICROUS": true,
	"BASELESS": true, "GROUNDLESS": true, "BIASED": true, "ARBITRARY": true, "BRUTAL": true, "BARBARIC": true,
	"UNCONSTITUTIONAL": true, "UNDEMOCRATIC": true, "UNFAIR": true, "UNJUST": true, "DISHONEST": true,
	"INCOMPETENT": true, "ARROGANT": true, "NONSENSE": true, "SHAM": true, "FARCE": true, "TRAVESTY": true,
	"DISGRACE": true, "BARBARITY": true, "BRUTALITY": true, "HYPOCRISY": true, "ARROGANCE": true, "SMEAR": true,
	"OVERREACT": true, "MEDDLE": true, "INTERFERE": true, "BULLY": true, "MISLEAD": true, "DISTORT": true,
	"SABOTAGE": true, "BETRAY": true, "BETRAYAL": true, "DECEIVE": true,
	// Participles the tagger may take for adjectives, lemma and all.
	"OVERREACTING": true, "MEDDLING": true, "INTERFERING": true, "BULLYING": true, "MISLEADING": true,
}

// accusingLemmas charge an actor with wrongdoing: 112 (accuse).
var accusingLemmas = map[string]bool{
	"LIE": true, "LIAR": true, "LYING": true, "CORRUPT": true, "CORRUPTION": true, "CHEAT": true, "FRAUD": true,
	"COLLUSION": true, "COVER-UP": true,
}

// harmLemmas say that an act does harm: a speaker who says another's act
// "could cripple small firms" or "is jeopardising a rate cut" criticises
// the actor behind it (111), also in a warning.
var harmLemmas = map[string]bool{
	"HARM": true, "HURT": true, "DAMAGE": true, "CRIPPLE": true, "UNDERMINE": true, "JEOPARDISE": true,
	"JEOPARDIZE": true, "ENDANGER": true, "WRECK": true, "DERAIL": true, "SCUPPER": true, "ERODE": true,
}

// demandAux are auxiliaries that make a reported clause a demand on its
// subject: "the insurgents must give up violence".
var demandAux = map[string]bool{"MUST": true, "SHOULD": true, "OUGHT": true}

// stanceCode is what a stance found: the code, the words that told it,
// and the clause whose actors it is aimed at.
type stanceCode struct {
	code   string
	cue    int
	clause int
	// harm marks criticism told by a verb of harming, whose target is
	// the doer: the subject, or the "by" phrase of a passive.
	harm bool
}

// stance reads the clause that statement verb v reports for a demand, an
// accusation, a threat or criticism aimed at another actor than the
// speaker, and recodes analysis a if it finds one: its code, its targets
// (the actors of the reported clause) and its events. Under PETRARCH's
// conventions statements are coded as the dictionary says.
func (cs *coding) stance(a *analysis) {
	st := cs.st
	v := a.v
	// A warning the dictionary codes as a bare threat (130) may still find
	// whom it threatens in what it reports ("warned that it would expel
	// their diplomats unless Gondor paid").
	warning := a.code.Primary == "130"
	if cs.c.opts.PETRARCH || a.kind != dict.VerbAnchor || !speechLemmas[st.w[v].ulem] ||
		!(a.code.IsNull() || isStatement(a.code.Primary) || warning) || len(a.sources) == 0 {
		return
	}
	for _, c := range cs.reportedClauses(v) {
		sc, ok := cs.stanceIn(c, v, a.sources)
		if !ok || warning && sc.code != "130" && !sc.harm {
			continue
		}
		doers := cs.subjects(sc.clause)
		if sc.harm && (st.isPassive(sc.clause) || st.pastParticiple(sc.clause) && st.hasKid(sc.clause, "cop")) {
			// The harmed are not the doers: "firms could be \"crippled\"
			// by the move", with "be" parsed as a copula.
			doers = cs.byPhrases(sc.clause)
		}
		var targets []mention
		for _, m := range cs.mentionsOf(doers, sc.clause) {
			if cs.aimable(a.sources, m) {
				m.topic = false
				targets = append(targets, m)
			}
		}
		if sc.code == "130" {
			// A threat is aimed at those the speaker's side would act on:
			// the subject of the condition or the object of the act.
			targets = targets[:0]
			for _, group := range cs.threatened(sc.clause) {
				for _, h := range group {
					for _, m := range cs.mentionsOf([]int{h}, sc.clause) {
						if cs.aimable(a.sources, m) {
							targets = append(targets, m)
						}
					}
				}
				if len(targets) > 0 {
					break
				}
			}
		}
		if len(targets) == 0 {
			continue
		}
		a.code = dict.Code{Primary: sc.code}
		a.rules = append(a.rules, "stance")
		a.stance = true
		a.ontoEv = append(a.ontoEv, Evidence{Role: "stance", Entry: st.w[sc.cue].form, Code: sc.code})
		a.targets, a.topic = targets, nil
		a.events = cs.makeEvents(a)
		return
	}
}

// aimable reports whether a stance of sources can be aimed at m: an actor
// (or an agent the story's country completes) other than the speakers,
// their own country ("said Ukraine needed to investigate", by a
// Ukrainian) and a medium.
func (cs *coding) aimable(sources []mention, m mention) bool {
	if !m.real() && !m.agentOnly() || containsCode(sources, m.code) || cs.medium(m) {
		return false
	}
	for _, s := range sources {
		if ownSide1(s.code, m.code) {
			return false
		}
	}
	return true
}

// reportedClauses returns what statement verb v reports: its clausal
// complements and the quotations joined to it ("said: '…'"), or the
// quotation it is itself attached to ("'…,' said X").
func (cs *coding) reportedClauses(v int) []int {
	st := cs.st
	var out []int
	for _, k := range st.w[v].kids {
		if r := st.w[k].rel; r == "ccomp" || r == "parataxis" {
			out = append(out, k)
		}
	}
	if w := &st.w[v]; (w.rel == "parataxis" || w.rel == "ccomp" && w.head > v) && w.head > 0 {
		out = append(out, w.head)
	}
	return out
}

// stanceIn looks for a stance in clause c, leaving out the speech verb's
// own words.
func (cs *coding) stanceIn(c, speech int, speakers []mention) (stanceCode, bool) {
	st := cs.st
	// Only the reported clause itself counts, with its conjuncts and open
	// complements, not clauses further down ("deadlocked over the
	// insistence that the troops should leave" demands nothing of them).
	var words []int
	for _, i := range st.subtree(c, func(w *word) bool { return w.id == speech }, nil) {
		cl := i
		if r := st.w[i].rel; r == "aux" || r == "cop" {
			cl = st.w[i].head
		}
		if cs.inReport(cs.clauseOf(cl), c) {
			words = append(words, i)
		}
	}
	slices.Sort(words)
	// A demand: "must", "should", "have to", "need to" on a clause whose
	// subject is someone else.
	for _, i := range words {
		w := &st.w[i]
		if w.rel == "aux" && demandAux[w.ulem] && w.head > 0 && !cs.speechVerb(w.head) {
			return stanceCode{code: "100", cue: i, clause: w.head}, true
		}
		// Not when the verb has an object of its own: "had no mandate to
		// send a mission", "needs money to rebuild" oblige no one.
		if (w.ulem == "HAVE" || w.ulem == "NEED") && isVerbal(st, i) && !st.hasKid(i, "obj") {
			for _, k := range w.kids {
				if st.w[k].rel == "xcomp" && st.mark(k) == "TO" {
					return stanceCode{code: "100", cue: i, clause: i}, true
				}
			}
		}
	}
	// A threat: the speaker's side will act if the other does (or does
	// not) do something — "we will", or in indirect speech "it would",
	// "the army would".
	for _, h := range words {
		if !cs.conditioned(h) || !cs.speakerSubject(h, speakers) || cs.cooperativeVerb(h) || st.negated(h) {
			continue // "we will help them if they ask" is an offer, "would not attack if …" an assurance
		}
		for _, k := range st.w[h].kids {
			if kw := &st.w[k]; kw.rel == "aux" && (kw.ulem == "WILL" || kw.ulem == "'LL" || kw.ulem == "WOULD") {
				return stanceCode{code: "130", cue: k, clause: h}, true
			}
		}
	}
	for _, i := range words {
		w := &st.w[i]
		code := ""
		switch {
		case accusingLemmas[w.ulem]:
			code = "112"
		case disparagingLemmas[w.ulem]:
			code = "111"
		case harmLemmas[w.ulem] && isVerbal(st, i) && i == cs.clauseOf(i):
			// "warned that the deletions could harm the inquiries"
			if st.negated(i) {
				continue
			}
			return stanceCode{code: "111", cue: i, clause: i, harm: true}, true
		default:
			continue
		}
		// The judgement must be what the clause says of its subject —
		// its predicate ("Beijing was overreacting", "the call was
		// improper"), an adjective of it ("it was a desperate bid") or,
		// for an accusation, its object ("told lies") — not a word of
		// some phrase in it ("promised to stamp out illegal
		// activities").
		cl := cs.clauseOf(i)
		predicate := i == cl || w.rel == "amod" && w.head == cl || code == "112" && w.rel == "obj" ||
			cs.conjunctOf(i, cl) // "was unusual and inappropriate"
		if cl <= 0 || !predicate || st.negated(cl) || st.negated(i) {
			continue
		}
		return stanceCode{code: code, cue: i, clause: cl}, true
	}
	return stanceCode{}, false
}

// inReport reports whether clause cl is reported clause c or one of its
// conjuncts and open complements.
func (cs *coding) inReport(cl, c int) bool {
	for depth := 0; cl > 0 && depth < 10; depth++ {
		if cl == c {
			return true
		}
		if r := cs.st.w[cl].rel; r != "conj" && r != "xcomp" {
			return false
		}
		cl = cs.st.w[cl].head
	}
	return false
}

// speechVerb reports whether word i is a verb of saying, whose own
// auxiliaries are not the reported clause's ("he would say").
func (cs *coding) speechVerb(i int) bool { return speechLemmas[cs.st.w[i].ulem] }

// conditioned reports whether clause h has an "if" or "unless" clause.
func (cs *coding) conditioned(h int) bool {
	for _, k := range cs.st.w[h].kids {
		if m := cs.st.mark(k); cs.st.w[k].rel == "advcl" && (m == "IF" || m == "UNLESS") {
			return true
		}
	}
	return false
}

// speakerSubject reports whether clause h's subject is the speaker's
// side: "we" or "I", or in indirect speech a phrase that stands for the
// speakers or an actor of their country ("warned that it would …", "said
// the army would …"), never another country.
func (cs *coding) speakerSubject(h int, speakers []mention) bool {
	subj := -1
	for _, k := range cs.st.w[h].kids {
		if w := &cs.st.w[k]; w.rel == "nsubj" {
			switch w.ulem {
			case "WE", "I":
				return true
			}
			subj = k
		}
	}
	if subj < 0 {
		return false
	}
	ms := cs.mentionsOf([]int{subj}, h)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !m.real() || !slices.ContainsFunc(speakers, func(s mention) bool { return sameCountry(s.code, m.code) }) {
			return false
		}
	}
	return true
}

// cooperativeVerb reports whether the dictionary codes verb h, with its
// best pattern, as cooperation.
func (cs *coding) cooperativeVerb(h int) bool {
	ve, _ := cs.verbEntry(h, dict.VerbAnchor)
	if ve == nil {
		return false
	}
	code := ve.EffectiveCode().Primary
	f := cs.buildFrame(h, cs.subjectHeadsExpanded(cs.subjects(h)))
	if pm := cs.bestPattern(ve, f, dict.VerbAnchor); pm != nil {
		code = pm.p.Code.Primary
	}
	return cooperative(code)
}

// sameCountry reports whether codes a and b name actors of one country
// ("FRAGOV", "FRAMIL").
func sameCountry(a, b string) bool {
	return len(a) >= 3 && len(b) >= 3 && a[:3] == b[:3] && realCode(a[:3])
}

// conjunctOf reports whether word i is a later conjunct of clause head cl
// ("unusual and inappropriate": the judgement is the clause's as much as
// its first word's).
func (cs *coding) conjunctOf(i, cl int) bool {
	for n := 0; i > 0 && n < 6; n++ {
		w := &cs.st.w[i]
		if w.rel != "conj" {
			return false
		}
		if w.head == cl {
			return true
		}
		i = w.head
	}
	return false
}

// threatened returns the phrases a threat in clause h is aimed at, in
// the order they are to be tried: the subject of its condition, then its
// own objects ("would expel Sudanese diplomats unless Sudan closed the
// camps" threatens Sudan once).
func (cs *coding) threatened(h int) [2][]int {
	st := cs.st
	var cond, objs []int
	for _, k := range st.w[h].kids {
		switch w := &st.w[k]; w.rel {
		case "advcl":
			if m := st.mark(k); m == "IF" || m == "UNLESS" {
				for _, g := range st.w[k].kids {
					if st.w[g].rel == "nsubj" {
						cond = append(cond, g)
					}
				}
			}
		case "obj":
			objs = append(objs, k)
		}
	}
	return [2][]int{cond, objs}
}

// byPhrases returns the heads of passive verb v's "by" phrases: who does
// what it says ("could be crippled by the move").
func (cs *coding) byPhrases(v int) []int {
	st := cs.st
	var out []int
	for _, k := range st.w[v].kids {
		if w := &st.w[k]; (w.rel == "obl" || w.rel == "nmod") && (w.sub == "agent" || st.prep(k) == "BY") {
			out = append(out, k)
		}
	}
	return out
}
