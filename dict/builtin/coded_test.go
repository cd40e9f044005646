package builtin_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/coder"
	"dyad/dict"
	"dyad/dict/builtin"
	"dyad/internal/sharedtest"
	"dyad/nlp"
	"dyad/nlp/conllu"
)

// TestCodedSentences codes hand-parsed sentences (testdata/coded.conllu:
// gold Universal Dependencies trees written for the project, one per
// construction the corpus relies on) with the coder and the default
// dictionaries, and checks that each expected event comes out and nothing
// else does.
func TestCodedSentences(t *testing.T) {
	d, err := builtin.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/coded.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sents, err := conllu.ReadAll(f, "testdata/coded.conllu")
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

// TestGigaWordAgreement codes the GigaWord sample sentences (with their
// stored UD parses) twice with Dyad's coder, once with the Phoenix
// dictionaries and once with the default ones, and measures how many of the
// Phoenix events (source, target, CAMEO root) the default dictionaries
// reproduce. The disagreements are logged; most are Phoenix's own choices
// (docs/DICTIONARIES.md lists the kinds). The floor guards against
// regressions in either dictionary set's conversion.
func TestGigaWordAgreement(t *testing.T) {
	dir := sharedtest.Path(t, "events", "petrarch", "dictionaries")
	path := sharedtest.Path(t, "events", "petrarch", "validation", "GigaWord.sample.PETR_parsed.xml")
	files, err := dict.FilesFromConfig(filepath.Join(dir, "PETR_config.ini"), dir)
	if err != nil {
		t.Fatal(err)
	}
	phoenix, err := dict.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	defaults, err := builtin.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	pc, err := coder.New(phoenix, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dc, err := coder.New(defaults, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	records := regexp.MustCompile(`(?s)<Sentence date="(\d+)" id="([^"]*)".*?<Parse>(.*?)</Parse>`).FindAllStringSubmatch(string(data), -1)
	if len(records) < 70 {
		t.Fatalf("read %d sentences from %s", len(records), path)
	}
	events := func(c *coder.Coder, s *nlp.Sentence, date int) map[string]bool {
		out := map[string]bool{}
		for _, e := range c.Code(s, date).Events {
			out[e.Source+" "+e.Target+" "+e.Code[:2]] = true
		}
		return out
	}
	both, phoenixOnly, dyadOnly := 0, 0, 0
	for _, r := range records {
		date, _ := strconv.Atoi(r[1])
		sents, err := conllu.ReadAll(strings.NewReader(r[3]+"\n\n"), r[2])
		if err != nil || len(sents) != 1 {
			t.Fatalf("%s: %d sentences, %v", r[2], len(sents), err)
		}
		p, d := events(pc, &sents[0], date), events(dc, &sents[0], date)
		for k := range p {
			if d[k] {
				both++
			} else {
				phoenixOnly++
				t.Logf("%s: Phoenix only %s", r[2], k)
			}
		}
		for k := range d {
			if !p[k] {
				dyadOnly++
				t.Logf("%s: Dyad only %s", r[2], k)
			}
		}
	}
	rate := float64(both) / float64(both+phoenixOnly)
	t.Logf("%d of %d Phoenix events (%.0f%%) also coded with the default dictionaries; %d events only with them", both, both+phoenixOnly, 100*rate, dyadOnly)
	if rate < 0.55 {
		t.Errorf("default dictionaries reproduce %.0f%% of the Phoenix events, want at least 55%%", 100*rate)
	}
}
