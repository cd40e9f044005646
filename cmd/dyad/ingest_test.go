package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"dyad/internal/parsertest"
	"dyad/internal/sharedtest"
	"dyad/server"
	"dyad/store"
)

// dumpDB returns the content of a SQLite store as text, table by table in
// key order, leaving out the times of ingest (added, date_added), which
// differ from run to run.
// hasTable reports whether the SQLite database at path has the table.
func hasTable(t *testing.T, path, table string) bool {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?`, table).Scan(&n); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return n > 0
}

func dumpDB(t *testing.T, path string) string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := []string{
		`SELECT id, name FROM sources ORDER BY id`,
		`SELECT id, canonical_url, url, source_id, title, byline, published, language, origin, dup_group, text, content_hash FROM articles ORDER BY id`,
		`SELECT url, article_id FROM article_urls ORDER BY url`,
		`SELECT * FROM sentences ORDER BY article_id, idx`,
		`SELECT rowid, title, text FROM articles_fts ORDER BY rowid`,
		`SELECT * FROM actors ORDER BY code`,
		`SELECT * FROM actor_names ORDER BY code, name`,
		`SELECT id, day, a1_code, a1_name, a2_code, a2_name, code, modality, is_root, quad_class, goldstein, num_mentions, num_sources, num_articles, article_id, published, date_value, date_precision FROM events ORDER BY id`,
		`SELECT * FROM mentions ORDER BY id`,
	}
	var b strings.Builder
	for _, q := range queries {
		rows, err := db.Query(q)
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		cols, _ := rows.Columns()
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		n := 0
		for rows.Next() {
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			fmt.Fprintln(&b, vals...)
			n++
		}
		rows.Close()
		fmt.Fprintf(&b, "-- %d rows: %s\n", n, q)
	}
	return b.String()
}

// TestIngestSeed is issue 15's acceptance test: the seed article and the
// examples ingested (dated 2007-06-07, as the seed gives no date), the
// API's dyad Islamic Army in Iraq ↔ al-Qaeda shows the restored ties, the
// clashes both ways and the demand, each event linked to its sentence;
// ingesting again changes nothing. (The seed's truce sentence names no
// actor, and the coder codes no event from it.)
func TestIngestSeed(t *testing.T) {
	parsertest.Pipeline(t)
	seed := sharedtest.Path(t, "..", "seed")
	db := filepath.Join(t.TempDir(), "dyad.db")
	args := []string{"ingest", seed, filepath.Join("..", "..", "examples"), "--db", db, "--date", "2007-06-07", "-q"}
	out := runDyad(t, args...)
	// Ten articles, and a wire copy of one (examples/iraq-2007), stored
	// as its near-duplicate.
	if !strings.Contains(out, "ingest: 10 articles new, 0 unchanged, 1 duplicate") {
		t.Fatalf("first ingest: %s", out)
	}
	before := dumpDB(t, db)
	out = runDyad(t, args...)
	if !strings.Contains(out, "ingest: 0 articles new, 11 unchanged, 0 duplicate, 0 replaced, 0 failed; 0 events added") {
		t.Errorf("second ingest: %s", out)
	}
	if after := dumpDB(t, db); after != before {
		t.Errorf("ingesting again changed the store")
	}

	st, err := store.OpenSQLite(context.Background(), db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	srv, err := server.New(st, server.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	var dyad struct {
		AB     []store.Point `json:"a_to_b"`
		BA     []store.Point `json:"b_to_a"`
		Events map[string]struct {
			Code, Label string
			Source      struct{ Code string }
			Target      struct{ Code string }
			Mentions    []struct {
				ArticleID                    string `json:"article_id"`
				Sentence, Start, End         int
				Text                         string
				SourceSpan, TargetSpan, Verb struct{ Start, End int }
			}
		}
	}
	getJSON(t, ts.URL+"/api/dyads/IRQREB/IMGMUSALQ?interval=week&events=50", &dyad)
	// The examples' storyline (examples/iraq-2007) starts on Sunday 19
	// November 2006, in the week of the 13th.
	if len(dyad.AB) == 0 || len(dyad.BA) == 0 || !dyad.AB[0].Start.Equal(time.Date(2006, 11, 13, 0, 0, 0, 0, time.UTC)) {
		t.Fatalf("dyad series: %+v / %+v", dyad.AB, dyad.BA)
	}
	var found []string
	texts := map[string]string{}
	for _, e := range dyad.Events {
		found = append(found, e.Source.Code+">"+e.Target.Code+":"+e.Code[:2])
		for _, m := range e.Mentions {
			if _, ok := texts[m.ArticleID]; !ok {
				var a store.ArticleView
				getJSON(t, ts.URL+"/api/articles/"+m.ArticleID, &a)
				texts[m.ArticleID] = a.Article.Text
			}
			text := texts[m.ArticleID]
			if m.End > len(text) || m.Start < 0 || text[m.Start:m.End] != m.Text || m.Verb.Start < m.Start || m.Verb.End > m.End {
				t.Errorf("event %s: mention of sentence %d does not point at it in article %s", e.Code, m.Sentence, m.ArticleID)
			}
		}
	}
	for _, want := range []string{
		"IRQREB>IMGMUSALQ:05", // restores ties: the alliance
		"IRQREB>IMGMUSALQ:19", // the clashes, both ways
		"IMGMUSALQ>IRQREB:19",
		"IRQREB>IMGMUSALQ:10", // the demand to stop killing civilians
	} {
		if !slices.Contains(found, want) {
			t.Errorf("the dyad lacks %s; it has %v", want, found)
		}
	}
}

func getJSON(t *testing.T, url string, v any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Fatalf("%s: status %d", url, resp.StatusCode)
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		t.Fatal(err)
	}
}

// TestMain lets the crash test run this test binary as the dyad command.
func TestMain(m *testing.M) {
	if os.Getenv("DYAD_TEST_RUN_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// writeCorpus writes n short articles of invented news, each different,
// with a date line, for the crash test.
func writeCorpus(t *testing.T, dir string, n int) {
	t.Helper()
	actors := []string{"Russia", "Ukraine", "France", "Germany", "China", "Japan", "Iran", "Iraq", "Turkey", "Egypt", "Israel", "Syria", "India", "Pakistan"}
	verbs := []string{"accused", "praised", "threatened", "met", "criticised", "attacked", "thanked", "condemned"}
	r := rand.New(rand.NewPCG(15, 500))
	for i := range n {
		pick := func() (string, string) {
			a := actors[r.IntN(len(actors))]
			b := actors[r.IntN(len(actors))]
			for b == a {
				b = actors[r.IntN(len(actors))]
			}
			return a, b
		}
		a, b := pick()
		c, d := pick()
		text := fmt.Sprintf("%s %s %s in dispute number %d\n\n%s %s %s on Monday, officials said in report %d.\n\n%s %s %s over the border.\n\n%s later %s %s.\n",
			a, verbs[r.IntN(len(verbs))], b, i, a, verbs[r.IntN(len(verbs))], b, i, c, verbs[r.IntN(len(verbs))], d, d, verbs[r.IntN(len(verbs))], c)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%03d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ingestCmd is the test binary run as dyad ingest of a writeCorpus corpus
// into db, in batches of 8 on two workers, with the extra flags.
func ingestCmd(corpus, db string, extra ...string) *exec.Cmd {
	args := append([]string{"ingest", corpus, "--db", db, "--date", "2024-03-01", "--no-dedup", "--batch", "8", "--workers", "2", "-q"}, extra...)
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "DYAD_TEST_RUN_MAIN=1")
	return cmd
}

// TestIngestCrash kills dyad ingest with SIGKILL at random moments over
// 500 articles, runs it again to the end, and checks the store equals
// that of one uninterrupted run.
func TestIngestCrash(t *testing.T) {
	parsertest.Pipeline(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	writeCorpus(t, corpus, 500)
	ingest := func(db string) *exec.Cmd { return ingestCmd(corpus, db) }
	clean := filepath.Join(dir, "clean.db")
	t0 := time.Now()
	if out, err := ingest(clean).CombinedOutput(); err != nil {
		t.Fatalf("uninterrupted run: %v\n%s", err, out)
	}
	full := time.Since(t0)
	want := dumpDB(t, clean)
	if !strings.Contains(want, "-- 500 rows: SELECT id, canonical_url") {
		t.Fatalf("the uninterrupted run did not store 500 articles")
	}
	var events int
	for _, line := range strings.Split(want, "\n") {
		if strings.HasSuffix(line, "FROM events ORDER BY id") {
			fmt.Sscanf(line, "-- %d rows", &events)
		}
	}
	if events < 500 {
		t.Fatalf("the uninterrupted run stored %d events, want at least 500", events)
	}
	t.Logf("uninterrupted run: 500 articles, %d events, %v", events, full.Round(time.Millisecond))

	crashed := filepath.Join(dir, "crashed.db")
	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 15))
	kills := 0
	for range 4 {
		// A moment between the start and the end of a whole run.
		wait := time.Duration(r.Int64N(int64(full)))
		if killAfter(t, ingest(crashed), wait) {
			kills++
		}
		t.Logf("run killed after %v", wait.Round(time.Millisecond))
	}
	if out, err := ingest(crashed).CombinedOutput(); err != nil {
		t.Fatalf("the run after the kills: %v\n%s", err, out)
	}
	if got := dumpDB(t, crashed); got != want {
		g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("after %d kills the store differs from an uninterrupted run's, first at line %d:\n got %.300s\nwant %.300s", kills, i+1, g[i], w[i])
			}
		}
		t.Fatalf("after %d kills the store differs from an uninterrupted run's (%d lines, want %d)", kills, len(g), len(w))
	}
	t.Logf("%d kills; the store equals the uninterrupted run's", kills)
}

// killAfter starts cmd and kills it with SIGKILL after wait, unless it
// ends before; it says whether it was killed.
func killAfter(t *testing.T, cmd *exec.Cmd, wait time.Duration) bool {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case <-done:
		return false
	case <-time.After(wait):
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		return true
	}
}

// TestIngestBulk runs dyad ingest --bulk over 150 articles into an empty
// store, killed with SIGKILL at a random moment first: the killed run
// leaves the store without articles, the next stores what an ingest in
// batches stores, and another changes nothing.
func TestIngestBulk(t *testing.T) {
	parsertest.Pipeline(t)
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	writeCorpus(t, corpus, 150)
	ingest := func(db string, bulk bool) *exec.Cmd {
		if bulk {
			return ingestCmd(corpus, db, "--bulk")
		}
		return ingestCmd(corpus, db)
	}
	batched := filepath.Join(dir, "batched.db")
	t0 := time.Now()
	if out, err := ingest(batched, false).CombinedOutput(); err != nil {
		t.Fatalf("ingest in batches: %v\n%s", err, out)
	}
	full := time.Since(t0)
	want := dumpDB(t, batched)
	if !strings.Contains(want, "-- 150 rows: SELECT id, canonical_url") {
		t.Fatalf("the ingest in batches did not store 150 articles")
	}

	bulk := filepath.Join(dir, "bulk.db")
	if wait := time.Duration(rand.Int64N(int64(full))); !killAfter(t, ingest(bulk, true), wait) {
		t.Logf("the bulk run ended before it was to be killed (%v)", wait.Round(time.Millisecond))
	} else {
		// A kill before the schema's first transaction committed leaves a
		// file without tables: an empty store, as a rerun finds it. A kill
		// after the load committed, while the process was closing, leaves
		// the whole load: all or nothing, never a part.
		if _, err := os.Stat(bulk); err == nil && hasTable(t, bulk, "articles") {
			got := dumpDB(t, bulk)
			empty := strings.Contains(got, "-- 0 rows: SELECT id, canonical_url") && strings.Contains(got, "-- 0 rows: SELECT rowid, title, text FROM articles_fts")
			if !empty && got != want {
				t.Fatalf("a bulk run killed after %v left part of the load:\n%.500s", wait.Round(time.Millisecond), got)
			}
			t.Logf("bulk run killed after %v, the store has all articles or none (empty: %v)", wait.Round(time.Millisecond), empty)
		}
	}
	for i := range 2 {
		out, err := ingest(bulk, true).CombinedOutput()
		if err != nil {
			t.Fatalf("bulk run %d: %v\n%s", i+1, err, out)
		}
		if got := dumpDB(t, bulk); got != want {
			g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
			for j := range min(len(g), len(w)) {
				if g[j] != w[j] {
					t.Fatalf("bulk run %d: the store differs from the ingest in batches, first at line %d:\n got %.300s\nwant %.300s", i+1, j+1, g[j], w[j])
				}
			}
			t.Fatalf("bulk run %d: the store differs from the ingest in batches (%d lines, want %d)", i+1, len(g), len(w))
		}
		if i == 1 && !strings.Contains(string(out), "0 articles new, 150 unchanged") {
			t.Errorf("a second bulk run: %s, want 150 unchanged", out)
		}
	}
}
