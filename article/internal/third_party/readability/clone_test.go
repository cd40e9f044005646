package readability

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-shiori/dom"
	"golang.org/x/net/html"
)

// TestCloneTree checks that cloneTree copies the pages of article's
// testdata as dom.Clone does, and that adding an attribute to a clone
// leaves the next node's alone.
func TestCloneTree(t *testing.T) {
	paths, err := filepath.Glob("../../../testdata/html/*.html")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no pages: %v", err)
	}
	paths = append(paths, "") // and an empty document
	for _, p := range paths {
		var data []byte
		if p != "" {
			if data, err = os.ReadFile(p); err != nil {
				t.Fatal(err)
			}
		}
		doc, err := html.Parse(strings.NewReader(string(data)))
		if err != nil {
			t.Fatal(err)
		}
		want, got := dom.Clone(doc, true), cloneTree(doc)
		if d := diffTree(want, got); d != "" {
			t.Fatalf("%s: %s", p, d)
		}
		var nodes []*html.Node
		for n := range got.Descendants() {
			nodes = append(nodes, n)
		}
		for i, n := range nodes {
			n.Attr = append(n.Attr, html.Attribute{Key: "x", Val: "y"})
			if i+1 < len(nodes) {
				if next := nodes[i+1]; len(next.Attr) > 0 && next.Attr[0].Key == "x" {
					t.Fatalf("%s: appending to one clone's attributes changed the next's", p)
				}
			}
		}
	}
}

func diffTree(a, b *html.Node) string {
	if (a == nil) != (b == nil) {
		return "one tree ends"
	}
	if a == nil {
		return ""
	}
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace || len(a.Attr) != len(b.Attr) || (a.Attr == nil) != (b.Attr == nil) {
		return "node " + a.Data + " against " + b.Data
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return "attribute of " + a.Data
		}
	}
	for ca, cb := a.FirstChild, b.FirstChild; ca != nil || cb != nil; ca, cb = ca.NextSibling, cb.NextSibling {
		if d := diffTree(ca, cb); d != "" {
			return d
		}
		if ca == nil || cb == nil {
			return "one tree ends"
		}
	}
	return ""
}
