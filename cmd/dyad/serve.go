package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/spf13/cobra"

	"dyad/server"
	"dyad/store"
	"dyad/web"
)

// serveOptions are the flags of dyad serve.
type serveOptions struct {
	db, addr string
}

func newServeCmd(g *globals) *cobra.Command {
	o := &serveOptions{}
	cmd := &cobra.Command{
		Use:   "serve [--db PATH|DSN] [--addr 127.0.0.1:8080]",
		Short: "Serve the event store as a JSON API",
		Long: `Serve answers questions about the events in a store over HTTP: events
with filters and exports, articles with their sentences and the
explanations of their events, actors, dyads over time, networks and
full-text search, under /api/ (documented at /api/openapi.json and in
docs/API.md), with /healthz and Prometheus /metrics.

It listens on 127.0.0.1:8080 unless --addr says otherwise and is read-only;
with the environment variable DYAD_WRITE_TOKEN set, POST /api/articles
stores coded articles for requests that carry the token. Ctrl-C stops it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			return runServe(cmd.Context(), cmd.ErrOrStderr(), o)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", defaultDB, "the store: a SQLite file, or a PostgreSQL URL (postgres://user@host/db)")
	f.StringVar(&o.addr, "addr", "127.0.0.1:8080", "listen address")
	return cmd
}

func runServe(ctx context.Context, stderr io.Writer, o *serveOptions) error {
	if ctx == nil {
		ctx = context.Background()
	}
	st, err := store.Open(ctx, o.db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	opts := server.Options{Addr: o.addr, Logger: slog.Default(), UI: web.Handler()}
	// The token comes from the environment, not a flag, so that it does
	// not show in the process list.
	if tok := os.Getenv("DYAD_WRITE_TOKEN"); tok != "" {
		opts.WriteToken, opts.Writer = tok, st
	}
	srv, err := server.New(st, opts)
	if err != nil {
		return err
	}
	if web.Built() {
		fmt.Fprintf(stderr, "dyad: serving %s on http://%s/ (the UI) and http://%s/api/\n", o.db, o.addr, o.addr)
	} else {
		fmt.Fprintf(stderr, "dyad: serving %s on http://%s/api/ (this binary has no UI: see http://%s/)\n", o.db, o.addr, o.addr)
	}
	return srv.Run(ctx)
}
