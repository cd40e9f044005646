package coder

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/dict"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

// testDict loads the dictionaries in testdata.
func testDict(t testing.TB) *dict.Dictionary {
	t.Helper()
	p := func(n string) string { return filepath.Join("testdata", n) }
	d, err := dict.Load(dict.Files{
		Actors:   []string{p("actors.txt")},
		Agents:   []string{p("agents.txt")},
		Verbs:    []string{p("verbs.txt")},
		Discards: []string{p("discards.txt")},
		Ontology: p("ontology.txt"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// readCases reads testdata/cases.conllu.
func readCases(t testing.TB) []nlp.Sentence {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "cases.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "cases.conllu")
	if err != nil {
		t.Fatal(err)
	}
	return sents
}

// comments returns the values of the "# key = value" comments of s.
func comments(s *nlp.Sentence, key string) []string {
	var out []string
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == key {
			out = append(out, strings.TrimSpace(v))
		}
	}
	return out
}

// TestCases codes the sentences of testdata/cases.conllu and compares the
// events (and discards or problems) with those each one expects.
func TestCases(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range readCases(t) {
		t.Run(s.ID, func(t *testing.T) {
			date := 0
			if d := comments(&s, "date"); len(d) > 0 {
				date, _ = strconv.Atoi(d[0])
			}
			r := c.Code(&s, date)
			var got []string
			for _, e := range r.Events {
				got = append(got, e.Code+" "+e.Source+" "+e.Target)
			}
			want := slices.DeleteFunc(comments(&s, "expect"), func(e string) bool { return e == "none" })
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s\n coded %q\n want  %q", s.Text, got, want)
			}
			note := ""
			if n := comments(&s, "expect-note"); len(n) > 0 {
				note = n[0]
			}
			var gotNote string
			switch {
			case r.Discard != nil && r.Discard.Story:
				gotNote = "story"
			case r.Discard != nil:
				gotNote = "sentence"
			case len(r.Problems) > 0:
				gotNote = r.Problems[0].Kind
			}
			if gotNote != note {
				t.Errorf("note = %q, want %q", gotNote, note)
			}
		})
	}
}

// TestProvenance checks that an event carries the spans of its words and
// the dictionary entries, with file and line, that produced it.
func TestProvenance(t *testing.T) {
	c, err := New(testDict(t), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var s nlp.Sentence
	for _, x := range readCases(t) {
		if x.ID == "pattern-pp" {
			s = x
		}
	}
	r := c.Code(&s, 0)
	if len(r.Events) != 1 {
		t.Fatalf("events = %+v, want one", r.Events)
	}
	e := r.Events[0]
	if e.Sentence != "pattern-pp" || e.Verb.Text != "condemned" || e.SourceSpan.Text != "Valdoria" || e.TargetSpan.Text != "an attack by Marskian rebels" {
		t.Errorf("spans: sentence %q verb %q source %q target %q", e.Sentence, e.Verb.Text, e.SourceSpan.Text, e.TargetSpan.Text)
	}
	var got []string
	for _, ev := range e.Evidence {
		got = append(got, ev.Role+" "+ev.Entry+" "+ev.Code+" "+filepath.Base(ev.Source.File)+":"+strconv.Itoa(ev.Source.Line))
	}
	want := []string{
		"verb CONDEMN (CONDEMN) 111 verbs.txt:10",
		"pattern - * ATTACK (BY) [112] 112 verbs.txt:12",
		"source actor VALDORIA VAL actors.txt:2",
		"target actor MARSKIAN MRK actors.txt:6",
		"target agent REBELS ~REB agents.txt:4",
	}
	if !slices.Equal(got, want) {
		t.Errorf("evidence =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if e.Rule != "pattern" {
		t.Errorf("rule = %q, want pattern", e.Rule)
	}
}

func TestOptions(t *testing.T) {
	d := testDict(t)
	sents := readCases(t)
	find := func(id string) *nlp.Sentence {
		for i := range sents {
			if sents[i].ID == id {
				return &sents[i]
			}
		}
		t.Fatalf("no case %s", id)
		return nil
	}
	tests := []struct {
		name string
		opts Options
		id   string
		want []string
	}{
		// "the budget" is not an actor: without AllowNullActor nothing is
		// coded, with it the event with a null target is.
		{"null target refused", Options{}, "noted-that", []string{"010 VAL MRK"}},
		{"null actor allowed", Options{AllowNullActor: true}, "unknown-verb", nil},
		{"new actor", Options{NewActorLength: 2}, "slot-target", []string{"073 MRK VAL"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New(d, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range c.Code(find(tt.id), 0).Events {
				got = append(got, e.Code+" "+e.Source+" "+e.Target)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("coded %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNotCompiled(t *testing.T) {
	if _, err := New(&dict.Dictionary{}, Options{}); err != ErrNotCompiled {
		t.Errorf("New(uncompiled) error = %v, want ErrNotCompiled", err)
	}
}
