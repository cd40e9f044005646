// Package sharedtest locates the shared evaluation corpora (treebanks,
// validation suites, scraped pages) for tests.
//
// The corpora live outside the repository, in ../shared/data next to the
// checkout, because their licences forbid copying them in. On a user's
// machine they may be absent, and tests that need them skip with a clear
// message; with DYAD_REQUIRE_SHARED=1 (set by .ci/run) a missing corpus fails
// the test instead, so nothing is skipped in CI.
package sharedtest

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Root returns the shared data directory: $DYAD_SHARED if set, otherwise
// ../shared/data beside the repository root.
func Root() string {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		return d
	}
	_, file, _, _ := runtime.Caller(0)
	// file is <repo>/internal/sharedtest/sharedtest.go
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
}

// Path returns the path of elem under the shared data directory. If it does
// not exist, the test is skipped, or failed when DYAD_REQUIRE_SHARED=1.
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Root()}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("DYAD_REQUIRE_SHARED") == "1" {
			tb.Fatalf("shared corpus missing: %v", err)
		}
		tb.Skipf("shared corpus not present (%v); set DYAD_SHARED to its directory", err)
	}
	return p
}
