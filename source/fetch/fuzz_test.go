package fetch

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// FuzzRedirectRobots drives the robots.txt and redirect logic against an
// in-process server whose robots.txt status, body and redirect target are
// the fuzzer's: a fetch must end (no deadlock, whatever loops the server
// makes) without panicking, within its own time limits rather than the
// caller's deadline.
func FuzzRedirectRobots(f *testing.F) {
	f.Add(200, "User-agent: *\nDisallow: /private\n", "/page", "/private/x")
	f.Add(301, "", "/robots.txt", "/page")
	f.Add(302, "", "/start", "/start")
	f.Add(503, "", "/page", "/page")
	f.Add(404, "", "//169.254.169.254/latest", "/page")
	f.Add(200, "User-agent: Dyad\nCrawl-delay: 0.001\nDisallow: /\n", "http://[::1]/x", "/x")
	f.Add(307, "User-agent: *\nAllow: /\n", "/robots.txt?again", "/a%2F..%2F/b")
	f.Fuzz(func(t *testing.T, status int, robots, robotsTarget, pageTarget string) {
		if status < 100 || status > 599 {
			status = 200
		}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			switch {
			case r.URL.Path == "/robots.txt" && status/100 == 3:
				w.Header().Set("Location", robotsTarget)
				w.WriteHeader(status)
			case r.URL.Path == "/robots.txt":
				w.WriteHeader(status)
				w.Write([]byte(robots))
			case r.URL.Path == "/start":
				w.Header().Set("Location", pageTarget)
				w.WriteHeader(http.StatusFound)
			default:
				w.Write([]byte("page"))
			}
		}))
		defer srv.Close()
		o := testOptions()
		o.Timeout = time.Second
		o.HostConcurrency = 1
		o.MaxRetries = 1
		o.MaxRetryWait = time.Millisecond
		c := New(o)
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		done := make(chan error, 1)
		go func() {
			_, err := c.Fetch(ctx, srv.URL+"/start")
			done <- err
		}()
		select {
		case err := <-done:
			if errors.Is(err, context.DeadlineExceeded) && !strings.Contains(err.Error(), "timed out") {
				t.Fatalf("the fetch waited for the run's deadline: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("fetch hangs")
		}
	})
}

// FuzzFileCache reads arbitrary cache files: no panic, a file that does
// not read is ErrCorruptCache with an empty cache, and one that reads
// survives a save and a reload unchanged.
func FuzzFileCache(f *testing.F) {
	f.Add([]byte(`{"https://a.example/feed":{"etag":"\"v1\"","last_modified":"Mon, 02 Jan 2006 15:04:05 GMT"}}`))
	f.Add([]byte(`{}`))
	f.Add([]byte(`null`))
	f.Add([]byte(`{not json`))
	f.Add([]byte(`[1,2,3]`))
	f.Add([]byte(`{"u":{"etag":1}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "cache.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		c, err := OpenFileCache(path)
		if err != nil {
			if !errors.Is(err, ErrCorruptCache) || c == nil || len(c.m) != 0 {
				t.Fatalf("error %v, cache %v: want ErrCorruptCache and an empty cache", err, c)
			}
			return
		}
		if err := c.Save(); err != nil {
			t.Fatal(err)
		}
		again, err := OpenFileCache(path)
		if err != nil {
			t.Fatalf("reloading a saved cache: %v", err)
		}
		if len(again.m) != len(c.m) {
			t.Fatalf("%d entries saved, %d reloaded", len(c.m), len(again.m))
		}
		for k, v := range c.m {
			if again.m[k] != v {
				t.Fatalf("%q: saved %+v, reloaded %+v", k, v, again.m[k])
			}
		}
	})
}
