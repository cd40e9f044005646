package story

import (
	"strings"
	"unicode"

	"dyad/coder"
	"dyad/geo"
	"dyad/nlp"
)

// Location is where an event happened, as the article tells it.
type Location struct {
	Place *geo.Place `json:"place"`
	// FullName names the place with its division and country, as GDELT's
	// ActionGeo_FullName does: "Baghdad, Baghdad, Iraq".
	FullName string `json:"full_name"`
	// Method says where the place was found: "clause" (the clause of the
	// event's anchor), "sentence" (elsewhere in its sentence) or
	// "dateline" (the article's dateline).
	Method string `json:"method"`
	// Sentence is the index of the sentence that names the place; 0 for
	// a dateline.
	Sentence int    `json:"sentence,omitempty"`
	Text     string `json:"text"`              // the words that named it
	Compass  string `json:"compass,omitempty"` // "west" in "west Baghdad"
}

// The methods of Location, from the surest.
const (
	LocClause   = "clause"
	LocSentence = "sentence"
	LocDateline = "dateline"
)

// locate gives each event of st a Location: the place named in the clause
// of one of its mentions' anchors first, then elsewhere in the sentence,
// then the dateline; never a place inside an actor's words ("the Islamic
// Army in Iraq"). Homonyms are resolved with what the article says about
// its countries: the countries it names, the countries of its places and
// of its actors.
func locate(st *Story, g *geo.Gazetteer) {
	if len(st.Events) == 0 {
		return // most articles: their places would place nothing
	}
	sents := make([]*nlp.Sentence, len(st.Sentences))
	for i, s := range st.Sentences {
		sents[i] = s.Parsed
	}
	art := g.Places(sents)
	for _, ev := range st.Events {
		for _, code := range []string{ev.Source, ev.Target} {
			if len(code) >= 3 {
				art.Context.Add(g, code[:3], 0.5)
			}
		}
	}
	// The words of each mention's clause, and the places that lie in
	// the clause of some event: those are that event's, not the
	// sentence's.
	clauses := map[*Mention][]bool{}
	claimed := make([][]bool, len(sents))
	for _, ev := range st.Events {
		for i := range ev.Mentions {
			m := &ev.Mentions[i]
			s := st.Sentences[m.Sentence-1]
			if s.Parsed == nil || m.Event.Verb.First < 1 {
				continue
			}
			clause := geo.Clause(s.Parsed, m.Event.Verb.First-1)
			clauses[m] = clause
			if claimed[m.Sentence-1] == nil {
				claimed[m.Sentence-1] = make([]bool, len(art.Mentions[m.Sentence-1]))
			}
			for j, pm := range art.Mentions[m.Sentence-1] {
				claimed[m.Sentence-1][j] = claimed[m.Sentence-1][j] || clause[pm.First]
			}
		}
	}
	var dl *Location
	if art.Dateline != nil {
		if p, ok := g.Resolve(*art.Dateline, art.Context); ok {
			dl = &Location{Place: p, FullName: FullName(g, p), Method: LocDateline, Text: art.Dateline.Name}
		}
	}
	for _, ev := range st.Events {
		ev.Location = eventLocation(st, ev, art, clauses, claimed, g)
		if ev.Location == nil && dl != nil {
			l := *dl
			ev.Location = &l
		}
	}
}

// eventLocation returns the place of an event's surest mention: one in the
// clause of a mention's anchor, else one elsewhere in a mention's sentence
// that no other event's clause claims ("Pakistan accused India of shelling
// villages near Kotli, and India said Pakistani forces attacked its
// posts": Kotli is the shelling's). Of several places, the first is taken,
// unless a later one, in any of the event's mentions, lies inside it
// ("ceasefire in Kashmir" in the headline, "along the Line of Control in
// Kashmir" in the body).
func eventLocation(st *Story, ev *Event, art *geo.Article, clauses map[*Mention][]bool, claimed [][]bool, g *geo.Gazetteer) *Location {
	var inClause, inSentence *Location
	better := func(cur, l *Location) *Location {
		if cur == nil || geo.Within(l.Place, cur.Place) {
			return l
		}
		return cur
	}
	for i := range ev.Mentions {
		m := &ev.Mentions[i]
		clause := clauses[m]
		if clause == nil {
			continue
		}
		s := st.Sentences[m.Sentence-1]
		for j, pm := range art.Mentions[m.Sentence-1] {
			// A name that nothing around marks as a place is an
			// actor ("Pakistan accused India of…", "the US military
			// said", "ominously for Washington").
			if !pm.Located() || !eventPlace(s.Parsed, pm, &m.Event) || !clause[pm.First] && claimed[m.Sentence-1][j] {
				continue
			}
			p, ok := g.Resolve(pm, art.Context)
			if !ok {
				continue
			}
			l := &Location{Place: p, FullName: FullName(g, p), Method: LocSentence, Sentence: s.Index, Text: pm.Name, Compass: pm.Compass}
			if clause[pm.First] {
				l.Method = LocClause
				inClause = better(inClause, l)
			} else {
				inSentence = better(inSentence, l)
			}
		}
	}
	if inClause != nil {
		return inClause
	}
	return inSentence
}

// eventPlace reports whether a located place mention may be where an
// event happened: not a place inside an actor's name ("the Islamic Army
// in Iraq", "al-Qaeda in Iraq"), but one inside an actor's words that only
// say where the actor is ("rebels in Darfur", "hideouts near Ramadi",
// whose target is Iraq for the town).
func eventPlace(s *nlp.Sentence, pm geo.Mention, e *coder.Event) bool {
	for _, sp := range []coder.Span{e.SourceSpan, e.TargetSpan} {
		if !within(pm, sp.First, sp.Last) || sp.First == pm.First+1 && sp.Last == pm.Last+1 {
			continue
		}
		// The words before the place, skipping "the": a lower-case
		// preposition, and before it a lower-case word of the actor's
		// ("rebels in"); a capital there makes it a name ("Army in").
		prep := pm.First - 1
		if prep > 0 && strings.EqualFold(s.Tokens[prep].Form, "the") {
			prep--
		}
		if prep < 1 || sp.First > prep || hasUpper(s.Tokens[prep].Form) || hasUpper(s.Tokens[prep-1].Form) {
			return false
		}
	}
	return true
}

func hasUpper(w string) bool { return strings.IndexFunc(w, unicode.IsUpper) >= 0 }

// within reports whether a place mention overlaps the words first..last
// (1-based word IDs, 0 for none).
func within(m geo.Mention, first, last int) bool {
	return first > 0 && m.First+1 <= last && m.Last+1 >= first
}

// FullName is a place's name as GDELT's ActionGeo_FullName writes it:
// "Baghdad, Baghdad, Iraq"; "Texas, United States"; "Iraq"; "Kashmir".
func FullName(g *geo.Gazetteer, p *geo.Place) string {
	if p == nil {
		return ""
	}
	parts := []string{p.Name}
	if p.Kind == geo.City {
		if d := g.Division(p.ADM1); d != nil {
			parts = append(parts, d.Name)
		}
	}
	// A region of several countries ("Kashmir") is named alone.
	if p.Kind != geo.Country && p.Country != "" {
		if c := g.CountryOf(p.Country); c != nil {
			parts = append(parts, c.Name)
		}
	}
	return strings.Join(parts, ", ")
}
