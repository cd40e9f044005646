package builtin

import (
	"fmt"
	"slices"
	"strings"
)

// Check looks across all files read into s for what no single line shows:
// names given to two entries, agent nouns that are also actor names, set
// references to undefined or circular sets, and patterns written twice. It
// returns one *Error per problem.
func (s *Set) Check() []error {
	var errs []error
	fail := func(pos Pos, format string, args ...any) {
		if len(errs) < maxErrors {
			errs = append(errs, &Error{pos, fmt.Sprintf(format, args...)})
		}
	}

	names := map[string]Pos{}
	// cased are the names written only in their own capitalisation
	// ("=Labour"): a longer agent noun may begin with such a word written
	// in lower case ("labour union"), the common noun the name is told
	// from, and is meant to win over it.
	cased := map[string]bool{}
	// local are the names given as local: (several countries' parties may
	// share one; the coder chooses by the story's country).
	local := map[string]bool{}
	for _, a := range s.Actors {
		if a.Kind == Person && len(a.Codes) == 0 {
			fail(a.Pos, "person %q has no code: line", a.Label)
		}
		own := map[string]bool{}
		for _, n := range a.Names {
			k := fold(n.Text)
			if own[k] {
				continue // a name listed as, say, both short form and adjective
			}
			own[k] = true
			if n.Exact && n.Text != strings.ToLower(n.Text) {
				cased[k] = true
			}
			if first, dup := names[k]; dup && !(local[k] && n.Kind == Local) {
				fail(Pos{a.Pos.File, n.Line}, "name %q already names the entry at %s", n.Text, first)
				continue
			}
			if _, dup := names[k]; !dup {
				names[k] = a.Pos
				local[k] = n.Kind == Local
			}
		}
	}
	nouns := map[string]Pos{}
	for _, a := range s.Agents {
		if len(a.Nouns) == 0 {
			fail(a.Pos, "agent %q has no noun: line", a.Label)
		}
		for _, n := range a.Nouns {
			pos := Pos{a.Pos.File, n.Line}
			for _, form := range append([]string{n.Text}, n.Plurals...) {
				k := fold(form)
				if first, dup := nouns[k]; dup {
					fail(pos, "noun %q already belongs to the agent at %s", form, first)
				} else if actor, isActor := names[k]; isActor {
					fail(pos, "noun %q is also the name of the actor at %s", form, actor)
				}
				// Names are matched longest first, so "Israeli settler" as
				// a noun would hide the actor "Israeli".
				ws := strings.Fields(k)
				for n := len(ws) - 1; n > 0; n-- {
					if actor, isActor := names[strings.Join(ws[:n], " ")]; isActor && !(cased[strings.Join(ws[:n], " ")] && form == strings.ToLower(form)) {
						fail(pos, "noun %q begins with %q, the name of the actor at %s", form, strings.Join(ws[:n], " "), actor)
					}
				}
				nouns[k] = a.Pos
			}
		}
	}

	for _, name := range sortedKeys(s.Sets) {
		ws := s.Sets[name]
		for _, it := range ws.Items {
			if ref, ok := strings.CutPrefix(it, "@"); ok && s.Sets[ref] == nil {
				fail(ws.Pos, "set %s refers to undefined set @%s", name, ref)
			}
		}
		if s.cyclic(name, map[string]bool{}) {
			fail(ws.Pos, "set %s refers to itself", name)
		}
	}

	written := map[string]Pos{}
	for _, p := range s.Patterns {
		for _, e := range p.Elems {
			for _, alt := range e.Alts {
				if ref, ok := strings.CutPrefix(alt, "@"); ok && s.Sets[ref] == nil {
					fail(p.Pos, "pattern %q uses undefined set @%s", p.Text, ref)
				}
			}
		}
		if first, dup := written[p.Text]; dup {
			fail(p.Pos, "pattern %q already written at %s", p.Text, first)
		}
		written[p.Text] = p.Pos
	}
	return errs
}

func (s *Set) cyclic(name string, seen map[string]bool) bool {
	if seen[name] {
		return true
	}
	ws := s.Sets[name]
	if ws == nil {
		return false
	}
	seen[name] = true
	defer delete(seen, name)
	for _, it := range ws.Items {
		if ref, ok := strings.CutPrefix(it, "@"); ok && s.cyclic(ref, seen) {
			return true
		}
	}
	return false
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
