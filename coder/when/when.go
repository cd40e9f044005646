// Package when finds the dates a news sentence gives for what it reports
// ("at dawn on Wednesday", "last month", "a few months ago", "in March",
// "on 12 May 2024", "yesterday") and resolves them against the date of the
// article, with the precision the words allow: a day, a week, a month, a
// year, or only approximately.
//
// Find reads the time expressions of a parsed sentence; For picks the one
// that dates an event, given the word the event hangs on: an expression
// attached to that word's clause. Resolution is relative to the reference
// date (the article's publication): a weekday in a sentence about the past
// is the last such day on or before it, in one about the future the next
// on or after it; a month without a year is the last such month, or the
// next in the future. Without a reference date, relative expressions are
// found but not resolved.
package when

import (
	"strconv"
	"strings"
	"time"

	"dyad/nlp"
)

// Precision says how exactly a date is known.
type Precision int

// The precisions, from the finest.
const (
	Day Precision = iota + 1
	Week
	Month
	Year
	// Approximate: the text gives an amount of time only roughly ("a few
	// months ago"); Date.Time is an estimate.
	Approximate
)

var precisionNames = [...]string{"", "day", "week", "month", "year", "approximate"}

func (p Precision) String() string {
	if p > 0 && int(p) < len(precisionNames) {
		return precisionNames[p]
	}
	return "unknown"
}

// MarshalText writes the precision as its name.
func (p Precision) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Date is a date a text gives.
type Date struct {
	// Time is the day, or the first day of the week (Monday), month or
	// year; for Approximate, the estimated day. It is zero when the date
	// could not be resolved.
	Time      time.Time
	Precision Precision
	// Resolved is false when the words give the date relative to a
	// reference date that is unknown ("on Wednesday" in an article of
	// unknown date), or a month or day without its year.
	Resolved bool
	// Text is the expression as written, such as "at dawn on Wednesday".
	Text string
}

// String writes a resolved date in ISO 8601 at its precision ("2024-05-12",
// "2024-W19", "2024-05", "2024", "~2024-02-14"), and an unresolved one as
// its text in quotes.
func (d Date) String() string {
	if !d.Resolved {
		return strconv.Quote(d.Text)
	}
	t := d.Time
	switch d.Precision {
	case Day:
		return t.Format("2006-01-02")
	case Week:
		y, w := t.ISOWeek()
		return strconv.Itoa(y) + "-W" + pad2(w)
	case Month:
		return t.Format("2006-01")
	case Year:
		return t.Format("2006")
	case Approximate:
		return "~" + t.Format("2006-01-02")
	}
	return t.Format("2006-01-02")
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// Expr is a time expression found in a sentence.
type Expr struct {
	Date
	// First and Last are the word IDs of the expression.
	First, Last int
	// Attach is the word the expression's phrase depends on (the verb or
	// noun it dates), 0 if it is the root or the sentence is not parsed.
	Attach int
}

// Find returns the time expressions of sentence s, resolved against ref
// (zero if unknown). Expressions that bound a time rather than give it
// ("since March", "until Friday", "by 2030") are left out.
func Find(s *nlp.Sentence, ref time.Time) []Expr {
	n := len(s.Tokens)
	low := make([]string, n+1)
	for i := range s.Tokens {
		low[i+1] = strings.ToLower(s.Tokens[i].Form)
	}
	var out []Expr
	for i := 1; i <= n; {
		sp, k := match(low, i)
		if k == 0 {
			i++
			continue
		}
		first, last := i, i+k-1
		first = extendLeft(low, first)
		if bounding[low[first-1]] {
			i = last + 1
			continue
		}
		e := Expr{First: first, Last: last, Attach: attachOf(s, first, last)}
		e.Date = sp.resolve(ref, isFuture(s, e.Attach))
		e.Text = text(s, first, last)
		out = append(out, e)
		i = last + 1
	}
	return out
}

// bounding lists prepositions after which a date bounds a period instead
// of dating an event.
var bounding = map[string]bool{"since": true, "until": true, "till": true, "by": true, "before": true, "after": true, "from": true}

// extendLeft adds the words that introduce a date to it: "on", "in", "at
// dawn on", "early on", "late last".
func extendLeft(low []string, first int) int {
	for first > 1 {
		switch low[first-1] {
		case "on", "in", "during", "early", "late", "earlier", "later":
			first--
			continue
		case "dawn", "dusk", "noon", "midnight", "night", "daybreak", "nightfall":
			if first > 2 && low[first-2] == "at" {
				first -= 2
				continue
			}
		}
		break
	}
	return first
}

// text returns the words first..last of s as written.
func text(s *nlp.Sentence, first, last int) string {
	if s.Text != "" {
		a, b := s.Tokens[first-1].Start, s.Tokens[last-1].End
		base := s.Start
		if base < 0 {
			base = 0
		}
		if a >= base && b >= a && b-base <= len(s.Text) && a-base >= 0 {
			if t := s.Text[a-base : b-base]; t != "" {
				return t
			}
		}
	}
	words := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		words = append(words, s.Tokens[i-1].Form)
	}
	return strings.Join(words, " ")
}

// attachOf returns the head outside first..last of the expression's
// words, 0 if none.
func attachOf(s *nlp.Sentence, first, last int) int {
	for i := first; i <= last; i++ {
		h := s.Tokens[i-1].Head
		if h > 0 && (h < first || h > last) {
			return h
		}
	}
	return 0
}

// isFuture reports whether the clause of word v speaks of the future: it
// has "will", "shall" or "'ll", or is "going to" do it.
func isFuture(s *nlp.Sentence, v int) bool {
	for guard := 0; v > 0 && guard < 8; guard++ {
		t := &s.Tokens[v-1]
		if t.UPOS == "VERB" || t.UPOS == "AUX" || t.UPOS == "ADJ" {
			for i := range s.Tokens {
				c := &s.Tokens[i]
				if c.Head == v && c.DepRel == "aux" {
					switch strings.ToLower(c.Lemma) {
					case "will", "shall", "'ll":
						return true
					}
				}
			}
			return false
		}
		v = t.Head
	}
	return false
}

// For returns the date of an event whose word (verb, noun or predicate) is
// anchor in s, among exprs found by Find: the expression attached nearest
// to the anchor on the path from it up to and including its clause's head.
func For(s *nlp.Sentence, exprs []Expr, anchor int) (Expr, bool) {
	if anchor <= 0 || anchor > len(s.Tokens) {
		return Expr{}, false
	}
	path := map[int]bool{}
	for v, guard := anchor, 0; v > 0 && guard < 16; guard++ {
		path[v] = true
		t := &s.Tokens[v-1]
		if t.UPOS == "VERB" || t.UPOS == "AUX" || hasKid(s, v, "cop") {
			break
		}
		v = t.Head
	}
	best, found := Expr{}, false
	for _, e := range exprs {
		if e.Attach == 0 || !path[e.Attach] {
			continue
		}
		if !found || abs(e.First-anchor) < abs(best.First-anchor) {
			best, found = e, true
		}
	}
	if found {
		return best, true
	}
	// An expression attached elsewhere in the same clause ("killed twenty
	// soldiers last month", parsed with the date under "soldiers").
	clause := clauseHead(s, anchor)
	for _, e := range exprs {
		if e.Attach == 0 || clause == 0 || clauseHead(s, e.Attach) != clause {
			continue
		}
		if !found || abs(e.First-anchor) < abs(best.First-anchor) {
			best, found = e, true
		}
	}
	return best, found
}

// clauseHead returns the verb or copular predicate that heads the clause
// of word v, 0 if none.
func clauseHead(s *nlp.Sentence, v int) int {
	for guard := 0; v > 0 && guard < 16; guard++ {
		t := &s.Tokens[v-1]
		if t.UPOS == "VERB" || t.UPOS == "AUX" || hasKid(s, v, "cop") {
			return v
		}
		v = t.Head
	}
	return 0
}

func hasKid(s *nlp.Sentence, v int, rel string) bool {
	for i := range s.Tokens {
		if s.Tokens[i].Head == v && s.Tokens[i].DepRel == rel {
			return true
		}
	}
	return false
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
