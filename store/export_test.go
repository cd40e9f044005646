package store

import (
	"context"
	"io/fs"
	"strconv"
	"strings"
	"testing/fstest"
)

// OpenSQLiteAt opens the SQLite store at path with the migrations up to
// version v only, as a Dyad of that schema left it.
func OpenSQLiteAt(ctx context.Context, path string, v int) (*SQLite, error) {
	all, err := fs.Sub(sqliteMigrations, "migrations/sqlite")
	if err != nil {
		return nil, err
	}
	files, err := fs.Glob(all, "*.sql")
	if err != nil {
		return nil, err
	}
	some := fstest.MapFS{}
	for _, f := range files {
		num, _, _ := strings.Cut(f, "_")
		if n, _ := strconv.Atoi(num); n <= v {
			body, err := fs.ReadFile(all, f)
			if err != nil {
				return nil, err
			}
			some[f] = &fstest.MapFile{Data: body}
		}
	}
	return openSQLite(ctx, path, Options{}, some)
}
