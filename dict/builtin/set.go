package builtin

import (
	"fmt"
	"strings"
)

// Pos is where an entry was written: a file (slash-separated, relative to
// the directory read) and a 1-based line.
type Pos struct {
	File string
	Line int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d", p.File, p.Line) }

// Error is a problem with a dictionary file, at a line.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string { return e.Pos.String() + ": " + e.Msg }

// Set is a parsed set of Dyad-format dictionaries: the entries as written,
// before conversion to the coder's model.
type Set struct {
	Actors   []*Actor
	Agents   []*Agent
	Sets     map[string]*WordSet // by name, without the '@'
	Patterns []*Pattern
	// Forms maps a verb lemma to its irregular forms.
	Forms      map[string][]string
	Transforms []*Transform
	// Files lists the files read, in order.
	Files []string
}

// ActorKind is the kind of an actor entry, named by its keyword.
type ActorKind int

// The kinds of actor entry.
const (
	Country      ActorKind = iota + 1 // "country": a state or territory
	Organisation                      // "org": an organisation or institution
	Group                             // "group": a non-state armed group or movement
	Person                            // "person": a named individual
)

var kindWords = map[string]ActorKind{"country": Country, "org": Organisation, "group": Group, "person": Person}

func (k ActorKind) String() string {
	for w, kk := range kindWords {
		if kk == k {
			return w
		}
	}
	return fmt.Sprintf("ActorKind(%d)", int(k))
}

// NameKind says what part of speech or use an actor's name has. All kinds
// code the same way; the kind documents the entry and lets tools tell a
// country's adjective ("Iraqi") from its capital ("Baghdad").
type NameKind int

// The kinds of actor name, named by their attribute keys.
const (
	Name      NameKind = iota + 1 // the entry's header name, or "name:"
	Short                         // "short:": a short form ("US", "the Islamic Army")
	Adjective                     // "adjective:": "Iraqi", "American"
	People                        // "people:": the people ("Iraqis", "Britons")
	Capital                       // "capital:": a capital used for the government ("Baghdad")
	Place                         // "place:": another place that stands for the actor ("Gaza")
	// Local ("local:") is a name that stands for the actor only in a story
	// of the actor's own country: a party's bare name ("Labour",
	// "Democrats"), which other countries' parties share.
	Local
)

var nameKeys = map[string]NameKind{"name": Name, "short": Short, "adjective": Adjective, "people": People, "capital": Capital, "place": Place, "local": Local}

func (k NameKind) String() string {
	for w, kk := range nameKeys {
		if kk == k {
			return w
		}
	}
	return fmt.Sprintf("NameKind(%d)", int(k))
}

// ActorName is one name of an actor.
type ActorName struct {
	Text string
	Kind NameKind
	// Exact is set for a name that must match with its own capitalisation:
	// written "=Name", or an all-capital abbreviation of at most five
	// letters ("IS", "WHO").
	Exact bool
	Line  int
}

// DatedCode is an actor code that holds from From to To inclusive (YYYYMMDD
// integers; 0 leaves that end open). A code with both ends open is the
// actor's default.
type DatedCode struct {
	Code     string
	From, To int
	Line     int
}

// Actor is a country, organisation, group or person entry.
type Actor struct {
	Kind  ActorKind
	Label string // the header name
	// Code is the code given on the header line: the default code of a
	// country, organisation or group. Persons have none.
	Code  string
	Names []ActorName // the header name first
	Codes []DatedCode // from "code:" lines, in order
	Notes []string
	Pos   Pos
}

// Agent is a kind of actor named by common nouns.
type Agent struct {
	// Code is added to an actor's code: after it, or before it when Prefix
	// is set. An empty code (written "~") adds nothing: the noun names a
	// representative who speaks as the actor.
	Code   string
	Prefix bool
	Label  string
	Nouns  []Noun
	Pos    Pos
}

// Noun is an agent noun in the singular with its plural forms.
type Noun struct {
	Text string
	// Plurals lists irregular plurals written in braces; nil means the
	// regular plural, and an empty non-nil slice ("{}") means none.
	Plurals []string
	Line    int
}

// WordSet is a named set of words or phrases ("set truce: truce;
// ceasefire").
type WordSet struct {
	Name  string
	Items []string // lemmas, words separated by single spaces; "@name" refers to another set
	Pos   Pos
}

// Transform rewrites an event reported by another verb, as PETRARCH's
// transformations do: "transform say: a (a b attack) => a b 015" makes "A
// says A attacked B" a claim of responsibility. Variables are single
// lower-case letters; "." in the reported event stands for any actor and
// "_" for none; the reported verb or the code "Q" stands for any event (and
// Q in the result copies its code).
type Transform struct {
	Verbs  []string  // the reporting verb's lemma alternatives ("say|claim")
	Outer  string    // the reporting verb's source
	Inner  [3]string // the reported event's source, target and verb (or Q)
	Result [3]string // the new event's source, target and code (or Q)
	Pos    Pos
}

// ElemKind is the kind of a pattern element.
type ElemKind int

// The kinds of pattern element.
const (
	Source     ElemKind = iota + 1 // SRC: the source actor
	Target                         // TGT: the target actor
	Pair                           // PAIR: two or more actors acting on each other
	Anchor                         // *word: the verb or noun the event hangs on
	Word                           // a word, one of several (a|b), or a set (@name)
	Be                             // be before the anchor: it is passive or predicative
	Possessive                     // 's after a slot: the actor owns the next word
)

// Elem is one element of a pattern. Alts holds the alternatives of an
// Anchor or Word element: lemmas (several words separated by spaces) or set
// references ("@truce").
type Elem struct {
	Kind ElemKind
	Alts []string
}

// Pattern is one event pattern line.
type Pattern struct {
	// Code is the event code from source to target ("---" for none);
	// Reverse, if set, the code from target to source.
	Code, Reverse string
	Event         string // the event block's description
	Elems         []Elem
	Anchor        int    // index of the anchor in Elems
	Text          string // the line as written
	Pos           Pos
}

// Nominal reports whether the pattern hangs on a noun ("clashes between
// PAIR", "SRC 's attack on TGT") rather than on a verb: no slot comes before
// its anchor, or a possessive does.
func (p *Pattern) Nominal() bool {
	slot := false
	for _, e := range p.Elems[:p.Anchor] {
		switch e.Kind {
		case Source, Target, Pair:
			slot = true
		case Possessive:
			return true
		}
	}
	return !slot
}

// Predicate reports whether the pattern hangs on the predicate of a clause
// with "be" ("SRC be *responsible for", "PAIR be *involved in"): an
// adjective, noun, participle or preposition after a copula or passive
// auxiliary.
func (p *Pattern) Predicate() bool {
	if p.Nominal() {
		return false
	}
	for _, e := range p.Elems[:p.Anchor] {
		if e.Kind == Be {
			return true
		}
	}
	return false
}

// Root returns the CAMEO root of the event the pattern codes: its code's,
// or its reverse code's when only the reverse codes ("---:170"); "" when
// it codes nothing.
func (p *Pattern) Root() string {
	c := p.Code
	if c == nullCode {
		c = p.Reverse
	}
	if len(c) < 2 || c == nullCode {
		return ""
	}
	return c[:2]
}

// Nominal returns the patterns anchored on a noun, which Dictionary
// converts to noun anchors of the dict model.
func (s *Set) Nominal() []*Pattern {
	var out []*Pattern
	for _, p := range s.Patterns {
		if p.Nominal() {
			out = append(out, p)
		}
	}
	return out
}

// Stats counts a Set's entries.
type Stats struct {
	Countries, Organisations, Groups, People int
	Agents, AgentNouns                       int
	Sets, Patterns, Nominal                  int
	// ByRoot counts the patterns of each CAMEO root ("01" to "20"); "---"
	// counts the patterns that code nothing.
	ByRoot map[string]int
}

// Stats counts the entries of s.
func (s *Set) Stats() Stats {
	st := Stats{ByRoot: map[string]int{}, Sets: len(s.Sets), Agents: len(s.Agents), Patterns: len(s.Patterns)}
	for _, a := range s.Actors {
		switch a.Kind {
		case Country:
			st.Countries++
		case Organisation:
			st.Organisations++
		case Group:
			st.Groups++
		case Person:
			st.People++
		}
	}
	for _, a := range s.Agents {
		st.AgentNouns += len(a.Nouns)
	}
	for _, p := range s.Patterns {
		r := p.Root()
		if r == "" {
			r = nullCode
		}
		st.ByRoot[r]++
		if p.Nominal() {
			st.Nominal++
		}
	}
	return st
}

// fold is the case-insensitive key of a name or word.
func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
