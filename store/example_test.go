package store_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"dyad/store"
	"dyad/store/storetest"
)

func Example() {
	dir, _ := os.MkdirTemp("", "dyad-store")
	defer os.RemoveAll(dir)
	ctx := context.Background()
	s, err := store.OpenSQLite(ctx, filepath.Join(dir, "dyad.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	day := time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	art := storetest.Article("a1", "https://news.example/1", "Example News", day, []string{"Russia threatens Ukraine"},
		storetest.Ev{Source: "RUS", SourceName: "Russia", Target: "UKR", TargetName: "Ukraine", Code: "138", Sentence: 1})
	for range 2 {
		res, _ := s.Append(ctx, []store.Coded{art})
		fmt.Println(res[0].Outcome)
	}
	page, _ := s.Events(ctx, store.EventQuery{Dyad: &store.Dyad{A: "RUS", B: "UKR"}, From: day})
	for _, e := range page.Events {
		fmt.Printf("%s → %s %s %q in %q\n", e.Source.Code, e.Target.Code, e.Code, e.Label, e.Mentions[0].Text)
	}
	// Output:
	// new
	// unchanged
	// RUS → UKR 138 "Threaten military force, otherwise unspecified" in "Russia threatens Ukraine"
}
