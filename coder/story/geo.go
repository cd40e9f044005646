package story

import (
	"strings"

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
	var dl *Location
	if art.Dateline != nil {
		if p, ok := g.Resolve(*art.Dateline, art.Context); ok {
			dl = &Location{Place: p, FullName: FullName(g, p), Method: LocDateline, Text: art.Dateline.Name}
		}
	}
	for _, ev := range st.Events {
		ev.Location = eventLocation(st, ev, art.Mentions, g, art.Context)
		if ev.Location == nil && dl != nil {
			l := *dl
			ev.Location = &l
		}
	}
}

// eventLocation returns the place of an event's surest mention: one in the
// clause of a mention's anchor, else one elsewhere in a mention's sentence.
func eventLocation(st *Story, ev *Event, mentions [][]geo.Mention, g *geo.Gazetteer, ctx geo.Context) *Location {
	var fallback *Location
	for _, m := range ev.Mentions {
		s := st.Sentences[m.Sentence-1]
		if s.Parsed == nil || m.Event.Verb.First < 1 {
			continue
		}
		clause := geo.Clause(s.Parsed, m.Event.Verb.First-1)
		for _, pm := range mentions[m.Sentence-1] {
			if within(pm, m.Event.SourceSpan.First, m.Event.SourceSpan.Last) || within(pm, m.Event.TargetSpan.First, m.Event.TargetSpan.Last) {
				continue
			}
			p, ok := g.Resolve(pm, ctx)
			if !ok {
				continue
			}
			l := &Location{Place: p, FullName: FullName(g, p), Method: LocSentence, Sentence: s.Index, Text: pm.Name, Compass: pm.Compass}
			if clause[pm.First] {
				l.Method = LocClause
				return l
			}
			if fallback == nil {
				fallback = l
			}
		}
	}
	return fallback
}

// within reports whether a place mention overlaps the words first..last
// (1-based word IDs, 0 for none).
func within(m geo.Mention, first, last int) bool {
	return first > 0 && m.First+1 <= last && m.Last+1 >= first
}

// FullName is a place's name as GDELT's ActionGeo_FullName writes it:
// "Baghdad, Baghdad, Iraq"; "Texas, United States"; "Iraq".
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
	if p.Kind != geo.Country {
		if c := g.CountryOf(p.Country); c != nil {
			parts = append(parts, c.Name)
		}
	}
	return strings.Join(parts, ", ")
}
