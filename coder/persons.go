package coder

import (
	"slices"

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
	part := func(i int) bool {
		w := &st.w[i]
		return w.head == h && w.upos == "PROPN" && !in.covered[i] && !honorifics[w.uform] && (w.rel == "compound" || w.rel == "flat")
	}
	// UD hangs a name's later words from its first ("Ivan" ← flat
	// "Petrovsky"); a parser may also hang the first from the last.
	first, last := h, h
	for first > 1 && part(first-1) {
		first--
	}
	for last+1 < len(st.w) && part(last+1) {
		last++
	}
	return cs.spanIDs(first, last), first
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
