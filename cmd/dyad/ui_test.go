package main

import (
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"dyad/web"
)

var screenshots = flag.Bool("screenshots", false, "TestUI saves a screenshot of each page in docs/screenshots")

// required reports whether a test must fail rather than skip when what it
// needs is missing (in CI nothing skips).
func required() bool {
	return os.Getenv("CI") == "true" || os.Getenv("DYAD_REQUIRE_SHARED") == "1"
}

// chromium returns the path of a headless Chromium, or skips (fails in
// CI) the test. scripts/test.sh installs Debian's chromium when missing.
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{os.Getenv("DYAD_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"} {
		if name == "" {
			continue
		}
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if required() {
		t.Fatal("no chromium on PATH: install Debian's chromium (scripts/test.sh does) or set DYAD_CHROMIUM")
	}
	t.Skip("no chromium on PATH: the browser tests need it (scripts/test.sh installs it)")
	return ""
}

// needUI skips (fails in CI) when this binary was built without the UI.
func needUI(t *testing.T) {
	t.Helper()
	if web.Built() {
		return
	}
	if required() {
		t.Fatal("the UI is not built into this test binary: run (cd web && npm ci) && go run ./web/build first (scripts/test.sh does)")
	}
	t.Skip("the UI is not built: run (cd web && npm ci) && go run ./web/build")
}

// serve starts this test binary as "dyad serve" on a free loopback port
// over db and returns its base URL; the server stops with the test.
func serve(t *testing.T, db string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(os.Args[0], "serve", "--db", db, "--addr", addr)
	cmd.Env = append(os.Environ(), "DYAD_TEST_RUN_MAIN=1")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
	base := "http://" + addr
	for i := 0; ; i++ {
		resp, err := http.Get(base + "/healthz")
		if err == nil {
			resp.Body.Close()
			return base
		}
		if i == 100 {
			t.Fatalf("dyad serve did not answer on %s: %v\n%s", addr, err, stderr.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// browser returns a headless Chromium tab; script errors on any page fail
// the test.
func browser(t *testing.T, path string) context.Context {
	t.Helper()
	// The profile is removed only once Chromium has exited: t.TempDir's
	// cleanup could race with its last writes.
	profile, err := os.MkdirTemp("", "dyad-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path), chromedp.NoSandbox, chromedp.WindowSize(1280, 900),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(profile))
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	bctx, cancel := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(bctx, 4*time.Minute)
	t.Cleanup(func() {
		cancelT()
		cancel()
		cancelA() // waits for the browser's process to end
		os.RemoveAll(profile)
	})
	chromedp.ListenTarget(ctx, func(ev any) {
		switch ev := ev.(type) {
		case *runtime.EventExceptionThrown:
			t.Errorf("script error in the page: %s", ev.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if ev.Type == runtime.APITypeError {
				var args []string
				for _, a := range ev.Args {
					args = append(args, string(a.Value))
				}
				t.Errorf("console error in the page: %s", strings.Join(args, " "))
			}
		}
	})
	if err := chromedp.Run(ctx); err != nil {
		t.Fatalf("starting chromium: %v", err)
	}
	return ctx
}

func run(t *testing.T, ctx context.Context, what string, actions ...chromedp.Action) {
	t.Helper()
	tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := chromedp.Run(tctx, actions...); err != nil {
		var body string
		chromedp.Run(ctx, chromedp.Text("main", &body, chromedp.ByQuery))
		t.Fatalf("%s: %v\nthe page shows: %.600s", what, err, body)
	}
}

// shot saves a screenshot of the page as docs/screenshots/NAME.png when
// the test runs with -screenshots.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	if !*screenshots {
		return
	}
	var png []byte
	run(t, ctx, "screenshot "+name, chromedp.Sleep(300*time.Millisecond), chromedp.CaptureScreenshot(&png))
	dir := filepath.Join("..", "..", "docs", "screenshots")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

func httpGet(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("%s: %d %v", url, resp.StatusCode, err)
	}
	return string(b)
}
