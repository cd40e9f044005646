package source

import (
	"strings"
	"testing"

	"dyad/charset"
	"dyad/internal/sharedtest"
)

// The expected counts were read off the files independently of this
// package: items and entries by counting <item>/<entry>/<url> elements,
// WARC records by listing the WARC-Type of every record (warcinfo,
// request, response, metadata, revisit) with a separate script; only
// response records with a 2xx HTML payload are documents.
func TestSharedFeeds(t *testing.T) {
	tests := []struct {
		file  string
		items int
		// title of the item at index i, in the characters it must have
		i     int
		title string
		want  string // a string the item's summary or body must hold
	}{
		{"guardian.rss", 55, 0, "Trump State of the Union address promised unity but emphasized discord", "The president’s ‘new American moment’ speech"},
		{"heise.atom", 15, 13, "C# 7 – Stand der Dinge und Ausblick", ""},
		{"uolNoticias.rss", 15, 0, "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno", ""},
		{"encoding.rss", 40, 0, "Mãe de utente é a nova presidente da Raríssimas", "Sónia Laygue, profissional na área"},
		{"sitemap-news.xml", 1, 0, "Companies A, B in Merger Talks", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := sharedtest.Path(t, "news", "feeds", tt.file)
			recs, errs := collect(t, Open(path, Options{}))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(recs) != tt.items {
				t.Fatalf("%d items, want %d", len(recs), tt.items)
			}
			r := recs[tt.i]
			if r.Meta.Title != tt.title {
				t.Errorf("item %d title %q, want %q", tt.i, r.Meta.Title, tt.title)
			}
			if tt.want != "" && !strings.Contains(r.Meta.Summary+string(r.Body), tt.want) {
				t.Errorf("item %d lacks %q: summary %.200q", tt.i, tt.want, r.Meta.Summary)
			}
			for _, r := range recs {
				if strings.ContainsRune(r.Meta.Title+r.Meta.Summary+string(r.Body), '\uFFFD') {
					t.Errorf("%s: replacement character in %q", r.Origin, r.Meta.Title)
				}
				if r.URL == "" || r.Meta.Published.IsZero() {
					t.Errorf("%s: URL %q, published %v: want both", r.Origin, r.URL, r.Meta.Published)
				}
			}
		})
	}
}

func TestSharedSitemapMeta(t *testing.T) {
	recs, _ := collect(t, Open(sharedtest.Path(t, "news", "feeds", "sitemap-news.xml"), Options{}))
	if len(recs) != 1 {
		t.Fatalf("%d records", len(recs))
	}
	m := recs[0].Meta
	if recs[0].URL != "http://www.example.com/business/article55.html" || m.Publisher != "The Example Times" || m.Language != "en" || m.Published.Format("2006-01-02") != "2008-12-23" {
		t.Errorf("record %+v", recs[0])
	}
}

func TestSharedWARC(t *testing.T) {
	tests := []struct {
		file    string
		records int
		// a record's URL and a string its decoded text must hold
		url, text string
	}{
		{"news-sample.GENERATED.warc.gz", 7, "https://www.bbc.com/news/world-us-canada-52241221", "Coronavirus"},
		{"resiliparse-cc-main-2020-34-sample.warc.gz", 16, "http://01spb.ru/company/", "О компании - Стратегия пожарной безопасности"},
		{"resiliparse-cc-main-2020-34-sample.warc.gz", 16, "http://037426.cn/", "亚洲精品无码免费视频"},
		{"warcio-example.warc.gz", 1, "http://example.com/", "Example Domain"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			recs, errs := collect(t, Open(sharedtest.Path(t, "news", "warc", tt.file), Options{}))
			if len(errs) > 0 {
				t.Fatalf("errors: %v", errs)
			}
			if len(recs) != tt.records {
				t.Fatalf("%d records, want %d", len(recs), tt.records)
			}
			found := false
			for _, r := range recs {
				if !r.IsHTML() || r.Date.IsZero() || r.Header.Get("Content-Type") == "" {
					t.Errorf("%s: content type %q, date %v", r.Origin, r.ContentType, r.Date)
				}
				if r.URL != tt.url {
					continue
				}
				found = true
				text, _, err := charset.DecodeHTML(r.Body, r.ContentType)
				if err != nil || !strings.Contains(text, tt.text) {
					t.Errorf("%s: decoded text lacks %q (err %v)", r.URL, tt.text, err)
				}
			}
			if !found {
				t.Errorf("no record for %s", tt.url)
			}
		})
	}
}
