package newspage

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestMeta(t *testing.T) {
	page, _ := url.Parse("https://www.example-news.com/world/2020/05/06/story.html")
	tests := []struct {
		name string
		head string
		want Meta
	}{{
		name: "JSON-LD graph with references",
		head: `<html lang="en-gb"><head><meta property="og:site_name" content="World">
<script type="application/ld+json">{"@graph":[
 {"@type":"NewsMediaOrganization","@id":"#org","name":"Example News"},
 {"@type":["NewsArticle"],"headline":"Talks resume","datePublished":"2020-05-06T10:00:00Z",
  "author":[{"@type":"Person","name":"Ana Lima"},"Bo Chen"],"publisher":{"@id":"#org"}}]}</script></head></html>`,
		want: Meta{Title: "Talks resume", Byline: "Ana Lima, Bo Chen", Language: "en-GB",
			Published: time.Date(2020, 5, 6, 10, 0, 0, 0, time.UTC), Publisher: "Example News"},
	}, {
		name: "meta tags and a site name in the title",
		head: `<html><head><title>Talks resume | Example News</title>
<meta property="og:site_name" content="Example News"><meta name="author" content="By Ana Lima">
<meta property="og:locale" content="pt_BR"><meta name="description" content="Both sides met again.">
<meta property="article:published_time" content="2020-05-06T10:00:00+02:00">
<link rel="canonical" href="/world/story"></head></html>`,
		want: Meta{Title: "Talks resume", Byline: "Ana Lima", Language: "pt-BR", Description: "Both sides met again.",
			Published: time.Date(2020, 5, 6, 8, 0, 0, 0, time.UTC), Publisher: "Example News",
			Canonical: "https://www.example-news.com/world/story"},
	}, {
		name: "time element, then the URL's date",
		head: `<html><body><h1>Talks resume</h1><time datetime="2020-05-07">7 May</time></body></html>`,
		want: Meta{Title: "Talks resume", Published: time.Date(2020, 5, 7, 0, 0, 0, 0, time.UTC)},
	}, {
		name: "only the URL's date",
		head: `<html><head><title>Talks resume - example-news</title></head></html>`,
		want: Meta{Title: "Talks resume", Published: time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC)},
	}, {
		name: "broken JSON-LD is ignored",
		head: `<html><head><script type="application/ld+json">{"headline": "x",</script><meta property="og:title" content="Talks resume"></head></html>`,
		want: Meta{Title: "Talks resume", Published: time.Date(2020, 5, 6, 0, 0, 0, 0, time.UTC)},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.head))
			if err != nil {
				t.Fatal(err)
			}
			got := collectMeta(doc).meta(page)
			if !got.Published.Equal(tt.want.Published) {
				t.Errorf("Published = %v, want %v", got.Published, tt.want.Published)
			}
			got.Published, tt.want.Published = time.Time{}, time.Time{}
			if got != tt.want {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestStripSiteName(t *testing.T) {
	tests := []struct{ title, site, h1, host, want string }{
		{"Talks resume | Example News", "Example News", "", "", "Talks resume"},
		{"Example News - Talks resume", "Example News", "", "", "Talks resume"},
		{"Talks resume - examplenews", "", "", "www.examplenews.com", "Talks resume"},
		{"Talks resume in Geneva :: Jornal", "", "", "", "Talks resume in Geneva"},
		{"Talks resume in Geneva, officials say - Reuters", "", "Talks resume in Geneva, officials say", "", "Talks resume in Geneva, officials say"},
		// a dash inside a headline is not a site name
		{"Brexit - what happens next", "", "", "", "Brexit - what happens next"},
		{"No separator at all", "Site", "", "", "No separator at all"},
	}
	for _, tt := range tests {
		if got := stripSiteName(tt.title, tt.site, tt.h1, tt.host); got != tt.want {
			t.Errorf("stripSiteName(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2019-11-20T07:00:28Z", time.Date(2019, 11, 20, 7, 0, 28, 0, time.UTC)},
		{"2019-11-20T09:00:28+02:00", time.Date(2019, 11, 20, 7, 0, 28, 0, time.UTC)},
		{"Saturday, December 27, 2014, 12:06 PM", time.Date(2014, 12, 27, 12, 6, 0, 0, time.UTC)},
		{"20 Nov 2019", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"2019-11-20 garbage", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"1970-01-01", time.Time{}}, // placeholder dates are not dates
		{"not a date", time.Time{}},
		{"", time.Time{}},
	}
	for _, tt := range tests {
		got, _ := parseDate(tt.in)
		if !got.Equal(tt.want) {
			t.Errorf("parseDate(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestURLDate(t *testing.T) {
	tests := []struct {
		path string
		want time.Time
	}{
		{"/news/2019/11/20/story.html", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"/2019-11-20-story", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"/news/20191120/story", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"/news/2019/11/story", time.Date(2019, 11, 1, 0, 0, 0, 0, time.UTC)},
		{"/article/12345678", time.Time{}},
		{"/story-191120070028895.html", time.Time{}},
	}
	for _, tt := range tests {
		if got := urlDate(tt.path); !got.Equal(tt.want) {
			t.Errorf("urlDate(%q) = %v, want %v", tt.path, got, tt.want)
		}
	}
}

func TestNormalizeLanguage(t *testing.T) {
	for in, want := range map[string]string{
		"en": "en", "EN-us": "en-US", "pt_BR": "pt-BR", "zh-hant-tw": "zh-Hant-TW", "en, fr": "en",
		"": "", "english": "", "12": "",
	} {
		if got := normalizeLanguage(in); got != want {
			t.Errorf("normalizeLanguage(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCleanByline(t *testing.T) {
	for in, want := range map[string]string{
		"By Paul Takahashi": "Paul Takahashi",
		"Bryan DeArdo @BryanDeArdo Nov 18, 2019 at 9:24 pm ET • 2 min read": "Bryan DeArdo",
		"Tom Davies Associated Press Published 11:34 PM EST Nov 19, 2019":   "Tom Davies Associated Press",
		"JERUSALEM POST STAFF NOVEMBER 20, 2019 10:43":                      "JERUSALEM POST STAFF",
		"Jeff FoustMonday, November 18, 2019":                               "Jeff Foust",
		"Amina Haddad | Example Wire":                                       "Amina Haddad",
	} {
		if got := cleanByline(in); got != want {
			t.Errorf("cleanByline(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDateInText(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"November 20, 2019 - 11:28 AMT", time.Date(2019, 11, 20, 0, 0, 0, 0, time.UTC)},
		{"PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05", time.Date(2019, 11, 19, 0, 0, 0, 0, time.UTC)},
		{"Posted 16 Feb 2018", time.Date(2018, 2, 16, 0, 0, 0, 0, time.UTC)},
		{"05/10/2018", time.Time{}}, // day and month order unknown
	}
	for _, tt := range tests {
		got, _ := dateInText(tt.in)
		if !got.Equal(tt.want) {
			t.Errorf("dateInText(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestHasWord(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"byline", true},
		{"post-byline__name", false},
		{"post-byline name", true},
		{"story byline-name", true},
		{"bylines", false},
		{"sub-bylines byline", true},
		{"author-name", true},
		{"xauthorname", false},
		{"éauthornameé", true},
		{"article-author_box", false},
		{"article-author2 article-author", true},
		{"author", false},
		{"", false},
	} {
		if got := hasWord(tc.s, bylineClassWords); got != tc.want {
			t.Errorf("hasWord(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}
