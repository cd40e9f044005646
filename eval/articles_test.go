package eval

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"dyad/coder"
	"dyad/coder/story"
	"dyad/dict/builtin"
	"dyad/internal/parsertest"
)

func TestReadRefs(t *testing.T) {
	refs, err := ReadRefs(strings.NewReader(`# comment
"the group" in "asked the group to" = IRQREB
"both sides" in "both sides will" = LBY  EGY
"it" in "said it ignored" = -
`), "x.refs")
	if err != nil {
		t.Fatal(err)
	}
	if len(refs) != 3 || refs[0].Phrase != "the group" || refs[0].Context != "asked the group to" || refs[0].Codes[0] != "IRQREB" ||
		len(refs[1].Codes) != 2 || refs[2].Codes != nil || refs[2].Line != 4 {
		t.Errorf("refs = %+v", refs)
	}
	for _, bad := range []string{`the group = X`, `"the group" at "x" = X`, `"the group" in "x"`, `"the group" in "x = Y`} {
		if _, err := ReadRefs(strings.NewReader(bad), "bad.refs"); err == nil || !strings.Contains(err.Error(), "bad.refs:1:") {
			t.Errorf("%q: error %v, want one naming bad.refs:1", bad, err)
		}
	}
}

// TestArticles is the acceptance test of article-level coding: the
// project's test articles (dict/builtin/testdata/articles, every CAMEO
// root) coded end to end with the default dictionaries — text, Dyad's
// parser, one discourse per article — against their expected events, and
// the references of those articles and of eval/testdata/articles against
// an annotator's. It logs each article's recall and precision and every
// difference, and holds the totals at their measured levels; the misses
// are parses the current parser gets wrong (docs/EVALUATION.md).
func TestArticles(t *testing.T) {
	p := parsertest.Pipeline(t)
	d, err := builtin.Dictionary()
	if err != nil {
		t.Fatal(err)
	}
	c, err := coder.New(d, coder.Options{})
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join("..")
	rep, err := Articles(context.Background(), ArticlesOptions{
		Dirs:    []string{filepath.Join(root, "dict", "builtin", "testdata", "articles"), filepath.Join("testdata", "articles")},
		RefDirs: []string{filepath.Join("testdata", "refs")},
		Coder:   story.New(c, p, story.Options{}),
	})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := rep.WriteTable(&b); err != nil {
		t.Fatal(err)
	}
	t.Log("\n" + b.String())
	e, r := rep.Events, rep.Refs
	if e.Expected < 60 || r.Gold < 30 {
		t.Fatalf("only %d expected events and %d annotated references read", e.Expected, r.Gold)
	}
	if recall := float64(e.Found) / float64(e.Expected); recall < 0.90 {
		t.Errorf("event recall %.1f %%, below 90 %%", 100*recall)
	}
	if prec := float64(e.Matching) / float64(e.Coded); prec < 0.75 {
		t.Errorf("event precision %.1f %%, below 75 %%", 100*prec)
	}
	if acc := float64(r.Correct) / float64(r.Gold); acc < 0.55 {
		t.Errorf("references correct %.1f %%, below 55 %%", 100*acc)
	}
}
