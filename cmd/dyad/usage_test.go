package main

import (
	"os"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

// TestUsage checks the Unix conventions of the command line: --version,
// exit status 2 for usage errors (a bad flag, a wrong number of
// arguments, an unknown subcommand, at the top or under a group such as
// "dyad dict"), and that a group without a subcommand prints its help.
func TestUsage(t *testing.T) {
	out, err := runDyadErr("--version")
	if err != nil || !strings.HasPrefix(out, "dyad ") {
		t.Errorf("dyad --version: %q, %v", out, err)
	}
	for _, args := range [][]string{
		{"bogus"},
		{"dict", "bogus"},
		{"geo", "bogus"},
		{"parse"},
		{"code", "--bogus", "x"},
		{"code", "--format", "xml", "x"},
		{"code", "--json", "--tsv", "x"},
		{"code", "--mentions", "m.csv", "x"},
		{"--log-level", "loud", "parse", "x"},
		{"code", "--date", "May", "x"},
		{"extract", "--max-bytes", "-1", "x"},
		{"parse", "--format", "xml", "x"},
		// Training writes where it is told, never over the shipped model.
		{"train", "tagger"},
		{"train", "parser", "--seed", "2"},
	} {
		out, err := runDyadErr(args...)
		if err == nil || exitStatus(err) != 2 {
			t.Errorf("dyad %s: exit %v (%v), want 2 (usage)\n%s", strings.Join(args, " "), status(err), err, out)
		}
	}
	out, err = runDyadErr("dict")
	if err != nil || !strings.Contains(out, "Available Commands") {
		t.Errorf("dyad dict: %v\n%s", err, out)
	}
}

func status(err error) int {
	if err == nil {
		return 0
	}
	return exitStatus(err)
}

// TestSharedDataDefault checks that the shared data the eval, train and
// bench commands read by default are found wherever they are run from
// (they were ../shared/data from the working directory).
func TestSharedDataDefault(t *testing.T) {
	want := sharedtest.Path(t)
	t.Chdir(t.TempDir())
	t.Setenv("DYAD_SHARED", "")
	got := sharedData()
	gi, err1 := os.Stat(got)
	wi, err2 := os.Stat(want)
	if err1 != nil || err2 != nil || !os.SameFile(gi, wi) {
		t.Errorf("sharedData() = %q (%v), want %q (%v)", got, err1, want, err2)
	}
}
