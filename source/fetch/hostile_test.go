package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// within fails the test if fn does not return in d: the cases below used
// to hang, and a hang must fail the test, not stall the suite.
func within(t *testing.T, d time.Duration, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); fn() }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %s", d)
	}
}

// TestRobotsRedirectWithinHost is issue 13 case 1: a robots.txt that
// redirects within its host re-entered the robots check of that host from
// the redirect and waited on itself forever.
func TestRobotsRedirectWithinHost(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.Redirect(w, r, "/real-robots.txt", http.StatusMovedPermanently)
		case "/real-robots.txt":
			fmt.Fprint(w, "User-agent: *\nDisallow: /private\n")
		default:
			fmt.Fprint(w, "page")
		}
	})
	c := New(testOptions())
	within(t, 10*time.Second, func() {
		if _, err := c.Fetch(context.Background(), srv.URL+"/page"); err != nil {
			t.Errorf("allowed page: %v", err)
		}
		if _, err := c.Fetch(context.Background(), srv.URL+"/private/x"); !errors.Is(err, ErrRobots) {
			t.Errorf("disallowed page: %v", err)
		}
	})
}

// TestRobotsWaitHonoursContext: a fetch waiting for another's robots.txt
// still stops when its context ends.
func TestRobotsWaitHonoursContext(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			<-release
		}
		fmt.Fprint(w, "page")
	})
	t.Cleanup(func() { close(release) })
	o := testOptions()
	o.Timeout = time.Minute
	c := New(o)
	go c.Fetch(context.Background(), srv.URL+"/first")
	time.Sleep(50 * time.Millisecond)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	within(t, 5*time.Second, func() {
		if _, err := c.Fetch(ctx, srv.URL+"/second"); !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("error %v, want the context's deadline", err)
		}
	})
}

// TestRedirectWithinHostKeepsSlot is issue 13 case 2: a fetch held one of
// its host's slots while its redirect hop waited for another, so that as
// many redirected fetches as slots timed out.
func TestRedirectWithinHostKeepsSlot(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/robots.txt":
			http.NotFound(w, r)
		case strings.HasPrefix(r.URL.Path, "/item/"):
			http.Redirect(w, r, "/story/"+strings.TrimPrefix(r.URL.Path, "/item/"), http.StatusFound)
		default:
			fmt.Fprint(w, "story")
		}
	})
	o := testOptions()
	o.Timeout = 2 * time.Second
	c := New(o)
	var wg sync.WaitGroup
	for i := range 2 * 2 { // twice the default two slots per host
		wg.Go(func() {
			if _, err := c.Fetch(context.Background(), fmt.Sprintf("%s/item/%d", srv.URL, i)); err != nil {
				t.Errorf("item %d: %v", i, err)
			}
		})
	}
	within(t, 10*time.Second, wg.Wait)
}

// TestBlankUserAgent is issue 13 case 7: a User-Agent without a word
// panicked.
func TestBlankUserAgent(t *testing.T) {
	for _, ua := range []string{" ", "/1.0", "\t/"} {
		c := New(Options{UserAgent: ua})
		if c.agent == "" || strings.TrimSpace(c.opts.UserAgent) == "" {
			t.Errorf("%q: agent %q, header %q", ua, c.agent, c.opts.UserAgent)
		}
	}
}

// TestRobotsServerErrorNamesStatus is issue 13 case 9: a robots.txt that
// answers 5xx disallows everything, and the error says why.
func TestRobotsServerErrorNamesStatus(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "down", http.StatusServiceUnavailable)
	})
	_, err := New(testOptions()).Fetch(context.Background(), srv.URL+"/page")
	if !errors.Is(err, ErrRobots) || !strings.Contains(err.Error(), "503") {
		t.Errorf("error %v: want ErrRobots naming HTTP 503", err)
	}
}

// TestAddressPolicy is issue 13 case 8: loopback, private and link-local
// targets were fetched, directly, by name or by redirect.
func TestAddressPolicy(t *testing.T) {
	var srv *httptest.Server
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/to-metadata":
			http.Redirect(w, r, "http://169.254.169.254/latest/meta-data/", http.StatusFound)
		case "/to-other-loopback":
			http.Redirect(w, r, strings.Replace(srv.URL, "127.0.0.1", "127.0.0.2", 1)+"/x", http.StatusFound)
		default:
			fmt.Fprint(w, "secret")
		}
	})
	port := srv.URL[strings.LastIndexByte(srv.URL, ':'):]
	ctx := context.Background()
	strict := New(Options{HostInterval: time.Millisecond, Timeout: 2 * time.Second})
	for _, u := range []string{srv.URL + "/page", "http://localhost" + port + "/page", "http://[::1]" + port + "/x"} {
		_, err := strict.Fetch(ctx, u)
		if !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("%s: error %v, want ErrForbiddenAddress", u, err)
		}
	}
	// Only 127.0.0.1 allowed: redirects to elsewhere are refused at the
	// address dialled.
	o := testOptions()
	o.AllowPrivate = false
	c := New(o)
	c.forbidden = func(a netip.Addr) string {
		if a == netip.MustParseAddr("127.0.0.1") {
			return ""
		}
		return forbidden(a)
	}
	if resp, err := c.Fetch(ctx, srv.URL+"/page"); err != nil || string(resp.Body) != "secret" {
		t.Fatalf("allowed address: %v", err)
	}
	for _, p := range []string{"/to-metadata", "/to-other-loopback"} {
		_, err := c.Fetch(ctx, srv.URL+p)
		if !errors.Is(err, ErrForbiddenAddress) {
			t.Errorf("%s: error %v, want ErrForbiddenAddress", p, err)
		}
	}
	if _, err := New(testOptions()).Fetch(ctx, srv.URL+"/page"); err != nil {
		t.Errorf("AllowPrivate: %v", err)
	}
}

func TestForbidden(t *testing.T) {
	tests := []struct {
		addr string
		want bool
	}{
		{"127.0.0.1", true}, {"::1", true}, {"10.1.2.3", true}, {"172.16.0.1", true},
		{"192.168.1.1", true}, {"169.254.169.254", true}, {"fe80::1", true}, {"fd00::1", true},
		{"224.0.0.1", true}, {"ff02::1", true}, {"0.0.0.0", true}, {"::", true}, {"100.64.0.1", true},
		{"::ffff:127.0.0.1", true}, {"8.8.8.8", false}, {"2001:4860:4860::8888", false}, {"93.184.216.34", false},
	}
	for _, tt := range tests {
		if got := forbidden(netip.MustParseAddr(tt.addr)) != ""; got != tt.want {
			t.Errorf("forbidden(%s) = %v, want %v", tt.addr, got, tt.want)
		}
	}
}

// TestCacheCorruptAndConcurrent is issue 13 case 6: a corrupt cache file
// stopped the run, and two runs saving through one fixed temporary name
// clobbered each other.
func TestCacheCorruptAndConcurrent(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "validators.json")
	os.WriteFile(path, []byte("{not json"), 0o644)
	c, err := OpenFileCache(path)
	if !errors.Is(err, ErrCorruptCache) || c == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("corrupt cache: %v, %v; want an empty cache and ErrCorruptCache naming the file", c, err)
	}
	if _, ok := c.Get("x"); ok {
		t.Error("corrupt cache has entries")
	}
	// A file of the temporary name someone else uses is not touched.
	os.WriteFile(path+".tmp", []byte("theirs"), 0o644)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			c, _ := OpenFileCache(path)
			c.Put(fmt.Sprintf("https://a.example/%d", i), Validators{ETag: `"x"`})
			if err := c.Save(); err != nil {
				t.Errorf("save %d: %v", i, err)
			}
		})
	}
	wg.Wait()
	if b, _ := os.ReadFile(path + ".tmp"); string(b) != "theirs" {
		t.Errorf("the file at %s.tmp was overwritten", path)
	}
	if _, err := OpenFileCache(path); err != nil {
		t.Errorf("after concurrent saves: %v", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("left in the directory: %v", entries)
	}
	if info, err := os.Stat(path); err != nil || info.Mode().Perm() != 0o644 {
		t.Errorf("cache file mode: %v %v", info.Mode(), err)
	}
}
