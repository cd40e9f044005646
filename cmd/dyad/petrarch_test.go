package main

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"dyad/internal/parsertest"
	"dyad/internal/sharedtest"
)

// TestCodePETRARCHInput codes PETRARCH's GigaWord sample, story XML that
// was read as one HTML page: each sentence is an article of its own, with
// the sentence's ID and date, and --format petrarch writes PETRARCH 2's
// event lines with the same IDs and dates.
func TestCodePETRARCHInput(t *testing.T) {
	parsertest.Pipeline(t)
	path := sharedtest.Path(t, "events", "petrarch", "validation", "GigaWord.sample.PETR.xml")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	dates := map[string]string{} // sentence ID → date
	for _, m := range regexp.MustCompile(`<Sentence date\s*=\s*"(\d{8})"\s+id\s*=\s*"([^"]+)"`).FindAllStringSubmatch(string(data), -1) {
		dates[m[2]] = m[1]
	}
	if len(dates) < 50 {
		t.Fatalf("%d sentences in %s", len(dates), path)
	}
	rs := readRecords(t, runDyad(t, "code", path, "--json"))
	coded := map[string]bool{}
	for _, r := range rs {
		d, ok := dates[r.ArticleID]
		if !ok {
			t.Errorf("event %s %s %s: article %q is not a sentence of the file", r.Source.Code, r.Code, r.Target.Code, r.ArticleID)
			continue
		}
		if r.Published == nil || r.Published.Format("20060102") != d {
			t.Errorf("sentence %s: published %v, want %s", r.ArticleID, r.Published, d)
		}
		if len(r.Mentions) == 0 || r.Mentions[0].SentenceID != r.ArticleID+"-1" || !strings.HasSuffix(r.Origin, "#id="+r.ArticleID) {
			t.Errorf("sentence %s: mentions %+v, origin %q", r.ArticleID, r.Mentions, r.Origin)
		}
		coded[r.ArticleID] = true
	}
	// The sample's sentences are mostly ones PETRARCH codes.
	if len(coded) < len(dates)/2 {
		t.Errorf("events in %d of %d sentences", len(coded), len(dates))
	}
	lines := strings.Split(strings.TrimSpace(runDyad(t, "code", path, "--format", "petrarch")), "\n")
	if len(lines) != len(rs) {
		t.Errorf("%d PETRARCH lines for %d events", len(lines), len(rs))
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 7 || dates[f[5]] != f[0] || f[6] != "AFP" && f[6] != "NULL" {
			t.Errorf("PETRARCH line %q: want date, source, target, code, issues, the sentence's ID and its source", l)
			continue
		}
		if _, err := time.Parse("20060102", f[0]); err != nil {
			t.Errorf("PETRARCH line %q: %v", l, err)
		}
	}
}
