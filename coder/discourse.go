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
	// protest is set once a sentence has told of a protest: students,
	// workers and residents of the story are then protesters (OPP).
	protest bool
	// home is the country of a wire story's dateline ("COLOMBO
	// 1996-08-22"): the country of its agents named without one.
	home string
	// period is when an undated story happens, as far as the terms of
	// office of the people it names tell (from, to; YYYYMMDD, 0 for
	// unknown or open): the time most of those terms share (settle).
	period [2]int
	// terms are the distinct terms of office the story's people were
	// taken in (codeAt).
	terms []office
	// people are the people the story introduced by office or role,
	// remembered by name for the whole story (rememberPeople).
	people []*person
	// surnames are the last words of personal names the story gave
	// whose last word is also an agent noun ("Kevin King"): later,
	// capitalised and alone, the word is that person, not the title.
	surnames map[string]bool
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
	pos    int // the word of that mention, to break ties by recency
	// thing is set for a noun phrase that names no actor ("the deal",
	// "the drills"): a pronoun may refer to it rather than to an actor.
	thing bool
	// person is set once a mention named the actor as one person ("the
	// minister", "Alexander Livshits"): "he" and "she" stand only for
	// such actors.
	person bool
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

// SameSide reports whether two actor codes may name one actor told at two
// levels of detail: different codes of the same country (or organisation
// kind) and the same broad kind — a state's organs, armed groups, or other
// organisations. "Iraqi armed group" (IRQUAF) and the Islamic Army in Iraq
// (IRQREB) may; Iraq (IRQ) and the Islamic Army may not.
func SameSide(a, b string) bool {
	return a != b && realCode(a) && realCode(b) && len(a) >= 3 && len(b) >= 3 && a[:3] == b[:3] && kindOf(a) == kindOf(b)
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
	return c.code(s, date, d, false)
}

// Foresee reads the sentences of a text before it is coded and returns
// the discourse to code them in, knowing what holds for the whole text:
// the country of its wire dateline and, in an undated story, the time the
// terms of office of the people it names allow (codeAt). A headline that
// names "police" or "the Tories" before the story says whose they are is
// then understood as the story is. Actors' salience is not carried over:
// references still look back only.
func (c *Coder) Foresee(sents []*nlp.Sentence, date int) *Discourse {
	if c.opts.PETRARCH {
		return &Discourse{}
	}
	// In a dated story no term of office is collected (codeAt), so the
	// read ahead looks only for the home country: it ends once that is
	// known or once no later sentence can be a dateline line or open
	// with an inline dateline. The
	// sentences before are still read, since a dateline's actors may
	// resolve against theirs.
	last := len(sents) - 1
	if date != 0 {
		for last >= 0 && !mayBeDatedDateline(sents[last]) && !(last < datelineSentences && mayBeInlineDateline(sents[last])) {
			last--
		}
	}
	scratch := &Discourse{}
	for _, s := range sents[:last+1] {
		c.code(s, date, scratch, true)
		if date != 0 && scratch.home != "" {
			break
		}
	}
	return &Discourse{home: scratch.home, period: scratch.period, terms: scratch.terms}
}

// narrow adds a term of office the story names and settles its period
// again.
func (d *Discourse) narrow(o office) {
	if o.term[0] == 0 {
		return
	}
	i := slices.IndexFunc(d.terms, func(t office) bool { return t.term == o.term })
	switch {
	case i < 0:
		d.terms = append(d.terms, office{term: o.term, titled: o.titled})
	case o.titled && !d.terms[i].titled:
		d.terms[i].titled = true
	default:
		return
	}
	d.period = settle(d.terms)
}

// titledWeight is how many people's terms a term named with its title
// counts for in settle.
const titledWeight = 3

// settle returns the time that most terms of office share: the terms
// holding one day, the day most of them hold, and no other day as many
// (a strict majority of all terms, a term named with its title counting
// as titledWeight), narrowed to what all those terms hold. Not every
// person an undated story names is in office: "the Shadow Secretary,
// Theresa May" in a story where Tony Blair and Gordon Brown govern was
// Prime Minister later, and her later term must not make the story's time
// unknown, nor "Keir Starmer, a senior Labour Party figure" in a story of
// "Prime Minister Boris Johnson". Two terms that do not overlap, named
// alike, or as many on each side, leave it unknown ({0, 0}).
func settle(terms []office) [2]int {
	holds := func(o office, t int) bool { return o.term[0] <= t && (o.term[1] == 0 || t <= o.term[1]) }
	weight := func(o office) int {
		if o.titled {
			return titledWeight
		}
		return 1
	}
	best, bestN, tie, all := 0, 0, false, 0
	for _, c := range terms {
		all += weight(c)
		n := 0
		for _, o := range terms {
			if holds(o, c.term[0]) {
				n += weight(o)
			}
		}
		switch {
		case n > bestN:
			best, bestN, tie = c.term[0], n, false
		case n == bestN && c.term[0] != best:
			// Another day as many terms hold: the same time if those
			// terms are the same.
			same := true
			for _, o := range terms {
				if holds(o, c.term[0]) != holds(o, best) {
					same = false
					break
				}
			}
			tie = tie || !same
		}
	}
	if tie || 2*bestN <= all {
		return [2]int{}
	}
	var p [2]int
	for _, o := range terms {
		if !holds(o, best) {
			continue
		}
		p[0] = max(p[0], o.term[0])
		if o.term[1] != 0 && (p[1] == 0 || o.term[1] < p[1]) {
			p[1] = o.term[1]
		}
	}
	return p
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

// datelineSentences is how many sentences into a story an inline dateline
// may come: after the headline and a standfirst.
const datelineSentences = 3

// datelineCountry returns the country of the place an inline dateline
// opening the sentence names ("HANOI, Vietnam (AP) —", "WASHINGTON –"),
// or "": like a wire story's dated dateline line, it says where the story
// happens, and whose the police or the prosecutors named without a
// country are.
func (cs *coding) datelineCountry() string {
	st := cs.st
	var words, forms []string
	for i := 1; i < len(st.w) && st.w[i].dateline; i++ {
		if st.w[i].upos != "PUNCT" {
			words = append(words, st.w[i].uform)
			forms = append(forms, st.w[i].form)
		}
	}
	for i := range words {
		m, ok := cs.c.d.MatchFormsAt(words, forms, i)
		if !ok || m.Actor == nil {
			continue
		}
		dc, ok := m.Actor.CodeAt(cs.date)
		if !ok || len(dc.Code) < 3 {
			continue
		}
		if _, org := codebook.ActorType(dc.Code[:3]); org {
			continue
		}
		return dc.Code[:3]
	}
	return ""
}

// observe adds the actors the sentence named (cs.pre), and the noun
// phrases that name none (cs.things), to the discourse.
func (cs *coding) observe() {
	d := cs.disc
	d.protest = d.protest || cs.protestWords()
	for _, o := range cs.offices {
		d.narrow(o)
	}
	if d.home == "" && cs.datedDateline() {
		for _, m := range cs.pre {
			if m.real() && len(m.code) >= 3 {
				d.home = m.code[:3]
				break
			}
		}
	}
	if d.home == "" && d.sent < datelineSentences {
		d.home = cs.datelineCountry()
	}
	n := d.sent
	best := make(map[string]float64, len(cs.pre)+len(cs.things))
	order := make([]mention, 0, len(cs.pre)+len(cs.things))
	for _, ms := range [2][]mention{cs.pre, cs.things} {
		for _, m := range ms {
			w := cs.roleWeight(m.head)
			if old, ok := best[m.code]; !ok {
				order = append(order, m)
				best[m.code] = w
			} else if w > old {
				best[m.code] = w
			}
		}
	}
	for _, m := range order {
		e := d.entity(m.code)
		if e == nil {
			e = &entity{code: m.code, kind: kindOf(m.code), words: map[string]bool{}, at: n, thing: m.thing}
			d.ents = append(d.ents, e)
		}
		if m.thing {
			e.plural = cs.plural(m.head)
		}
		if m.name != "" {
			e.plural = cs.plural(m.head) // as last named
		}
		if e.name == "" && m.name != "" {
			e.name = m.name
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
		e.at, e.last, e.pos = n, n, m.head
	}
	// An actor named as one person, or a person the sentence introduced,
	// is a person ("he" may stand for it).
	for _, m := range slices.Concat(cs.pre, cs.things) {
		if e := d.entity(m.code); e != nil && m.person {
			e.person = true
		}
	}
	for _, p := range d.people {
		if e := d.entity(p.code); e != nil && p.sent == n {
			e.person = true
		}
	}
	// Actors no reference can reach any more are forgotten, so that a long
	// text keeps its discourse small.
	d.ents = slices.DeleteFunc(d.ents, func(e *entity) bool { return e.salience(n+1) < minSalience })
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

// plural reports whether word h is a plural common noun: a proper name
// in the plural ("the United States") names one actor.
func (cs *coding) plural(h int) bool {
	t := &cs.st.src.Tokens[h-1]
	return t.UPOS == "NOUN" && (t.XPOS == "NNS" || strings.Contains(t.Feats, "Number=Plur"))
}

// isPlural reports whether pronoun h is "they" or "them".
func (cs *coding) isPlural(h int) bool {
	u := cs.st.w[h].ulem
	return u == "THEY" || u == "THEM"
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
		named := false
		if !cs.c.opts.PETRARCH {
			cs.rememberPeople(i, cs.npCodes(i).ms)
		}
		for _, m := range cs.npCodes(i).ms {
			ms := []mention{m}
			if m.pron {
				ms = cs.resolveAll(ms, cs.clauseOf(i))
			}
			for _, r := range ms {
				if r.real() {
					cs.pre = append(cs.pre, r)
					named = true
				}
			}
			named = named || m.pron
		}
		if !named && (w.upos == "NOUN" || w.upos == "PROPN") && thingRel(w) {
			// A person no dictionary knows ("Julian Assange", "the
			// lawyer") is not an actor, but "he" may be that person.
			// A person the story introduced is its actor, not a thing.
			if !cs.c.opts.PETRARCH && w.upos == "PROPN" && cs.knownPerson(i) != nil {
				continue
			}
			person := w.upos == "PROPN" && cs.nameOfPerson(i) || personNouns[w.ulem] && !cs.plural(i)
			cs.things = append(cs.things, mention{code: "thing:" + w.ulem, head: i, first: i, last: i, thing: true, person: person})
		}
	}
}

// thingRel reports whether a noun with this relation is a participant a
// later pronoun may refer to, not a time or a measure.
func thingRel(w *word) bool {
	switch w.rel {
	case "nsubj", "obj", "iobj":
		return true
	case "obl", "nmod":
		return w.sub != "tmod" && w.sub != "npmod" && w.sub != "unmarked"
	}
	return false
}

// references returns the references resolved in the sentence, in order.
func (cs *coding) references() []Reference {
	heads := make([]int, 0, len(cs.refs))
	for h := range cs.refs {
		heads = append(heads, h)
	}
	slices.Sort(heads)
	out := make([]Reference, 0, len(heads))
	for _, h := range heads {
		out = append(out, *cs.refs[h])
	}
	return out
}

// noteRef records that the phrase headed by h was taken to mean the
// actors of ms.
func (cs *coding) noteRef(h int, ms []mention) {
	if cs.disc == nil || len(ms) == 0 {
		return
	}
	if cs.refs == nil {
		cs.refs = map[int]*Reference{}
	}
	r := &Reference{Span: cs.refSpan(h)}
	for _, m := range ms {
		if slices.Contains(r.Codes, m.code) {
			continue
		}
		why := ""
		for _, ev := range m.ev {
			if ev.Role == "reference" || ev.Role == "pronoun" {
				why = ev.Entry
				break
			}
		}
		r.Codes, r.Why = append(r.Codes, m.code), append(r.Why, why)
	}
	cs.refs[h] = r
}

// refSpan is the span of the phrase headed by h without a possessive
// marker or punctuation at its end.
func (cs *coding) refSpan(h int) Span {
	core := cs.core(h)
	first, last := core[0], core[len(core)-1]
	for last > first {
		w := &cs.st.w[last]
		if w.upos != "PUNCT" && w.ulem != "'S" && w.uform != "'" && w.uform != "'S" {
			break
		}
		last--
	}
	return cs.span(first, last)
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
	// where says where the actor was mentioned, for the evidence; empty
	// for an actor of the discourse, last mentioned in sentence last
	// (whereText), which is spelled out only for the candidate picked.
	where string
	thing bool
	last  int // the sentence and word of the last mention
	pos   int
}

// whereText says where the candidate was last mentioned.
func (c *candidate) whereText() string {
	if c.where != "" {
		return c.where
	}
	return fmt.Sprintf("last mentioned in sentence %d", c.last+1)
}

// candidates returns the actors a reference at word h may stand for, most
// salient first (the most recent first at equal salience): those of the
// discourse, and those named earlier in the sentence, which count as if
// named in a sentence of their own. With things, noun phrases that name
// no actor are candidates too, for pronouns.
func (cs *coding) candidates(h int, things bool) []candidate {
	d := cs.disc
	n := d.sent
	out := make([]candidate, 0, len(d.ents)+len(cs.pre)+len(cs.things))
	for _, e := range d.ents {
		s := e.salience(n)
		if s < minSalience || e.thing && !things {
			continue
		}
		out = append(out, candidate{code: e.code, kind: e.kind, plural: e.plural, name: e.name, words: e.words, ev: e.ev,
			salience: s, thing: e.thing, last: e.last, pos: e.pos})
	}
	// The subject of the reference's own clause, or of the clause that
	// controls it, is not what it refers to ("A condemned the country",
	// "A expelled diplomats, accusing them").
	subj := cs.effectiveSubjects(h)
	var excluded []string
	for _, m := range cs.pre {
		if slices.Contains(subj, m.head) && !slices.Contains(subj, h) {
			excluded = append(excluded, m.code)
		}
	}
	// So are the actor's other names in the discourse: Mali's government
	// subject, not Mali, is "him".
	out = slices.DeleteFunc(out, func(c candidate) bool {
		return slices.ContainsFunc(excluded, func(x string) bool { return x == c.code || SameSide(x, c.code) || hasPrefixCode(x, c.code) })
	})
	pre := cs.pre
	if things {
		pre = append(slices.Clone(pre), cs.things...)
	}
	for _, m := range pre {
		if m.head >= h || m.ref || slices.ContainsFunc(excluded, func(x string) bool { return x == m.code || SameSide(x, m.code) || hasPrefixCode(x, m.code) }) {
			continue
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
				name: name, words: words, ev: ev, thing: m.thing})
			k = len(out) - 1
		}
		out[k].salience += cs.roleWeight(m.head)
		out[k].where = "named earlier in this sentence"
		out[k].plural = cs.plural(m.head)
		out[k].last, out[k].pos = n, m.head
	}
	// A code that extends another of the same kind names a part of that
	// actor ("the Islamic Army's fighters", IRQREBUAF, of IRQREB; "US
	// forces" of the US): it counts for the actor, so that "both groups"
	// are two actors, not one and its part.
	// The most salient of such codes stands for all of them.
	bySalience(out)
	folded := make([]candidate, 0, len(out))
	for _, c := range out {
		k := slices.IndexFunc(folded, func(f candidate) bool {
			return f.kind == c.kind && (strings.HasPrefix(c.code, f.code) || strings.HasPrefix(f.code, c.code))
		})
		if k >= 0 {
			folded[k].salience += c.salience
			continue
		}
		folded = append(folded, c)
	}
	bySalience(folded)
	return folded
}

// bySalience sorts candidates most salient first, and at equal salience
// the most recently mentioned first.
func bySalience(cs []candidate) {
	slices.SortStableFunc(cs, func(a, b candidate) int {
		switch {
		case a.salience > b.salience+1e-9:
			return -1
		case a.salience < b.salience-1e-9:
			return 1
		case a.last != b.last:
			return b.last - a.last
		}
		return b.pos - a.pos
	})
}

// hasPrefixCode reports whether one of two actor codes extends the other
// (MLI and MLIGOV).
func hasPrefixCode(a, b string) bool {
	return realCode(a) && realCode(b) && (strings.HasPrefix(a, b) || strings.HasPrefix(b, a))
}

// effectiveSubjects returns the subject heads of the clause around word h:
// its own subject, or that of the clause a subjectless participle or
// conjoined verb depends on.
func (cs *coding) effectiveSubjects(h int) []int {
	st := cs.st
	c := cs.clauseOf(h)
	for depth := 0; c != h && c > 0 && depth < 4; depth++ {
		if s := cs.predSubjectsOrVerb(c); len(s) > 0 {
			return cs.subjectHeadsExpanded(s)
		}
		switch st.w[c].rel {
		case "advcl", "conj":
			if st.mark(c) == "TO" {
				return nil // "giving him time to leave the country": he leaves
			}
			c = cs.clauseOf(st.w[c].head)
		default:
			return nil
		}
	}
	return nil
}

// Nouns that describe an actor already named, by the kinds they fit.
var (
	groupNouns = setOf("GROUP", "ORGANISATION", "ORGANIZATION", "MOVEMENT", "FACTION", "OUTFIT", "NETWORK")
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
	if count == 1 && !cs.c.opts.PETRARCH {
		if ms := cs.rememberedTitle(h); ms != nil {
			return ms
		}
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
	case len(in.agents) > 0 && hasStateRole(in.agents):
		fits = func(k actorKind) bool { return k == stateActor }
		agentCodes = in.agents
	case len(in.agents) > 0 && hasArmedRole(in.agents):
		fits = func(k actorKind) bool { return k == armedActor }
	default:
		return nil
	}
	if home := cs.disc.home; home != "" && agentCodes != nil && count == 1 && !cs.c.opts.PETRARCH {
		// "the government" of a wire story is its dateline's country's.
		c := candidate{code: mixCode(home, agentCodes), kind: stateActor, name: "the dateline", where: "the story's dateline"}
		return cs.refMentions(h, []candidate{c}, agentEvidence(agentCodes))
	}
	var picked []candidate
	for _, c := range cs.candidates(h, false) {
		if !fits(c.kind) {
			continue
		}
		if neutralNouns[lemma] && len(picked) > 0 && (c.kind == otherActor) != (picked[0].kind == otherActor) {
			// "the two sides" of a conflict are states or armed groups, or
			// else organisations: not a state and the organisation it
			// appealed to.
			continue
		}
		if stateNouns[lemma] {
			c.code = c.code[:3] // "the country" is the country, not its government
			if slices.ContainsFunc(picked, func(p candidate) bool { return p.code == c.code }) {
				continue
			}
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
	for _, k := range cs.core(h) {
		// "both" may hang from a modifier ("both armed groups", parsed
		// with "both" under "armed").
		if st.w[k].ulem == "BOTH" {
			definite, count = true, 2
		}
	}
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
	for _, c := range cs.candidates(h, false) {
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

// humanPronouns stand for one person.
var humanPronouns = setOf("HE", "SHE", "HIM", "HER")

// referPerson resolves "he", "she", "him" or "her" to a person: one the
// sentence named before it (the subject first), else the person the story
// named last — never a country, an organisation or a plural ("He returned
// to Bonn" after "Germany said"), nor the subject or another argument of
// its own verb ("he asked the Ukrainian president"). A person no
// dictionary knows ends the search: "him" after "Assange is battling
// extradition" is Assange, whom nothing codes. People act in a role, so a
// bare country's code is no person's.
func (cs *coding) referPerson(h int) []mention {
	d := cs.disc
	excluded := cs.coArguments(h)
	subj := cs.effectiveSubjects(h)
	for _, m := range cs.pre {
		if slices.Contains(subj, m.head) && !slices.Contains(subj, h) {
			excluded = append(excluded, m.code)
		}
	}
	ok := func(code string, plural bool) bool {
		return !plural && (strings.HasPrefix(code, "thing:") || len(code) > 3) &&
			!slices.ContainsFunc(excluded, func(x string) bool { return x == code || SameSide(x, code) || hasPrefixCode(x, code) })
	}
	var pick *mention
	for _, m := range slices.Concat(cs.pre, cs.things) {
		if m.head < h && m.person && ok(m.code, cs.plural(m.head)) && !slices.Contains(subj, m.head) &&
			(pick == nil || cs.roleWeight(m.head) > cs.roleWeight(pick.head) || cs.roleWeight(m.head) == cs.roleWeight(pick.head) && m.head > pick.head) {
			pick = &m
		}
	}
	if pick != nil {
		if pick.thing {
			return nil
		}
		c := candidate{code: pick.code, name: cs.st.text(cs.spanIDs(pick.first, pick.last)), where: "named earlier in this sentence"}
		return cs.refMentions(h, []candidate{c}, nil)
	}
	var best *entity
	for _, e := range d.ents {
		if e.person && e.salience(d.sent) >= minSalience && ok(e.code, e.plural) &&
			(best == nil || e.last > best.last || e.last == best.last && e.salience(d.sent) > best.salience(d.sent)) {
			best = e
		}
	}
	if best == nil || best.thing {
		return nil
	}
	c := candidate{code: best.code, name: best.name, ev: best.ev, salience: best.salience(d.sent),
		where: fmt.Sprintf("last mentioned in sentence %d", best.last+1)}
	return cs.refMentions(h, []candidate{c}, nil)
}

// referPronoun resolves a personal pronoun that no clause of its sentence
// explains: "they" to the most salient actor named in the plural (else the
// most salient), the others to the most salient named in the singular.
func (cs *coding) referPronoun(h int) []mention {
	if humanPronouns[cs.st.w[h].ulem] && !cs.c.opts.PETRARCH {
		return cs.referPerson(h)
	}
	cands := cs.candidates(h, true)
	pick := func(c candidate) []mention {
		if c.thing {
			return nil // "they" are the drills, "it" the deal
		}
		return cs.refMentions(h, []candidate{c}, nil)
	}
	switch {
	case cs.isPlural(h):
		for _, c := range cands {
			if c.plural {
				return pick(c)
			}
		}
		for _, c := range cands {
			if !c.thing {
				return pick(c)
			}
		}
	default:
		for _, c := range cands {
			if !c.plural {
				return pick(c)
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
			Entry: fmt.Sprintf("%q → %q (salience %.2f, %s)", phrase, c.name, c.salience, c.whereText())}}
		ev = append(ev, c.ev...)
		ev = append(ev, extra...)
		out = append(out, mention{code: c.code, head: h, first: first, last: last, ev: ev, ref: true})
	}
	cs.noteRef(h, out)
	return out
}

// coArguments returns the actors of the other subjects and objects of the
// verb whose subject or object word h is; nil if h is neither.
func (cs *coding) coArguments(h int) []string {
	st := cs.st
	w := &st.w[h]
	if w.rel != "nsubj" && w.rel != "obj" && w.rel != "iobj" || w.head <= 0 {
		return nil
	}
	var out []string
	for _, k := range st.w[w.head].kids {
		x := &st.w[k]
		if k == h || x.personalPron || x.rel != "nsubj" && x.rel != "obj" && x.rel != "iobj" {
			continue
		}
		for _, m := range cs.npCodes(k).ms {
			if m.real() && !m.pron {
				out = append(out, m.code)
			}
		}
	}
	return out
}

// entityType returns the type of the named entity the recogniser found
// word h in (PER, ORG, LOC), or "".
func (cs *coding) entityType(h int) string {
	for _, e := range cs.st.src.Entities {
		if e.First <= h-1 && h-1 <= e.Last {
			return e.Type
		}
	}
	return ""
}

// nameOfPerson reports whether the proper noun h, which names no actor,
// may be a person's name: a name the recogniser does not take for an
// organisation or a place, nor a day or a month. The recogniser misses
// many people ("Assange", "Lang"), so a name it leaves untyped counts.
func (cs *coding) nameOfPerson(h int) bool {
	ids, _ := cs.personName(h)
	if ids == nil || slices.ContainsFunc(ids, func(i int) bool { return calendarWords[cs.st.w[i].uform] }) {
		return false
	}
	t := cs.entityType(h)
	return t == "" || t == "PER"
}
