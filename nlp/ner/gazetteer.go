package ner

import (
	"path"
	"slices"
	"strings"

	"dyad/dict"
	"dyad/nlp"
)

// gazetteer holds names known to be of an entity type — Dyad's dictionaries
// give thousands of countries, organisations and leaders, more than the
// small annotated corpora can teach — as upper-case phrases. Its matches
// are features, not decisions: "Jordan" may still be a person.
type gazetteer struct {
	types  map[string]int // phrase (words joined by one space) → 1 + index in Types
	maxLen int            // words in the longest phrase
	// first gives the words in the longest phrase that each first word
	// begins, so that mark tries no longer phrases, and none at a word
	// that begins none (most words).
	first map[string]int
}

func newGazetteer(names map[string]string) *gazetteer {
	g := &gazetteer{types: map[string]int{}, first: map[string]int{}}
	for phrase, typ := range names {
		i := slices.Index(Types, typ)
		if i < 0 || phrase == "" {
			continue
		}
		g.types[phrase] = i + 1
		words := strings.Count(phrase, " ") + 1
		g.maxLen = max(g.maxLen, words)
		w, _, _ := strings.Cut(phrase, " ")
		g.first[w] = max(g.first[w], words)
	}
	return g
}

// names returns the gazetteer as phrase → type.
func (g *gazetteer) names() map[string]string {
	m := make(map[string]string, len(g.types))
	for p, t := range g.types {
		m[p] = Types[t-1]
	}
	return m
}

// mark sets each word's gaz value from the longest phrase that covers it,
// scanning left to right.
func (g *gazetteer) mark(sc *scratch, toks []nlp.Token) {
	if g == nil || len(g.types) == 0 {
		return
	}
	sc.upper = sc.upper[:0]
	for i := range toks {
		sc.upper = append(sc.upper, strings.ToUpper(toks[i].Form))
	}
	for i := 0; i < len(toks); {
		n, typ := 0, 0
		longest := min(g.maxLen, len(toks)-i)
		// A phrase of l words is matched by at most l words; a word with
		// a space in it is not a first word.
		if w := sc.upper[i]; !strings.Contains(w, " ") {
			longest = min(longest, g.first[w])
		}
		// The candidate phrases are the prefixes of one string, built
		// once; looking up string(bytes) does not copy them.
		sc.phrase, sc.ends = sc.phrase[:0], sc.ends[:0]
		for l := range longest {
			if l > 0 {
				sc.phrase = append(sc.phrase, ' ')
			}
			sc.phrase = append(sc.phrase, sc.upper[i+l]...)
			sc.ends = append(sc.ends, len(sc.phrase))
		}
		for l := longest; l >= 1; l-- {
			if t, ok := g.types[string(sc.phrase[:sc.ends[l-1]])]; ok {
				n, typ = l, t
				break
			}
		}
		if n == 0 {
			i++
			continue
		}
		for k := i; k < i+n; k++ {
			v := uint64(typ) << 1
			if k == i {
				v |= 1
			}
			sc.words[pad+k].gaz = v
		}
		i += n
	}
}

// fileTypes gives the entity type of the actors of each of Dyad's built-in
// dictionary files.
var fileTypes = map[string]string{
	"countries.txt":     Place,
	"leaders.txt":       Person,
	"organisations.txt": Organization,
	"groups.txt":        Organization,
	"institutions.txt":  Organization,
}

// Gazetteer returns the names of the actors of Dyad's built-in dictionaries
// (as dict/builtin reads them) by entity type, for Options.Gazetteer:
// countries are places, leaders people, organisations, armed groups and
// institutions organisations. Names of other files are left out.
func Gazetteer(d *dict.Dictionary) map[string]string {
	m := map[string]string{}
	for _, a := range d.Actors {
		typ, ok := fileTypes[path.Base(a.Source.File)]
		if !ok {
			continue
		}
		for _, n := range a.Names {
			if n.Gaps == 0 {
				m[strings.Join(n.Words, " ")] = typ
			}
		}
	}
	return m
}
