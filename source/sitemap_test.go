package source

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func urlset(base string, paths ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">`)
	for _, p := range paths {
		fmt.Fprintf(&b, "<url><loc>%s%s</loc><news:news><news:publication><news:name>Example</news:name><news:language>en</news:language></news:publication><news:publication_date>2024-03-01T10:00:00Z</news:publication_date><news:title>Title of %s</news:title></news:news></url>", base, p, p)
	}
	b.WriteString("</urlset>")
	return b.String()
}

func index(base string, paths ...string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, p := range paths {
		fmt.Fprintf(&b, "<sitemap><loc>%s%s</loc></sitemap>", base, p)
	}
	b.WriteString("</sitemapindex>")
	return b.String()
}

// sitemapServer serves sitemaps by path, and a page for any other path.
func sitemapServer(t *testing.T, maps func(base string) map[string]string) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		m := maps(srv.URL)
		if body, ok := m[r.URL.Path]; ok {
			if strings.HasSuffix(r.URL.Path, ".gz") {
				w.Write(gzipMember([]byte(body)))
				return
			}
			w.Header().Set("Content-Type", "application/xml")
			fmt.Fprint(w, body)
			return
		}
		if strings.HasPrefix(r.URL.Path, "/news/") {
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, testPage(len(r.URL.Path)))
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv
}

func TestSitemapIndex(t *testing.T) {
	srv := sitemapServer(t, func(base string) map[string]string {
		return map[string]string{
			"/sitemap.xml": index(base, "/a.xml", "/b.xml.gz"),
			"/a.xml":       urlset(base, "/news/1", "/news/2"),
			"/b.xml.gz":    urlset(base, "/news/3"),
		}
	})
	recs, errs := collect(t, Open(srv.URL+"/sitemap.xml", Options{Fetcher: newClient()}))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := srv.URL + "/news/1 " + srv.URL + "/news/2 " + srv.URL + "/news/3"
	if urls(recs) != want {
		t.Fatalf("URLs %q, want %q", urls(recs), want)
	}
	if m := recs[2].Meta; m.Title != "Title of /news/3" || m.Publisher != "Example" || m.Published.IsZero() || !strings.Contains(string(recs[2].Body), "Ministers") {
		t.Errorf("record 3: %+v", recs[2])
	}
}

func TestSitemapLoop(t *testing.T) {
	srv := sitemapServer(t, func(base string) map[string]string {
		return map[string]string{
			"/sitemap.xml": index(base, "/a.xml", "/sitemap.xml"),
			"/a.xml":       index(base, "/sitemap.xml", "/b.xml"),
			"/b.xml":       urlset(base, "/news/1"),
		}
	})
	log, buf := newLog()
	recs, errs := collect(t, Open(srv.URL+"/sitemap.xml", Options{Fetcher: newClient(), Logger: log}))
	if len(errs) > 0 || urls(recs) != srv.URL+"/news/1" {
		t.Fatalf("URLs %q, errors %v", urls(recs), errs)
	}
	if n := strings.Count(buf.String(), "sitemap loop"); n != 2 || !strings.Contains(buf.String(), srv.URL+"/sitemap.xml") {
		t.Errorf("want two loop warnings naming the sitemap, got %q", buf.String())
	}
}

func TestSitemapDepth(t *testing.T) {
	srv := sitemapServer(t, func(base string) map[string]string {
		m := map[string]string{}
		for i := range 10 {
			m[fmt.Sprintf("/s%d.xml", i)] = index(base, fmt.Sprintf("/s%d.xml", i+1))
		}
		return m
	})
	recs, errs := collect(t, Open(srv.URL+"/s0.xml", Options{Fetcher: newClient(), MaxSitemapDepth: 2}))
	if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "deeper than 2 levels") {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}

func TestSitemapIndexWithoutFetcher(t *testing.T) {
	recs, errs := collect(t, Open(writeFile(t, "sitemap.xml", []byte(index("https://n.example", "/a.xml"))), Options{}))
	if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), "sitemap https://n.example/a.xml: fetching is disabled") {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}
