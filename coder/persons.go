package coder

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"dyad/dict"
)

// honorifics precede a surname without being part of it ("Mr Beith").
var honorifics = setOf("MR", "MR.", "MRS", "MRS.", "MS", "MS.", "DR", "DR.", "SIR", "LORD", "LADY", "DAME", "PROF", "PROF.", "PROFESSOR")

// personName returns the words of the personal name that heads the noun
// phrase headed by h — its head and the proper nouns next to it in the
// same name that no dictionary entry covers ("Alexander Livshits" in
// "Russian Finance Minister Alexander Livshits") — in order, and the first
// of them; nil if the head is not such a proper noun.
func (cs *coding) personName(h int) ([]int, int) {
	st := cs.st
	in := cs.np[h]
	hw := &st.w[h]
	if in == nil || hw.upos != "PROPN" || in.covered[h] || hw.personalPron || hw.dateline || honorifics[hw.uform] {
		return nil, 0
	}
	// UD hangs a name's later words from its first ("Ivan" ← flat
	// "Petrovsky"); a parser may also hang the first from the last, or
	// chain them ("Abdul" ← "Karim" ← "al-Kabariti", with the hyphen of
	// "Abdul-Karim" hung from "Karim"): a word is part of the name when it
	// hangs from a word already in it.
	first, last := h, h
	inName := func(k int) bool { return first <= k && k <= last }
	part := func(i int) bool {
		w := &st.w[i]
		return inName(w.head) && w.upos == "PROPN" && !in.covered[i] && !honorifics[w.uform] && (w.rel == "compound" || w.rel == "flat")
	}
	// hyphen is the hyphen inside a name ("Abdul-Karim"), hung from a
	// word of the name or from the word after it.
	hyphen := func(i int) bool {
		w := &st.w[i]
		return w.upos == "PUNCT" && w.form == "-" && w.rel == "punct" && (inName(w.head) || w.head == i+1)
	}
	for grew := true; grew; {
		grew = false
		for first > 1 && part(first-1) {
			first, grew = first-1, true
		}
		for last+1 < len(st.w) && part(last+1) {
			last, grew = last+1, true
		}
		if last+2 < len(st.w) && hyphen(last+1) && st.w[last+2].upos == "PROPN" && (inName(st.w[last+2].head) || st.w[last+2].head == last+1) &&
			(st.w[last+2].rel == "flat" || st.w[last+2].rel == "compound") {
			last, grew = last+2, true
		}
	}
	return cs.spanIDs(first, last), first
}

// nameWord is a word of a personal name as names are compared: without
// the Arabic article that a story may write or leave off ("al-Kabariti",
// "Kabariti") and without a hyphen inside a name.
func nameWord(w string) string {
	for _, a := range []string{"AL-", "EL-"} {
		if len(w) > len(a)+1 && strings.HasPrefix(w, a) {
			return w[len(a):]
		}
	}
	return w
}

// titled reports whether the phrase headed by h is a personal name right
// after a title the dictionaries know as an agent ("Interior Minister
// Manfred Kanther", "Foreign Ministry spokesman Martin Erdmann"): the
// phrase names that person, of the title's kind.
func (cs *coding) titled(h int, agents []agentHit) bool {
	ids, first := cs.personName(h)
	if ids == nil {
		return false
	}
	return slices.ContainsFunc(agents, func(g agentHit) bool { return g.last == first-1 && g.a.Code != "PPL" })
}

// formerRoles are the roles of an office a person may have left.
var formerRoles = setOf("GOV", "MIL", "LEG", "JUD", "COP", "SPY")

// eliteAgent is the agent of people of note without office (ELI).
var eliteAgent = &dict.Agent{Code: "ELI"}

// asFormer returns the agents of a noun phrase whose words say its office
// was held in the past ("former Vice President Mike Pence", "a former
// Iraqi prime minister"): the office's role gives way to ELI, as
// docs/ANNOTATION.md codes former officials.
func (cs *coding) asFormer(core []int, agents []agentHit) []agentHit {
	former := slices.ContainsFunc(core, func(i int) bool {
		w := &cs.st.w[i]
		return w.ulem == "FORMER" && w.rel == "amod"
	})
	if !former || !slices.ContainsFunc(agents, func(g agentHit) bool { return formerRoles[g.a.Code] && !g.a.Prefix }) {
		return agents
	}
	out := make([]agentHit, 0, len(agents))
	elite := false
	for _, g := range agents {
		if formerRoles[g.a.Code] && !g.a.Prefix {
			if elite {
				continue
			}
			g.a, elite = eliteAgent, true
		}
		out = append(out, g)
	}
	return out
}

// person is someone the story introduced by office or role, remembered
// for the rest of the story by name: "Russian Finance Minister Alexander
// Livshits" is RUSGOV when a later sentence calls him "Livshits".
type person struct {
	words []string // the upper-case words of the name (nameWords): ALEXANDER LIVSHITS
	code  string
	name  string // the phrase that introduced the person
	title string // the lemma of the title or role that introduced them: MINISTER, ENVOY
	sent  int
}

// roleNouns head a phrase that says what a named person is without being
// an agent of their own: "Adelbert Knobl, head of the IMF's mission",
// "George Garang, spokesman for the SPLA".
var roleNouns = setOf("HEAD", "CHIEF", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON", "DIRECTOR", "CHAIRMAN",
	"CHAIRWOMAN", "CHAIR", "LEADER", "COMMANDER", "ENVOY", "REPRESENTATIVE", "ADVISER", "ADVISOR", "AIDE",
	"SECRETARY", "MEMBER", "OFFICIAL", "FOUNDER", "DEPUTY", "PRESIDENT", "MINISTER")

// role reports whether the phrase headed by h says what a person is: its
// head is an agent ("minister", "ambassador") or a role noun ("head",
// "spokesman").
func (cs *coding) role(h int) bool {
	w := &cs.st.w[h]
	if w.upos != "NOUN" && w.upos != "PROPN" || cs.plural(h) {
		return false
	}
	if roleNouns[w.ulem] {
		return true
	}
	in := cs.npCodes(h)
	return slices.ContainsFunc(in.agents, func(g agentHit) bool { return g.first <= h && h <= g.last && g.a.Code != "PPL" })
}

// rememberPeople records the person the phrase headed by h introduces,
// with the actor its phrase was coded as (ms): a personal name right
// after a title ("Interior Minister Manfred Kanther"), a name with a role
// in apposition ("Adelbert Knobl, head of the IMF's mission") or a role
// with a name in apposition ("Germany's envoy, Wolfgang Ischinger"). A
// name without a title or role ("Ivan Petrovsky", "Russia's
// Zhirinovsky") says nothing of the person's office and is not
// remembered.
func (cs *coding) rememberPeople(h int, ms []mention) {
	st := cs.st
	code := func(k int, ms []mention) string {
		out := ""
		for _, m := range ms {
			if m.pron || m.ref {
				return ""
			}
			if m.agentOnly() {
				// Only the country of a wire story's dateline completes a
				// person's office for the whole story: the story's most
				// salient country is a guess ("Ambassador Gordon
				// Sondland" in a story about Ukraine).
				if cs.disc.home == "" {
					continue
				}
				m = cs.inContext(m)
			}
			if !m.real() {
				continue
			}
			if out != "" && out != m.code {
				return "" // a phrase of several actors names no one person
			}
			out = m.code
		}
		return out
	}
	if ids, _ := cs.personName(h); ids != nil {
		if g := cs.title(h); g > 0 && !cs.sentTo(h) {
			cs.disc.remember(cs, ids, code(h, ms), cs.spanIDs(cs.core(h)[0], cs.core(h)[len(cs.core(h))-1]), st.w[g].ulem)
			return
		}
		for _, k := range st.w[h].kids {
			if st.w[k].rel == "appos" && len(ids) > 1 && cs.role(k) && !cs.sentTo(k) && !cs.twoActors(k) {
				cs.disc.remember(cs, ids, code(k, cs.npCodes(k).ms), ids, st.w[k].ulem)
				return
			}
		}
		return
	}
	if !cs.role(h) || cs.sentTo(h) {
		return
	}
	for _, k := range st.w[h].kids {
		if st.w[k].rel != "appos" {
			continue
		}
		named := len(cs.npCodes(k).ms) > 0 // personName needs the phrase coded
		if ids, _ := cs.personName(k); len(ids) > 1 && !named && !cs.twoActors(h) {
			cs.disc.remember(cs, ids, code(h, ms), ids, st.w[h].ulem)
		}
	}
}

// title returns the last word of the title right before the personal
// name headed by h ("Minister" in "Interior Minister Manfred Kanther"), or
// 0 (see titled).
func (cs *coding) title(h int) int {
	_, first := cs.personName(h)
	for _, g := range cs.npCodes(h).agents {
		if g.last == first-1 && g.a.Code != "PPL" {
			return g.last
		}
	}
	return 0
}

// surname reports whether word k of the phrase headed by h, which the
// dictionaries know as an agent noun ("king", "chancellor", "mayor"), is a
// person's surname instead: the last word of a personal name, hung by
// "flat" from a first name before it ("Kevin King"), or, alone and
// capitalised later in the story, the surname of such a name ("King and
// Weeks were abducted", where the tagger reads "King" as a noun). A title
// comes before the name ("King Abdullah", "Interior Minister Manfred
// Kanther"), a head of its own modifiers ("the Interior Minister"), or
// with a determiner ("the King"), and stays a title.
func (cs *coding) surname(h, k int) bool {
	st := cs.st
	w := &st.w[k]
	if cs.disc == nil {
		return false
	}
	if p := w.head; w.upos == "PROPN" && w.rel == "flat" && p < k && st.w[p].upos == "PROPN" && !honorifics[st.w[p].uform] &&
		!(k+1 < len(st.w) && st.w[k+1].head == p && st.w[k+1].rel == "flat") && cs.firstName(p) {
		if cs.disc.surnames == nil {
			cs.disc.surnames = map[string]bool{}
		}
		cs.disc.surnames[w.uform] = true
		return true
	}
	if k != h || !cs.disc.surnames[w.uform] || w.form == w.uform || !unicode.IsUpper([]rune(w.form)[0]) {
		return false
	}
	return !slices.ContainsFunc(w.kids, func(c int) bool { return st.w[c].rel == "det" || st.w[c].rel == "amod" || st.w[c].rel == "compound" })
}

// firstName reports whether the proper noun p may be a first name: no
// dictionary actor or agent, nor a place or organisation the recogniser
// finds.
func (cs *coding) firstName(p int) bool {
	words := []string{cs.st.w[p].uform}
	if _, ok := cs.c.d.MatchFormsAt(words, []string{cs.st.w[p].form}, 0); ok {
		return false
	}
	t := cs.entityType(p)
	return t == "" || t == "PER"
}

// remember adds the person named by words ids of the sentence coded by
// cs, as code; phrase is what introduced them.
func (d *Discourse) remember(cs *coding, ids []int, code string, phrase []int, title string) {
	if code == "" || !realCode(code) || len(ids) == 0 {
		return
	}
	if len(code) == 6 && code[3:] == "GOV" && vagueTitles[title] {
		// "U.S. neo-Nazi leader Gary Lauck": a leader of something the
		// dictionaries do not know is not the country's government.
		return
	}
	words := cs.nameWords(ids)
	if slices.ContainsFunc(words, func(w string) bool { return calendarWords[w] }) {
		return // "on Wednesday", "in May": no one's name
	}
	for _, p := range d.people {
		if slices.Equal(p.words, words) {
			return // the first introduction, usually the fullest, stands
		}
	}
	d.people = append(d.people, &person{words: words, code: code, name: cs.st.text(phrase), title: title, sent: d.sent})
}

// nameWords returns the words of the personal name ids as they are
// compared (nameWord), without the hyphens inside it.
func (cs *coding) nameWords(ids []int) []string {
	words := make([]string, 0, len(ids))
	for _, k := range ids {
		if w := &cs.st.w[k]; w.upos != "PUNCT" {
			words = append(words, nameWord(w.uform))
		}
	}
	return words
}

// rememberedPerson codes the phrase headed by h, a personal name no
// dictionary knows and no title qualifies, as the person the story
// introduced under that name: the same surname, and the same first
// names if it gives any ("Livshits", "Alexander Livshits", "Mr
// Livshits"). Two people of the story that fit with different codes
// leave it uncoded.
func (cs *coding) rememberedPerson(h int) []mention {
	if p := cs.knownPerson(h); p != nil {
		return cs.personMention(h, p)
	}
	return nil
}

// knownPerson returns the person of the story the personal name headed by
// h names (see rememberedPerson), or nil.
func (cs *coding) knownPerson(h int) *person {
	ids, _ := cs.personName(h)
	if ids == nil || len(cs.disc.people) == 0 {
		return nil
	}
	words := cs.nameWords(ids)
	var found *person
	for _, p := range cs.disc.people {
		if len(words) > len(p.words) || !slices.Equal(p.words[len(p.words)-len(words):], words) {
			continue
		}
		if found != nil && found.code != p.code {
			return nil
		}
		found = p
	}
	return found
}

// personMention is the phrase headed by h taken to name person p.
func (cs *coding) personMention(h int, p *person) []mention {
	core := cs.core(h)
	first, last := core[0], core[len(core)-1]
	phrase := cs.st.text(cs.spanIDs(first, last))
	ev := Evidence{Role: "reference", Code: p.code,
		Entry: fmt.Sprintf("%q → %q (a person named in sentence %d)", phrase, p.name, p.sent+1)}
	ms := []mention{{code: p.code, head: h, first: first, last: last, ev: []Evidence{ev}, ref: true, person: true}}
	cs.noteRef(h, ms)
	return ms
}

// sentTo reports whether the phrase headed by h says where its person is
// sent ("special envoy to Ukraine Kurt Volker", "the former special envoy
// to Ukraine", "ambassador to the United Nations"): the country it names
// is not the person's own.
func (cs *coding) sentTo(h int) bool {
	st := cs.st
	if slices.ContainsFunc(cs.core(h), func(i int) bool { return st.w[i].ulem == "TO" }) {
		return true
	}
	return slices.ContainsFunc(st.w[h].kids, func(k int) bool { return st.nominalDep(k) && st.prep(k) == "TO" })
}

// vagueTitles name a person who leads something without saying what:
// with a country alone they do not make the person its government.
var vagueTitles = setOf("LEADER", "CHIEF", "HEAD", "DIRECTOR", "CHAIRMAN", "CHAIRWOMAN", "CHAIR", "FOUNDER", "MEMBER")

// headTitles are the titles of heads of state and government: "the
// president" of a story is its country's, though a bank or a party that
// the story names has one too.
var headTitles = setOf("PRESIDENT", "PREMIER", "CHANCELLOR", "KING", "QUEEN", "EMIR", "SULTAN", "MONARCH")

// rememberedTitle resolves a definite description in the singular made
// of a title alone ("the minister", "the envoy") to the person the story
// last introduced with that title; nil if there is none.
func (cs *coding) rememberedTitle(h int) []mention {
	st := cs.st
	w := &st.w[h]
	if cs.plural(h) || len(cs.disc.people) == 0 {
		return nil
	}
	for _, i := range cs.core(h) {
		if x := &st.w[i]; i != h && x.rel != "det" && x.upos != "PUNCT" {
			return nil // "the finance minister", "the Russian envoy": more than a title
		}
	}
	if headTitles[w.ulem] {
		return nil // "the president" is the country's, whoever else presides
	}
	var found *person
	for _, p := range cs.disc.people {
		if p.title == w.ulem && (found == nil || p.sent >= found.sent) {
			found = p
		}
	}
	if found == nil {
		return nil
	}
	return cs.personMention(h, found)
}

// calendarWords are the names of days and months, which a parser may take
// for personal names.
var calendarWords = setOf("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY",
	"JANUARY", "FEBRUARY", "MARCH", "APRIL", "MAY", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER", "NOVEMBER", "DECEMBER")

// twoActors reports whether the role phrase headed by h names one actor
// in its own words and another in a prepositional phrase ("Nairobi
// spokesman for the SPLA"): which the person acts for is not clear.
func (cs *coding) twoActors(h int) bool {
	st := cs.st
	own := ""
	for _, m := range cs.npCodes(h).ms {
		if m.real() && !m.inherited {
			own = m.code
		}
	}
	if own == "" {
		return false
	}
	for _, k := range st.w[h].kids {
		if !st.nominalDep(k) || st.prep(k) == "" {
			continue
		}
		for _, m := range cs.group(k) {
			if m.real() && m.code[:min(3, len(m.code))] != own[:min(3, len(own))] {
				return true
			}
		}
	}
	return false
}

// personNouns are agent nouns for one person, whom "he" or "she" may stand
// for: "the minister", "a spokesman".
var personNouns = setOf("PRESIDENT", "MINISTER", "PREMIER", "CHANCELLOR", "KING", "QUEEN", "EMIR", "SULTAN", "PRINCE",
	"MONARCH", "AMBASSADOR", "ENVOY", "DIPLOMAT", "GOVERNOR", "MAYOR", "SPOKESMAN", "SPOKESWOMAN", "SPOKESPERSON",
	"SECRETARY", "LEADER", "OFFICIAL", "COMMANDER", "GENERAL", "SENATOR", "LAWMAKER", "LEGISLATOR", "JUDGE",
	"PROSECUTOR", "NEGOTIATOR", "CHAIRMAN", "CHAIRWOMAN", "DIRECTOR", "CHIEF", "HEAD", "OFFICER", "ADVISER", "ADVISOR", "AIDE")

// personHead reports whether the phrase headed by h, with agents, names
// one person: a singular noun of office ("the Iranian foreign
// minister"), a name after a title ("U.S. Defense Secretary Mark Esper")
// or one the recogniser takes for a person's.
func (cs *coding) personHead(h int, agents []agentHit) bool {
	w := &cs.st.w[h]
	if w.upos == "NOUN" && personNouns[w.ulem] && !cs.plural(h) {
		return true
	}
	if w.upos != "PROPN" {
		return false
	}
	return cs.entityType(h) == "PER" || cs.titled(h, agents) || slices.ContainsFunc(agents, func(g agentHit) bool {
		return g.last < h && personNouns[cs.st.w[g.last].ulem]
	})
}

// personActor reports whether a dictionary actor is a person: people's
// codes are dated by their terms of office, or make them elites (ELI)
// out of office.
func personActor(a *dict.Actor) bool {
	for _, c := range a.Codes {
		if !c.Default() || strings.Contains(c.Code, "ELI") {
			return true
		}
	}
	return false
}
