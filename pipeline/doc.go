// Package pipeline is Dyad's use case "inputs in, coded stories out": it
// reads news from files, folders, URLs, feeds, sitemaps, WARC archives and
// JSON Lines (package source), extracts each article (package article),
// marks near-duplicates (package article/dedup), parses and codes each
// article (packages nlp, coder and coder/story), and hands the results, in
// input order, to a [Sink]. The dyad commands, the store and the server
// call it; none of them assembles the stages again.
//
// # Stages
//
// [Pipeline.Run] connects five stages by bounded channels under one
// errgroup:
//
//	read ─► extract (Workers) ─► dedup (input order) ─► parse+code (Workers) ─► sink (input order)
//
// The read stage opens the inputs in order and reads ahead (a feed's
// pages are fetched Options.Source.Concurrency at a time); a pool of
// extractors extracts articles; near-duplicate marking puts them back in
// input order and runs on one goroutine, so that the first article of a
// story is the one kept; a pool of workers tokenizes, tags, parses and
// codes articles; and the last stage puts the results back in input order
// before calling the sink, so a run on any number of workers writes what a
// run on one writes, byte for byte. Both pools have Options.Workers
// goroutines (GOMAXPROCS by default), and each of them computes only while
// it holds one of Workers tokens: Workers is the number of cores a run
// keeps busy, and extraction is no bottleneck however many cores there are. At most a fixed window of articles is between dedup and the sink,
// so a slow sink or a slow article holds the stages behind it back rather
// than letting memory grow.
//
// # Bounds
//
// An article beyond [Limits] (too much text, a sentence of too many words,
// too long to parse) is not coded: its Result carries an error wrapping
// [ErrSkipped] that says why, the run goes on, and [Summary] counts it.
//
// # Stopping
//
// When the context ends, Run stops every stage, calls the sink no more
// (a Put in progress completes) and returns the [Summary] of what was
// done with the context's error.
package pipeline
