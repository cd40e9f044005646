package source

import (
	"strings"
	"testing"
	"time"
)

// TestPETRARCH reads PETRARCH story XML: each <Sentence> is a record with
// its own ID and date, a sentence with an empty <Text> is read from the
// words of its <Parse>, and a bad sentence is an error naming its line
// while the others are read.
func TestPETRARCH(t *testing.T) {
	path := "testdata/stories.petr.xml"
	recs, errs := collect(t, Open(path, Options{}))
	want := []struct {
		id, date, text string
	}{
		{"NEWS01_1", "2008-08-04", "Valdorian troops attacked Marsk positions on Monday."},
		{"NEWS02_3", "2008-08-06", "The United States didn't fire at Russia's jets."},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(recs), len(want), recs)
	}
	for i, w := range want {
		r := recs[i]
		if r.Meta.ID != w.id || r.Meta.Published.Format(time.DateOnly) != w.date || r.Meta.Text != w.text ||
			r.Meta.Publisher != "AFP" || r.Origin != path+"#id="+w.id || len(r.Body) != 0 {
			t.Errorf("record %d: %+v, want %s %s %q", i+1, r, w.id, w.date, w.text)
		}
	}
	wantErrs := []string{`line 20: sentence NEWS03_1: date "August" is not YYYYMMDD`, `line 23: <Sentence> without an "id"`}
	if len(errs) != len(wantErrs) {
		t.Fatalf("errors %v, want %v", errs, wantErrs)
	}
	for i, w := range wantErrs {
		if !strings.Contains(errs[i].Error(), w) || !strings.Contains(errs[i].Error(), path) {
			t.Errorf("error %q, want %q", errs[i], w)
		}
	}
}
