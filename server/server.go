package server

import (
	"context"
	"crypto/subtle"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"dyad/coder/story"
	"dyad/store"
)

//go:embed openapi.json
var openAPI []byte

// OpenAPI returns the OpenAPI 3 document of the API.
func OpenAPI() []byte { return openAPI }

// Options configure a Server. The zero value serves on 127.0.0.1:8080,
// read-only.
type Options struct {
	// Addr is the listen address; "" means 127.0.0.1:8080.
	Addr string
	// WriteToken, when set, enables POST /api/articles for requests that
	// carry it as "Authorization: Bearer TOKEN"; Writer must then be set.
	WriteToken string
	Writer     store.Appender
	// RequestTimeout bounds a request (exports included); 0 means one
	// minute.
	RequestTimeout time.Duration
	// MaxBody bounds a request body; 0 means 16 MiB.
	MaxBody int64
	// Logger receives a line per failed request; nil discards.
	Logger *slog.Logger
	// UI, when set, serves every GET outside /api/, /healthz and
	// /metrics (the browser UI, package web); nil answers them 404.
	UI http.Handler
}

// Server is Dyad's JSON API over a store.
type Server struct {
	opts    Options
	log     *slog.Logger
	handler http.Handler
	routes  []route
}

// route is one endpoint: its method and ServeMux pattern.
type route struct {
	method, pattern string
	h               http.HandlerFunc
}

// New returns a server reading from q.
func New(q store.Querier, opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:8080"
	}
	if opts.RequestTimeout <= 0 {
		opts.RequestTimeout = time.Minute
	}
	if opts.MaxBody <= 0 {
		opts.MaxBody = 16 << 20
	}
	if opts.WriteToken != "" && opts.Writer == nil {
		return nil, errors.New("server: a write token needs a writer")
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	s := &Server{opts: opts, log: log.With("component", "server")}
	s.routes = []route{
		{"GET", "/healthz", health},
		{"GET", "/api/openapi.json", serveOpenAPI},
		{"GET", "/api/events", s.events(q)},
		{"GET", "/api/events/{id}", s.event(q)},
		{"GET", "/api/articles/{id}", s.article(q)},
		{"GET", "/api/actors", s.actors(q)},
		{"GET", "/api/actors/{code}", s.actor(q)},
		{"GET", "/api/dyads/{a}/{b}", s.dyad(q, q)},
		{"GET", "/api/network", s.network(q)},
		{"GET", "/api/search", s.search(q)},
	}
	if opts.WriteToken != "" {
		s.routes = append(s.routes, route{"POST", "/api/articles", s.appendArticles(opts.Writer)})
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	requests := prometheus.NewCounterVec(prometheus.CounterOpts{Name: "dyad_http_requests_total", Help: "HTTP requests by route and status code."}, []string{"route", "code"})
	latency := prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "dyad_http_request_duration_seconds", Help: "HTTP request latency by route.",
		Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 10}}, []string{"route"})
	reg.MustRegister(requests, latency)
	mux := http.NewServeMux()
	for _, rt := range s.routes {
		mux.Handle(rt.method+" "+rt.pattern, instrument(rt.pattern, rt.h, requests, latency))
	}
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	notFound := func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "path", "no such endpoint: "+clip(r.URL.Path)+" (see /api/openapi.json)")
	}
	mux.HandleFunc("/api/", notFound)
	if opts.UI != nil {
		mux.Handle("/", opts.UI)
	} else {
		mux.HandleFunc("/", notFound)
	}
	s.handler = s.guard(mux)
	return s, nil
}

// Routes lists the server's endpoints as "METHOD PATTERN", /metrics
// aside.
func (s *Server) Routes() []string {
	out := make([]string, len(s.routes))
	for i, r := range s.routes {
		out[i] = r.method + " " + r.pattern
	}
	return out
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler { return s.handler }

// Run serves on the configured address until ctx ends, then shuts down,
// letting requests in flight finish for a few seconds.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return fmt.Errorf("server: %w", err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	hs := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		WriteTimeout:      s.opts.RequestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case err := <-done:
		return fmt.Errorf("server: %w", err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	err := hs.Shutdown(sctx)
	<-done
	return err
}

// guard refuses paths that are not clean (dot segments, doubled or
// encoded slashes) before routing, bounds bodies and time, and sets the
// headers every answer carries.
func (s *Server) guard(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		p := r.URL.Path
		raw := strings.ToLower(r.URL.RawPath)
		if p == "" || path.Clean(p) != p || strings.Contains(raw, "%2f") || strings.Contains(raw, "%5c") || strings.ContainsRune(p, '\\') {
			writeError(w, http.StatusBadRequest, "path", "path "+strconv.Quote(clip(p))+" is not clean: no dot segments, doubled or encoded slashes")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxBody)
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// statusWriter remembers the status code for the metrics.
type statusWriter struct {
	http.ResponseWriter
	code int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.code == 0 {
		w.code = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.code == 0 {
		w.code = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

func (w *statusWriter) Flush() {
	if f, ok := w.ResponseWriter.(http.Flusher); ok {
		f.Flush()
	}
}

func instrument(route string, h http.HandlerFunc, requests *prometheus.CounterVec, latency *prometheus.HistogramVec) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		t0 := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h(sw, r)
		latency.WithLabelValues(route).Observe(time.Since(t0).Seconds())
		requests.WithLabelValues(route, strconv.Itoa(max(sw.code, 200))).Inc()
	})
}

// apiError is the body of every error answer.
type apiError struct {
	Error struct {
		Status  int    `json:"status"`
		Param   string `json:"param,omitempty"`
		Message string `json:"message"`
	} `json:"error"`
}

func writeError(w http.ResponseWriter, status int, param, msg string) {
	var e apiError
	e.Error.Status, e.Error.Param, e.Error.Message = status, param, msg
	writeJSON(w, status, e)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// fail answers an error from parsing or from the store.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	var pe *ParamError
	switch {
	case errors.As(err, &pe):
		writeError(w, http.StatusBadRequest, pe.Param, pe.Msg)
	case errors.Is(err, store.ErrNotFound):
		writeError(w, http.StatusNotFound, "", "not found")
	case errors.Is(err, store.ErrBadCursor):
		writeError(w, http.StatusBadRequest, "cursor", "not a cursor this server gave")
	case errors.Is(err, context.DeadlineExceeded):
		writeError(w, http.StatusServiceUnavailable, "", "the request took longer than "+s.opts.RequestTimeout.String())
	case errors.Is(err, context.Canceled):
		// The client went away.
	default:
		s.log.Error("request failed", "path", r.URL.Path, "err", err)
		writeError(w, http.StatusInternalServerError, "", "internal error")
	}
}

func health(w http.ResponseWriter, r *http.Request) {
	if len(r.URL.Query()) > 0 {
		writeError(w, http.StatusBadRequest, "query", "healthz takes no parameters")
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
}

func serveOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Write(openAPI)
}

// eventPage is the JSON answer of /api/events.
type eventPage struct {
	Events []story.Record `json:"events"`
	Next   string         `json:"next,omitempty"`
}

func (s *Server) events(q store.EventQuerier) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := ParseEvents(r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if req.Format != "json" {
			s.export(w, r, q, req)
			return
		}
		page, err := q.Events(r.Context(), req.Query)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out := eventPage{Events: page.Events}
		if page.Next != nil {
			out.Next = page.Next.String()
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// export streams up to req.Max events, page by page, as JSON Lines, CSV
// or GDELT 2.0 TSV. An error after the first bytes ends the stream early.
func (s *Server) export(w http.ResponseWriter, r *http.Request, q store.EventQuerier, req EventsRequest) {
	query := req.Query
	query.Limit = store.MaxLimit
	page, err := q.Events(r.Context(), query)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	types := map[string]string{"jsonl": "application/x-ndjson", "csv": "text/csv; charset=utf-8", "tsv": "text/tab-separated-values; charset=utf-8"}
	w.Header().Set("Content-Type", types[req.Format])
	w.Header().Set("Content-Disposition", `attachment; filename="events.`+req.Format+`"`)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	cw := csv.NewWriter(w)
	switch req.Format {
	case "csv":
		cw.Write(story.TSVColumns)
	case "tsv":
		story.WriteTSVHeader(w)
	}
	n := 0
	for {
		recs := page.Events
		if n+len(recs) > req.Max {
			recs = recs[:req.Max-n]
		}
		n += len(recs)
		switch req.Format {
		case "jsonl":
			for _, rec := range recs {
				enc.Encode(rec)
			}
		case "csv":
			for _, rec := range recs {
				cw.Write(rec.Row(time.Time{}))
			}
			cw.Flush()
		case "tsv":
			story.WriteRecordsTSV(w, recs, time.Time{})
		}
		if page.Next == nil || n >= req.Max {
			return
		}
		query.After = page.Next
		if page, err = q.Events(r.Context(), query); err != nil {
			s.log.Warn("export cut short", "path", r.URL.Path, "events", n, "err", err)
			return
		}
	}
}

// answer makes a handler of the usual shape: parse the request into a
// query (a *ParamError when it is bad), run it, and answer JSON.
func answer[Q, R any](s *Server, parse func(*http.Request) (Q, error), run func(context.Context, Q) (R, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		q, err := parse(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out, err := run(r.Context(), q)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		writeJSON(w, http.StatusOK, out)
	}
}

func (s *Server) event(q store.EventQuerier) http.HandlerFunc {
	return answer(s, func(r *http.Request) (int64, error) {
		id, err := ParseEventID(r.PathValue("id"))
		if err == nil {
			err = noParams(r)
		}
		return id, err
	}, q.Event)
}

func (s *Server) article(q store.ArticleReader) http.HandlerFunc {
	return answer(s, func(r *http.Request) (string, error) {
		id, err := ParseArticleID(r.PathValue("id"))
		if err == nil {
			err = noParams(r)
		}
		return id, err
	}, q.Article)
}

func (s *Server) actors(q store.ActorQuerier) http.HandlerFunc {
	return answer(s, func(r *http.Request) (store.ActorSearch, error) { return ParseActors(r.URL.Query()) },
		func(ctx context.Context, a store.ActorSearch) (map[string]any, error) {
			m, err := q.Actors(ctx, a)
			return map[string]any{"actors": m}, err
		})
}

func (s *Server) actor(q store.ActorQuerier) http.HandlerFunc {
	return answer(s, func(r *http.Request) (store.ActorQuery, error) { return ParseActor(r.PathValue("code"), r.URL.Query()) }, q.Actor)
}

func (s *Server) network(q store.NetworkQuerier) http.HandlerFunc {
	return answer(s, func(r *http.Request) (store.NetworkQuery, error) { return ParseNetwork(r.URL.Query()) }, q.Network)
}

func (s *Server) search(q store.Searcher) http.HandlerFunc {
	return answer(s, func(r *http.Request) (store.SearchQuery, error) { return ParseSearch(r.URL.Query()) },
		func(ctx context.Context, sq store.SearchQuery) (map[string]any, error) {
			hits, err := q.Search(ctx, sq)
			return map[string]any{"hits": hits}, err
		})
}

func noParams(r *http.Request) error {
	for k := range r.URL.Query() {
		if k == "" {
			k = `""`
		}
		return &ParamError{Param: k, Msg: "unknown parameter; this endpoint takes none"}
	}
	return nil
}

// dyadAnswer is a dyad's series with the events its points list.
type dyadAnswer struct {
	*store.Series
	Events map[string]story.Record `json:"events,omitempty"`
}

func (s *Server) dyad(q store.DyadQuerier, eq store.EventQuerier) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		req, err := ParseSeries(r.PathValue("a"), r.PathValue("b"), r.URL.Query())
		if err != nil {
			s.fail(w, r, err)
			return
		}
		se, err := q.Series(r.Context(), req.Query)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out := dyadAnswer{Series: se}
		if req.Events {
			out.Events = map[string]story.Record{}
			for _, pts := range [][]store.Point{se.AB, se.BA} {
				for _, p := range pts {
					for _, id := range p.IDs {
						rec, err := eq.Event(r.Context(), id)
						if err != nil {
							s.fail(w, r, err)
							return
						}
						out.Events[strconv.FormatInt(id, 10)] = rec
					}
				}
			}
		}
		writeJSON(w, http.StatusOK, out)
	}
}

// maxBatch bounds the articles of one POST.
const maxBatch = 1000

func (s *Server) appendArticles(a store.Appender) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		want := "Bearer " + s.opts.WriteToken
		if subtle.ConstantTimeCompare([]byte(auth), []byte(want)) != 1 {
			writeError(w, http.StatusUnauthorized, "Authorization", "a write token is required: Authorization: Bearer TOKEN")
			return
		}
		if err := noParams(r); err != nil {
			s.fail(w, r, err)
			return
		}
		batch, err := DecodeArticles(r.Body)
		if err != nil {
			var mb *http.MaxBytesError
			if errors.As(err, &mb) {
				writeError(w, http.StatusRequestEntityTooLarge, "body", fmt.Sprintf("larger than %d bytes", s.opts.MaxBody))
				return
			}
			s.fail(w, r, err)
			return
		}
		res, err := a.Append(r.Context(), batch)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		out := make([]map[string]any, len(res))
		for i, x := range res {
			out[i] = map[string]any{"article_id": batch[i].Article.ID, "outcome": x.Outcome.String(), "events": x.Events, "merged": x.Merged}
		}
		writeJSON(w, http.StatusOK, map[string]any{"results": out})
	}
}

// DecodeArticles reads the body of POST /api/articles: a JSON array of
// coded articles ({"article", "sentences", "events"}), refusing unknown
// fields, trailing data and articles whose offsets leave their text.
func DecodeArticles(body io.Reader) ([]store.Coded, error) {
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	var batch []store.Coded
	if err := dec.Decode(&batch); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return nil, err
		}
		return nil, &ParamError{Param: "body", Msg: err.Error()}
	}
	if dec.More() {
		return nil, &ParamError{Param: "body", Msg: "data after the array"}
	}
	if len(batch) == 0 || len(batch) > maxBatch {
		return nil, &ParamError{Param: "body", Msg: fmt.Sprintf("want 1 to %d articles, got %d", maxBatch, len(batch))}
	}
	for i, c := range batch {
		at := fmt.Sprintf("body[%d]", i)
		if _, err := ParseArticleID(c.Article.ID); err != nil {
			return nil, &ParamError{Param: at + ".article.id", Msg: err.(*ParamError).Msg}
		}
		n := len(c.Article.Text)
		for j, se := range c.Sentences {
			if se.Start < 0 || se.End < se.Start || se.End > n || se.Index != j+1 {
				return nil, &ParamError{Param: fmt.Sprintf("%s.sentences[%d]", at, j), Msg: "index or offsets do not fit the article"}
			}
		}
		for j, e := range c.Events {
			if len(e.Mentions) == 0 {
				return nil, &ParamError{Param: fmt.Sprintf("%s.events[%d].mentions", at, j), Msg: "an event needs a mention"}
			}
			for _, m := range e.Mentions {
				if m.Sentence < 1 || m.Sentence > len(c.Sentences) {
					return nil, &ParamError{Param: fmt.Sprintf("%s.events[%d].mentions", at, j), Msg: "mention of a sentence the article does not have"}
				}
			}
		}
	}
	return batch, nil
}
