package source_test

import (
	"context"
	"fmt"

	"dyad/source"
)

// Read a feed from a file without fetching: each item yields its own
// content, with the feed's metadata.
func ExampleOpen() {
	src := source.Open("testdata/news.rss", source.Options{})
	for rec, err := range source.All(context.Background(), src) {
		if err != nil {
			fmt.Println("error:", err)
			continue
		}
		fmt.Printf("%s | %s | %s | %s\n", rec.Origin, rec.Meta.Title, rec.Meta.Author, rec.Meta.Published.Format("2006-01-02"))
	}
	// Output:
	// testdata/news.rss#item=1 | Envoys agree truce terms | Ana Lima | 2024-03-04
	// testdata/news.rss#item=2 | Talks in Doha |  | 0001-01-01
}
