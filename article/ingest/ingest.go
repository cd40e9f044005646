// Package ingest reads inputs of every kind into articles: package source
// finds the documents in files, folders, URLs, feeds, sitemaps, WARC
// archives and JSON Lines; [article.FromRecord] extracts each; and package
// dedup marks near-duplicates, so that `dyad extract` and later stages get
// one stream of articles and per-document errors.
package ingest

import (
	"context"
	"errors"
	"fmt"

	"dyad/article"
	"dyad/article/dedup"
	"dyad/source"
)

// Options configure Run. The zero value reads local inputs with the default
// limits, no network, and near-duplicate grouping on.
type Options struct {
	Source source.Options
	Dedup  dedup.Options
	// NoDedup turns near-duplicate grouping off.
	NoDedup bool
}

// Result is one outcome of Run: an article, or the error of one document or
// input. An error names the document: a path, URL, or part of a container
// ("crawl.warc.gz#offset=25827").
type Result struct {
	Input   string // the input it came from, as given to Run
	Article *article.Article
	Err     error
}

// Run reads the inputs in order and calls fn with each article or error as
// it comes. Articles that are near-duplicates of an earlier one in the run
// have DuplicateOf set. Run returns fn's error if fn fails, the context's
// if it ends, and nil otherwise: errors of documents go to fn, not to the
// return value.
func Run(ctx context.Context, inputs []string, opts Options, fn func(Result) error) error {
	var ix *dedup.Index
	if !opts.NoDedup {
		ix = dedup.New(opts.Dedup)
	}
	for _, in := range inputs {
		for rec, err := range source.All(ctx, source.Open(in, opts.Source)) {
			res := Result{Input: in, Err: err}
			var de *source.DocError
			if err != nil && !errors.As(err, &de) {
				return err // the context ended
			}
			if err == nil {
				res.Article, res.Err = article.FromRecord(rec)
				if res.Err != nil {
					res.Err = fmt.Errorf("%s: %w", rec.Origin, res.Err)
				} else if ix != nil {
					ix.AddArticle(res.Article)
				}
			}
			if err := fn(res); err != nil {
				return err
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}
