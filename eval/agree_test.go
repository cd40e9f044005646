package eval

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"dyad/dict"
	"dyad/internal/sharedtest"
)

// agreeFixture writes a PETRARCH set beside the coder's test dictionaries:
// a PETR_config.ini naming them, and returns its directory.
func agreeFixture(t *testing.T, verbs string) string {
	t.Helper()
	dir := t.TempDir()
	abs, err := filepath.Abs(filepath.Join("..", "coder", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if verbs == "" {
		verbs = filepath.Join(abs, "verbs.txt")
	}
	cfg := "[Dictionaries]\nverbfile_name = " + verbs +
		"\nactorfile_list = " + filepath.Join(abs, "actors.txt") +
		"\nagentfile_name = " + filepath.Join(abs, "agents.txt") +
		"\ndiscardfile_name = " + filepath.Join(abs, "discards.txt") + "\n"
	if err := os.WriteFile(filepath.Join(dir, dict.ConfigName), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestAgree(t *testing.T) {
	// The compared set codes "condemn" as another code of the same root
	// (agreement) and "praise" (an event only it finds).
	other := filepath.Join(t.TempDir(), "verbs.txt")
	if err := os.WriteFile(other, []byte("--- CONDEMN [112] ---\nCONDEMN\n\n--- PRAISE [051] ---\nPRAISE\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	files, err := dict.FilesFromDir(agreeFixture(t, other))
	if err != nil {
		t.Fatal(err)
	}
	defaults, err := dict.Load(files)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := Agree(context.Background(), AgreeOptions{
		Records:  filepath.Join("testdata", "petrarch_suite.xml"),
		Phoenix:  agreeFixture(t, ""),
		Defaults: defaults,
	})
	if err != nil {
		t.Fatal(err)
	}
	// T-01 and T-06 code 111 and 112 (root 11) alike; T-02 is coded only
	// by the compared set; T-07's parse is broken; T-05 is not evaluated.
	if rep.Sentences != 6 || rep.PhoenixEvents != 2 || rep.DefaultEvents != 3 || rep.Both != 2 ||
		rep.PhoenixOnly != 0 || rep.DefaultOnly != 1 || rep.Agreeing != 4 {
		t.Errorf("report = %+v", rep)
	}
	if rep.PhoenixPct != 100 || int(rep.DefaultPct*10) != 666 {
		t.Errorf("shares %.1f %%, %.1f %%; want 100 and 66.7", rep.PhoenixPct, rep.DefaultPct)
	}
	if !slices.Equal(rep.Unparsed, []string{"T-07"}) {
		t.Errorf("unparsed %v, want T-07", rep.Unparsed)
	}
	wantRoots := []AgreeRoot{{Root: "05", Default: 1}, {Root: "11", Phoenix: 2, Default: 2, Both: 2}}
	if !slices.Equal(rep.Roots, wantRoots) {
		t.Errorf("roots %+v, want %+v", rep.Roots, wantRoots)
	}
	if len(rep.Disagreements) != 1 {
		t.Fatalf("disagreements %+v, want T-02", rep.Disagreements)
	}
	d := rep.Disagreements[0]
	if d.ID != "T-02" || len(d.Phoenix) != 0 || !slices.Equal(d.Default, []string{"051 VAL MRK"}) ||
		!slices.Equal(d.DefaultOnly, []AgreeEvent{{Source: "VAL", Target: "MRK", Root: "05"}}) {
		t.Errorf("disagreement %+v", d)
	}
	var buf bytes.Buffer
	if err := rep.WriteTable(&buf); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"T-02 (line 34): Valdoria praised Marsk & friends.", "default: 051 VAL MRK", "Phoenix: (nothing)", "not parsed (nothing coded): T-07"} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, buf.String())
		}
	}
	if _, err := json.Marshal(rep); err != nil {
		t.Error(err)
	}
}

func TestAgreeErrors(t *testing.T) {
	records := filepath.Join("testdata", "petrarch_suite.xml")
	for name, opts := range map[string]AgreeOptions{
		"reparse without parser": {Records: records, Phoenix: agreeFixture(t, ""), Reparse: true},
		"no records":             {Records: filepath.Join("testdata", "absent.xml"), Phoenix: agreeFixture(t, "")},
		"no config":              {Records: records, Phoenix: t.TempDir()},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Agree(context.Background(), opts); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestAgreeGigaWord holds Dyad's default dictionaries to their agreement
// with the Phoenix ones on the GigaWord sample sentences, both coded by
// Dyad's coder from the embedded parses (the figure of `dyad eval agree`,
// docs/EVALUATION.md): at least 80 % of the Phoenix events, as issue 6
// asks. The events Phoenix codes that the default dictionaries do not are
// deliberate choices, listed in docs/DICTIONARIES.md.
func TestAgreeGigaWord(t *testing.T) {
	records := sharedtest.Path(t, "events", "petrarch", "validation", "GigaWord.sample.PETR_parsed.xml")
	phoenix := sharedtest.Path(t, "events", "petrarch", "dictionaries")
	rep, err := Agree(context.Background(), AgreeOptions{Records: records, Phoenix: phoenix})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d of %d Phoenix events reproduced (%.1f %%); %d of %d default events coded with Phoenix (%.1f %%)",
		rep.Both, rep.PhoenixEvents, rep.PhoenixPct, rep.Both, rep.DefaultEvents, rep.DefaultPct)
	for _, d := range rep.Disagreements {
		t.Logf("%s: Phoenix %v, default %v", d.ID, d.Phoenix, d.Default)
	}
	if rep.Sentences != 76 || len(rep.Unparsed) > 0 {
		t.Errorf("%d sentences coded, %v unparsed; want all 76", rep.Sentences, rep.Unparsed)
	}
	if rep.PhoenixPct < 80 {
		t.Errorf("default dictionaries reproduce %.1f %% of the Phoenix events, want at least 80 %%", rep.PhoenixPct)
	}
}
