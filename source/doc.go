// Package source reads news documents from wherever analysts keep them and
// yields them one at a time as Records: bytes plus provenance plus whatever
// metadata the container gave (a feed item's title, a WARC record's date, a
// JSON Lines row's fields).
//
// # Sources
//
// [Open] chooses a reader for one input by looking at its content, not only
// its name:
//
//   - a local file: an HTML page, a plain-text dump, a gzip file of any of the
//     kinds here, a WARC file (.warc, .warc.gz; response records only), an
//     RSS/Atom/JSON feed, a sitemap or news sitemap, or JSON Lines (one
//     article per line with url, title, text or html, published);
//   - a directory: every non-hidden file below it with a news extension
//     (.html, .htm, .txt, .warc, .xml, .rss, .atom, .json, .jsonl, any of
//     them gzipped, .gz) or none, in name order;
//   - an http or https URL: fetched with Options.Fetcher, then read as above.
//
// Feeds and sitemaps yield the pages they link to when Options.Fetcher is set
// (fetched a few at a time, in order); without a fetcher, or with
// Options.NoFollow, a feed item yields its own content and a sitemap entry
// its metadata only.
//
// # Errors
//
// A Source reports a problem with one document (a corrupt WARC record, a feed
// item whose page could not be fetched, a bad JSON line) as a *DocError and
// goes on with the next one, so one bad record never loses the rest of an
// archive. Warnings that lose nothing (an undeclared charset, a sitemap that
// lists itself) go to Options.Logger.
//
// # Limits
//
// Every document is read into memory only up to Options.MaxBytes, after
// decompression; a larger one is an error, read no further. WARC files and
// JSON Lines are streamed, so their total size is not bounded. Sitemap
// indexes are followed to a bounded depth, and each sitemap is read once.
package source
