package dict

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// ReadActors reads a PETRARCH actor dictionary from r into d. name is used
// in Sources and errors.
//
// Each record is a primary name, optionally followed by its code in
// brackets, then synonyms on lines starting with '+', then date-restricted
// codes on indented lines:
//
//	GOLLUM
//	+SMEAGOL
//		[HOB <950601]
//		[HOBGOV 19950601-19990815]
//		[HOBREB >990816]
//
// Dates are YYYYMMDD or YYMMDD (years up to 30 are 20xx); "<d" applies
// before d, ">d" after it, "d1-d2" between them, all inclusive.
func (d *Dictionary) ReadActors(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	var cur *Actor
	flush := func() {
		if cur == nil {
			return
		}
		if len(cur.Codes) == 0 {
			d.problem(cur.Source, "actor %q has no code", cur.Names[0].String())
		} else {
			d.Actors = append(d.Actors, cur)
		}
		cur = nil
	}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		switch {
		case strings.HasPrefix(t, "+"):
			if cur == nil {
				d.problem(l.src, "synonym %q outside an actor record", t)
				continue
			}
			before, code, _, hasCode := bracket(t[1:])
			p := splitName(before)
			if len(p.Words) == 0 || len(p.Words) > maxPhraseWords {
				d.problem(l.src, "bad synonym %q", t)
				continue
			}
			cur.Names = append(cur.Names, p)
			if hasCode {
				d.addActorCode(cur, code, l.src)
			}
		case l.indent || strings.HasPrefix(t, "["):
			if cur == nil {
				d.problem(l.src, "code %q outside an actor record", t)
				continue
			}
			for rest := t; ; {
				_, code, after, ok := bracket(rest)
				if !ok {
					break
				}
				d.addActorCode(cur, code, l.src)
				rest = after
			}
		default:
			before, code, _, hasCode := bracket(t)
			p := splitName(before)
			if len(p.Words) == 0 || len(p.Words) > maxPhraseWords {
				d.problem(l.src, "bad actor name %q", t)
				continue
			}
			if cur != nil && len(cur.Codes) == 0 && !hasCode {
				// Names listed one after another without '+' share the
				// codes that follow them, as in the Phoenix files.
				cur.Names = append(cur.Names, p)
				continue
			}
			flush()
			cur = &Actor{Names: []Name{p}, Source: l.src}
			if hasCode {
				d.addActorCode(cur, code, l.src)
			}
		}
	}
	flush()
	return nil
}

// addActorCode parses "CODE", "CODE <date", "CODE >date" or
// "CODE date-date" and adds it to a.
func (d *Dictionary) addActorCode(a *Actor, s string, src Source) {
	f := strings.Fields(s)
	if len(f) == 0 {
		d.problem(src, "empty actor code")
		return
	}
	code := strings.ToUpper(f[0])
	dc := DatedCode{Code: code, Source: src}
	if len(f) > 1 {
		from, to, err := parseRestriction(strings.Join(f[1:], ""))
		if err != nil {
			d.problem(src, "actor code %q: %v", s, err)
			return
		}
		dc.From, dc.To = from, to
	}
	a.Codes = append(a.Codes, dc)
}

func parseRestriction(s string) (from, to int, err error) {
	switch {
	case strings.HasPrefix(s, "<"):
		to, err = parseDate(s[1:])
		return 0, to, err
	case strings.HasPrefix(s, ">"):
		from, err = parseDate(s[1:])
		return from, 0, err
	}
	a, b, ok := strings.Cut(s, "-")
	if !ok {
		return 0, 0, fmt.Errorf("date restriction %q is not <date, >date or date-date", s)
	}
	if from, err = parseDate(a); err != nil {
		return 0, 0, err
	}
	if to, err = parseDate(b); err != nil {
		return 0, 0, err
	}
	if to < from {
		return 0, 0, fmt.Errorf("date range %q ends before it starts", s)
	}
	return from, to, nil
}

// parseDate reads YYYYMMDD or YYMMDD into a YYYYMMDD integer.
func parseDate(s string) (int, error) {
	if len(s) != 6 && len(s) != 8 {
		return 0, fmt.Errorf("date %q is not YYMMDD or YYYYMMDD", s)
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0, fmt.Errorf("date %q is not a number", s)
	}
	if len(s) == 6 {
		if n/10000 <= 30 {
			n += 20000000
		} else {
			n += 19000000
		}
	}
	m, day := n/100%100, n%100
	if m < 1 || m > 12 || day < 1 || day > 31 {
		return 0, fmt.Errorf("date %q has no such month or day", s)
	}
	return n, nil
}
