package builtin

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"dyad/codebook"
)

// Limits on input, so that a damaged or hostile file cannot exhaust memory.
const (
	MaxFileBytes = 4 << 20 // largest dictionary file read
	MaxLineBytes = 4096    // longest line
	maxErrors    = 50      // errors kept before giving up on a set
	maxTokens    = 24      // elements of one pattern
	maxAlts      = 64      // alternatives of one pattern element
	maxNameWords = 16      // words of one name, noun or set item
	nullCode     = "---"
)

// Parse reads every .txt file below the root of fsys, in lexical path
// order, as Dyad dictionaries. Positions name files as name/path, so that
// errors point at them ("dict/builtin/data/verbs/19-fight.txt:12: …").
// The error, if any, joins up to 50 *Error values.
func Parse(fsys fs.FS, name string) (*Set, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".txt") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read dictionaries %s: %w", name, err)
	}
	slices.Sort(files)
	s := NewSet()
	var errs []error
	for _, f := range files {
		data, err := readLimited(fsys, f)
		display := path.Join(name, f)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", display, err))
			continue
		}
		errs = append(errs, s.Read(display, data)...)
		if len(errs) >= maxErrors {
			break
		}
	}
	if len(errs) < maxErrors {
		errs = append(errs, s.Check()...)
	}
	if len(errs) > maxErrors {
		errs = errs[:maxErrors]
	}
	if len(errs) > 0 {
		return s, errors.Join(errs...)
	}
	return s, nil
}

func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fmt.Errorf("file larger than %d bytes", MaxFileBytes)
	}
	return data, nil
}

// NewSet returns an empty Set to Read files into.
func NewSet() *Set {
	return &Set{Sets: map[string]*WordSet{}, Forms: map[string][]string{}}
}

// Read parses one file's contents into s and returns the errors found, each
// an *Error naming name and the line. Call Check after the last file.
func (s *Set) Read(name string, data []byte) []error {
	p := &parser{s: s, file: name}
	s.Files = append(s.Files, name)
	if len(data) > MaxFileBytes {
		return []error{&Error{Pos{name, 0}, fmt.Sprintf("file larger than %d bytes", MaxFileBytes)}}
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	for n, raw := range bytes.Split(data, []byte("\n")) {
		p.line = n + 1
		if len(p.errs) >= maxErrors {
			break
		}
		if len(raw) > MaxLineBytes {
			p.fail("line longer than %d bytes", MaxLineBytes)
			continue
		}
		if !utf8.Valid(raw) {
			p.fail("line is not valid UTF-8")
			continue
		}
		p.parseLine(strings.TrimRight(string(raw), "\r"))
	}
	return p.errs
}

type parser struct {
	s     *Set
	file  string
	line  int
	errs  []error
	actor *Actor
	agent *Agent
	event *eventHeader
	// inEntry is false when the last header was one without attributes (a
	// set or a form) or an invalid one, whose attribute lines are then
	// reported once.
	inEntry bool
}

type eventHeader struct {
	code, reverse, desc string
}

func (p *parser) pos() Pos { return Pos{p.file, p.line} }

func (p *parser) fail(format string, args ...any) {
	p.errs = append(p.errs, &Error{p.pos(), fmt.Sprintf(format, args...)})
}

// stripComment cuts a '#' comment that starts the line or follows a blank.
func stripComment(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] == '#' && (i == 0 || s[i-1] == ' ' || s[i-1] == '\t') {
			return s[:i]
		}
	}
	return s
}

func (p *parser) parseLine(raw string) {
	text := strings.TrimRightFunc(stripComment(raw), unicode.IsSpace)
	if strings.TrimSpace(text) == "" {
		return
	}
	if strings.ContainsFunc(text, func(r rune) bool { return unicode.IsControl(r) && r != '\t' }) {
		p.fail("control character in line")
		return
	}
	if text[0] == ' ' || text[0] == '\t' {
		p.attribute(strings.TrimSpace(text))
		return
	}
	p.actor, p.agent, p.event, p.inEntry = nil, nil, nil, false
	keyword, rest, _ := strings.Cut(text, " ")
	rest = strings.TrimSpace(rest)
	switch keyword {
	case "country", "org", "group", "person":
		p.actorHeader(kindWords[keyword], rest)
	case "agent":
		p.agentHeader(rest)
	case "event":
		p.eventHeader(rest)
	case "set":
		p.setLine(rest)
	case "form":
		p.formLine(rest)
	case "transform":
		p.transformLine(rest)
	default:
		p.fail("unknown entry %q (want country, org, group, person, agent, set, form, transform or event)", keyword)
	}
}

func (p *parser) attribute(text string) {
	switch {
	case p.event != nil:
		p.pattern(text)
	case p.actor != nil:
		p.actorAttribute(text)
	case p.agent != nil:
		p.agentAttribute(text)
	case p.inEntry:
		// The header was bad and has been reported; skip its body.
	default:
		p.fail("indented line outside an entry")
		p.inEntry = true
	}
}

// ---------------------------------------------------------------- actors

func (p *parser) actorHeader(kind ActorKind, rest string) {
	p.inEntry = true
	a := &Actor{Kind: kind, Pos: p.pos()}
	label := rest
	if kind != Person {
		code, l, _ := strings.Cut(rest, " ")
		if !validActorCode(code) {
			p.fail("%s needs a code of three-letter parts, then a name; got %q", kind, rest)
			return
		}
		a.Code, label = code, strings.TrimSpace(l)
	}
	n, ok := p.name(label, Name)
	if !ok {
		return
	}
	a.Label = n.Text
	a.Names = append(a.Names, n)
	p.actor = a
	p.s.Actors = append(p.s.Actors, a)
}

func (p *parser) actorAttribute(text string) {
	key, val, ok := strings.Cut(text, ":")
	if !ok {
		p.fail("want key: value, got %q", text)
		return
	}
	key, val = strings.TrimSpace(key), strings.TrimSpace(val)
	a := p.actor
	switch key {
	case "code":
		if c, ok := p.datedCode(val); ok {
			a.Codes = append(a.Codes, c)
		}
	case "note":
		a.Notes = append(a.Notes, val)
	default:
		kind, ok := nameKeys[key]
		if !ok {
			p.fail("unknown key %q (want name, short, adjective, people, capital, place, local, code or note)", key)
			return
		}
		for _, item := range splitList(val) {
			if n, ok := p.name(item, kind); ok {
				a.Names = append(a.Names, n)
			}
		}
	}
}

// name parses one actor name: an optional '=' marking exact case, then
// words.
func (p *parser) name(text string, kind NameKind) (ActorName, bool) {
	n := ActorName{Kind: kind, Line: p.line}
	if rest, ok := strings.CutPrefix(text, "="); ok {
		n.Exact, text = true, rest
	}
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		p.fail("empty name")
		return n, false
	}
	if i := strings.IndexAny(text, "|@*{}[];"); i >= 0 {
		p.fail("name %q contains %q", text, text[i:i+1])
		return n, false
	}
	if len(strings.Fields(text)) > maxNameWords {
		p.fail("name %q has more than %d words", text, maxNameWords)
		return n, false
	}
	n.Text = text
	n.Exact = n.Exact || abbreviation(text)
	return n, true
}

// abbreviation reports whether a name is an all-capital abbreviation of at
// most five letters ("IS", "U.S."), which matches only in capitals.
func abbreviation(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || unicode.IsDigit(r):
		default:
			return false
		}
	}
	return letters > 0 && letters <= 5
}

func validActorCode(c string) bool {
	if len(c) == 0 || len(c)%3 != 0 || len(c) > 30 {
		return false
	}
	for i := 0; i < len(c); i++ {
		if c[i] < 'A' || c[i] > 'Z' {
			return false
		}
	}
	return true
}

// datedCode parses "CODE" or "CODE FROM..TO" with ISO dates, either end
// open.
func (p *parser) datedCode(val string) (DatedCode, bool) {
	f := strings.Fields(val)
	c := DatedCode{Line: p.line}
	if len(f) == 0 || len(f) > 2 || !validActorCode(f[0]) {
		p.fail("want code: CODE [YYYY-MM-DD..YYYY-MM-DD], got %q", val)
		return c, false
	}
	c.Code = f[0]
	if len(f) == 1 {
		return c, true
	}
	from, to, ok := strings.Cut(f[1], "..")
	if !ok || (from == "" && to == "") {
		p.fail("date range %q: want FROM..TO with at least one date", f[1])
		return c, false
	}
	var err error
	if c.From, err = parseDate(from); err != nil {
		p.fail("date range %q: %v", f[1], err)
		return c, false
	}
	if c.To, err = parseDate(to); err != nil {
		p.fail("date range %q: %v", f[1], err)
		return c, false
	}
	if c.From != 0 && c.To != 0 && c.From > c.To {
		p.fail("date range %q ends before it starts", f[1])
		return c, false
	}
	return c, true
}

// parseDate turns YYYY-MM-DD into YYYYMMDD; "" is 0, an open end.
func parseDate(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return 0, fmt.Errorf("bad date %q (want YYYY-MM-DD)", s)
	}
	return t.Year()*10000 + int(t.Month())*100 + t.Day(), nil
}

func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// ---------------------------------------------------------------- agents

func (p *parser) agentHeader(rest string) {
	p.inEntry = true
	spec, label, _ := strings.Cut(rest, " ")
	a := &Agent{Label: strings.TrimSpace(label), Pos: p.pos()}
	switch {
	case spec == "~":
	case strings.HasPrefix(spec, "~") && validActorCode(spec[1:]):
		a.Code = spec[1:]
	case strings.HasSuffix(spec, "~") && validActorCode(spec[:len(spec)-1]):
		a.Code, a.Prefix = spec[:len(spec)-1], true
	default:
		p.fail("agent needs ~CODE, CODE~ or ~, got %q", spec)
		return
	}
	p.agent = a
	p.s.Agents = append(p.s.Agents, a)
}

func (p *parser) agentAttribute(text string) {
	key, val, ok := strings.Cut(text, ":")
	switch strings.TrimSpace(key) {
	case "noun":
	case "note":
		return
	default:
		p.fail("unknown agent key %q (want noun or note)", key)
		return
	}
	if !ok {
		return
	}
	for _, item := range splitList(val) {
		n := Noun{Line: p.line}
		word, plurals, hasBraces := strings.Cut(item, "{")
		if hasBraces {
			inside, after, closed := strings.Cut(plurals, "}")
			if !closed || strings.TrimSpace(after) != "" {
				p.fail("noun %q: want NOUN {PLURAL…}", item)
				continue
			}
			n.Plurals = []string{}
			for _, pl := range strings.Split(inside, ",") {
				if pl = strings.Join(strings.Fields(pl), " "); pl != "" {
					n.Plurals = append(n.Plurals, pl)
				}
			}
		}
		n.Text = strings.Join(strings.Fields(word), " ")
		if !p.phrase(n.Text, "noun") {
			continue
		}
		p.agent.Nouns = append(p.agent.Nouns, n)
	}
}

// phrase checks a noun or set item: words of letters, digits and the
// punctuation names use.
func (p *parser) phrase(s, what string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > maxNameWords {
		p.fail("%s %q: want 1 to %d words", what, s, maxNameWords)
		return false
	}
	for _, w := range words {
		if !validWord(w) {
			p.fail("%s %q: bad word %q", what, s, w)
			return false
		}
	}
	return true
}

func validWord(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("-'.’", r) {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------- sets and forms

func (p *parser) setLine(rest string) {
	name, val, ok := strings.Cut(rest, ":")
	name = strings.TrimSpace(name)
	if !ok || !validSetName(name) {
		p.fail("want set NAME: item; item, with a name of lower-case letters, digits and _; got %q", rest)
		return
	}
	ws := p.s.Sets[name]
	if ws == nil {
		ws = &WordSet{Name: name, Pos: p.pos()}
		p.s.Sets[name] = ws
	}
	for _, item := range splitList(val) {
		if ref, isRef := strings.CutPrefix(item, "@"); isRef {
			if !validSetName(ref) {
				p.fail("set %s: bad set reference %q", name, item)
				continue
			}
		} else if !p.phrase(item, "set item") {
			continue
		} else {
			item = strings.Join(strings.Fields(item), " ")
		}
		ws.Items = append(ws.Items, item)
	}
}

func validSetName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

func (p *parser) formLine(rest string) {
	lemma, val, ok := strings.Cut(rest, ":")
	lemma = strings.TrimSpace(lemma)
	forms := strings.Fields(val)
	if !ok || !validWord(lemma) || strings.Contains(lemma, " ") || len(forms) == 0 {
		p.fail("want form LEMMA: FORM…, got %q", rest)
		return
	}
	lemma = strings.ToLower(lemma)
	if _, dup := p.s.Forms[lemma]; dup {
		p.fail("forms of %q given twice", lemma)
		return
	}
	for _, f := range forms {
		if !validWord(f) {
			p.fail("form %q of %q: bad word", f, lemma)
			return
		}
	}
	p.s.Forms[lemma] = forms
}

// transformLine parses "VERB: x (y z VERB2) => y z CODE".
func (p *parser) transformLine(rest string) {
	verbs, body, ok := strings.Cut(rest, ":")
	lhs, rhs, ok2 := strings.Cut(body, "=>")
	inner := strings.Fields(strings.NewReplacer("(", " ( ", ")", " ) ").Replace(lhs))
	result := strings.Fields(rhs)
	bad := func() {
		p.fail("want transform VERB: x (y z VERB) => y z CODE, got %q", rest)
	}
	if !ok || !ok2 || len(inner) != 6 || inner[1] != "(" || inner[5] != ")" || len(result) != 3 {
		bad()
		return
	}
	alts, err := parseAlts(strings.TrimSpace(verbs))
	if err != nil || slices.ContainsFunc(alts, func(a string) bool { return strings.ContainsAny(a, "@ ") }) {
		bad()
		return
	}
	t := &Transform{Verbs: alts, Outer: inner[0], Inner: [3]string{inner[2], inner[3], inner[4]},
		Result: [3]string{result[0], result[1], result[2]}, Pos: p.pos()}
	bound := map[string]bool{}
	for _, v := range []string{t.Outer, t.Inner[0], t.Inner[1]} {
		if !isVariable(v) && v != "." && v != "_" || v == t.Outer && !isVariable(v) {
			bad()
			return
		}
		bound[v] = true
	}
	for _, v := range t.Result[:2] {
		if !isVariable(v) || !bound[v] {
			p.fail("transform %q: result actor %q is not a variable of the reported events", rest, v)
			return
		}
	}
	if t.Inner[2] != "Q" {
		alts, err := parseAlts(t.Inner[2])
		if err != nil || slices.ContainsFunc(alts, func(a string) bool { return strings.ContainsAny(a, "@ ") }) {
			bad()
			return
		}
	}
	if c := t.Result[2]; c != "Q" && !codebook.Valid(c) {
		p.fail("transform %q: %q is not a CAMEO code", rest, c)
		return
	}
	p.s.Transforms = append(p.s.Transforms, t)
}

func isVariable(s string) bool { return len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' }

// ---------------------------------------------------------------- events

func (p *parser) eventHeader(rest string) {
	p.inEntry = true
	codes, desc, _ := strings.Cut(rest, " ")
	code, reverse, _ := strings.Cut(codes, ":")
	if !validEventCode(code) || (reverse != "" && !validEventCode(reverse)) {
		p.fail("event needs CAMEO codes CODE or CODE:CODE (or ---), got %q", codes)
		return
	}
	if reverse == nullCode {
		reverse = ""
	}
	p.event = &eventHeader{code: code, reverse: reverse, desc: strings.TrimSpace(desc)}
}

func validEventCode(c string) bool { return c == nullCode || codebook.Valid(c) }

// pattern parses one pattern line of the current event block.
func (p *parser) pattern(text string) {
	toks := strings.Fields(text)
	if len(toks) > maxTokens {
		p.fail("pattern has more than %d elements", maxTokens)
		return
	}
	pat := &Pattern{Code: p.event.code, Reverse: p.event.reverse, Event: p.event.desc, Text: strings.Join(toks, " "), Pos: p.pos(), Anchor: -1}
	slots := map[ElemKind]bool{}
	for i, t := range toks {
		var e Elem
		switch t {
		case "SRC":
			e.Kind = Source
		case "TGT":
			e.Kind = Target
		case "PAIR":
			e.Kind = Pair
		case "be":
			if pat.Anchor >= 0 {
				e.Kind, e.Alts = Word, []string{"be"} // a copula in the object ("say TGT be behind")
				break
			}
			e.Kind = Be
		case "'s":
			if i == 0 || !isSlot(pat.Elems[i-1].Kind) {
				p.fail("pattern %q: 's must follow SRC, TGT or PAIR", pat.Text)
				return
			}
			e.Kind = Possessive
		default:
			e.Kind = Word
			if rest, ok := strings.CutPrefix(t, "*"); ok {
				if pat.Anchor >= 0 {
					p.fail("pattern %q has two anchors (*)", pat.Text)
					return
				}
				e.Kind, t, pat.Anchor = Anchor, rest, i
			}
			alts, err := parseAlts(t)
			if err != nil {
				p.fail("pattern %q: %v", pat.Text, err)
				return
			}
			e.Alts = alts
		}
		if isSlot(e.Kind) {
			if slots[e.Kind] {
				p.fail("pattern %q names %s twice", pat.Text, t)
				return
			}
			slots[e.Kind] = true
		}
		pat.Elems = append(pat.Elems, e)
	}
	switch {
	case pat.Anchor < 0:
		p.fail("pattern %q has no anchor (mark the verb or noun with *)", pat.Text)
		return
	case slots[Pair] && (slots[Source] || slots[Target]):
		p.fail("pattern %q: PAIR stands for both sides; drop SRC and TGT", pat.Text)
		return
	case len(slots) == 0:
		p.fail("pattern %q names no actor (SRC, TGT or PAIR)", pat.Text)
		return
	}
	p.s.Patterns = append(p.s.Patterns, pat)
}

func isSlot(k ElemKind) bool { return k == Source || k == Target || k == Pair }

// parseAlts splits a|b|@set into alternatives; '_' joins the words of a
// multiword alternative.
func parseAlts(t string) ([]string, error) {
	parts := strings.Split(t, "|")
	if len(parts) > maxAlts {
		return nil, fmt.Errorf("%q has more than %d alternatives", t, maxAlts)
	}
	var out []string
	for _, a := range parts {
		if ref, ok := strings.CutPrefix(a, "@"); ok {
			if !validSetName(ref) {
				return nil, fmt.Errorf("bad set reference %q", a)
			}
			out = append(out, a)
			continue
		}
		words := strings.Split(a, "_")
		if len(words) > maxNameWords {
			return nil, fmt.Errorf("%q has more than %d words", a, maxNameWords)
		}
		for _, w := range words {
			if !validWord(w) {
				return nil, fmt.Errorf("bad word %q in %q", w, t)
			}
		}
		out = append(out, strings.Join(words, " "))
	}
	return out, nil
}
