package codebook

import (
	"errors"
	"fmt"
)

// ErrUnknownCode is returned, wrapped, for a code that is not in the table.
var ErrUnknownCode = errors.New("unknown CAMEO code")

// Quad is an event's QuadClass: the four-way split of CAMEO into verbal and
// material cooperation and conflict.
type Quad int

// The four QuadClass values, numbered as GDELT numbers them.
const (
	VerbalCooperation   Quad = 1
	MaterialCooperation Quad = 2
	VerbalConflict      Quad = 3
	MaterialConflict    Quad = 4
)

// String returns the QuadClass in words, such as "material conflict".
func (q Quad) String() string {
	switch q {
	case VerbalCooperation:
		return "verbal cooperation"
	case MaterialCooperation:
		return "material cooperation"
	case VerbalConflict:
		return "verbal conflict"
	case MaterialConflict:
		return "material conflict"
	}
	return fmt.Sprintf("Quad(%d)", int(q))
}

// PLOVER is where a CAMEO code lands in the PLOVER ontology. Mode and Context
// are empty when the conversion table gives none; Category is empty for codes
// PLOVER does not map.
type PLOVER struct {
	Category string   // one of PLOVER's 16 event categories, such as "ASSAULT"
	Mode     string   // the category's mode, such as "ceasefire"; may be empty
	Context  []string // contexts, such as ["military", "legal"]; may be empty
}

// Code is one CAMEO event code with its attributes.
type Code struct {
	Code      string  // the code itself: "19", "190" or "0871"
	Root      string  // its two-digit root: "19" for "193"
	Label     string  // a short description in Dyad's words
	Goldstein float64 // the Goldstein weight, from -10 (conflict) to +10 (cooperation)
	QuadClass Quad
	PLOVER    PLOVER
}

// IsRoot reports whether c is one of the 20 two-digit roots.
func (c Code) IsRoot() bool { return len(c.Code) == 2 }

// Lookup returns the entry for a CAMEO event code such as "0871".
func Lookup(code string) (Code, bool) {
	i, ok := index[code]
	if !ok {
		return Code{}, false
	}
	return all[i], true
}

// Valid reports whether code is a CAMEO event code.
func Valid(code string) bool {
	_, ok := index[code]
	return ok
}

// Root returns the two-digit root of a CAMEO event code ("19" for "193").
// It returns an error wrapping ErrUnknownCode for a code not in the table.
func Root(code string) (string, error) {
	c, ok := Lookup(code)
	if !ok {
		return "", unknown(code)
	}
	return c.Root, nil
}

// QuadClass returns the QuadClass of a CAMEO event code. It returns an
// error wrapping ErrUnknownCode for a code not in the table.
func QuadClass(code string) (Quad, error) {
	c, ok := Lookup(code)
	if !ok {
		return 0, unknown(code)
	}
	return c.QuadClass, nil
}

// All returns every event code in CAMEO order (each root followed by its
// codes). The slice is a copy; callers may modify it.
func All() []Code {
	return append([]Code(nil), all...)
}

// Roots returns the 20 root codes in order.
func Roots() []Code {
	var out []Code
	for _, c := range all {
		if c.IsRoot() {
			out = append(out, c)
		}
	}
	return out
}

func unknown(code string) error {
	return fmt.Errorf("%w %q", ErrUnknownCode, code)
}

// quadOf gives the QuadClass of a two-digit root, "01" to "20".
func quadOf(root string) Quad {
	n := int(root[0]-'0')*10 + int(root[1]-'0')
	switch {
	case n <= 5:
		return VerbalCooperation
	case n <= 9:
		return MaterialCooperation
	case n <= 14:
		return VerbalConflict
	}
	return MaterialConflict
}

var all, index = build(events)

// build expands the hand-written table into Codes and an index by code.
func build(rows []row) ([]Code, map[string]int) {
	codes := make([]Code, len(rows))
	idx := make(map[string]int, len(rows))
	for i, r := range rows {
		root := r.code[:2]
		codes[i] = Code{
			Code:      r.code,
			Root:      root,
			Label:     r.label,
			Goldstein: r.goldstein,
			QuadClass: quadOf(root),
			PLOVER:    r.plover,
		}
		idx[r.code] = i
	}
	return codes, idx
}
