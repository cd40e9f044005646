package when

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// kind is the kind of a time expression.
type kind int

const (
	weekdayExpr  kind = iota + 1 // "on Wednesday", "last Friday"
	offsetExpr                   // "yesterday", "last month", "two weeks ago", "a few months ago"
	absoluteExpr                 // "12 May 2024", "in March", "in 2003"
)

// spec is what a time expression says, before it is resolved.
type spec struct {
	kind kind
	// weekdayExpr: the day, and -1 for "last", +1 for "next".
	weekday time.Weekday
	dir     int
	// offsetExpr: n units from the reference date (negative: before it);
	// approx for "a few", "several", "months ago".
	unit   Precision
	n      int
	approx bool
	// absoluteExpr: the parts given, 0 for those that are not.
	year, month, day int
}

var weekdays = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

var months = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "sep.": 9, "oct.": 10, "nov.": 11, "dec.": 12,
}

var units = map[string]Precision{
	"day": Day, "days": Day, "week": Week, "weeks": Week, "month": Month, "months": Month, "year": Year, "years": Year,
}

var counts = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// roughly lists words that give an amount only approximately, with the
// amount assumed.
var roughly = map[string]int{"few": 3, "several": 3, "couple": 2, "some": 3}

// at returns low[i], or "" past the end.
func at(low []string, i int) string {
	if i < 1 || i >= len(low) {
		return ""
	}
	return low[i]
}

// match reads a time expression starting at word i and returns it with
// its length in words, or a zero length.
func match(low []string, i int) (spec, int) {
	w := at(low, i)
	if wd, ok := weekdays[w]; ok {
		n := 1
		if partOfDay[at(low, i+1)] {
			n++
		}
		return spec{kind: weekdayExpr, weekday: wd}, n
	}
	switch w {
	case "yesterday":
		return spec{kind: offsetExpr, unit: Day, n: -1}, 1
	case "today", "tonight":
		return spec{kind: offsetExpr, unit: Day}, 1
	case "tomorrow":
		return spec{kind: offsetExpr, unit: Day, n: 1}, 1
	case "last", "this", "next":
		dir := map[string]int{"last": -1, "this": 0, "next": 1}[w]
		nx := at(low, i+1)
		if wd, ok := weekdays[nx]; ok {
			return spec{kind: weekdayExpr, weekday: wd, dir: dir}, 2
		}
		if u, ok := units[nx]; ok && u != Day && !strings.HasSuffix(nx, "s") {
			return spec{kind: offsetExpr, unit: u, n: dir}, 2
		}
		if w == "last" && (nx == "night" || nx == "weekend") || w == "this" && partOfDay[nx] {
			n := 0
			if w == "last" {
				n = -1
			}
			if nx == "weekend" {
				return spec{kind: offsetExpr, unit: Week, n: n}, 2
			}
			return spec{kind: offsetExpr, unit: Day, n: n}, 2
		}
		if m, ok := months[nx]; ok && w != "this" {
			return spec{kind: absoluteExpr, month: m, dir: dir}, 2
		}
	}
	if s, k := matchAgo(low, i); k > 0 {
		return s, k
	}
	return matchAbsolute(low, i)
}

var partOfDay = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// matchAgo reads "two weeks ago", "a few months ago", "months ago", "a
// couple of years ago".
func matchAgo(low []string, i int) (spec, int) {
	j := i
	n, approx := 0, false
	switch w := at(low, j); {
	case counts[w] > 0:
		n = counts[w]
		j++
		if r, ok := roughly[at(low, j)]; ok && n == 1 { // "a few", "a couple"
			n, approx = r, true
			j++
		}
	case roughly[w] > 0:
		n, approx = roughly[w], true
		j++
	default:
		if d, err := atoi(w); err == nil && d > 0 && d < 1000 {
			n = d
			j++
		}
	}
	if at(low, j) == "of" {
		j++
	}
	u, ok := units[at(low, j)]
	if !ok || at(low, j+1) != "ago" {
		return spec{}, 0
	}
	if n == 0 {
		n, approx = 3, true // "months ago"
	}
	return spec{kind: offsetExpr, unit: u, n: -n, approx: approx}, j + 2 - i
}

// matchAbsolute reads dates given by their parts: "12 May 2024", "May 12,
// 2024", "May 2024", "in March", "in 2003", "2024-05-12".
func matchAbsolute(low []string, i int) (spec, int) {
	w := at(low, i)
	// Only a word of this shape can parse, and time.Parse's error for the
	// others costs an allocation per word.
	if len(w) == 10 && w[4] == '-' && w[7] == '-' {
		if t, err := time.Parse("2006-01-02", w); err == nil {
			return spec{kind: absoluteExpr, year: t.Year(), month: int(t.Month()), day: t.Day()}, 1
		}
	}
	if d := dayOf(w); d > 0 {
		if m, ok := months[at(low, i+1)]; ok {
			if y := yearOf(at(low, i+2)); y > 0 {
				return spec{kind: absoluteExpr, year: y, month: m, day: d}, 3
			}
			return spec{kind: absoluteExpr, month: m, day: d}, 2
		}
	}
	if m, ok := months[w]; ok {
		if d := dayOf(at(low, i+1)); d > 0 {
			k := 2
			if at(low, i+2) == "," {
				k++
			}
			if y := yearOf(at(low, i+k)); y > 0 {
				return spec{kind: absoluteExpr, year: y, month: m, day: d}, k + 1
			}
			return spec{kind: absoluteExpr, month: m, day: d}, 2
		}
		if y := yearOf(at(low, i+1)); y > 0 {
			return spec{kind: absoluteExpr, year: y, month: m}, 2
		}
		// A month on its own only after a word that makes it a date ("in
		// March"): "may" and "march" are also other words.
		switch at(low, i-1) {
		case "in", "early", "late", "mid", "since", "until", "during":
			return spec{kind: absoluteExpr, month: m}, 1
		}
	}
	if y := yearOf(w); y > 0 {
		switch at(low, i-1) {
		case "in", "early", "late", "mid", "during", "since", "until", "by":
			return spec{kind: absoluteExpr, year: y}, 1
		}
	}
	return spec{}, 0
}

// dayOf reads a day of the month ("12", "12th"), 0 if w is none.
func dayOf(w string) int {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, suf)
	}
	d, err := atoi(w)
	if err != nil || d < 1 || d > 31 || len(w) > 2 {
		return 0
	}
	return d
}

// yearOf reads a four-digit year from 1900 to 2199, 0 if w is none.
func yearOf(w string) int {
	if len(w) != 4 {
		return 0
	}
	y, err := atoi(w)
	if err != nil || y < 1900 || y > 2199 {
		return 0
	}
	return y
}

// resolve turns the expression into a date relative to ref (zero if
// unknown); future says whether its clause speaks of the future.
func (s spec) resolve(ref time.Time, future bool) Date {
	known := !ref.IsZero()
	ref = time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, time.UTC)
	switch s.kind {
	case weekdayExpr:
		d := Date{Precision: Day}
		if !known {
			return d
		}
		back := (int(ref.Weekday()) - int(s.weekday) + 7) % 7
		fwd := (int(s.weekday) - int(ref.Weekday()) + 7) % 7
		switch {
		case s.dir < 0:
			if back == 0 {
				back = 7
			}
			d.Time = ref.AddDate(0, 0, -back)
		case s.dir > 0:
			if fwd == 0 {
				fwd = 7
			}
			d.Time = ref.AddDate(0, 0, fwd)
		case future:
			d.Time = ref.AddDate(0, 0, fwd)
		default:
			d.Time = ref.AddDate(0, 0, -back)
		}
		d.Resolved = true
		return d
	case offsetExpr:
		d := Date{Precision: s.unit}
		if s.approx {
			d.Precision = Approximate
		}
		if !known {
			return d
		}
		d.Resolved = true
		switch s.unit {
		case Day:
			d.Time = ref.AddDate(0, 0, s.n)
		case Week:
			t := ref.AddDate(0, 0, 7*s.n)
			if !s.approx {
				t = t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7)) // Monday
			}
			d.Time = t
		case Month:
			t := time.Date(ref.Year(), ref.Month()+time.Month(s.n), 1, 0, 0, 0, 0, time.UTC)
			if s.approx {
				t = ref.AddDate(0, s.n, 0)
			}
			d.Time = t
		case Year:
			t := time.Date(ref.Year()+s.n, 1, 1, 0, 0, 0, 0, time.UTC)
			if s.approx {
				t = ref.AddDate(s.n, 0, 0)
			}
			d.Time = t
		}
		return d
	case absoluteExpr:
		d := Date{Precision: Year}
		if s.month > 0 {
			d.Precision = Month
		}
		if s.day > 0 {
			d.Precision = Day
		}
		y := s.year
		if y == 0 {
			if s.month == 0 || !known {
				return d
			}
			y = ref.Year()
			day := max(s.day, 1)
			cand := time.Date(y, time.Month(s.month), day, 0, 0, 0, 0, time.UTC)
			switch {
			case s.dir < 0 || !future && s.dir == 0:
				if cand.After(ref) || s.dir < 0 && s.day == 0 && s.month == int(ref.Month()) {
					y--
				}
			default:
				if cand.Before(ref) && !(s.day == 0 && s.month == int(ref.Month())) {
					y++
				}
			}
		}
		m, day := max(s.month, 1), max(s.day, 1)
		t := time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		if t.Month() != time.Month(m) { // 31 February
			return Date{Precision: d.Precision}
		}
		d.Time, d.Resolved = t, true
		return d
	}
	return Date{}
}

// errNotNumber is atoi's error for a word that cannot be a number.
var errNotNumber = errors.New("not a number")

// atoi is strconv.Atoi for words, most of which are not numbers: a word
// that does not start with a digit or a sign fails at once, without the
// error value (and its copy of the word) strconv.Atoi allocates; Find
// tries every word of every sentence.
func atoi(w string) (int, error) {
	if w == "" || (w[0] < '0' || w[0] > '9') && w[0] != '+' && w[0] != '-' {
		return 0, errNotNumber
	}
	return strconv.Atoi(w)
}
