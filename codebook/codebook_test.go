package codebook

import (
	"errors"
	"testing"
)

func TestLookup(t *testing.T) {
	tests := []struct {
		code      string
		root      string
		quad      Quad
		goldstein float64
		category  string
	}{
		{"01", "01", VerbalCooperation, 0, ""},
		{"0871", "08", MaterialCooperation, 9, "RETREAT"},
		{"1056", "10", VerbalConflict, -5, "REQUEST"},
		{"190", "19", MaterialConflict, -10, "ASSAULT"},
		{"19", "19", MaterialConflict, -10, "ASSAULT"},
		{"2042", "20", MaterialConflict, -10, "ASSAULT"},
		{"057", "05", VerbalCooperation, 8, "SUPPORT"},
		{"064", "06", MaterialCooperation, 7, "COOPERATE"},
		{"145", "14", VerbalConflict, -7.5, "PROTEST"},
	}
	for _, tt := range tests {
		t.Run(tt.code, func(t *testing.T) {
			c, ok := Lookup(tt.code)
			if !ok {
				t.Fatalf("Lookup(%q) not found", tt.code)
			}
			if c.Code != tt.code || c.Root != tt.root || c.QuadClass != tt.quad || c.Goldstein != tt.goldstein || c.PLOVER.Category != tt.category {
				t.Errorf("Lookup(%q) = %+v", tt.code, c)
			}
			if c.Label == "" {
				t.Errorf("Lookup(%q) has no label", tt.code)
			}
			if r, err := Root(tt.code); err != nil || r != tt.root {
				t.Errorf("Root(%q) = %q, %v", tt.code, r, err)
			}
			if q, err := QuadClass(tt.code); err != nil || q != tt.quad {
				t.Errorf("QuadClass(%q) = %v, %v", tt.code, q, err)
			}
		})
	}
}

func TestUnknown(t *testing.T) {
	for _, code := range []string{"", "0", "21", "099", "1213", "---", "010 ", "abc", "01000"} {
		if Valid(code) {
			t.Errorf("Valid(%q) = true", code)
		}
		if _, ok := Lookup(code); ok {
			t.Errorf("Lookup(%q) found", code)
		}
		if _, err := Root(code); !errors.Is(err, ErrUnknownCode) {
			t.Errorf("Root(%q) error = %v, want ErrUnknownCode", code, err)
		}
		if _, err := QuadClass(code); !errors.Is(err, ErrUnknownCode) {
			t.Errorf("QuadClass(%q) error = %v, want ErrUnknownCode", code, err)
		}
	}
}

func TestTableShape(t *testing.T) {
	codes := All()
	var roots, three, four int
	labels := map[string]string{}
	for i, c := range codes {
		switch len(c.Code) {
		case 2:
			roots++
		case 3:
			three++
		case 4:
			four++
		default:
			t.Errorf("code %q has length %d", c.Code, len(c.Code))
		}
		if c.Code[:2] != c.Root {
			t.Errorf("code %q has root %q", c.Code, c.Root)
		}
		if prev, dup := labels[c.Label]; dup {
			t.Errorf("codes %s and %s share the label %q", prev, c.Code, c.Label)
		}
		labels[c.Label] = c.Code
		if i > 0 && codes[i-1].Code >= c.Code {
			t.Errorf("code %s follows %s: table out of order", c.Code, codes[i-1].Code)
		}
		if c.Goldstein < -10 || c.Goldstein > 10 {
			t.Errorf("code %s has Goldstein %v", c.Code, c.Goldstein)
		}
	}
	if roots != 20 || three != 147 || four != 144 {
		t.Errorf("table has %d roots, %d three-digit and %d four-digit codes; want 20, 147, 144", roots, three, four)
	}
	if got := len(Roots()); got != 20 {
		t.Errorf("Roots() has %d codes", got)
	}
	// All returns a copy.
	codes[0].Label = "changed"
	if c, _ := Lookup(codes[0].Code); c.Label == "changed" {
		t.Error("All() exposes the table")
	}
}

func TestRootsInheritPLOVER(t *testing.T) {
	for _, r := range Roots() {
		child, _ := Lookup(r.Code + "0")
		if r.PLOVER.Category != child.PLOVER.Category || r.PLOVER.Mode != child.PLOVER.Mode {
			t.Errorf("root %s maps to %+v, its code %s0 to %+v", r.Code, r.PLOVER, r.Code, child.PLOVER)
		}
	}
}

func TestQuadString(t *testing.T) {
	tests := map[Quad]string{
		VerbalCooperation:   "verbal cooperation",
		MaterialCooperation: "material cooperation",
		VerbalConflict:      "verbal conflict",
		MaterialConflict:    "material conflict",
		Quad(9):             "Quad(9)",
	}
	for q, want := range tests {
		if got := q.String(); got != want {
			t.Errorf("Quad(%d).String() = %q, want %q", int(q), got, want)
		}
	}
}

func TestActorType(t *testing.T) {
	tests := []struct {
		code string
		kind Kind
	}{
		{"GOV", Role}, {"MIL", Role}, {"REB", Role}, {"OPP", Role}, {"INS", Role},
		{"COP", Role}, {"JUD", Role}, {"SPY", Role}, {"UAF", Role},
		{"MED", Sector}, {"EDU", Sector}, {"BUS", Sector}, {"CRM", Sector},
		{"CVL", Sector}, {"REF", Sector}, {"LEG", Sector}, {"HLH", Sector}, {"AGR", Sector},
		{"IGO", Organisation}, {"NGO", Organisation}, {"NGM", Organisation},
		{"IMG", Organisation}, {"MNC", Organisation},
		{"UNO", Named}, {"AMN", Named},
		{"SUN", Religion}, {"SHI", Religion}, {"MOS", Religion}, {"MUS", Religion},
	}
	for _, tt := range tests {
		a, ok := ActorType(tt.code)
		if !ok || a.Kind != tt.kind || a.Label == "" {
			t.Errorf("ActorType(%q) = %+v, %v; want kind %v", tt.code, a, ok, tt.kind)
		}
	}
	if _, ok := ActorType("XYZ"); ok {
		t.Error("ActorType(XYZ) found")
	}
	seen := map[string]bool{}
	for _, a := range ActorTypes() {
		if len(a.Code) != 3 || seen[a.Code] {
			t.Errorf("bad or repeated actor code %q", a.Code)
		}
		seen[a.Code] = true
		if a.Alias != "" {
			if _, ok := ActorType(a.Alias); !ok {
				t.Errorf("%s is an alias of unknown %s", a.Code, a.Alias)
			}
		}
		if a.Kind.String() == "unknown" {
			t.Errorf("%s has no kind", a.Code)
		}
	}
}
