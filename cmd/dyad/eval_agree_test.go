//go:build eval

package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

func TestEvalAgreeCmd(t *testing.T) {
	records := sharedtest.Path(t, "events", "petrarch", "validation", "GigaWord.sample.PETR_parsed.xml")
	phoenix := sharedtest.Path(t, "events", "petrarch", "dictionaries")
	out := runDyad(t, "eval", "agree", "--records", records, "--phoenix", phoenix)
	if !strings.Contains(out, "76 sentences") || !strings.Contains(out, "reproduced %") {
		t.Errorf("output:\n%s", out)
	}
	out = runDyad(t, "eval", "agree", "--records", records, "--phoenix", phoenix, "--json")
	var rep struct {
		Sentences     int     `json:"sentences"`
		PhoenixEvents int     `json:"phoenix_events"`
		PhoenixPct    float64 `json:"phoenix_reproduced_pct"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Sentences != 76 || rep.PhoenixEvents == 0 {
		t.Errorf("--json: %+v, %v\n%s", rep, err, out)
	}
}

func TestPhoenixDir(t *testing.T) {
	t.Setenv("DYAD_DICTS", filepath.Join("home", "dicts"))
	for in, want := range map[string]string{
		"phoenix":               filepath.Join("home", "dicts", "phoenix"),
		filepath.Join("a", "b"): filepath.Join("a", "b"),
	} {
		if got := phoenixDir(in); got != want {
			t.Errorf("phoenixDir(%q) = %q, want %q", in, got, want)
		}
	}
}
