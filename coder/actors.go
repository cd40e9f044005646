package coder

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"dyad/codebook"
	"dyad/dict"
)

// mention is an actor found in the sentence: its code and where it came
// from.
type mention struct {
	code        string
	head        int // head word of the noun phrase
	first, last int // span of the phrase
	ev          []Evidence
	pron        bool   // an unresolved personal pronoun
	ref         bool   // a reference resolved through the discourse
	name        string // the words of the phrase, when an actor name in it coded it
	thing       bool   // a noun phrase that names no actor (discourse only)
	// agents are the agents of a mention that names no actor ("---COP"),
	// for the story's country to complete (inContext).
	agents []agentHit
	// inherited is set when the actor is named in a phrase of the
	// phrase's own ("a campaign against US troops").
	inherited bool
	// topic is set on a verb's target found only in a clause it governs
	// ("said Washington had concluded"): what a statement is about, not
	// whom it is made to.
	topic bool
	// person is set when the phrase names one person: a person the
	// dictionaries know, a titled or remembered name, "the minister".
	person bool
}

// real reports whether the code names an actor, not just an agent ("---GOV")
// or nothing.
func realCode(code string) bool { return code != "" && !strings.HasPrefix(code, dict.NullCode) }

func (m mention) real() bool { return realCode(m.code) }

// agentOnly reports whether the mention names an agent of no known actor
// ("---GOV").
func (m mention) agentOnly() bool {
	return len(m.code) > len(dict.NullCode) && strings.HasPrefix(m.code, dict.NullCode)
}

// npInfo is the coding of one noun phrase, without its conjuncts.
type npInfo struct {
	ms []mention
	// shared are the actors a conjunct without an actor of its own
	// borrows: "Danish" in "Danish media and government", "Arnor" in
	// "lawmakers in Arnor and officials".
	shared []mention
	// agents are the agents found on the phrase's own words.
	agents []agentHit
	// usedOf are prepositional phrases consumed by a name spanning them
	// ("Prince of Dol Amroth", "Islamic Army in Iraq").
	usedOf map[int]bool
	// covered are the words a dictionary name matched.
	covered map[int]bool
}

type agentHit struct {
	a     *dict.Agent
	name  dict.Name
	first int
	last  int
}

type actorHit struct {
	a     *dict.Actor
	code  dict.DatedCode
	name  dict.Name
	first int
	last  int
}

// coreRel reports whether a dependent belongs to the noun phrase proper of
// its head (modifiers, names, possessors) rather than being a phrase of its
// own (prepositional phrases, clauses, conjuncts, appositions).
func coreRel(w *word) bool {
	switch w.rel {
	case "compound", "flat", "fixed", "amod", "det", "nummod", "goeswith", "advmod":
		return true
	case "nmod":
		return w.sub == "poss"
	case "case":
		return true // only reached below a possessor, or "'s"
	}
	return false
}

// core returns the words of the noun phrase headed by h, in order,
// including coordinated modifiers ("Eriadori and Calenardhon leaders") but
// not coordinated heads.
func (cs *coding) core(h int) []int {
	if cs.coreC[h] == nil {
		cs.coreC[h] = cs.coreWords(h, true)
	}
	return cs.coreC[h]
}

// coreWords is core, optionally without coordinated modifiers: a pattern's
// {DEATH TOLL} matches "death and injury toll".
func (cs *coding) coreWords(h int, withConj bool) []int {
	ids := cs.st.subtree(h, func(w *word) bool {
		if (w.rel == "conj" || w.rel == "cc") && w.head != h {
			return !withConj
		}
		return !coreRel(w) || w.upos == "PUNCT" && w.rel != "compound"
	}, nil)
	// A case marker directly under the head introduces the head itself
	// ("with Gondor"): it is not part of the name.
	ids = slices.DeleteFunc(ids, func(i int) bool {
		w := &cs.st.w[i]
		return w.head == h && w.rel == "case" && !(w.ulem == "'S" || w.uform == "'")
	})
	slices.Sort(ids)
	return ids
}

// agentPOSOut are the parts of speech of a word that cannot be a
// one-word agent noun: an adjective or a verb with an agent's spelling.
var agentPOSOut = map[string]bool{"ADJ": true, "VERB": true}

// npCodes codes the noun phrase headed by h (not its conjuncts).
func (cs *coding) npCodes(h int) *npInfo {
	if in, ok := cs.np[h]; ok {
		return in
	}
	in := &npInfo{}
	cs.np[h] = in // guards against cycles through clause links
	st := cs.st
	hw := &st.w[h]
	if hw.dateline {
		return in // a place a story was filed from
	}
	if hw.personalPron {
		in.ms = []mention{{head: h, first: h, last: h, pron: true}}
		return in
	}
	core := cs.core(h)
	// The window adds the prepositional phrases after the head, which
	// names may run into ("Prince of Dol Amroth", "Ministry of Silly
	// Walks", "Islamic Army in Iraq").
	window := slices.Clone(core)
	var ofKids []int
	for _, k := range hw.kids {
		if k > h && st.nominalDep(k) && st.prep(k) != "" {
			ofKids = append(ofKids, k)
			for _, c := range st.w[k].kids {
				if st.w[c].rel == "case" {
					window = append(window, c)
				}
			}
			window = append(window, cs.core(k)...)
		}
	}
	slices.Sort(window)
	inCore := map[int]bool{}
	for _, i := range core {
		inCore[i] = true
	}
	words := make([]string, 0, len(window))
	forms := make([]string, 0, len(window))
	ids := make([]int, 0, len(window))
	for _, i := range window {
		if st.w[i].upos == "PUNCT" && len(st.w[i].form) == 1 {
			continue
		}
		words = append(words, st.w[i].uform)
		forms = append(forms, st.w[i].form)
		ids = append(ids, i)
	}
	var actors []actorHit
	var agents []agentHit
	offices := len(cs.offices)
	for i := 0; i < len(words); {
		if !inCore[ids[i]] {
			i++
			continue
		}
		m, ok := cs.c.d.MatchFormsAt(words, forms, i)
		if !ok {
			i++
			continue
		}
		if m.Actor != nil && m.Name.Local {
			// "The Conservatives" are Britain's party in a British story
			// and Canada's in a Canadian one; "Labour" is none in an
			// Israeli story, nor in "Social Democrats". "The Senate" of
			// Nigeria is still a senate (the agent, from the next word).
			if m, ok = cs.localMatch(words, forms, ids, i, inCore); !ok {
				i++
				continue
			}
		}
		first, last := ids[i], ids[i+m.Len-1]
		if m.Actor == nil && m.Len == 1 && !cs.c.opts.PETRARCH && agentPOSOut[st.w[first].upos] {
			// Agents are nouns: "a general strike", "militant Japan"
			// and "to monitor" name no general, militant or monitor.
			i++
			continue
		}
		if m.Actor == nil && m.Len == 1 && !cs.c.opts.PETRARCH && cs.surname(h, first) {
			// "Kevin King", and "King" later: a surname, not a king.
			i++
			continue
		}
		if m.Actor != nil && cs.insideName(words, forms, ids, i, m.Len, inCore) {
			// "the South China Sea" names a sea, not China.
			i += m.Len
			continue
		}
		if in.covered == nil {
			in.covered = map[int]bool{}
		}
		for _, k := range ids[i : i+m.Len] {
			in.covered[k] = true
		}
		for _, k := range ofKids {
			if last >= k && first < k {
				if in.usedOf == nil {
					in.usedOf = map[int]bool{}
				}
				in.usedOf[k] = true
			}
		}
		if m.Actor != nil {
			if dc, ok := cs.codeAt(m.Actor); ok {
				actors = append(actors, actorHit{a: m.Actor, code: dc, name: m.Name, first: first, last: last})
			}
		} else {
			agents = append(agents, agentHit{a: m.Agent, name: m.Name, first: first, last: last})
		}
		i += m.Len
	}
	cs.titleOffices(cs.offices[offices:], agents)
	if !cs.c.opts.PETRARCH {
		agents = cs.asFormer(core, agents)
	}
	in.agents = agents
	first, last := core[0], core[len(core)-1]
	spanOf := func(f, l int) (int, int) { return min(f, first), max(l, last) }

	if len(actors) > 0 {
		// One phrase names one actor: the first, with those coordinated
		// with it ("Eriadori and Calenardhon leaders"); a later name is a
		// person's ("Ithilen's minister Calimehtar").
		dropped := slices.Clone(actors)
		keep := map[int]bool{}
		for _, t := range cs.conjuncts(actors[0].last) {
			keep[t] = true
		}
		// Names separated by a comma are a list, not one name ("Mordor,
		// the Shire, Arnor", parsed as one phrase).
		for k := 1; k < len(actors); k++ {
			if keep[actors[k-1].last] && st.commaBetween(actors[k-1].last, actors[k].first) {
				keep[actors[k].last] = true
			}
		}
		actors = slices.DeleteFunc(actors, func(a actorHit) bool { return !keep[a.last] })
		if p, ok := cs.possessedPerson(h, dropped, actors); ok {
			actors = []actorHit{p}
		}
		var modAgents []agentHit
		for _, g := range agents {
			if !(g.first <= h && h <= g.last) {
				modAgents = append(modAgents, g)
			}
		}
		seen := map[string]bool{}
		for _, a := range actors {
			code := mixCode(a.code.Code, agents)
			if code == dict.NullCode || seen[code] {
				continue
			}
			seen[code] = true
			f, l := spanOf(a.first, a.last)
			m := mention{code: code, head: h, first: f, last: l, ev: actorEvidence(a, agents), name: st.text(cs.spanIDs(f, l)),
				person: a.first <= h && h <= a.last && personActor(a.a) || cs.personHead(h, agents)}
			in.ms = append(in.ms, m)
			sh := m
			sh.code = mixCode(a.code.Code, modAgents)
			in.shared = append(in.shared, sh)
		}
		if len(in.ms) > 0 {
			return in
		}
	}
	// Without an actor of its own, a phrase names people only if its head
	// is an agent noun ("soldiers"), a collective one ("a militant
	// group") or a personal name with a title ("Interior Minister Manfred
	// Kanther"): an agent word that merely describes a thing ("a strict
	// Islamic state", "a Kurdish town") codes nothing.
	titled := !cs.c.opts.PETRARCH && cs.titled(h, agents)
	if !titled && len(agents) == 0 && cs.disc != nil && !cs.c.opts.PETRARCH {
		// "Livshits", once the story has called him "Russian Finance
		// Minister Alexander Livshits".
		if ms := cs.rememberedPerson(h); ms != nil {
			in.ms = ms
			return in
		}
	}
	if !collectiveNouns[hw.ulem] && !titled && !slices.ContainsFunc(agents, func(g agentHit) bool { return g.first <= h && h <= g.last }) {
		agents = nil
	}
	// No actor on the phrase's own words: the first prepositional phrase
	// that names one supplies it ("soldiers from Gondor").
	for _, k := range hw.kids {
		w := &st.w[k]
		switch {
		case st.nominalDep(k) && !in.usedOf[k] && st.prep(k) != "" && !adjunctPrep[st.prep(k)]:
			// Not a time: "two weeks after the rebels kidnapped ..."
			// names no rebels.
			if !cs.c.opts.PETRARCH && len(agents) == 0 && !collectiveNouns[hw.ulem] && cs.locative(k, st.prep(k)) {
				// A thing is not the actor of the place it is in ("a
				// structure in Jerusalem"); people are ("demonstrators
				// in Cairo").
				continue
			}
		case isVerbal(st, h) && (w.rel == "obj" || w.rel == "obl" && st.prep(k) != ""):
			// A verb parsed as a noun's dependent ("an offensive against
			// besieged Osgiliath"): its object or phrase.
		default:
			continue
		}
		sub := cs.group(k)
		var got []mention
		for _, m := range sub {
			if m.real() {
				got = append(got, m)
			}
		}
		if len(got) == 0 {
			continue
		}
		for _, m := range got {
			in.shared = append(in.shared, m)
			mm := m
			mm.code = mixCode(m.code, agents)
			mm.head = h
			mm.first, mm.last = spanOf(m.first, m.last)
			mm.ev = append(slices.Clone(m.ev), agentEvidence(agents)...)
			mm.inherited = true
			in.ms = append(in.ms, mm)
		}
		return in
	}
	if ms := cs.possessedSubject(h, agents); ms != nil {
		in.ms = ms
		return in
	}
	if cs.disc != nil {
		if ms := cs.refer(h, in); ms != nil {
			in.ms = ms
			return in
		}
	}
	if len(agents) > 0 && (titled || !cs.unknownNamed(h, agents)) {
		code := mixCode("", agents)
		if code == dict.NullCode+"PPL" && !cs.c.opts.PETRARCH {
			return in // "people", "women": nobody in particular
		}
		if code != "" {
			in.ms = []mention{{code: code, head: h, first: first, last: last, ev: agentEvidence(agents), agents: agents,
				person: titled || cs.personHead(h, agents)}}
		}
		return in
	}
	return in
}

// inContext completes a mention that names only an agent with the
// country of the discourse (contextCountry), by Dyad's conventions.
func (cs *coding) inContext(m mention) mention {
	if cs.c.opts.PETRARCH || !m.agentOnly() || m.agents == nil {
		return m
	}
	c, why := cs.contextCountry(m.agents)
	if c == "" {
		return m
	}
	m.code = mixCode(c, m.agents)
	m.ev = append([]Evidence{{Role: "context", Entry: why, Code: c}}, m.ev...)
	return m
}

// localMatch returns the first name at words[i] that is not local, or is
// local to the story's country (localName).
func (cs *coding) localMatch(words, forms []string, ids []int, i int, inCore map[int]bool) (dict.Match, bool) {
	for _, m := range cs.c.d.MatchAllFormsAt(words, forms, i) {
		if m.Actor == nil || !m.Name.Local || cs.localName(m.Actor, ids, i, inCore) {
			return m, true
		}
	}
	return dict.Match{}, false
}

// localName reports whether a name that stands for actor a only in a story
// of a's own country (dict.Name.Local: a party's bare name, "Labour",
// "Democrats") does so where it starts, at ids[i]: the story's country
// (contextCountry) is a's, and the name does not end a longer proper name
// ("Social Democrats", "Christian Democrats"). Other countries have
// parties of those names, so without the story's country it names none.
func (cs *coding) localName(a *dict.Actor, ids []int, i int, inCore map[int]bool) bool {
	if cs.c.opts.PETRARCH {
		return false
	}
	dc, ok := cs.codeAt(a)
	if !ok || len(dc.Code) < 3 {
		return false
	}
	// The first sentences of a story without a dateline have no country
	// yet: another actor of the sentence gives it ("Tony Blair criticised
	// the Labour Party").
	if c, _ := cs.contextCountry(nil); c != dc.Code[:3] && (c != "" || !cs.sentenceCountries()[dc.Code[:3]]) {
		return false
	}
	if i > 0 && inCore[ids[i-1]] {
		if p := &cs.st.w[ids[i-1]]; p.upos == "PROPN" || p.upos == "ADJ" && p.form != "" && unicode.IsUpper([]rune(p.form)[0]) {
			return false
		}
	}
	return true
}

// sentenceCountries returns the countries of the actors the sentence names
// by names that are not local (localName), wherever they stand.
func (cs *coding) sentenceCountries() map[string]bool {
	if cs.named != nil {
		return cs.named
	}
	cs.named = map[string]bool{}
	n := len(cs.st.w) - 1
	words, forms := make([]string, n), make([]string, n)
	for i := range n {
		words[i], forms[i] = cs.st.w[i+1].uform, cs.st.w[i+1].form
	}
	for i := 0; i < n; i++ {
		m, ok := cs.c.d.MatchFormsAt(words, forms, i)
		if !ok {
			continue
		}
		if m.Actor != nil && !m.Name.Local {
			if dc, ok := m.Actor.CodeAt(cs.date); ok && len(dc.Code) >= 3 && realCode(dc.Code) {
				cs.named[dc.Code[:3]] = true
			}
		}
		i += m.Len - 1
	}
	return cs.named
}

// homeOutweighed is how many times more salient than the dateline's
// country another country must be for the story to be about it: a wire
// story filed from Paris about Algeria ("Security forces killed …") is
// Algeria's, one filed from Bonn that names Russia in passing is
// Germany's.
const homeOutweighed = 2

// contextCountry returns the country of the discourse that an agent named
// without one belongs to ("the police", "prosecutors", "the senators"):
// the country whose actors are the most salient so far, with why; "" when
// there is no discourse, no such country, or the agent is an
// organisation's ("IGO~").
func (cs *coding) contextCountry(agents []agentHit) (string, string) {
	if cs.disc == nil || slices.ContainsFunc(agents, func(g agentHit) bool { return g.a.Prefix }) {
		return "", ""
	}
	score := map[string]float64{}
	best, bestS := "", 0.0
	for _, e := range cs.disc.ents {
		if e.thing || len(e.code) < 3 || !realCode(e.code) || strings.HasPrefix(e.code, `"`) {
			continue
		}
		if _, org := codebook.ActorType(e.code[:3]); org {
			continue // IGO, NGO, IMG…, and roles without a country
		}
		c := e.code[:3]
		score[c] += e.salience(cs.disc.sent)
		if score[c] > bestS || score[c] == bestS && c < best {
			best, bestS = c, score[c]
		}
	}
	if h := cs.disc.home; h != "" && (best == h || bestS < homeOutweighed*score[h] || bestS < minSalience) {
		return h, "the story's dateline: " + h
	}
	if bestS < minSalience {
		return "", ""
	}
	return best, fmt.Sprintf("the story's country: %s (salience %.2f)", best, bestS)
}

// codeAt returns actor a's code on the sentence's date. In an undated
// story a person known as an elite (ELI) except while in office is taken
// in office, the last one held: news names officials mostly while they
// hold office ("Mr Blair said" in an undated story is the British
// government speaking). Those offices date the story (Discourse.period),
// and an actor with a code for the whole of that time takes it; a person
// none of whose terms holds that time keeps the elite code.
// PETRARCH's conventions keep the elite code.
func (cs *coding) codeAt(a *dict.Actor) (dict.DatedCode, bool) {
	dc, ok := a.CodeAt(cs.date)
	if !ok || cs.date != 0 || cs.c.opts.PETRARCH {
		return dc, ok
	}
	// A person's last office is recorded whether or not the story's time
	// is known yet: every person named counts towards it (settle).
	var last *office
	var lastCode dict.DatedCode
	if strings.HasSuffix(dc.Code, "ELI") {
		for i := len(a.Codes) - 1; i >= 0; i-- {
			if c := a.Codes[i]; !c.Default() && len(c.Code) >= 3 && c.Code[:3] == dc.Code[:3] {
				cs.offices = append(cs.offices, office{term: termsHull(a.Codes[:i+1], c), role: c.Code[3:]})
				last, lastCode = &cs.offices[len(cs.offices)-1], c
				break
			}
		}
	}
	if cs.disc != nil && cs.disc.period[0] != 0 {
		// The offices of the people the story names date it: the Tories
		// are the opposition in an undated story where Tony Blair
		// governs.
		p := cs.disc.period
		for _, c := range a.Codes {
			if !c.Default() && c.From <= p[0] && (c.To == 0 || p[1] != 0 && p[1] <= c.To) {
				return c, true
			}
		}
		if last != nil && !last.overlaps(p) {
			// None of the person's terms holds the story's time:
			// "Theresa May" in a story of Tony Blair's government is
			// not yet in office.
			return dc, ok
		}
	}
	if last != nil {
		return lastCode, true
	}
	return dc, ok
}

// office is a term of office a person of an undated story was taken in
// (codeAt), with the role held; titled is set when the phrase that named
// the person gave the title of that office ("Prime Minister Boris
// Johnson"): the story then tells of the person in office, where a name
// alone may be of someone in or out of it.
type office struct {
	term   [2]int
	role   string
	titled bool
}

// overlaps reports whether the office's term shares a day with period p
// (from, to; 0 for open).
func (o office) overlaps(p [2]int) bool {
	return (p[1] == 0 || o.term[0] <= p[1]) && (o.term[1] == 0 || p[0] <= o.term[1])
}

// titleOffices marks the offices taken in by the phrase's names as titled
// when an agent of the phrase is of the office's role.
func (cs *coding) titleOffices(os []office, agents []agentHit) {
	for i := range os {
		for _, g := range agents {
			if g.a.Code == os[i].role {
				os[i].titled = true
			}
		}
	}
}

// termsHull returns the time from the first to the last term a person held
// the office of last (the same code): an undated story that names someone
// twice in office ("President Trump" in 2019 or 2025) may be told in
// either term, so only the span of both dates it. Dating it by the last
// term alone put a 2019 story about the Taliban in their government.
func termsHull(codes []dict.DatedCode, last dict.DatedCode) [2]int {
	hull := [2]int{last.From, last.To}
	for _, c := range codes {
		if !c.Default() && c.Code == last.Code && c.From != 0 && c.From < hull[0] {
			hull[0] = c.From
		}
	}
	return hull
}

// possessedPerson returns the person the dictionaries know whom the
// phrase headed by h names after the possessive of their own country
// ("Iraq's Saddam", "Russia's Yeltsin"): the phrase is that person, in
// their office, not the country the first name of the phrase would make
// it. all are the phrase's actors, kept those left of them.
func (cs *coding) possessedPerson(h int, all, kept []actorHit) (actorHit, bool) {
	if cs.c.opts.PETRARCH || len(kept) != 1 || len(all) < 2 {
		return actorHit{}, false
	}
	country := kept[0]
	st := cs.st
	w := &st.w[country.last]
	// The possessive may hang from the country whatever the parser made
	// of the name after it ("Russia 's" ← flat "Yeltsin").
	poss := w.rel == "nmod" && w.sub == "poss" || slices.ContainsFunc(w.kids, func(k int) bool {
		return st.w[k].rel == "case" && (st.w[k].ulem == "'S" || st.w[k].uform == "'")
	})
	if !poss || len(country.code.Code) != 3 {
		return actorHit{}, false
	}
	for _, a := range all {
		if a.first > country.last && (a.first <= h && h <= a.last || h == country.last) && personActor(a.a) &&
			strings.HasPrefix(a.code.Code, country.code.Code) {
			return a, true
		}
	}
	return actorHit{}, false
}

// possessivePron are the possessive pronouns that stand for an actor.
var possessivePron = map[string]bool{"ITS": true, "THEIR": true, "HIS": true, "HER": true}

// possessedSubject codes a subject whose head is an agent noun owned by a
// possessive pronoun ("Israel denied that its jets had bombed Lebanon"):
// the pronoun's actor, as an antecedent of the clause or of the discourse,
// with the agent. Only subjects: "Israel withdrew its troops" acts on
// itself, no other actor.
func (cs *coding) possessedSubject(h int, agents []agentHit) []mention {
	st := cs.st
	if len(agents) == 0 {
		return nil
	}
	switch r := st.w[h].rel; {
	case r == "nsubj":
	case (r == "obj" || r == "obl") && st.w[st.w[h].head].head != 0 && !cs.c.opts.PETRARCH:
		// An object in a reported clause: "Russia said Ukraine attacked
		// its troops" (the antecedent comes from the governing clause,
		// never the object's own).
	default:
		return nil
	}
	for _, k := range st.w[h].kids {
		w := &st.w[k]
		if w.rel != "nmod" || w.sub != "poss" || !possessivePron[w.uform] {
			continue
		}
		ants := cs.antecedent(cs.clauseOf(h))
		if len(ants) == 0 && cs.disc != nil {
			ants = cs.referPronoun(k)
		}
		var out []mention
		for _, a := range ants {
			if !a.real() {
				continue
			}
			m := a
			m.code = mixCode(a.code, agents)
			m.head, m.first, m.last, m.ref = h, min(k, h), h, true
			m.ev = append([]Evidence{{Role: "pronoun", Entry: w.form + " → " + a.code}}, append(slices.Clone(a.ev), agentEvidence(agents)...)...)
			out = append(out, m)
		}
		return out
	}
	return nil
}

// insideName reports whether the n words of a dictionary name at index i
// of the phrase's words (ids, all in core) lie inside a longer proper name:
// a proper noun right before them that no dictionary entry covers, and one
// right after them that starts none ("the South China Sea", "the East
// Timor Sea"). Such a name names something else, a place or body named
// after the actor. A name at the start of a proper name is left alone:
// "Gondor President Isildur", "China Daily".
func (cs *coding) insideName(words, forms []string, ids []int, i, n int, inCore map[int]bool) bool {
	st := cs.st
	properAt := func(j, want int) bool {
		return j >= 0 && j < len(ids) && ids[j] == want && inCore[want] && st.w[want].upos == "PROPN"
	}
	if !properAt(i-1, ids[i]-1) || !properAt(i+n, ids[i+n-1]+1) {
		return false
	}
	// The word before must not end a name of its own: a name starting
	// earlier would have been matched first, so only a one-word name
	// ending there is possible.
	if m, ok := cs.c.d.MatchFormsAt(words[:i], forms[:i], i-1); ok && m.Len == 1 {
		return false
	}
	_, ok := cs.c.d.MatchFormsAt(words, forms, i+n)
	return !ok
}

// collectiveNouns are nouns for groups of people, which take the kind of
// people their modifiers say ("a militant group", "the rebel movement").
var collectiveNouns = map[string]bool{
	"GROUP": true, "MOVEMENT": true, "ORGANISATION": true, "ORGANIZATION": true,
	"FACTION": true, "FORCE": true, "PARTY": true, "COALITION": true, "ALLIANCE": true,
	"NETWORK": true, "CELL": true, "UNIT": true, "WING": true, "COMMUNITY": true,
	"POPULATION": true, "PEOPLE": true, "FAMILY": true, "TRIBE": true, "CLAN": true,
	"MEMBER": true, "DELEGATION": true, "TEAM": true, "SIDE": true, "CAMP": true,
	"BLOC": true, "ELEMENT": true, "OUTFIT": true, "BRIGADE": true, "BATTALION": true,
	"REGIMENT": true, "DIVISION": true, "COMMITTEE": true, "COUNCIL": true, "BODY": true,
	"SQUAD": true, "CREW": true, "GANG": true, "CROWD": true, "MOB": true, "LEADERSHIP": true,
}

// unknownNamed reports whether the agent noun heading phrase h is part of
// a name the dictionaries do not know: a proper noun compounded with it
// that no agent covers ("the Radaa force", "the Wagner group"). Such a
// phrase names one actor, unknown, not the agent of none.
func (cs *coding) unknownNamed(h int, agents []agentHit) bool {
	for _, k := range cs.st.w[h].kids {
		w := &cs.st.w[k]
		if k < h && w.upos == "PROPN" && (w.rel == "compound" || w.rel == "flat") &&
			!slices.ContainsFunc(agents, func(g agentHit) bool { return g.first <= k && k <= g.last }) {
			return true
		}
	}
	return false
}

// group codes h and its conjuncts ("Arnor, Gondor and Bree"). A conjunct
// that names only an agent borrows the actors the others share: "Danish
// media and government" codes DNKMED and DNKGOV.
func (cs *coding) group(h int) []mention {
	if ms, ok := cs.groupC[h]; ok {
		return ms
	}
	ms := cs.groupUncached(h)
	cs.groupC[h] = ms
	return ms
}

func (cs *coding) groupUncached(h int) []mention {
	heads := cs.members(h)
	infos := make([]*npInfo, len(heads))
	for i, c := range heads {
		infos[i] = cs.npCodes(c.id)
	}
	var shared []mention
	for _, in := range infos {
		if len(in.shared) > 0 {
			shared = in.shared
			break
		}
	}
	var out []mention
	for i, in := range infos {
		hasReal := false
		for _, m := range in.ms {
			if m.real() || m.pron {
				hasReal = true
			}
		}
		if !hasReal && !heads[i].appos && len(in.agents) > 0 && len(shared) > 0 {
			for _, s := range shared {
				m := s
				m.code = mixCode(s.code, in.agents)
				m.head = heads[i].id
				m.first, m.last = min(s.first, heads[i].id), max(s.last, heads[i].id)
				m.ev = append(slices.Clone(s.ev), agentEvidence(in.agents)...)
				out = append(out, m)
			}
			continue
		}
		if heads[i].appos && !hasReal {
			continue
		}
		if heads[i].appos {
			// An apposition naming the same actor more precisely replaces
			// it ("Dagolath's deputy, Prime Minister Telemar": DAG and
			// DAGGOV give DAGGOV).
			out = mergeAppos(out, in.ms)
			continue
		}
		out = append(out, in.ms...)
	}
	return dedupe(out)
}

// groupOrNew is group, falling back, when allowed and the options ask for
// it, to the phrase itself as a new actor named by its words.
func (cs *coding) groupOrNew(h int, allowNew bool) []mention {
	ms := cs.group(h)
	if !allowNew || cs.c.opts.NewActorLength <= 0 {
		return ms
	}
	for _, m := range ms {
		if m.real() || m.pron {
			return ms
		}
	}
	if m, ok := cs.newActor(h); ok {
		return []mention{m}
	}
	return ms
}

// newActor codes the phrase headed by h by its own words in quotes, if it
// has at most Options.NewActorLength of them: PETRARCH's new_actor_length.
func (cs *coding) newActor(h int) (mention, bool) {
	st := cs.st
	if u := st.w[h].upos; u != "NOUN" && u != "PROPN" {
		return mention{}, false
	}
	ids := st.subtree(h, func(w *word) bool {
		switch w.rel {
		case "acl", "conj", "cc", "punct", "parataxis", "advcl", "ccomp", "xcomp", "dep":
			return true
		}
		return w.head == h && w.rel == "case" && w.ulem != "'S"
	}, nil)
	slices.Sort(ids)
	var words []string
	for _, i := range ids {
		if u := st.w[i].uform; u != "'S" && u != "'" && st.w[i].upos != "PUNCT" {
			words = append(words, u)
		}
	}
	if len(words) == 0 || len(words) > cs.c.opts.NewActorLength {
		return mention{}, false
	}
	text := strings.Join(words, " ")
	code := `"` + text + `"`
	return mention{code: code, head: h, first: ids[0], last: ids[len(ids)-1],
		ev: []Evidence{{Role: "new actor", Entry: text, Code: code}}}, true
}

// member is a head of a coordination: h itself, a conjunct, or an
// apposition (often a list's item: "Mordor, the Shire, Arnor and Bree").
type member struct {
	id    int
	appos bool
}

// members returns h and the phrases coordinated or in apposition with it,
// in order.
func (cs *coding) members(h int) []member {
	out := []member{{id: h}}
	for i := 0; i < len(out) && len(out) < 64; i++ {
		for _, k := range cs.st.w[out[i].id].kids {
			if isVerbal(cs.st, k) && !isVerbal(cs.st, h) {
				continue // a clause conjoined to a noun is a misparse
			}
			switch cs.st.w[k].rel {
			case "conj":
				out = append(out, member{id: k, appos: out[i].appos})
			case "appos":
				out = append(out, member{id: k, appos: true})
			}
		}
	}
	slices.SortFunc(out, func(a, b member) int { return a.id - b.id })
	return out
}

// conjuncts returns h and the words conjoined to it, in order.
func (cs *coding) conjuncts(h int) []int {
	out := []int{h}
	for i := 0; i < len(out) && len(out) < 64; i++ {
		for _, k := range cs.st.w[out[i]].kids {
			if cs.st.w[k].rel == "conj" {
				out = append(out, k)
			}
		}
	}
	slices.Sort(out)
	return out
}

// mergeAppos adds the mentions of an apposition to out: one that extends a
// code already there replaces it, one that a code there extends is
// dropped, others are added.
func mergeAppos(out, ms []mention) []mention {
	for _, m := range ms {
		merged := false
		for i, o := range out {
			switch {
			case strings.HasPrefix(m.code, o.code):
				out[i] = m
				merged = true
			case strings.HasPrefix(o.code, m.code):
				merged = true
			}
			if merged {
				break
			}
		}
		if !merged {
			out = append(out, m)
		}
	}
	return out
}

func dedupe(ms []mention) []mention {
	var out []mention
	for _, m := range ms {
		if m.code == "" && !m.pron {
			continue
		}
		dup := false
		for _, o := range out {
			if o.code == m.code && !m.pron && !o.pron {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, m)
		}
	}
	return out
}

// mixCode combines an actor code with agent codes as PETRARCH does: an
// agent code is appended unless the code already contains it, a prefix
// agent ("NGO~") goes in front; a code without an actor starts with "---".
// The general "people" agent gives way to any other.
func mixCode(actor string, agents []agentHit) string {
	code := actor
	if code == "" {
		code = dict.NullCode
	}
	var prefix string
	for _, g := range agents {
		if g.a.Code == "PPL" && len(agents) > 1 {
			continue
		}
		if g.a.Prefix {
			if !strings.HasPrefix(code, g.a.Code) && !strings.Contains(prefix, g.a.Code) {
				prefix += g.a.Code
			}
			continue
		}
		if !hasCodePart(code, g.a.Code) && !(armedRole[g.a.Code] && armedCode(code)) {
			code += g.a.Code
		}
	}
	if prefix != "" {
		if code == dict.NullCode {
			return prefix
		}
		code = prefix + code
	}
	return code
}

// armedRole lists the agent codes of fighters, which an armed group's code
// already implies: the fighters of the Islamic Army in Iraq (IRQREB) are
// IRQREB, not IRQREBUAF.
var armedRole = map[string]bool{"UAF": true, "REB": true, "INS": true}

// armedCode reports whether an actor code is an armed non-state group's:
// rebels, insurgents, separatists, or an international armed group.
func armedCode(code string) bool {
	if strings.HasPrefix(code, "IMG") {
		return true
	}
	for _, p := range []string{"REB", "UAF", "INS", "SEP"} {
		if hasCodePart(code, p) {
			return true
		}
	}
	return false
}

// hasCodePart reports whether code contains part at a multiple of three
// characters: codes are built from three-letter parts, so GMWGOV does not
// contain WGO.
func hasCodePart(code, part string) bool {
	for i := 0; i+len(part) <= len(code); i += 3 {
		if code[i:i+len(part)] == part {
			return true
		}
	}
	return false
}

func actorEvidence(a actorHit, agents []agentHit) []Evidence {
	ev := []Evidence{{Role: "actor", Entry: a.name.String(), Code: a.code.Code, Source: a.code.Source}}
	return append(ev, agentEvidence(agents)...)
}

func agentEvidence(agents []agentHit) []Evidence {
	var ev []Evidence
	for _, g := range agents {
		c := "~" + g.a.Code
		if g.a.Prefix {
			c = g.a.Code + "~"
		}
		ev = append(ev, Evidence{Role: "agent", Entry: g.name.String(), Code: c, Source: g.a.Source})
	}
	return ev
}
