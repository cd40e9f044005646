package coder

import (
	"slices"
	"strings"

	"dyad/dict"
)

// frame lists the constituents around a verb that pattern elements can
// match.
type frame struct {
	verb  int
	subj  []int     // subject heads (with conjuncts)
	nouns []int     // argument heads after the verb: objects, complements, prepositional objects
	preps []prepArg // prepositional phrases, and "to" + verb clauses
	parts []int     // particles and adverbs of the verb; a noun's modifiers
	poss  int       // a noun's possessor, 0 if none
}

// prepArg is a prepositional phrase: the preposition and its object's head
// (for "to" + infinitive, the verb).
type prepArg struct {
	prep string
	obj  int
}

// maxFrameDepth bounds how far a frame reaches into nested phrases.
const maxFrameDepth = 4

// buildFrame collects the constituents of verb v (and of the open clauses
// it governs, "vowed to wage war") that patterns can refer to.
func (cs *coding) buildFrame(v int, subj []int) *frame {
	f := &frame{verb: v, subj: subj}
	seen := map[int]bool{}
	var addNoun func(n, depth int)
	var addPrep func(p string, n, depth int)
	var visit func(v, depth int)
	st := cs.st
	addNoun = func(n, depth int) {
		if seen[n] || depth > maxFrameDepth {
			return
		}
		seen[n] = true
		f.nouns = append(f.nouns, n)
		for _, c := range cs.conjuncts(n)[1:] {
			if !seen[c] {
				seen[c] = true
				f.nouns = append(f.nouns, c)
			}
		}
		for _, k := range st.w[n].kids {
			w := &st.w[k]
			switch {
			case st.nominalDep(k):
				if p := st.prep(k); p != "" {
					addPrep(p, k, depth+1)
				}
			case w.rel == "acl" && st.mark(k) == "TO":
				addPrep("TO", k, depth+1)
			}
		}
	}
	addPrep = func(p string, n, depth int) {
		if depth > maxFrameDepth {
			return
		}
		f.preps = append(f.preps, prepArg{prep: p, obj: n})
		if st.w[n].upos == "VERB" {
			visit(n, depth+1)
			return
		}
		addNoun(n, depth)
	}
	visit = func(v, depth int) {
		if depth > maxFrameDepth {
			return
		}
		for _, k := range st.w[v].kids {
			w := &st.w[k]
			switch w.rel {
			case "obj", "iobj":
				addNoun(k, depth)
			case "obl", "nmod":
				if w.sub == "tmod" || w.sub == "npmod" || w.sub == "poss" {
					continue
				}
				if p := st.prep(k); adjunctPrep[p] {
					// A time ("a day before Sarkozy heads to Beijing") holds
					// none of the verb's arguments.
					continue
				} else if p != "" {
					addPrep(p, k, depth)
				} else {
					addNoun(k, depth)
				}
			case "xcomp", "ccomp":
				if w.rel == "ccomp" && isVerbal(st, k) && st.hasKid(k, "nsubj") {
					// A clause with a subject of its own tells its own
					// event: the verb's patterns see its verb, not the
					// phrases of its verb ("said a bomb was fired at it
					// on Tuesday in the first such attack").
					if !seen[k] {
						seen[k] = true
						f.nouns = append(f.nouns, k)
					}
				} else {
					addNoun(k, depth)
				}
				if isVerbal(st, k) {
					if st.mark(k) == "TO" {
						f.preps = append(f.preps, prepArg{prep: "TO", obj: k})
					}
					if w.rel == "xcomp" {
						visit(k, depth+1)
					}
				}
			case "advcl":
				if st.mark(k) == "TO" {
					addPrep("TO", k, depth)
				}
			case "compound":
				if w.sub == "prt" {
					f.parts = append(f.parts, k)
				}
			case "advmod":
				if !w.neg {
					f.parts = append(f.parts, k)
				}
			}
		}
	}
	visit(v, 0)
	return f
}

// isVerbal reports whether clause head i is a verb rather than a nominal
// or adjectival predicate.
func isVerbal(st *sent, i int) bool {
	return st.w[i].upos == "VERB" || st.w[i].upos == "AUX"
}

// patternMatch is a pattern matched at a verb.
type patternMatch struct {
	p     *dict.Pattern
	score int
	// srcSlot and tgtSlot are the mentions the pattern's $ and + pick, if
	// it has them; subjIsTarget is set by a + before the verb.
	srcSlot, tgtSlot []mention
	hasSrc, hasTgt   bool
	subjIsTarget     bool
	compound         bool
	// possSrc and possTgt are set when a noun pattern's slot before the
	// noun took its possessor.
	possSrc, possTgt bool
	// pairSlot are the actors of a phrase marked % inside a prepositional
	// phrase ("between %"), coded among themselves.
	pairSlot []mention
}

// bestPattern returns the best-scoring pattern of verb entry ve with an
// anchor of kind matching frame f, or nil. Ties go to a pattern written
// for the very verb of the sentence, else to the one listed first.
func (cs *coding) bestPattern(ve *dict.Verb, f *frame, kind dict.AnchorKind) *patternMatch {
	var best *patternMatch
	for _, p := range cs.c.d.AnchorPatterns(ve, kind) {
		if !cs.hasWords(p.Required()) {
			continue
		}
		m := cs.matchPattern(p, f)
		if m == nil {
			continue
		}
		if best == nil || m.score > best.score ||
			m.score == best.score && cs.writtenFor(m.p, f.verb) && !cs.writtenFor(best.p, f.verb) {
			best = m
		}
	}
	return best
}

// writtenFor reports whether pattern p's comment names word v (its lemma
// or form) as the verb it was written for. The PETRARCH-2 dictionaries
// pool the patterns of a block's verbs and keep each one's verb in a
// comment ("- * &TREATY [057] # RATIFY" beside "- * &TREATY [031:031] #
// APPROVE"): a sentence with "ratified" takes the RATIFY reading.
func (cs *coding) writtenFor(p *dict.Pattern, v int) bool {
	fs := strings.Fields(p.Comment)
	return len(fs) > 0 && cs.wordIs(v, strings.ToUpper(fs[0]))
}

// hasWords reports whether the sentence has all of words (as forms or
// lemmas).
func (cs *coding) hasWords(words []string) bool {
	if cs.words == nil {
		// Made on first use: most sentences match no pattern.
		n := len(cs.st.w)
		cs.words = make(map[string]bool, 2*n)
		for i := 1; i < n; i++ {
			cs.words[cs.st.w[i].uform] = true
			cs.words[cs.st.w[i].ulem] = true
		}
	}
	for _, w := range words {
		if !cs.words[w] {
			return false
		}
	}
	return true
}

// matchPattern matches p against frame f.
func (cs *coding) matchPattern(p *dict.Pattern, f *frame) *patternMatch {
	if p.Flat {
		return cs.matchFlat(p, f)
	}
	m := &patternMatch{p: p}
	if p.Anchor == dict.NounAnchor {
		if !cs.matchNounPre(m, p, f) {
			return nil
		}
	}
	// Elements before the verb describe the subject.
	for _, e := range p.Pre {
		if p.Anchor == dict.NounAnchor {
			break
		}
		switch e.Kind {
		case dict.SourceSlot:
			// The subject is the source, as by default.
		case dict.TargetSlot:
			m.subjIsTarget = true
		case dict.Compound:
			if !cs.compoundSubject(f.subj) {
				return nil
			}
			// Sides that act on each other act on no one else: "Algeria
			// and Egypt are fighting militants" is no fight between them.
			if !cs.c.opts.PETRARCH && len(p.Post) == 0 && cs.st.hasKid(f.verb, "obj") {
				return nil
			}
			m.compound = true
			m.score++
		case dict.Skip:
		default:
			s, _, ok := cs.matchElem(e, f.subj, nil, nil)
			if !ok {
				return nil
			}
			m.score += s
		}
	}
	// Elements after the verb describe its arguments; slots pick actors
	// after the position the previous element reached.
	pos := f.verb
	for _, e := range p.Post {
		switch e.Kind {
		case dict.SourceSlot, dict.TargetSlot, dict.Skip:
			ms, end := cs.nextMentions(f, pos, e.Kind == dict.Skip)
			pos = end
			cs.assignSlot(m, e.Kind, ms)
			continue
		case dict.Compound:
			continue
		}
		s, at, ok := cs.matchElem(e, f.nouns, f.preps, f.parts)
		if !ok {
			return nil
		}
		m.score += s
		// The next slot looks for actors after what this element matched:
		// after a prepositional phrase's slots, after its preposition if it
		// is bare ("(IN) $" finds the actor inside it), else after the word.
		end := at
		if e.Kind == dict.PrepPhrase {
			switch {
			case hasSlot(e.Elems):
				end = cs.prepSlots(m, e, at, f)
			case len(e.Elems) == 0:
				end = cs.caseOf(at)
			}
		}
		pos = max(pos, end)
	}
	if wantsPair(p.Post) && len(m.pairSlot) < 2 {
		return nil
	}
	return m
}

// wantsPair reports whether a prepositional phrase among es holds a pair
// slot (%).
func wantsPair(es []dict.Elem) bool {
	for _, e := range es {
		if e.Kind == dict.PrepPhrase && slices.ContainsFunc(e.Elems, func(in dict.Elem) bool { return in.Kind == dict.Compound }) {
			return true
		}
	}
	return false
}

// matchNounPre matches the elements a noun pattern has before its noun: a
// slot is the noun's possessor ("SRC 's attack"), % asks for a source naming
// several actors, and words must be among the noun's modifiers ("chemical
// attack").
func (cs *coding) matchNounPre(m *patternMatch, p *dict.Pattern, f *frame) bool {
	for _, e := range p.Pre {
		switch e.Kind {
		case dict.SourceSlot, dict.TargetSlot:
			if f.poss == 0 {
				return false
			}
			ms := cs.realOrPron(f.poss, cs.clauseOf(f.verb))
			if len(ms) == 0 {
				return false
			}
			m.score++
			if e.Kind == dict.SourceSlot {
				m.hasSrc, m.srcSlot, m.possSrc = true, ms, true
			} else {
				m.hasTgt, m.tgtSlot, m.possTgt = true, ms, true
			}
		case dict.Compound:
			m.compound = true
			m.score++
		case dict.Skip:
		default:
			s, _, ok := cs.matchElem(e, nil, nil, f.parts)
			if !ok {
				return false
			}
			m.score += s
		}
	}
	return true
}

func hasSlot(es []dict.Elem) bool {
	for _, e := range es {
		if e.Kind == dict.SourceSlot || e.Kind == dict.TargetSlot || e.Kind == dict.Skip || e.Kind == dict.Compound {
			return true
		}
	}
	return false
}

func (cs *coding) assignSlot(m *patternMatch, k dict.ElemKind, ms []mention) {
	switch k {
	case dict.SourceSlot:
		m.hasSrc = true
		m.srcSlot = ms
	case dict.TargetSlot:
		m.hasTgt = true
		m.tgtSlot = ms
	}
}

// prepSlots resolves the slots inside a matched prepositional phrase
// ("(FROM $)", "(AT ^ ^)"), whose object is obj: they take the phrases
// that follow its preposition, the first being its object. It returns the
// last word reached.
func (cs *coding) prepSlots(m *patternMatch, e dict.Elem, obj int, f *frame) int {
	pos := cs.caseOf(obj)
	if pos >= obj {
		pos = obj - 1
	}
	for _, in := range e.Elems {
		switch in.Kind {
		case dict.SourceSlot, dict.TargetSlot, dict.Skip:
			ms, end := cs.nextMentions(f, pos, in.Kind == dict.Skip)
			pos = end
			cs.assignSlot(m, in.Kind, ms)
		case dict.Compound:
			// The phrase's object names the actors that act on each
			// other ("between Arnor and Gondor", "between the two
			// sides").
			ms, end := cs.nextMentions(f, pos, false)
			pos = end
			m.pairSlot = ms
		}
	}
	return pos
}

// caseOf returns the preposition word introducing i, or i.
func (cs *coding) caseOf(i int) int {
	for _, k := range cs.st.w[i].kids {
		if cs.st.w[k].rel == "case" || cs.st.w[k].rel == "mark" {
			return k
		}
	}
	return i
}

// matchElem matches one element against candidate nouns, prepositional
// phrases and particles. It returns the element's score and the head it
// matched.
func (cs *coding) matchElem(e dict.Elem, nouns []int, preps []prepArg, parts []int) (score, at int, ok bool) {
	switch e.Kind {
	case dict.Word:
		// A word is a phrase head or particle first, then a preposition,
		// then any word of an argument phrase ("their" in "warned their
		// populations").
		for _, n := range nouns {
			if cs.wordIs(n, e.Text) {
				return 1, n, true
			}
		}
		for _, n := range parts {
			if cs.wordIs(n, e.Text) {
				return 1, n, true
			}
		}
		for _, p := range preps {
			if cs.wordIs(p.obj, e.Text) {
				return 1, p.obj, true
			}
			if p.prep == e.Text {
				return 1, cs.caseOf(p.obj), true
			}
		}
		for _, n := range nouns {
			for _, t := range cs.core(n) {
				if cs.wordIs(t, e.Text) {
					return 1, t, true
				}
			}
		}
	case dict.SynsetRef:
		best, bestAt := 0, 0
		// One-word members: a head, particle or prepositional object.
		single := func(i int) bool {
			w := &cs.st.w[i]
			return cs.c.d.SynsetHas(e.Text, w.ulem) || cs.c.d.SynsetHas(e.Text, w.uform)
		}
		for _, list := range [][]int{nouns, parts} {
			for _, n := range list {
				if best < 1 && single(n) {
					best, bestAt = 1, n
				}
			}
		}
		for _, p := range preps {
			if best < 1 && single(p.obj) {
				best, bestAt = 1, p.obj
			}
		}
		for _, mem := range cs.c.d.SynsetPhrases(e.Text) {
			if mem.Prep {
				for _, p := range preps {
					if p.prep == mem.Words[0] && len(mem.Words) > best && cs.phraseAt(mem.Words[1:], p.obj, true) {
						best, bestAt = len(mem.Words), p.obj
					}
				}
				continue
			}
			for _, n := range nouns {
				if len(mem.Words) > best && cs.phraseAt(mem.Words, n, false) {
					best, bestAt = len(mem.Words), n
				}
			}
		}
		if best > 0 {
			return best, bestAt, true
		}
	case dict.NounPhrase:
		best, bestAt := -1, 0
		for _, n := range nouns {
			if s := cs.seqMatch(e.Elems, n, false); s > best {
				best, bestAt = s, n
			}
		}
		for _, p := range preps {
			if s := cs.seqMatch(e.Elems, p.obj, false); s > best {
				best, bestAt = s, p.obj
			}
		}
		if best >= 0 {
			return best, bestAt, true
		}
	case dict.PrepPhrase:
		var content []dict.Elem
		for _, in := range e.Elems {
			if in.Kind != dict.SourceSlot && in.Kind != dict.TargetSlot && in.Kind != dict.Skip && in.Kind != dict.Compound {
				content = append(content, in)
			}
		}
		best, bestAt := -1, 0
		for _, p := range preps {
			if p.prep != e.Text {
				continue
			}
			s := 0
			if len(content) > 0 {
				if s = cs.seqMatch(content, p.obj, true); s < 0 {
					continue
				}
			}
			if s > best {
				best, bestAt = s, p.obj
			}
		}
		if best < 0 && len(content) == 0 {
			// A bare preposition may be a particle ("break off").
			for _, n := range parts {
				if cs.wordIs(n, e.Text) {
					best, bestAt = 0, n
					break
				}
			}
		}
		if best >= 0 {
			return best + 1, bestAt, true
		}
	}
	return 0, 0, false
}

// phraseAt reports whether the phrase headed by n contains words
// consecutively (anchored: as its first words).
func (cs *coding) phraseAt(words []string, n int, anchored bool) bool {
	toks := cs.patternWords(n)
	last := len(toks) - len(words)
	if anchored {
		last = min(last, 0)
	}
	for start := 0; start <= last; start++ {
		ok := true
		for j, w := range words {
			if !cs.wordIs(toks[start+j], w) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// wordIs reports whether word i's lemma or form is w.
func (cs *coding) wordIs(i int, w string) bool {
	if i <= 0 {
		return false
	}
	x := &cs.st.w[i]
	return x.ulem == w || x.uform == w
}

// seqMatch matches a sequence of words and synsets against the noun phrase
// headed by n (its words other than determiners and punctuation). The
// elements must appear in order, the last two adjacent; anchored, they must
// be the phrase's first words, all adjacent. It returns the number of words
// matched, or -1.
func (cs *coding) seqMatch(elems []dict.Elem, n int, anchored bool) int {
	if len(elems) == 0 {
		return 0
	}
	toks := cs.patternWords(n)
	// at reports whether the words of ph match toks from start.
	at := func(ph []string, start int) bool {
		if start+len(ph) > len(toks) {
			return false
		}
		for j, w := range ph {
			if !cs.wordIs(toks[start+j], w) {
				return false
			}
		}
		return true
	}
	// rest(k, pos) is the most words elements k... match from toks[pos],
	// or -1; memoised, so that long patterns over long phrases stay
	// polynomial.
	memo := make([]int, (len(elems)+1)*(len(toks)+1))
	for i := range memo {
		memo[i] = -2
	}
	var rest func(k, pos int) int
	rest = func(k, pos int) int {
		if k == len(elems) {
			return 0
		}
		key := k*(len(toks)+1) + pos
		if memo[key] != -2 {
			return memo[key]
		}
		best := -1
		take := func(next, words int) {
			if r := rest(k+1, next); r >= 0 {
				best = max(best, r+words)
			}
		}
		to := len(toks) - 1
		if anchored || (k == len(elems)-1 && k > 0) {
			to = pos // must continue right where the previous element ended
		}
		e := elems[k]
		for start := pos; start <= to && start < len(toks); start++ {
			switch e.Kind {
			case dict.Word:
				if cs.wordIs(toks[start], e.Text) {
					take(start+1, 1)
				}
			case dict.SynsetRef:
				w := &cs.st.w[toks[start]]
				if cs.c.d.SynsetHas(e.Text, w.ulem) || cs.c.d.SynsetHas(e.Text, w.uform) {
					take(start+1, 1)
				}
				for _, m := range cs.c.d.SynsetPhrases(e.Text) {
					if !m.Prep && at(m.Words, start) {
						take(start+len(m.Words), len(m.Words))
					}
				}
			}
		}
		memo[key] = best
		return best
	}
	return rest(0, 0)
}

// patternWords returns the words of the phrase headed by n that patterns
// see: its own words without coordinated modifiers, determiners or
// punctuation (a verb is just itself).
func (cs *coding) patternWords(n int) []int {
	if cs.patC[n] != nil {
		return cs.patC[n]
	}
	toks := []int{}
	if cs.st.w[n].upos == "VERB" {
		toks = append(toks, n)
	} else {
		for _, i := range cs.coreWords(n, false) {
			if u := cs.st.w[i].upos; u != "DET" && u != "PUNCT" {
				toks = append(toks, i)
			}
		}
	}
	cs.patC[n] = toks
	return toks
}

// nextMentions returns the actors of the first phrase of the frame whose
// head comes after word pos and that names an actor, and the phrase's last
// word; for a skip (^) it returns the first phrase at all. The mentions of
// a group ("Arnor and Gondor") come together.
func (cs *coding) nextMentions(f *frame, pos int, skip bool) ([]mention, int) {
	heads := slices.Clone(f.nouns)
	for _, p := range f.preps {
		if !slices.Contains(heads, p.obj) {
			heads = append(heads, p.obj)
		}
	}
	slices.Sort(heads)
	for _, h := range heads {
		if h <= pos {
			continue
		}
		end := slices.Max(cs.core(h))
		if skip {
			return nil, max(end, h)
		}
		var got []mention
		for _, m := range cs.group(h) {
			// By Dyad's conventions an agent counts too: "clashed with
			// police" (the story's country completes it).
			if m.real() || m.pron || !cs.c.opts.PETRARCH && m.agentOnly() && m.agents != nil {
				got = append(got, m)
			}
		}
		if len(got) > 0 {
			return got, max(end, h)
		}
	}
	return nil, pos
}

func containsCode(ms []mention, code string) bool {
	for _, m := range ms {
		if m.code == code {
			return true
		}
	}
	return false
}

// matchFlat matches a PETRARCH-1 pattern: its words must appear in order,
// before and after the verb, among the words of the verb's clause.
func (cs *coding) matchFlat(p *dict.Pattern, f *frame) *patternMatch {
	m := &patternMatch{p: p}
	st := cs.st
	clause := cs.st.subtree(f.verb, func(w *word) bool {
		return w.rel == "parataxis" || w.rel == "conj" && isVerbal(st, w.id)
	}, nil)
	slices.Sort(clause)
	var before, after []int
	for _, i := range clause {
		switch {
		case i < f.verb:
			before = append(before, i)
		case i > f.verb:
			after = append(after, i)
		}
	}
	match := func(es []dict.Elem, toks []int, pre bool) bool {
		pos := 0
		for _, e := range es {
			switch e.Kind {
			case dict.SourceSlot, dict.TargetSlot, dict.Skip:
				if pre {
					if e.Kind == dict.TargetSlot {
						m.subjIsTarget = true
					}
					continue
				}
				start := f.verb
				if pos > 0 && pos <= len(toks) {
					start = toks[pos-1]
				}
				ms, end := cs.nextMentions(cs.buildFrame(f.verb, nil), start, e.Kind == dict.Skip)
				cs.assignSlot(m, e.Kind, ms)
				for pos < len(toks) && toks[pos] <= end {
					pos++
				}
				continue
			case dict.Compound:
				m.compound = true
				continue
			}
			found := false
			for ; pos < len(toks); pos++ {
				if cs.flatElem(e, toks[pos]) {
					found = true
					pos++
					m.score++
					break
				}
			}
			if !found {
				return false
			}
		}
		return true
	}
	if !match(p.Pre, before, true) || !match(p.Post, after, false) {
		return nil
	}
	if m.compound && !cs.compoundSubject(f.subj) {
		return nil
	}
	return m
}

// compoundSubject reports whether the subject names more than one actor:
// conjoined heads, or one head whose appositions and their conjuncts name
// several ("Old foe Gondor and Osgiliath", parsed with "foe" as the head).
func (cs *coding) compoundSubject(subj []int) bool {
	switch len(subj) {
	case 0:
		return false
	case 1:
		// One phrase may also name several actors by referring to them:
		// "both groups", "the two sides".
		n, ref := 0, false
		for _, m := range cs.group(subj[0]) {
			if m.real() {
				n++
				ref = ref || m.ref
			}
		}
		return n >= 2 && (ref || len(cs.members(subj[0])) >= 2)
	}
	return true
}

func (cs *coding) flatElem(e dict.Elem, i int) bool {
	switch e.Kind {
	case dict.Word:
		return cs.wordIs(i, e.Text)
	case dict.SynsetRef:
		for _, m := range cs.c.d.SynsetMembers(e.Text) {
			if len(m.Words) == 1 && cs.wordIs(i, m.Words[0]) {
				return true
			}
		}
	}
	return false
}
