package article

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/sharedtest"
)

// htmlFixtureURL is the address the fixtures are read as coming from.
const htmlFixtureURL = "https://news.example/2021/03/14/"

// The golden tests of this package share one -update flag; it is defined
// here unless another test file of the package already has.
func init() {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite golden files")
	}
}

// checkHTMLGolden compares got with the golden file, or rewrites the file
// when the tests run with -update.
func checkHTMLGolden(t *testing.T, golden string, got []byte) {
	t.Helper()
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", golden, got, want)
	}
}

func readHTML(t testing.TB, path string) *Article {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a, err := FromHTML(data, htmlFixtureURL+filepath.Base(path), "")
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return a
}

// TestFromHTMLGolden checks the whole article extracted from each page
// written for the project in testdata/html.
func TestFromHTMLGolden(t *testing.T) {
	pages, err := filepath.Glob("testdata/html/*.html")
	if err != nil || len(pages) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	for _, page := range pages {
		t.Run(filepath.Base(page), func(t *testing.T) {
			// The article's fields as they are, whatever its JSON methods add.
			type fields Article
			got, err := json.MarshalIndent((*fields)(readHTML(t, page)), "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			checkHTMLGolden(t, strings.TrimSuffix(page, ".html")+".golden.json", append(got, '\n'))
		})
	}
}

// TestFromHTMLCleanUp names, page by page, what the news clean-up must do,
// so that a golden file rewritten by mistake cannot hide a regression.
func TestFromHTMLCleanUp(t *testing.T) {
	tests := []struct {
		page       string
		notInText  []string // furniture that must not reach the body text
		inText     []string
		kinds      map[string]Kind // block text prefix → kind
		related    int
		title      string
		standfirst string
		byline     string
		published  time.Time
		language   string
		canonical  string
		source     string
	}{{
		page: "wire-story.html",
		notInText: []string{"More:", "Port clashes kill 12", "SOURCE:", "Sign up", "Share on", "Fighters gather",
			"We have chosen to stop the bleeding of our people\n", "ports of the region", "All rights reserved", "Amina Haddad"},
		inText: []string{"Two armed factions", "Previous clashes", "aid deliveries."},
		kinds: map[string]Kind{
			"Fighters gather near the harbour gate": Caption,
			"We have chosen to stop the bleeding":   PullQuote,
			"Previous clashes":                      Heading,
		},
		related:    3,
		title:      "Rival factions agree truce in port city",
		standfirst: "Both sides pledged to pull fighters back from the harbour district after three days of talks.",
		byline:     "Amina Haddad, Tomas Ruiz",
		published:  time.Date(2021, 3, 14, 7, 30, 0, 0, time.UTC),
		language:   "en",
		canonical:  "https://news.example/news/2021/3/14/rival-factions-agree-truce",
		source:     "Example Wire",
	}, {
		page: "metro-gallery.html",
		notInText: []string{"Sign In", "Home", "Updated 10:01", "By Paul Marsh", "Image 1 of", "Image 2 of", "Caption", "Close",
			"Photo: Lena Ortiz", "Read more", "Border talks stall", "On MetroTimes.com", "Reporting by", "is a reporter for",
			"Comments", "More Local News", "Privacy Notice", "Getty Images"},
		inText: []string{"The regional council voted 9-2", "The province will honour every term", "reviewed after six months."},
		kinds: map[string]Kind{
			"Protesters holding signs":            Caption,
			"The province will honour every term": Quote,
		},
		related:    2,
		title:      "Council votes to reopen border crossing",
		standfirst: "The crossing has been shut since the spring.",
		byline:     "Paul Marsh",
		published:  time.Date(2019, 11, 20, 10, 0, 0, 0, time.UTC),
		language:   "en-US",
		source:     "Metro Times",
	}, {
		page:      "legacy-cp1252.html",
		notInText: []string{"Início", "Economia"},
		inText:    []string{"Os ministros das Relações Exteriores", "“Não há solução militar para esta questão”", "milhões de euros."},
		title:     "Ministros retomam negociações em Genebra",
		published: time.Date(2021, 3, 14, 0, 0, 0, 0, time.UTC),
		language:  "pt",
	}}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			a := readHTML(t, filepath.Join("testdata", "html", tt.page))
			text := a.Text() + "\n"
			for _, s := range tt.notInText {
				if strings.Contains(text, s) {
					t.Errorf("body text holds %q", s)
				}
			}
			for _, s := range tt.inText {
				if !strings.Contains(text, s) {
					t.Errorf("body text lacks %q", s)
				}
			}
			for prefix, kind := range tt.kinds {
				found := false
				for _, b := range a.Blocks {
					if strings.HasPrefix(b.Text, prefix) {
						found = true
						if b.Kind != kind {
							t.Errorf("block %q is a %s, want %s", prefix, b.Kind, kind)
						}
					}
				}
				if !found {
					t.Errorf("no block starts %q", prefix)
				}
			}
			if len(a.Related) != tt.related {
				t.Errorf("%d related teasers, want %d: %+v", len(a.Related), tt.related, a.Related)
			}
			for _, c := range []struct{ name, got, want string }{
				{"title", a.Title, tt.title}, {"standfirst", a.Standfirst, tt.standfirst}, {"byline", a.Byline, tt.byline},
				{"language", a.Language, tt.language}, {"canonical URL", a.CanonicalURL, tt.canonical}, {"source", a.Source, tt.source},
			} {
				if c.got != c.want {
					t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
				}
			}
			if !a.Published.Equal(tt.published) {
				t.Errorf("published = %v, want %v", a.Published, tt.published)
			}
		})
	}
}

func TestFromHTMLLimits(t *testing.T) {
	para := "<p>" + strings.Repeat("The minister said the talks would resume on Monday. ", 4) + "</p>"
	tests := []struct {
		name string
		opts HTMLOptions
		page string
		want error
	}{
		{"bytes", HTMLOptions{MaxBytes: 1000}, strings.Repeat(para, 10), ErrPageTooLarge},
		{"elements", HTMLOptions{MaxNodes: 100}, strings.Repeat("<b>x</b>", 200), ErrPageTooLarge},
		{"nesting", HTMLOptions{}, strings.Repeat("<div>", 5000) + para, ErrPageTooLarge},
		{"unclosed formatting tags", HTMLOptions{}, strings.Repeat("<font>", 2000) + para, nil},
		{"no text", HTMLOptions{}, "<html><body><nav><a href=/>Home</a></nav></body></html>", ErrNoArticle},
		{"empty", HTMLOptions{}, "", ErrNoArticle},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.opts.FromHTML([]byte(tt.page), "https://news.example/a", "")
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if err != nil && !strings.Contains(err.Error(), "https://news.example/a") {
				t.Errorf("error %q does not name the page", err)
			}
		})
	}
}

// TestFromHTML100MB checks that a 100 MB page is refused by the default
// limit before it is decoded or parsed.
func TestFromHTML100MB(t *testing.T) {
	page := bytes.Repeat([]byte("<p>news "), 100<<20/8)
	start := time.Now()
	_, err := FromHTML(page, "https://news.example/huge", "text/html")
	if !errors.Is(err, ErrPageTooLarge) {
		t.Fatalf("err = %v, want ErrPageTooLarge", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("refusing took %v", d)
	}
}

// TestFromHTMLAlJazeera checks the two Al Jazeera pages of the Scrapinghub
// benchmark: their in-body "More:" list goes to Related and their
// "SOURCE:" line is dropped.
func TestFromHTMLAlJazeera(t *testing.T) {
	dir := sharedtest.Path(t, "extraction", "scrapinghub", "html")
	for _, id := range []string{"42aad16b", "7916ecca"} {
		t.Run(id, func(t *testing.T) {
			paths, _ := filepath.Glob(filepath.Join(dir, id+"*.html.gz"))
			if len(paths) != 1 {
				t.Fatalf("%s: %d pages", id, len(paths))
			}
			a, err := FromHTML(gunzipFile(t, paths[0]), "https://www.aljazeera.com/", "")
			if err != nil {
				t.Fatal(err)
			}
			text := a.Text()
			for _, s := range []string{"More:", "SOURCE:"} {
				if strings.Contains(text, s) {
					t.Errorf("body text holds %q", s)
				}
			}
			if len(a.Related) != 3 {
				t.Fatalf("%d related teasers, want 3", len(a.Related))
			}
			for _, r := range a.Related {
				if strings.Contains(text, r.Title) {
					t.Errorf("body text holds teaser %q", r.Title)
				}
			}
		})
	}
}

func gunzipFile(t testing.TB, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	data, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
