package store_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"dyad/store"
	"dyad/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestSQLiteUpgrade opens a store of the first schema, with events some
// articles joined, at the newest: every event, article and count is as
// it was, and appending goes on.
func TestSQLiteUpgrade(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "dyad.db")
	old, err := store.OpenSQLiteAt(ctx, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	gen := storetest.Generator{Events: 400, Actors: 8, Years: 1, Seed: 4}
	var batches [][]store.Coded
	gen.Batches(10, func(b []store.Coded) error {
		batches = append(batches, b)
		return nil
	})
	// Two articles of other publishers report the same event.
	on := time.Date(2015, 3, 2, 0, 0, 0, 0, time.UTC)
	ev := storetest.Ev{Source: "X0000", SourceName: "X0000", Target: "X0001", TargetName: "X0001", Code: "190", Sentence: 1}
	twice := []store.Coded{
		storetest.Article("up1", "https://up.example/1", "One", on, []string{"X0000 attacked X0001."}, ev),
		storetest.Article("up2", "https://up.example/2", "Two", on, []string{"X0000 attacked X0001 again."}, ev),
	}
	for _, b := range append(batches[:2], twice) {
		if _, err := old.Append(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	before, err := old.Events(ctx, store.EventQuery{Sort: store.ByID, Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	old.Close()

	s, err := store.OpenSQLite(ctx, path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.Version(ctx); err != nil || v < 2 {
		t.Fatalf("version %d, %v", v, err)
	}
	after, err := s.Events(ctx, store.EventQuery{Sort: store.ByID, Limit: store.MaxLimit})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Fatalf("events changed by the upgrade: %d before, %d after", len(before.Events), len(after.Events))
	}
	merged := 0
	for _, e := range after.Events {
		if e.NumArticles > 1 {
			merged++
		}
	}
	if merged == 0 {
		t.Error("no event joined by several articles: the test proves less than it should")
	}
	for _, b := range batches[2:] {
		if _, err := s.Append(ctx, b); err != nil {
			t.Fatal(err)
		}
	}
	if res, err := s.Append(ctx, batches[0]); err != nil || res[0].Outcome != store.Unchanged {
		t.Fatalf("re-append after the upgrade: %v, %v", res, err)
	}
}
