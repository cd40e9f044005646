package eval

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	trafilatura "github.com/markusmobius/go-trafilatura"

	"dyad/article"
)

// ExtractPage is one page of an extraction benchmark: its HTML and the
// article text a person marked on it.
type ExtractPage struct {
	ID    string
	URL   string
	HTML  []byte
	Truth string
}

// LoadScrapinghub reads the Scrapinghub article-extraction benchmark in dir:
// ground-truth.json (id → articleBody, url) and html/<id>.html.gz. Pages
// come sorted by id.
func LoadScrapinghub(dir string) ([]ExtractPage, error) {
	gtPath := filepath.Join(dir, "ground-truth.json")
	data, err := os.ReadFile(gtPath)
	if err != nil {
		return nil, err
	}
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, fmt.Errorf("%s: %w", gtPath, err)
	}
	pages := make([]ExtractPage, 0, len(truth))
	for id, t := range truth {
		p := filepath.Join(dir, "html", id+".html.gz")
		h, err := readGzip(p)
		if err != nil {
			return nil, err
		}
		pages = append(pages, ExtractPage{ID: id, URL: t.URL, HTML: h, Truth: t.ArticleBody})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

// Extractor turns one page into article text.
type Extractor struct {
	Name    string
	Version string
	Extract func(html []byte, pageURL string) (string, error)
}

// DyadExtractor extracts with [article.FromHTML] and scores the body text,
// [article.Article.Text].
func DyadExtractor() Extractor {
	return Extractor{Name: "dyad", Version: moduleVersion("dyad"), Extract: func(h []byte, u string) (string, error) {
		a, err := article.FromHTML(h, u, "")
		if err != nil {
			return "", err
		}
		return a.Text(), nil
	}}
}

// TrafilaturaExtractor runs go-trafilatura as its authors benchmark it:
// no fallback extractors, comments excluded, tables kept.
func TrafilaturaExtractor() Extractor {
	const mod = "github.com/markusmobius/go-trafilatura"
	return Extractor{Name: "go-trafilatura", Version: moduleVersion(mod), Extract: func(h []byte, u string) (string, error) {
		opts := trafilatura.Options{ExcludeComments: true}
		if pu, err := url.Parse(u); err == nil {
			opts.OriginalURL = pu
		}
		r, err := trafilatura.Extract(bytes.NewReader(h), opts)
		if err != nil {
			return "", err
		}
		return r.ContentText, nil
	}}
}

// ReadabilityExtractor runs readeck's go-readability with its defaults and
// renders the article node as text, as its own command does.
func ReadabilityExtractor() Extractor {
	const mod = "codeberg.org/readeck/go-readability/v2"
	return Extractor{Name: "go-readability", Version: moduleVersion(mod), Extract: func(h []byte, u string) (string, error) {
		pu, _ := url.Parse(u)
		a, err := readability.FromReader(bytes.NewReader(h), pu)
		if err != nil {
			return "", err
		}
		if a.Node == nil {
			return "", nil
		}
		return render.InnerText(a.Node), nil
	}}
}

func moduleVersion(path string) string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return ""
	}
	if bi.Main.Path == path {
		if v := bi.Main.Version; v != "(devel)" {
			return v
		}
		return ""
	}
	for _, d := range bi.Deps {
		if d.Path == path {
			return d.Version
		}
	}
	return ""
}

// ExtractOptions configures [Extract]. The zero value runs Dyad and both
// peers with 5 timed passes.
type ExtractOptions struct {
	Passes     int                   // timed passes over all pages per extractor; 0 means 5
	Extractors []Extractor           // nil: Dyad, go-trafilatura, go-readability
	Worst      int                   // how many of the first extractor's worst pages to list; 0 means 10
	Progress   func(done, total int) // called after each page of each pass, if set
}

// ExtractorResult is one extractor's scores and speed on a benchmark.
type ExtractorResult struct {
	Name        string    `json:"name"`
	Version     string    `json:"version,omitempty"`
	F1          float64   `json:"f1"`
	Precision   float64   `json:"precision"`
	Recall      float64   `json:"recall"`
	Failed      int       `json:"failed"`        // pages that returned an error (scored as empty)
	PagesPerSec float64   `json:"pages_per_sec"` // median over the passes
	PassRates   []float64 `json:"pass_pages_per_sec"`
	pages       []PageResult
}

// PageResult is one page's score for one extractor.
type PageResult struct {
	ID        string  `json:"id"`
	URL       string  `json:"url"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	Error     string  `json:"error,omitempty"`
	score     ShingleScore
}

// ExtractReport is the result of [Extract].
type ExtractReport struct {
	Data       string            `json:"data"`
	Pages      int               `json:"pages"`
	Passes     int               `json:"passes"`
	Date       string            `json:"date"`
	GoVersion  string            `json:"go"`
	CPUs       int               `json:"cpus"`
	Extractors []ExtractorResult `json:"extractors"`
	// SpeedRatio is the first extractor's pages/s over each other's, the
	// median of the per-pass ratios (robust to load changing between passes).
	SpeedRatio map[string]float64 `json:"speed_ratio"`
	Worst      []PageResult       `json:"worst"` // the first extractor's worst pages by F1
}

// Extract scores extractors on pages: each page's text is scored with
// [ScoreShingles], and each extractor's speed is timed over opts.Passes
// passes, the extractors taking turns within each pass so that a change in
// the machine's load falls on all of them.
func Extract(ctx context.Context, pages []ExtractPage, opts ExtractOptions) (*ExtractReport, error) {
	exs := opts.Extractors
	if exs == nil {
		exs = []Extractor{DyadExtractor(), TrafilaturaExtractor(), ReadabilityExtractor()}
	}
	passes := opts.Passes
	if passes <= 0 {
		passes = 5
	}
	worst := opts.Worst
	if worst <= 0 {
		worst = 10
	}
	if len(pages) == 0 || len(exs) == 0 {
		return nil, fmt.Errorf("nothing to evaluate")
	}
	rep := &ExtractReport{
		Pages: len(pages), Passes: passes, Date: time.Now().UTC().Format(time.RFC3339),
		GoVersion: runtime.Version(), CPUs: runtime.NumCPU(),
		SpeedRatio: map[string]float64{},
	}
	res := make([]ExtractorResult, len(exs))
	for i, ex := range exs {
		res[i] = ExtractorResult{Name: ex.Name, Version: ex.Version}
	}
	total, done := passes*len(exs)*len(pages), 0
	secs := make([][]float64, len(exs))
	for pass := range passes {
		for i, ex := range exs {
			runtime.GC()
			start := time.Now()
			for _, p := range pages {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				text, err := ex.Extract(p.HTML, p.URL)
				if pass == 0 {
					res[i].pages = append(res[i].pages, scorePage(p, text, err))
					if err != nil {
						res[i].Failed++
					}
				}
				done++
				if opts.Progress != nil {
					opts.Progress(done, total)
				}
			}
			secs[i] = append(secs[i], time.Since(start).Seconds())
		}
	}
	for i := range res {
		var scores []ShingleScore
		for _, p := range res[i].pages {
			scores = append(scores, p.score)
		}
		res[i].F1, res[i].Precision, res[i].Recall = ShingleTotals(scores)
		for _, s := range secs[i] {
			res[i].PassRates = append(res[i].PassRates, float64(len(pages))/s)
		}
		res[i].PagesPerSec = median(res[i].PassRates)
		if i > 0 {
			ratios := make([]float64, passes)
			for k := range passes {
				ratios[k] = secs[i][k] / secs[0][k]
			}
			rep.SpeedRatio[res[i].Name] = median(ratios)
		}
	}
	rep.Extractors = res
	w := slices.Clone(res[0].pages)
	sort.SliceStable(w, func(a, b int) bool { return w[a].F1 < w[b].F1 })
	rep.Worst = w[:min(worst, len(w))]
	return rep, nil
}

func scorePage(p ExtractPage, text string, err error) PageResult {
	s := ScoreShingles(p.Truth, text)
	r := PageResult{ID: p.ID, URL: p.URL, Precision: s.Precision(), Recall: s.Recall(), F1: s.F1(), score: s}
	if err != nil {
		r.Error = err.Error()
	}
	return r
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// WriteTable prints the report for a reader.
func (r *ExtractReport) WriteTable(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Article extraction on %s: %d pages, speed = median of %d passes (%s, %d CPUs)\n\n",
		r.Data, r.Pages, r.Passes, r.GoVersion, r.CPUs)
	fmt.Fprintf(&b, "%-32s %6s %9s %7s %8s %7s\n", "extractor", "F1", "precision", "recall", "pages/s", "failed")
	for _, e := range r.Extractors {
		name := e.Name
		if e.Version != "" {
			name += " " + e.Version
		}
		fmt.Fprintf(&b, "%-32s %6.3f %9.3f %7.3f %8.1f %7d\n", name, e.F1, e.Precision, e.Recall, e.PagesPerSec, e.Failed)
	}
	if len(r.Extractors) > 1 {
		b.WriteString("\n")
		for _, e := range r.Extractors[1:] {
			fmt.Fprintf(&b, "%s is %.2fx as fast as %s (median of per-pass ratios)\n",
				r.Extractors[0].Name, r.SpeedRatio[e.Name], e.Name)
		}
	}
	if len(r.Worst) > 0 {
		fmt.Fprintf(&b, "\n%s's %d worst pages:\n%-10s %9s %7s  %s\n", r.Extractors[0].Name, len(r.Worst), "id", "precision", "recall", "url")
		for _, p := range r.Worst {
			fmt.Fprintf(&b, "%-10.8s %9.3f %7.3f  %s\n", p.ID, p.Precision, p.Recall, p.URL)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
