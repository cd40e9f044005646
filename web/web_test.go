package web

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestHandler(t *testing.T) {
	h := Handler()
	for _, tc := range []struct {
		name, method, path string
		status             int
		body               string
	}{
		{"root", "GET", "/", 200, map[bool]string{true: `<script defer src="app.js">`, false: "go run ./web/build"}[Built()]},
		{"hidden file", "GET", "/.gitkeep", 404, ""},
		{"post", "POST", "/", 405, ""},
		{"missing", "GET", "/nothing.js", 404, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(tc.method, tc.path, nil))
			if rec.Code != tc.status || !strings.Contains(rec.Body.String(), tc.body) {
				t.Errorf("%s %s: %d %.200q; want %d with %q", tc.method, tc.path, rec.Code, rec.Body.String(), tc.status, tc.body)
			}
			if tc.status == 200 && !strings.Contains(rec.Header().Get("Content-Security-Policy"), "default-src 'self'") {
				t.Errorf("no CSP keeping the page to its origin: %q", rec.Header().Get("Content-Security-Policy"))
			}
		})
	}
}

// openAPI reads the server's contract: each path's GET parameters.
func openAPI(t *testing.T) map[string][]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "server", "openapi.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name string }
		}
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string][]string{}
	for p, ops := range doc.Paths {
		if get, ok := ops["get"]; ok {
			out[p] = []string{}
			for _, prm := range get.Parameters {
				out[p] = append(out[p], prm.Name)
			}
		}
	}
	return out
}

// TestClientMatchesOpenAPI checks the UI's API client against the
// server's OpenAPI document: every address the sources name is a GET
// path there, and the query parameters the pages send are parameters of
// the path they are sent to.
func TestClientMatchesOpenAPI(t *testing.T) {
	paths := openAPI(t)
	src := map[string]string{}
	err := filepath.WalkDir("src", func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".js") {
			b, err := os.ReadFile(p)
			src[p] = string(b)
			return err
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// get('/api/dyads/' + enc(a) + '/' + enc(b), …) is /api/dyads/{a}/{b}.
	call := regexp.MustCompile(`get\('(/api/[^']*)'((?: \+ enc\(\w+\)(?: \+ '/')?)*)`)
	n := 0
	for _, m := range call.FindAllStringSubmatch(src[filepath.Join("src", "api.js")], -1) {
		path := m[1]
		for _, arg := range regexp.MustCompile(`enc\((\w+)\)(?: \+ '/')?`).FindAllStringSubmatch(m[2], -1) {
			path += "{" + arg[1] + "}"
			if strings.HasSuffix(arg[0], "'/'") {
				path += "/"
			}
		}
		if path == "/api/events/{id}" || path == "/api/articles/{id}" || path == "/api/actors/{code}" || path == "/api/dyads/{a}/{b}" || !strings.Contains(path, "{") {
			if _, ok := paths[path]; !ok {
				t.Errorf("api.js calls %s, which server/openapi.json does not have", path)
			}
		} else {
			t.Errorf("api.js calls %s: its path parameter is not named as in server/openapi.json", path)
		}
		n++
	}
	if n < 8 {
		t.Errorf("found %d API calls in api.js; the pattern no longer matches the client", n)
	}
	// The parameters each page sends, by the client function it calls.
	sends := map[string][]string{
		"/api/events":        {"sort", "limit", "cursor", "format", "max", "dyad", "from", "to", "actor"},
		"/api/dyads/{a}/{b}": {"interval", "from", "to"},
		"/api/actors/{code}": {"interval", "partners"},
		"/api/actors":        {"prefix", "name", "limit"},
		"/api/network":       {"from", "to", "top"},
		"/api/search":        {"q", "limit", "offset"},
		"/api/articles/{id}": {},
		"/api/openapi.json":  {},
		"/api/events/{id}":   {},
		"/healthz":           {},
		"/metrics":           {},
	}
	filters := regexp.MustCompile(`const FILTERS = \[([^\]]*)\]`).FindStringSubmatch(src[filepath.Join("src", "pages", "events.js")])
	if filters == nil {
		t.Fatal("events.js has no FILTERS list")
	}
	for _, f := range regexp.MustCompile(`'(\w+)'`).FindAllStringSubmatch(filters[1], -1) {
		sends["/api/events"] = append(sends["/api/events"], f[1])
	}
	for path, params := range sends {
		have, ok := paths[path]
		if !ok {
			t.Errorf("%s is not in server/openapi.json", path)
		}
		for _, p := range params {
			if !slices.Contains(have, p) {
				t.Errorf("the UI sends %s to %s, which server/openapi.json does not define", p, path)
			}
		}
	}
}

// TestBundleOffline checks the built bundle loads nothing from outside:
// no http(s) URL in the page, and no @import or url() to another host.
func TestBundleOffline(t *testing.T) {
	if !Built() {
		if os.Getenv("CI") == "true" || os.Getenv("DYAD_REQUIRE_SHARED") == "1" {
			t.Fatal("the UI is not built: scripts/test.sh builds it (scripts/ui.sh) before the tests")
		}
		t.Skip("the UI is not built: run scripts/ui.sh")
	}
	html, err := dist.ReadFile("dist/index.html")
	if err != nil {
		t.Fatal(err)
	}
	css, err := dist.ReadFile("dist/app.css")
	if err != nil {
		t.Fatal(err)
	}
	if regexp.MustCompile(`(src|href)="(https?:)?//`).Match(html) {
		t.Errorf("index.html loads from another host")
	}
	if m := regexp.MustCompile(`url\(["']?(https?:)?//[^)]*\)|@import`).Find(css); m != nil {
		t.Errorf("app.css loads %s", m)
	}
}
