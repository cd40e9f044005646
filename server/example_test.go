package server_test

import (
	"context"
	"fmt"
	"io"
	"net/http/httptest"
	"os"
	"path/filepath"

	"dyad/server"
	"dyad/store"
)

func Example() {
	dir, _ := os.MkdirTemp("", "dyad-server")
	defer os.RemoveAll(dir)
	s, err := store.OpenSQLite(context.Background(), filepath.Join(dir, "dyad.db"), store.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	srv, _ := server.New(s, server.Options{})
	for _, path := range []string{"/healthz", "/api/events?limit=5000"} {
		w := httptest.NewRecorder()
		srv.Handler().ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		body, _ := io.ReadAll(w.Result().Body)
		fmt.Print(w.Code, " ", string(body))
	}
	// Output:
	// 200 {"status":"ok"}
	// 400 {"error":{"status":400,"param":"limit","message":"5000 is out of range: 1 to 1000"}}
}
