package builtin

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"dyad/dict"
)

// maxVariants bounds the patterns one line expands into (one per choice of
// preposition: "at|on|against TGT" is three PETRARCH patterns).
const maxVariants = 32

// prepositions are the words a pattern uses to introduce a prepositional
// phrase. In the dict model they become PrepPhrase elements; a bare one
// also matches a verb particle ("back down").
var prepositions = setOf(
	"about", "above", "across", "after", "against", "along", "alongside", "amid", "among", "around",
	"as", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite",
	"down", "during", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto",
	"out", "outside", "over", "past", "per", "since", "through", "throughout", "to", "toward",
	"towards", "under", "until", "up", "upon", "via", "with", "within", "without",
)

func setOf(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// Dictionary converts s into a compiled dictionary of the dict model:
// actors with their names (exact-case names as Cased names) and dated
// codes, agents with their singular and plural nouns, sets as synsets, and
// each pattern as a PETRARCH-2 pattern of a block named after its anchor,
// with the anchor's kind: a verb, an event noun (Pattern.Nominal) or a
// predicate (Pattern.Predicate). It returns an error naming file and line
// for a pattern the model cannot express.
func (s *Set) Dictionary() (*dict.Dictionary, error) {
	c := &converter{s: s, d: &dict.Dictionary{Synsets: map[string]*dict.Synset{}, Files: slices.Clone(s.Files)},
		blocks: map[string]*dict.VerbBlock{}, shapes: map[string]*Pattern{}}
	c.actors()
	c.agents()
	c.synsets()
	var errs []error
	for _, p := range s.Patterns {
		if err := c.pattern(p); err != nil {
			errs = append(errs, err)
			if len(errs) >= maxErrors {
				break
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	c.transforms()
	if err := c.d.Compile(); err != nil {
		return nil, err
	}
	if len(c.d.Problems) > 0 {
		for _, p := range c.d.Problems {
			errs = append(errs, p)
		}
		return nil, errors.Join(errs...)
	}
	return c.d, nil
}

type converter struct {
	s      *Set
	d      *dict.Dictionary
	blocks map[string]*dict.VerbBlock
	// shapes maps an anchor and a rendered pattern to the line that gave
	// it, to catch two lines that match alike but code differently.
	shapes map[string]*Pattern
}

// personTitles are the titles a person's surname takes in news copy.
var personTitles = []string{"Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr."}

func source(p Pos) dict.Source { return dict.Source{File: p.File, Line: p.Line} }

func (c *converter) actors() {
	// People of one surname ("Bush", "al-Baghdadi") are not told apart by
	// "Mr" and the surname.
	surnames := map[string]int{}
	for _, a := range c.s.Actors {
		if a.Kind != Person {
			continue
		}
		seen := map[string]bool{}
		for _, n := range a.Names {
			if f := strings.Fields(n.Text); len(f) >= 2 && !seen[strings.ToUpper(f[len(f)-1])] {
				seen[strings.ToUpper(f[len(f)-1])] = true
				surnames[strings.ToUpper(f[len(f)-1])]++
			}
		}
	}
	for _, a := range c.s.Actors {
		da := &dict.Actor{Source: source(a.Pos)}
		for _, n := range a.Names {
			da.Names = addNames(da.Names, n.Text, n.Exact, n.Kind == Local)
			if a.Kind == Person {
				// "Mr Blair", "Mrs Merkel": news names people by title and
				// surname after the first mention.
				if f := strings.Fields(n.Text); len(f) >= 2 && !n.Exact && surnames[strings.ToUpper(f[len(f)-1])] == 1 {
					for _, t := range personTitles {
						da.Names = addNames(da.Names, t+" "+f[len(f)-1], true, false)
					}
				}
			}
		}
		if len(da.Names) == 0 {
			continue
		}
		if a.Code != "" {
			da.Codes = append(da.Codes, dict.DatedCode{Code: a.Code, Source: source(a.Pos)})
		}
		for _, dc := range a.Codes {
			da.Codes = append(da.Codes, dict.DatedCode{Code: dc.Code, From: dc.From, To: dc.To, Source: dict.Source{File: a.Pos.File, Line: dc.Line}})
		}
		c.d.Actors = append(c.d.Actors, da)
	}
}

func (c *converter) agents() {
	for _, a := range c.s.Agents {
		da := &dict.Agent{Code: a.Code, Prefix: a.Prefix, Source: source(a.Pos)}
		for _, n := range a.Nouns {
			da.Names = addNames(da.Names, n.Text, false, false)
			plurals := n.Plurals
			if plurals == nil {
				ws := strings.Fields(n.Text)
				ws[len(ws)-1] = plural(ws[len(ws)-1])
				plurals = []string{strings.Join(ws, " ")}
			}
			for _, pl := range plurals {
				da.Names = addNames(da.Names, pl, false, false)
			}
		}
		c.d.Agents = append(c.d.Agents, da)
	}
}

func (c *converter) synsets() {
	for _, name := range sortedKeys(c.s.Sets) {
		ws := c.s.Sets[name]
		ds := &dict.Synset{Name: strings.ToUpper(name), Source: source(ws.Pos)}
		for _, it := range ws.Items {
			ds.Members = append(ds.Members, members(it)...)
		}
		c.d.Synsets[ds.Name] = ds
	}
}

// addNames adds the spellings of text (see phrases) to names, once each;
// with exact, they match only as written (dict.Name.Cased), and with local
// only in a story of the actor's country (dict.Name.Local). A spelling
// given both ways matches in any case. Words are consecutive: Dyad names
// have no gaps.
func addNames(names []dict.Name, text string, exact, local bool) []dict.Name {
	for _, sp := range spellings(text) {
		n := dict.Name{Words: upper(sp), Local: local}
		if exact {
			n.Cased = sp
		}
		k := slices.IndexFunc(names, func(q dict.Name) bool { return slices.Equal(q.Words, n.Words) })
		switch {
		case k < 0:
			names = append(names, n)
		default:
			if !exact {
				names[k].Cased = nil
			}
			if !local {
				names[k].Local = false
			}
		}
	}
	return names
}

// members turns a set item or pattern alternative into synset members: a
// reference to another set, or the item's spellings, each also with its
// last word in the regular plural. Words match by lemma or form; the plural
// catches a noun whose lemma the tagger got wrong ("exercises" as
// "exercis").
func members(item string) []dict.SynsetMember {
	if ref, ok := strings.CutPrefix(item, "@"); ok {
		return []dict.SynsetMember{{Words: dict.Phrase{"&" + strings.ToUpper(ref)}}}
	}
	var out []dict.SynsetMember
	for _, ph := range phrases(item) {
		pl := slices.Clone(ph)
		pl[len(pl)-1] = plural(pl[len(pl)-1])
		out = append(out, dict.SynsetMember{Words: ph}, dict.SynsetMember{Words: pl})
	}
	return out
}

// anchorKind is the dict model's kind of a pattern's anchor.
func anchorKind(p *Pattern) dict.AnchorKind {
	switch {
	case p.Nominal():
		return dict.NounAnchor
	case p.Predicate():
		return dict.PredicateAnchor
	}
	return dict.VerbAnchor
}

// pattern adds a pattern to the blocks of its anchors.
func (c *converter) pattern(p *Pattern) error {
	kind := anchorKind(p)
	variants, err := c.elems(p, kind)
	if err != nil {
		return err
	}
	code := dict.Code{Primary: p.Code, Secondary: p.Reverse}
	for _, anchor := range c.anchors(p.Elems[p.Anchor].Alts) {
		// A multiword verb is a verb and its particle ("pull out"); a
		// multiword noun or predicate is a compound ("air strike",
		// "hunger strike") whose head is its last word.
		head := 0
		if kind != dict.VerbAnchor {
			head = len(anchor) - 1
		}
		b := c.block(anchor, head, p)
		for _, v := range variants {
			dp := &dict.Pattern{Pre: v.pre, Post: v.post, Code: code, Anchor: kind, Block: b, Source: source(p.Pos), Comment: p.Text}
			// The coder breaks ties by order, so two lines that render
			// alike under one anchor but code differently would make the
			// file order decide.
			shape := anchor.String() + " " + strings.TrimSuffix(dp.String(), " ["+code.String()+"]")
			if first, dup := c.shapes[shape]; dup && first != p {
				if first.Code == p.Code && first.Reverse == p.Reverse {
					return &Error{p.Pos, fmt.Sprintf("pattern %q matches like %q at %s: one of them is redundant", p.Text, first.Text, first.Pos)}
				}
				return &Error{p.Pos, fmt.Sprintf("pattern %q matches like %q at %s but codes %s, not %s", p.Text, first.Text, first.Pos, code, dict.Code{Primary: first.Code, Secondary: first.Reverse})}
			}
			c.shapes[shape] = p
			if kind == dict.VerbAnchor && len(v.pre) == 0 && len(v.post) == 0 {
				// "SRC *verb TGT" is the verb's own code, as a PETRARCH verb
				// block's default is: weaker evidence than a pattern when
				// the coder weighs a reporting verb against the clause it
				// governs.
				ve := b.Verbs[0]
				ve.Code, ve.Source = &code, source(p.Pos)
				continue
			}
			b.Patterns = append(b.Patterns, dp)
		}
	}
	return nil
}

// transforms adds the transformations, one per reporting and reported verb
// alternative, with verbs named by their upper-case lemma.
func (c *converter) transforms() {
	for _, t := range c.s.Transforms {
		inner := []string{t.Inner[2]}
		if t.Inner[2] != "Q" {
			inner = strings.Split(t.Inner[2], "|")
		}
		for _, v := range t.Verbs {
			for _, in := range inner {
				c.d.Transforms = append(c.d.Transforms, &dict.Transform{
					Outer:  t.Outer,
					Inner:  [3]string{t.Inner[0], t.Inner[1], strings.ToUpper(in)},
					Verb:   strings.ToUpper(v),
					Result: t.Result,
					Source: source(t.Pos),
				})
			}
		}
	}
}

// anchors returns the verb phrases an anchor's alternatives name, with set
// references expanded.
func (c *converter) anchors(alts []string) []dict.Phrase {
	var out []dict.Phrase
	var add func(alt string, depth int)
	add = func(alt string, depth int) {
		if ref, ok := strings.CutPrefix(alt, "@"); ok {
			if ws := c.s.Sets[ref]; ws != nil && depth < 8 {
				for _, it := range ws.Items {
					add(it, depth+1)
				}
			}
			return
		}
		ph := dict.Phrase(strings.Fields(strings.ToUpper(alt)))
		if !slices.ContainsFunc(out, func(q dict.Phrase) bool { return slices.Equal(q, ph) }) {
			out = append(out, ph)
		}
	}
	for _, a := range alts {
		add(a, 0)
	}
	return out
}

// block returns the block of an anchor phrase with the given head word,
// creating it (with a null default code: Dyad's verbs code only through
// their patterns). A verb and a noun of one word share their block.
func (c *converter) block(anchor dict.Phrase, head int, p *Pattern) *dict.VerbBlock {
	key := fmt.Sprintf("%s/%d", anchor, head)
	if b := c.blocks[key]; b != nil {
		return b
	}
	b := &dict.VerbBlock{Name: strings.ToLower(anchor.String()), Code: dict.Code{Primary: dict.NullCode}, Source: source(p.Pos)}
	b.Verbs = []*dict.Verb{{Words: anchor, Head: head, Forms: c.forms(anchor[head]), Block: b, Source: source(p.Pos)}}
	c.blocks[key] = b
	c.d.Blocks = append(c.d.Blocks, b)
	return b
}

// forms returns a verb's base form, its regular inflections (with and
// without a doubled final consonant) and its irregular forms.
func (c *converter) forms(base string) []string {
	out := []string{base}
	add := func(f string) {
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	for _, f := range dict.RegularForms(base) {
		add(f)
	}
	if n := len(base); n > 2 && !strings.ContainsRune("AEIOUWXY", rune(base[n-1])) &&
		strings.ContainsRune("AEIOU", rune(base[n-2])) && !strings.ContainsRune("AEIOU", rune(base[n-3])) {
		add(base + base[n-1:] + "ED")
		add(base + base[n-1:] + "ING")
	}
	for _, f := range c.s.Forms[strings.ToLower(base)] {
		add(strings.ToUpper(f))
	}
	return out
}

// variant is one PETRARCH-2 rendering of a pattern.
type variant struct{ pre, post []dict.Elem }

// elems renders a pattern's elements as PETRARCH-2 elements for an anchor
// of the given kind: PAIR before the anchor is a compound subject (%); a
// slot before a possessive is the noun's possessor ($ or +); a target
// right after a verb is its object, which the coder takes by default, so it
// is left implicit; "prep TGT" is (PREP +), "prep SRC" (PREP $) and "prep
// PAIR" (PREP %); other prepositions are bare (PREP) elements, so that
// modifiers in the sentence do not block the words after them; the words
// written before the anchor ("sexually *assault", "@artillery *attack",
// "at *odds") join the words after it. Alternative prepositions multiply
// the variants.
func (c *converter) elems(p *Pattern, kind dict.AnchorKind) ([]variant, error) {
	fail := func(format string, args ...any) error {
		return &Error{p.Pos, fmt.Sprintf("pattern %q: ", p.Text) + fmt.Sprintf(format, args...)}
	}
	vs := []variant{{}}
	appendAll := func(es ...dict.Elem) {
		for i := range vs {
			vs[i].post = append(vs[i].post, es...)
		}
	}
	prependAll := func(e dict.Elem) {
		for i := range vs {
			vs[i].pre = append(vs[i].pre, e)
		}
	}
	for i, e := range p.Elems[:p.Anchor] {
		switch e.Kind {
		case Pair, Target:
			prependAll(slotElem(e.Kind))
		case Source:
			// The subject of a verb or predicate is the source anyway; a
			// noun's source is its possessor only when the pattern says so.
			if kind == dict.NounAnchor {
				prependAll(slotElem(e.Kind))
			}
		case Word:
			appendAll(c.word(e.Alts))
		case Be, Possessive:
		default:
			return nil, fail("unexpected element %d before the anchor", i)
		}
	}
	els := p.Elems[p.Anchor+1:]
	for i := 0; i < len(els); i++ {
		e := els[i]
		switch e.Kind {
		case Target, Source:
			if i == 0 && e.Kind == Target {
				if kind != dict.VerbAnchor {
					return nil, fail("only a verb has an object: put a preposition before TGT")
				}
				continue // the object: the coder's default target
			}
			appendAll(slotElem(e.Kind))
		case Possessive:
		case Word:
			if !allPrepositions(e.Alts) {
				appendAll(c.word(e.Alts))
				continue
			}
			var inner []dict.Elem
			if i+1 < len(els) && isSlot(els[i+1].Kind) {
				inner = []dict.Elem{slotElem(els[i+1].Kind)}
				i++
			}
			if len(vs)*len(e.Alts) > maxVariants {
				return nil, fail("alternative prepositions make more than %d patterns", maxVariants)
			}
			var next []variant
			for _, v := range vs {
				for _, prep := range e.Alts {
					pp := dict.Elem{Kind: dict.PrepPhrase, Text: strings.ToUpper(prep), Elems: inner}
					next = append(next, variant{pre: v.pre, post: append(slices.Clone(v.post), pp)})
				}
			}
			vs = next
		case Pair:
			return nil, fail("PAIR after the anchor needs a preposition before it (between PAIR)")
		default:
			return nil, fail("unexpected element after the anchor")
		}
	}
	return vs, nil
}

func slotElem(k ElemKind) dict.Elem {
	switch k {
	case Source:
		return dict.Elem{Kind: dict.SourceSlot}
	case Pair:
		return dict.Elem{Kind: dict.Compound}
	}
	return dict.Elem{Kind: dict.TargetSlot}
}

func allPrepositions(alts []string) bool {
	for _, a := range alts {
		if !prepositions[strings.ToLower(a)] {
			return false
		}
	}
	return true
}

// word renders a word element: a Word, a noun phrase for a multiword
// lemma, a synset reference, or — for alternatives and spellings with
// hyphens — a synset made for it, named after its alternatives.
func (c *converter) word(alts []string) dict.Elem {
	if len(alts) == 1 {
		if ref, ok := strings.CutPrefix(alts[0], "@"); ok {
			return dict.Elem{Kind: dict.SynsetRef, Text: strings.ToUpper(ref)}
		}
		if ms := members(alts[0]); len(ms) == 2 {
			ws := ms[0].Words
			if len(ws) == 1 {
				return dict.Elem{Kind: dict.Word, Text: ws[0]}
			}
			np := dict.Elem{Kind: dict.NounPhrase}
			for _, w := range ws {
				np.Elems = append(np.Elems, dict.Elem{Kind: dict.Word, Text: w})
			}
			return np
		}
	}
	name := "(" + strings.ToUpper(strings.Join(alts, "|")) + ")"
	if c.d.Synsets[name] == nil {
		ds := &dict.Synset{Name: name}
		for _, a := range alts {
			ds.Members = append(ds.Members, members(a)...)
		}
		c.d.Synsets[name] = ds
	}
	return dict.Elem{Kind: dict.SynsetRef, Text: name}
}

// phrases returns the upper-case word sequences a name or lemma may take
// in a tokenised sentence (see spellings).
func phrases(text string) []dict.Phrase {
	out := spellings(text)
	for i := range out {
		out[i] = upper(out[i])
	}
	return out
}

// spellings returns the word sequences, as written, that a name or lemma
// may take in a tokenised sentence: as written, and with its hyphenated
// words split (Dyad's tokenizer keeps "al-Qaeda" whole but splits
// "Guinea-Bissau", and the coder skips the hyphen). Commas are dropped and
// a possessive 's is a word of its own.
func spellings(text string) []dict.Phrase {
	var joined, split dict.Phrase
	hyphen := false
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ",")
		if w == "" {
			continue
		}
		var poss string
		for _, s := range []string{"'S", "’S"} {
			if n := len(w) - len(s); n > 0 && strings.ToUpper(w[n:]) == s {
				w, poss = w[:n], w[n:]
			}
		}
		joined = append(joined, w)
		if strings.Contains(strings.Trim(w, "-"), "-") {
			hyphen = true
			for part := range strings.SplitSeq(w, "-") {
				if part != "" {
					split = append(split, part)
				}
			}
		} else {
			split = append(split, w)
		}
		if poss != "" {
			joined, split = append(joined, poss), append(split, poss)
		}
	}
	if len(joined) == 0 {
		return nil
	}
	if hyphen {
		return []dict.Phrase{joined, split}
	}
	return []dict.Phrase{joined}
}

// upper returns a phrase's words in upper case, the dict model's key.
func upper(ph dict.Phrase) dict.Phrase {
	out := make(dict.Phrase, len(ph))
	for i, w := range ph {
		out[i] = strings.ToUpper(w)
	}
	return out
}

// plural forms the regular plural of a lower- or upper-case noun.
func plural(w string) string {
	lw := strings.ToLower(w)
	es, ies, s := "es", "ies", "s"
	if w != lw {
		es, ies, s = "ES", "IES", "S"
	}
	switch {
	case strings.HasSuffix(lw, "s"), strings.HasSuffix(lw, "sh"), strings.HasSuffix(lw, "ch"),
		strings.HasSuffix(lw, "x"), strings.HasSuffix(lw, "z"):
		return w + es
	case len(lw) > 1 && lw[len(lw)-1] == 'y' && !strings.ContainsRune("aeiou", rune(lw[len(lw)-2])):
		return w[:len(w)-1] + ies
	}
	return w + s
}
