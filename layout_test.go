package dyad_test

import (
	"os/exec"
	"strings"
	"testing"
)

// rank orders Dyad's packages along the data flow
// source → article → coder → pipeline → store → server. A package, and its
// tests, may import only packages of lower rank. codebook and charset are
// leaves: they import no Dyad package. dict builds on codebook. nlp works on
// text and knows nothing of articles, so it ranks below article (an article
// reader may split sentences; nlp may not read pages). geo places what
// nlp found and the coder codes. Only the eval build of cmd imports eval.
var rank = map[string]int{
	"dyad/charset":  0,
	"dyad/codebook": 0,
	"dyad/dict":     1,
	"dyad/nlp":      1,
	"dyad/source":   2,
	"dyad/article":  3,
	"dyad/geo":      4,
	"dyad/coder":    5,
	"dyad/pipeline": 6,
	"dyad/store":    7,
	"dyad/server":   8,
	"dyad/web":      8,
	"dyad/eval":     9,
	"dyad/cmd":      10,
}

// leaves import no other Dyad package.
var leaves = []string{"dyad/charset", "dyad/codebook"}

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

// imports lists each package with its imports (and, with tests, its test
// imports), as built with tags.
func imports(t *testing.T, tests bool, tags string) map[string][]string {
	t.Helper()
	format := `{{.ImportPath}}{{range .Imports}} {{.}}{{end}}`
	if tests {
		format = `{{.ImportPath}}{{range .TestImports}} {{.}}{{end}}{{range .XTestImports}} {{.}}{{end}}`
	}
	out, err := exec.Command("go", "list", "-tags", tags, "-f", format, "./...").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	m := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Fields(line)
		m[f[0]] = f[1:]
	}
	return m
}

func TestImportDirection(t *testing.T) {
	for _, tests := range []bool{false, true} {
		what := "imports"
		if tests {
			what = "test imports"
		}
		for pkg, imps := range imports(t, tests, "eval") {
			if pkg == "dyad" {
				continue // this test
			}
			from, fr := top(pkg)
			if fr < 0 && !strings.HasPrefix(pkg, "dyad/internal/") {
				t.Errorf("package %s is not placed in the data flow; add it to rank", pkg)
			}
			for _, imp := range imps {
				if !strings.HasPrefix(imp, "dyad/") || imp == pkg || strings.HasPrefix(imp, "dyad/internal/") && tests {
					continue
				}
				to, tr := top(imp)
				for _, l := range leaves {
					if from == l && to != l {
						t.Errorf("%s %s %s: %s is a leaf", pkg, what, imp, l)
					}
				}
				if from == to || tr < 0 {
					continue
				}
				if to == "dyad/cmd" || (to == "dyad/eval" && from != "dyad/cmd") {
					t.Errorf("%s %s %s: nothing may import %s", pkg, what, imp, to)
				}
				if fr >= 0 && tr > fr {
					t.Errorf("%s %s %s: data flows the other way", pkg, what, imp)
				}
			}
		}
	}
}

// TestShippedBinary checks that the dyad users install carries no
// evaluation code and none of the peer extractors eval compares against.
func TestShippedBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "./cmd/dyad").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	for _, dep := range strings.Fields(string(out)) {
		for _, banned := range []string{"dyad/eval", "github.com/markusmobius/go-trafilatura", "github.com/go-shiori/go-readability"} {
			if dep == banned || strings.HasPrefix(dep, banned+"/") {
				t.Errorf("cmd/dyad depends on %s: build it in only with -tags eval", dep)
			}
		}
	}
}
