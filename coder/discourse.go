package coder

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"dyad/codebook"
	"dyad/nlp"
)

// Discourse is what the earlier sentences of one text said about actors:
// which were named, in what words, how recently and in what role. CodeIn
// codes a sentence in a discourse: references that name no actor of their
// own — pronouns ("it", "they"), descriptions ("the group", "the
// militants", "both groups", "the two sides") and shortened names ("the
// Islamic Army" after "the Islamic Army in Iraq") — stand for the most
// salient actors that fit them, and the sentence's actors then join the
// discourse.
//
// Salience is simple and explainable: each sentence that names an actor adds
// 2 to its score if the actor is a subject there, 1 if an object, 0.5
// otherwise, and every later sentence halves the score. A reference takes
// the actors of highest salience among those of the right kind (armed
// groups for "the militants", states for "the country", any for "the two
// sides") and number, and the evidence of the event says which it took and
// why. The zero value is an empty discourse. A Discourse is not safe for
// concurrent use: keep one per text.
type Discourse struct {
	sent int // sentences coded so far
	ents []*entity
}

// entity is an actor of the discourse, known by its code.
type entity struct {
	code   string
	kind   actorKind
	plural bool
	name   string          // the words of the sentence that first named it
	words  map[string]bool // upper-case words of the names it was found by
	ev     []Evidence      // the dictionary entries that named it
	score  float64         // salience as of sentence at
	at     int
	last   int // the last sentence that mentioned it
}

// actorKind is the broad kind of an actor, from its code.
type actorKind uint8

const (
	stateActor  actorKind = iota + 1 // a country, its government, forces, people
	armedActor                       // rebels, insurgents, armed groups, international armed groups
	otherActor                       // organisations: IGOs, NGOs, companies, opposition
	unknownKind                      // a new actor coded by its words
)

// kindOf classifies an actor code: the first part an organisation kind
// (IGO, NGO, IMG…) or a role of armed opposition (REB, UAF, INS, SEP)
// anywhere make it non-state.
func kindOf(code string) actorKind {
	if strings.HasPrefix(code, `"`) || len(code) < 3 {
		return unknownKind
	}
	armed := false
	for i := 0; i+3 <= len(code); i += 3 {
		switch code[i : i+3] {
		case "REB", "UAF", "INS", "SEP", "IMG", "RAD":
			armed = true
		}
	}
	if armed {
		return armedActor
	}
	if t, ok := codebook.ActorType(code[:3]); ok && t.Kind == codebook.Organisation {
		return otherActor
	}
	if strings.Contains(code, "OPP") {
		return otherActor
	}
	return stateActor
}

// salience returns e's salience at sentence n.
func (e *entity) salience(n int) float64 {
	return e.score * math.Pow(0.5, float64(n-e.at))
}

// Sentences returns the number of sentences coded in the discourse.
func (d *Discourse) Sentences() int { return d.sent }

// entity returns the entity with code, or nil.
func (d *Discourse) entity(code string) *entity {
	for _, e := range d.ents {
		if e.code == code {
			return e
		}
	}
	return nil
}

// CodeIn codes s like Code, as the next sentence of the text that d
// follows: references in s resolve to the actors of earlier sentences (and
// of earlier words of s), and s's actors join d.
func (c *Coder) CodeIn(s *nlp.Sentence, date int, d *Discourse) Result {
	return c.code(s, date, d)
}

// Role weights of a mention in salience.
const (
	subjectWeight = 2
	objectWeight  = 1
	otherWeight   = 0.5
	// minSalience is the least salience an actor needs to be referred to:
	// named once, in passing, about five sentences back.
	minSalience = 0.02
)

// observe adds the actors the sentence named (cs.pre) to the discourse.
func (cs *coding) observe() {
	d := cs.disc
	n := d.sent
	best := map[string]float64{}
	var order []mention
	for _, m := range cs.pre {
		w := cs.roleWeight(m.head)
		if old, ok := best[m.code]; !ok {
			order = append(order, m)
			best[m.code] = w
		} else if w > old {
			best[m.code] = w
		}
	}
	for _, m := range order {
		e := d.entity(m.code)
		if e == nil {
			e = &entity{code: m.code, kind: kindOf(m.code), words: map[string]bool{}, at: n}
			d.ents = append(d.ents, e)
		}
		if e.name == "" && m.name != "" {
			e.name = m.name
			e.plural = cs.plural(m.head)
			for _, ev := range m.ev {
				if ev.Role == "actor" || ev.Role == "agent" {
					e.ev = append(e.ev, ev)
				}
				if ev.Role == "actor" {
					for _, w := range strings.FieldsFunc(ev.Entry, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
						e.words[strings.ToUpper(w)] = true
					}
				}
			}
		}
		e.score = e.salience(n) + best[m.code]
		e.at, e.last = n, n
	}
}

// roleWeight is the salience weight of a phrase headed by h: subjects
// (and their conjuncts) weigh most, then objects.
func (cs *coding) roleWeight(h int) float64 {
	w := &cs.st.w[h]
	for w.rel == "conj" && w.head > 0 {
		w = &cs.st.w[w.head]
	}
	switch w.rel {
	case "nsubj":
		return subjectWeight
	case "obj", "iobj":
		return objectWeight
	}
	return otherWeight
}

// plural reports whether word h is a plural noun.
func (cs *coding) plural(h int) bool {
	t := &cs.st.src.Tokens[h-1]
	return t.XPOS == "NNS" || t.XPOS == "NNPS" || strings.Contains(t.Feats, "Number=Plur")
}

// spanIDs returns first..last.
func (cs *coding) spanIDs(first, last int) []int {
	ids := make([]int, 0, last-first+1)
	for i := first; i <= last; i++ {
		ids = append(ids, i)
	}
	return ids
}

// collect codes every noun phrase of the sentence in order, so that the
// actors it names are known before references later in the sentence are
// resolved, and so that they can join the discourse.
func (cs *coding) collect() {
	st := cs.st
	for i := 1; i < len(st.w); i++ {
		w := &st.w[i]
		if !isNominal(w.upos) || coreRel(w) && !(w.rel == "nmod" && w.sub == "poss") {
			continue
		}
		for _, m := range cs.npCodes(i).ms {
			ms := []mention{m}
			if m.pron {
				ms = cs.resolveAll(ms, cs.clauseOf(i))
			}
			for _, r := range ms {
				if r.real() {
					cs.pre = append(cs.pre, r)
				}
			}
		}
	}
}

// candidate is an actor a reference may stand for, with its salience.
type candidate struct {
	code     string
	kind     actorKind
	plural   bool
	name     string
	words    map[string]bool
	ev       []Evidence
	salience float64
	where    string
}

// candidates returns the actors a reference at word h may stand for, most
// salient first: those of the discourse, and those named earlier in the
// sentence, which count as if named in a sentence of their own.
func (cs *coding) candidates(h int) []candidate {
	d := cs.disc
	n := d.sent
	var out []candidate
	for _, e := range d.ents {
		s := e.salience(n)
		if s < minSalience {
			continue
		}
		out = append(out, candidate{code: e.code, kind: e.kind, plural: e.plural, name: e.name, words: e.words, ev: e.ev,
			salience: s, where: fmt.Sprintf("last mentioned in sentence %d", e.last+1)})
	}
	clause := cs.clauseOf(h)
	for _, m := range cs.pre {
		if m.head >= h || m.ref {
			continue
		}
		if cs.st.w[m.head].rel == "nsubj" && cs.st.w[m.head].head == clause && clause != h {
			continue // "A condemned the country": not A itself
		}
		k := slices.IndexFunc(out, func(c candidate) bool { return c.code == m.code })
		if k < 0 {
			words := map[string]bool{}
			var ev []Evidence
			for _, x := range m.ev {
				if x.Role == "actor" {
					for _, w := range strings.FieldsFunc(x.Entry, func(r rune) bool { return r == ' ' || r == '_' || r == '-' }) {
						words[strings.ToUpper(w)] = true
					}
				}
				if x.Role == "actor" || x.Role == "agent" {
					ev = append(ev, x)
				}
			}
			name := m.name
			if name == "" {
				name = cs.st.text(cs.spanIDs(m.first, m.last))
			}
			out = append(out, candidate{code: m.code, kind: kindOf(m.code), plural: cs.plural(m.head),
				name: name, words: words, ev: ev})
			k = len(out) - 1
		}
		out[k].salience += cs.roleWeight(m.head)
		out[k].where = "named earlier in this sentence"
	}
	// A code that extends another of the same kind names a part of that
	// actor ("the Islamic Army's fighters", IRQREBUAF, of IRQREB; "US
	// forces" of the US): it counts for the actor, so that "both groups"
	// are two actors, not one and its part.
	slices.SortStableFunc(out, func(a, b candidate) int { return len(a.code) - len(b.code) })
	var folded []candidate
	for _, c := range out {
		k := slices.IndexFunc(folded, func(f candidate) bool { return f.kind == c.kind && strings.HasPrefix(c.code, f.code) })
		if k >= 0 {
			folded[k].salience += c.salience
			continue
		}
		folded = append(folded, c)
	}
	slices.SortStableFunc(folded, func(a, b candidate) int {
		switch {
		case a.salience > b.salience:
			return -1
		case a.salience < b.salience:
			return 1
		}
		return 0
	})
	return folded
}

// Nouns that describe an actor already named, by the kinds they fit.
var (
	groupNouns = setOf("GROUP", "ORGANISATION", "ORGANIZATION", "MOVEMENT", "FACTION", "OUTFIT", "NETWORK",
		"ALLIANCE", "COALITION", "ORGANISATIONS", "ORGANIZATIONS")
	armedNouns = setOf("MILITANT", "FIGHTER", "REBEL", "INSURGENT", "JIHADIST", "GUERRILLA", "GUERRILLAS",
		"EXTREMIST", "GUNMAN", "GUNMEN", "MILITIA", "INSURGENCY")
	stateNouns   = setOf("COUNTRY", "NATION", "STATE", "NEIGHBOUR", "NEIGHBOR", "KINGDOM", "REPUBLIC")
	neutralNouns = setOf("SIDE", "PARTY", "RIVAL", "FOE", "ALLY", "PARTNER", "CAMP", "ENEMY", "ADVERSARY", "BELLIGERENT")
	// stateRoles are agent codes that describe part of a state: "the
	// government", "the army", "the police" refer to the salient country's.
	stateRoles = setOf("GOV", "MIL", "COP", "JUD", "LEG", "SPY")
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// refer resolves the phrase headed by h, which names no actor of its own
// (in holds its coding), to actors of the discourse, or returns nil.
func (cs *coding) refer(h int, in *npInfo) []mention {
	st := cs.st
	w := &st.w[h]
	switch w.upos {
	case "PROPN":
		return cs.referName(h, in)
	case "NOUN":
	default:
		return nil
	}
	count, definite := cs.determiners(h)
	if !definite {
		return nil
	}
	for _, i := range cs.core(h) {
		if x := &st.w[i]; i != h && x.upos == "PROPN" && (x.rel == "compound" || x.rel == "flat") {
			return nil // "the Radaa force": a name the dictionaries lack
		}
	}
	lemma := w.ulem
	fits := func(k actorKind) bool { return true }
	var agentCodes []agentHit
	switch {
	case groupNouns[lemma]:
		fits = func(k actorKind) bool { return k == armedActor || k == otherActor }
	case armedNouns[lemma]:
		fits = func(k actorKind) bool { return k == armedActor }
	case stateNouns[lemma]:
		fits = func(k actorKind) bool { return k == stateActor }
	case neutralNouns[lemma]:
	case len(in.agents) > 0 && count == 1 && hasStateRole(in.agents):
		fits = func(k actorKind) bool { return k == stateActor }
		agentCodes = in.agents
	case len(in.agents) > 0 && hasArmedRole(in.agents):
		fits = func(k actorKind) bool { return k == armedActor }
	default:
		return nil
	}
	var picked []candidate
	for _, c := range cs.candidates(h) {
		if !fits(c.kind) {
			continue
		}
		if agentCodes != nil {
			// "the government" is the salient country's government.
			c.code = mixCode(c.code[:3], agentCodes)
			if slices.ContainsFunc(picked, func(p candidate) bool { return p.code == c.code }) {
				continue
			}
		}
		picked = append(picked, c)
		if len(picked) == count {
			break
		}
	}
	if len(picked) < count {
		return nil
	}
	return cs.refMentions(h, picked, agentEvidence(agentCodes))
}

// determiners returns how many actors the noun phrase headed by h refers to
// ("both", "the two": 2) and whether it is definite ("the", "this",
// "both"); an indefinite phrase ("a group") introduces an actor rather than
// referring to one.
func (cs *coding) determiners(h int) (count int, definite bool) {
	st := cs.st
	count = 1
	for _, k := range st.w[h].kids {
		x := &st.w[k]
		switch x.ulem {
		case "THE", "THIS", "THAT", "THESE", "THOSE":
			if x.rel == "det" {
				definite = true
			}
		case "BOTH":
			definite, count = true, 2
		case "TWO", "2":
			if x.rel == "nummod" {
				count = 2
			}
		case "THREE", "3":
			if x.rel == "nummod" {
				count = 3
			}
		}
	}
	return count, definite
}

func hasStateRole(agents []agentHit) bool {
	return slices.ContainsFunc(agents, func(g agentHit) bool { return stateRoles[g.a.Code] && !g.a.Prefix })
}

func hasArmedRole(agents []agentHit) bool {
	return slices.ContainsFunc(agents, func(g agentHit) bool {
		switch g.a.Code {
		case "REB", "UAF", "INS", "SEP", "RAD":
			return true
		}
		return false
	})
}

// referName resolves a proper name the dictionaries do not know to an
// actor of the discourse whose names hold all of its words: "the Islamic
// Army" after "the Islamic Army in Iraq".
func (cs *coding) referName(h int, in *npInfo) []mention {
	st := cs.st
	var words []string
	for _, i := range cs.core(h) {
		x := &st.w[i]
		switch x.upos {
		case "PROPN", "NOUN", "ADJ":
			words = append(words, x.uform)
		}
	}
	if len(words) == 0 {
		return nil
	}
	for _, c := range cs.candidates(h) {
		all := true
		for _, w := range words {
			if !c.words[w] {
				all = false
				break
			}
		}
		if all {
			return cs.refMentions(h, []candidate{c}, nil)
		}
	}
	return nil
}

// referPronoun resolves a personal pronoun that no clause of its sentence
// explains: "they" to the most salient actor named in the plural (else the
// most salient), the others to the most salient named in the singular.
func (cs *coding) referPronoun(h int) []mention {
	cands := cs.candidates(h)
	switch cs.st.w[h].ulem {
	case "THEY", "THEM":
		for _, c := range cands {
			if c.plural {
				return cs.refMentions(h, []candidate{c}, nil)
			}
		}
		if len(cands) > 0 {
			return cs.refMentions(h, cands[:1], nil)
		}
	default:
		for _, c := range cands {
			if !c.plural {
				return cs.refMentions(h, []candidate{c}, nil)
			}
		}
	}
	return nil
}

// refMentions makes the mentions of a reference at h to the picked actors,
// with evidence naming each and why it was chosen.
func (cs *coding) refMentions(h int, picked []candidate, extra []Evidence) []mention {
	st := cs.st
	core := cs.core(h)
	first, last := core[0], core[len(core)-1]
	phrase := st.text(cs.spanIDs(first, last))
	var out []mention
	for _, c := range picked {
		ev := []Evidence{{Role: "reference", Code: c.code,
			Entry: fmt.Sprintf("%q → %q (salience %.2f, %s)", phrase, c.name, c.salience, c.where)}}
		ev = append(ev, c.ev...)
		ev = append(ev, extra...)
		out = append(out, mention{code: c.code, head: h, first: first, last: last, ev: ev, ref: true})
	}
	return out
}
