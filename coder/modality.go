package coder

import "dyad/dict"

// Modalities: whether the sentence tells an event as a fact. Only asserted
// events are reported unless Options.KeepModal is set.
const (
	// Asserted: told as having happened or happening ("A attacked B",
	// "A said B attacked C").
	Asserted = "asserted"
	// Negated: told as not having happened ("A did not attack B", "A
	// failed to reach B"), when the dictionary has no negated code for it.
	Negated = "negated"
	// Hypothetical: possible, attempted or considered ("A could attack
	// B", "A tried to open talks with B", "A is weighing sanctions").
	Hypothetical = "hypothetical"
	// Conditional: in the condition of an "if" or "unless" clause ("if A
	// attacks B").
	Conditional = "conditional"
	// Wished: hoped, wanted, asked for or the purpose of another action
	// ("A hoped the swap would pave the way for talks with B", "urged A to
	// meet B", "crossed the river to attack B").
	Wished = "wished"
	// Refused: refused or rejected ("A refused to negotiate with B": the
	// refusal may be an event of its own, the negotiation is not).
	Refused = "refused"
	// Denied: denied ("A denied that it had bombed B").
	Denied = "denied"
	// Future: planned, promised or announced for later ("A will meet B",
	// "A plans to visit B").
	Future = "future"
)

// governorModality gives the modality a verb (or adjective) lends the
// clause it governs ("refused to negotiate"): "" for verbs that report
// ("said") or lend none, so that the clause keeps its own.
var governorModality = map[string]string{
	"REFUSE": Refused, "DECLINE": Refused, "REJECT": Refused, "RESIST": Refused, "BALK": Refused,
	"DENY": Denied, "DISMISS": Denied,
	"HOPE": Wished, "WISH": Wished, "WANT": Wished, "SEEK": Wished, "DESIRE": Wished, "PREFER": Wished,
	"LIKE": Wished, "LONG": Wished, "URGE": Wished, "ASK": Wished, "CALL": Wished, "APPEAL": Wished,
	"DEMAND": Wished, "PRESS": Wished, "PUSH": Wished, "ENCOURAGE": Wished, "INVITE": Wished,
	"IMPLORE": Wished, "BEG": Wished, "REQUEST": Wished, "INSIST": Wished, "EAGER": Wished, "KEEN": Wished,
	"PLAN": Future, "INTEND": Future, "AIM": Future, "PREPARE": Future, "PROMISE": Future,
	"PLEDGE": Future, "VOW": Future, "AGREE": Future, "DECIDE": Future, "EXPECT": Future,
	"SCHEDULE": Future, "THREATEN": Future, "OFFER": Future, "PROPOSE": Future, "ARRANGE": Future,
	"RESOLVE": Future, "SET": Future, "DUE": Future, "PREPARED": Future, "COMMIT": Future,
	"ENTRUST": Future, "TASK": Future, "MANDATE": Future, "ASSIGN": Future, "EMPOWER": Future,
	"TRY": Hypothetical, "ATTEMPT": Hypothetical, "STRIVE": Hypothetical, "CONSIDER": Hypothetical,
	"WEIGH": Hypothetical, "MULL": Hypothetical, "DEBATE": Hypothetical, "DISCUSS": Hypothetical,
	"READY": Hypothetical, "WILLING": Hypothetical, "ABLE": Hypothetical, "LIKELY": Hypothetical,
	"UNLIKELY": Hypothetical, "POSSIBLE": Hypothetical, "MAY": Hypothetical, "WONDER": Hypothetical,
	"FAIL": Negated, "AVOID": Negated, "REFRAIN": Negated, "UNABLE": Negated,
}

// claimNouns are nouns whose clause the text reports without asserting it
// ("described the idea that the US is training the Islamic State as
// absurd").
var claimNouns = map[string]bool{
	"IDEA": true, "CLAIM": true, "ALLEGATION": true, "RUMOUR": true, "RUMOR": true, "SUGGESTION": true,
	"ACCUSATION": true, "CHARGE": true, "NOTION": true, "POSSIBILITY": true, "PROSPECT": true,
	"SPECULATION": true, "FEAR": true, "THEORY": true, "REPORT": true, "ASSERTION": true,
}

// undoneVerbs are verbs that, in a relative clause on an event noun, say
// it did not take place ("a meeting that was canceled").
var undoneVerbs = map[string]bool{
	"CANCEL": true, "POSTPONE": true, "SCRAP": true, "DELAY": true, "CALL": true, "ABANDON": true, "SUSPEND": true,
}

// askedForVerbs take as their object what is asked for, not what was
// done: "demanded an investigation into the killing".
var askedForVerbs = setOf("DEMAND", "REQUEST", "SEEK", "WANT", "URGE", "DESIRE", "WISH")

// askedForHeads take what is asked for after "for": "called for talks",
// "his call for an inquiry", "a plea for aid".
var askedForHeads = setOf("CALL", "APPEAL", "ASK", "PRESS", "PUSH", "LOBBY", "PLEA", "DEMAND", "REQUEST",
	"CAMPAIGN", "PETITION", "CLAMOUR", "CLAMOR", "HOPE", "WISH")

// askedFor reports whether event noun n is what its head asks for: the
// object of a verb of demand, or the "for" phrase of a verb or noun of
// appeal. Such an event is wished for, not told as done.
func (cs *coding) askedFor(n int) bool {
	st := cs.st
	w := &st.w[n]
	h := w.head
	if h <= 0 {
		return false
	}
	switch {
	case w.rel == "obj" && isVerbal(st, h):
		return askedForVerbs[st.w[h].ulem]
	case (w.rel == "obl" || w.rel == "nmod") && st.prep(n) == "FOR":
		return askedForHeads[st.w[h].ulem]
	}
	return false
}

// auxModality gives the modality an auxiliary lends its verb.
var auxModality = map[string]string{
	"WILL": Future, "SHALL": Future, "'LL": Future,
	"WOULD": Hypothetical, "COULD": Hypothetical, "MIGHT": Hypothetical, "MAY": Hypothetical,
	"SHOULD": Hypothetical, "MUST": Hypothetical, "CAN": Hypothetical, "OUGHT": Hypothetical,
}

// nounModality gives the modality a noun lends the infinitive that
// modifies it ("a plan to attack", "an attempt to kill").
var nounModality = map[string]string{
	"PLAN": Future, "PLOT": Future, "DECISION": Future, "PROMISE": Future, "PLEDGE": Future,
	"THREAT": Future, "OFFER": Future, "PROPOSAL": Future, "INTENTION": Future,
	"ATTEMPT": Hypothetical, "EFFORT": Hypothetical, "BID": Hypothetical, "ABILITY": Hypothetical,
	"READINESS": Hypothetical, "WILLINGNESS": Hypothetical, "CHANCE": Hypothetical,
	"CALL": Wished, "DEMAND": Wished, "REQUEST": Wished, "HOPE": Wished, "DESIRE": Wished,
	"REFUSAL": Refused, "FAILURE": Negated,
}

// modality says how the sentence tells analysis a's event.
func (cs *coding) modality(a *analysis) string {
	if a.negatedUncoded {
		return Negated
	}
	v := a.v
	if !cs.c.opts.PETRARCH && cs.negatedSubject(v) {
		return Negated // "not the U.S. nor the rebels are preventing …"
	}
	if a.kind == dict.VerbAnchor {
		return cs.clauseModality(v, v)
	}
	if a.kind == dict.NounAnchor {
		for _, k := range cs.st.w[v].kids {
			if w := &cs.st.w[k]; w.rel == "acl" && w.sub == "relcl" && undoneVerbs[w.ulem] {
				return Negated // "a meeting … that was canceled"
			}
		}
		if cs.askedFor(v) {
			return Wished // "demanded an investigation", "his call for an inquiry"
		}
	}
	// An event noun or predicate is told as its clause tells it ("hoped
	// the talks would take place": "talks" under "would").
	if c := cs.clauseOf(v); c != v {
		if cs.st.negated(c) {
			return Negated
		}
		return cs.clauseModality(c, 0)
	}
	return cs.clauseModality(v, v)
}

// clauseModality climbs from clause head v through the clauses that govern
// it and returns the first modality one of them lends. own is the anchor
// itself, whose negation the code has taken care of.
func (cs *coding) clauseModality(v, own int) string {
	st := cs.st
	skipAux := false
	cur := v
	for depth := 0; cur > 0 && depth < 10; depth++ {
		w := &st.w[cur]
		aux := ""
		if !skipAux {
			for _, k := range w.kids {
				if kw := &st.w[k]; kw.rel == "aux" && aux == "" {
					aux = auxModality[kw.ulem]
				}
			}
			if aux == "" && cs.beTo(cur) {
				aux = Future // "was to meet": a plan
			}
		}
		if cur != own && st.negated(cur) || cur == v && !cs.c.opts.PETRARCH && cs.negatedSubject(cur) {
			return Negated
		}
		skipAux = false
		h := w.head
		switch w.rel {
		case "conj":
			// A conjunct with a subject of its own has its own
			// auxiliaries; one without shares its first conjunct's.
			skipAux = st.hasKid(cur, "nsubj")
		case "xcomp", "ccomp", "csubj":
			if claimNouns[st.w[h].ulem] && !isVerbal(st, h) {
				return Hypothetical
			}
			switch st.mark(cur) {
			case "IF", "WHETHER":
				return Hypothetical // an indirect question
			}
			// The governing verb says more than the auxiliary its
			// clause takes after it ("hoped the swap would pave the
			// way").
			if m := governorModality[st.w[h].ulem]; m != "" {
				return m
			}
			if st.w[h].ulem == "GO" && st.src.Tokens[h-1].XPOS == "VBG" {
				return Future // "is going to"
			}
		case "advcl":
			switch st.mark(cur) {
			case "IF", "UNLESS", "PROVIDED", "WHETHER":
				return Conditional
			case "TO", "SO":
				return Wished // a purpose
			case "THAT":
				// No adverbial clause begins with "that": it is the
				// content of the verb or of its object, hung from the
				// verb by the parser ("denied a report this week that
				// Libya was refusing visas"), and told as they tell it.
				if cs.claimObject(h) {
					return Hypothetical
				}
				if m := governorModality[st.w[h].ulem]; m != "" {
					return m
				}
			case "BEFORE", "UNTIL", "TILL", "ONCE":
				// A time still to come for its clause: "could turn it
				// around before the Ukrainians knew", "will retaliate once
				// Israel attacks" tell what the governing clause tells.
				if aux == "" && !cs.c.opts.PETRARCH {
					if m := cs.clauseModality(h, h); m != Asserted {
						return m
					}
				}
			}
			return orAsserted(aux)
		case "acl":
			if claimNouns[st.w[h].ulem] && (w.sub != "relcl" || st.mark(cur) == "THAT" || cs.thatComplement(cur)) {
				// "the idea that …" (a clause with "that" as its mark is no
				// relative clause, whatever its label)
				return Hypothetical
			}
			if w.sub == "relcl" || st.mark(cur) != "TO" {
				return orAsserted(aux)
			}
			if m := nounModality[st.w[h].ulem]; m != "" {
				return m
			}
			return Wished // a purpose
		default:
			return orAsserted(aux)
		}
		if aux != "" {
			return aux
		}
		if h <= 0 {
			break
		}
		cur = h
	}
	return Asserted
}

func orAsserted(m string) string {
	if m == "" {
		return Asserted
	}
	return m
}

// beTo reports whether verb v is "be to" do something ("was to meet",
// "are to hold talks"): a form of "be" before the infinitive's "to", which
// tells what is planned or arranged, not what has happened (the parser
// may label the "be" a copula). A passive infinitive's "be" comes after
// its "to" ("wants to be heard").
func (cs *coding) beTo(v int) bool {
	st := cs.st
	be, to := 0, 0
	for _, k := range st.w[v].kids {
		w := &st.w[k]
		switch {
		case (w.rel == "aux" && w.sub == "" || w.rel == "cop") && w.ulem == "BE" && be == 0:
			be = k
		case w.rel == "mark" && w.ulem == "TO":
			to = k
		}
	}
	return be > 0 && to > be
}

// claimObject reports whether verb v's object is a claim noun ("denied a
// report", "rejected the allegation").
func (cs *coding) claimObject(v int) bool {
	for _, k := range cs.st.w[v].kids {
		if w := &cs.st.w[k]; w.rel == "obj" && claimNouns[w.ulem] {
			return true
		}
	}
	return false
}

// negatedSubject reports whether clause v denies its subject: "not" before
// it or "neither" with it ("Not Russia nor the rebels are blocking
// civilians", "Neither Russia nor the rebels blocked them"), a later
// conjunct joined by "nor", or "no" as its determiner ("No country has
// attacked Eriador"). Nobody did what the clause tells. PETRARCH's suites
// code such clauses as asserted, so Options.PETRARCH leaves them so.
func (cs *coding) negatedSubject(v int) bool {
	st := cs.st
	for _, k := range st.w[v].kids {
		if w := &st.w[k]; w.ulem == "NEITHER" && k < v {
			return true // "neither" hung from the verb
		}
	}
	for _, k := range st.w[v].kids {
		if st.w[k].rel != "nsubj" {
			continue
		}
		for _, d := range st.w[k].kids {
			w := &st.w[d]
			if d < k && (w.neg || w.ulem == "NEITHER") && !(d+1 < len(st.w) && st.w[d+1].ulem == "ONLY") {
				return true // not "not only Russia but also Turkey"
			}
			if w.rel == "det" && w.ulem == "NO" {
				return true
			}
			if w.rel == "conj" {
				for _, c := range st.w[d].kids {
					if st.w[c].rel == "cc" && st.w[c].ulem == "NOR" {
						return true
					}
				}
			}
		}
	}
	return false
}

// thatComplement reports whether clause v, labelled a relative clause,
// begins with a "that" which is neither its subject nor its object: the
// complementizer of a noun's content clause the parser took for a relative
// pronoun ("allegations that Tehran ordered the attack", with "that" as
// an oblique).
func (cs *coding) thatComplement(v int) bool {
	st := cs.st
	for _, k := range st.w[v].kids {
		if k > v {
			break
		}
		if w := &st.w[k]; w.ulem == "THAT" {
			return w.rel != "nsubj" && w.rel != "obj" && w.rel != "iobj" && w.rel != "mark"
		}
	}
	return false
}
