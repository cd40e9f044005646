//go:build eval

package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalNewsCmd(t *testing.T) {
	fx := filepath.Join("..", "..", "eval", "testdata", "newsfixture")
	base := []string{"eval", "news", "--docs", filepath.Join(fx, "docs.jsonl"), "--data", filepath.Join(fx, "data")}
	arg := func(extra ...string) []string { return append(append([]string{}, base...), extra...) }

	out := runDyad(t, arg("--show", "b2")...)
	want := "   2 [30,92) The Russian government expelled a Georgian diplomat on Monday.\n"
	if !strings.Contains(out, want) || strings.Contains(out, "RUS") {
		t.Errorf("--show b2: want %q and no event codes, got\n%s", want, out)
	}
	if out := runDyad(t, arg("--check", filepath.Join(fx, "dev", "dev.jsonl"))...); !strings.Contains(out, "7 gold events in 1 files: no problems") {
		t.Errorf("--check: %s", out)
	}
	bad := writeFile(t, "dev.jsonl", `{"doc":"b2","span":[1,28],"source":"RUSGOV","target":"GEOGOV","code":"166"}`+"\n")
	out, err := runDyadErr(arg("--check", bad)...)
	if err == nil || !strings.Contains(out, bad+":1: span [1,28) does not start at a sentence") {
		t.Errorf("--check of a bad file: %v\n%s", err, out)
	}
	if _, err := runDyadErr(arg("--show", "nope")...); err == nil {
		t.Error("--show of an unknown document: no error")
	}

	// A second annotator's file: one root of b2 differs from the gold's.
	second := writeFile(t, "second.jsonl", "# doc c2 done\n"+
		`{"doc":"b2","span":[0,28],"source":"RUSGOV","target":"GEOGOV","code":"166"}`+"\n"+
		`{"doc":"b2","span":[30,92],"source":"RUSGOV","target":"GEOGOV","code":"173"}`+"\n")
	if out := runDyad(t, arg("--check", "--annotation", second)...); !strings.Contains(out, "2 gold events in 1 files: no problems") {
		t.Errorf("--check --annotation: %s", out)
	}
	out = runDyad(t, arg("--set", "dev", "--annotation", second)...)
	for _, want := range []string{"against annotation " + second + ": 1 documents annotated in both; gold events 4", "not scored, annotated only in " + second + ": c2", "wrong_root", "extras (1)", "coded RUSGOV→GEOGOV 173 (" + second + ":3)"} {
		if !strings.Contains(out, want) {
			t.Errorf("--annotation: want %q in\n%s", want, out)
		}
	}
	var agree struct {
		Annotation string `json:"annotation"`
		System     int    `json:"system"`
		Strict     struct {
			Matched int `json:"system_matched"`
			Found   int `json:"gold_found"`
		} `json:"strict"`
	}
	out = runDyad(t, arg("--set", "dev", "--annotation", second, "--json")...)
	if err := json.Unmarshal([]byte(out), &agree); err != nil || agree.Annotation != second || agree.System != 2 || agree.Strict.Matched != 1 || agree.Strict.Found != 1 {
		t.Errorf("--annotation --json: %+v, %v\n%s", agree, err, out)
	}
	if _, err := runDyadErr(arg("--annotation", second)...); err == nil {
		t.Error("--annotation without --set: no error")
	}

	out = runDyad(t, arg("--set", "dev", "--json")...)
	var rep struct {
		Annotated int `json:"annotated_documents"`
		Gold      int `json:"gold"`
		Strict    struct {
			Precision float64 `json:"precision"`
		} `json:"strict"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Annotated != 2 || rep.Gold != 6 {
		t.Errorf("--set dev --json: %+v, %v\n%s", rep, err, out)
	}
}

// writeFile writes content to a file named name in a temporary directory.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}
