package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCodeConllBadInputs is issue 13 cases 6 and 7: with --conllu, one
// sentence with an out-of-range head, a head cycle or one missing file
// stopped the whole run (0 documents coded), though the rest is to be
// coded and each bad input reported.
func TestCodeConllBadInputs(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("..", "..", "coder", "testdata", "cases.conllu"))
	if err != nil {
		t.Fatal(err)
	}
	bad := "# sent_id = beyond\n1\tValdoria\tValdoria\tPROPN\tNNP\t_\t9\tnsubj\t_\t_\n2\tleft\tleave\tVERB\tVBD\t_\t0\troot\t_\t_\n\n" +
		"# sent_id = cycle\n1\tA\ta\tDET\tDT\t_\t2\tdet\t_\t_\n2\tB\tb\tNOUN\tNN\t_\t1\troot\t_\t_\n\n"
	mixed := filepath.Join(dir, "mixed.conllu")
	os.WriteFile(mixed, append([]byte(bad), good...), 0o644)
	missing := filepath.Join(dir, "missing.conllu")
	args := codeArgs("--json")
	args = append(args, missing, mixed)
	out, err := runDyadErr(args...)
	if !isReported(err) {
		t.Fatalf("error %v, want the bad inputs counted\n%s", err, out)
	}
	for _, want := range []string{"missing.conllu", `mixed.conllu:4: word 1 of sentence "beyond" has HEAD 9`, `mixed.conllu:8: the heads of sentence "cycle" form a cycle`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	// cases.conllu is coded twice: once alone, once after the bad sentences.
	var events int
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "{") {
			events++
		}
	}
	alone := len(readRecords(t, runDyad(t, codeArgs("--json")...)))
	if events != 2*alone {
		t.Errorf("%d events, want %d (the good sentences of both files)", events, 2*alone)
	}
}
