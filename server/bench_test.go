package server_test

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"dyad/server"
	"dyad/store"
	"dyad/store/storetest"
)

// BenchmarkStore is issue 15's benchmark: DYAD_BENCH_EVENTS (default
// 1,000,000) generated events over ten years among 2,000 actors are
// ingested into an empty store in one bulk load (store.Bulk, what dyad
// ingest --bulk does), given batches of 500 articles (5,000 events), or
// with DYAD_BENCH_APPEND=1 appended in transactions of 500 articles each
// (what dyad ingest does), then the API answers
// /api/events for a dyad and a one-year range and /api/dyads weekly over
// the ten years, 200 times each for dyads among the 50 most frequent
// pairs; the figures are events/s and the latencies' p50 and p99. SQLite
// always; PostgreSQL too when DYAD_POSTGRES_DSN is set. Run it with
//
//	go test ./server -run '^$' -bench BenchmarkStore -benchtime 1x -timeout 2h
func BenchmarkStore(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("DYAD_BENCH_EVENTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	gen := storetest.Generator{Events: n, Actors: 2000, Years: 10, Seed: 15}
	b.Run("sqlite", func(b *testing.B) {
		s, err := store.OpenSQLite(context.Background(), filepath.Join(b.TempDir(), "bench.db"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		defer s.Close()
		benchStore(b, s, gen)
	})
	if dsn := os.Getenv("DYAD_POSTGRES_DSN"); dsn != "" {
		b.Run("postgres", func(b *testing.B) {
			s, err := store.OpenPostgres(context.Background(), storetest.FreshPostgres(b, dsn), store.Options{})
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			benchStore(b, s, gen)
		})
	}
}

// ingest stores gen's events in s: in one bulk load, or in transactions
// of 500 articles with DYAD_BENCH_APPEND=1. It logs how long a bulk
// load's Commit took (the indexes built, the counts of merged events).
func ingest(ctx context.Context, b *testing.B, s store.Store, gen storetest.Generator) error {
	bl, ok := s.(store.BulkLoader)
	if !ok || os.Getenv("DYAD_BENCH_APPEND") == "1" {
		return gen.Batches(500, func(batch []store.Coded) error {
			_, err := s.Append(ctx, batch)
			return err
		})
	}
	bk, err := bl.Bulk(ctx)
	if err != nil {
		return err
	}
	if err := gen.Batches(500, func(batch []store.Coded) error {
		_, err := bk.Append(ctx, batch)
		return err
	}); err != nil {
		bk.Rollback()
		return err
	}
	t0, cpu0 := time.Now(), cpuTime()
	if err := bk.Commit(ctx); err != nil {
		return err
	}
	b.Logf("of which the bulk load's Commit: %v, this process's CPU %v", time.Since(t0).Round(time.Millisecond), (cpuTime() - cpu0).Round(time.Millisecond))
	return nil
}

// loadAvg is the machine's load average over 1, 5 and 15 minutes, to
// say how much of it the benchmark had.
func loadAvg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// cpuTime is the CPU time this process has used, user and system: on a
// shared machine it says what the work cost when the wall clock cannot.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func benchStore(b *testing.B, s store.Store, gen storetest.Generator) {
	ctx := context.Background()
	for b.Loop() {
		b.Logf("load average before the ingest: %s", loadAvg())
		t0, cpu0 := time.Now(), cpuTime()
		if err := ingest(ctx, b, s, gen); err != nil {
			b.Fatal(err)
		}
		el, cpu := time.Since(t0), cpuTime()-cpu0
		b.ReportMetric(float64(gen.Events)/el.Seconds(), "events/s")
		b.ReportMetric(float64(gen.Events)/cpu.Seconds(), "events/cpu-s")
		b.Logf("ingest: %d events in %v (%.0f events/s), this process's CPU %v (%.0f events per CPU second)",
			gen.Events, el.Round(time.Millisecond), float64(gen.Events)/el.Seconds(), cpu.Round(time.Millisecond), float64(gen.Events)/cpu.Seconds())
		b.Logf("load average after the ingest: %s", loadAvg())
	}
	srv, err := server.New(s, server.Options{})
	if err != nil {
		b.Fatal(err)
	}
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	// The most frequent pairs, from the generator's popularity order.
	var pairs [][2]string
	for i := 0; len(pairs) < 50; i++ {
		for j := 0; j < i && len(pairs) < 50; j++ {
			pairs = append(pairs, [2]string{gen.Actor(j), gen.Actor(i)})
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	measure := func(name string, url func() string) {
		var lat []time.Duration
		cpu0 := cpuTime()
		for range 200 {
			u := url()
			t0 := time.Now()
			resp, err := http.Get(ts.URL + u)
			if err != nil {
				b.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			lat = append(lat, time.Since(t0))
			if resp.StatusCode != 200 {
				b.Fatalf("%s: status %d", u, resp.StatusCode)
			}
		}
		cpu := (cpuTime() - cpu0) / time.Duration(len(lat))
		slices.Sort(lat)
		p50, p99 := lat[len(lat)/2], lat[len(lat)*99/100]
		b.ReportMetric(float64(p99.Microseconds())/1000, name+"-p99-ms")
		// The CPU a request cost this process (client and server), for
		// a loaded machine, where the latencies are mostly waiting.
		b.Logf("%s: p50 %v, p99 %v; this process's CPU %v a request", name, p50.Round(10*time.Microsecond), p99.Round(10*time.Microsecond), cpu.Round(10*time.Microsecond))
	}
	measure("events-dyad-year", func() string {
		p := pairs[r.IntN(len(pairs))]
		y := 2015 + r.IntN(10)
		return fmt.Sprintf("/api/events?dyad=%s,%s&from=%d-01-01&to=%d-12-31", p[0], p[1], y, y)
	})
	measure("dyad-weekly-10y", func() string {
		p := pairs[r.IntN(len(pairs))]
		return fmt.Sprintf("/api/dyads/%s/%s?interval=week&from=2015-01-01&to=2024-12-31", p[0], p[1])
	})
}
