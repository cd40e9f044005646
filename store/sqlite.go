package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	_ "modernc.org/sqlite" // the pure-Go SQLite driver, registered as "sqlite"
)

//go:embed migrations/sqlite/*.sql
var sqliteMigrations embed.FS

// SQLite is the store in one SQLite file.
type SQLite struct{ *db }

var _ Store = (*SQLite)(nil)

var dollar = regexp.MustCompile(`\$(\d+)`)

// rebindSQLite turns $n placeholders into SQLite's: plain ? when they
// come in order, each once (the driver then binds without looking up
// parameter names, which SQLite finds by a scan of all of them, so that a
// statement of n parameters cost n² steps), else ?n.
func rebindSQLite(q string) string {
	next := 1
	seq := true
	for _, m := range dollar.FindAllStringSubmatch(q, -1) {
		if m[1] != strconv.Itoa(next) {
			seq = false
			break
		}
		next++
	}
	if seq {
		return dollar.ReplaceAllString(q, "?")
	}
	return dollar.ReplaceAllString(q, "?$1")
}

// ftsQuery makes an FTS5 query of the words of text, each quoted so that
// nothing a user types is FTS5 syntax; all words must match.
func ftsQuery(text string) string {
	ws := words(text)
	for i, w := range ws {
		ws[i] = `"` + strings.ReplaceAll(w, `"`, `""`) + `"`
	}
	return strings.Join(ws, " ")
}

var sqliteDialect = dialect{
	name:   "sqlite",
	rebind: rebindSQLite,
	ftsArg: ftsQuery,
	ftsArticles: func(ph string) string {
		return "SELECT a.id FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH " + ph
	},
	ftsSearch: `SELECT a.id, a.title, a.url, a.published, snippet(articles_fts, 1, '[', ']', '…', 16)
		FROM articles_fts f JOIN articles a ON a.rowid = f.rowid WHERE articles_fts MATCH $1
		ORDER BY bm25(articles_fts, 2.0, 1.0), a.id LIMIT $2 OFFSET $3`,
	ftsAdd:    `INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles WHERE id IN `,
	ftsDelete: `DELETE FROM articles_fts WHERE rowid = (SELECT rowid FROM articles WHERE id = $1)`,
	indexes:   `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`,
	// A bulk load into an empty store drops the index of GlobalEventIDs
	// that the mentions' key to events needs, so it cannot check that
	// key as it goes; it writes every reference itself. Its page cache
	// holds more of the tables it fills.
	bulkBegin: []string{`PRAGMA foreign_keys = OFF`, `PRAGMA cache_size = -262144`},
	bulkEnd:   []string{`PRAGMA foreign_keys = ON`, `PRAGMA cache_size = -65536`},
	// SQLite's way of changing a table's definition (a new table, the
	// rows copied, the old one dropped, the new one renamed) needs
	// foreign keys unchecked, and checked once at the end.
	migrateBegin: []string{`PRAGMA foreign_keys = OFF`},
	migrateEnd:   []string{`PRAGMA foreign_keys = ON`},
	migrateCheck: `PRAGMA foreign_key_check`,
	// A load's pages are all in the WAL when it commits; readers would
	// look each page up there and read it with a system call rather
	// than from the mapped file. A checkpoint copies them into the
	// database and empties the WAL (readers still reading an older
	// snapshot make it wait, then leave the rest to later checkpoints).
	afterBulk: `PRAGMA wal_checkpoint(TRUNCATE)`,
}

// OpenSQLite opens (creating it when missing) the SQLite store at path,
// in WAL mode, and brings its schema up to date.
func OpenSQLite(ctx context.Context, path string, opts Options) (*SQLite, error) {
	migrations, err := fs.Sub(sqliteMigrations, "migrations/sqlite")
	if err != nil {
		return nil, err
	}
	return openSQLite(ctx, path, opts, migrations)
}

// openSQLite is OpenSQLite with the given migrations.
func openSQLite(ctx context.Context, path string, opts Options, migrations fs.FS) (*SQLite, error) {
	d := sqliteDialect
	d.migrations = migrations
	// Writers take the lock when they begin (no upgrade deadlocks); a
	// busy database is waited for; WAL lets readers run beside the writer,
	// and synchronous=NORMAL keeps every commit across a killed process
	// (only a power cut may lose the last ones).
	q := url.Values{}
	q.Add("_txlock", "immediate")
	// A 64 MiB page cache and memory-mapped reads keep the indexes of a
	// store of millions of events out of read system calls.
	for _, p := range []string{"journal_mode(WAL)", "busy_timeout(10000)", "synchronous(NORMAL)", "foreign_keys(1)", "temp_store(MEMORY)", "cache_size(-65536)", "mmap_size(1073741824)"} {
		q.Add("_pragma", p)
	}
	sqldb, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &SQLite{newDB(sqldb, d, opts)}
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("%w (%s)", err, path)
	}
	return s, nil
}
