package dict

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Ontology maps event codes to numbers in which negation and combination
// are arithmetic, after PETRARCH's internal coding ontology: the top hex
// digit of a value is a kind of statement (say, appeal, intend, demand…),
// the lower digits a kind of action, and negation subtracts 0xFFFF, so
// that "not disapprove" (0x1007F) becomes "cooperate diplomatically"
// (0x80). A code without a value cannot be negated or combined.
type Ontology struct {
	values map[string]int
	codes  map[int]string // the first code with each value
	Source Source
}

// negation is the offset that negates a value.
const negation = 0xFFFF

// ReadOntology reads an ontology file ("CODE:VALUE" lines, where VALUE is a
// sum of hexadecimal or decimal terms such as -0xFFFF+0x0070) from r into
// d, replacing any ontology read before.
func (d *Dictionary) ReadOntology(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	o := &Ontology{values: map[string]int{}, codes: map[int]string{}, Source: Source{File: name}}
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		code, expr, ok := strings.Cut(t, ":")
		code = strings.ToUpper(strings.TrimSpace(code))
		if !ok || code == "" {
			d.problem(l.src, "ontology line %q is not CODE:VALUE", t)
			continue
		}
		v, err := parseSum(strings.TrimSpace(expr))
		if err != nil {
			d.problem(l.src, "ontology value for %s: %v", code, err)
			continue
		}
		o.Set(code, v)
	}
	d.Ontology = o
	return nil
}

// NewOntology returns an empty ontology to fill with Set.
func NewOntology() *Ontology {
	return &Ontology{values: map[string]int{}, codes: map[int]string{}}
}

// Set gives code the value v. The first code set to a value is the one
// Code returns for it.
func (o *Ontology) Set(code string, v int) {
	o.values[code] = v
	if _, dup := o.codes[v]; !dup {
		o.codes[v] = code
	}
}

// Value returns the value of code.
func (o *Ontology) Value(code string) (int, bool) {
	v, ok := o.values[code]
	return v, ok
}

// Code returns the code whose value is v.
func (o *Ontology) Code(v int) (string, bool) {
	c, ok := o.codes[v]
	return c, ok
}

// Negate returns the code meaning "not code", if the ontology has one.
func (o *Ontology) Negate(code string) (string, bool) {
	if o == nil {
		return "", false
	}
	v, ok := o.values[code]
	if !ok || v == 0 {
		return "", false
	}
	return o.Code(v - negation)
}

// Combine returns the code of a statement verb (say, appeal, intend,
// demand…: a value with only its top digit set) governing an action ("intend
// to help" = intend + provide aid), if the ontology has one. Any other pair
// does not combine.
func (o *Ontology) Combine(upper, lower string) (string, bool) {
	if o == nil {
		return "", false
	}
	u, ok1 := o.values[upper]
	l, ok2 := o.values[lower]
	if !ok1 || !ok2 || u <= 0 || l <= 0 || u&0xF000 == 0 || u&0x0FFF != 0 || l&0xF000 != 0 {
		return "", false
	}
	return o.Code(u + l)
}

// parseSum evaluates "0x1000", "-0xFFFF+0x0070" and the like.
func parseSum(s string) (int, error) {
	if s == "" {
		return 0, fmt.Errorf("empty value")
	}
	total, sign, term := 0, 1, ""
	flush := func() error {
		if term == "" {
			return fmt.Errorf("bad value %q", s)
		}
		n, err := strconv.ParseInt(term, 0, 32)
		if err != nil {
			return fmt.Errorf("bad value %q", s)
		}
		total += sign * int(n)
		term = ""
		return nil
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '+' || c == '-':
			if term != "" {
				if err := flush(); err != nil {
					return 0, err
				}
			} else if i > 0 {
				return 0, fmt.Errorf("bad value %q", s)
			}
			sign = 1
			if c == '-' {
				sign = -1
			}
		case c == ' ' || c == '\t':
		default:
			term += string(c)
		}
	}
	if err := flush(); err != nil {
		return 0, err
	}
	return total, nil
}
