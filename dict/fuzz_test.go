package dict

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// addSeeds adds the test files and a few awkward inputs to the corpus.
func addSeeds(f *testing.F, files ...string) {
	for _, name := range files {
		data, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{"", "\n", "<!-- unclosed", "[", "]", "{", "(", "+", "&", "--- X [", "- * (", "~ a (", "\t[", "!A! = B, C\nX!A! [~Y]"} {
		f.Add([]byte(s))
	}
}

// exercise compiles a dictionary read from fuzzed input and uses it, which
// must not panic; it also checks the properties every read must keep.
func exercise(t *testing.T, d *Dictionary, input []byte) {
	if err := d.Compile(); err != nil {
		t.Fatal(err)
	}
	if len(d.Problems) > maxProblems {
		t.Fatalf("%d problems kept, more than %d", len(d.Problems), maxProblems)
	}
	words := strings.Fields(strings.ToUpper(string(input)))
	if len(words) > 200 {
		words = words[:200]
	}
	for i := range words {
		if m, ok := d.MatchAt(words, i); ok && (m.Len < 1 || i+m.Len > len(words)) {
			t.Fatalf("MatchAt(%d) = length %d beyond the %d words", i, m.Len, len(words))
		}
		d.Verbs(words[i])
	}
	d.Discarded(string(input))
	d.IssuesIn(words)
	for _, b := range d.Blocks {
		for _, p := range b.Patterns {
			if p.Flat {
				continue
			}
			q, err := parsePatternLine(strings.TrimPrefix(p.String(), "-"), false)
			if err != nil || q.String() != p.String() {
				t.Fatalf("pattern %q does not survive writing and reading: %v %v", p, q, err)
			}
		}
	}
}

func FuzzReadActors(f *testing.F) {
	addSeeds(f, "actors.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &Dictionary{}
		if err := d.ReadActors(bytes.NewReader(data), "fuzz"); err != nil {
			return
		}
		for _, a := range d.Actors {
			for _, c := range a.Codes {
				if c.To != 0 && c.To < c.From {
					t.Fatalf("date range %d-%d ends before it starts", c.From, c.To)
				}
			}
		}
		exercise(t, d, data)
	})
}

func FuzzReadAgents(f *testing.F) {
	addSeeds(f, "agents.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &Dictionary{}
		if err := d.ReadAgents(bytes.NewReader(data), "fuzz"); err != nil {
			return
		}
		for _, a := range d.Agents {
			if a.Code == "" || len(a.Names) == 0 {
				t.Fatalf("agent without code or name: %+v", a)
			}
		}
		exercise(t, d, data)
	})
}

func FuzzReadVerbs(f *testing.F) {
	addSeeds(f, "verbs.txt", "verbs_p1.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &Dictionary{}
		if err := d.ReadVerbs(bytes.NewReader(data), "fuzz"); err != nil {
			return
		}
		exercise(t, d, data)
	})
}

func FuzzReadLists(f *testing.F) {
	addSeeds(f, "discards.txt", "issues.txt", "ontology.txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		d := &Dictionary{}
		errD := d.ReadDiscards(bytes.NewReader(data), "fuzz")
		errI := d.ReadIssues(bytes.NewReader(data), "fuzz")
		errO := d.ReadOntology(bytes.NewReader(data), "fuzz")
		if errD != nil || errI != nil || errO != nil {
			return
		}
		exercise(t, d, data)
		for _, is := range d.Issues {
			if len(strings.Fields(is.Phrase)) > maxPhraseWords {
				t.Fatalf("issue phrase of %d words", len(strings.Fields(is.Phrase)))
			}
		}
	})
}
