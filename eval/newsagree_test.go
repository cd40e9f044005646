package eval

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The events of the fixture's gold (testdata/newsfixture/dev/dev.jsonl),
// for annotation files that agree with it in part.
const (
	b2Expel1  = `{"doc":"b2","span":[0,28],"source":"RUSGOV","target":"GEOGOV","code":"166"}`
	b2Expel2  = `{"doc":"b2","span":[30,92],"source":"RUSGOV","target":"GEOGOV","code":"166"}`
	b2Accuse1 = `{"doc":"b2","span":[94,151],"source":"GEOGOV","target":"RUSGOV","code":"114"}`
	b2Accuse2 = `{"doc":"b2","span":[94,151],"source":"GEOGOV","target":"RUSGOV","code":"1125"}`
	s1Talks1  = `{"doc":"s1","span":[0,43],"source":"---","source_name":"Ruritania","target":"---","target_name":"Valdora","code":"046"}`
	s1Talks2  = `{"doc":"s1","span":[0,43],"source":"---","source_name":"Valdora","target":"---","target_name":"Ruritania","code":"046"}`
	s1Intent  = `{"doc":"s1","span":[45,71],"source":"---","source_name":"Ruritania","target":"---","target_name":"Valdora","code":"036"`
)

func TestNewsAgreement(t *testing.T) {
	tok := defaultTokenizer(t)
	opts := NewsOptions{Data: filepath.Join(newsFixture, "data"), Dir: newsFixture, Set: "dev", Tokenizer: tok}
	type want struct {
		gold, system, other int
		strict, lenient     [2]int // matched (of the file's events), found (of the gold)
		misses              map[string]int
		extras              map[string]int
		unscored            []string
		modalities          []string
	}
	for _, tc := range []struct {
		name  string
		lines []string
		mods  []string
		want  want
	}{
		{"the same events", []string{b2Expel1, b2Expel2, b2Accuse1, b2Accuse2, s1Talks1, s1Talks2, s1Intent + `,"modality":"future"}`},
			nil, want{gold: 6, system: 6, other: 1, strict: [2]int{6, 6}, lenient: [2]int{6, 6}}},
		// Disagreeing codes and actors count against both sides: a miss
		// of the gold and an extra of the file.
		{"another root and another role", []string{"# doc b2 done",
			`{"doc":"b2","span":[0,28],"source":"RUSMIL","target":"GEOGOV","code":"166"}`,
			`{"doc":"b2","span":[30,92],"source":"RUSGOV","target":"GEOGOV","code":"173"}`, b2Accuse1, b2Accuse2},
			nil, want{gold: 4, system: 4, strict: [2]int{2, 2}, lenient: [2]int{3, 3},
				misses: map[string]int{ErrWrongRoot: 1, ErrWrongActor: 1}, extras: map[string]int{ErrWrongRoot: 1, ErrWrongActor: 1}}},
		// The gold tells two events of root 11 between the same actors in
		// one sentence and the file one: the other is missed, not a wrong
		// root.
		{"one of two events of a root", []string{b2Expel1, b2Expel2, b2Accuse1},
			nil, want{gold: 4, system: 3, strict: [2]int{3, 3}, lenient: [2]int{3, 3}, misses: map[string]int{ErrMissed: 1}}},
		{"a document without events", []string{"# doc s1: no events"},
			nil, want{gold: 2, misses: map[string]int{ErrMissed: 2}}},
		// c2 is annotated by the file alone: listed, not scored.
		{"a document the gold lacks", []string{"# doc c2 done", "# doc b2 done", b2Expel1, b2Expel2, b2Accuse1, b2Accuse2},
			nil, want{gold: 4, system: 4, strict: [2]int{4, 4}, lenient: [2]int{4, 4}, unscored: []string{"c2"}}},
		// An intent the gold has as future: a modality extra; the file's
		// own hypothetical event is left out.
		{"modalities", []string{s1Talks1, s1Talks2, s1Intent + `}`,
			`{"doc":"s1","span":[45,71],"source":"---","source_name":"Valdora","target":"---","target_name":"Ruritania","code":"036","modality":"hypothetical"}`},
			nil, want{gold: 2, system: 3, other: 1, strict: [2]int{2, 2}, lenient: [2]int{2, 2}, extras: map[string]int{ErrModality: 1}}},
		{"modalities widened on both sides", []string{s1Talks1, s1Talks2, s1Intent + `,"modality":"future"}`},
			[]string{"asserted", "future"}, want{gold: 3, system: 3, strict: [2]int{3, 3}, lenient: [2]int{3, 3}, modalities: []string{"asserted", "future"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "second.jsonl")
			if err := os.WriteFile(file, []byte(strings.Join(tc.lines, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			o := opts
			o.Modalities = tc.mods
			rep, err := NewsAgreement(o, file)
			if err != nil {
				t.Fatal(err)
			}
			w := tc.want
			if rep.Gold != w.gold || rep.System != w.system || rep.AnnotationOther != w.other {
				t.Errorf("gold %d, file %d, file's other %d: want %d, %d, %d", rep.Gold, rep.System, rep.AnnotationOther, w.gold, w.system, w.other)
			}
			if got := [2]int{rep.Strict.Matched, rep.Strict.Found}; got != w.strict {
				t.Errorf("strict matched, found %v: want %v", got, w.strict)
			}
			if got := [2]int{rep.Lenient.Matched, rep.Lenient.Found}; got != w.lenient {
				t.Errorf("lenient matched, found %v: want %v", got, w.lenient)
			}
			for c, n := range rep.MissErrors {
				if n != w.misses[c] {
					t.Errorf("misses %v: want %v", rep.MissErrors, w.misses)
				}
			}
			for c, n := range rep.ExtraErrors {
				if n != w.extras[c] {
					t.Errorf("extras %v: want %v", rep.ExtraErrors, w.extras)
				}
			}
			if len(rep.Misses) != w.gold-w.strict[1] || len(rep.Extras) != w.system-w.strict[0] {
				t.Errorf("%d misses, %d extras listed", len(rep.Misses), len(rep.Extras))
			}
			for _, d := range rep.Extras {
				if d.System.Sentence == "" || d.System.File != file || d.System.Line == 0 {
					t.Errorf("extra %+v without its sentence or its line", d.System)
				}
			}
			if !slices.Equal(rep.Unscored, w.unscored) {
				t.Errorf("unscored %v: want %v", rep.Unscored, w.unscored)
			}
			if mods := w.modalities; mods != nil && !slices.Equal(rep.Modalities, mods) {
				t.Errorf("modalities %v: want %v", rep.Modalities, mods)
			}
			var table bytes.Buffer
			if err := rep.WriteTable(&table); err != nil {
				t.Fatal(err)
			}
			for _, s := range []string{"against annotation " + file, "strict", "lenient", "misses (", "extras ("} {
				if !strings.Contains(table.String(), s) {
					t.Errorf("table lacks %q:\n%s", s, table.String())
				}
			}
			if strings.Contains(table.String(), "confidence") {
				t.Errorf("table of an annotation has a confidence table:\n%s", table.String())
			}
		})
	}

	// A file the set's documents do not hold, or with a span off the
	// sentences, is refused; so is a modality not known.
	for name, line := range map[string]string{
		"test document": `{"doc":"b1","span":[0,10],"source":"RUSGOV","target":"GEOGOV","code":"166"}`,
		"bad span":      `{"doc":"b2","span":[1,28],"source":"RUSGOV","target":"GEOGOV","code":"166"}`,
		"bad code":      `{"doc":"b2","span":[0,28],"source":"RUSGOV","target":"GEOGOV","code":"999"}`,
	} {
		file := filepath.Join(t.TempDir(), "second.jsonl")
		if err := os.WriteFile(file, []byte(line+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := NewsAgreement(opts, file); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	o := opts
	o.Modalities = []string{"maybe"}
	if _, err := NewsAgreement(o, filepath.Join(newsFixture, "dev", "dev.jsonl")); err == nil {
		t.Error("modality maybe: no error")
	}
}
