package source

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestIsURLList(t *testing.T) {
	for _, tt := range []struct {
		name, text string
		want       bool
	}{
		{"URLs and comments", "# feeds\nhttps://a.example/rss\n\nhttp://b.example/news/1.html\n", true},
		{"paths", "pages/one.html\n./two.htm\nthree.warc.gz\n", true},
		{"one URL", "https://a.example/x", true},
		{"prose", "Troops attacked rebels.\n\nThe rebels fled.\n", false},
		{"a headline then a URL", "Breaking\nhttps://a.example/x\n", false},
		{"a URL in a sentence", "Read https://a.example/x for more\n", false},
		{"comments only", "# nothing yet\n", false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := isURLList([]byte(tt.text)); got != tt.want {
				t.Errorf("isURLList(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

// TestURLList reads a file that lists inputs, as trafilatura's -i does
// (it was read as a plain-text article): the entries in order, paths
// relative to the list, comments skipped, an entry that cannot be read an
// error naming it; a list is not read from within a list, and a fetched
// list may name URLs only.
func TestURLList(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, text := range map[string]string{
		"sub/a.txt": "First headline\n\nThe first body.\n", "b.html": "<html><body><p>Second.</p></body></html>",
		"inner.txt": "b.html\n",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := filepath.Join(dir, "list.txt")
	if err := os.WriteFile(list, []byte("# inputs\nsub/a.txt\n\n  b.html  \nmissing.html\ninner.txt\nhttps://a.example/x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, errs := collect(t, Open(list, Options{}))
	if len(recs) != 2 || recs[0].Origin != filepath.Join(dir, "sub/a.txt") || recs[1].Origin != filepath.Join(dir, "b.html") {
		t.Fatalf("records %+v, want sub/a.txt and b.html", recs)
	}
	wantErrs := []string{"missing.html: no such file", "inner.txt: " + errNestedList.Error(), "https://a.example/x: " + ErrNoFetcher.Error()}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %v", errs, wantErrs)
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i].Error(), w) {
			t.Errorf("error %q, want %q", errs[i], w)
		}
	}

	fetched := fromDoc(doc{origin: "https://a.example/list.txt", url: "https://a.example/list.txt", data: []byte("/etc/passwd\nhttps://a.example/y\n")}, Options{}, nil)
	recs, errs = collect(t, fetched)
	if len(recs) != 0 || len(errs) != 2 || !strings.Contains(errs[0].Error(), "line 1") || !strings.Contains(errs[0].Error(), "URLs only") {
		t.Errorf("fetched list: %v %v, want the path refused", recs, errs)
	}
}
