package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// run runs the dyad command with args and returns its standard output.
func runDyad(t *testing.T, args ...string) string {
	t.Helper()
	var out bytes.Buffer
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(&out)
	root.SetErr(&out)
	if err := root.Execute(); err != nil {
		t.Fatalf("dyad %s: %v\n%s", strings.Join(args, " "), err, out.String())
	}
	return out.String()
}

func codeArgs(extra ...string) []string {
	td := filepath.Join("..", "..", "coder", "testdata")
	return append([]string{"code", "--conllu", filepath.Join(td, "cases.conllu"),
		"--actors", filepath.Join(td, "actors.txt"), "--agents", filepath.Join(td, "agents.txt"),
		"--verbs", filepath.Join(td, "verbs.txt"), "--discards", filepath.Join(td, "discards.txt"),
		"--ontology", filepath.Join(td, "ontology.txt")}, extra...)
}

func TestCodeCmd(t *testing.T) {
	out := runDyad(t, codeArgs()...)
	for _, want := range []string{"# basic: Valdoria condemned the Marsk attack .\n111 VAL MRK\n", "051 MRK VAL\n", "040 VALELI MRK\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	out = runDyad(t, codeArgs("--explain")...)
	if !strings.Contains(out, "pattern       - * ATTACK (BY) [112]") || !strings.Contains(out, "story discarded") {
		t.Errorf("--explain output:\n%s", out)
	}
	out = runDyad(t, codeArgs("--json")...)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var first struct {
		Sentence string `json:"sentence"`
		Events   []struct {
			Code, Source, Target string
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil || first.Sentence != "basic" || len(first.Events) != 1 || first.Events[0].Code != "111" {
		t.Errorf("first JSON line %q: %+v %v", lines[0], first, err)
	}
}

func TestCodeCmdNeedsDictionaries(t *testing.T) {
	root := newRootCmd()
	root.SetArgs([]string{"code", "--conllu", "x.conllu"})
	root.SetOut(&bytes.Buffer{})
	root.SetErr(&bytes.Buffer{})
	if err := root.Execute(); err == nil || !strings.Contains(err.Error(), "no dictionaries") {
		t.Errorf("error = %v, want one about missing dictionaries", err)
	}
}

func TestEvalPetrarchCmd(t *testing.T) {
	out := runDyad(t, "eval", "petrarch", "--passes", "1",
		"--records", filepath.Join("..", "..", "eval", "testdata", "petrarch_suite.xml"),
		"--dicts", filepath.Join("..", "..", "coder", "testdata"))
	if !strings.Contains(out, "total (<Include>)") || !strings.Contains(out, "T-04 (OTHER") {
		t.Errorf("output:\n%s", out)
	}
}
