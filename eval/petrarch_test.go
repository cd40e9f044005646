package eval

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"dyad/coder"
	"dyad/dict"
	"dyad/internal/sharedtest"
)

func readTestSuite(t testing.TB) *PetrarchSuite {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "petrarch_suite.xml"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadPetrarchSuite(f, "petrarch_suite.xml")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestReadPetrarchSuite(t *testing.T) {
	s := readTestSuite(t)
	wantEnv := PetrarchEnv{Verbs: "verbs.txt", Actors: []string{"actors.txt"}, Agents: []string{"agents.txt"},
		Discards: "discards.txt", Ontology: "ontology.txt", Include: []string{"valid", "DEMO", "MODIFY", "ERROR"}}
	if s.Env.Verbs != wantEnv.Verbs || !slices.Equal(s.Env.Actors, wantEnv.Actors) || s.Env.Ontology != wantEnv.Ontology || !slices.Equal(s.Env.Include, wantEnv.Include) {
		t.Errorf("environment = %+v, want %+v", s.Env, wantEnv)
	}
	type rec struct {
		id, category string
		date         int
		evaluate     bool
		expected     []PetrarchEvent
		noEvents     bool
		err          string
		options      map[string]string
		text         string
	}
	env := map[string]string{"stop_on_error": "True"}
	want := []rec{
		{"T-01", "DEMO", 20050101, true, []PetrarchEvent{{"VAL", "MRK", "111"}}, false, "", env, "Valdoria condemned the Marsk attack."},
		{"T-02", "MODIFY", 20050101, true, nil, true, "", map[string]string{"stop_on_error": "True", "require_dyad": "false", "comma_max": "0"}, "Valdoria praised Marsk & friends."},
		{"T-03", "ERROR", 0, true, nil, false, "storydiscard", env, "Valdoria beat Marsk in the cup final."},
		{"T-04", "OTHER", 19950101, true, []PetrarchEvent{{"VAL", "---", "050"}}, false, "", env, "Valdoria restored ties."},
		{"T-05", "DEMO", 19950101, false, []PetrarchEvent{{"VAL", "MRK", "999"}}, false, "", env, "Not evaluated."},
		{"T-06", "DEMO", 19950101, true, []PetrarchEvent{{"VAL", "MRK", "111"}}, false, "", env, "A record left open, with a stray < in its text."},
		{"T-07", "DEMO", 19950101, true, nil, true, "", env, "A record whose parse is broken."},
	}
	if len(s.Records) != len(want) {
		t.Fatalf("%d records, want %d", len(s.Records), len(want))
	}
	for i, w := range want {
		r := s.Records[i]
		got := rec{r.ID, r.Category, r.Date, r.Evaluate, r.Expected, r.NoEvents, r.Error, r.Options, r.Text}
		if got.id != w.id || got.category != w.category || got.date != w.date || got.evaluate != w.evaluate ||
			!slices.Equal(got.expected, w.expected) || got.noEvents != w.noEvents || got.err != w.err || got.text != w.text ||
			len(got.options) != len(w.options) {
			t.Errorf("record %d = %+v\nwant %+v", i, got, w)
		}
		for k, v := range w.options {
			if got.options[k] != v {
				t.Errorf("record %s option %s = %q, want %q", r.ID, k, got.options[k], v)
			}
		}
	}
	if s.Records[0].Line != 17 || s.Records[0].Parse == "" {
		t.Errorf("first record at line %d with parse %q", s.Records[0].Line, s.Records[0].Parse)
	}
}

func TestReadPetrarchSuiteErrors(t *testing.T) {
	for _, in := range []string{"", "<Validation></Validation>", "<!-- never closed <Sentence id=\"x\">"} {
		if _, err := ReadPetrarchSuite(bytes.NewReader([]byte(in)), "bad.xml"); err == nil {
			t.Errorf("ReadPetrarchSuite(%q): no error", in)
		}
	}
}

func TestEvalPetrarchTestSuite(t *testing.T) {
	rep, err := EvalPetrarch(context.Background(), PetrarchOptions{
		Records: filepath.Join("testdata", "petrarch_suite.xml"),
		Dicts:   filepath.Join("..", "coder", "testdata"),
	})
	if err != nil {
		t.Fatal(err)
	}
	// Included (DEMO, MODIFY, ERROR): T-01 correct, T-02 correct (no
	// events), T-03 correct (story discard), T-06 correct, T-07 correct (an
	// unreadable parse codes nothing). T-04 (OTHER) counts only in All:
	// "VAL ---" needs require_dyad = false.
	want := PetrarchScore{Records: 5, Expected: 5, Correct: 5, CorrectPct: 100}
	if rep.PetrarchScore != want {
		t.Errorf("score = %+v, want %+v", rep.PetrarchScore, want)
	}
	if rep.All.Records != 6 || rep.All.Correct != 5 || rep.All.Uncoded != 1 {
		t.Errorf("all = %+v, want 6 records, 5 correct, 1 uncoded", rep.All)
	}
	if rep.Skipped != 1 {
		t.Errorf("skipped %d, want 1", rep.Skipped)
	}
	var ids []string
	for _, f := range rep.Failures {
		ids = append(ids, f.ID)
	}
	if !slices.Equal(ids, []string{"T-04"}) {
		t.Errorf("failures %v, want T-04", ids)
	}
	var buf bytes.Buffer
	if err := rep.WriteTable(&buf); err != nil || !bytes.Contains(buf.Bytes(), []byte("T-04 (OTHER, line 60, not in <Include>)")) {
		t.Errorf("WriteTable: %v\n%s", err, buf.String())
	}
}

func TestScorePetrarchRecord(t *testing.T) {
	ev := func(code, s, t string) coder.Event { return coder.Event{Code: code, Source: s, Target: t} }
	tests := []struct {
		name                    string
		rec                     PetrarchRecord
		results                 []coder.Result
		correct, uncoded, extra int
	}{
		{"all found", PetrarchRecord{Expected: []PetrarchEvent{{"A", "B", "1"}, {"B", "A", "1"}}},
			[]coder.Result{{Events: []coder.Event{ev("1", "A", "B"), ev("1", "B", "A")}}}, 2, 0, 0},
		{"one missed, one extra", PetrarchRecord{Expected: []PetrarchEvent{{"A", "B", "1"}, {"B", "A", "1"}}},
			[]coder.Result{{Events: []coder.Event{ev("1", "A", "B"), ev("2", "A", "B")}}}, 1, 1, 1},
		{"duplicates count once", PetrarchRecord{Expected: []PetrarchEvent{{"A", "B", "1"}}},
			[]coder.Result{{Events: []coder.Event{ev("1", "A", "B")}}, {Events: []coder.Event{ev("1", "A", "B")}}}, 1, 0, 0},
		{"no events kept", PetrarchRecord{NoEvents: true}, []coder.Result{{}}, 1, 0, 0},
		{"no events broken", PetrarchRecord{NoEvents: true}, []coder.Result{{Events: []coder.Event{ev("1", "A", "B")}}}, 0, 1, 1},
		{"discard reported", PetrarchRecord{Error: "sentencediscard"}, []coder.Result{{Discard: &dict.Discard{}}}, 1, 0, 0},
		{"discard missed", PetrarchRecord{Error: "storydiscard"}, []coder.Result{{Events: []coder.Event{ev("1", "A", "B")}}}, 0, 1, 1},
		{"problem reported", PetrarchRecord{Error: "dateline"}, []coder.Result{{Problems: []coder.Problem{{Kind: "dateline"}}}}, 1, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, u, x, _ := scorePetrarchRecord(&tt.rec, tt.results)
			if c != tt.correct || u != tt.uncoded || x != tt.extra {
				t.Errorf("score = %d/%d/%d, want %d/%d/%d", c, u, x, tt.correct, tt.uncoded, tt.extra)
			}
		})
	}
}

// TestPetrarchSuites holds Dyad to its acceptance figures on PETRARCH's
// validation suites, coded from their embedded parses: at least 90 % of
// the expected events found and extra events for at most 5 % of the
// records, counting the categories each file includes; over all records,
// at least 90 % and at most 6 %.
func TestPetrarchSuites(t *testing.T) {
	val := sharedtest.Path(t, "events", "petrarch", "validation")
	dicts := sharedtest.Path(t, "events", "petrarch", "dictionaries")
	suites := []struct {
		records string
		over    dict.Files
	}{
		{"PETR_Validate_records_2_02.xml", dict.Files{}},
		// The file names PETR.Validate.verbs.txt, whose codes are not the
		// ones it expects, and no ontology.
		{"PETR.UnitTest.records.parsing_parsed_udpipe_2.0.xml", dict.Files{
			Verbs: []string{"PETR.Validate.verbs.2.0.txt"}, Ontology: "PETR.Internal.Coding.Ontology.txt"}},
	}
	for _, s := range suites {
		t.Run(s.records, func(t *testing.T) {
			rep, err := EvalPetrarch(context.Background(), PetrarchOptions{
				Records: filepath.Join(val, s.records), Dicts: dicts, Overrides: s.over})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("included: %.1f %% correct, %.1f %% extra; all: %.1f %% correct, %.1f %% extra",
				rep.CorrectPct, rep.ExtraPct, rep.All.CorrectPct, rep.All.ExtraPct)
			if rep.CorrectPct < 90 || rep.ExtraPct > 5 {
				t.Errorf("included categories: %.1f %% correct, %.1f %% extra; want ≥ 90 and ≤ 5", rep.CorrectPct, rep.ExtraPct)
			}
			if rep.All.CorrectPct < 90 || rep.All.ExtraPct > 6 {
				t.Errorf("all records: %.1f %% correct, %.1f %% extra; want ≥ 90 and ≤ 6", rep.All.CorrectPct, rep.All.ExtraPct)
			}
		})
	}
}

func FuzzReadPetrarchSuite(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "petrarch_suite.xml"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{"<Sentence id=\"a\"><Text>x</Text>", "<Sentence <Text>", "<!-- <Sentence> -->", "<Config option=\"a\" value='b'/><Sentence id=a>", "<EventCoding eventcode=\"1\"", "&amp;&quot;<Text>&lt;"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		s, err := ReadPetrarchSuite(bytes.NewReader(in), "fuzz.xml")
		if err != nil {
			return
		}
		if len(s.Records) == 0 {
			t.Fatal("no error and no records")
		}
		for _, r := range s.Records {
			if len(r.Text) > len(in) || len(r.Parse) > len(in) || len(r.Expected) > len(in) {
				t.Fatalf("record larger than its input: %+v", r)
			}
			if r.Line < 1 {
				t.Fatalf("record at line %d", r.Line)
			}
		}
	})
}
