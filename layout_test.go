package dyad_test

import (
	"os/exec"
	"strings"
	"testing"
)

// rank orders Dyad's packages along the data flow
// source → article → nlp → coder → store → server. A package may import only
// packages of lower rank; codebook and dict are leaves beside the flow, and
// only cmd imports eval.
var rank = map[string]int{
	"dyad/charset":  0,
	"dyad/codebook": 0,
	"dyad/source":   1,
	"dyad/article":  2,
	"dyad/nlp":      3,
	"dyad/dict":     0,
	"dyad/coder":    5,
	"dyad/store":    6,
	"dyad/server":   7,
	"dyad/eval":     8,
	"dyad/cmd":      9,
}

// top returns the rank of a package by its top-level directory under the
// module, or -1 for packages outside the flow (internal helpers).
func top(pkg string) (string, int) {
	parts := strings.Split(pkg, "/")
	if len(parts) < 2 {
		return pkg, -1
	}
	key := parts[0] + "/" + parts[1]
	r, ok := rank[key]
	if !ok {
		return key, -1
	}
	return key, r
}

func TestImportDirection(t *testing.T) {
	out, err := exec.Command("go", "list", "-f", `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		from, fr := top(f[0])
		for _, imp := range f[1:] {
			if !strings.HasPrefix(imp, "dyad/") {
				continue
			}
			to, tr := top(imp)
			if from == to || tr < 0 {
				continue
			}
			if to == "dyad/cmd" || (to == "dyad/eval" && from != "dyad/cmd") {
				t.Errorf("%s imports %s: nothing may import %s", f[0], imp, to)
			}
			if fr >= 0 && tr > fr {
				t.Errorf("%s imports %s: data flows the other way", f[0], imp)
			}
			if fr < 0 && !strings.HasPrefix(f[0], "dyad/internal/") {
				t.Errorf("package %s is not placed in the data flow; add it to rank", f[0])
			}
		}
	}
}
