package dict

import (
	"fmt"
	"slices"
	"strings"

	"dyad/codebook"
)

// Severity is how much a Finding matters.
type Severity int

// The severities.
const (
	// Warning: the dictionary codes as it is, but an entry is redundant or
	// suspicious (a name given twice with the same code).
	Warning Severity = iota + 1
	// Error: an entry is lost or ambiguous (a pattern naming an undefined
	// synset, a name given two different codes, a code CAMEO does not
	// have).
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Finding is one problem Check reports.
type Finding struct {
	Severity Severity
	Kind     string // "duplicate", "unknown code", "undefined synset", "unusable line", "unknown verb"
	Source   Source
	Msg      string
}

func (f Finding) String() string {
	return fmt.Sprintf("%s: %s: %s: %s", f.Source, f.Severity, f.Kind, f.Msg)
}

// CheckOptions configure Check. The zero value checks event codes against
// the CAMEO codebook.
type CheckOptions struct {
	// AnyCodes reports event codes that are not CAMEO codes as warnings
	// rather than errors, for dictionaries with codes of their own (the
	// PETRARCH validation suites' test dictionaries).
	AnyCodes bool
}

// Check looks for what makes a compiled dictionary code other than its
// authors meant: lines the readers could not use, references Compile could
// not resolve (undefined synsets, unknown verbs), entries given twice
// (actor and agent names, verbs of one block, patterns, synset members,
// discards, issues), and event codes that are not CAMEO codes. Findings
// are in dictionary order, each naming its file and line.
func Check(d *Dictionary, opts CheckOptions) []Finding {
	var out []Finding
	add := func(sev Severity, kind string, src Source, format string, args ...any) {
		out = append(out, Finding{Severity: sev, Kind: kind, Source: src, Msg: fmt.Sprintf(format, args...)})
	}
	for _, p := range d.Problems {
		switch p.Kind {
		case UndefinedSynset, UnknownVerb:
			add(Error, p.Kind, p.Source, "%s", p.Msg)
		default:
			add(Error, "unusable line", p.Source, "%s", p.Msg)
		}
	}
	checkNames(d, add)
	checkVerbs(d, opts, add)
	checkSynsets(d, add)
	checkLists(d, add)
	slices.SortStableFunc(out, func(a, b Finding) int {
		if c := strings.Compare(a.Source.File, b.Source.File); c != 0 {
			return fileOrder(d, a.Source.File) - fileOrder(d, b.Source.File)
		}
		return a.Source.Line - b.Source.Line
	})
	return out
}

// fileOrder is a file's place in d.Files, for sorting findings in reading
// order.
func fileOrder(d *Dictionary, f string) int {
	if i := slices.Index(d.Files, f); i >= 0 {
		return i
	}
	return len(d.Files)
}

type addFunc func(sev Severity, kind string, src Source, format string, args ...any)

// checkNames reports actor and agent names given twice: an error when the
// two entries code differently, a warning when they code alike.
func checkNames(d *Dictionary, add addFunc) {
	type first struct {
		code  string
		src   Source
		id    any
		local bool
	}
	seen := map[string]first{}
	for _, a := range d.Actors {
		code := codesText(a.Codes)
		for _, n := range a.Names {
			key := nameKey(n)
			if f, ok := seen[key]; ok {
				switch {
				case f.local && n.Local && f.id != any(a):
					// Parties of one name in several countries: the
					// story's country chooses.
				case f.id == any(a):
					add(Warning, "duplicate", a.Source, "actor name %s is given twice", n)
				case f.code != code:
					add(Error, "duplicate", a.Source, "actor name %s codes %s here and %s at %s", n, code, f.code, f.src)
				default:
					add(Warning, "duplicate", a.Source, "actor name %s is also an actor at %s (both %s)", n, f.src, code)
				}
				continue
			}
			seen[key] = first{code: code, src: a.Source, id: a, local: n.Local}
		}
	}
	for _, g := range d.Agents {
		code := g.Code
		if g.Prefix {
			code += "~"
		} else {
			code = "~" + code
		}
		for _, n := range g.Names {
			key := nameKey(n)
			f, ok := seen[key]
			switch {
			case !ok:
				seen[key] = first{code: code, src: g.Source, id: g}
			case f.id == any(g):
			case strings.Contains(f.code, "~") && f.code != code:
				add(Error, "duplicate", g.Source, "agent name %s codes %s here and %s at %s", n, code, f.code, f.src)
			case strings.Contains(f.code, "~"):
				add(Warning, "duplicate", g.Source, "agent name %s is also an agent at %s", n, f.src)
			default:
				add(Warning, "duplicate", g.Source, "agent name %s is also an actor's name at %s, which wins", n, f.src)
			}
		}
	}
}

func nameKey(n Name) string { return n.String() + "\x00" + strings.Join(n.Cased, " ") }

// codesText writes an actor's codes with their dates, to compare and show
// them.
func codesText(cs []DatedCode) string {
	if len(cs) == 0 {
		return "nothing"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Code
		if !c.Default() {
			parts[i] += fmt.Sprintf(" %d-%d", c.From, c.To)
		}
	}
	return strings.Join(parts, ", ")
}

// checkVerbs reports verbs listed twice in a block, patterns written twice
// (a conflict when their codes differ) and event codes that are not CAMEO
// codes.
func checkVerbs(d *Dictionary, opts CheckOptions, add addFunc) {
	codeSev := Error
	if opts.AnyCodes {
		codeSev = Warning
	}
	checkCode := func(c Code, src Source, what string) {
		for _, x := range []string{c.Primary, c.Secondary} {
			if !IsNull(x) && !codebook.Valid(x) {
				add(codeSev, "unknown code", src, "%s has code %s, which is not a CAMEO event code", what, x)
			}
		}
	}
	for _, b := range d.Blocks {
		checkCode(b.Code, b.Source, "verb block "+b.Name)
		words := map[string]Source{}
		for _, v := range b.Verbs {
			if v.Code != nil {
				checkCode(*v.Code, v.Source, "verb "+v.Words.String())
			}
			k := v.Words.String()
			if src, dup := words[k]; dup {
				add(Warning, "duplicate", v.Source, "verb %s is listed twice in block %s (also at %s)", k, b.Name, src)
			}
			words[k] = v.Source
		}
		pats := map[string]*Pattern{}
		for _, p := range b.Patterns {
			checkCode(p.Code, p.Source, "pattern "+p.String())
			k := strings.TrimSuffix(p.String(), " ["+p.Code.String()+"]")
			if q, dup := pats[k]; dup {
				if q.Code != p.Code {
					add(Error, "duplicate", p.Source, "pattern %s codes %s here and %s at %s: the first wins", k, p.Code, q.Code, q.Source)
				} else {
					add(Warning, "duplicate", p.Source, "pattern %s is written twice in block %s (also at %s)", k, b.Name, q.Source)
				}
				continue
			}
			pats[k] = p
		}
	}
	for _, t := range d.Transforms {
		if c := t.Result[2]; c != "Q" && !IsNull(c) && !codebook.Valid(c) {
			add(codeSev, "unknown code", t.Source, "transformation %s has code %s, which is not a CAMEO event code", t, c)
		}
	}
}

// checkSynsets reports members listed twice in a synset.
func checkSynsets(d *Dictionary, add addFunc) {
	names := make([]string, 0, len(d.Synsets))
	for n := range d.Synsets {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		s := d.Synsets[n]
		seen := map[string]bool{}
		for _, m := range s.Members {
			k := fmt.Sprint(m.Prep, m.Words)
			if seen[k] {
				add(Warning, "duplicate", s.Source, "synset &%s lists %s twice", n, m.Words)
			}
			seen[k] = true
		}
	}
}

// checkLists reports discard and issue phrases given twice.
func checkLists(d *Dictionary, add addFunc) {
	discards := map[string]*Discard{}
	for _, x := range d.Discards {
		k := fmt.Sprint(x.Text, x.WholeWord)
		if f, dup := discards[k]; dup {
			sev := Warning
			if f.Story != x.Story {
				sev = Error
			}
			add(sev, "duplicate", x.Source, "discard %q is also at %s", x.Text, f.Source)
			continue
		}
		discards[k] = x
	}
	issues := map[string]*Issue{}
	for _, x := range d.Issues {
		if f, dup := issues[x.Phrase]; dup {
			sev := Warning
			if f.Code != x.Code || f.Ignore != x.Ignore {
				sev = Error
			}
			add(sev, "duplicate", x.Source, "issue phrase %q (%s) is also at %s (%s)", x.Phrase, x.Code, f.Source, f.Code)
			continue
		}
		issues[x.Phrase] = x
	}
}
