package geo

import (
	"math"
	"strings"
	"unicode"

	"dyad/nlp"
)

// Mention is a place named in a sentence.
type Mention struct {
	First, Last int    // indexes of its words in the sentence's Tokens, from 0
	Name        string // the words as written
	// Qualifier is a country or division named right after it ("Paris,
	// Texas"; "Tripoli, Lebanon"): it decides among homonyms.
	Qualifier []*Place
	// Compass is the direction word before it ("west Baghdad",
	// "northern Syria"), lower-cased, or "".
	Compass    string
	Candidates []*Place // countries first, then by population
	// Cue is what made the name a place: "locative" (a preposition
	// such as "in" or "near" before it), "compass", "qualifier",
	// "recogniser" (the named-entity recogniser's LOC), "country" (a
	// country's name alone), "dateline", or "non-locative" (a place
	// the recogniser tagged, or a country, after a preposition such as
	// "for" or "against"). A country's name alone, and a name after
	// such a preposition, is as often an actor as a place ("accused
	// India of", "ominously for Washington"): Located tells them apart.
	Cue string
}

// Located reports whether the words around a mention say that something
// is there: a locative preposition, a compass word, a qualifier, a
// dateline, or the recogniser's LOC on a town or region not governed by
// "for", "against" and the like. Where an event happened is taken only
// from such mentions; a country's name alone is an actor more often.
func (m Mention) Located() bool {
	switch m.Cue {
	case CueLocative, CueCompass, CueQualifier, CueDateline:
		return true
	case CueRecogniser:
		return m.Candidates[0].Kind != Country
	}
	return false
}

// The cues of a Mention.
const (
	CueLocative    = "locative"
	CueCompass     = "compass"
	CueQualifier   = "qualifier"
	CueRecogniser  = "recogniser"
	CueCountry     = "country"
	CueDateline    = "dateline"
	CueNonLocative = "non-locative"
)

// locative are the words after which a capitalised name is taken for a
// place even when the recogniser did not tag it.
var locative = map[string]bool{
	"in": true, "near": true, "outside": true, "at": true, "from": true, "into": true, "across": true,
	"around": true, "towards": true, "toward": true, "to": true, "inside": true, "throughout": true,
	"through": true, "via": true, "between": true, "and": true, "of": true, "on": true, "over": true,
	"along": true,
}

// nonLocative are the prepositions after which a place's name is more
// often an actor ("ominously for Washington", "pressure against Baghdad",
// "talks with Moscow", "attacks by Iran"), whatever the recogniser says.
var nonLocative = map[string]bool{
	"for": true, "against": true, "with": true, "by": true, "than": true, "like": true, "versus": true,
}

// compass words qualify a place: "west Baghdad", "northern Syria".
var compass = map[string]bool{
	"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true,
	"eastern": true, "western": true, "central": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "northeastern": true, "northwestern": true,
	"southeastern": true, "southwestern": true, "downtown": true, "suburban": true,
}

// Mentions returns the places a tagged sentence names: capitalised words
// that the gazetteer knows and that the sentence uses as a place — tagged
// LOC by the named-entity recogniser, after a locative preposition or a
// compass word, qualified by a country ("Paris, Texas"), or the name of a
// country. Names inside a person's or an organisation's name ("the
// Jordan Times", "Paris Hilton") are not places.
func (g *Gazetteer) Mentions(s *nlp.Sentence) []Mention {
	toks := s.Tokens
	var out []Mention
	for i := 0; i < len(toks); i++ {
		if !capitalised(toks[i].Form) {
			continue
		}
		n, cands := g.longest(toks, i)
		if n == 0 {
			continue
		}
		m := Mention{First: i, Last: i + n - 1, Name: join(toks[i : i+n]), Candidates: cands}
		if i > 0 && compass[strings.ToLower(toks[i-1].Form)] {
			m.Compass = strings.ToLower(toks[i-1].Form)
		}
		m.Qualifier = g.qualifier(toks, i+n)
		if m.Cue = g.cue(s, m); m.Cue != "" {
			out = append(out, m)
			i += n - 1 + 2*len(m.Qualifier)
		}
	}
	return out
}

// longest returns the number of words and the candidates of the longest
// name in the gazetteer that starts at word i.
func (g *Gazetteer) longest(toks []nlp.Token, i int) (int, []*Place) {
	for n := min(g.maxWords, len(toks)-i); n >= 1; n-- {
		last := toks[i+n-1].Form
		if n > 1 && !capitalised(last) {
			continue
		}
		if c := g.Lookup(join(toks[i : i+n])); len(c) > 0 {
			return n, c
		}
	}
	return 0, nil
}

// qualifier returns the country or division named by ", Name" at word i.
func (g *Gazetteer) qualifier(toks []nlp.Token, i int) []*Place {
	if i+1 >= len(toks) || toks[i].Form != "," || !capitalised(toks[i+1].Form) {
		return nil
	}
	n, cands := g.longest(toks, i+1)
	var out []*Place
	for _, c := range cands {
		if c.Kind != City {
			out = append(out, c)
		}
	}
	if n != 1 && len(out) > 0 {
		// A qualifier of several words ("New Mexico") counts as one.
		return out[:1]
	}
	return out
}

// cue returns why a mention is a place (Mention.Cue), or "" when it is
// not one.
func (g *Gazetteer) cue(s *nlp.Sentence, m Mention) string {
	toks := s.Tokens
	// A place inside a longer name of a person or an organisation ("the
	// Islamic Army in Iraq", "Bank of England") is part of that name; a
	// name the recogniser took whole for a person or an organisation
	// ("Jordan") is judged by the cues below, as the recogniser is often
	// wrong about single names.
	locLabel := false
	for _, e := range s.Entities {
		if (e.Type == "PER" || e.Type == "ORG") && e.First <= m.Last && e.Last >= m.First && e.Last-e.First > m.Last-m.First {
			return ""
		}
		locLabel = locLabel || e.Type == "LOC" && e.First <= m.First && e.Last >= m.Last
	}
	prev := ""
	if m.First > 0 {
		prev = strings.ToLower(toks[m.First-1].Form)
		if prev == "the" && m.First > 1 {
			prev = strings.ToLower(toks[m.First-2].Form)
		}
	}
	one := m.First == m.Last
	word := toks[m.First].Form
	rel := toks[m.Last].DepRel
	switch {
	case one && commonWord[strings.ToLower(word)] && !locLabel:
		// "in March", "the City", "the West"
		return ""
	case one && len(word) <= 4 && upperWord(word) && m.Candidates[0].Kind != Country && !locLabel:
		// an acronym ("NATO", "UN") that is also a town's name
		return ""
	case (rel == "nsubj" || rel == "nsubj:pass") && !locative[prev]:
		// The subject of a clause is an actor ("Russia expelled…",
		// "Moscow said"), not a place.
		return ""
	case nonLocative[prev] && m.Compass == "" && len(m.Qualifier) == 0 && (locLabel || m.Candidates[0].Kind == Country):
		return CueNonLocative
	case locative[prev]:
		return CueLocative
	case m.Compass != "":
		return CueCompass
	case len(m.Qualifier) > 0:
		return CueQualifier
	case locLabel:
		return CueRecogniser
	case m.Candidates[0].Kind == Country:
		return CueCountry
	}
	return ""
}

// commonWord are capitalised words that name towns somewhere but are far
// more often something else: months, days, directions ("the West") and
// nouns that start the names of institutions. They count as places only when the recogniser says so.
var commonWord = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"city": true, "council": true, "union": true, "state": true, "republic": true, "capital": true, "university": true,
	"court": true, "police": true, "army": true, "government": true, "parliament": true, "church": true, "congress": true,
	"senate": true, "president": true, "minister": true, "central": true, "national": true, "security": true,
	"west": true, "east": true, "north": true, "south": true, "centre": true, "center": true,
}

// capitalised reports whether a word starts with an upper-case letter.
func capitalised(w string) bool {
	for _, r := range w {
		return unicode.IsUpper(r)
	}
	return false
}

func join(toks []nlp.Token) string {
	if len(toks) == 1 {
		return toks[0].Form // most tries are of one word (longest)
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 && (t.Start < 0 || toks[i-1].End < t.Start) {
			b.WriteByte(' ')
		}
		b.WriteString(t.Form)
	}
	return b.String()
}

// Context is what an article says about where it is: how often it names
// each country (ISO 3166-1 alpha-2), directly or through its places and
// actors. It decides among homonyms: "Tripoli" in a story about Lebanon.
type Context map[string]float64

// Add counts a country code (alpha-2 or CAMEO's alpha-3) w times.
func (c Context) Add(g *Gazetteer, code string, w float64) {
	if p := g.CountryOf(code); p != nil {
		c[p.Country] += w
	}
}

// weight is how much the article names a place's country: for a region,
// the most named of its countries.
func (c Context) weight(p *Place) float64 {
	if p.Kind != Region || len(p.Countries) == 0 {
		return c[p.Country]
	}
	w := 0.0
	for _, cc := range p.Countries {
		w = max(w, c[cc])
	}
	return w
}

// Resolve chooses the place a mention denotes: the candidate in the
// country or division its qualifier names, else the one the article's
// context and its population favour; a country's name denotes the country.
// ok is false when the mention has no candidate, or when the best is a
// town of under 50,000 people in a country the article does not name.
func (g *Gazetteer) Resolve(m Mention, ctx Context) (p *Place, ok bool) {
	best, bestScore := (*Place)(nil), math.Inf(-1)
	for _, c := range m.Candidates {
		score := math.Log10(float64(c.Population)+10) + math.Min(ctx.weight(c), 2)
		switch {
		case c.Kind == Country:
			score += 10
		case c.Feature == "PPLC":
			score += 1.5
		case c.Feature == "PPLA":
			score += 0.5
		case c.Kind == ADM1 || c.Kind == Region:
			// GeoNames gives divisions no population: count one as a
			// city of a million, above towns that share its name
			// ("Nevada", Missouri) and below the big city it is named
			// after (Baghdad). Regions are counted as divisions. A
			// division of a country the article never names is not
			// counted so: "Uri" in a story of India and Pakistan is
			// the town in Kashmir, not the Swiss canton.
			score = 6 + math.Min(ctx.weight(c), 2)
			if len(ctx) > 0 && ctx.weight(c) == 0 {
				score -= 3
			}
		}
		for _, q := range m.Qualifier {
			if c == q || Within(c, q) {
				score += 20
			}
		}
		if score > bestScore {
			best, bestScore = c, score
		}
	}
	// A small town abroad, in a country the article never names, is more
	// likely a place the gazetteer lacks under a name it shares
	// ("Heathrow" in a London story is a town in Florida): no place is
	// better than a wrong one.
	if best != nil && best.Kind == City && len(m.Qualifier) == 0 && len(ctx) > 0 && ctx[best.Country] == 0 && best.Population < 50_000 {
		return nil, false
	}
	return best, best != nil
}

// Dateline returns the place of a wire-copy dateline that opens a sentence
// ("BAGHDAD (Reuters) -", "GAZA CITY, Palestinian Territories:", "HANOI,
// Vietnam (AP) —", "BAGHDAD 1996-08-22"): upper-case words the gazetteer
// knows, followed by a comma, a bracket, a dash, a colon or a date.
func (g *Gazetteer) Dateline(s *nlp.Sentence) (Mention, bool) {
	toks := s.Tokens
	n := 0
	for n < len(toks) && n < g.maxWords && upperWord(toks[n].Form) {
		n++
	}
	if n == 0 || n == len(toks) {
		return Mention{}, false
	}
	switch next := toks[n].Form; {
	case next == "," || next == "(" || next == ":" || next == "-" || next == "--" || next == "—" || next == "–":
	case next != "" && unicode.IsDigit([]rune(next)[0]):
	default:
		return Mention{}, false
	}
	// The longest known name among the upper-case words, from the first.
	for k := n; k >= 1; k-- {
		if c := g.Lookup(join(toks[:k])); len(c) > 0 {
			if k < n {
				return Mention{}, false // upper-case words that are not all the place: a headline
			}
			return Mention{First: 0, Last: k - 1, Name: join(toks[:k]), Candidates: c, Qualifier: g.qualifier(toks, k), Cue: CueDateline}, true
		}
	}
	return Mention{}, false
}

// upperWord reports whether a word is written in capitals (two letters or
// more, or one letter followed by a full stop: "U.S.").
func upperWord(w string) bool {
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			letters++
		case r != '.' && r != '-' && r != '\'':
			return false
		}
	}
	return letters >= 2 || letters == 1 && strings.HasSuffix(w, ".")
}

// clausal are the relations that open a clause of its own: a place in one
// is not where the event of the clause above it happened.
var clausal = map[string]bool{"ccomp": true, "advcl": true, "acl": true, "acl:relcl": true, "parataxis": true, "csubj": true, "csubj:pass": true}

// Clause marks the words of the clause an event's anchor (word index
// anchor, from 0) belongs to: the subtree of the nearest verb at or above
// the anchor (the anchor itself for a verb; the verb whose argument an
// event noun is), without the clauses embedded in it. The sentence must be
// parsed.
func Clause(s *nlp.Sentence, anchor int) []bool {
	toks := s.Tokens
	in := make([]bool, len(toks))
	if anchor < 0 || anchor >= len(toks) {
		return in
	}
	head := anchor
	for steps := 0; steps < len(toks); steps++ {
		t := &toks[head]
		if t.UPOS == "VERB" || t.Head <= 0 || t.Head > len(toks) || clausal[t.DepRel] {
			break
		}
		head = t.Head - 1
	}
	// A word is in the clause if its way up reaches head without passing
	// a clausal relation or a conjoined verb.
	for i := range toks {
		w := i
		for steps := 0; steps < len(toks); steps++ {
			if w == head {
				in[i] = true
				break
			}
			t := &toks[w]
			if clausal[t.DepRel] || t.DepRel == "conj" && t.UPOS == "VERB" || t.Head <= 0 || t.Head > len(toks) {
				break
			}
			w = t.Head - 1
		}
	}
	return in
}

// Article is what the sentences of one article say about places.
type Article struct {
	Mentions [][]Mention // per sentence, the dateline's included
	Dateline *Mention    // the wire dateline of one of the first three sentences, or nil
	Context  Context     // the countries the article names, with their qualifiers' and dateline's
}

// Places finds the place mentions of an article's parsed sentences, its
// dateline, and the country context that resolves them. A caller that
// knows more of the article (its actors' countries) may add to Context
// before resolving.
func (g *Gazetteer) Places(sents []*nlp.Sentence) *Article {
	a := &Article{Mentions: make([][]Mention, len(sents)), Context: Context{}}
	for i, s := range sents {
		if s == nil {
			continue
		}
		a.Mentions[i] = g.Mentions(s)
		if a.Dateline == nil && i < 3 {
			if m, ok := g.Dateline(s); ok {
				a.Dateline = &m
				if len(a.Mentions[i]) == 0 || a.Mentions[i][0].First != 0 {
					a.Mentions[i] = append([]Mention{m}, a.Mentions[i]...)
				}
			}
		}
		for _, m := range a.Mentions[i] {
			if m.Candidates[0].Kind == Country {
				a.Context[m.Candidates[0].Country]++
			}
			for _, q := range m.Qualifier {
				if q.Country != "" {
					a.Context[q.Country]++
				}
			}
		}
	}
	if a.Dateline != nil {
		if p, ok := g.Resolve(*a.Dateline, a.Context); ok {
			a.Context[p.Country] += 2
		}
	}
	return a
}
