package source

import (
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"dyad/source/fetch"
)

const rssFeed = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example News</title><link>%[1]s/</link><language>en</language>
<item><title>Talks resume in Geneva</title><link>%[1]s/story/1</link>
<description>&lt;p&gt;Negotiators met &lt;b&gt;again&lt;/b&gt;.&lt;/p&gt;</description>
<pubDate>Fri, 01 Mar 2024 10:00:00 GMT</pubDate><author>jane@example.org (Jane Roe)</author></item>
<item><title>Ceasefire holds</title><link>/story/2</link><description>Quiet night.</description></item>
<item><title>Missing page</title><link>%[1]s/gone</link><description>Gone.</description></item>
</channel></rss>`

// newClient returns a fetcher fast enough for tests.
func newClient() *fetch.Client {
	return fetch.New(fetch.Options{HostInterval: time.Millisecond, Timeout: 5 * time.Second, RetryBase: time.Millisecond, AllowPrivate: true})
}

func TestFeedItemsWithoutFetcher(t *testing.T) {
	path := writeFile(t, "news.rss", fmt.Appendf(nil, rssFeed, "https://news.example"))
	recs, errs := collect(t, Open(path, Options{}))
	if len(errs) > 0 || len(recs) != 3 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	r := recs[0]
	if r.URL != "https://news.example/story/1" || r.Meta.Title != "Talks resume in Geneva" || r.Meta.Summary != "Negotiators met again ." || r.Meta.Publisher != "Example News" {
		t.Errorf("record %+v", r)
	}
	if !r.IsHTML() || !strings.Contains(string(r.Body), "<b>again</b>") || r.Origin != path+"#item=1" {
		t.Errorf("body %q origin %q", r.Body, r.Origin)
	}
	if recs[1].URL != "https://news.example/story/2" {
		t.Errorf("relative link resolved to %q", recs[1].URL)
	}
}

func TestFeedFetchesLinkedPages(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, rssFeed, srv.URL)
	})
	mux.HandleFunc("/story/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, testPage(len(r.URL.Path)))
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	recs, errs := collect(t, Open(srv.URL+"/feed.xml", Options{Fetcher: newClient()}))
	if got := urls(recs); got != srv.URL+"/story/1 "+srv.URL+"/story/2" {
		t.Errorf("URLs %q", got)
	}
	if len(recs) > 0 && (recs[0].Meta.Title != "Talks resume in Geneva" || !strings.Contains(string(recs[0].Body), "Ministers")) {
		t.Errorf("record 1: %+v", recs[0])
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "item 3 ("+srv.URL+"/gone): HTTP 404") {
		t.Errorf("errors %v, want the missing page named", errs)
	}
	// With NoFollow the feed is fetched but its items yield their own content.
	recs, errs = collect(t, Open(srv.URL+"/feed.xml", Options{Fetcher: newClient(), NoFollow: true}))
	if len(errs) != 0 || len(recs) != 3 || !strings.Contains(string(recs[0].Body), "<b>again</b>") {
		t.Errorf("NoFollow: %d records, errors %v", len(recs), errs)
	}
}

func TestFeedThatIsHTML(t *testing.T) {
	page := `<!DOCTYPE html><html><head><title>News</title>
<link rel="alternate" type="application/rss+xml" href="/rss/all.xml"></head><body><p>Latest news</p></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, page)
	}))
	defer srv.Close()
	for _, src := range []struct{ name, input string }{
		{"file", writeFile(t, "feed.rss", []byte(page))},
		{"URL", srv.URL + "/feed"},
	} {
		t.Run(src.name, func(t *testing.T) {
			recs, errs := collect(t, Open(src.input, Options{Fetcher: newClient()}))
			if len(recs) != 0 || len(errs) != 1 || !errors.Is(errs[0], ErrNotFeed) {
				t.Fatalf("records %d, errors %v: want one ErrNotFeed", len(recs), errs)
			}
			if msg := errs[0].Error(); !strings.HasPrefix(msg, src.input+": ") || !strings.Contains(msg, "HTML page") || !strings.Contains(msg, "/rss/all.xml") {
				t.Errorf("error %q should name the input, say it is HTML and point at the feed", msg)
			}
		})
	}
}

func TestFeedUndeclaredCharset(t *testing.T) {
	// Latin-1 bytes, no XML declaration: the shared UOL feed's case.
	feed := "<rss><channel><title>Not\xedcias</title><item><title>Elei\xe7\xf5es: debate na ter\xe7a</title><link>https://n.example/1</link></item></channel></rss>"
	log, buf := newLog()
	path := writeFile(t, "latin1.rss", []byte(feed))
	recs, errs := collect(t, Open(path, Options{Logger: log}))
	if len(errs) > 0 || len(recs) != 1 {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	if recs[0].Meta.Title != "Eleições: debate na terça" || recs[0].Meta.Publisher != "Notícias" {
		t.Errorf("title %q publisher %q", recs[0].Meta.Title, recs[0].Meta.Publisher)
	}
	if !strings.Contains(buf.String(), "no charset declared") || !strings.Contains(buf.String(), path) {
		t.Errorf("no warning naming %s: %q", path, buf.String())
	}
}

func TestFeedMalformed(t *testing.T) {
	path := writeFile(t, "bad.xml", []byte(`<?xml version="1.0"?><rss><channel><item><title>x</title></chan`))
	recs, errs := collect(t, Open(path, Options{}))
	if len(recs) != 0 || len(errs) != 1 || !strings.HasPrefix(errs[0].Error(), path+": feed: ") {
		t.Errorf("records %d errors %v", len(recs), errs)
	}
}

func TestJSONFeed(t *testing.T) {
	feed := `{"version": "https://jsonfeed.org/version/1.1", "title": "JSON News", "items": [
 {"id": "1", "url": "https://j.example/1", "title": "Envoys meet", "content_html": "<p>Envoys met in Doha.</p>", "date_published": "2024-03-01T10:00:00Z"}]}`
	recs, errs := collect(t, Open(writeFile(t, "feed.json", []byte(feed)), Options{}))
	if len(errs) > 0 || len(recs) != 1 || recs[0].Meta.Title != "Envoys meet" || !strings.Contains(string(recs[0].Body), "Envoys met in Doha.") {
		t.Fatalf("records %+v errors %v", recs, errs)
	}
}
