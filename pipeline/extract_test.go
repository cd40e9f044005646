package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/source"
	"dyad/source/fetch"
)

// wireStory is a wire story written for these tests; copy is its syndicated
// version with a dateline and a credit line.
const wireStory = `Envoys from the two sides agreed on Monday to a truce that starts at dawn on Thursday, ending three weeks of fighting around the provincial capital.

Both sides pledged to withdraw heavy weapons ten kilometres from the front line and to exchange prisoners within a month, the envoys said after the talks.

Aid agencies said more than 40,000 people had fled their homes since the clashes began, and that convoys would reach the city by the weekend.`

func page(title, body string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title></head><body><article><h1>%s</h1>", title, title)
	for _, p := range strings.Split(body, "\n\n") {
		fmt.Fprintf(&b, "<p>%s</p>\n", p)
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

func warcResponse(uri, html string) string {
	block := fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n%s", html)
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-03-04T08:00:00Z\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", uri, len(block), block)
}

func TestRunExtract(t *testing.T) {
	dir := t.TempDir()
	copyText := "MERIN (Wire) - " + wireStory + "\n\nReporting by Lena Marsh; editing by Tom Hale"
	var warc bytes.Buffer
	warc.WriteString(warcResponse("https://a.example/truce", page("Truce agreed in north", wireStory)))
	warc.WriteString("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 99999\r\n\r\ncut short")
	os.WriteFile(filepath.Join(dir, "crawl.warc"), warc.Bytes(), 0o644)
	os.WriteFile(filepath.Join(dir, "copy.jsonl"), fmt.Appendf(nil, `{"url":"https://b.example/1","title":"Northern factions sign truce","text":%q}`+"\n", copyText), 0o644)
	os.WriteFile(filepath.Join(dir, "other.txt"), []byte("Aid convoys reach the capital\n\nThe first aid convoys reached the provincial capital on Saturday with food and medicine for families who fled the fighting.\n"), 0o644)

	mux := http.NewServeMux()
	mux.HandleFunc("/news/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, page("Truce agreed", wireStory))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	opts := Options{ExtractOnly: true, Source: source.Options{Fetcher: fetch.New(fetch.Options{HostInterval: time.Millisecond, AllowPrivate: true})}}
	var arts, errs []string
	byTitle := map[string]string{}
	_, err := Run(context.Background(), []string{dir, srv.URL + "/news/1", srv.URL + "/missing"}, opts, SinkFunc(func(_ context.Context, r *Result) error {
		if r.Err != nil {
			errs = append(errs, r.Err.Error())
			return nil
		}
		byTitle[r.Article.Title] = r.Article.ID
		arts = append(arts, fmt.Sprintf("%s|%s", r.Article.Title, r.Article.DuplicateOf))
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	// Files come in name order, so the syndicated copy in copy.jsonl is
	// the first of the wireStory's group.
	orig := byTitle["Northern factions sign truce"]
	want := []string{
		"Northern factions sign truce|",
		"Truce agreed in north|" + orig,
		"Aid convoys reach the capital|",
		"Truce agreed|" + orig,
	}
	if strings.Join(arts, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant:\n%s", strings.Join(arts, "\n"), strings.Join(want, "\n"))
	}
	if len(errs) != 2 || !strings.Contains(errs[0], "crawl.warc: record at byte") || !strings.Contains(errs[1], srv.URL+"/missing: HTTP 404") {
		t.Errorf("errors %q", errs)
	}
}

func TestRunStops(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte("Title\n\nSome body text here.\n"), 0o644)
	}
	stop := errors.New("stop")
	n := 0
	_, err := Run(context.Background(), []string{dir}, Options{ExtractOnly: true}, SinkFunc(func(context.Context, *Result) error {
		n++
		return stop
	}))
	if err != stop || n != 1 {
		t.Errorf("err %v after %d results", err, n)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	sum, err := Run(ctx, []string{dir}, Options{ExtractOnly: true}, SinkFunc(func(context.Context, *Result) error { return nil }))
	if !errors.Is(err, context.Canceled) || !sum.Interrupted {
		t.Errorf("cancelled run: %v, %+v", err, sum)
	}
}
