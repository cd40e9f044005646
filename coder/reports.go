package coder

import "dyad/dict"

// combine gives a statement verb governing a coded clause ("intend to
// help") the combined code the dictionary's ontology defines (intend + aid =
// intend to aid), if any.
func (cs *coding) combine(up, low *analysis) {
	o := cs.c.d.Ontology
	if o == nil || low.code.IsNull() || up.combined {
		return
	}
	code, ok := o.Combine(up.code.Primary, low.code.Primary)
	if !ok {
		return
	}
	up.combined = true
	ev := Evidence{Role: "ontology", Entry: up.code.Primary + " + " + low.code.Primary, Code: code, Source: o.Source}
	up.code = dict.Code{Primary: code}
	up.rules = append(up.rules, "combined")
	up.ontoEv = append(up.ontoEv, ev)
	up.events = cs.makeEvents(up)
}

// transform applies the dictionary's transformations to an upper verb
// reporting a lower clause's event: "A says A attacked B" becomes A → B
// claiming responsibility. It returns the new events, or nil.
func (cs *coding) transform(up, low *analysis) []Event {
	d := cs.c.d
	var out []Event
	for _, t := range d.TransformsFor(up.entry.Block) {
		if !d.ReportedVerbMatches(t, low.entry.Block) {
			continue
		}
		lowSources := low.sources
		if len(lowSources) == 0 {
			lowSources = []mention{{}}
		}
		lowTargets := low.targets
		if len(lowTargets) == 0 {
			lowTargets = []mention{{}}
		}
		for _, us := range up.sources {
			for _, ls := range lowSources {
				for _, lt := range lowTargets {
					vars := map[string]mention{}
					if !bind(vars, t.Outer, us) || !bind(vars, t.Inner[0], ls) || !bind(vars, t.Inner[1], lt) {
						continue
					}
					code := t.Result[2]
					reported := code == "Q"
					if reported {
						code = low.code.Primary
					}
					s, ok1 := vars[t.Result[0]]
					g, ok2 := vars[t.Result[1]]
					if !ok1 || !ok2 || dict.IsNull(code) || s.code == g.code || !cs.dyadOK(s, g) {
						continue
					}
					e := cs.event(up, s, g, code)
					if reported {
						// The reported event itself: told as its clause
						// tells it ("A says it will attack B").
						if low.modality == "" {
							low.modality = cs.modality(low)
						}
						e.Modality = low.modality
					}
					e.Rule += "+transformed"
					e.Evidence = append(e.Evidence, Evidence{Role: "transformation", Entry: t.String(), Code: code, Source: t.Source})
					out = append(out, e)
				}
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}

// bind matches a transformation variable against a mention: "." matches
// anything, "_" only a missing actor, a letter binds (or must equal its
// earlier binding).
func bind(vars map[string]mention, name string, m mention) bool {
	switch name {
	case ".":
		return true
	case "_":
		return !m.real()
	}
	if !m.real() {
		return false
	}
	if old, ok := vars[name]; ok {
		return old.code == m.code
	}
	vars[name] = m
	return true
}
