package main

import (
	"context"
	"flag"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"dyad/store"
	"dyad/store/storetest"
)

var uiBench = flag.Bool("uibench", false, "run TestUIScale: 100,000 generated events, the dyad and network pages timed in Chromium (docs/EVALUATION.md)")

// TestUIScale stores 100,000 generated events (10,000 of them between
// IRQREB and IMGMUSALQ in 2023-2024, the rest among 500 actors over ten
// years) and times, in headless Chromium, how long the dyad and network
// pages take from the address changing to the chart or graph drawn. It is
// a benchmark for docs/EVALUATION.md, run with -uibench, not a timed
// assertion.
func TestUIScale(t *testing.T) {
	if !*uiBench {
		t.Skip("a benchmark: run with -uibench")
	}
	chrome := chromium(t)
	needUI(t)
	db := filepath.Join(t.TempDir(), "dyad.db")
	ctx := context.Background()
	st, err := store.OpenSQLite(ctx, db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	n := fillScale(t, st)
	st.Close()
	t.Logf("stored %d generated events in %v", n, time.Since(t0).Round(time.Millisecond))
	base := serve(t, db)
	bctx := browser(t, chrome)
	var dyadEvents int
	var series store.Series
	apiJSON(t, base+"/api/dyads/IRQREB/IMGMUSALQ?interval=month&from=2023-01-01&to=2024-12-31", &series)
	for _, p := range append(series.AB, series.BA...) {
		dyadEvents += p.Events
	}
	t.Logf("the dyad has %d events in 2023-2024", dyadEvents)
	fmt.Printf("| page | address | median of 5 | slowest | its API call |\n|---|---|---|---|---|\n")
	for _, c := range []struct{ hash, ready, api string }{
		{"#/dyad?a=IRQREB&b=IMGMUSALQ&interval=month&from=2023-01-01&to=2024-12-31", ".chart[data-rendered]", "/api/dyads/IRQREB/IMGMUSALQ?interval=month&from=2023-01-01&to=2024-12-31"},
		{"#/dyad?a=IRQREB&b=IMGMUSALQ&interval=week&from=2023-01-01&to=2024-12-31", ".chart[data-rendered]", "/api/dyads/IRQREB/IMGMUSALQ?interval=week&from=2023-01-01&to=2024-12-31"},
		{"#/dyad?a=IRQREB&b=IMGMUSALQ&interval=day&from=2023-01-01&to=2024-12-31", ".chart[data-rendered]", "/api/dyads/IRQREB/IMGMUSALQ?interval=day&from=2023-01-01&to=2024-12-31"},
		{"#/network?from=2023-01-01&to=2024-12-31&top=50", ".graph[data-rendered]", "/api/network?from=2023-01-01&to=2024-12-31&top=50"},
		{"#/network?from=2015-01-01&to=2024-12-31&top=200", ".graph[data-rendered]", "/api/network?from=2015-01-01&to=2024-12-31&top=200"},
		{"#/events?dyad=IRQREB,IMGMUSALQ&from=2023-01-01&to=2024-12-31", "table.events", "/api/events?dyad=IRQREB,IMGMUSALQ&from=2023-01-01&to=2024-12-31&sort=date&limit=500"},
	} {
		var ms []float64
		for range 5 {
			run(t, bctx, "home", chromedp.Navigate(base+"/#/"), chromedp.WaitVisible(".home-grid", chromedp.ByQuery))
			var d float64
			js := fmt.Sprintf(`new Promise(resolve => {
				const t0 = performance.now();
				location.hash = %q;
				const check = () => document.querySelector(%q) ? resolve(performance.now() - t0) : requestAnimationFrame(check);
				requestAnimationFrame(check);
			})`, c.hash, c.ready)
			run(t, bctx, c.hash, chromedp.Evaluate(js, &d, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
			ms = append(ms, d)
		}
		slices.Sort(ms)
		var apiMS []float64
		for range 5 {
			t0 := time.Now()
			httpGet(t, base+c.api)
			apiMS = append(apiMS, float64(time.Since(t0).Microseconds())/1000)
		}
		slices.Sort(apiMS)
		fmt.Printf("| %s | `%s` | %.0f ms | %.0f ms | %.0f ms |\n", c.ready, c.hash, ms[len(ms)/2], ms[len(ms)-1], apiMS[len(apiMS)/2])
	}
}

// fillScale stores the generated corpus and returns how many events were
// given.
func fillScale(t *testing.T, st *store.SQLite) int {
	codes := []string{"010", "020", "036", "040", "042", "043", "046", "051", "057", "061", "071", "080", "0871", "111", "112", "120", "130", "138", "160", "172", "180", "190", "193", "194", "195"}
	r := rand.New(rand.NewPCG(16, 100000))
	actors := make([]string, 500)
	for i := range actors {
		actors[i] = fmt.Sprintf("A%03dGRP", i)
	}
	start := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC)
	dyadStart := time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	const perArticle, total, dyad = 10, 100000, 10000
	var batch []store.Coded
	n := 0
	for a := 0; n < total; a++ {
		var evs []storetest.Ev
		var sentences []string
		var day time.Time
		for k := range perArticle {
			var e storetest.Ev
			if n < dyad {
				// Each direction and code of the dyad on a day of its own,
				// two days apart, so that none merge.
				combo := n % (2 * len(codes))
				day = dyadStart.AddDate(0, 0, 2*(n/(2*len(codes))))
				src, dst := "IRQREB", "IMGMUSALQ"
				if combo%2 == 1 {
					src, dst = dst, src
				}
				e = storetest.Ev{Source: src, SourceName: "the Islamic Army", Target: dst, TargetName: "al-Qaeda", Code: codes[combo/2]}
			} else {
				day = start.AddDate(0, 0, r.IntN(3653))
				i, j := r.IntN(len(actors)), r.IntN(len(actors)-1)
				if j >= i {
					j++
				}
				e = storetest.Ev{Source: actors[i], SourceName: actors[i], Target: actors[j], TargetName: actors[j], Code: codes[r.IntN(len(codes))]}
			}
			e.Sentence, e.Date = k+1, day.Format("2006-01-02")
			if r.IntN(3) == 0 {
				e.Place = "Baghdad"
			}
			evs = append(evs, e)
			sentences = append(sentences, fmt.Sprintf("Sentence %d of generated article %d: %s and %s.", k+1, a, e.SourceName, e.TargetName))
			n++
		}
		id := fmt.Sprintf("gen%06d", a)
		batch = append(batch, storetest.Article(id, "https://gen.example/"+id, "Generated", day, sentences, evs...))
		if len(batch) == 500 || n == total {
			if _, err := st.Append(context.Background(), batch); err != nil {
				t.Fatal(err)
			}
			batch = batch[:0]
		}
	}
	return n
}
