package store_test

import (
	"context"
	"testing"

	"dyad/store"
	"dyad/store/storetest"
)

func TestPostgres(t *testing.T) {
	dsn := storetest.PostgresDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		s, err := store.OpenPostgres(context.Background(), storetest.FreshPostgres(t, dsn), store.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}
