package htmlparse

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// sameTree reports where the trees a and b differ, or "" when they hold the
// same nodes with the same type, atom, data, namespace and attributes.
func sameTree(a, b *html.Node, path string) string {
	if a == nil || b == nil {
		if a != b {
			return path + ": one tree ends"
		}
		return ""
	}
	if a.Type != b.Type || a.DataAtom != b.DataAtom || a.Data != b.Data || a.Namespace != b.Namespace {
		return fmt.Sprintf("%s: node %v %q %q against %v %q %q", path, a.Type, a.Data, a.Namespace, b.Type, b.Data, b.Namespace)
	}
	if len(a.Attr) != len(b.Attr) {
		return fmt.Sprintf("%s <%s>: %d attributes against %d", path, a.Data, len(a.Attr), len(b.Attr))
	}
	for i := range a.Attr {
		if a.Attr[i] != b.Attr[i] {
			return fmt.Sprintf("%s <%s>: attribute %q against %q", path, a.Data, a.Attr[i], b.Attr[i])
		}
	}
	ca, cb := a.FirstChild, b.FirstChild
	for i := 0; ca != nil || cb != nil; i++ {
		if d := sameTree(ca, cb, fmt.Sprintf("%s/%d", path, i)); d != "" {
			return d
		}
		ca, cb = ca.NextSibling, cb.NextSibling
	}
	return ""
}

// compare parses data with x/net/html and with this package and fails the
// test where the trees or the errors differ.
func compare(t *testing.T, name string, data []byte) {
	t.Helper()
	want, werr := html.Parse(bytes.NewReader(data))
	for _, parse := range []struct {
		name string
		tree func() (*html.Node, error)
	}{
		{"ParseString", func() (*html.Node, error) { return ParseString(string(data)) }},
		{"Parse", func() (*html.Node, error) { return Parse(bytes.NewReader(data)) }},
	} {
		got, gerr := parse.tree()
		if (werr == nil) != (gerr == nil) || (werr != nil && werr.Error() != gerr.Error()) {
			t.Fatalf("%s: %s: error %v, x/net/html %v", name, parse.name, gerr, werr)
		}
		if werr != nil {
			continue
		}
		if d := sameTree(want, got, ""); d != "" {
			t.Fatalf("%s: %s: trees differ at %s", name, parse.name, d)
		}
	}
}

// sharedPages returns the HTML pages of the shared corpora, or skips.
func sharedPages(t *testing.T) map[string][]byte {
	t.Helper()
	root := os.Getenv("DYAD_SHARED")
	if root == "" {
		root = "../../../../../shared/data"
	}
	pages := map[string][]byte{}
	for _, dir := range []string{"extraction/scrapinghub/html", "news/html"} {
		filepath.WalkDir(filepath.Join(root, dir), func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return nil
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return nil
			}
			if strings.HasSuffix(p, ".gz") {
				r, err := gzip.NewReader(bytes.NewReader(data))
				if err != nil {
					return nil
				}
				if data, err = io.ReadAll(r); err != nil {
					return nil
				}
			} else if !strings.HasSuffix(p, ".html") && !strings.HasSuffix(p, ".htm") {
				return nil
			}
			pages[p] = data
			return nil
		})
	}
	if len(pages) == 0 {
		t.Skipf("no pages under %s", root)
	}
	return pages
}

// TestSameTree checks that every page of the shared corpora parses to the
// same tree as with x/net/html.
func TestSameTree(t *testing.T) {
	pages := sharedPages(t)
	for name, data := range pages {
		compare(t, name, data)
	}
	t.Logf("%d pages", len(pages))
}

// FuzzSameTree checks that any input parses to the same tree, or fails with
// the same error, as with x/net/html.
func FuzzSameTree(f *testing.F) {
	for _, s := range []string{
		"<p>a<b>b<i>c</p>d</i>",
		"<table><tr><td>x<td>y</table><svg><desc><p>z</svg>",
		"<script><!--<script></script>--></script>&amp;&notin;&notit;",
		"<a href='x&amp=1&copy=2&lt;' CLASS=\"A\r\nB\">\x00t\r\ne</a>",
		"<!DOCTYPE html><title>a&b</title><textarea>\r\n<b></textarea><style>x</style>",
		"<frameset><frame></frameset><noscript><p>n</noscript><template><td>t</template>",
		"<math><mi>x</mi><annotation-xml encoding=text/html><div>d</div></annotation-xml></math>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		compare(t, "input", data)
	})
}

// BenchmarkParse parses the shared corpora's pages with this package and
// with x/net/html.
func BenchmarkParse(b *testing.B) {
	root := os.Getenv("DYAD_SHARED")
	if root == "" {
		root = "../../../../../shared/data"
	}
	paths, _ := filepath.Glob(filepath.Join(root, "extraction/scrapinghub/html/*.html.gz"))
	if len(paths) == 0 {
		b.Skip("no Scrapinghub pages")
	}
	var pages []string
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		r, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if data, err = io.ReadAll(r); err != nil {
			b.Fatal(err)
		}
		pages = append(pages, string(data))
		size += int64(len(data))
	}
	for _, v := range []struct {
		name  string
		parse func(string) (*html.Node, error)
	}{
		{"ParseString", ParseString},
		{"x-net-html", func(s string) (*html.Node, error) { return html.Parse(strings.NewReader(s)) }},
	} {
		b.Run(v.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, data := range pages {
					if _, err := v.parse(data); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
