package server_test

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"flag"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"dyad/server"
	"dyad/store"
	"dyad/store/storetest"
)

var update = flag.Bool("update", false, "rewrite docs/API.md")

func day(s string) time.Time {
	t, _ := time.Parse("2006-01-02", s)
	return t
}

// fixture is a store with a few articles and a server over it.
func fixture(t *testing.T, opts server.Options) (*httptest.Server, store.Store, *server.Server) {
	t.Helper()
	s, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	_, err = s.Append(context.Background(), []store.Coded{
		storetest.Article("a1", "https://news.example/a1", "Example", day("2024-01-01"),
			[]string{"Rebels and the army agree a truce", "Talks in the capital.", "The rebels attacked an army post."},
			storetest.Ev{Source: "IRQREB", SourceName: "Rebels", Target: "IRQMIL", TargetName: "the army", Code: "0871", Sentence: 1},
			storetest.Ev{Source: "IRQREB", SourceName: "The rebels", Target: "IRQMIL", TargetName: "an army post", Code: "190", Sentence: 3, Place: "Baghdad"}),
		storetest.Article("r1", "https://ru.example/1", "RU", day("2024-06-01"), []string{"Russia threatens Ukraine over gas"},
			storetest.Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 1}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if opts.WriteToken != "" {
		opts.Writer = s
	}
	srv, err := server.New(s, opts)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts, s, srv
}

func get(t *testing.T, ts *httptest.Server, path string) (int, string, http.Header) {
	t.Helper()
	resp, err := http.Get(ts.URL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b), resp.Header
}

func TestEndpoints(t *testing.T) {
	ts, _, _ := fixture(t, server.Options{})
	tests := []struct {
		path string
		want []string // substrings of the answer
	}{
		{"/healthz", []string{`"status":"ok"`}},
		{"/metrics", []string{"go_goroutines"}},
		{"/api/openapi.json", []string{`"openapi": "3.0.3"`}},
		{"/api/events?dyad=IRQMIL,IRQREB&from=2024-01-01&to=2024-12-31", []string{`"code":"0871"`, `"code":"190"`, `"article_id":"a1"`}},
		{"/api/events?actor=RUS&sort=-goldstein&limit=1", []string{`"code":"138"`}},
		{"/api/events?q=gas", []string{`"code":"138"`}},
		{"/api/events?country=IQ&adm1=IQ.07&bbox=38,29,49,38", []string{`"code":"190"`, `"country_code":"IQ"`}},
		{"/api/events?dyad=IRQMIL,IRQREB&direction=forward", []string{`{"events":[]}`}},
		{"/api/articles/a1", []string{`"text":"Rebels and the army agree a truce`, `"sentences":[`, `"evidence":[`, `"source_span":`}},
		{"/api/actors?name=russ", []string{`"code":"RUS"`}},
		{"/api/actors/IRQREB?interval=week", []string{`"partners":[{"code":"IRQMIL","as_source":2`, `"timeline":[`}},
		{"/api/dyads/IRQREB/IRQMIL?interval=month&events=5", []string{`"a_to_b":[{"start":"2024-01-01T00:00:00Z","quad":[0,1,0,1]`, `"b_to_a":[]`, `"events":{"`}},
		{"/api/network?from=2024-01-01&to=2024-12-31&top=10", []string{`"nodes":[`, `"source":"IRQREB","target":"IRQMIL","events":2`}},
		{"/api/search?q=attacked", []string{`"article_id":"a1"`, `"snippet":"`, `"events":[`}},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			code, body, _ := get(t, ts, tc.path)
			if code != 200 {
				t.Fatalf("status %d: %s", code, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("answer lacks %s:\n%.600s", w, body)
				}
			}
		})
	}
	// Every page of a paged listing, by its cursor.
	code, body, _ := get(t, ts, "/api/events?limit=1&sort=id")
	type pageJSON struct {
		Events []json.RawMessage
		Next   string
	}
	seen := 0
	for i := 0; code == 200 && i < 10; i++ {
		var page pageJSON
		if err := json.Unmarshal([]byte(body), &page); err != nil {
			t.Fatal(err)
		}
		seen += len(page.Events)
		if page.Next == "" {
			break
		}
		code, body, _ = get(t, ts, "/api/events?limit=1&sort=id&cursor="+url.QueryEscape(page.Next))
	}
	if seen != 3 {
		t.Errorf("%d events over the pages (last status %d), want 3", seen, code)
	}
	_, id, _ := strings.Cut(body, `"id":`)
	id, _, _ = strings.Cut(id, ",")
	if code, body, _ := get(t, ts, "/api/events/"+id); code != 200 || !strings.Contains(body, `"id":`+id) {
		t.Errorf("/api/events/%s: %d %s", id, code, body)
	}
}

func TestExport(t *testing.T) {
	ts, _, _ := fixture(t, server.Options{})
	code, body, h := get(t, ts, "/api/events?format=csv&max=2&limit=1")
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if code != 200 || err != nil || len(rows) != 3 || rows[0][0] != "GlobalEventID" || !strings.HasPrefix(h.Get("Content-Type"), "text/csv") {
		t.Errorf("csv: %d, %v, %d rows:\n%s", code, err, len(rows), body)
	}
	code, body, _ = get(t, ts, "/api/events?format=tsv")
	lines := strings.Split(strings.TrimSpace(body), "\n")
	if code != 200 || len(lines) != 4 || !strings.HasPrefix(lines[0], "GlobalEventID\tDay") || len(strings.Split(lines[1], "\t")) != len(strings.Split(lines[0], "\t")) {
		t.Errorf("tsv: %d\n%s", code, body)
	}
	code, body, _ = get(t, ts, "/api/events?format=jsonl&actor=IRQ")
	sc := bufio.NewScanner(strings.NewReader(body))
	n := 0
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Errorf("jsonl line %d: %v", n+1, err)
		}
		n++
	}
	if code != 200 || n != 2 {
		t.Errorf("jsonl: %d, %d lines", code, n)
	}
}

// TestBadRequests checks that each kind of bad request gets a 4xx whose
// JSON error names the bad parameter.
func TestBadRequests(t *testing.T) {
	ts, s, _ := fixture(t, server.Options{})
	tests := []struct {
		name, path string
		status     int
		param      string
	}{
		{"malformed date", "/api/events?from=2024-13-45", 400, "from"},
		{"date words", "/api/events?to=yesterday", 400, "to"},
		{"year out of range", "/api/events?from=0001-01-01", 400, "from"},
		{"dates reversed", "/api/events?from=2024-02-01&to=2024-01-01", 400, "to"},
		{"huge limit", "/api/events?limit=100000000", 400, "limit"},
		{"limit overflow", "/api/events?limit=99999999999999999999999", 400, "limit"},
		{"negative limit", "/api/events?limit=-1", 400, "limit"},
		{"huge export", "/api/events?format=csv&max=1000000000", 400, "max"},
		{"huge top", "/api/network?from=2024-01-01&to=2024-02-01&top=100000", 400, "top"},
		{"network window too long", "/api/network?from=1900-01-01&to=2024-01-01", 400, "to"},
		{"network without window", "/api/network", 400, "from"},
		{"huge offset", "/api/search?q=x&offset=99999999", 400, "offset"},
		{"too many point events", "/api/dyads/A/B?events=1000", 400, "events"},
		{"SQL in actor", "/api/events?actor=" + url.QueryEscape("' OR 1=1 --"), 400, "actor"},
		{"SQL in code", "/api/events?code=" + url.QueryEscape("19; DROP TABLE events"), 400, "code"},
		{"SQL in sort", "/api/events?sort=" + url.QueryEscape("id; DROP TABLE events"), 400, "sort"},
		{"SQL in dyad", "/api/dyads/" + url.PathEscape("A' OR '1'='1") + "/B", 400, "a"},
		{"SQL in event ID", "/api/events/" + url.PathEscape("1 OR 1=1"), 400, "id"},
		{"unknown parameter", "/api/events?acter=IRQ", 400, "acter"},
		{"repeated parameter", "/api/events?actor=IRQ&actor=RUS", 400, "actor"},
		{"parameter on a path without any", "/api/articles/a1?x=1", 400, "x"},
		{"bad cursor", "/api/events?cursor=bm90IGEgY3Vyc29y", 400, "cursor"},
		{"cursor of another sort", "/api/events?sort=-date&cursor=" + (&store.Cursor{Sort: store.ByDate, Key: 1, ID: 1}).String(), 400, "cursor"},
		{"unknown format", "/api/events?format=xml", 400, "format"},
		{"max on a page", "/api/events?max=5", 400, "max"},
		{"quad out of range", "/api/events?quad_class=5", 400, "quad_class"},
		{"country of three letters", "/api/events?country=IRQ", 400, "country"},
		{"division without country", "/api/events?adm1=07", 400, "adm1"},
		{"box of three numbers", "/api/events?bbox=1,2,3", 400, "bbox"},
		{"box off the globe", "/api/events?bbox=-200,0,10,10", 400, "bbox"},
		{"box upside down", "/api/events?bbox=0,40,10,10", 400, "bbox"},
		{"box of words", "/api/events?bbox=west,south,east,north", 400, "bbox"},
		{"direction without dyad", "/api/events?direction=forward", 400, "direction"},
		{"one-sided dyad", "/api/events?dyad=IRQ", 400, "dyad"},
		{"long text", "/api/events?q=" + strings.Repeat("a", 300), 400, "q"},
		{"control characters", "/api/events?actor_name=%00x", 400, "actor_name"},
		{"invalid UTF-8", "/api/search?q=%ff%fe", 400, "q"},
		{"search without words", "/api/search?q=", 400, "q"},
		{"actors without a filter", "/api/actors", 400, "prefix"},
		{"unknown interval", "/api/actors/IRQREB?interval=year", 400, "interval"},
		{"path dot segments", "/api/articles/../../etc/passwd", 400, "path"},
		{"encoded slash", "/api/articles/..%2F..%2Fetc%2Fpasswd", 400, "path"},
		{"encoded dot segment", "/api/articles/%2e%2e", 400, "path"},
		{"backslash", "/api/articles/..%5c..%5cwin.ini", 400, "path"},
		{"double slash", "/api//events", 400, "path"},
		{"unknown endpoint", "/api/nothing", 404, "path"},
		{"unknown article", "/api/articles/nope", 404, ""},
		{"unknown actor", "/api/actors/ZZZ", 404, ""},
		{"unknown event", "/api/events/42", 404, ""},
		{"write without a token configured", "POST /api/articles", 404, "path"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			method, path := "GET", tc.path
			if m, p, ok := strings.Cut(tc.path, " "); ok {
				method, path = m, p
			}
			req, _ := http.NewRequest(method, ts.URL, strings.NewReader("[]"))
			u, _ := url.Parse(ts.URL)
			// Send the path as written, dot segments and all.
			req.URL = &url.URL{Scheme: u.Scheme, Host: u.Host, Opaque: "//" + u.Host + strings.SplitN(path, "?", 2)[0]}
			if _, q, ok := strings.Cut(path, "?"); ok {
				req.URL.RawQuery = q
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			var e struct {
				Error struct {
					Status  int
					Param   string
					Message string
				}
			}
			body, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, body)
			}
			if err := json.Unmarshal(body, &e); err != nil || e.Error.Status != tc.status || e.Error.Param != tc.param || e.Error.Message == "" {
				t.Errorf("error %s (%v), want param %q", body, err, tc.param)
			}
		})
	}
	// Nothing above touched the data.
	p, err := s.Events(context.Background(), store.EventQuery{})
	if err != nil || len(p.Events) != 3 {
		t.Errorf("after the bad requests: %d events, %v", len(p.Events), err)
	}
}

func TestWrite(t *testing.T) {
	ts, s, _ := fixture(t, server.Options{WriteToken: "sesame", MaxBody: 4096})
	art := storetest.Article("w1", "https://w.example/1", "W", day("2024-02-01"), []string{"France and Germany meet"},
		storetest.Ev{Source: "FRA", SourceName: "France", Target: "DEU", TargetName: "Germany", Code: "040", Sentence: 1})
	good, _ := json.Marshal([]store.Coded{art})
	post := func(token, body string) (int, string) {
		req, _ := http.NewRequest("POST", ts.URL+"/api/articles", strings.NewReader(body))
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	tests := []struct {
		name, token, body string
		status            int
		want              string
	}{
		{"no token", "", string(good), 401, `"param":"Authorization"`},
		{"wrong token", "open", string(good), 401, `"param":"Authorization"`},
		{"unknown field", "sesame", `[{"article":{"id":"x","text":""},"sentences":[],"events":[],"extra":1}]`, 400, `unknown field \"extra\"`},
		{"not JSON", "sesame", `{`, 400, `"param":"body"`},
		{"trailing data", "sesame", string(good) + "[]", 400, `data after the array`},
		{"path trick in an ID", "sesame", `[{"article":{"id":"../x","text":""},"sentences":[],"events":[]}]`, 400, `"param":"body[0].article.id"`},
		{"offsets outside the text", "sesame", `[{"article":{"id":"x","text":"ab"},"sentences":[{"index":1,"start":0,"end":9}],"events":[]}]`, 400, `"param":"body[0].sentences[0]"`},
		{"too large", "sesame", "[" + strings.Repeat(" ", 5000) + "]", 413, `"param":"body"`},
		{"good", "sesame", string(good), 200, `"outcome":"new"`},
		{"again", "sesame", string(good), 200, `"outcome":"unchanged"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, body := post(tc.token, tc.body)
			if code != tc.status || !strings.Contains(body, tc.want) {
				t.Errorf("%d %s, want %d with %s", code, body, tc.status, tc.want)
			}
		})
	}
	if p, _ := s.Events(context.Background(), store.EventQuery{Actor: "FRA"}); len(p.Events) != 1 {
		t.Errorf("%d events stored through the API, want 1", len(p.Events))
	}
}

// TestRoutesDocumented checks that every route the server has is in the
// OpenAPI document, and every path there is a route.
func TestRoutesDocumented(t *testing.T) {
	var doc struct {
		Paths map[string]map[string]any
	}
	if err := json.Unmarshal(server.OpenAPI(), &doc); err != nil {
		t.Fatal(err)
	}
	ts, _, srv := fixture(t, server.Options{WriteToken: "x"})
	documented := map[string]bool{}
	for p, ops := range doc.Paths {
		for m := range ops {
			documented[strings.ToUpper(m)+" "+p] = true
		}
	}
	routes := append(srv.Routes(), "GET /metrics")
	for _, r := range routes {
		if !documented[r] {
			t.Errorf("route %s is not in openapi.json", r)
		}
		delete(documented, r)
	}
	for r := range documented {
		t.Errorf("openapi.json documents %s, which the server does not have", r)
	}
	for _, r := range routes {
		m, p, _ := strings.Cut(r, " ")
		p = regexp.MustCompile(`\{[a-z]+\}`).ReplaceAllString(p, "X")
		req, _ := http.NewRequest(m, ts.URL+p, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode == 404 && !strings.Contains(p, "X") || resp.StatusCode == 405 {
			t.Errorf("%s: status %d: the route is not served", r, resp.StatusCode)
		}
	}
}

// TestAPIDoc checks docs/API.md against the OpenAPI document; -update
// rewrites it.
func TestAPIDoc(t *testing.T) {
	md, err := server.Markdown()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("..", "docs", "API.md")
	if *update {
		if err := os.WriteFile(path, []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != md {
		t.Errorf("docs/API.md is not the rendering of server/openapi.json (%v): run go test ./server -run TestAPIDoc -update", err)
	}
}

func TestRunStops(t *testing.T) {
	_, _, srv := fixture(t, server.Options{})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	resp, err := http.Get("http://" + ln.Addr().String() + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v", err)
	}
	resp.Body.Close()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve after its context ended: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not stop when its context ended")
	}
}
