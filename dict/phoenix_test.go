package dict

import (
	"runtime"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

// phoenixFiles returns the Phoenix dictionary set as its PETR_config.ini
// names it: country, international and non-state actors, agents, the
// PETRARCH-2 verbs (CAMEO.2.0.txt), discards and issues.
func phoenixFiles(tb testing.TB) Files {
	tb.Helper()
	dir := sharedtest.Path(tb, "events", "petrarch", "dictionaries")
	f, err := FilesFromDir(dir)
	if err != nil {
		tb.Fatal(err)
	}
	return f
}

func TestPhoenix(t *testing.T) {
	d, err := Load(phoenixFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Actors) < 20000 || len(d.Agents) < 2000 || len(d.Blocks) < 300 || len(d.Transforms) < 8 || len(d.Discards) < 500 || len(d.Issues) < 1000 {
		t.Errorf("read %d actors, %d agents, %d verb blocks, %d transformations, %d discards, %d issues: too few",
			len(d.Actors), len(d.Agents), len(d.Blocks), len(d.Transforms), len(d.Discards), len(d.Issues))
	}
	// The files have a few dozen bad lines (impossible dates, actors
	// without codes); each is reported with its place.
	if len(d.Problems) > 100 {
		t.Errorf("%d problems, expected a few dozen", len(d.Problems))
	}
	for _, p := range d.Problems {
		if p.Source.File == "" || p.Source.Line == 0 {
			t.Errorf("problem without a place: %v", p)
		}
	}
	for _, tt := range []struct{ words, code string }{
		{"UNITED STATES", "USA"},
		{"AFGHANISTAN", "AFG"},
		{"HAMAS", "PSE"},
	} {
		m, ok := d.MatchAt(strings.Fields(tt.words), 0)
		if !ok || m.Actor == nil {
			t.Errorf("%s: no actor", tt.words)
			continue
		}
		if c, _ := m.Actor.CodeAt(20150101); !strings.HasPrefix(c.Code, tt.code) {
			t.Errorf("%s = %s, want %s...", tt.words, c.Code, tt.code)
		}
	}
	for _, v := range []string{"ATTACKED", "SAID", "MET", "ACCUSED"} {
		if len(d.Verbs(v)) == 0 {
			t.Errorf("verb %s not found", v)
		}
	}
}

// TestPETRARCH1Verbs reads the PETRARCH-1 pattern file, whose patterns are
// flat word sequences.
func TestPETRARCH1Verbs(t *testing.T) {
	p := sharedtest.Path(t, "events", "petrarch", "dictionaries", "CAMEO.verbpatterns.150430.txt")
	d, err := Load(Files{Verbs: []string{p}})
	if err != nil {
		t.Fatal(err)
	}
	patterns, flat := 0, 0
	for _, b := range d.Blocks {
		for _, pt := range b.Patterns {
			patterns++
			if pt.Flat {
				flat++
			}
		}
	}
	if len(d.Blocks) < 200 || patterns < 5000 || flat != patterns {
		t.Errorf("%d blocks, %d patterns of which %d flat; want a full PETRARCH-1 file", len(d.Blocks), patterns, flat)
	}
	if len(d.Verbs("ACCUSED")) == 0 {
		t.Error("ACCUSED not found")
	}
}

// BenchmarkLoadPhoenix measures reading and compiling the Phoenix set; it
// reports the heap the dictionary keeps.
func BenchmarkLoadPhoenix(b *testing.B) {
	f := phoenixFiles(b)
	b.ReportAllocs()
	var d *Dictionary
	for b.Loop() {
		var err error
		if d, err = Load(f); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MB")
	runtime.KeepAlive(d)
}
