package coder

import (
	"slices"
	"strings"

	"dyad/dict"
)

// mention is an actor found in the sentence: its code and where it came
// from.
type mention struct {
	code        string
	head        int // head word of the noun phrase
	first, last int // span of the phrase
	ev          []Evidence
	pron        bool // an unresolved personal pronoun
}

// real reports whether the code names an actor, not just an agent ("---GOV")
// or nothing.
func realCode(code string) bool { return code != "" && !strings.HasPrefix(code, dict.NullCode) }

func (m mention) real() bool { return realCode(m.code) }

// npInfo is the coding of one noun phrase, without its conjuncts.
type npInfo struct {
	ms []mention
	// shared are the actors a conjunct without an actor of its own
	// borrows: "Danish" in "Danish media and government", "Arnor" in
	// "lawmakers in Arnor and officials".
	shared []mention
	// agents are the agents found on the phrase's own words.
	agents []agentHit
	// usedOf are "of" phrases consumed by a name spanning them ("Prince of
	// Dol Amroth").
	usedOf map[int]bool
}

type agentHit struct {
	a     *dict.Agent
	name  dict.Phrase
	first int
	last  int
}

type actorHit struct {
	a     *dict.Actor
	code  dict.DatedCode
	name  dict.Phrase
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

// core returns the words of the noun phrase headed by h, in order.
func (cs *coding) core(h int) []int {
	ids := cs.st.subtree(h, func(w *word) bool { return !coreRel(w) || w.upos == "PUNCT" && w.rel != "compound" }, nil)
	// A case marker directly under the head introduces the head itself
	// ("with Gondor"): it is not part of the name.
	ids = slices.DeleteFunc(ids, func(i int) bool {
		w := &cs.st.w[i]
		return w.head == h && w.rel == "case" && !(w.ulem == "'S" || w.uform == "'")
	})
	slices.Sort(ids)
	return ids
}

// npCodes codes the noun phrase headed by h (not its conjuncts).
func (cs *coding) npCodes(h int) *npInfo {
	if in, ok := cs.np[h]; ok {
		return in
	}
	in := &npInfo{}
	cs.np[h] = in // guards against cycles through clause links
	st := cs.st
	hw := &st.w[h]
	if hw.personalPron {
		in.ms = []mention{{head: h, first: h, last: h, pron: true}}
		return in
	}
	core := cs.core(h)
	// The window adds "of" phrases, which names may run into ("Prince of
	// Dol Amroth", "Ministry of Silly Walks").
	window := slices.Clone(core)
	var ofKids []int
	for _, k := range hw.kids {
		if st.w[k].rel == "nmod" && st.w[k].sub != "poss" && st.prep(k) == "OF" {
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
	ids := make([]int, 0, len(window))
	for _, i := range window {
		if st.w[i].upos == "PUNCT" && len(st.w[i].form) == 1 {
			continue
		}
		words = append(words, st.w[i].uform)
		ids = append(ids, i)
	}
	var actors []actorHit
	var agents []agentHit
	for i := 0; i < len(words); {
		if !inCore[ids[i]] {
			i++
			continue
		}
		m, ok := cs.c.d.MatchAt(words, i)
		if !ok {
			i++
			continue
		}
		first, last := ids[i], ids[i+m.Len-1]
		for _, k := range ofKids {
			if last >= k && first < k {
				if in.usedOf == nil {
					in.usedOf = map[int]bool{}
				}
				in.usedOf[k] = true
			}
		}
		if m.Actor != nil {
			if dc, ok := m.Actor.CodeAt(cs.date); ok {
				actors = append(actors, actorHit{a: m.Actor, code: dc, name: m.Name, first: first, last: last})
			}
		} else {
			agents = append(agents, agentHit{a: m.Agent, name: m.Name, first: first, last: last})
		}
		i += m.Len
	}
	in.agents = agents
	first, last := core[0], core[len(core)-1]
	spanOf := func(f, l int) (int, int) { return min(f, first), max(l, last) }

	if len(actors) > 0 {
		var modAgents []agentHit
		for _, g := range agents {
			if !(g.first <= h && h <= g.last) {
				modAgents = append(modAgents, g)
			}
		}
		seen := map[string]bool{}
		for _, a := range actors {
			code := mixCode(a.code.Code, agents)
			if !realCode(code) && !strings.HasPrefix(code, dict.NullCode) || seen[code] {
				continue
			}
			if code == dict.NullCode {
				continue
			}
			seen[code] = true
			f, l := spanOf(a.first, a.last)
			m := mention{code: code, head: h, first: f, last: l, ev: actorEvidence(a, agents)}
			in.ms = append(in.ms, m)
			sh := m
			sh.code = mixCode(a.code.Code, modAgents)
			in.shared = append(in.shared, sh)
		}
		if len(in.ms) > 0 {
			return in
		}
	}
	// No actor on the phrase's own words: the first prepositional phrase
	// that names one supplies it ("soldiers from Gondor").
	for _, k := range hw.kids {
		w := &st.w[k]
		if w.rel != "nmod" || w.sub == "poss" || in.usedOf[k] || st.prep(k) == "" {
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
			in.ms = append(in.ms, mm)
		}
		return in
	}
	if len(agents) > 0 {
		code := mixCode("", agents)
		if code != "" {
			in.ms = []mention{{code: code, head: h, first: first, last: last, ev: agentEvidence(agents)}}
		}
		return in
	}
	if n := cs.c.opts.NewActorLength; n > 0 && (hw.upos == "NOUN" || hw.upos == "PROPN") {
		var words []string
		for _, i := range core {
			if st.w[i].upos != "DET" && st.w[i].upos != "PUNCT" {
				words = append(words, st.w[i].uform)
			}
		}
		if len(words) > 0 && len(words) <= n {
			code := `"` + strings.Join(words, " ") + `"`
			in.ms = []mention{{code: code, head: h, first: first, last: last,
				ev: []Evidence{{Role: "new actor", Entry: strings.Join(words, " "), Code: code}}}}
		}
	}
	return in
}

// group codes h and its conjuncts ("Arnor, Gondor and Bree"). A conjunct
// that names only an agent borrows the actors the others share: "Danish
// media and government" codes DNKMED and DNKGOV.
func (cs *coding) group(h int) []mention {
	heads := cs.conjuncts(h)
	infos := make([]*npInfo, len(heads))
	for i, c := range heads {
		infos[i] = cs.npCodes(c)
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
		if !hasReal && len(in.agents) > 0 && len(shared) > 0 {
			for _, s := range shared {
				m := s
				m.code = mixCode(s.code, in.agents)
				m.head = heads[i]
				m.first, m.last = min(s.first, heads[i]), max(s.last, heads[i])
				m.ev = append(slices.Clone(s.ev), agentEvidence(in.agents)...)
				out = append(out, m)
			}
			continue
		}
		out = append(out, in.ms...)
	}
	return dedupe(out)
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
		if !strings.Contains(code, g.a.Code) {
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
