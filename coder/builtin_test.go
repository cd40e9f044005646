package coder_test

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/coder"
	"dyad/dict/builtin"
	"dyad/nlp/conllu"
)

// TestBuiltinSentences codes hand-parsed sentences (testdata/builtin.conllu:
// gold Universal Dependencies trees written for the project, one per
// construction the corpus relies on) with the coder and the default
// dictionaries, and checks that each expected event comes out and nothing
// else does.
func TestBuiltinSentences(t *testing.T) {
	d, err := builtin.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/builtin.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "testdata/builtin.conllu")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range sents {
		t.Run(s.ID, func(t *testing.T) {
			date := 0
			var want []string
			for _, cm := range s.Comments {
				k, v, _ := strings.Cut(cm, " = ")
				switch k {
				case "date":
					date, _ = strconv.Atoi(v)
				case "expect":
					want = append(want, v)
				}
			}
			var got []string
			res := c.Code(&s, date)
			for _, e := range res.Events {
				got = append(got, e.Source+" "+e.Target+" "+e.Code)
			}
			slices.Sort(got)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("%s\n got %q\nwant %q", s.Text, got, want)
				for _, e := range res.Events {
					for _, ev := range e.Evidence {
						t.Logf("  %s %s: %s %s (%s)", e.Code, ev.Role, ev.Entry, ev.Code, ev.Source)
					}
				}
			}
		})
	}
}
