package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/parsertest"
)

// TestCodePassesOver codes a folder with an English article, a German
// one, a page without article text and a browser's page_files/ folder:
// the English article is coded; the others are passed over — counted by
// reason in the end-of-run summary, listed only with -v, never coded as
// English — and the exit status is 0, since every input could be read
// (before, the German article was coded as English and the rest were
// failures, exit 1).
func TestCodePassesOver(t *testing.T) {
	parsertest.Pipeline(t)
	dir := t.TempDir()
	for name, text := range map[string]string{
		"en.txt": "Troops attack rebels\n\nIraqi troops attacked rebels in Baghdad on Monday, officials said.\n",
		"de.txt": "Regierung kündigt Reform an\n\nDie Bundesregierung hat am Montag eine umfassende Reform des Gesundheitssystems angekündigt. " +
			"Der Minister sagte, die Änderungen würden die Versorgung verbessern und die Kosten senken. Die Opposition kritisierte den Plan scharf.\n",
		"menu.html":            "<html><body><nav><a href=/>Home</a> <a href=/news>News</a></nav></body></html>",
		"en_files/script.json": "{\n \"x\": 1\n}\n",
	} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out, err := runDyadErr("code", "--json", dir)
	if err != nil {
		t.Fatalf("exit %d (%v), want 0:\n%s", status(err), err, out)
	}
	rs := readRecords(t, out[:strings.Index(out, "dyad: ")])
	if len(rs) == 0 {
		t.Errorf("the English article gave no events:\n%s", out)
	}
	for _, r := range rs {
		if !strings.HasSuffix(r.Origin, "en.txt") {
			t.Errorf("event from %s, which is not English news", r.Origin)
		}
	}
	summary := "4 documents read: 1 articles coded"
	passed := "3 passed over (1 language de, 1 no article text, 1 not news)"
	if !strings.Contains(out, summary) || !strings.Contains(out, passed) || strings.Contains(out, "de.txt") {
		t.Errorf("stderr lacks the summary %q … %q, or lists a document without -v:\n%s", summary, passed, out)
	}
	out, _ = runDyadErr("code", "-v", "--json", dir)
	for _, want := range []string{"de.txt: not coded: in language \"de\"", "menu.html", "en_files: not news"} {
		if !strings.Contains(out, want) {
			t.Errorf("-v does not list %q:\n%s", want, out)
		}
	}
}
