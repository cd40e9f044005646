package dict

import (
	"fmt"
	"strings"
)

// Source locates an entry: the file it was read from and its 1-based line.
// Entries built in code have an empty File.
type Source struct {
	File string `json:"file,omitempty"`
	Line int    `json:"line,omitempty"`
}

func (s Source) String() string {
	if s.File == "" {
		if s.Line == 0 {
			return "(built-in)"
		}
		return fmt.Sprintf("line %d", s.Line)
	}
	return fmt.Sprintf("%s:%d", s.File, s.Line)
}

// NullCode is the code that means "no code": an actor that is not coded or
// a verb or pattern that produces no event.
const NullCode = "---"

// IsNull reports whether an actor or event code is empty or the null code.
func IsNull(code string) bool { return code == "" || code == NullCode }

// Dictionary is a compiled set of coding dictionaries. Fill its fields (or
// use the readers) and call Compile before handing it to a coder; after
// Compile it is read-only and safe for concurrent use.
type Dictionary struct {
	Actors     []*Actor
	Agents     []*Agent
	Synsets    map[string]*Synset // by name, without the leading '&'
	Blocks     []*VerbBlock
	Transforms []*Transform
	Discards   []*Discard
	Issues     []*Issue
	Ontology   *Ontology // nil when no ontology file was read

	// Files lists the files the dictionary was read from, in order.
	Files []string
	// Problems lists the lines the readers skipped or repaired, and the
	// inconsistencies Compile found. They do not stop coding.
	Problems []*Problem

	idx *index
}

// Problem is a line a reader could not use, or an entry Compile rejected.
type Problem struct {
	Source Source
	Msg    string
	// Kind is UndefinedSynset or UnknownVerb for the references Compile
	// cannot resolve, empty for lines a reader could not use.
	Kind string
}

// Problem kinds that Compile reports.
const (
	// UndefinedSynset: a pattern or synset names a synset that is not
	// defined; the pattern is left out.
	UndefinedSynset = "undefined synset"
	// UnknownVerb: a transformation names a verb no block defines; it is
	// left out.
	UnknownVerb = "unknown verb"
)

func (p *Problem) Error() string { return p.Source.String() + ": " + p.Msg }

func (d *Dictionary) problem(src Source, format string, args ...any) {
	d.problemKind("", src, format, args...)
}

func (d *Dictionary) problemKind(kind string, src Source, format string, args ...any) {
	if len(d.Problems) >= maxProblems {
		return
	}
	d.Problems = append(d.Problems, &Problem{Source: src, Msg: fmt.Sprintf(format, args...), Kind: kind})
}

// maxProblems bounds the problems kept for one dictionary, so that feeding a
// reader garbage cannot grow the list without limit.
const maxProblems = 10000

// Phrase is a sequence of upper-case words that must appear consecutively.
type Phrase []string

func (p Phrase) String() string { return strings.Join(p, " ") }

// Name is the name of an actor or agent: words in order, consecutive
// except where Gaps allows other words between them. In the PETRARCH
// formats words joined by '_' are consecutive and words separated by a
// blank may have others between them ("ITHILEN TELEVISION" matches
// "Ithilen state-run television").
type Name struct {
	Words Phrase
	// Gaps has bit i set when words may come between Words[i] and
	// Words[i+1].
	Gaps uint32
	// Cased, when set, holds the words as they must be written: the name
	// then matches only with that capitalisation, so that "IS" (the
	// Islamic State) is told from "is", "WHO" from "who" and "CAR" from
	// "car". It has as many words as Words. Matching that knows only the
	// upper-case words (MatchAt) ignores it.
	Cased Phrase
	// Local is set on a name that stands for its actor only in a story of
	// the actor's own country: "Labour" is Britain's party in a British
	// story, and another country's party, or a common noun, elsewhere. The
	// coder, which knows the story's country, decides.
	Local bool
}

// String writes the name in dictionary notation, with its Cased words if
// it has them.
func (n Name) String() string {
	words := n.Words
	if len(n.Cased) == len(n.Words) {
		words = n.Cased
	}
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			if n.Gaps&(1<<(i-1)) != 0 {
				b.WriteByte(' ')
			} else {
				b.WriteByte('_')
			}
		}
		b.WriteString(w)
	}
	return b.String()
}

// Actor is a named actor: its names and codes.
type Actor struct {
	Names  []Name      // the primary name first, then synonyms
	Codes  []DatedCode // in dictionary order
	Source Source      // the line of the primary name
}

// DatedCode is an actor code, valid from From to To inclusive. Dates are
// YYYYMMDD integers; 0 leaves that end open, so a code with both ends 0 is
// a default.
type DatedCode struct {
	Code     string
	From, To int
	Source   Source
}

// Default reports whether the code has no date restriction.
func (c DatedCode) Default() bool { return c.From == 0 && c.To == 0 }

// CodeAt returns the actor's code on date (YYYYMMDD; 0 for unknown): the
// first restricted code whose range holds the date, otherwise the first
// unrestricted code. ok is false if no code applies.
func (a *Actor) CodeAt(date int) (c DatedCode, ok bool) {
	if date != 0 {
		for _, dc := range a.Codes {
			if dc.Default() {
				continue
			}
			if (dc.From == 0 || date >= dc.From) && (dc.To == 0 || date <= dc.To) {
				return dc, true
			}
		}
	}
	for _, dc := range a.Codes {
		if dc.Default() {
			return dc, true
		}
	}
	return DatedCode{}, false
}

// Agent is a kind of actor, such as a government or the police, named by
// one or more phrases (singular and plural forms are separate phrases).
type Agent struct {
	Names  []Name
	Code   string // without the '~', e.g. "GOV"
	Prefix bool   // the code precedes the actor code (written "NGO~")
	Source Source
}

// Synset is a named set of words or phrases that a pattern can use in
// place of one word (written &NAME in a pattern).
type Synset struct {
	Name    string
	Members []SynsetMember
	Source  Source
}

// SynsetMember is one alternative of a synset: a phrase, or a
// prepositional phrase when Prep is set (written "(TO THE END)").
type SynsetMember struct {
	Words Phrase
	Prep  bool // Words[0] is a preposition introducing the rest
}

// Code is the code a verb or pattern assigns: Primary for the event from
// source to target and, when set, Secondary for the event in the other
// direction (written "[042:043]"; "[:173]" has only the reverse event).
// Both null means the verb or pattern produces no event.
type Code struct {
	Primary, Secondary string
}

// IsNull reports whether the code produces no event.
func (c Code) IsNull() bool { return IsNull(c.Primary) && IsNull(c.Secondary) }

func (c Code) String() string {
	if IsNull(c.Secondary) {
		if c.Primary == "" {
			return NullCode
		}
		return c.Primary
	}
	p := c.Primary
	if p == NullCode {
		p = ""
	}
	return p + ":" + c.Secondary
}

// VerbBlock is a group of synonymous verbs with a default code and the
// patterns that refine it.
type VerbBlock struct {
	Name     string // the block's label, e.g. "EXPLAIN_VERBAL"
	Code     Code   // default code of the verbs that have none of their own
	Verbs    []*Verb
	Patterns []*Pattern
	Source   Source
}

// Verb is one verb of a block. A multiword verb ("BREAK DOWN", "WIRE TAP")
// has several words, of which Words[Head] is the verb proper.
type Verb struct {
	Words  Phrase
	Head   int
	Forms  []string // inflected forms of the head word, including the base
	Code   *Code    // own code, or nil for the block's
	Block  *VerbBlock
	Source Source
}

// EffectiveCode returns the verb's own code, or its block's.
func (v *Verb) EffectiveCode() Code {
	if v.Code != nil {
		return *v.Code
	}
	return v.Block.Code
}

func (v *Verb) String() string { return v.Words.String() }

// ElemKind is the kind of a pattern element.
type ElemKind uint8

// The kinds of pattern element.
const (
	// Word is a word (a noun phrase head, or a particle) that must be found
	// among the verb's arguments. Text holds it.
	Word ElemKind = iota + 1
	// SynsetRef is any member of the synset named by Text.
	SynsetRef
	// NounPhrase is a noun phrase (written {...}) whose head is the last of
	// Elems and whose modifiers include the others, in order.
	NounPhrase
	// PrepPhrase is a prepositional phrase (written (...)) introduced by
	// the preposition Text, with Elems describing its object (possibly
	// none).
	PrepPhrase
	// SourceSlot marks where the source actor is found (written $).
	SourceSlot
	// TargetSlot marks where the target actor is found (written +).
	TargetSlot
	// Skip passes over one actor without using it (written ^).
	Skip
	// Compound requires a compound subject and codes events between its
	// members (written %).
	Compound
)

var kindNames = [...]string{"", "word", "synset", "noun phrase", "prepositional phrase", "source slot", "target slot", "skip", "compound"}

func (k ElemKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("ElemKind(%d)", k)
}

// Elem is one element of a pattern.
type Elem struct {
	Kind  ElemKind
	Text  string // the word, synset name or preposition
	Elems []Elem // the contents of a noun or prepositional phrase
}

// String writes the element back in PETRARCH-2 notation.
func (e Elem) String() string {
	switch e.Kind {
	case Word:
		return e.Text
	case SynsetRef:
		return "&" + e.Text
	case NounPhrase:
		return "{" + elemsString(e.Elems) + "}"
	case PrepPhrase:
		if len(e.Elems) == 0 {
			return "(" + e.Text + ")"
		}
		return "(" + e.Text + " " + elemsString(e.Elems) + ")"
	case SourceSlot:
		return "$"
	case TargetSlot:
		return "+"
	case Skip:
		return "^"
	case Compound:
		return "%"
	}
	return "?"
}

func elemsString(es []Elem) string {
	parts := make([]string, len(es))
	for i, e := range es {
		parts[i] = e.String()
	}
	return strings.Join(parts, " ")
}

// Pattern refines the code of the verbs of its block from the words around
// the verb: Pre are the elements before the verb (the subject side), Post
// those after it (objects and prepositional phrases).
//
// In the PETRARCH-2 format elements are matched on the dependency structure:
// a Word must head (or be a particle of) one of the verb's arguments, a
// NounPhrase must be an argument whose modifiers match, a PrepPhrase a
// prepositional argument. A PETRARCH-1 pattern (Flat) is a plain word
// sequence matched in order over the words of the verb's clause.
//
// Anchor says what the block's word is in the sentences the pattern
// describes: a verb (the default, and the only kind the PETRARCH formats
// have), a noun naming an event ("clashes between A and B"), or the
// predicate of a copular or passive clause ("A is responsible for attacks
// on B"). The package documentation describes how the elements read for
// each kind.
type Pattern struct {
	Pre, Post []Elem
	Code      Code
	Flat      bool
	Anchor    AnchorKind
	Block     *VerbBlock
	Source    Source
	Comment   string // the text after '#', often the verb it came from

	required []string // set by Compile
}

// AnchorKind is the kind of word a pattern hangs on.
type AnchorKind uint8

// The kinds of anchor.
const (
	// VerbAnchor: the block's word is a verb and the pattern describes its
	// clause.
	VerbAnchor AnchorKind = iota
	// NounAnchor: the block's word is a noun that names an event
	// ("attacks", "truce", "clashes") and the pattern describes the noun's
	// phrase: its possessor, modifiers and prepositional phrases.
	NounAnchor
	// PredicateAnchor: the block's word is the predicate of a clause
	// whose verb is a copula or a passive auxiliary — an adjective
	// ("responsible"), a noun ("odds" in "at odds with"), a participle
	// ("involved"), or the preposition that introduces a predicate
	// ("behind" in "was behind the attack") — and the pattern describes
	// that clause. Its subject is the source, also when the participle is
	// passive.
	PredicateAnchor
)

var anchorNames = [...]string{"verb", "noun", "predicate"}

func (k AnchorKind) String() string {
	if int(k) < len(anchorNames) {
		return anchorNames[k]
	}
	return fmt.Sprintf("AnchorKind(%d)", k)
}

// Required returns the words a sentence must contain for the pattern to
// match: its words and prepositions (synsets aside). Compile computes it.
func (p *Pattern) Required() []string { return p.required }

func (p *Pattern) computeRequired() {
	p.required = p.required[:0]
	var walk func([]Elem)
	walk = func(es []Elem) {
		for _, e := range es {
			switch e.Kind {
			case Word:
				p.required = append(p.required, e.Text)
			case PrepPhrase:
				first, _, _ := strings.Cut(e.Text, " ")
				p.required = append(p.required, first)
			}
			walk(e.Elems)
		}
	}
	walk(p.Pre)
	walk(p.Post)
}

// String writes the pattern back in dictionary notation, prefixed with
// "noun " or "predicate " for the anchors PETRARCH does not have.
func (p *Pattern) String() string {
	var b strings.Builder
	if p.Anchor != VerbAnchor {
		b.WriteString(p.Anchor.String())
		b.WriteByte(' ')
	}
	b.WriteString("- ")
	if len(p.Pre) > 0 {
		b.WriteString(elemsString(p.Pre))
		b.WriteByte(' ')
	}
	b.WriteByte('*')
	if len(p.Post) > 0 {
		b.WriteByte(' ')
		b.WriteString(elemsString(p.Post))
	}
	b.WriteString(" [")
	b.WriteString(p.Code.String())
	b.WriteByte(']')
	return b.String()
}

// Transform rewrites an event reported by another verb. For
//
//	~ a (a b ATTACK) SAY = a b 015
//
// Outer is "a", Inner is {"a", "b", "ATTACK"}, Verb is "SAY" and Result is
// {"a", "b", "015"}: when an actor a says that a attacked b, code a → b 015
// instead. Variables are single letters; "." matches any actor, "_" no
// actor, and the verb or code "Q" any code (which the result may copy).
// Verbs are named by a verb word and stand for every verb of the blocks
// that define it.
type Transform struct {
	Outer  string
	Inner  [3]string // source, target, verb block name or Q
	Verb   string    // block name of the reporting verb
	Result [3]string // source, target, code or Q
	Source Source
}

func (t *Transform) String() string {
	return fmt.Sprintf("~ %s (%s %s %s) %s = %s %s %s", t.Outer, t.Inner[0], t.Inner[1], t.Inner[2], t.Verb, t.Result[0], t.Result[1], t.Result[2])
}

// Discard is a phrase that stops a sentence (or, if Story, the whole story)
// from being coded when it occurs in the text. Matching ignores case and
// starts at a word boundary; unless WholeWord, the last word may continue
// (a stem: "BASEBALL" matches "baseballs").
type Discard struct {
	Text      string // upper-case, words separated by single spaces
	Story     bool
	WholeWord bool
	Source    Source
}

// Issue tags sentences containing one of its phrases with Code. An Ignore
// issue has no code: a sentence containing it gets no issues at all.
type Issue struct {
	Phrase   string // upper-case, words separated by single spaces
	Code     string
	Category string
	Ignore   bool
	Source   Source
}
