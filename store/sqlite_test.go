package store_test

import (
	"context"
	"path/filepath"
	"testing"

	"dyad/store"
	"dyad/store/storetest"
)

func TestSQLite(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.OpenSQLite(context.Background(), filepath.Join(t.TempDir(), "dyad.db"), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
