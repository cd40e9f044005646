package web

import (
	"embed"
	"io/fs"
	"net/http"
	"strings"
)

// dist holds the bundle; "all:" keeps the committed .gitkeep, so that the
// pattern matches (and the package compiles) before the first build.
//
//go:embed all:dist
var dist embed.FS

// Built reports whether the binary carries the UI's bundle.
func Built() bool {
	_, err := fs.Stat(dist, "dist/index.html")
	return err == nil
}

// csp keeps the page to its own origin: no CDN, font or tracker can load,
// so that what the tests see works offline. Styles may be inline because
// the chart and map libraries set them.
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"

// notBuilt is the page / shows when the binary has no bundle.
const notBuilt = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Dyad: UI not built</title>
<body style="font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto">
<h1>Dyad's UI is not in this binary</h1>
<p>This dyad was built before its UI's bundle. The JSON API works (<a href="/api/openapi.json">/api/openapi.json</a>).
To get the UI, build the bundle and then the binary, from the repository:</p>
<pre>scripts/demo.sh                      # builds what is missing, ingests the examples and serves

# or by hand:
(cd web &amp;&amp; npm ci)                  # the pinned JavaScript libraries (needs Node.js and npm)
go run ./web/build                   # bundles web/src into web/dist with esbuild
go build ./cmd/dyad                  # embeds web/dist</pre>
</body></html>
`

// Handler serves the UI: index.html at /, the bundle's files by name,
// and a page saying how to build the UI when the binary has none.
func Handler() http.Handler {
	sub, err := fs.Sub(dist, "dist")
	if err != nil {
		panic(err) // "dist" is a constant, valid path
	}
	files := http.FileServerFS(sub)
	built := Built()
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		w.Header().Set("Content-Security-Policy", csp)
		switch {
		case !built && r.URL.Path == "/":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte(notBuilt))
		case !built || strings.HasPrefix(r.URL.Path, "/."):
			http.NotFound(w, r)
		default:
			files.ServeHTTP(w, r)
		}
	})
}
