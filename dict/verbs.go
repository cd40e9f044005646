package dict

import (
	"errors"
	"io"
	"strings"
)

// ReadVerbs reads a PETRARCH verb dictionary from r into d: synsets, verb
// blocks with their patterns, and transformations. It reads both the
// PETRARCH-2 format, whose patterns mark noun phrases with {...} and
// prepositional phrases with (...), and the older PETRARCH-1 format of flat
// word sequences; a file whose patterns never use braces or parentheses is
// taken to be PETRARCH-1 and its patterns are Flat.
//
// The layout is:
//
//	&CURRENCY             a synset; '+' lines are its members
//	+DOLLAR
//	+SWISS FRANCS
//
//	--- BREAK [120] ---   a verb block with its default code
//	BREAK {BROKE BROKEN}  verbs, with irregular forms and an optional code
//	+BREAK_DOWN {+BROKE_DOWN +BROKEN_DOWN}  multiword verb; '+' marks the verb
//	- * TREATY [1246]     patterns: elements before and after the verb (*)
//	- + * (IN) $ [075]
//
//	~ a (b . ATTACK) SAY = a b 112   a transformation
//
// Regular forms (-S, -ED, -ING) are generated for verbs given without
// irregular forms, and regular plurals for synset members unless the member
// or the synset name ends with '_'. A prepositional phrase may hold a pair
// slot, "(BETWEEN %)", which PETRARCH does not have (see Anchors in the
// package documentation); every pattern read is a VerbAnchor.
func (d *Dictionary) ReadVerbs(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	if d.Synsets == nil {
		d.Synsets = map[string]*Synset{}
	}
	flat := true
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		if strings.HasPrefix(t, "-") && !strings.HasPrefix(t, "---") && strings.ContainsAny(t, "{(") {
			flat = false
			break
		}
	}
	var (
		block    *VerbBlock
		syn      *Synset
		noPlural bool
	)
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "&"):
			block = nil
			f := strings.Fields(t[1:])
			if len(f) == 0 {
				d.problem(l.src, "synset without a name")
				syn = nil
				continue
			}
			label := strings.ToUpper(f[0])
			noPlural = strings.HasSuffix(label, "_")
			label = strings.TrimRight(label, "_")
			if old, dup := d.Synsets[label]; dup {
				// A repeated definition adds to the first one, as PETRARCH's
				// validation dictionary expects (&PREPOSIT1_ appears twice).
				syn = old
				continue
			}
			syn = &Synset{Name: label, Source: l.src}
			d.Synsets[label] = syn
		case strings.HasPrefix(t, "+") && syn != nil && block == nil:
			d.addSynsetMember(syn, t[1:], noPlural, l.src)
		case strings.HasPrefix(t, "---"):
			syn = nil
			block = parseBlockHeader(t, l.src)
			if block == nil {
				d.problem(l.src, "bad verb block header %q", t)
				continue
			}
			d.Blocks = append(d.Blocks, block)
		case strings.HasPrefix(t, "~"):
			syn, block = nil, nil
			tr, err := parseTransform(t, l.src)
			if err != nil {
				d.problem(l.src, "%v", err)
				continue
			}
			d.Transforms = append(d.Transforms, tr)
		case strings.HasPrefix(t, "-"), strings.HasPrefix(t, "*"):
			if block == nil {
				d.problem(l.src, "pattern outside a verb block")
				continue
			}
			if strings.HasPrefix(t, "*") {
				d.problem(l.src, "pattern without its leading '-'; read anyway")
			} else {
				t = t[1:]
			}
			p, err := parsePatternLine(t, flat)
			if err != nil {
				d.problem(l.src, "pattern %q: %v", t, err)
				continue
			}
			p.Block, p.Source, p.Comment = block, l.src, l.comment
			block.Patterns = append(block.Patterns, p)
		default:
			if block == nil {
				d.problem(l.src, "line %q outside a verb block", t)
				continue
			}
			v, err := parseVerbLine(t)
			if err != nil {
				d.problem(l.src, "verb %q: %v", t, err)
				continue
			}
			v.Block, v.Source = block, l.src
			block.Verbs = append(block.Verbs, v)
		}
	}
	return nil
}

func (d *Dictionary) addSynsetMember(s *Synset, t string, noPlural bool, src Source) {
	t = strings.TrimSpace(t)
	if strings.HasPrefix(t, "&") {
		// A reference to another synset, expanded by Compile.
		s.Members = append(s.Members, SynsetMember{Words: Phrase{strings.ToUpper(strings.TrimRight(t, "_ "))}})
		return
	}
	m := SynsetMember{}
	if strings.HasPrefix(t, "(") {
		t = strings.Trim(t, "() ")
		m.Prep = true
	}
	keep := noPlural || strings.HasSuffix(t, "_")
	m.Words = splitWords(t)
	if len(m.Words) == 0 || len(m.Words) > maxPhraseWords {
		d.problem(src, "bad synset member %q", t)
		return
	}
	s.Members = append(s.Members, m)
	if last := m.Words[len(m.Words)-1]; !keep && !m.Prep && plural(last) != last {
		pl := append(Phrase(nil), m.Words...)
		pl[len(pl)-1] = plural(last)
		s.Members = append(s.Members, SynsetMember{Words: pl})
	}
}

// parseBlockHeader reads "--- NAME [CODE] ---".
func parseBlockHeader(t string, src Source) *VerbBlock {
	inner := strings.Trim(t, "- \t")
	before, code, _, hasCode := bracket(inner)
	name := strings.TrimSpace(before)
	if name == "" {
		return nil
	}
	b := &VerbBlock{Name: strings.ToUpper(strings.Fields(name)[0]), Source: src, Code: Code{Primary: NullCode}}
	if hasCode {
		b.Code = parseCode(code)
	}
	return b
}

// parseCode reads "042", "042:043", ":173" or "---".
func parseCode(s string) Code {
	s = strings.ToUpper(strings.Join(strings.Fields(s), ""))
	p, sec, ok := strings.Cut(s, ":")
	if p == "" {
		p = NullCode
	}
	if !ok || sec == "" {
		return Code{Primary: p}
	}
	return Code{Primary: p, Secondary: sec}
}

// parseVerbLine reads "WORD {FORMS} [CODE]", where WORD may be a multiword
// verb such as +BREAK_DOWN or WIRE_+TAP.
func parseVerbLine(t string) (*Verb, error) {
	rest, code, _, hasCode := bracket(t)
	head, forms, _, hasForms := braces(rest)
	words, hi, err := verbWords(strings.TrimSpace(head))
	if err != nil {
		return nil, err
	}
	v := &Verb{Words: words, Head: hi}
	base := words[hi]
	v.Forms = []string{base}
	if hasForms {
		for _, f := range strings.Fields(forms) {
			fw, fi, err := verbWords(f)
			if err != nil || fi >= len(fw) {
				continue
			}
			v.Forms = append(v.Forms, fw[fi])
		}
	} else {
		v.Forms = append(v.Forms, regularForms(base)...)
	}
	if hasCode {
		c := parseCode(code)
		v.Code = &c
	}
	return v, nil
}

// verbWords splits a verb phrase into words and finds the verb proper: the
// word marked with '+', else the first.
func verbWords(s string) (Phrase, int, error) {
	if s == "" {
		return nil, 0, errors.New("no verb")
	}
	parts := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool { return r == '_' || r == ' ' || r == '\t' })
	var words Phrase
	head := 0
	for _, p := range parts {
		if strings.HasPrefix(p, "+") {
			head = len(words)
			p = strings.TrimLeft(p, "+")
		}
		if p != "" {
			words = append(words, p)
		}
	}
	if len(words) == 0 || len(words) > maxPhraseWords {
		return nil, 0, errors.New("no verb")
	}
	if head >= len(words) {
		head = len(words) - 1
	}
	return words, head, nil
}

// RegularForms returns the regular -S, -ED and -ING forms of an upper-case
// English verb, as the readers generate them.
func RegularForms(v string) []string { return regularForms(v) }

func regularForms(v string) []string {
	n := len(v)
	switch {
	case n > 1 && strings.HasSuffix(v, "E") && !strings.HasSuffix(v, "EE"):
		return []string{v + "S", v + "D", v[:n-1] + "ING"}
	case strings.HasSuffix(v, "EE"):
		return []string{v + "S", v + "D", v + "ING"}
	case n > 1 && v[n-1] == 'Y' && !strings.ContainsRune("AEIOU", rune(v[n-2])):
		return []string{v[:n-1] + "IES", v[:n-1] + "IED", v + "ING"}
	case strings.HasSuffix(v, "S"), strings.HasSuffix(v, "SH"), strings.HasSuffix(v, "CH"),
		strings.HasSuffix(v, "X"), strings.HasSuffix(v, "Z"):
		return []string{v + "ES", v + "ED", v + "ING"}
	}
	return []string{v + "S", v + "ED", v + "ING"}
}

// parsePatternLine reads the part of a pattern line after the '-':
// elements, '*' for the verb, more elements, and the code in brackets.
func parsePatternLine(t string, flat bool) (*Pattern, error) {
	i := strings.LastIndexByte(t, '[')
	if i < 0 {
		return nil, errors.New("no [code]")
	}
	code := t[i+1:]
	if j := strings.IndexByte(code, ']'); j >= 0 {
		code = code[:j]
	}
	body := t[:i]
	p := &Pattern{Code: parseCode(code), Flat: flat}
	var elems []Elem
	var err error
	if flat {
		elems, err = flatElems(body)
	} else {
		elems, err = parseElems(body, 0)
	}
	if err != nil {
		return nil, err
	}
	star := -1
	for k, e := range elems {
		if e.Kind == 0 {
			if star >= 0 {
				return nil, errors.New("two '*'")
			}
			star = k
		}
	}
	if star < 0 {
		return nil, errors.New("no '*' for the verb")
	}
	p.Pre = append([]Elem(nil), elems[:star]...)
	p.Post = append([]Elem(nil), elems[star+1:]...)
	return p, nil
}

// maxElems bounds the elements of one pattern.
const maxElems = 64

// parseElems tokenizes PETRARCH-2 pattern elements. The verb marker '*' is
// returned as an Elem of kind 0.
func parseElems(s string, depth int) ([]Elem, error) {
	if depth > 4 {
		return nil, errors.New("phrases nested too deeply")
	}
	var out []Elem
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		if len(out) >= maxElems {
			return nil, errors.New("too many elements")
		}
		switch s[0] {
		case '{':
			j := strings.IndexByte(s, '}')
			if j < 0 {
				return nil, errors.New("unclosed '{'")
			}
			inner, err := parseElems(s[1:j], depth+1)
			if err != nil {
				return nil, err
			}
			if len(inner) == 0 {
				return nil, errors.New("empty {}")
			}
			for _, e := range inner {
				if e.Kind != Word && e.Kind != SynsetRef {
					return nil, errors.New("{...} may hold only words and synsets")
				}
			}
			out = append(out, Elem{Kind: NounPhrase, Elems: inner})
			s = s[j+1:]
		case '(':
			j := closing(s)
			if j < 0 {
				return nil, errors.New("unclosed '('")
			}
			inner, err := parseElems(s[1:j], depth+1)
			if err != nil {
				return nil, err
			}
			if len(inner) == 0 || inner[0].Kind != Word {
				return nil, errors.New("(...) must start with a preposition")
			}
			for _, e := range inner[1:] {
				// A % inside is a pair of actors acting on each other
				// ("(BETWEEN %)"): Dyad's extension, for noun patterns.
				if e.Kind == 0 || e.Kind == PrepPhrase {
					return nil, errors.New("(...) may hold only words, synsets, {...} and slots")
				}
			}
			out = append(out, Elem{Kind: PrepPhrase, Text: inner[0].Text, Elems: inner[1:]})
			s = s[j+1:]
		case '}', ')':
			return nil, errors.New("unbalanced " + string(s[0]))
		default:
			j := strings.IndexAny(s, " \t{(})")
			tok := s
			if j >= 0 {
				tok, s = s[:j], s[j:]
			} else {
				s = ""
			}
			es, err := tokenElems(tok)
			if err != nil {
				return nil, err
			}
			out = append(out, es...)
		}
	}
	return out, nil
}

// closing returns the index of the ')' matching the '(' at s[0], or -1.
func closing(s string) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// tokenElems turns one blank-free token into elements: a slot, the verb
// marker, a synset reference or words joined by '_'.
func tokenElems(tok string) ([]Elem, error) {
	switch tok {
	case "*":
		return []Elem{{}}, nil
	case "$":
		return []Elem{{Kind: SourceSlot}}, nil
	case "+":
		return []Elem{{Kind: TargetSlot}}, nil
	case "^":
		return []Elem{{Kind: Skip}}, nil
	case "%":
		return []Elem{{Kind: Compound}}, nil
	}
	var out []Elem
	for _, part := range strings.Split(tok, "_") {
		switch {
		case part == "":
		case part == "*" || part == "$" || part == "+" || part == "^" || part == "%":
			es, _ := tokenElems(part)
			out = append(out, es...)
		case strings.HasPrefix(part, "&"):
			name := strings.ToUpper(strings.TrimRight(part[1:], "_"))
			if name == "" {
				return nil, errors.New("'&' without a synset name")
			}
			out = append(out, Elem{Kind: SynsetRef, Text: name})
		default:
			out = append(out, Elem{Kind: Word, Text: strings.ToUpper(part)})
		}
	}
	return out, nil
}

// flatElems tokenizes a PETRARCH-1 pattern: words, synsets and slots
// separated by blanks or '_'.
func flatElems(s string) ([]Elem, error) {
	var out []Elem
	for _, tok := range strings.Fields(s) {
		if len(out) >= maxElems {
			return nil, errors.New("too many elements")
		}
		es, err := tokenElems(tok)
		if err != nil {
			return nil, err
		}
		out = append(out, es...)
	}
	return out, nil
}

// parseTransform reads "~ a (a b ATTACK) SAY = a b 015".
func parseTransform(t string, src Source) (*Transform, error) {
	t = strings.NewReplacer("(", " ( ", ")", " ) ").Replace(strings.TrimPrefix(t, "~"))
	f := strings.Fields(t)
	if len(f) != 11 || f[1] != "(" || f[5] != ")" || f[7] != "=" {
		return nil, errors.New("transformation is not \"~ a (b c VERB) VERB = d e CODE\"")
	}
	up := strings.ToUpper
	return &Transform{
		Outer:  f[0],
		Inner:  [3]string{f[2], f[3], up(f[4])},
		Verb:   up(f[6]),
		Result: [3]string{f[8], f[9], up(f[10])},
		Source: src,
	}, nil
}
