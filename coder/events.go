package coder

import (
	"slices"
	"strings"

	"dyad/codebook"
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
	// over patterns whose words the sentence lacks; hasWords makes it.
	words map[string]bool
	// disc, when coding in a discourse, resolves references; pre holds
	// the actors the sentence names, in order, as collect found them.
	disc   *Discourse
	pre    []mention
	things []mention
	// offices are the terms of office an undated story's people were
	// taken in (codeAt).
	offices []office
	refs    map[int]*Reference // by the head of the referring phrase
	// named are the countries of the actors the sentence names by a
	// name of their own (sentenceCountries), made when first needed.
	named map[string]bool
}

// analysis is what one verb, predicate or event noun of the sentence
// contributes.
type analysis struct {
	// v is the head of the clause or phrase the analysis describes: the
	// verb, the predicate (for "behind the attack", "attack"), or the
	// noun. anchor is the word the dictionary entry matched ("behind").
	v, anchor int
	kind      dict.AnchorKind
	entry     *dict.Verb
	extra     []int // the other words of a multiword verb
	pm        *patternMatch
	code      dict.Code
	rules     []string
	ontoEv    []Evidence
	passive   bool
	sources   []mention
	targets   []mention
	recip     bool // reciprocal events among the sources (pattern %)
	events    []Event
	// absorbed is set when a governing verb has taken this verb's clause
	// as its own object ("noted that A regretted B"): its events are not
	// reported separately.
	absorbed bool
	// transformed events replace events when a transformation applied.
	transformed []Event
	subjHeads   []int
	combined    bool // the code was combined with a governed clause's
	// stance is set when what a statement reports made it a stronger
	// act (see stance): it is not absorbed by the clause it reports.
	stance bool
	// intent is set when a promise made its events of what it promises
	// (see intent): neither it nor the promised act absorbs the other.
	intent bool
	// negatedUncoded is set for a negated anchor that the dictionary has
	// no negated code for: its events are told as Negated.
	negatedUncoded bool
	modality       string
	// topic are statements whose target is only what they are about: not
	// reported, but a report that the transformations may rewrite.
	topic []Event
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
	if cs.c.d.HasAnchor(dict.PredicateAnchor) {
		// Predicates join the verbs as clause heads, so that a clause
		// reported by another ("said the group was behind the attack")
		// is weighed like a verb's.
		for i := 1; i < len(st.w) && len(verbs) < maxVerbs; i++ {
			if st.w[i].upos == "VERB" {
				continue
			}
			if a := cs.analyzePredicate(i); a != nil && cs.an[a.v] == nil {
				cs.an[a.v] = a
				verbs = append(verbs, a.v)
			}
		}
		slices.Sort(verbs)
	}
	// Verbs that report or govern another clause take that clause's event
	// over when they code an event themselves — unless only the governed
	// verb matched a pattern, which is the stronger evidence ("will host
	// Osgiliath to celebrate Tabaski").
	// Likewise a report by an actor known only as an agent ("a senior
	// official said ...") gives way to the event it reports; an agent's
	// action on a known actor is no report ("lawmakers are pressuring
	// Obama to ...").
	if !cs.c.opts.PETRARCH {
		for _, v := range verbs {
			if a := cs.an[v]; a != nil {
				cs.intent(a)
			}
		}
	}
	for _, v := range verbs {
		a := cs.an[v]
		if a == nil || len(a.events)+len(a.topic) == 0 || a.intent {
			continue
		}
		all := slices.Concat(a.events, a.topic)
		weak := !hasRealSource(all) && statements(all)
		for _, c := range cs.lowerClauses(v) {
			la := cs.an[c]
			// A negated clause without a negated code reports nothing
			// that could take its report's place.
			if la == nil || len(la.events) == 0 || la.negatedUncoded {
				continue
			}
			if weak || la.pm != nil && a.pm == nil && !a.stance && !accusation(a.code.Primary) || ownSide(all, la.events) {
				a.absorbed = true
			}
		}
		if !cs.c.opts.PETRARCH && statements(all) && cs.tellsThrough(v, all) {
			a.absorbed = true
		}
	}
	for _, v := range verbs {
		a := cs.an[v]
		if a == nil || len(a.events)+len(a.topic) == 0 || a.absorbed || a.intent {
			continue
		}
		if !cs.c.opts.PETRARCH && statements(slices.Concat(a.events, a.topic)) {
			// A statement and the event it reports are two events (or
			// only the reported one, when the statement is aimed at no
			// one): "police said gunmen killed four villagers".
			continue
		}
		for _, c := range cs.lowerClauses(v) {
			la := cs.an[c]
			if la == nil {
				continue
			}
			var evs []Event
			if a.stance {
				// What the report says was read as a stance already: a
				// threat's condition ("if Sudan attacked") is no
				// accusation that Sudan attacked.
				la.absorbed = true
				cs.absorbBelow(c)
				continue
			}
			if !la.negatedUncoded {
				evs = cs.transform(a, la)
			}
			if evs != nil {
				a.transformed = append(a.transformed, evs...)
			} else if len(a.events) == 0 {
				// A statement only about the clause: the clause's event
				// stands on its own ("Iran said Syria met Iraq").
				continue
			} else if !la.negatedUncoded {
				cs.combine(a, la)
			}
			la.absorbed = true
			cs.absorbBelow(c)
		}
	}
	// Event nouns come last: their source may be the subject of a clause
	// that codes nothing itself.
	var coded []*analysis
	for _, v := range verbs {
		if a := cs.an[v]; a != nil && !a.absorbed {
			coded = append(coded, a)
		}
	}
	if cs.c.d.HasAnchor(dict.NounAnchor) {
		for i := 1; i < len(st.w) && len(coded) < 2*maxVerbs; i++ {
			if u := st.w[i].upos; u == "NOUN" || u == "PROPN" {
				if a := cs.analyzeNoun(i); a != nil {
					coded = append(coded, a)
				}
			}
		}
		slices.SortStableFunc(coded, func(a, b *analysis) int { return a.anchor - b.anchor })
	}
	var out []Event
	seen := map[[3]string]bool{}
	for _, a := range coded {
		evs := a.events
		if a.transformed != nil {
			evs = a.transformed
		}
		for _, e := range evs {
			k := [3]string{e.Source, e.Target, e.Code}
			if !cs.c.opts.PETRARCH {
				k = [3]string{oneActor(e.Source), oneActor(e.Target), e.Code}
			}
			if e.Modality != Asserted && !cs.c.opts.KeepModal || seen[k] {
				continue
			}
			e.features = cs.features(&e, a)
			if e.Confidence = cs.c.conf.Score(e.features); e.Confidence < cs.c.opts.MinConfidence {
				continue
			}
			seen[k] = true
			e.Sentence = st.src.ID
			out = append(out, e)
		}
	}
	return out
}

// oneActor returns what tells actor code apart from others in one
// sentence: a country and its primary role, a bare country standing for
// its government (docs/ANNOTATION.md), or an organisation's whole code.
// A sentence tells one event per source, target and code: "Nepal's king"
// named as NPL and NPLGOV, or "three Russian deputy foreign ministers and
// a vice defence minister" as RUSGOV and RUSGOVMIL, are one actor.
func oneActor(code string) string {
	if len(code) < 3 || !realCode(code) {
		return code
	}
	if _, org := codebook.ActorType(code[:3]); org {
		return code
	}
	if len(code) == 3 {
		return code + "GOV"
	}
	return code[:min(len(code), 6)]
}

// promiseLemmas are the verbs that commit their speaker to what the clause
// they govern says will be done: "promised that its forces would observe
// the ceasefire", "assured Uganda that it would release the prisoners".
var promiseLemmas = setOf("PROMISE", "PLEDGE", "VOW", "ASSURE", "GUARANTEE", "UNDERTAKE", "COMMIT")

// intentCodes are the CAMEO intents (03) of the cooperative roots' acts,
// by the act's code, most specific first.
var intentCodes = []struct{ act, intent string }{
	{"071", "0331"}, {"072", "0332"}, {"073", "0333"}, {"074", "0334"},
	{"081", "0351"}, {"082", "0352"}, {"084", "0353"}, {"085", "0354"}, {"086", "0355"}, {"087", "0356"},
	{"04", "036"}, {"05", "032"}, {"06", "031"}, {"07", "033"}, {"08", "035"},
}

// intent codes a promise of a cooperative act as the intent to do it
// (docs/ANNOTATION.md: an intent verb "gives the 03x intent asserted and
// the act future"): a promise verb of analysis a governing a clause whose
// event, future or hypothetical, is a consultation, cooperation, aid or
// concession (roots 04–08) by the speaker's own side becomes the speaker's
// intent (036, 032, 031, 033x, 035x) toward whom it is promised to — the
// verb's own object, else the act's target — never toward the speaker's
// own country. The act keeps its own events, told as future.
func (cs *coding) intent(a *analysis) {
	st := cs.st
	if a.kind != dict.VerbAnchor || !promiseLemmas[st.w[a.v].ulem] || st.negated(a.v) || len(a.sources) == 0 {
		return
	}
	for _, c := range cs.lowerClauses(a.v) {
		la := cs.an[c]
		if la == nil || la.code.IsNull() || la.negatedUncoded || len(la.events) == 0 {
			continue
		}
		code := ""
		for _, ic := range intentCodes {
			if strings.HasPrefix(la.code.Primary, ic.act) {
				code = ic.intent
				break
			}
		}
		if code == "" {
			continue
		}
		if la.modality == "" {
			la.modality = cs.modality(la)
		}
		if la.modality != Future && la.modality != Hypothetical {
			continue
		}
		own := func(m mention) bool {
			return slices.ContainsFunc(a.sources, func(s mention) bool {
				return s.code == m.code || len(s.code) >= 3 && len(m.code) >= 3 && s.code[:3] == m.code[:3]
			})
		}
		if slices.ContainsFunc(la.sources, func(m mention) bool { return m.real() && !own(m) }) {
			continue // another's act: "promised that Sudan would free them"
		}
		var targets []mention
		for _, group := range [][]mention{a.targets, la.targets} {
			for _, m := range group {
				if m.real() && !own(m) {
					targets = append(targets, m)
				}
			}
			if len(targets) > 0 {
				break
			}
		}
		if len(targets) == 0 {
			continue
		}
		if a.modality == "" {
			a.modality = cs.modality(a)
		}
		var evs []Event
		for _, s := range a.sources {
			for _, t := range targets {
				if !cs.dyadOK(s, t) || s.code == t.code {
					continue
				}
				e := cs.event(a, s, t, code)
				e.Rule += "+intent"
				e.Evidence = append(e.Evidence, Evidence{Role: "intent", Entry: st.w[la.anchor].form, Code: code})
				evs = append(evs, e)
			}
		}
		if len(evs) > 0 {
			a.intent, a.transformed = true, evs
			return
		}
	}
}

// accusation reports whether code is an accusation (CAMEO 112): the
// clause it governs is the charge, not an event the text asserts ("accused
// Eritrea of providing support to rebels" is no aid), so it is never
// absorbed by that clause's event.
func accusation(code string) bool { return strings.HasPrefix(code, "112") }

// ownSide reports whether a report's source is a state actor of the same
// country as the source of the event it reports, both known ("the Chadian
// defence ministry said Chad's army attacked Boko Haram"): a state telling
// what its own forces did reports that event; it neither accuses nor
// speaks to anyone. Only statements (CAMEO 01) report: Congress
// pressuring Obama to help Iran is coercion, whoever would help.
func ownSide(report, reported []Event) bool {
	for _, r := range report {
		if !statements([]Event{r}) {
			continue
		}
		for _, e := range reported {
			if realCode(r.Source) && realCode(e.Source) && len(r.Source) >= 3 && len(e.Source) >= 3 &&
				r.Source[:3] == e.Source[:3] && kindOf(r.Source) == stateActor && kindOf(e.Source) == stateActor &&
				r.Source != e.Source {
				return true
			}
		}
	}
	return false
}

// ownSide1 reports whether two codes are the same country, one of them
// bare: a statement from a country's government to the country is none
// ("reiterated the UK's position").
func ownSide1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 3 && strings.HasPrefix(b, a) && realCode(a)
}

// homeAudience reports whether target t of a plain statement by s is an
// audience at home: an actor of the speaker's own country other than its
// opposition or rebels ("told the refugees: …", "told police the ministry
// had given an order", "told settler leaders"). Telling one's own side is
// no event between two actors (docs/ANNOTATION.md); a stronger act told
// to them (a demand, a warning, praise) keeps its own code.
func homeAudience(s, t string) bool {
	return sameCountry(s, t) && !hasCodePart(t[3:], "OPP") && !hasCodePart(t[3:], "REB")
}

// notTheState reports whether mention m, which names a country, names a
// place or someone in it rather than its state: a phrase that takes the
// country from a phrase of its own ("a village south of the capital
// Algiers", but not a number of its people: "dozens of Nigerian
// schoolgirls"), the country's name shaped by a modifier ("northern Rangoon")
// or as a possessor ("Beijing's"), or a proper name the country's name
// describes ("Sudanese Father Raphael Riel", "the U.S. Attorney's
// Office"). A common noun it describes ("Nigerian schoolgirls") is the
// country's people, and the name alone ("Kabul") is the state.
func (cs *coding) notTheState(m mention) bool {
	st := cs.st
	if m.head <= 0 || m.head >= len(st.w) {
		return m.inherited
	}
	h := &st.w[m.head]
	if m.inherited {
		// A part of the people of a phrase of its own ("dozens of
		// Nigerian schoolgirls", "some of the Iraqis") is those people.
		return !(quantityWords[h.ulem] || h.upos == "NUM" || h.upos == "PRON" || h.upos == "DET")
	}
	if !cs.headNamed(m) {
		return h.upos == "PROPN"
	}
	if h.sub == "poss" {
		return true
	}
	for _, k := range h.kids {
		switch st.w[k].rel {
		case "amod", "nmod", "acl", "nummod":
			if !cs.inName(m, k) {
				return true
			}
		}
	}
	return false
}

// stake reports whether mention m is the phrase of what a fight is over
// or for ("fought over the capital", "battled for independence").
func (cs *coding) stake(m mention) bool {
	if m.head <= 0 || m.head >= len(cs.st.w) {
		return false
	}
	p := cs.st.prep(m.head)
	return p == "OVER" || p == "FOR"
}

// headNamed reports whether the head word of mention m is a word of the
// dictionary name that coded its actor ("Sudan" in "southern Sudan", not
// "Raphael" in "Sudanese Father Raphael").
func (cs *coding) headNamed(m mention) bool {
	return cs.inName(m, m.head)
}

// inName reports whether word i is a word of the dictionary name that
// coded mention m's actor.
func (cs *coding) inName(m mention, i int) bool {
	u := cs.st.w[i].uform
	for _, e := range m.ev {
		if e.Role == "actor" && slices.Contains(strings.FieldsFunc(e.Entry, func(r rune) bool { return r == '_' || r == ' ' }), u) {
			return true
		}
	}
	return false
}

// partOfCountry reports whether mention m names a part of a country: the
// country's name, heading its phrase, shaped by an adjective of its own
// ("southern Sudan", "northern Iraq").
func (cs *coding) partOfCountry(m mention) bool {
	st := cs.st
	if m.inherited || m.head <= 0 || m.head >= len(st.w) || !cs.headNamed(m) {
		return false
	}
	for _, k := range st.w[m.head].kids {
		if st.w[k].rel == "amod" && !cs.inName(m, k) {
			return true // not "United" in "the United States"
		}
	}
	return false
}

// quantityWords head a phrase that counts the people of its "of" phrase.
var quantityWords = setOf("DOZEN", "HUNDRED", "THOUSAND", "MILLION", "SCORE", "NUMBER", "GROUP", "HANDFUL", "MAJORITY", "MINORITY", "MOST", "MANY", "SOME", "SEVERAL", "FEW", "ALL", "BOTH", "EACH", "NONE")

// mediaWords name news media: "told Reuters", "told Agence France-Presse".
var mediaWords = map[string]bool{
	"REUTERS": true, "AFP": true, "AP": true, "INTERFAX": true, "XINHUA": true, "TASS": true, "ITAR-TASS": true,
	"BBC": true, "CNN": true, "AGENCY": true, "AGENCE": true, "PRESSE": true, "FRANCE-PRESSE": true, "NEWSPAPER": true,
	"TELEVISION": true, "RADIO": true, "REPORTERS": true, "JOURNALISTS": true, "PRESS": true, "DAILY": true,
	"BROADCASTER": true, "TV": true, "MAGAZINE": true, "NEWS": true, "INSIDER": true, "TIMES": true, "POST": true,
}

// medium reports whether mention m names a news medium.
func (cs *coding) medium(m mention) bool {
	if hasCodePart(m.code, "MED") {
		return true
	}
	for i := m.first; i > 0 && i <= m.last && i < len(cs.st.w); i++ {
		if mediaWords[cs.st.w[i].uform] {
			return true
		}
	}
	return false
}

// verbal reports whether code is a verbal event (QuadClass 1 or 3:
// statements, appeals, intentions, consultations, diplomatic cooperation,
// demands, disapproval, rejection, threats), which a medium only carries.
func verbal(code string) bool {
	c, ok := codebook.Lookup(code)
	return ok && (c.QuadClass == codebook.VerbalCooperation || c.QuadClass == codebook.VerbalConflict)
}

// cooperative reports whether code is cooperation (QuadClass 1 or 2).
func cooperative(code string) bool {
	c, ok := codebook.Lookup(code)
	return ok && (c.QuadClass == codebook.VerbalCooperation || c.QuadClass == codebook.MaterialCooperation)
}

// against reports whether mention m's phrase reaches its actor through
// "against": a target opposed, never helped or praised.
func (cs *coding) against(m mention) bool {
	for i := m.first; i > 0 && i <= m.last && i < len(cs.st.w); i++ {
		if w := &cs.st.w[i]; w.ulem == "AGAINST" && w.rel == "case" {
			return true
		}
	}
	return false
}

// protestLemmas tell of a protest.
var protestLemmas = map[string]bool{
	"PROTEST": true, "PROTESTER": true, "PROTESTOR": true, "DEMONSTRATION": true, "DEMONSTRATE": true,
	"DEMONSTRATOR": true, "RALLY": true, "RIOT": true, "RIOTER": true, "STRIKE": true, "STRIKER": true, "MARCH": true,
}

// protestWords reports whether the sentence tells of a protest.
func (cs *coding) protestWords() bool {
	for i := 1; i < len(cs.st.w); i++ {
		if protestLemmas[cs.st.w[i].ulem] {
			return true
		}
	}
	return false
}

// asProtester codes students and workers as the opposition in
// a story of protest (docs/ANNOTATION.md: "students marching are
// protesters"); a university or a school is still education.
func (cs *coding) asProtester(m mention) string {
	code := m.code
	if len(code) < 6 || !(cs.disc != nil && cs.disc.protest || cs.protestWords()) || institutionNouns[cs.st.w[m.head].ulem] {
		return code
	}
	for _, r := range []string{"EDU", "LAB"} {
		if code[3:6] == r && !hasCodePart(code, "OPP") {
			return code[:3] + "OPP" + code[6:]
		}
	}
	return code
}

// repressedLemmas name a protest or an uprising, whose repression (CAMEO
// 17) is aimed at the people who take part in it.
var repressedLemmas = setOf("PROTEST", "DEMONSTRATION", "RALLY", "MARCH", "RIOT", "STRIKE", "SIT-IN",
	"UPRISING", "REVOLT", "REBELLION", "UNREST", "DISSENT", "MOVEMENT")

// protesters returns the target of coercion a aimed at a protest named
// without its people ("the junta crushed the uprising", "police dispersed
// the protests", "cracked down on demonstrations"): the opposition of each
// source's country (docs/ANNOTATION.md: protesters are the opposition).
// A protest whose people are named codes them as usual ("demonstrations
// by students").
func (cs *coding) protesters(a *analysis, sources []mention) []mention {
	if !strings.HasPrefix(a.code.Primary, "17") || a.kind != dict.VerbAnchor {
		return nil
	}
	st := cs.st
	var out []mention
	for _, k := range cs.argHeads(a.v) {
		if !repressedLemmas[st.w[k].ulem] || st.w[k].rel != "obj" && st.prep(k) != "ON" && st.prep(k) != "AGAINST" {
			continue
		}
		ids := slices.Sorted(slices.Values(st.subtree(k, nil, nil)))
		for _, s := range sources {
			s = cs.inContext(s)
			if len(s.code) < 3 || !realCode(s.code) {
				continue
			}
			if _, org := codebook.ActorType(s.code[:3]); org {
				continue
			}
			c := s.code[:3] + "OPP"
			if slices.ContainsFunc(out, func(m mention) bool { return m.code == c }) {
				continue
			}
			out = append(out, mention{code: c, head: k, first: ids[0], last: ids[len(ids)-1],
				ev: []Evidence{{Role: "protesters", Entry: st.w[k].form, Code: c}}})
		}
	}
	return out
}

// victimNouns name people an act of violence is done to without saying
// whose they are: "killed one man", "took eight people hostage".
var victimNouns = setOf("PEOPLE", "PERSON", "MAN", "WOMAN", "CHILD", "CHILDREN", "MEN", "WOMEN", "VILLAGER",
	"PASSENGER", "CIVILIAN", "RESIDENT", "DRIVER", "TOURIST", "WORSHIPPER", "PILGRIM", "BYSTANDER",
	"FARMER", "WORKER", "MOTORIST", "SHOPKEEPER", "TRAVELLER", "TRAVELER", "BOY", "GIRL")

// disasterNouns name what kills without being an actor: a war, a blast.
var disasterNouns = setOf("WAR", "CONFLICT", "FIGHTING", "VIOLENCE", "BLAST", "EXPLOSION", "BOMB", "BOMBING",
	"ATTACK", "CLASH", "FIRE", "CRASH", "SHELLING", "RAID", "AMBUSH", "INSURGENCY", "CAMPAIGN", "UPRISING",
	"REBELLION", "UNREST", "EARTHQUAKE", "FLOOD", "STORM", "DISEASE", "EPIDEMIC", "FAMINE", "ACCIDENT")

// killLemmas are the verbs of killing, which kill civilians as
// unconventional violence (180).
var killLemmas = setOf("KILL", "SHOOT", "SLAY", "MURDER", "GUN")

// killed recodes violence a done to target: people killed or attacked
// are civilians (a country's people, PPL, become its CVL), and killing
// civilians is unconventional violence (180), not a battle (19)
// (docs/ANNOTATION.md: "gunmen killed four villagers" is UAF→CVL 18x).
func (cs *coding) killed(a *analysis, target, code string) (string, string) {
	if len(code) < 2 || code[:2] != "18" && code[:2] != "19" && code[:2] != "20" || len(target) < 6 {
		return target, code
	}
	if target[3:6] == "PPL" {
		target = target[:3] + "CVL" + target[6:]
	}
	if target[3:6] == "CVL" && code[:2] == "19" && a.kind == dict.VerbAnchor && killLemmas[cs.st.w[a.anchor].ulem] {
		code = "180"
	}
	return target, code
}

// victims returns the target of violence a (CAMEO 18, 19 or 20) done to
// people named by no actor ("guerrillas killed one man and took eight
// people hostage", "killed two"): the civilians (CVL) of the source's
// country, else of the story's. A number stands for people only as the
// object of a killing ("fought two wars" kills no one).
func (cs *coding) victims(a *analysis, sources []mention) []mention {
	root := a.code.Primary
	if len(root) < 2 || root[:2] != "18" && root[:2] != "19" && root[:2] != "20" || a.kind != dict.VerbAnchor || a.passive {
		return nil
	}
	st := cs.st
	for _, k := range st.w[a.v].kids {
		w := &st.w[k]
		if w.rel != "obj" || !(victimNouns[w.ulem] || w.upos == "NUM" && killLemmas[st.w[a.anchor].ulem]) {
			continue
		}
		if slices.ContainsFunc(sources, func(s mention) bool { return s.head > 0 && disasterNouns[st.w[s.head].ulem] }) {
			return nil // "the civil war has killed 150,000 people": no actor's act
		}
		country := ""
		for _, s := range sources {
			if s = cs.inContext(s); len(s.code) >= 3 && realCode(s.code) {
				if _, org := codebook.ActorType(s.code[:3]); !org {
					country = s.code[:3]
					break
				}
			}
		}
		if country == "" {
			country, _ = cs.contextCountry(nil)
		}
		if country == "" {
			return nil
		}
		ids := slices.Sorted(slices.Values(st.subtree(k, nil, nil)))
		return []mention{{code: country + "CVL", head: k, first: ids[0], last: ids[len(ids)-1],
			ev: []Evidence{{Role: "victims", Entry: w.form, Code: country + "CVL"}}}}
	}
	return nil
}

// institutionNouns are the institutions of education and work, which
// are not protesters when their students or workers protest.
var institutionNouns = setOf("UNIVERSITY", "SCHOOL", "COLLEGE", "INSTITUTE", "ACADEMY", "CAMPUS", "POLYTECHNIC", "COMPANY", "FIRM", "FACTORY")

// fightWords are the anchors of fighting between protesters and the
// state; a killing keeps its own code.
var fightWords = map[string]bool{"CLASH": true, "BATTLE": true, "FIGHT": true, "SCUFFLE": true, "ATTACK": true, "STORM": true, "RIOT": true}

// protestCode gives force between protesters and the state its CAMEO
// codes: protesters fighting police riot (145), police fighting protesters
// repress them violently (175).
func protestCode(source, target, code string) string {
	if len(code) < 2 || code[:2] != "18" && code[:2] != "19" {
		return code
	}
	role := func(c string) string {
		if len(c) >= 6 {
			return c[3:6]
		}
		return ""
	}
	security := func(c string) bool { r := role(c); return r == "COP" || r == "MIL" || r == "GOV" }
	switch {
	case role(source) == "OPP" && security(target):
		return "145"
	case security(source) && role(target) == "OPP":
		return "175"
	}
	return code
}

// isStatement reports whether code is a public statement (CAMEO 01).
func isStatement(code string) bool {
	root, err := codebook.Root(code)
	return err == nil && root == "01"
}

// statements reports whether all the events are public statements (CAMEO
// 01), as reports are.
func statements(evs []Event) bool {
	for _, e := range evs {
		if root, err := codebook.Root(e.Code); err != nil || root != "01" {
			return false
		}
	}
	return true
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

// makeEvents turns an analysis into events.
func (cs *coding) makeEvents(a *analysis) []Event {
	if a.code.IsNull() {
		return nil
	}
	if a.modality == "" {
		a.modality = cs.modality(a)
	}
	var out []Event
	// add codes s → t; mirror is set for the other direction of a
	// reciprocal or mirrored code (a meeting, a call, a visit's host).
	add := func(s, t mention, code string, mirror bool) {
		if dict.IsNull(code) {
			return
		}
		// "the senators" in a Nigerian story are Nigeria's.
		s, t = cs.inContext(s), cs.inContext(t)
		if !cs.c.opts.PETRARCH {
			s.code, t.code = cs.asProtester(s), cs.asProtester(t)
			if fightWords[cs.st.w[a.anchor].ulem] {
				code = protestCode(s.code, t.code, code)
			}
			t.code, code = cs.killed(a, t.code, code)
		}
		if s.code != "" && s.code == t.code {
			return
		}
		if !cs.dyadOK(s, t) {
			return
		}
		if !cs.c.opts.PETRARCH && a.recip && (strings.HasPrefix(s.code, t.code) || strings.HasPrefix(t.code, s.code)) {
			return // one actor named twice: "Mr. Trump and his Chinese counterpart, Xi Jinping"
		}
		if !cs.c.opts.PETRARCH && cooperative(code) && cs.against(t) {
			return // "joined arms in a campaign against US troops" praises no one
		}
		if !cs.c.opts.PETRARCH && len(t.code) == 3 && len(s.code) > 3 && strings.HasPrefix(s.code, t.code) && (cooperative(code) || cs.notTheState(t)) {
			// A party of a country cooperating with that country named
			// alone is a place read as an actor ("the Lib Dem leader
			// visits Manchester", "arrives to sign the Croatia-Yugoslavia
			// treaty"); so is that country in any event when a word
			// other than its name shapes the phrase: a part of it
			// ("marched in northern Rangoon"), a place in it ("a village
			// south of the capital"), or someone named of its
			// nationality ("Sudanese Father Riel"). Named alone it may
			// be the state ("refused to negotiate with Kabul"), and
			// its people may be victims ("abducted Nigerian
			// schoolgirls").
			return
		}
		if !cs.c.opts.PETRARCH && fightWords[cs.st.w[a.anchor].ulem] && (cs.stake(t) || cs.stake(s)) {
			// What is fought over or for is the stake, not a side:
			// "two armed groups that fought over the Libyan capital"
			// fight neither Libya nor each other's capital.
			return
		}
		if !cs.c.opts.PETRARCH && cooperative(code) && !visitCode(code) && (len(t.code) == 3 && cs.partOfCountry(t) || len(s.code) == 3 && cs.partOfCountry(s)) {
			// One cooperates with a country's state or people, not with
			// a part of it ("worked with the church in southern Sudan").
			return
		}
		if !cs.c.opts.PETRARCH && verbal(code) && (cs.medium(t) || mirror && cs.medium(s)) {
			// "told reporters the decision to drop the inquiry": no demand
			// to the press; "held a call with reporters": no call from
			// them either.
			return
		}
		if isStatement(code) && !cs.c.opts.PETRARCH && (s.topic || t.topic || ownSide1(s.code, t.code) || code == "010" && homeAudience(s.code, t.code) || !mirror && !a.recip && !cs.addressed(a, t)) {
			// A statement's target is whom it is made to, not what it is
			// about ("said Washington had concluded") nor the medium it
			// is made in ("told a newspaper"). Kept aside for the
			// transformations of reports ("A says B attacked C").
			a.topic = append(a.topic, cs.event(a, s, t, code))
			return
		}
		out = append(out, cs.event(a, s, t, code))
	}
	if a.recip {
		for i, s := range a.sources {
			for j, t := range a.sources {
				if i != j {
					add(s, t, a.code.Primary, true)
				}
			}
		}
		return out
	}
	sources, targets := a.sources, a.targets
	if len(targets) == 0 && !cs.c.opts.PETRARCH {
		targets = cs.protesters(a, sources)
	}
	if len(targets) == 0 && !cs.c.opts.PETRARCH {
		targets = cs.victims(a, sources)
	}
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
	secondary := a.code.Secondary
	if !cs.c.opts.PETRARCH && secondary != a.code.Primary && visitCode(secondary) {
		// A visit is one event, the visitor's: the host's is another
		// sentence's to tell. Other codes of the other direction are
		// told by the same words: the demand one gives in to ("bowed to
		// Israel's demand"), the criticism or pressure one faces
		// ("---:111", "---:170", whose first code is none).
		secondary = ""
	}
	for _, s := range sources {
		for _, t := range targets {
			add(s, t, a.code.Primary, false)
			add(t, s, secondary, true)
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
		Anchor:     a.kind.String(),
		Verb:       cs.span(a.anchor, a.anchor, a.extra...),
		SourceSpan: cs.span(s.first, s.last),
		TargetSpan: cs.span(t.first, t.last),
		Rule:       strings.Join(a.rules, "+"),
		Modality:   a.modality,
	}
	ve := a.entry
	if a.kind == dict.VerbAnchor {
		e.Evidence = append(e.Evidence, Evidence{Role: "verb", Entry: ve.Words.String() + " (" + ve.Block.Name + ")", Code: ve.EffectiveCode().String(), Source: ve.Source})
	} else {
		e.Evidence = append(e.Evidence, Evidence{Role: a.kind.String(), Entry: ve.Words.String() + " (" + ve.Block.Name + ")", Source: ve.Source})
	}
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

// clauseRels attach a clause, even one whose head is a noun ("was in
// response to a plea from").
var clauseRels = setOf("ccomp", "xcomp", "advcl", "acl", "csubj", "parataxis", "root")

// addressingVerbs take whom they speak to as their object ("told the
// police", "briefed Nato", "assured Israel"), or as their subject in the
// passive ("was told"); other verbs of saying take what is said ("said
// opposition forces had laid mines").
var addressingVerbs = setOf("TELL", "INFORM", "BRIEF", "ADDRESS", "ASSURE", "REASSURE", "NOTIFY", "REMIND", "ADVISE", "WRITE")

// addressed reports whether target t of statement analysis a is one the
// statement is aimed at. A target that the dictionary's pattern placed in
// a slot must be a noun phrase of the anchor's own clause ("comment on",
// "sympathise with", "concerned about"), not of a clause it governs. A
// target the coder found by itself must be whom the
// statement is made to: an indirect object, the object or passive subject
// of a verb of addressing ("told the police"), a "to" phrase ("said to",
// "wrote to"). A statement with any other target — what it reports, a
// "from" or "following" phrase, the subject of a clause the parser hung
// from it — is dropped rather than guessed, since people named by the
// story are the subjects of most "said"s.
func (cs *coding) addressed(a *analysis, t mention) bool {
	st := cs.st
	h := t.head
	if h <= 0 || h >= len(st.w) {
		return true // no phrase: a null actor, as Options.AllowNullActor allows
	}
	// A target a pattern takes from the object phrase it names is one:
	// "denied Uganda's allegations", "rejected the accusations of Iraq".
	if a.pm != nil && cs.inObject(a.v, h) {
		return true
	}
	// Conjuncts and appositions stand where their first phrase stands.
	for (st.w[h].rel == "conj" || st.w[h].rel == "appos") && st.w[h].head > 0 && isNominal(st.w[st.w[h].head].upos) {
		h = st.w[h].head
	}
	w := &st.w[h]
	if a.pm != nil && a.pm.hasTgt && slices.ContainsFunc(a.pm.tgtSlot, func(m mention) bool { return m.head == t.head }) {
		// A slot's phrase is a noun phrase of the anchor's own clause
		// ("comment on", "claimed responsibility for attacks on US
		// forces"), not a clause below ("said it was committed to",
		// "said the threat … to take Grozny had been the general's
		// initiative").
		for k := h; k != a.v && k != a.anchor && !slices.Contains(a.extra, k); k = st.w[k].head {
			if k <= 0 || !isNominal(st.w[k].upos) || clauseRels[st.w[k].rel] {
				return false
			}
		}
		return true
	}
	if w.head != a.v {
		return false
	}
	switch w.rel {
	case "iobj":
		return true
	case "obj":
		return addressingVerbs[st.w[a.v].ulem]
	case "nsubj":
		return w.sub == "pass" && addressingVerbs[st.w[a.v].ulem]
	case "obl", "nmod":
		return st.prep(h) == "TO"
	}
	return false
}

// inObject reports whether word h is in the phrase of verb v's object,
// without crossing a clause: the object itself, its possessor or a phrase
// of it.
func (cs *coding) inObject(v, h int) bool {
	st := cs.st
	for depth := 0; h > 0 && depth < len(st.w); depth++ {
		w := &st.w[h]
		if w.head == v {
			return w.rel == "obj"
		}
		switch w.rel {
		case "ccomp", "xcomp", "advcl", "acl", "csubj", "parataxis", "root":
			return false
		}
		h = w.head
	}
	return false
}

// visitCode reports whether code is making or hosting a visit (042, 043),
// whose other side a pattern does not tell.
func visitCode(code string) bool { return code == "042" || code == "043" }

// tellsThrough reports whether plain statement verb v, with events evs,
// is told more strongly by a subjectless participle hanging from it that
// codes a verbal act between the same actors: "wrote to Iraq demanding
// the return of its pilots" is the demand, not a statement and a demand.
func (cs *coding) tellsThrough(v int, evs []Event) bool {
	st := cs.st
	for _, k := range st.w[v].kids {
		la := cs.an[k]
		if la == nil || st.w[k].rel != "advcl" || !st.presentParticiple(k) || st.hasKid(k, "nsubj") || len(la.events) == 0 {
			continue
		}
		covered := true
		for _, e := range evs {
			if !slices.ContainsFunc(la.events, func(l Event) bool {
				return l.Source == e.Source && l.Target == e.Target && verbal(l.Code) && !isStatement(l.Code)
			}) {
				covered = false
			}
		}
		if covered {
			return true
		}
	}
	return false
}
