package dict

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// index holds the lookup structures built by Compile.
type index struct {
	phrases   map[string][]phraseEntry // first word → entries, longest first
	verbs     map[string][]*Verb       // any form of the head word → verbs
	patterns  map[*Verb]*verbPatterns  // all patterns of every block defining the verb
	synsets   map[string][]SynsetMember
	synWords  map[string]map[string]bool // synset → its one-word members
	synMulti  map[string][]SynsetMember  // synset → its other members
	blocks    map[string]*VerbBlock
	transform map[*VerbBlock][]*Transform // reporting verb's block → transforms
	inner     map[*Transform][]*VerbBlock // blocks of a transform's reported verb
	kinds     [3]bool                     // whether any pattern has an anchor of each kind
	discards  map[string][]*Discard       // first word (or its stem prefix) → discards
	issues    map[string][]*Issue         // first word → issues
}

// verbPatterns are the patterns of a verb, all of them and by anchor kind.
type verbPatterns struct {
	all    []*Pattern
	byKind [3][]*Pattern
}

type phraseEntry struct {
	name  Name
	actor *Actor
	agent *Agent
}

// Match is a dictionary phrase found in a sentence: an actor's or an
// agent's name.
type Match struct {
	Len   int    // words of the sentence spanned, including any gaps
	Name  Name   // the dictionary name
	Actor *Actor // set for an actor name
	Agent *Agent // set for an agent name
}

// Compile checks the dictionary and builds its lookup indexes. It must be
// called after the fields are filled and before the dictionary is used;
// calling it again rebuilds the indexes. Entries that cannot be used
// (patterns naming undefined synsets, transformations naming unknown verb
// blocks) are left out of the indexes and recorded in Problems.
func (d *Dictionary) Compile() error {
	ix := &index{
		phrases:   map[string][]phraseEntry{},
		verbs:     map[string][]*Verb{},
		patterns:  map[*Verb]*verbPatterns{},
		synsets:   map[string][]SynsetMember{},
		synWords:  map[string]map[string]bool{},
		synMulti:  map[string][]SynsetMember{},
		blocks:    map[string]*VerbBlock{},
		transform: map[*VerbBlock][]*Transform{},
		inner:     map[*Transform][]*VerbBlock{},
		discards:  map[string][]*Discard{},
		issues:    map[string][]*Issue{},
	}
	for _, a := range d.Actors {
		for _, n := range a.Names {
			if len(n.Words) > 0 {
				ix.phrases[n.Words[0]] = append(ix.phrases[n.Words[0]], phraseEntry{name: n, actor: a})
			}
		}
	}
	for _, a := range d.Agents {
		for _, n := range a.Names {
			if len(n.Words) > 0 {
				ix.phrases[n.Words[0]] = append(ix.phrases[n.Words[0]], phraseEntry{name: n, agent: a})
			}
		}
	}
	for k, es := range ix.phrases {
		// Longest first; at equal length actors before agents, then
		// dictionary order (the sort is stable).
		slices.SortStableFunc(es, func(a, b phraseEntry) int {
			if len(a.name.Words) != len(b.name.Words) {
				return len(b.name.Words) - len(a.name.Words)
			}
			if (a.actor != nil) != (b.actor != nil) {
				if a.actor != nil {
					return -1
				}
				return 1
			}
			return 0
		})
		ix.phrases[k] = es
	}

	for name, s := range d.Synsets {
		ms := d.expandSynset(s, map[string]bool{})
		ix.synsets[name] = ms
		words := map[string]bool{}
		for _, m := range ms {
			if len(m.Words) == 1 && !m.Prep {
				words[m.Words[0]] = true
			} else {
				ix.synMulti[name] = append(ix.synMulti[name], m)
			}
		}
		ix.synWords[name] = words
	}

	byWords := map[string][]*VerbBlock{}
	for _, b := range d.Blocks {
		if _, dup := ix.blocks[b.Name]; !dup {
			ix.blocks[b.Name] = b
		}
		var kept []*Pattern
		for _, p := range b.Patterns {
			if name, ok := d.undefinedSynset(p, ix); !ok {
				d.problemKind(UndefinedSynset, p.Source, "pattern names undefined synset &%s; left out", name)
				continue
			}
			if int(p.Anchor) >= len(anchorNames) {
				d.problem(p.Source, "pattern has unknown anchor kind %d; left out", p.Anchor)
				continue
			}
			p.computeRequired()
			kept = append(kept, p)
		}
		b.Patterns = kept
		for _, v := range b.Verbs {
			v.Block = b
			key := v.Words.String()
			if !slices.Contains(byWords[key], b) {
				byWords[key] = append(byWords[key], b)
			}
			for _, f := range v.Forms {
				if !slices.Contains(ix.verbs[f], v) {
					ix.verbs[f] = append(ix.verbs[f], v)
				}
			}
		}
	}
	for _, b := range d.Blocks {
		for _, v := range b.Verbs {
			vp := &verbPatterns{}
			for _, ob := range byWords[v.Words.String()] {
				vp.all = append(vp.all, ob.Patterns...)
				for _, p := range ob.Patterns {
					if int(p.Anchor) < len(vp.byKind) {
						vp.byKind[p.Anchor] = append(vp.byKind[p.Anchor], p)
						ix.kinds[p.Anchor] = true
					}
				}
			}
			ix.patterns[v] = vp
		}
	}
	for _, t := range d.Transforms {
		outer := ix.verbBlocks(t.Verb)
		if len(outer) == 0 {
			d.problemKind(UnknownVerb, t.Source, "transformation names unknown verb %s; left out", t.Verb)
			continue
		}
		if v := t.Inner[2]; v != "Q" {
			inner := ix.verbBlocks(v)
			if len(inner) == 0 {
				d.problemKind(UnknownVerb, t.Source, "transformation names unknown verb %s; left out", v)
				continue
			}
			ix.inner[t] = inner
		}
		for _, b := range outer {
			ix.transform[b] = append(ix.transform[b], t)
		}
	}
	for _, dc := range d.Discards {
		first, _, _ := strings.Cut(dc.Text, " ")
		ix.discards[first] = append(ix.discards[first], dc)
	}
	for _, is := range d.Issues {
		first, _, _ := strings.Cut(is.Phrase, " ")
		ix.issues[first] = append(ix.issues[first], is)
	}
	d.idx = ix
	return nil
}

// expandSynset returns the members of s with references to other synsets
// replaced by their members.
func (d *Dictionary) expandSynset(s *Synset, seen map[string]bool) []SynsetMember {
	if seen[s.Name] {
		d.problem(s.Source, "synset &%s refers to itself", s.Name)
		return nil
	}
	seen[s.Name] = true
	defer delete(seen, s.Name)
	var out []SynsetMember
	for _, m := range s.Members {
		if len(m.Words) == 1 && strings.HasPrefix(m.Words[0], "&") {
			ref := strings.TrimPrefix(m.Words[0], "&")
			if o, ok := d.Synsets[ref]; ok {
				out = append(out, d.expandSynset(o, seen)...)
			} else {
				d.problemKind(UndefinedSynset, s.Source, "synset &%s names undefined synset &%s", s.Name, ref)
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// undefinedSynset reports the first synset a pattern names that is not
// defined; ok is true if there is none.
func (d *Dictionary) undefinedSynset(p *Pattern, ix *index) (string, bool) {
	var walk func([]Elem) (string, bool)
	walk = func(es []Elem) (string, bool) {
		for _, e := range es {
			if e.Kind == SynsetRef {
				if _, ok := ix.synsets[e.Text]; !ok {
					return e.Text, false
				}
			}
			if n, ok := walk(e.Elems); !ok {
				return n, false
			}
		}
		return "", true
	}
	if n, ok := walk(p.Pre); !ok {
		return n, false
	}
	return walk(p.Post)
}

// compiled returns the index, panicking with a clear message if Compile
// was not called: that is a programming error, not a data error.
func (d *Dictionary) compiled() *index {
	if d.idx == nil {
		panic("dict: Dictionary used before Compile")
	}
	return d.idx
}

// MatchAt returns the longest actor or agent name (in words) that starts
// at words[i] (upper-case words), preferring an actor's name to an agent's
// of the same length. It cannot tell capitalisations apart, so names with
// Cased words match as if they had none; see MatchFormsAt.
func (d *Dictionary) MatchAt(words []string, i int) (Match, bool) {
	return d.MatchFormsAt(words, nil, i)
}

// MatchFormsAt is MatchAt for a caller that also has the words as written
// (forms, parallel to words): a name with Cased words then matches only
// where each of its words is written exactly so. With nil forms it is
// MatchAt.
func (d *Dictionary) MatchFormsAt(words, forms []string, i int) (Match, bool) {
	ix := d.compiled()
	if i < 0 || i >= len(words) {
		return Match{}, false
	}
	if forms != nil && len(forms) != len(words) {
		forms = nil
	}
	for _, e := range ix.phrases[words[i]] {
		f := forms
		if e.name.Cased == nil {
			f = nil
		}
		if n, ok := e.name.matchAt(words, f, i); ok {
			return Match{Len: n, Name: e.name, Actor: e.actor, Agent: e.agent}, true
		}
	}
	return Match{}, false
}

// MatchAllFormsAt is MatchFormsAt returning every actor and agent name
// that starts at words[i], in its order (longest first): a caller that
// rejects the first may take another, as the coder chooses among parties
// of one local name (Name.Local) by the story's country.
func (d *Dictionary) MatchAllFormsAt(words, forms []string, i int) []Match {
	ix := d.compiled()
	if i < 0 || i >= len(words) {
		return nil
	}
	if forms != nil && len(forms) != len(words) {
		forms = nil
	}
	var out []Match
	for _, e := range ix.phrases[words[i]] {
		f := forms
		if e.name.Cased == nil {
			f = nil
		}
		if n, ok := e.name.matchAt(words, f, i); ok {
			out = append(out, Match{Len: n, Name: e.name, Actor: e.actor, Agent: e.agent})
		}
	}
	return out
}

// matchAt matches the name at words[i] and returns the number of words it
// spans. With forms, the words must also be written as n.Cased has them.
func (n Name) matchAt(words, forms []string, i int) (int, bool) {
	cased := forms != nil && len(n.Cased) == len(n.Words)
	pos := i
	for k, w := range n.Words {
		if k == 0 {
			if words[i] != w || cased && forms[i] != n.Cased[0] {
				return 0, false
			}
			continue
		}
		next := pos + 1
		if n.Gaps&(1<<(k-1)) != 0 {
			for next < len(words) && words[next] != w {
				next++
			}
		}
		if next >= len(words) || words[next] != w || cased && forms[next] != n.Cased[k] {
			return 0, false
		}
		pos = next
	}
	return pos - i + 1, true
}

// Verbs returns the verbs one of whose forms is word (upper-case), in
// dictionary order.
func (d *Dictionary) Verbs(word string) []*Verb {
	return d.compiled().verbs[word]
}

// Patterns returns the patterns that apply to v: those of its block and of
// any other block that defines the same verb, in dictionary order.
func (d *Dictionary) Patterns(v *Verb) []*Pattern {
	if vp := d.compiled().patterns[v]; vp != nil {
		return vp.all
	}
	return nil
}

// HasAnchor reports whether any pattern of the dictionary has an anchor of
// kind k, so that a coder can skip looking for nouns and predicates in a
// dictionary that has no patterns for them (the PETRARCH ones).
func (d *Dictionary) HasAnchor(k AnchorKind) bool {
	ix := d.compiled()
	return int(k) < len(ix.kinds) && ix.kinds[k]
}

// AnchorPatterns returns the patterns of Patterns(v) whose anchor is of
// kind k, in dictionary order.
func (d *Dictionary) AnchorPatterns(v *Verb, k AnchorKind) []*Pattern {
	if vp := d.compiled().patterns[v]; vp != nil && int(k) < len(vp.byKind) {
		return vp.byKind[k]
	}
	return nil
}

// SynsetMembers returns the members of the synset name (without '&'), with
// nested synsets expanded.
func (d *Dictionary) SynsetMembers(name string) []SynsetMember {
	return d.compiled().synsets[name]
}

// SynsetHas reports whether word is a one-word member of the synset name.
func (d *Dictionary) SynsetHas(name, word string) bool {
	return d.compiled().synWords[name][word]
}

// SynsetPhrases returns the members of the synset name that are not single
// words: phrases and prepositional phrases.
func (d *Dictionary) SynsetPhrases(name string) []SynsetMember {
	return d.compiled().synMulti[name]
}

// Block returns the verb block called name (the first, if several are).
func (d *Dictionary) Block(name string) *VerbBlock {
	return d.compiled().blocks[name]
}

// verbBlocks resolves a verb named in a transformation: the blocks that
// define the verb (by any form), or the block of that name.
func (ix *index) verbBlocks(name string) []*VerbBlock {
	var out []*VerbBlock
	for _, v := range ix.verbs[name] {
		if !slices.Contains(out, v.Block) {
			out = append(out, v.Block)
		}
	}
	if b, ok := ix.blocks[name]; ok && !slices.Contains(out, b) {
		out = append(out, b)
	}
	return out
}

// TransformsFor returns the transformations whose reporting verb is in
// block b. A transformation names its verbs by a verb word ("SAY"); it
// applies to every verb of the blocks that define that word.
func (d *Dictionary) TransformsFor(b *VerbBlock) []*Transform {
	return d.compiled().transform[b]
}

// ReportedVerbMatches reports whether a verb of block b is the reported
// verb of t (always true for "Q").
func (d *Dictionary) ReportedVerbMatches(t *Transform, b *VerbBlock) bool {
	if t.Inner[2] == "Q" {
		return true
	}
	return slices.Contains(d.compiled().inner[t], b)
}

// Discarded returns the discard phrase text contains, preferring story
// discards, or nil. Matching ignores case and punctuation between words.
func (d *Dictionary) Discarded(text string) *Discard {
	ix := d.compiled()
	if len(ix.discards) == 0 {
		return nil
	}
	norm := normalizeText(text)
	var found *Discard
	for start := 0; start < len(norm); {
		end := strings.IndexByte(norm[start:], ' ')
		if end < 0 {
			end = len(norm)
		} else {
			end += start
		}
		word := norm[start:end]
		// Only the last word of a discard phrase may be a stem, so a
		// phrase's first word is either the whole sentence word or, for a
		// one-word phrase, a prefix of it.
		for k := 1; k <= len(word); k++ {
			for _, dc := range ix.discards[word[:k]] {
				if k < len(word) && strings.IndexByte(dc.Text, ' ') >= 0 {
					continue
				}
				if !strings.HasPrefix(norm[start:], dc.Text) {
					continue
				}
				after := start + len(dc.Text)
				if dc.WholeWord && after < len(norm) && norm[after] != ' ' {
					continue
				}
				if found == nil || (dc.Story && !found.Story) {
					found = dc
				}
			}
		}
		start = end + 1
	}
	return found
}

// normalizeText upper-cases text and reduces every run of characters other
// than letters, digits, hyphens and apostrophes to one blank.
func normalizeText(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	space := true
	for len(text) > 0 {
		r, n := utf8.DecodeRuneInString(text)
		text = text[n:]
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' {
			b.WriteRune(unicode.ToUpper(r))
			space = false
		} else if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// IssueCount is an issue code found in a sentence, with the number of
// phrases that found it.
type IssueCount struct {
	Code  string
	Count int
}

// IssuesIn returns the issues of a sentence given as upper-case words, in
// order of first occurrence. An ignore phrase anywhere cancels them all.
func (d *Dictionary) IssuesIn(words []string) []IssueCount {
	ix := d.compiled()
	if len(ix.issues) == 0 {
		return nil
	}
	var out []IssueCount
	for i, w := range words {
		for _, is := range ix.issues[w] {
			p := strings.Fields(is.Phrase)
			if i+len(p) > len(words) || !slices.Equal(words[i:i+len(p)], p) {
				continue
			}
			if is.Ignore {
				return nil
			}
			k := slices.IndexFunc(out, func(c IssueCount) bool { return c.Code == is.Code })
			if k < 0 {
				out = append(out, IssueCount{Code: is.Code, Count: 1})
			} else {
				out[k].Count++
			}
		}
	}
	return out
}

// Compiled reports whether Compile has been called.
func (d *Dictionary) Compiled() bool { return d.idx != nil }
