package storetest

import (
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
)

// PostgresDSN returns the DSN of the PostgreSQL server scripts/test.sh
// started; without one the test skips, except in CI, where it fails.
func PostgresDSN(t testing.TB) string {
	dsn := os.Getenv("DYAD_POSTGRES_DSN")
	if dsn == "" {
		if os.Getenv("DYAD_REQUIRE_SHARED") == "1" || os.Getenv("CI") == "true" {
			t.Fatal("DYAD_POSTGRES_DSN is not set: scripts/test.sh starts a PostgreSQL server and sets it")
		}
		t.Skip("DYAD_POSTGRES_DSN is not set: run scripts/test.sh, which starts a PostgreSQL server")
	}
	return dsn
}

var databases atomic.Int64

// FreshPostgres creates an empty database on the server dsn names and
// returns its DSN; the database is dropped when the test ends.
func FreshPostgres(t testing.TB, dsn string) string {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("dyad_test_%d_%d", os.Getpid(), databases.Add(1))
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		admin.Close()
		t.Fatal(err)
	}
	t.Cleanup(func() {
		admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
		admin.Close()
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
