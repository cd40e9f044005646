package dict

import (
	"io"
	"strings"
)

// ReadAgents reads a PETRARCH agent dictionary from r into d. Each line is
//
//	PHRASE {PLURALS} [~CODE]
//
// where the code follows '~' when it is appended to an actor code
// ("[~GOV]") and precedes it when it is prefixed ("[NGO~]"). Regular plurals
// of the last word are generated unless {PLURALS} lists them; "{}" means the
// phrase has no plural. Substitution sets, defined as
//
//	!PERSON! = MAN, MEN, WOMAN, WOMEN
//
// expand a phrase such as CONGRESS!PERSON! into one phrase per member, with
// no plurals generated.
func (d *Dictionary) ReadAgents(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	subst := map[string][]string{}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "!") {
			if k, v, ok := strings.Cut(t, "="); ok && strings.Count(strings.TrimSpace(k), "!") == 2 {
				var items []string
				for _, it := range strings.Split(v, ",") {
					if it = strings.ToUpper(strings.Join(strings.Fields(it), "")); it != "" {
						items = append(items, it)
					}
				}
				subst[strings.ToUpper(strings.TrimSpace(k))] = items
				continue
			}
		}
		before, code, _, ok := bracket(t)
		if !ok {
			d.problem(l.src, "agent %q has no [code]", t)
			continue
		}
		code = strings.ToUpper(strings.Join(strings.Fields(code), ""))
		a := &Agent{Source: l.src}
		switch {
		case strings.HasPrefix(code, "~") && len(code) > 1:
			a.Code = code[1:]
		case strings.HasSuffix(code, "~") && len(code) > 1:
			a.Code, a.Prefix = code[:len(code)-1], true
		default:
			d.problem(l.src, "agent code %q has no '~'", code)
			continue
		}
		phrase, plurals, _, hasPlurals := braces(before)
		phrase = strings.TrimSpace(phrase)
		variants, substituted := expandSubst(strings.ToUpper(phrase), subst)
		if variants == nil {
			d.problem(l.src, "agent %q uses an undefined substitution set", phrase)
			continue
		}
		for _, v := range variants {
			p := splitName(v)
			if len(p.Words) == 0 || len(p.Words) > maxPhraseWords {
				d.problem(l.src, "bad agent phrase %q", v)
				continue
			}
			a.Names = append(a.Names, p)
			switch {
			case hasPlurals:
				for _, pl := range strings.Fields(plurals) {
					if q := splitName(pl); len(q.Words) > 0 && len(q.Words) <= maxPhraseWords {
						a.Names = append(a.Names, q)
					}
				}
			case !substituted:
				last := p.Words[len(p.Words)-1]
				if pl := plural(last); pl != last {
					q := Name{Words: append(Phrase(nil), p.Words...), Gaps: p.Gaps}
					q.Words[len(q.Words)-1] = pl
					a.Names = append(a.Names, q)
				}
			}
		}
		if len(a.Names) > 0 {
			d.Agents = append(d.Agents, a)
		}
	}
	return nil
}

// expandSubst replaces every !SET! in s by each member of the set. It
// returns nil if a set is undefined, and whether any substitution was made.
// A member is put in as it is, not expanded again, so that a set naming
// itself ("!A! = !A!") cannot recurse without end.
func expandSubst(s string, subst map[string][]string) ([]string, bool) {
	i := strings.IndexByte(s, '!')
	if i < 0 {
		return []string{s}, false
	}
	j := strings.IndexByte(s[i+1:], '!')
	if j < 0 {
		return []string{s}, false
	}
	key := s[i : i+j+2]
	items, ok := subst[key]
	if !ok {
		return nil, false
	}
	rests, _ := expandSubst(s[i+j+2:], subst)
	if rests == nil {
		return nil, false
	}
	var out []string
	for _, it := range items {
		for _, r := range rests {
			out = append(out, s[:i]+it+r)
		}
		if len(out) > 256 {
			break
		}
	}
	return out, true
}

// plural forms the regular English plural of an upper-case noun, as the
// PETRARCH readers do: -ES after SS, SH, CH, X or Z, -IES for a consonant
// and Y, -S otherwise. A word already ending in a single S is taken to be
// plural and returned as it is.
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "SS"), strings.HasSuffix(w, "SH"), strings.HasSuffix(w, "CH"),
		strings.HasSuffix(w, "X"), strings.HasSuffix(w, "Z"):
		return w + "ES"
	case strings.HasSuffix(w, "S"):
		return w
	case len(w) > 1 && w[len(w)-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(w[len(w)-2])):
		return w[:len(w)-1] + "IES"
	}
	return w + "S"
}
