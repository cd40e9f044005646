package coder

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"dyad/dict"
	"dyad/dict/builtin"
	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

// suiteParses returns the embedded parses of a PETRARCH validation file.
func suiteParses(tb testing.TB, name string) []nlp.Sentence {
	tb.Helper()
	data, err := os.ReadFile(sharedtest.Path(tb, "events", "petrarch", "validation", name))
	if err != nil {
		tb.Fatal(err)
	}
	var out []nlp.Sentence
	for _, m := range regexp.MustCompile(`(?s)<Parse>(.*?)</Parse>`).FindAllStringSubmatch(string(data), -1) {
		ss, err := conllu.ReadAll(strings.NewReader(strings.Trim(m[1], "\n")+"\n"), name)
		if err != nil {
			continue
		}
		out = append(out, ss...)
	}
	if len(out) < 200 {
		tb.Fatalf("%s: only %d parses", name, len(out))
	}
	return out
}

// BenchmarkCode codes the parses of the 2_02 validation suite on one
// goroutine, with the suite's dictionaries, the full Phoenix set and Dyad's
// default dictionaries, sentence by sentence and as one text.
func BenchmarkCode(b *testing.B) {
	sents := suiteParses(b, "PETR_Validate_records_2_02.xml")
	dir := sharedtest.Path(b, "events", "petrarch", "dictionaries")
	p := func(n string) string { return dir + "/" + n }
	validate := dict.Files{
		Actors: []string{p("PETR_Validate_actors_2_02.txt")}, Agents: []string{p("PETR_Validate_agents_2_02.txt")},
		Verbs: []string{p("PETR_Validate_verbs_2_02.txt")}, Discards: []string{p("PETR_Validate_discards_2_02.txt")},
		Ontology: p("PETR_Validate_Internal_Coding_Ontology_1_01.txt"),
	}
	phoenix, err := dict.FilesFromDir(dir)
	if err != nil {
		b.Fatal(err)
	}
	defaults, err := builtin.Dictionary()
	if err != nil {
		b.Fatal(err)
	}
	for _, set := range []struct {
		name  string
		files dict.Files
		d     *dict.Dictionary
		text  bool // code the sentences as one text, in a discourse
	}{
		{"validate", validate, nil, false},
		{"phoenix", phoenix, nil, false},
		{"default", dict.Files{}, defaults, false},
		// Dyad's dictionaries with noun and predicate patterns, every
		// sentence in one discourse as an article's are.
		{"default-discourse", dict.Files{}, defaults, true},
	} {
		b.Run(set.name, func(b *testing.B) {
			d := set.d
			if d == nil {
				if d, err = dict.Load(set.files); err != nil {
					b.Fatal(err)
				}
			}
			c, err := New(d, Options{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				disc := &Discourse{}
				for i := range sents {
					if set.text {
						c.CodeIn(&sents[i], 19950101, disc)
					} else {
						c.Code(&sents[i], 19950101)
					}
				}
				n += len(sents)
			}
			b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "sentences/s")
		})
	}
}
