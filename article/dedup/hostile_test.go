package dedup

import (
	"runtime"
	"strings"
	"testing"
)

// TestHugeTextBounded is issue 13 case 4: a 20 MB one-line text was split
// into its four million words and hashed whole (3 s, hundreds of MB) before
// the pipeline skipped it as too long to parse. The index reads a bounded
// prefix, enough to tell copies apart.
func TestHugeTextBounded(t *testing.T) {
	huge := strings.Repeat("troops attacked the town and ", 20<<20/29)
	ix := New(Options{})
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	ix.Add("a", huge)
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 16<<20 {
		t.Errorf("indexing a %d MB text allocated %d MB", len(huge)>>20, n>>20)
	}
	if m, ok := ix.Add("b", huge[:len(huge)-29]+"troops left the town today "); !ok || m.Of != "a" {
		t.Errorf("a copy differing at the end: %+v %v", m, ok)
	}
}
