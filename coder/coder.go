package coder

import (
	"errors"
	"log/slog"
	"strings"
	"unicode"

	"dyad/dict"
	"dyad/nlp"
)

// Options configure a Coder. The zero value codes as PETRARCH does by
// default: both actors of an event must be known.
type Options struct {
	// AllowNullActor codes events whose source or target is unknown, as
	// long as the other is a known actor (PETRARCH's require_dyad = false).
	AllowNullActor bool
	// NewActorLength, if positive, lets a noun phrase of at most that many
	// words that no dictionary entry codes stand as an actor, coded by its
	// own text in quotes ("\"MINISTRY OF MAGIC\"").
	NewActorLength int
	// KeepModal reports events the sentence does not assert (negated,
	// hypothetical, wished-for, future…: see Asserted), each with its
	// Event.Modality; by default only asserted events are reported.
	KeepModal bool
	// PETRARCH codes by PETRARCH's conventions where they differ from
	// Dyad's for news (docs/ANNOTATION.md): a statement (CAMEO 01) takes
	// as its target an actor of the clause it reports ("Arnor said an
	// embargo against Mordor would not work": Arnor → Mordor 010) and a
	// report is replaced by the event it reports or a transformation of
	// it; the place of an action can be its target ("appealed for peace
	// in Ithilen") and the actor of a passive verb's "in" phrase its
	// source; an actor may act on its own country. By default a
	// statement's target is whom it is made to, never what it is about
	// nor a medium ("told a newspaper"), and the event a statement
	// reports stands on its own; places are never actors, except where
	// one arrives.
	PETRARCH bool
	// Confidence scores events; nil means the embedded model
	// (DefaultConfidence). MinConfidence drops events scored below it.
	Confidence    *ConfidenceModel
	MinConfidence float64
	// Logger receives debug output; nil discards it.
	Logger *slog.Logger
}

// Coder codes events from parsed sentences with a compiled dictionary. It
// is safe for concurrent use.
type Coder struct {
	d    *dict.Dictionary
	opts Options
	log  *slog.Logger
	conf *ConfidenceModel
}

// ErrNotCompiled is returned by New for a dictionary whose Compile has not
// been called.
var ErrNotCompiled = errors.New("coder: dictionary not compiled")

// New returns a Coder using d, which must have been compiled.
func New(d *dict.Dictionary, opts Options) (*Coder, error) {
	if d == nil || !d.Compiled() {
		return nil, ErrNotCompiled
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	conf := opts.Confidence
	if conf == nil {
		var err error
		if conf, err = DefaultConfidence(); err != nil {
			return nil, err
		}
	}
	return &Coder{d: d, opts: opts, log: log.With("component", "coder"), conf: conf}, nil
}

// Dictionary returns the dictionary the coder uses.
func (c *Coder) Dictionary() *dict.Dictionary { return c.d }

// Result is what coding one sentence produced.
type Result struct {
	Events []Event `json:"events"`
	// Discard is set when a discard phrase stopped the sentence (or, if
	// Discard.Story, its whole story) from being coded; Events is then
	// empty.
	Discard *dict.Discard `json:"discard,omitempty"`
	// Problems lists irregularities of the input.
	Problems []Problem `json:"problems,omitempty"`
	// Issues are the issue codes found in the sentence.
	Issues []dict.IssueCount `json:"issues,omitempty"`
	// References are the phrases of the sentence that CodeIn resolved to
	// actors of the discourse, in order.
	References []Reference `json:"references,omitempty"`
}

// Reference is a phrase that stands for actors named elsewhere in the
// text: a pronoun, a description ("the group", "both sides") or a shortened
// name.
type Reference struct {
	Span  Span     `json:"span"`
	Codes []string `json:"codes"`
	// Why says what each code was taken from and why, as in the event's
	// evidence.
	Why []string `json:"why"`
}

// Problem is an irregularity of a sentence that affects coding.
type Problem struct {
	Kind string `json:"kind"` // one of the Problem* constants
	Msg  string `json:"msg"`
}

// Problem kinds.
const (
	// ProblemDateline: the sentence starts with a news dateline ("CEBU
	// CITY: --"), so it is probably a story's first line glued to its
	// location. It is still coded.
	ProblemDateline = "dateline"
	// ProblemBadParse: the dependency tree is unusable (no root, a cycle,
	// heads outside the sentence); nothing is coded.
	ProblemBadParse = "bad_input_parse"
)

// Code codes one parsed sentence. date is the sentence's date as YYYYMMDD
// (0 if unknown); it selects date-restricted actor codes.
func (c *Coder) Code(s *nlp.Sentence, date int) Result {
	return c.code(s, date, nil, false)
}

// code codes s, in discourse d if it is not nil; a preview only reads the
// actors s names into d, and codes no events.
func (c *Coder) code(s *nlp.Sentence, date int, d *Discourse, preview bool) Result {
	if d != nil {
		defer func() { d.sent++ }()
	}
	var res Result
	text := sentenceText(s)
	if dc := c.d.Discarded(text); dc != nil {
		res.Discard = dc
		return res
	}
	if isDateline(s) {
		res.Problems = append(res.Problems, Problem{Kind: ProblemDateline, Msg: "sentence starts with a dateline"})
	}
	st, err := newSent(s)
	if err != nil {
		c.log.Debug("unusable parse", "sentence", s.ID, "err", err)
		res.Problems = append(res.Problems, Problem{Kind: ProblemBadParse, Msg: err.Error()})
		return res
	}
	st.repair(c.d)
	words := make([]string, 0, len(s.Tokens))
	for i := 1; i < len(st.w); i++ {
		words = append(words, st.w[i].uform)
	}
	res.Issues = c.d.IssuesIn(words)
	cs := newCoding(c, st, date)
	cs.disc = d
	if d != nil {
		cs.collect()
	}
	if preview {
		cs.observe()
		return res
	}
	res.Events = cs.events()
	if d != nil {
		cs.observe()
		res.References = cs.references()
	}
	return res
}

func newCoding(c *Coder, st *sent, date int) *coding {
	n := len(st.w)
	cs := &coding{c: c, st: st, date: date, np: map[int]*npInfo{},
		coreC: make([][]int, n), patC: make([][]int, n), groupC: map[int][]mention{}}
	return cs
}

// sentenceText returns the sentence's text, or its words joined by blanks.
func sentenceText(s *nlp.Sentence) string {
	if s.Text != "" {
		return s.Text
	}
	var b strings.Builder
	for i := range s.Tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s.Tokens[i].Form)
	}
	return b.String()
}

// isDateline reports whether the sentence opens with upper-case words
// followed by a colon or dashes, as in "CEBU CITY: --".
func isDateline(s *nlp.Sentence) bool {
	caps := 0
	for i := range s.Tokens {
		f := s.Tokens[i].Form
		switch {
		case f == ":" || f == "--" || f == "—" || f == "-":
			return caps > 0
		case isUpperWord(f):
			caps++
			if caps > 5 {
				return false
			}
		default:
			return false
		}
	}
	return false
}

func isUpperWord(s string) bool {
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			letters++
		case r == '.' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 2
}
