package builtin

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/codebook"
)

// TestCorpus checks the articles written for the acceptance test of the
// default dictionaries: each has a well-formed sidecar, together they cover
// every CAMEO root, and every expected actor code is one the dictionaries
// can produce (an actor's code followed by agents' codes).
func TestCorpus(t *testing.T) {
	s, _ := defaults(t)
	actors := map[string]bool{}
	for _, a := range s.Actors {
		actors[a.Code] = true
		for _, c := range a.Codes {
			actors[c.Code] = true
		}
	}
	agents := map[string]bool{}
	for _, a := range s.Agents {
		agents[a.Code] = true
	}
	producible := func(code string) bool {
		for p := len(code); p > 0; p -= 3 {
			if !actors[code[:p]] {
				continue
			}
			ok := true
			for i := p; i < len(code); i += 3 {
				ok = ok && agents[code[i:i+3]]
			}
			if ok {
				return true
			}
		}
		return false
	}
	texts, _ := filepath.Glob("testdata/articles/*.txt")
	sidecars, _ := filepath.Glob("testdata/articles/*.events")
	if len(texts) < 10 || len(texts) != len(sidecars) {
		t.Fatalf("%d articles and %d sidecars", len(texts), len(sidecars))
	}
	roots := map[string]int{}
	for _, txt := range texts {
		side := strings.TrimSuffix(txt, ".txt") + ".events"
		if !slices.Contains(sidecars, side) {
			t.Errorf("%s has no sidecar %s", txt, side)
			continue
		}
		f, err := os.Open(side)
		if err != nil {
			t.Fatal(err)
		}
		x, err := ReadExpected(f, side)
		f.Close()
		if err != nil {
			t.Error(err)
			continue
		}
		if x.Date == 0 || len(x.Events) < 4 {
			t.Errorf("%s: date %d and %d events; want a date and at least 4 events", side, x.Date, len(x.Events))
		}
		for _, e := range x.Events {
			r, _ := codebook.Root(e.Code)
			roots[r]++
			for _, c := range []string{e.Source, e.Target} {
				if !producible(c) {
					t.Errorf("%s:%d: no actor and agents of the default dictionaries make %s", side, e.Line, c)
				}
			}
		}
		body, err := os.ReadFile(txt)
		if err != nil {
			t.Fatal(err)
		}
		if paras := strings.Count(strings.TrimSpace(string(body)), "\n\n"); paras < 4 {
			t.Errorf("%s: %d paragraph breaks; want a title, a standfirst and paragraphs", txt, paras)
		}
	}
	for _, r := range codebook.Roots() {
		if roots[r.Code] == 0 {
			t.Errorf("no expected event of root %s (%s)", r.Code, r.Label)
		}
	}
}

func TestReadExpected(t *testing.T) {
	x, err := ReadExpected(strings.NewReader("# c\ndate: 2007-06-14\nIRQREB USAMIL 19  # attacks\nA B 0871\n"), "x.events")
	if err == nil {
		t.Fatalf("read %+v from a file with a two-letter actor code", x)
	}
	if !strings.HasPrefix(err.Error(), "x.events:4: ") {
		t.Errorf("error %v", err)
	}
	x, err = ReadExpected(strings.NewReader("date: 2007-06-14\nIRQREB USAMIL 19  # attacks\nIRQREB IMGMUSALQ 0871\n"), "x.events")
	if err != nil {
		t.Fatal(err)
	}
	if x.Date != 20070614 || len(x.Events) != 2 || x.Events[0] != (ExpectedEvent{"IRQREB", "USAMIL", "19", "attacks", 2}) {
		t.Errorf("read %+v", x)
	}
	e := x.Events[0]
	if !e.Matches("IRQREB", "USAMIL", "193") || e.Matches("IRQREB", "USAMIL", "180") || e.Matches("USAMIL", "IRQREB", "190") {
		t.Error("root 19 matches wrongly")
	}
	if !x.Events[1].Matches("IRQREB", "IMGMUSALQ", "0871") || x.Events[1].Matches("IRQREB", "IMGMUSALQ", "087") {
		t.Error("full code matches wrongly")
	}
	for _, bad := range []string{"date: 2007-13-01\n", "A\n", "IRQ USA 999\n", "IRQ USA 21\n", "IRQ USA 19\ndate: 2007-01-01\n", "date: 2007-01-01\ndate: 2007-01-02\n"} {
		if _, err := ReadExpected(strings.NewReader(bad), "bad.events"); err == nil || !strings.HasPrefix(err.Error(), "bad.events:") {
			t.Errorf("%q: error %v", bad, err)
		}
	}
}

func FuzzReadExpected(f *testing.F) {
	f.Add("date: 2007-06-14\nIRQREB USAMIL 19 # x\n")
	f.Add("A B C\n")
	f.Fuzz(func(t *testing.T, in string) {
		x, err := ReadExpected(strings.NewReader(in), "f.events")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.events:") {
				t.Fatalf("error %v does not name the file", err)
			}
			return
		}
		for _, e := range x.Events {
			if !codebook.Valid(e.Code) || len(e.Source)%3 != 0 {
				t.Fatalf("bad event %+v", e)
			}
		}
	})
}
