// Package store keeps coded articles and their events, and answers the
// questions analysts ask of them: the events of an actor or a dyad over
// time, the article and sentence behind an event, full-text search.
//
// # The contract
//
// The contract is a set of small role interfaces in the style of
// Prometheus's storage package: an [Appender] writes coded articles, and
// [EventQuerier], [ArticleReader], [ActorQuerier], [DyadQuerier],
// [NetworkQuerier] and [Searcher] read. [Store] is all of them. Every
// method takes a context first; a missing article, event or actor is
// [ErrNotFound]. Events are [story.Record]s, Dyad's one external event
// schema, with the store's NumSources, NumArticles and DateAdded set and
// each mention naming its article.
//
// # Backends
//
// [SQLite] is the embedded default: one file, pure Go (modernc.org/sqlite,
// no cgo), WAL journal, FTS5 over article text. [Postgres] is the same
// schema in PostgreSQL terms through pgx, for data that outgrows one
// machine. Both run versioned migrations embedded in the binary
// (migrations/sqlite, migrations/postgres) when opened, and both pass the
// one conformance suite in store/storetest.
//
// # Articles, duplicates and changes
//
// An article is known by its canonical address (its canonical URL, else
// its URL, else its origin) and its content hash. Appending an article
// whose address and content are already stored changes nothing
// (Unchanged); the same content at another address is recorded as an
// alias (Duplicate), as is a near-duplicate the caller marked with
// DuplicateOf; an address whose content changed has its old article and
// mentions removed before the new one is stored (Replaced). Each call to
// Append is one transaction, so a process killed at any moment leaves
// either all of a call's articles or none.
//
// # Bulk loads
//
// A first load of a large corpus goes faster as one [Bulk] load (the
// backends are [BulkLoader]s): its batches are one transaction, and into
// an empty store the secondary and full-text indexes are built once at
// Commit and merges are found in memory. A load killed or rolled back
// leaves the store as it was.
//
// # Events across articles
//
// The same event reported by several articles is one stored event with
// several mentions, as in GDELT: an article's event joins a stored event
// with the same source and target codes, the same CAMEO code and the same
// modality whose day
// is within Options.MergeWindow days of its own (the text's day when the
// text resolves one, else the article's date). Events without a day are
// never merged across articles. NumMentions counts sentences, NumArticles
// articles and NumSources publishers. A stored event keeps the ID of its
// first article's event (GDELT's GlobalEventID).
package store
