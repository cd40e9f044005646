package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"dyad/internal/parsertest"
	"dyad/internal/sharedtest"
	"dyad/store"
)

// TestUI is issue 16's browser test: the seed and the examples ingested
// into a temporary store, the real dyad serve on a loopback port, and
// headless Chromium opening every page and clicking through dyad →
// events → article, checking what a person sees against the API.
// With -screenshots it saves each page in docs/screenshots.
func TestUI(t *testing.T) {
	parsertest.Pipeline(t)
	chrome := chromium(t)
	needUI(t)
	seed := sharedtest.Path(t, "..", "seed")
	db := filepath.Join(t.TempDir(), "dyad.db")
	runDyad(t, "ingest", seed, filepath.Join("..", "..", "examples"), "--db", db, "--date", "2007-06-07", "-q")
	base := serve(t, db)
	ctx := browser(t, chrome)
	const a, b = "IRQREB", "IMGMUSALQ"
	var series store.Series
	apiJSON(t, base+"/api/dyads/"+a+"/"+b+"?interval=month", &series)

	t.Run("home", func(t *testing.T) {
		var cards int
		run(t, ctx, "home", chromedp.Navigate(base+"/"), chromedp.WaitVisible(".home-grid", chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll('.home-grid a.card').length`, &cards))
		if cards != 6 {
			t.Errorf("home links %d pages, want 6", cards)
		}
		shot(t, ctx, "home")
	})

	var sentence string // the clash's sentence, as the dyad page shows it
	t.Run("dyad→events→article", func(t *testing.T) {
		var summary string
		var labels []string
		run(t, ctx, "dyad page", chromedp.Navigate(base+"/#/dyad?a="+a+"&b="+b+"&interval=month"),
			chromedp.WaitVisible(".chart[data-rendered]", chromedp.ByQuery),
			chromedp.Text(`.dir[data-dir="`+a+`>`+b+`"]`, &summary, chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('.chart svg text')].map(t => t.textContent)`, &labels))
		shot(t, ctx, "dyad")
		total, quads := 0, [4]int{}
		for _, p := range series.AB {
			total += p.Events
			for q, n := range p.Quad {
				quads[q] += n
			}
		}
		want := fmt.Sprintf("%d events %s → %s: %d verbal coop. %d material coop. %d verbal confl. %d material confl.", total, a, b, quads[0], quads[1], quads[2], quads[3])
		if !strings.HasPrefix(strings.Join(strings.Fields(summary), " "), want) {
			t.Errorf("the dyad's summary reads %q, want %q…", summary, want)
		}
		// Each bar's count is written on it: every non-zero QuadClass
		// count of every month, both ways, is a label on the chart.
		for _, pts := range [][]store.Point{series.AB, series.BA} {
			for _, p := range pts {
				for q, n := range p.Quad {
					if n == 0 {
						continue
					}
					if i := slices.Index(labels, strconv.Itoa(n)); i < 0 {
						t.Errorf("%s: QuadClass %d has %d events, not written on the chart (labels %v)", p.Start.Format("2006-01"), q+1, n, labels)
					} else {
						labels = slices.Delete(labels, i, i+1)
					}
				}
			}
		}
		// April 2007, from the chart's table (the keyboard's way to the
		// same span as a brush): its events, then the clash's sentence.
		var page struct{ Events []struct{ ID json.Number } }
		apiJSON(t, base+"/api/events?dyad="+a+","+b+"&from=2007-04-01&to=2007-04-30&limit=1000", &page)
		var rows int
		run(t, ctx, "list April's events",
			chromedp.Click(`details summary`, chromedp.ByQuery),
			chromedp.Click(`//table[contains(@class,"periods")]//tr[td[1][text()="2007-04-01"]]//button`, chromedp.BySearch),
			chromedp.WaitVisible(`table.events tr.ev`, chromedp.ByQuery),
			chromedp.Evaluate(`document.querySelectorAll('table.events tr.ev').length`, &rows))
		if rows != len(page.Events) || rows == 0 {
			t.Errorf("April 2007 lists %d events; the API has %d", rows, len(page.Events))
		}
		if !strings.Contains(currentURL(t, ctx), "span=2007-04-01..2007-04-30") {
			t.Errorf("the span is not in the page's address: %s", currentURL(t, ctx))
		}
		run(t, ctx, "open the clash",
			chromedp.Click(`//table[contains(@class,"events")]//tr[contains(@class,"ev")][td[4]/code[starts-with(text(),"19")]]`, chromedp.BySearch),
			chromedp.WaitVisible(`tr.detail .sentence`, chromedp.ByQuery),
			chromedp.Text(`tr.detail .sentence`, &sentence, chromedp.ByQuery))
		if !strings.Contains(sentence, "al-Qaeda") || !strings.Contains(sentence, "Islamic Army") {
			t.Errorf("the clash's sentence reads %q", sentence)
		}
		shot(t, ctx, "dyad-events")
		var focus, verb string
		run(t, ctx, "read it in the article",
			chromedp.Click(`tr.detail a[href^="#/article"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`#article-text mark.focus`, chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('#article-text mark.focus')].map(m => m.textContent).join('')`, &focus),
			chromedp.Evaluate(`[...document.querySelectorAll('#article-text mark.focus.s-verb')].map(m => m.textContent).join(' ')`, &verb))
		// The event's mentions are in focus: the sentence shown first is.
		if !strings.HasPrefix(focus, strings.TrimSpace(sentence)) {
			t.Errorf("the article highlights %q, want the event's sentence %q", focus, sentence)
		}
		if verb == "" || !strings.Contains(sentence, strings.Fields(verb)[0]) {
			t.Errorf("the highlighted verb is %q", verb)
		}
		var explained string
		run(t, ctx, "the explanation", chromedp.Text(`.explain.focus`, &explained, chromedp.ByQuery))
		if !strings.Contains(explained, "dict/builtin/data/verbs/") || !strings.Contains(explained, "pattern") {
			t.Errorf("the event's explanation names no pattern file:line: %q", explained)
		}
		shot(t, ctx, "article")
	})

	t.Run("brush", func(t *testing.T) {
		// Drag across April and May 2007 on the chart, as a person would.
		var box struct{ X0, X1, Y float64 }
		run(t, ctx, "dyad page", chromedp.Navigate(base+"/#/dyad?a="+a+"&b="+b+"&interval=month"),
			chromedp.WaitVisible(".chart[data-rendered]", chromedp.ByQuery),
			chromedp.Evaluate(`(() => {
				const label = d => [...document.querySelectorAll('.chart svg text')].find(t => t.textContent === d).getBoundingClientRect();
				const a = label('2007-04-01'), b = label('2007-05-01'), c = document.querySelector('.chart').getBoundingClientRect();
				return {X0: a.left + a.width / 2 - 15, X1: b.left + b.width / 2 + 15, Y: c.top + c.height * 0.3};
			})()`, &box))
		run(t, ctx, "brush", chromedp.ActionFunc(func(ctx context.Context) error {
			steps := []*input.DispatchMouseEventParams{
				input.DispatchMouseEvent(input.MouseMoved, box.X0, box.Y),
				input.DispatchMouseEvent(input.MousePressed, box.X0, box.Y).WithButton(input.Left).WithClickCount(1),
			}
			for x := box.X0; x < box.X1; x += 10 {
				steps = append(steps, input.DispatchMouseEvent(input.MouseMoved, x, box.Y).WithButton(input.Left).WithButtons(1))
			}
			steps = append(steps, input.DispatchMouseEvent(input.MouseReleased, box.X1, box.Y).WithButton(input.Left).WithClickCount(1))
			for _, s := range steps {
				if err := s.Do(ctx); err != nil {
					return err
				}
			}
			return nil
		}), chromedp.WaitVisible(`table.events tr.ev`, chromedp.ByQuery))
		if u := currentURL(t, ctx); !strings.Contains(u, "span=2007-04-01..2007-05-31") {
			t.Errorf("brushing April and May gives %s", u)
		}
		var rows int
		run(t, ctx, "rows", chromedp.Evaluate(`document.querySelectorAll('table.events tr.ev').length`, &rows))
		var page struct{ Events []struct{ ID json.Number } }
		apiJSON(t, base+"/api/events?dyad="+a+","+b+"&from=2007-04-01&to=2007-05-31&limit=1000", &page)
		if rows != len(page.Events) || rows == 0 {
			t.Errorf("the brushed span lists %d events; the API has %d", rows, len(page.Events))
		}
	})

	t.Run("events+export", func(t *testing.T) {
		var ids []string
		run(t, ctx, "events page", chromedp.Navigate(base+"/#/events?dyad="+a+","+b+"&sort=-date"),
			chromedp.WaitVisible(`table.events tr.ev`, chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('table.events tr.ev')].map(r => r.dataset.id)`, &ids))
		shot(t, ctx, "events")
		var page struct{ Events []struct{ ID json.Number } }
		apiJSON(t, base+"/api/events?dyad="+a+","+b+"&sort=-date&limit=1000", &page)
		if len(ids) != len(page.Events) {
			t.Fatalf("the table shows %d events; the API has %d", len(ids), len(page.Events))
		}
		for _, f := range []string{"csv", "tsv", "jsonl"} {
			var href string
			var ok bool
			run(t, ctx, "export link "+f, chromedp.AttributeValue(`a[data-format="`+f+`"]`, "href", &href, &ok, chromedp.ByQuery))
			body := httpGet(t, base+href)
			var got []string
			switch f {
			case "jsonl":
				for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
					var e struct{ ID json.Number }
					if err := json.Unmarshal([]byte(line), &e); err != nil {
						t.Fatalf("jsonl export: %v", err)
					}
					got = append(got, e.ID.String())
				}
			default:
				r := csv.NewReader(strings.NewReader(body))
				if f == "tsv" {
					r.Comma, r.LazyQuotes = '\t', true
				}
				recs, err := r.ReadAll()
				if err != nil || len(recs) == 0 || recs[0][0] != "GlobalEventID" {
					t.Fatalf("%s export: %v, header %v", f, err, recs)
				}
				for _, rec := range recs[1:] {
					got = append(got, rec[0])
				}
			}
			if !slices.Equal(got, ids) {
				t.Errorf("the %s export has events %v; the table shows %v", f, got, ids)
			}
		}
		var gold []float64
		run(t, ctx, "sort by Goldstein",
			chromedp.Click(`th button.sort[title="Sort by Goldstein"]`, chromedp.ByQuery),
			chromedp.WaitVisible(`th[aria-sort="descending"] button[title="Sort by Goldstein"]`, chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('table.events tr.ev td:nth-child(6)')].map(td => parseFloat(td.textContent))`, &gold))
		if len(gold) != len(ids) || !slices.IsSortedFunc(gold, func(x, y float64) int { return int(y*10 - x*10) }) {
			t.Errorf("sorted by Goldstein (most cooperative first): %v", gold)
		}
	})

	t.Run("network", func(t *testing.T) {
		var text string
		run(t, ctx, "network", chromedp.Navigate(base+"/#/network?from=2006-11-01&to=2007-12-31"),
			chromedp.WaitVisible(".graph[data-rendered]", chromedp.ByQuery), chromedp.Text("main p", &text, chromedp.ByQuery))
		var net store.Network
		apiJSON(t, base+"/api/network?from=2006-11-01&to=2007-12-31&top=50", &net)
		if !strings.HasPrefix(text, fmt.Sprintf("%d actors, %d directed edges", len(net.Nodes), len(net.Edges))) {
			t.Errorf("the network reads %q; the API has %d nodes, %d edges", text, len(net.Nodes), len(net.Edges))
		}
		shot(t, ctx, "network")
		run(t, ctx, "an edge's dyad", chromedp.Click("details summary", chromedp.ByQuery),
			chromedp.Click(`a[href^="#/dyad?a=`+a+`&b=`+b+`"]`, chromedp.ByQuery), chromedp.WaitVisible(".chart[data-rendered]", chromedp.ByQuery))
	})

	t.Run("actor", func(t *testing.T) {
		var partners []string
		run(t, ctx, "actor", chromedp.Navigate(base+"/#/actor?code="+a), chromedp.WaitVisible(".chart[data-rendered]", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('.cols table tbody tr td:first-child')].map(td => td.textContent)`, &partners))
		if !slices.Contains(partners, b) {
			t.Errorf("%s's partners %v lack %s", a, partners, b)
		}
		shot(t, ctx, "actor")
	})

	t.Run("search", func(t *testing.T) {
		var titles []string
		var events int
		run(t, ctx, "search", chromedp.Navigate(base+"/#/search?q=truce"), chromedp.WaitVisible(".hit", chromedp.ByQuery),
			chromedp.Evaluate(`[...document.querySelectorAll('.hit h2')].map(h => h.textContent)`, &titles),
			chromedp.Evaluate(`document.querySelectorAll('.hit li').length`, &events))
		if !slices.Contains(titles, "Truce between Iraqi insurgent groups holds") || events == 0 {
			t.Errorf("search for truce: hits %v, %d events", titles, events)
		}
		shot(t, ctx, "search")
	})

	t.Run("near-duplicates", func(t *testing.T) {
		var dups string
		run(t, ctx, "the truce's article", chromedp.Navigate(base+"/#/search?q=truce+holds"), chromedp.WaitVisible(".hit", chromedp.ByQuery),
			chromedp.Click(`//h2/a[text()="Truce between Iraqi insurgent groups holds"]`, chromedp.BySearch),
			chromedp.WaitVisible("aside.dups", chromedp.ByQuery), chromedp.Text("aside.dups", &dups, chromedp.ByQuery))
		if !strings.Contains(dups, "1 near-duplicate, kept apart") || !strings.Contains(dups, "Iraqi insurgents keep to truce, residents say") {
			t.Errorf("the article's near-duplicates read %q", dups)
		}
	})

	t.Run("map", func(t *testing.T) {
		run(t, ctx, "map", chromedp.Navigate(base+"/#/map?actor="+a), chromedp.WaitVisible(".mapbox[data-rendered]", chromedp.ByQuery))
		shot(t, ctx, "map")
		// Clusters open by zooming until single events show.
		for i := 0; ; i++ {
			var pins int
			run(t, ctx, "pins", chromedp.Sleep(400*time.Millisecond), chromedp.Evaluate(`document.querySelectorAll('.ev-pin').length`, &pins))
			if pins > 0 {
				break
			}
			if i == 8 {
				t.Fatal("no event pin after zooming into clusters")
			}
			run(t, ctx, "zoom into a cluster", chromedp.Click(".marker-cluster", chromedp.ByQuery))
		}
		run(t, ctx, "open an event", chromedp.Click(".ev-pin", chromedp.ByQuery), chromedp.WaitVisible("#article-text mark.focus", chromedp.ByQuery))
	})

	t.Run("errors", func(t *testing.T) {
		var msg string
		run(t, ctx, "a bad date", chromedp.Navigate(base+"/#/events?from=2007-13-01"),
			chromedp.WaitVisible(".status.error", chromedp.ByQuery), chromedp.Text(".status.error", &msg, chromedp.ByQuery))
		if !strings.Contains(msg, "from") || !strings.Contains(msg, "Change it") {
			t.Errorf("a bad date reads %q", msg)
		}
		run(t, ctx, "no events", chromedp.Navigate(base+"/#/dyad?a="+a+"&b=USA"),
			chromedp.WaitVisible(".status.empty", chromedp.ByQuery), chromedp.Text(".status.empty", &msg, chromedp.ByQuery))
		if !strings.Contains(msg, "No events between") {
			t.Errorf("an empty dyad reads %q", msg)
		}
	})
}

func apiJSON(t *testing.T, u string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(httpGet(t, u)), v); err != nil {
		t.Fatalf("%s: %v", u, err)
	}
}

func currentURL(t *testing.T, ctx context.Context) string {
	t.Helper()
	var u string
	run(t, ctx, "location", chromedp.Location(&u))
	s, _ := url.QueryUnescape(u)
	return s
}
