package store

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib" // pgx as a database/sql driver, registered as "pgx"
)

//go:embed migrations/postgres/*.sql
var postgresMigrations embed.FS

// Postgres is the store in a PostgreSQL database.
type Postgres struct{ *db }

var _ Store = (*Postgres)(nil)

var postgresDialect = dialect{
	name:   "postgres",
	rebind: func(q string) string { return q },
	ftsArg: func(text string) string { return strings.Join(words(text), " ") },
	ftsArticles: func(ph string) string {
		return "SELECT id FROM articles WHERE tsv @@ plainto_tsquery('english', " + ph + ")"
	},
	ftsSearch: `SELECT a.id, a.title, a.url, a.published,
		ts_headline('english', a.text, q, 'StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1')
		FROM articles a, plainto_tsquery('english', $1) q WHERE a.tsv @@ q
		ORDER BY ts_rank(a.tsv, q) DESC, a.id LIMIT $2 OFFSET $3`,
	// Every index but those of primary keys and unique constraints (the
	// full-text GIN index among them).
	indexes:   `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname NOT IN (SELECT conname FROM pg_constraint)`,
	bulkBegin: []string{`SET maintenance_work_mem = '256MB'`},
	bulkEnd:   []string{`RESET maintenance_work_mem`},
	// Tables filled in the load's transaction have no statistics yet;
	// without them the planner scans mentions whole for each event the
	// load recounts.
	analyze: `ANALYZE`,
}

// OpenPostgres connects to the PostgreSQL database dsn names (a URL or a
// key=value string, as pgx reads them) and brings its schema up to date.
func OpenPostgres(ctx context.Context, dsn string, opts Options) (*Postgres, error) {
	d := postgresDialect
	var err error
	if d.migrations, err = fs.Sub(postgresMigrations, "migrations/postgres"); err != nil {
		return nil, err
	}
	sqldb, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("store: postgres: %w", err)
	}
	s := &Postgres{newDB(sqldb, d, opts)}
	if err := s.migrate(ctx); err != nil {
		sqldb.Close()
		return nil, err
	}
	return s, nil
}
