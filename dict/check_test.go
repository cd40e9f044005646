package dict

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCheck checks a set written with one problem of each kind.
func TestCheck(t *testing.T) {
	p := func(n string) string { return filepath.Join("testdata", "check", n) }
	d, err := Load(Files{Actors: []string{p("actors.txt")}, Agents: []string{p("agents.txt")}, Verbs: []string{p("verbs.txt")}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range Check(d, CheckOptions{}) {
		got = append(got, filepath.Base(f.Source.File)+":"+strconv.Itoa(f.Source.Line)+" "+f.Severity.String()+" "+f.Kind)
	}
	want := []string{
		"actors.txt:5 error duplicate",        // Port Ellis: VAL and MRK
		"actors.txt:8 warning duplicate",      // Valdoria: VAL twice
		"actors.txt:12 error unusable line",   // a date that is no date
		"agents.txt:2 error duplicate",        // government: GOV and MIL
		"agents.txt:2 error duplicate",        // governments
		"verbs.txt:1 warning duplicate",       // TIES twice in the synset
		"verbs.txt:7 warning duplicate",       // RESTORE twice in its block
		"verbs.txt:9 error duplicate",         // * &TIES coded 050 and 051
		"verbs.txt:10 error undefined synset", // &FRIENDSHIP
		"verbs.txt:12 error unknown code",     // 999
		"verbs.txt:15 error unknown verb",     // SAY
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("findings\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, f := range Check(d, CheckOptions{AnyCodes: true}) {
		if f.Kind == "unknown code" && f.Severity != Warning {
			t.Errorf("with AnyCodes, %v", f)
		}
	}
}
