package fetch

import (
	"bytes"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/andybalholm/brotli"
)

// testOptions are fast options for a local server.
func testOptions() Options {
	return Options{HostInterval: time.Millisecond, Timeout: 5 * time.Second, RetryBase: time.Millisecond, AllowPrivate: true}
}

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestRobots(t *testing.T) {
	robots := "User-agent: *\nDisallow: /private\n\nUser-agent: Dyad\nDisallow: /no-dyad\n"
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			fmt.Fprint(w, robots)
		case "/moved":
			http.Redirect(w, r, "/no-dyad/page", http.StatusFound)
		default:
			fmt.Fprint(w, "<p>page</p>")
		}
	})
	c := New(testOptions())
	ctx := context.Background()
	tests := []struct {
		path string
		want error
	}{
		{"/public", nil},
		{"/no-dyad/story", ErrRobots},
		{"/private/story", nil}, // the Dyad group replaces the * group
		{"/moved", ErrRobots},
	}
	for _, tt := range tests {
		_, err := c.Fetch(ctx, srv.URL+tt.path)
		if !errors.Is(err, tt.want) && !(tt.want == nil && err == nil) {
			t.Errorf("%s: error %v, want %v", tt.path, err, tt.want)
		}
	}
	other := New(Options{UserAgent: "OtherBot/2.0", HostInterval: time.Millisecond, AllowPrivate: true})
	if _, err := other.Fetch(ctx, srv.URL+"/private/x"); !errors.Is(err, ErrRobots) {
		t.Errorf("OtherBot fetched a page disallowed to *: %v", err)
	}
	ign := testOptions()
	ign.IgnoreRobots = true
	if _, err := New(ign).Fetch(ctx, srv.URL+"/no-dyad/x"); err != nil {
		t.Errorf("IgnoreRobots: %v", err)
	}
}

func TestRobotsUnreachable(t *testing.T) {
	var pages atomic.Int32
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.Error(w, "down", http.StatusInternalServerError)
			return
		}
		pages.Add(1)
	})
	_, err := New(testOptions()).Fetch(context.Background(), srv.URL+"/page")
	if !errors.Is(err, ErrRobots) || pages.Load() != 0 {
		t.Errorf("error %v, pages fetched %d: a 5xx robots.txt must disallow all", err, pages.Load())
	}
}

// recorder is a transport that notes when the client sends each request
// and when the robots.txt answer came back, and how many requests are
// under way at once. Pacing is checked on these client-side times, which
// load on the machine can only delay, never bring closer.
type recorder struct {
	mu        sync.Mutex
	sends     []time.Time
	robotsEnd time.Time
	inFlight  int
	peak      int
}

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	r.mu.Lock()
	robots := req.URL.Path == "/robots.txt"
	if !robots {
		r.sends = append(r.sends, time.Now())
		r.inFlight++
		r.peak = max(r.peak, r.inFlight)
	}
	r.mu.Unlock()
	resp, err := http.DefaultTransport.RoundTrip(req)
	r.mu.Lock()
	defer r.mu.Unlock()
	if robots {
		r.robotsEnd = time.Now()
		return resp, err
	}
	if err != nil {
		r.inFlight--
		return nil, err
	}
	resp.Body = &doneBody{ReadCloser: resp.Body, done: func() { r.mu.Lock(); r.inFlight--; r.mu.Unlock() }}
	return resp, nil
}

// span is the time from the robots.txt answer to the last request sent.
func (r *recorder) span() time.Duration {
	r.mu.Lock()
	defer r.mu.Unlock()
	last := r.robotsEnd
	for _, s := range r.sends {
		if s.After(last) {
			last = s
		}
	}
	return last.Sub(r.robotsEnd)
}

type doneBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *doneBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}

func TestUserAgentAndCrawlDelay(t *testing.T) {
	var mu sync.Mutex
	var agents []string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		agents = append(agents, r.UserAgent())
		mu.Unlock()
		if r.URL.Path == "/robots.txt" {
			fmt.Fprint(w, "User-agent: *\nCrawl-delay: 0.2\n")
		}
	})
	rec := &recorder{}
	o := testOptions()
	o.UserAgent = "DyadTest/1.0 (+mailto:ops@example.org)"
	o.Transport = rec
	c := New(o)
	for i := range 3 {
		if _, err := c.Fetch(context.Background(), fmt.Sprintf("%s/%d", srv.URL, i)); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if len(agents) != 4 {
		t.Errorf("%d requests, want robots.txt and 3 pages", len(agents))
	}
	for _, a := range agents {
		if a != o.UserAgent {
			t.Errorf("User-Agent %q", a)
		}
	}
	// Three pages paced 200ms apart: the last leaves at least 400ms after
	// robots.txt came back.
	if d := rec.span(); d < 400*time.Millisecond {
		t.Errorf("3 pages sent within %v of robots.txt; Crawl-delay 0.2 asks for 400ms", d)
	}
}

func TestHostRateAndConcurrency(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		time.Sleep(100 * time.Millisecond)
	})
	rec := &recorder{}
	o := testOptions()
	o.HostInterval = 30 * time.Millisecond
	o.HostConcurrency = 2
	o.Transport = rec
	c := New(o)
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), fmt.Sprintf("%s/p%d", srv.URL, i)); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if rec.peak != 2 {
		t.Errorf("peak concurrency %d, want 2", rec.peak)
	}
	if d := rec.span(); d < 5*30*time.Millisecond {
		t.Errorf("6 requests sent within %v of robots.txt, want at least 5 host intervals (150ms)", d)
	}
}

func TestTimeout(t *testing.T) {
	block := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/stall-body":
			w.Write([]byte("<p>start"))
			w.(http.Flusher).Flush()
			<-block
		default: // never answers
			<-block
		}
	})
	defer close(block)
	o := testOptions()
	o.Timeout = 200 * time.Millisecond
	c := New(o)
	for _, p := range []string{"/never", "/stall-body"} {
		done := make(chan error, 1)
		go func() {
			_, err := c.Fetch(context.Background(), srv.URL+p)
			done <- err
		}()
		select {
		case err := <-done:
			if err == nil || !strings.Contains(err.Error(), "timed out after 200ms") {
				t.Errorf("%s: error %v, want a timeout", p, err)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: fetch hangs", p)
		}
	}
}

func TestRedirects(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case strings.HasPrefix(r.URL.Path, "/hop/"):
			var n int
			fmt.Sscanf(r.URL.Path, "/hop/%d", &n)
			if n == 0 {
				fmt.Fprint(w, "arrived")
				return
			}
			http.Redirect(w, r, fmt.Sprintf("/hop/%d", n-1), http.StatusMovedPermanently)
		case r.URL.Path == "/ftp":
			http.Redirect(w, r, "ftp://example.org/x", http.StatusFound)
		default:
			http.NotFound(w, r)
		}
	})
	o := testOptions()
	o.MaxRedirects = 5
	c := New(o)
	ctx := context.Background()
	resp, err := c.Fetch(ctx, srv.URL+"/hop/3")
	if err != nil || resp.URL != srv.URL+"/hop/0" || string(resp.Body) != "arrived" {
		t.Errorf("3 hops: %v %+v", err, resp)
	}
	if _, err := c.Fetch(ctx, srv.URL+"/hop/6"); !errors.Is(err, ErrTooManyRedirects) {
		t.Errorf("6 hops: %v", err)
	}
	if _, err := c.Fetch(ctx, srv.URL+"/loop"); !errors.Is(err, ErrTooManyRedirects) || !strings.Contains(err.Error(), "stopped after 5") {
		t.Errorf("loop: %v", err)
	}
	if _, err := c.Fetch(ctx, srv.URL+"/ftp"); !errors.Is(err, ErrUnsupportedScheme) {
		t.Errorf("ftp: %v", err)
	}
}

func TestMaxBytes(t *testing.T) {
	const size = 100 << 20
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/declared":
			w.Header().Set("Content-Length", fmt.Sprint(size))
			io.CopyN(w, zeros{}, size)
		case "/streamed":
			w.(http.Flusher).Flush() // no Content-Length: chunked
			io.CopyN(w, zeros{}, size)
		case "/bomb":
			w.Header().Set("Content-Encoding", "gzip")
			zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
			io.CopyN(zw, zeros{}, size)
			zw.Close()
		}
	})
	o := testOptions()
	o.MaxBytes = 1 << 20
	c := New(o)
	for _, p := range []string{"/declared", "/streamed", "/bomb"} {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		_, err := c.Fetch(context.Background(), srv.URL+p)
		runtime.ReadMemStats(&after)
		if !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s: error %v, want ErrTooLarge", p, err)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("%s: allocated %d MB", p, alloc>>20)
		}
	}
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

func TestConditionalGET(t *testing.T) {
	var got []string
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/etag":
			got = append(got, "etag:"+r.Header.Get("If-None-Match"))
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("ETag", `"v1"`)
			fmt.Fprint(w, "body")
		case "/lm":
			got = append(got, "lm:"+r.Header.Get("If-Modified-Since"))
			if r.Header.Get("If-Modified-Since") == "Mon, 04 Mar 2024 08:00:00 GMT" {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Last-Modified", "Mon, 04 Mar 2024 08:00:00 GMT")
			fmt.Fprint(w, "body")
		}
	})
	o := testOptions()
	o.Cache = &MemoryCache{}
	c := New(o)
	for _, p := range []string{"/etag", "/lm"} {
		first, err := c.Fetch(context.Background(), srv.URL+p)
		if err != nil || first.NotModified || string(first.Body) != "body" {
			t.Fatalf("%s first: %v %+v", p, err, first)
		}
		second, err := c.Fetch(context.Background(), srv.URL+p)
		if err != nil || !second.NotModified || len(second.Body) != 0 {
			t.Errorf("%s second: %v %+v", p, err, second)
		}
	}
	want := `etag: etag:"v1" lm: lm:Mon, 04 Mar 2024 08:00:00 GMT`
	if strings.Join(got, " ") != want {
		t.Errorf("requests %q, want %q", strings.Join(got, " "), want)
	}
}

func TestRetry(t *testing.T) {
	var mu sync.Mutex
	count := map[string]int{}
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		count[r.URL.Path]++
		n := count[r.URL.Path]
		mu.Unlock()
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/busy": // 503 twice, then fine
			if n <= 2 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fmt.Fprint(w, "ok")
		case "/slow-down": // 429 with an HTTP-date just ahead, then fine
			if n == 1 {
				w.Header().Set("Retry-After", time.Now().Add(1500*time.Millisecond).UTC().Format(http.TimeFormat))
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			fmt.Fprint(w, "ok")
		case "/come-back-tomorrow":
			w.Header().Set("Retry-After", "86400")
			w.WriteHeader(http.StatusTooManyRequests)
		case "/always-busy":
			w.WriteHeader(http.StatusServiceUnavailable)
		case "/missing":
			http.NotFound(w, r)
		}
	})
	c := New(testOptions())
	ctx := context.Background()
	check := func(path string, wantErr string, wantCount int) {
		t.Helper()
		resp, err := c.Fetch(ctx, srv.URL+path)
		switch {
		case wantErr == "" && (err != nil || string(resp.Body) != "ok"):
			t.Errorf("%s: %v", path, err)
		case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
			t.Errorf("%s: error %v, want %q", path, err, wantErr)
		}
		mu.Lock()
		defer mu.Unlock()
		if count[path] != wantCount {
			t.Errorf("%s: %d requests, want %d", path, count[path], wantCount)
		}
	}
	check("/busy", "", 3)
	start := time.Now()
	check("/slow-down", "", 2)
	if d := time.Since(start); d < 400*time.Millisecond {
		t.Errorf("retried after %v, before the Retry-After date", d)
	}
	check("/come-back-tomorrow", "HTTP 429 Too Many Requests (Retry-After 24h0m0s)", 1)
	check("/always-busy", "HTTP 503", 4)
	check("/missing", "HTTP 404", 1)
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
	}{
		{"120", 2 * time.Minute},
		{"Mon, 04 Mar 2024 08:00:30 GMT", 30 * time.Second},
		{"Mon, 04 Mar 2024 07:00:00 GMT", 0},
		{"soon", 0},
		{"", 0},
	}
	for _, tt := range tests {
		if got := retryAfter(tt.in, now); got != tt.want {
			t.Errorf("retryAfter(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestContentEncodings(t *testing.T) {
	page := strings.Repeat("<p>Ministers met in Geneva.</p>", 100)
	encode := map[string]func(io.Writer) io.WriteCloser{
		"gzip":         func(w io.Writer) io.WriteCloser { return gzip.NewWriter(w) },
		"deflate":      func(w io.Writer) io.WriteCloser { return zlib.NewWriter(w) },
		"raw-deflate":  func(w io.Writer) io.WriteCloser { z, _ := flate.NewWriter(w, 5); return z },
		"br":           func(w io.Writer) io.WriteCloser { return brotli.NewWriter(w) },
		"gzip, br":     func(w io.Writer) io.WriteCloser { return chain(brotli.NewWriter(w), gzip.NewWriter) },
		"identity":     nil,
		"unknown-zstd": nil,
	}
	var accept atomic.Value
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		accept.Store(r.Header.Get("Accept-Encoding"))
		enc := strings.TrimPrefix(r.URL.Path, "/")
		mk := encode[enc]
		header := map[string]string{"raw-deflate": "deflate", "unknown-zstd": "zstd"}[enc]
		if header == "" {
			header = enc
		}
		w.Header().Set("Content-Encoding", header)
		if mk == nil {
			fmt.Fprint(w, page)
			return
		}
		zw := mk(w)
		fmt.Fprint(zw, page)
		zw.Close()
	})
	o := testOptions()
	o.IgnoreRobots = true
	c := New(o)
	for enc := range encode {
		resp, err := c.Fetch(context.Background(), srv.URL+"/"+enc)
		if enc == "unknown-zstd" {
			if err == nil || !strings.Contains(err.Error(), `unsupported content-encoding "zstd"`) {
				t.Errorf("zstd: %v", err)
			}
			continue
		}
		if err != nil || string(resp.Body) != page {
			t.Errorf("%s: error %v, body %.40q", enc, err, resp.Body)
		}
	}
	if a := accept.Load(); a != "gzip, deflate, br" {
		t.Errorf("Accept-Encoding %q", a)
	}
}

// chain returns a writer that compresses with outer, then inner.
func chain(inner io.WriteCloser, outer func(io.Writer) *gzip.Writer) io.WriteCloser {
	var buf bytes.Buffer
	return &chained{inner: inner, outer: outer(&buf), buf: &buf}
}

type chained struct {
	inner io.WriteCloser
	outer *gzip.Writer
	buf   *bytes.Buffer
}

func (c *chained) Write(p []byte) (int, error) { return c.outer.Write(p) }
func (c *chained) Close() error {
	c.outer.Close()
	c.inner.Write(c.buf.Bytes())
	return c.inner.Close()
}

func TestFileCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "validators.json")
	c, err := OpenFileCache(path)
	if err != nil {
		t.Fatal(err)
	}
	c.Put("https://a.example/feed", Validators{ETag: `"v1"`})
	if err := c.Save(); err != nil {
		t.Fatal(err)
	}
	again, err := OpenFileCache(path)
	if err != nil {
		t.Fatal(err)
	}
	if v, ok := again.Get("https://a.example/feed"); !ok || v.ETag != `"v1"` {
		t.Errorf("reloaded %+v %v", v, ok)
	}
	os.WriteFile(path, []byte("{not json"), 0o644)
	if _, err := OpenFileCache(path); err == nil || !strings.Contains(err.Error(), path) {
		t.Errorf("corrupt cache: %v", err)
	}
}

// TestQueueDoesNotTimeOut queues more requests for one host than its pace
// lets through within the timeout: waiting in the queue must not count
// against a request's time limit.
func TestQueueDoesNotTimeOut(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		fmt.Fprint(w, "ok")
	})
	o := testOptions()
	o.HostInterval = 150 * time.Millisecond
	o.Timeout = 100 * time.Millisecond
	c := New(o)
	var wg sync.WaitGroup
	for i := range 4 {
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), fmt.Sprintf("%s/q%d", srv.URL, i)); err != nil {
				t.Errorf("request %d: %v", i, err)
			}
		})
	}
	wg.Wait()
}
