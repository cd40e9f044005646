package article

import (
	"context"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/sharedtest"
	"dyad/source"
)

func TestFromRecord(t *testing.T) {
	published := time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC)
	page := `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Envoys agree truce terms</title></head>
<body><article><h1>Envoys agree truce terms</h1><p>Envoys from the two sides agreed on Monday to a truce that starts at dawn on Thursday, ending three weeks of fighting around the provincial capital.</p>
<p>Both sides pledged to withdraw heavy weapons ten kilometres from the front line and to exchange prisoners within a month, the envoys said.</p></article></body></html>`
	tests := []struct {
		name  string
		rec   source.Record
		check func(t *testing.T, a *Article)
	}{
		{"html with feed metadata", source.Record{
			Origin: "feed.xml#item=1", URL: "https://wire.example/truce", ContentType: "text/html; charset=utf-8", Body: []byte(page),
			Meta: source.Meta{Title: "Truce agreed", Summary: "Envoys agreed a truce.", Author: "Ana Lima", Publisher: "Example Wire", Published: published},
		}, func(t *testing.T, a *Article) {
			if a.Title != "Envoys agree truce terms" {
				t.Errorf("title %q: the page's own title must win", a.Title)
			}
			if a.Byline != "Ana Lima" || a.Source != "Example Wire" || !a.Published.Equal(published) || a.Origin != "feed.xml#item=1" || a.URL != "https://wire.example/truce" {
				t.Errorf("metadata not merged: %+v", a)
			}
			if !strings.Contains(a.Text(), "exchange prisoners within a month") {
				t.Errorf("text %q", a.Text())
			}
		}},
		{"plain-text dump", source.Record{
			Origin: "a.txt", ContentType: "text/plain", Body: []byte("Truce agreed\n\nEnvoys from the two sides agreed on Monday to a truce.\n\nIt starts at dawn.\n"),
		}, func(t *testing.T, a *Article) {
			if a.Title != "Truce agreed" || !strings.Contains(a.Text(), "It starts at dawn.") || a.Origin != "a.txt" {
				t.Errorf("%+v", a)
			}
		}},
		{"JSON Lines text", source.Record{
			Origin: "rows.jsonl#line=3", URL: "https://j.example/3",
			Meta: source.Meta{Title: "Truce agreed", Text: "Envoys agreed on Monday.\n\nIt starts at dawn.", Published: published, Language: "en"},
		}, func(t *testing.T, a *Article) {
			if a.Title != "Truce agreed" || len(a.Blocks) != 2 || a.Blocks[1].Text != "It starts at dawn." || a.Language != "en" || !a.Published.Equal(published) {
				t.Errorf("%+v", a)
			}
		}},
		{"sitemap entry not fetched", source.Record{
			Origin: "https://n.example/a", URL: "https://n.example/a",
			Meta: source.Meta{Title: "Companies A, B in Merger Talks", Publisher: "The Example Times", Language: "en", Published: published},
		}, func(t *testing.T, a *Article) {
			if a.Title != "Companies A, B in Merger Talks" || len(a.Blocks) != 0 || a.Source != "The Example Times" || a.ID == "" {
				t.Errorf("%+v", a)
			}
		}},
		{"feed item content without article text", source.Record{
			Origin: "feed.xml#item=2", ContentType: "text/html", Body: []byte(`<html><body><article><img src="x.jpg"></article></body></html>`),
			Meta: source.Meta{Title: "Talks in Doha", Summary: "Talks continue."},
		}, func(t *testing.T, a *Article) {
			if a.Title != "Talks in Doha" || a.Standfirst != "Talks continue." {
				t.Errorf("%+v", a)
			}
		}},
		{"content language header", source.Record{
			Origin: "x", URL: "https://x.example/", ContentType: "text/html", Body: []byte(strings.Replace(page, ` lang="en"`, "", 1)),
			Header: http.Header{"Content-Language": {"en-GB"}},
		}, func(t *testing.T, a *Article) {
			if a.Language == "" {
				t.Errorf("no language")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := FromRecord(tt.rec)
			if err != nil {
				t.Fatal(err)
			}
			tt.check(t, a)
		})
	}
	if _, err := FromRecord(source.Record{Origin: "x"}); err != ErrEmpty {
		t.Errorf("empty record: %v", err)
	}
	if _, err := FromRecord(source.Record{Origin: "x", ContentType: "application/pdf", Body: []byte("%PDF")}); err == nil {
		t.Errorf("PDF record: no error")
	}
}

// TestFromRecordShared reads the shared feeds and archives through
// FromRecord: every document becomes an article, in the right characters.
func TestFromRecordShared(t *testing.T) {
	tests := []struct {
		path     []string
		articles int
		url      string // an article that must hold want in its title or text
		want     string
	}{
		{[]string{"news", "warc", "news-sample.GENERATED.warc.gz"}, 7, "https://www.bbc.com/news/world-us-canada-52241221", "mass grave in New York City"},
		{[]string{"news", "warc", "resiliparse-cc-main-2020-34-sample.warc.gz"}, 16, "http://01spb.ru/company/", "узкоспециализированное предприятие"},
		{[]string{"news", "feeds", "uolNoticias.rss"}, 15, "https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm", "simulações de 2º turno"},
		{[]string{"news", "feeds", "encoding.rss"}, 40, "", "Raríssimas"},
		{[]string{"news", "feeds", "heise.atom"}, 15, "", "Stand der Dinge"},
		{[]string{"news", "feeds", "guardian.rss"}, 55, "", "State of the Union"},
	}
	for _, tt := range tests {
		t.Run(tt.path[len(tt.path)-1], func(t *testing.T) {
			src := source.Open(sharedtest.Path(t, tt.path...), source.Options{})
			n, found := 0, false
			var failed []string
			for rec, err := range source.All(context.Background(), src) {
				if err != nil {
					t.Fatalf("source: %v", err)
				}
				a, err := FromRecord(rec)
				if err != nil {
					failed = append(failed, rec.Origin+": "+err.Error())
					continue
				}
				n++
				if strings.ContainsRune(a.Title+a.Text(), '\uFFFD') {
					t.Errorf("%s: replacement character in %q", a.Origin, a.Title)
				}
				if (tt.url == "" || a.URL == tt.url) && strings.Contains(a.Title+"\n"+a.Text(), tt.want) {
					found = true
				}
			}
			if n+len(failed) != tt.articles {
				t.Errorf("%d articles and %d failures, want %d documents", n, len(failed), tt.articles)
			}
			if len(failed) > 0 {
				t.Logf("not extracted: %s", strings.Join(failed, "; "))
			}
			if !found {
				t.Errorf("no article holds %q", tt.want)
			}
		})
	}
}

// TestUndeclaredCharset reads a Latin-1 page that declares no charset: the
// source warns, naming it, and the article comes out in the right
// characters.
func TestUndeclaredCharset(t *testing.T) {
	page := "<html><head><title>Elei\xe7\xf5es: tr\xe9gua acordada</title></head><body><article>" +
		"<p>Os enviados das duas partes acordaram na segunda-feira uma tr\xe9gua que come\xe7a na quinta-feira de madrugada, p\xf5e fim a tr\xeas semanas de combates.</p>" +
		"<p>As ag\xeancias humanit\xe1rias disseram que mais de 40 mil pessoas fugiram das suas casas desde o in\xedcio dos confrontos na prov\xedncia.</p></article></body></html>"
	path := filepath.Join(t.TempDir(), "latin1.html")
	if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	var logs strings.Builder
	log := slog.New(slog.NewTextHandler(&logs, nil))
	var arts []*Article
	for rec, err := range source.All(context.Background(), source.Open(path, source.Options{Logger: log})) {
		if err != nil {
			t.Fatal(err)
		}
		a, err := FromRecord(rec)
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	if len(arts) != 1 || arts[0].Title != "Eleições: trégua acordada" || !strings.Contains(arts[0].Text(), "três semanas de combates") {
		t.Fatalf("articles %+v", arts)
	}
	if !strings.Contains(logs.String(), "no charset declared") || !strings.Contains(logs.String(), path) {
		t.Errorf("no warning naming %s: %q", path, logs.String())
	}
}

func TestFromRecordDates(t *testing.T) {
	page := `<html><head><title>Tr\u00e9gua</title></head><body><article><p>Envoys from the two sides agreed on Monday to a truce that starts at dawn on Thursday, ending three weeks of fighting around the provincial capital.</p></article></body></html>`
	feedTime := time.Date(2018, 9, 24, 19, 42, 40, 0, time.FixedZone("", -3*3600))
	a, err := FromRecord(source.Record{Origin: "f#item=1", URL: "https://n.example/2018/09/24/tregua.htm", ContentType: "text/html", Body: []byte(page), Meta: source.Meta{Published: feedTime}})
	if err != nil {
		t.Fatal(err)
	}
	if !a.Published.Equal(feedTime) {
		t.Errorf("published %v: the feed's time should refine the date read from the URL", a.Published)
	}
}

func TestFromRecordSummaryNotRepeated(t *testing.T) {
	summary := "Negotiators from both sides met on Monday in Geneva and agreed on a truce that starts at dawn on Thursday, the envoys said."
	rec := source.Record{Origin: "f#item=1", ContentType: "text/html; charset=utf-8", Body: []byte("<html><head><title>Talks</title></head><body><article><p>" + summary + "</p></article></body></html>"), Meta: source.Meta{Title: "Talks", Summary: summary}}
	a, err := FromRecord(rec)
	if err != nil {
		t.Fatal(err)
	}
	if a.Standfirst != "" || !strings.Contains(a.Text(), "agreed on a truce") {
		t.Errorf("standfirst %q, text %q", a.Standfirst, a.Text())
	}
}
