package source

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestFolderNotNews reads a folder a browser saved a page into: the page
// is read, and its page_files/ folder, a metadata JSON file and XML of
// another kind are ErrNotNews (they were failures); named alone, the JSON
// file is still an error of its own.
func TestFolderNotNews(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"page.html":              "<html><body><p>Troops attacked rebels.</p></body></html>",
		"page_files/data.json":   "{\"a\": 1,\n\"b\": 2}\n",
		"page_files/style.xml":   "<?xml version=\"1.0\"?><style/>",
		"meta.json":              "{\n  \"title\": \"metadata\"\n}\n",
		"settings.xml":           "<?xml version=\"1.0\"?><settings/>",
		"sub/other_files/x.html": "<p>x</p>",
	}
	for name, text := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	recs, errs := collect(t, Open(dir, Options{}))
	if len(recs) != 1 || recs[0].Origin != filepath.Join(dir, "page.html") {
		t.Errorf("records %+v, want page.html alone", recs)
	}
	if len(errs) != 4 {
		t.Errorf("%d errors, want 4 (meta.json, page_files, settings.xml, sub/other_files): %v", len(errs), errs)
	}
	for _, err := range errs {
		if !errors.Is(err, ErrNotNews) {
			t.Errorf("%v: not ErrNotNews", err)
		}
	}
	_, errs = collect(t, Open(filepath.Join(dir, "meta.json"), Options{}))
	if len(errs) != 1 || errors.Is(errs[0], ErrNotNews) {
		t.Errorf("meta.json named alone: %v, want an error that is not ErrNotNews", errs)
	}
}
