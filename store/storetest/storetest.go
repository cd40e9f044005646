// Package storetest is the conformance suite every store backend passes,
// and the generator of articles and events its tests and benchmarks use.
package storetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"dyad/codebook"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/store"
)

// Opener returns a new, empty store for one test; the suite closes it.
type Opener func(t *testing.T) store.Store

// Run runs the conformance suite, each test on a store of its own.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(t *testing.T, s store.Store)
	}{
		{"RoundTrip", testRoundTrip},
		{"Idempotent", testIdempotent},
		{"Duplicates", testDuplicates},
		{"Replace", testReplace},
		{"Merge", testMerge},
		{"BatchAtomic", testBatchAtomic},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"Article", testArticle},
		{"Series", testSeries},
		{"Actor", testActor},
		{"Network", testNetwork},
		{"Search", testSearch},
		{"Cancelled", testCancelled},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			defer s.Close()
			tc.fn(t, s)
		})
	}
	t.Run("Bulk", func(t *testing.T) { testBulk(t, open) })
}

var (
	ctx    = context.Background()
	lookup = codebook.Lookup
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Ev describes an event for Article: source and target actor codes and
// names, a CAMEO code and the sentence that reports it.
type Ev struct {
	Source, SourceName, Target, TargetName, Code string
	Sentence                                     int
	// Date, when set, is the event's own day as the text resolves it.
	Date string
	// Place, when set, is where it happened.
	Place string
}

// Article builds a coded article: its sentences are the given texts,
// its events the given ones, each with one mention in its sentence.
func Article(id, url, publisher string, published time.Time, sentences []string, evs ...Ev) store.Coded {
	c := store.Coded{Article: store.Article{ID: id, URL: url, Source: publisher, Title: sentences[0], Published: published, Language: "en"}}
	var text strings.Builder
	for i, s := range sentences {
		if i > 0 {
			text.WriteString("\n\n")
		}
		c.Sentences = append(c.Sentences, store.Sentence{Index: i + 1, ID: fmt.Sprintf("%s-%d", id, i+1), Section: section(i),
			Paragraph: max(i-1, 0), Start: text.Len(), End: text.Len() + len(s), Text: s})
		text.WriteString(s)
	}
	c.Article.Text = text.String()
	for i, e := range evs {
		c.Events = append(c.Events, Record(id, url, published, c.Sentences[e.Sentence-1], i, e))
	}
	return c
}

func section(i int) string {
	switch i {
	case 0:
		return "headline"
	case 1:
		return "standfirst"
	}
	return "body"
}

// Record builds the record of event e of an article, as story.Records
// gives it.
func Record(articleID, url string, published time.Time, s store.Sentence, n int, e Ev) story.Record {
	r := story.Record{ID: int64(hash(fmt.Sprintf("%s/%d/%s", articleID, n, e.Code)) >> 1), ArticleID: articleID, URL: url, Title: "",
		Source: story.SplitActor(e.Source, e.SourceName), Target: story.SplitActor(e.Target, e.TargetName),
		Code: e.Code, Modality: "asserted", Confidence: 0.625, BaseCode: e.Code[:min(3, len(e.Code))], RootCode: e.Code[:2],
		IsRoot: s.Index <= 2, NumMentions: 1, PublishedKnown: !published.IsZero()}
	if c, ok := lookup(e.Code); ok {
		r.Label, r.Goldstein, r.QuadClass, r.Quad = c.Label, c.Goldstein, int(c.QuadClass), c.QuadClass.String()
		r.PLOVER = story.PLOVERJSON{Category: c.PLOVER.Category, Mode: c.PLOVER.Mode, Context: c.PLOVER.Context}
	}
	if !published.IsZero() {
		p := published
		r.Published = &p
	}
	if e.Place != "" {
		r.ActionGeo = &story.GeoJSON{Type: 4, FullName: e.Place, CountryCode: "IQ", ADM1Code: "IQ.07", Lat: 33.3406, Long: 44.4009, FeatureID: "98182", Method: "sentence", Text: e.Place}
	}
	if e.Date != "" {
		r.Date = &story.DateJSON{Value: e.Date, Precision: "day", Resolved: true, Text: "on " + e.Date}
	}
	verb := coder.Span{First: 2, Last: 2, Start: s.Start, End: s.Start + 1, Text: "x"}
	r.Mentions = []story.MentionJSON{{Sentence: s.Index, SentenceID: s.ID, Section: story.Section(s.Section), Paragraph: s.Paragraph,
		Text: s.Text, Code: e.Code, Anchor: "verb", Start: s.Start, End: s.End, Verb: verb,
		SourceSpan: coder.Span{First: 1, Last: 1, Start: s.Start, End: s.Start + 1, Text: e.SourceName},
		TargetSpan: coder.Span{First: 3, Last: 3, Start: s.Start, End: s.Start + 1, Text: e.TargetName},
		Rule:       "verb", Pattern: "TEST (test.txt:1)", Evidence: []coder.Evidence{{Role: "verb", Entry: "TEST", Code: e.Code}}}}
	return r
}

// hash is FNV-1a, 64 bits.
func hash(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= 1099511628211
	}
	return h
}

func mustAppend(t *testing.T, s store.Store, batch ...store.Coded) []store.Result {
	t.Helper()
	res, err := s.Append(ctx, batch)
	if err != nil {
		t.Fatalf("Append: %v", err)
	}
	return res
}

func outcomes(res []store.Result) string {
	var o []string
	for _, r := range res {
		o = append(o, r.Outcome.String())
	}
	return strings.Join(o, " ")
}

// all returns every event q selects, page by page.
func all(t *testing.T, s store.Store, q store.EventQuery) []story.Record {
	t.Helper()
	var out []story.Record
	for range 1000 {
		p, err := s.Events(ctx, q)
		if err != nil {
			t.Fatalf("Events(%+v): %v", q, err)
		}
		out = append(out, p.Events...)
		if p.Next == nil {
			return out
		}
		q.After = p.Next
	}
	t.Fatal("Events: pagination does not end")
	return nil
}

func codes(recs []story.Record) string {
	var c []string
	for _, r := range recs {
		c = append(c, r.Source.Code+">"+r.Target.Code+":"+r.Code)
	}
	sort.Strings(c)
	return strings.Join(c, " ")
}

var (
	jan1  = day("2024-01-01")
	texts = []string{"Rebels and the army agree a truce", "Talks in the capital.", "The rebels attacked an army post.", "Both sides later met."}
)

// seedArticle is an article with four events between IRQREB, IRQMIL and
// IMGMUSALQ.
func seedArticle() store.Coded {
	return Article("a1", "https://news.example/a1", "Example News", jan1, texts,
		Ev{Source: "IRQREB", SourceName: "Rebels", Target: "IRQMIL", TargetName: "the army", Code: "0871", Sentence: 1},
		Ev{Source: "IRQREB", SourceName: "The rebels", Target: "IRQMIL", TargetName: "an army post", Code: "190", Sentence: 3, Date: "2023-12-30", Place: "Baghdad"},
		Ev{Source: "IRQMIL", SourceName: "the army", Target: "IRQREB", TargetName: "rebels", Code: "040", Sentence: 4},
		Ev{Source: "IMGMUSALQ", SourceName: "al-Qaeda", Target: "IRQREB", TargetName: "rebels", Code: "1056", Sentence: 2},
	)
}

func testRoundTrip(t *testing.T, s store.Store) {
	c := seedArticle()
	before := time.Now().Add(-time.Minute)
	res := mustAppend(t, s, c)
	if got := outcomes(res); got != "new" || res[0].Events != 4 {
		t.Fatalf("Append = %s, %d events; want new, 4", got, res[0].Events)
	}
	got := all(t, s, store.EventQuery{Sort: store.ByID})
	if len(got) != 4 {
		t.Fatalf("%d events stored, want 4", len(got))
	}
	want := map[int64]story.Record{}
	for _, r := range c.Events {
		want[r.ID] = r
	}
	for _, g := range got {
		w, ok := want[g.ID]
		if !ok {
			t.Errorf("event %d was not appended", g.ID)
			continue
		}
		if g.DateAdded == nil || g.DateAdded.Before(before) || g.NumArticles != 1 || g.NumSources != 1 {
			t.Errorf("event %d: date added %v, %d articles, %d sources; want now, 1, 1", g.ID, g.DateAdded, g.NumArticles, g.NumSources)
		}
		for i := range w.Mentions {
			w.Mentions[i].ArticleID = "a1"
		}
		w.URL, w.Title = "https://news.example/a1", texts[0]
		w.DateAdded, w.NumArticles, w.NumSources = g.DateAdded, g.NumArticles, g.NumSources
		gj, _ := json.Marshal(g)
		wj, _ := json.Marshal(w)
		if string(gj) != string(wj) {
			t.Errorf("event %d round trip:\n got %s\nwant %s", g.ID, gj, wj)
		}
	}
	if _, err := s.Event(ctx, 12345); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Event(unknown) = %v, want ErrNotFound", err)
	}
	one, err := s.Event(ctx, got[0].ID)
	if err != nil || one.ID != got[0].ID {
		t.Errorf("Event(%d) = %d, %v", got[0].ID, one.ID, err)
	}
}

func testIdempotent(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle())
	first := all(t, s, store.EventQuery{Sort: store.ByID})
	res := mustAppend(t, s, seedArticle(), seedArticle())
	if got := outcomes(res); got != "unchanged unchanged" {
		t.Errorf("appending again = %s, want unchanged unchanged", got)
	}
	again := all(t, s, store.EventQuery{Sort: store.ByID})
	a, _ := json.Marshal(first)
	b, _ := json.Marshal(again)
	if string(a) != string(b) {
		t.Errorf("appending the same article again changed the events:\n%s\n%s", a, b)
	}
}

func testDuplicates(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle())
	// The same content at another address.
	c := seedArticle()
	c.Article.URL = "https://mirror.example/a1"
	// A near-duplicate, marked by the caller.
	nd := Article("a2", "https://other.example/a2", "Other", jan1, []string{"Rebels and the army agree truce", "Talks."},
		Ev{Source: "IRQREB", SourceName: "Rebels", Target: "IRQMIL", TargetName: "the army", Code: "0871", Sentence: 1})
	nd.Article.DuplicateOf = "a1"
	res := mustAppend(t, s, c, nd)
	if got := outcomes(res); got != "duplicate duplicate" {
		t.Errorf("outcomes = %s, want duplicate duplicate", got)
	}
	if n := len(all(t, s, store.EventQuery{})); n != 4 {
		t.Errorf("%d events after duplicates, want 4", n)
	}
	v, err := s.Article(ctx, "a2")
	if err != nil || v.Article.DuplicateOf != "a1" || len(v.Events) != 0 {
		t.Errorf("near-duplicate stored as %+v, %v; want duplicate_of a1 and no events", v, err)
	}
	// The original lists its near-duplicate, for readers to see apart.
	if v, err := s.Article(ctx, "a1"); err != nil || !slices.ContainsFunc(v.Duplicates, func(r store.ArticleRef) bool { return r.ID == "a2" && r.Title == "Rebels and the army agree truce" }) {
		t.Errorf("a1's duplicates = %+v, %v; want a2 among them", v.Duplicates, err)
	}
	if got := outcomes(mustAppend(t, s, c)); got != "unchanged" {
		t.Errorf("the mirror again = %s, want unchanged", got)
	}
}

func testReplace(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle())
	// Another article reports the truce, so that event outlives a1's
	// first version.
	other := Article("b1", "https://other.example/b1", "Other", jan1, []string{"Truce agreed"},
		Ev{Source: "IRQREB", SourceName: "Rebels", Target: "IRQMIL", TargetName: "army", Code: "0871", Sentence: 1})
	mustAppend(t, s, other)
	changed := Article("a1v2", "https://news.example/a1", "Example News", jan1, []string{"Rebels and the army sign a truce", "A new text."},
		Ev{Source: "IRQREB", SourceName: "Rebels", Target: "IRQMIL", TargetName: "the army", Code: "0871", Sentence: 1},
		Ev{Source: "IRQMIL", SourceName: "The army", Target: "IRQREB", TargetName: "rebels", Code: "020", Sentence: 2})
	res := mustAppend(t, s, changed)
	if got := outcomes(res); got != "replaced" {
		t.Fatalf("changed article = %s, want replaced", got)
	}
	if _, err := s.Article(ctx, "a1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("old version still readable: %v", err)
	}
	got := all(t, s, store.EventQuery{})
	if c := codes(got); c != "IRQMIL>IRQREB:020 IRQREB>IRQMIL:0871" {
		t.Errorf("events after the change: %s", c)
	}
	for _, r := range got {
		if r.Code == "0871" && (r.NumArticles != 2 || r.NumMentions != 2) {
			t.Errorf("truce: %d articles, %d mentions; want 2, 2", r.NumArticles, r.NumMentions)
		}
	}
	if got := outcomes(mustAppend(t, s, changed)); got != "unchanged" {
		t.Errorf("the changed article again = %s, want unchanged", got)
	}
}

func testMerge(t *testing.T, s store.Store) {
	ev := Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 1}
	mustAppend(t, s,
		Article("m1", "https://one.example/1", "One", day("2024-03-01"), []string{"Russia threatens Ukraine"}, ev),
		Article("m2", "https://two.example/2", "Two", day("2024-03-02"), []string{"Russia threatened Ukraine"}, ev),
		Article("m3", "https://one.example/3", "One", day("2024-03-02"), []string{"Russia threatened Ukraine again", "Russia warned Ukraine."}, ev, Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 2}),
		Article("m4", "https://two.example/4", "Two", day("2024-03-20"), []string{"Russia threatens Ukraine"}, ev),
	)
	got := all(t, s, store.EventQuery{Sort: store.ByDate})
	var summary []string
	for _, r := range got {
		summary = append(summary, fmt.Sprintf("%s m%d a%d s%d", r.ArticleID, r.NumMentions, r.NumArticles, r.NumSources))
	}
	// m3's second event is another event of its own day (an article
	// does not report one event twice), so it merges with none of m3's.
	want := "m1 m3 a3 s2, m3 m1 a1 s1, m4 m1 a1 s1"
	if g := strings.Join(summary, ", "); g != want {
		t.Errorf("merged events = %s, want %s", g, want)
	}
	if m := got[0].Mentions; len(m) != 3 || m[0].ArticleID != "m1" || m[2].ArticleID != "m3" {
		t.Errorf("mentions of the merged event: %+v", m)
	}
}

func testBatchAtomic(t *testing.T, s store.Store) {
	good := seedArticle()
	bad := Article("x1", "https://bad.example/x", "Bad", jan1, []string{"One.", "Two."})
	bad.Sentences[1].Index = 1 // two sentences with one index
	if _, err := s.Append(ctx, []store.Coded{good, bad}); err == nil {
		t.Fatal("a batch with a broken article was stored")
	}
	if n := len(all(t, s, store.EventQuery{})); n != 0 {
		t.Errorf("%d events left by a failed batch, want 0", n)
	}
	if _, err := s.Article(ctx, "a1"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("article of a failed batch readable: %v", err)
	}
	if got := outcomes(mustAppend(t, s, seedArticle())); got != "new" {
		t.Errorf("after a failed batch = %s, want new", got)
	}
}

func testFilters(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle(),
		Article("r1", "https://ru.example/1", "RU", day("2024-06-01"), []string{"Russia threatens Ukraine over gas"},
			Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 1}))
	tests := []struct {
		name string
		q    store.EventQuery
		want string
	}{
		{"actor prefix", store.EventQuery{Actor: "IRQ"}, "IMGMUSALQ>IRQREB:1056 IRQMIL>IRQREB:040 IRQREB>IRQMIL:0871 IRQREB>IRQMIL:190"},
		{"actor exact", store.EventQuery{Actor: "IMGMUSALQ"}, "IMGMUSALQ>IRQREB:1056"},
		{"actor name", store.EventQuery{ActorName: "AL-QAEDA"}, "IMGMUSALQ>IRQREB:1056"},
		{"actor name is not a pattern", store.EventQuery{ActorName: "%"}, ""},
		{"source", store.EventQuery{Source: "IRQMIL"}, "IRQMIL>IRQREB:040"},
		{"target", store.EventQuery{Target: "UKR"}, "RUS>UKR:138"},
		{"dyad both ways", store.EventQuery{Dyad: &store.Dyad{A: "IRQMIL", B: "IRQREB"}}, "IRQMIL>IRQREB:040 IRQREB>IRQMIL:0871 IRQREB>IRQMIL:190"},
		{"dyad one way", store.EventQuery{Dyad: &store.Dyad{A: "IRQMIL", B: "IRQREB", Directed: true}}, "IRQMIL>IRQREB:040"},
		{"code prefix", store.EventQuery{Code: "08"}, "IRQREB>IRQMIL:0871"},
		{"root", store.EventQuery{Root: "19"}, "IRQREB>IRQMIL:190"},
		{"quad", store.EventQuery{QuadClass: 4}, "IRQREB>IRQMIL:190"},
		{"plover", store.EventQuery{PLOVER: "ASSAULT"}, ""},
		{"dates", store.EventQuery{From: day("2023-12-31"), To: day("2024-01-31")}, "IMGMUSALQ>IRQREB:1056 IRQMIL>IRQREB:040 IRQREB>IRQMIL:0871"},
		{"text's own day", store.EventQuery{To: day("2023-12-30")}, "IRQREB>IRQMIL:190"},
		{"text", store.EventQuery{Text: "gas"}, "RUS>UKR:138"},
		{"text, all words", store.EventQuery{Text: "gas truce"}, ""},
		{"article", store.EventQuery{ArticleID: "r1"}, "RUS>UKR:138"},
		{"country", store.EventQuery{Country: "IQ"}, "IRQREB>IRQMIL:190"},
		{"another country", store.EventQuery{Country: "UA"}, ""},
		{"division", store.EventQuery{ADM1: "IQ.07"}, "IRQREB>IRQMIL:190"},
		{"box", store.EventQuery{BBox: &store.BBox{West: 38, South: 29, East: 49, North: 38}}, "IRQREB>IRQMIL:190"},
		{"box elsewhere", store.EventQuery{BBox: &store.BBox{West: 0, South: 0, East: 10, North: 10}}, ""},
		{"box across the antimeridian", store.EventQuery{BBox: &store.BBox{West: 170, South: 29, East: 50, North: 38}}, "IRQREB>IRQMIL:190"},
		{"SQL in a value", store.EventQuery{Actor: "' OR 1=1 --", ActorName: "'; DROP TABLE events; --", Text: `"NEAR( OR`}, ""},
	}
	// PLOVER categories come from the codebook: find the one 190 has.
	if c, ok := lookup("190"); ok && c.PLOVER.Category != "" {
		tests[11].q.PLOVER, tests[11].want = c.PLOVER.Category, "IRQREB>IRQMIL:190"
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := codes(all(t, s, tc.q)); got != tc.want {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
	if n := len(all(t, s, store.EventQuery{})); n != 5 {
		t.Errorf("%d events after the SQL-like query, want 5", n)
	}
}

func testPagination(t *testing.T, s store.Store) {
	var batch []store.Coded
	for i := range 25 {
		batch = append(batch, Article(fmt.Sprintf("p%02d", i), fmt.Sprintf("https://p.example/%d", i), "P", jan1.AddDate(0, 0, i%7),
			[]string{fmt.Sprintf("Event number %d", i)},
			Ev{Source: "FRA", SourceName: "France", Target: "DEU", TargetName: "Germany", Code: []string{"010", "040", "111", "190"}[i%4], Sentence: 1, Date: jan1.AddDate(0, 0, i).Format("2006-01-02")}))
	}
	mustAppend(t, s, batch...)
	for name, so := range store.SortNames {
		t.Run(name, func(t *testing.T) {
			got := all(t, s, store.EventQuery{Sort: so, Limit: 4})
			if len(got) != 25 {
				t.Fatalf("%d events over all pages, want 25", len(got))
			}
			seen := map[int64]bool{}
			for i, r := range got {
				if seen[r.ID] {
					t.Fatalf("event %d twice", r.ID)
				}
				seen[r.ID] = true
				if i > 0 && !ordered(so, got[i-1], r) {
					t.Errorf("events %d and %d out of %s order", got[i-1].ID, r.ID, name)
				}
			}
		})
	}
	p, err := s.Events(ctx, store.EventQuery{Sort: store.ByDate, Limit: 3})
	if err != nil || p.Next == nil {
		t.Fatalf("first page: %v, next %v", err, p.Next)
	}
	if _, err := s.Events(ctx, store.EventQuery{Sort: store.ByGoldstein, After: p.Next}); !errors.Is(err, store.ErrBadCursor) {
		t.Errorf("a cursor of another sort: %v, want ErrBadCursor", err)
	}
	c, err := store.ParseCursor(p.Next.String())
	if err != nil || c != *p.Next {
		t.Errorf("cursor round trip: %+v, %v; want %+v", c, err, *p.Next)
	}
	for _, bad := range []string{"", "!!", "MTox", "OTk6MTox", "MDpOYU46MQ"} {
		if _, err := store.ParseCursor(bad); !errors.Is(err, store.ErrBadCursor) {
			t.Errorf("ParseCursor(%q) = %v, want ErrBadCursor", bad, err)
		}
	}
	if p, err := s.Events(ctx, store.EventQuery{Limit: 1 << 30}); err != nil || len(p.Events) != 25 {
		t.Errorf("a huge limit: %d events, %v", len(p.Events), err)
	}
}

func dayOf(r story.Record) string {
	if r.Date != nil {
		return r.Date.Value
	}
	return r.Published.Format("2006-01-02")
}

func ordered(so store.Sort, a, b story.Record) bool {
	switch so {
	case store.ByDate:
		return dayOf(a) < dayOf(b) || dayOf(a) == dayOf(b) && a.ID < b.ID
	case store.ByDateDesc:
		return dayOf(a) > dayOf(b) || dayOf(a) == dayOf(b) && a.ID > b.ID
	case store.ByGoldstein:
		return a.Goldstein < b.Goldstein || a.Goldstein == b.Goldstein && a.ID < b.ID
	case store.ByGoldsteinDesc:
		return a.Goldstein > b.Goldstein || a.Goldstein == b.Goldstein && a.ID > b.ID
	case store.ByMentionsDesc:
		return a.NumMentions > b.NumMentions || a.NumMentions == b.NumMentions && a.ID > b.ID
	}
	return a.ID < b.ID
}

func testArticle(t *testing.T, s store.Store) {
	c := seedArticle()
	c.Article.Byline = "A. Writer"
	mustAppend(t, s, c)
	v, err := s.Article(ctx, "a1")
	if err != nil {
		t.Fatal(err)
	}
	a := v.Article
	if a.Title != texts[0] || a.Source != "Example News" || a.Byline != "A. Writer" || !a.Published.Equal(jan1) || a.Text != c.Article.Text || len(a.ContentHash) != 64 {
		t.Errorf("article = %+v", a)
	}
	if len(v.Sentences) != 4 || v.Sentences[2].Text != texts[2] || a.Text[v.Sentences[2].Start:v.Sentences[2].End] != texts[2] {
		t.Errorf("sentences = %+v", v.Sentences)
	}
	var order []string
	for _, e := range v.Events {
		order = append(order, e.Code)
		m := e.Mentions[0]
		if a.Text[m.Start:m.End] != m.Text || len(m.Evidence) == 0 {
			t.Errorf("event %s: mention %+v does not point at its sentence or has no evidence", e.Code, m)
		}
	}
	if got := strings.Join(order, " "); got != "0871 1056 190 040" {
		t.Errorf("events in sentence order: %s", got)
	}
	if _, err := s.Article(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Article(unknown) = %v, want ErrNotFound", err)
	}
}

func testSeries(t *testing.T, s store.Store) {
	var batch []store.Coded
	// Mondays 2024-01-01 and 2024-01-08: three A→B events in the first
	// week, one in the second; one B→A in the second.
	for i, d := range []string{"2024-01-01", "2024-01-03", "2024-01-07", "2024-01-08"} {
		batch = append(batch, Article(fmt.Sprintf("s%d", i), fmt.Sprintf("https://s.example/%d", i), "S", day(d), []string{"A and B."},
			Ev{Source: "AAA", SourceName: "A", Target: "BBB", TargetName: "B", Code: []string{"190", "040", "190", "111"}[i], Sentence: 1}))
	}
	batch = append(batch, Article("sx", "https://s.example/x", "S", day("2024-01-09"), []string{"B and A."},
		Ev{Source: "BBB", SourceName: "B", Target: "AAA", TargetName: "A", Code: "040", Sentence: 1}))
	mustAppend(t, s, batch...)
	se, err := s.Series(ctx, store.SeriesQuery{A: "AAA", B: "BBB", Interval: store.Week, IDs: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(se.AB) != 2 || !se.AB[0].Start.Equal(day("2024-01-01")) || se.AB[0].Events != 3 || se.AB[0].Quad != [4]int{1, 0, 0, 2} ||
		len(se.AB[0].IDs) != 2 || se.AB[1].Events != 1 || se.AB[1].Quad != [4]int{0, 0, 1, 0} {
		t.Errorf("A→B weekly = %+v", se.AB)
	}
	g190, _ := lookup("190")
	g040, _ := lookup("040")
	if want := (2*g190.Goldstein + g040.Goldstein) / 3; diff(se.AB[0].MeanGoldstein, want) > 1e-9 {
		t.Errorf("mean Goldstein %v, want %v", se.AB[0].MeanGoldstein, want)
	}
	if len(se.BA) != 1 || !se.BA[0].Start.Equal(day("2024-01-08")) || se.BA[0].Events != 1 {
		t.Errorf("B→A weekly = %+v", se.BA)
	}
	for _, p := range se.AB {
		for _, id := range p.IDs {
			if _, err := s.Event(ctx, id); err != nil {
				t.Errorf("event %d of a point: %v", id, err)
			}
		}
	}
	m, err := s.Series(ctx, store.SeriesQuery{A: "AAA", B: "BBB", Interval: store.Month, From: day("2024-01-02"), To: day("2024-01-07")})
	if err != nil || len(m.AB) != 1 || m.AB[0].Events != 2 || !m.AB[0].Start.Equal(jan1) || len(m.AB[0].IDs) != 0 {
		t.Errorf("monthly in a range = %+v, %v", m, err)
	}
	d, err := s.Series(ctx, store.SeriesQuery{A: "AAA", B: "BBB", Interval: store.Day})
	if err != nil || len(d.AB) != 4 {
		t.Errorf("daily = %+v, %v", d, err)
	}
}

func diff(a, b float64) float64 {
	if a > b {
		return a - b
	}
	return b - a
}

func testActor(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle())
	v, err := s.Actor(ctx, store.ActorQuery{Code: "IRQREB", Interval: store.Month})
	if err != nil {
		t.Fatal(err)
	}
	if v.Actor.Country != "IRQ" || strings.Join(v.Names, "|") != "Rebels|The rebels|rebels" || v.Events != 4 {
		t.Errorf("actor = %+v", v)
	}
	if len(v.Partners) != 2 || v.Partners[0].Code != "IRQMIL" || v.Partners[0].AsSource != 2 || v.Partners[0].AsTarget != 1 ||
		v.Partners[1].Code != "IMGMUSALQ" || v.Partners[1].AsTarget != 1 {
		t.Errorf("partners = %+v", v.Partners)
	}
	if len(v.Timeline) != 2 || v.Timeline[0].Events != 1 || v.Timeline[1].Events != 3 {
		t.Errorf("timeline = %+v", v.Timeline)
	}
	if _, err := s.Actor(ctx, store.ActorQuery{Code: "ZZZ"}); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("Actor(unknown) = %v, want ErrNotFound", err)
	}
	m, err := s.Actors(ctx, store.ActorSearch{Name: "qaeda"})
	if err != nil || len(m) != 1 || m[0].Code != "IMGMUSALQ" || m[0].Events != 1 {
		t.Errorf("Actors(name qaeda) = %+v, %v", m, err)
	}
	m, err = s.Actors(ctx, store.ActorSearch{Prefix: "IRQ"})
	if err != nil || len(m) != 2 || m[0].Code != "IRQMIL" || m[1].Events != 4 {
		t.Errorf("Actors(prefix IRQ) = %+v, %v", m, err)
	}
}

func testNetwork(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle())
	n, err := s.Network(ctx, store.NetworkQuery{From: day("2023-01-01"), To: day("2024-12-31"), Top: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(n.Nodes) != 2 || n.Nodes[0].Code != "IRQREB" || n.Nodes[0].Events != 4 || n.Nodes[1].Code != "IRQMIL" || n.Nodes[0].Name == "" {
		t.Errorf("nodes = %+v", n.Nodes)
	}
	if len(n.Edges) != 2 || n.Edges[0].Source != "IRQMIL" || n.Edges[0].Cooperation != 1 || n.Edges[1].Events != 2 || n.Edges[1].Conflict != 1 {
		t.Errorf("edges = %+v", n.Edges)
	}
	empty, err := s.Network(ctx, store.NetworkQuery{From: day("2000-01-01"), To: day("2000-12-31")})
	if err != nil || len(empty.Nodes) != 0 {
		t.Errorf("empty window = %+v, %v", empty, err)
	}
}

func testSearch(t *testing.T, s store.Store) {
	mustAppend(t, s, seedArticle(),
		Article("r1", "https://ru.example/1", "RU", day("2024-06-01"), []string{"Russia threatens Ukraine over gas supplies"},
			Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 1}))
	hits, err := s.Search(ctx, store.SearchQuery{Text: "attack"}) // stemmed: "attacked"
	if err != nil || len(hits) != 1 || hits[0].ArticleID != "a1" || len(hits[0].Events) != 4 || !strings.Contains(hits[0].Snippet, "[") {
		t.Fatalf("Search(attack) = %+v, %v", hits, err)
	}
	for _, q := range []string{`"`, `AND (`, `'; DROP TABLE articles; --`, `NEAR(a b)`, `*`, strings.Repeat("x ", 5000)} {
		if _, err := s.Search(ctx, store.SearchQuery{Text: q}); err != nil {
			t.Errorf("Search(%.20q): %v", q, err)
		}
	}
	if hits, _ := s.Search(ctx, store.SearchQuery{Text: "gas", Offset: 1}); len(hits) != 0 {
		t.Errorf("offset past the hits: %+v", hits)
	}
}

func testCancelled(t *testing.T, s store.Store) {
	c, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := s.Append(c, []store.Coded{seedArticle()}); err == nil {
		t.Error("Append with a cancelled context succeeded")
	}
	if _, err := s.Events(c, store.EventQuery{}); err == nil {
		t.Error("Events with a cancelled context succeeded")
	}
}

// Generator makes invented articles and events for benchmarks: Events
// events among Actors actors (popular ones much more often, as in news:
// Zipf-distributed) over Years years from 2015-01-01, ten events to an
// article, each in a sentence of its own.
type Generator struct {
	Events, Actors, Years int
	Seed                  uint64
}

// Actor returns the code of the i-th most popular actor.
func (g Generator) Actor(i int) string { return fmt.Sprintf("X%04d", i) }

// Batches calls fn with batches of n articles until Events events are
// made.
func (g Generator) Batches(n int, fn func([]store.Coded) error) error {
	r := rand.New(rand.NewPCG(g.Seed, 15))
	zipf := rand.NewZipf(r, 1.2, 4, uint64(g.Actors-1))
	codes := []string{"010", "020", "036", "040", "042", "051", "057", "061", "071", "081", "0871", "090", "111", "112", "120", "130", "138", "141", "160", "172", "180", "190", "193", "195"}
	start := day("2015-01-01")
	days := int(start.AddDate(g.Years, 0, 0).Sub(start).Hours() / 24)
	var batch []store.Coded
	for made, a := 0, 0; made < g.Events; a++ {
		pub := start.AddDate(0, 0, r.IntN(days))
		var sents []string
		var evs []Ev
		for i := 0; i < 10 && made < g.Events; i, made = i+1, made+1 {
			src := int(zipf.Uint64())
			tgt := int(zipf.Uint64())
			for tgt == src {
				tgt = r.IntN(g.Actors)
			}
			code := codes[r.IntN(len(codes))]
			sents = append(sents, fmt.Sprintf("%s did %s to %s in report %d.", g.Actor(src), code, g.Actor(tgt), a))
			evs = append(evs, Ev{Source: g.Actor(src), SourceName: g.Actor(src), Target: g.Actor(tgt), TargetName: g.Actor(tgt), Code: code, Sentence: i + 1})
		}
		batch = append(batch, Article(fmt.Sprintf("g%08d", a), fmt.Sprintf("https://gen.example/%d", a), fmt.Sprintf("Source %d", a%50), pub, sents, evs...))
		if len(batch) == n {
			if err := fn(batch); err != nil {
				return err
			}
			batch = nil
		}
	}
	if len(batch) > 0 {
		return fn(batch)
	}
	return nil
}

// bulkStream is a load for testBulk: generated articles whose events
// often merge (few actors, one year), among them, early, the same
// articles again, a changed one, one at another address and a
// near-duplicate, and an event with two to join.
func bulkStream() [][]store.Coded {
	var out [][]store.Coded
	Generator{Events: 3000, Actors: 12, Years: 1, Seed: 3}.Batches(40, func(b []store.Coded) error {
		out = append(out, b)
		return nil
	})
	first := out[0]
	changed := first[1]
	changed.Sentences = slices.Clone(changed.Sentences)
	changed.Sentences[0].Text += " Later denied."
	changed.Article.Text = strings.Replace(changed.Article.Text, first[1].Sentences[0].Text, changed.Sentences[0].Text, 1)
	moved := first[2]
	moved.Article.URL = "https://mirror.example/2"
	near := first[3]
	near.Article.ID, near.Article.URL, near.Article.DuplicateOf = "near", "https://near.example/3", first[3].Article.ID
	// Two events that one article's event could join at the same
	// distance in time: it joins the one with the lower ID.
	tie := Ev{Source: "X0000", SourceName: "X0000", Target: "X0001", TargetName: "X0001", Code: "190", Date: "2015-03-02"}
	t2 := tie
	t2.Sentence, tie.Sentence = 2, 1
	ties := Article("tie1", "https://tie.example/1", "Tie", day("2015-03-02"), []string{"X0000 attacked X0001.", "X0000 attacked X0001 again."}, tie, t2)
	joins := Article("tie2", "https://tie.example/2", "Other", day("2015-03-02"), []string{"X0000 attacked X0001."}, tie)
	// Early, so that the first of testBulk's loads, into the empty
	// store, has them.
	return slices.Insert(out, 2, []store.Coded{first[0], changed, moved, near, seedArticle(), ties, joins})
}

// contents is what a store answers about everything it has, for
// comparing two stores: every event (without DateAdded, the time of
// storing), a few articles, a dyad's series, a search.
func contents(t *testing.T, s store.Store) string {
	t.Helper()
	evs := all(t, s, store.EventQuery{Sort: store.ByID, Limit: store.MaxLimit})
	for i := range evs {
		evs[i].DateAdded = nil
	}
	var b strings.Builder
	j, _ := json.Marshal(evs)
	fmt.Fprintf(&b, "%d events: %s\n", len(evs), j)
	for _, id := range []string{"g00000000", "g00000001", "g00000002", "near", "a1", "tie1", "tie2", "g00000299"} {
		v, err := s.Article(ctx, id)
		if err != nil {
			fmt.Fprintf(&b, "article %s: %v\n", id, err)
			continue
		}
		v.Article.Added = time.Time{}
		for i := range v.Events {
			v.Events[i].DateAdded = nil
		}
		j, _ := json.Marshal(v)
		fmt.Fprintf(&b, "article %s: %s\n", id, j)
	}
	g := Generator{}
	ser, err := s.Series(ctx, store.SeriesQuery{A: g.Actor(0), B: g.Actor(1), Interval: store.Week, IDs: 100})
	j, _ = json.Marshal(ser)
	fmt.Fprintf(&b, "series: %s %v\n", j, err)
	for _, q := range []string{g.Actor(5) + " denied", g.Actor(7)} {
		hits, err := s.Search(ctx, store.SearchQuery{Text: q, Limit: 100})
		for i := range hits {
			for j := range hits[i].Events {
				hits[i].Events[j].DateAdded = nil
			}
		}
		j, _ = json.Marshal(hits)
		fmt.Fprintf(&b, "search %q: %s %v\n", q, j, err)
	}
	return b.String()
}

// testBulk loads the same articles with Append, batch by batch, and in a
// bulk load, into an empty store and into one that has articles: the
// results and the stores must be the same. A load rolled back leaves the
// store as it was.
func testBulk(t *testing.T, open Opener) {
	stream := bulkStream()
	ref := open(t)
	defer ref.Close()
	var want []store.Result
	for _, b := range stream {
		want = append(want, mustAppend(t, ref, b...)...)
	}
	s := open(t)
	defer s.Close()
	bl, ok := s.(store.BulkLoader)
	if !ok {
		t.Skip("the store does not load in bulk")
	}
	load := func(batches [][]store.Coded) []store.Result {
		t.Helper()
		bk, err := bl.Bulk(ctx)
		if err != nil {
			t.Fatalf("Bulk: %v", err)
		}
		var got []store.Result
		for _, b := range batches {
			res, err := bk.Append(ctx, b)
			if err != nil {
				t.Fatalf("Bulk.Append: %v", err)
			}
			got = append(got, res...)
		}
		if err := bk.Commit(ctx); err != nil {
			t.Fatalf("Bulk.Commit: %v", err)
		}
		return got
	}
	// A load rolled back leaves the empty store empty.
	bk, err := bl.Bulk(ctx)
	if err != nil {
		t.Fatalf("Bulk: %v", err)
	}
	if _, err := bk.Append(ctx, stream[0]); err != nil {
		t.Fatalf("Bulk.Append: %v", err)
	}
	if err := bk.Rollback(); err != nil {
		t.Fatalf("Bulk.Rollback: %v", err)
	}
	if evs := all(t, s, store.EventQuery{}); len(evs) != 0 {
		t.Fatalf("%d events after a load rolled back, want none", len(evs))
	}
	// A write that fails (two sentences with one index) fails the load,
	// by that Append or a later call (a bulk load may write a batch after
	// its Append returned), and the load rolled back leaves the store
	// empty.
	bad := stream[0][0]
	bad.Sentences = append(slices.Clone(bad.Sentences), bad.Sentences[0])
	if bk, err = bl.Bulk(ctx); err != nil {
		t.Fatalf("Bulk: %v", err)
	}
	_, err = bk.Append(ctx, []store.Coded{bad})
	if err == nil {
		_, err = bk.Append(ctx, stream[1])
	}
	if err == nil {
		err = bk.Commit(ctx)
	}
	if err == nil {
		t.Fatal("a bulk load with two sentences of one index succeeded")
	}
	bk.Rollback()
	if evs := all(t, s, store.EventQuery{}); len(evs) != 0 {
		t.Fatalf("%d events after a failed load, want none", len(evs))
	}
	// Half the articles in one load into the empty store, the rest in
	// another into the store that now has them.
	half := len(stream) / 2
	got := append(load(stream[:half]), load(stream[half:])...)
	if g, w := fmt.Sprint(got), fmt.Sprint(want); g != w {
		t.Errorf("bulk results differ from Append's:\n got %.400s\nwant %.400s", g, w)
	}
	if g, w := contents(t, s), contents(t, ref); g != w {
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("the bulk-loaded store differs from the appended one at byte %d:\n got …%.300s\nwant …%.300s", i, g[max(i-100, 0):], w[max(i-100, 0):])
			}
		}
		t.Fatalf("the bulk-loaded store differs from the appended one (%d bytes, want %d)", len(g), len(w))
	}
	// The store goes on as any other: the same articles again change
	// nothing.
	if got := outcomes(mustAppend(t, s, stream[0][0], stream[1][0], stream[len(stream)-1][1])); got != "unchanged unchanged unchanged" {
		t.Errorf("appending loaded articles again = %s, want unchanged", got)
	}
	// The full-text index was built: the changed article's new words
	// are found, in it alone.
	if hits, err := s.Search(ctx, store.SearchQuery{Text: "denied"}); err != nil || len(hits) != 1 || hits[0].ArticleID != "g00000001" {
		t.Errorf("Search(denied) after bulk loads = %+v, %v; want g00000001", hits, err)
	}
}
