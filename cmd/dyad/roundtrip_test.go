package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/parsertest"
	"dyad/internal/sharedtest"
)

// TestExtractRoundTrip reads "dyad extract --json" output back: extract
// (from the file and from standard input) gives the same bytes — every
// field, the standfirst, byline, blocks and teasers, the same ID — and
// code codes the same articles with the same IDs as from the originals
// (before, the JSON was read as plain JSON Lines rows: standfirst, byline
// and teasers were lost and the IDs changed).
func TestExtractRoundTrip(t *testing.T) {
	parsertest.Pipeline(t)
	inputs := []string{
		sharedtest.Path(t, "..", "seed", "000_8f2645bc90d6cfd4.txt"),
		filepath.Join("..", "..", "examples", "tripoli-truce.txt"),
		filepath.Join("..", "..", "article", "testdata", "html", "wire-story.html"),
	}
	first := runDyad(t, append([]string{"extract", "--json"}, inputs...)...)
	jsonl := filepath.Join(t.TempDir(), "articles.jsonl")
	if err := os.WriteFile(jsonl, []byte(first), 0o644); err != nil {
		t.Fatal(err)
	}
	if again := runDyad(t, "extract", "--json", jsonl); again != first {
		t.Errorf("extract of extract --json differs:\n%s\nwant\n%s", again, first)
	}
	var out bytes.Buffer
	root := newRootCmd()
	root.SetArgs([]string{"extract", "--json", "-"})
	root.SetIn(bytes.NewReader([]byte(first)))
	root.SetOut(&out)
	root.SetErr(&out)
	if err := root.Execute(); err != nil || out.String() != first {
		t.Errorf("extract --json - (%v) differs:\n%s\nwant\n%s", err, out.String(), first)
	}
	// --output-dir writes the same articles, one file each, named by ID.
	dir := filepath.Join(t.TempDir(), "out")
	runDyad(t, "extract", "--json", "--output-dir", dir, jsonl)
	for _, line := range strings.SplitAfter(strings.TrimSuffix(first, "\n"), "\n") {
		var a struct{ ID string }
		if err := json.Unmarshal([]byte(line), &a); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, a.ID+".json"))
		if err != nil || strings.TrimSpace(string(got)) != strings.TrimSpace(line) {
			t.Errorf("--output-dir: %s.json (%v):\n%s\nwant\n%s", a.ID, err, got, line)
		}
	}
	want := runDyad(t, append([]string{"code", "--json"}, inputs...)...)
	if got := runDyad(t, "code", "--json", jsonl); got != want {
		t.Errorf("code of extract --json differs from code of the originals:\n%s\nwant\n%s", got, want)
	}
}
