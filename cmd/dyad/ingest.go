package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"dyad/store"
)

// ingestOptions are the flags of dyad ingest.
type ingestOptions struct {
	codeOptions
	db    string
	batch int
	bulk  bool
}

// defaultDB is the store dyad ingest and dyad serve use without --db.
const defaultDB = "dyad.db"

func newIngestCmd(g *globals) *cobra.Command {
	o := &ingestOptions{}
	cmd := &cobra.Command{
		Use:   "ingest PATH|URL... [--db PATH|DSN]",
		Short: "Code news articles into the event store",
		Long: `Ingest reads and codes news as "dyad code" does and keeps the articles,
their sentences and their events in a store: a SQLite file (the default,
dyad.db) or a PostgreSQL database (--db postgres://...).

Ingesting is idempotent: an article already stored under the same address
(canonical URL, URL or path) with the same content adds nothing; the same
content under another address, or a near-duplicate, is stored as a
duplicate without events; an address whose content changed has its old
events replaced. The same event reported by several articles (same actors,
code and modality, days at most one apart) is one stored event with
several mentions.

Articles are committed in batches (--batch), each in one transaction: a
run killed at any moment loses at most the batch in progress, and running
it again completes the store. With --bulk the whole run is one
transaction instead, and into an empty store the indexes are built once
at its end: a first load of a large corpus writes several times faster,
readers see nothing of it until it ends, and a run killed before its end
stores nothing (run it again). A progress line is drawn on a terminal; at
the end one line sums up the run, and each failure is listed with its
reason (exit status 1).`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runIngest(cmd.Context(), cmd.InOrStdin(), cmd.OutOrStdout(), cmd.ErrOrStderr(), args, o, g.showProgress())
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.db, "db", defaultDB, "the store: a SQLite file, or a PostgreSQL URL (postgres://user@host/db)")
	f.IntVar(&o.batch, "batch", 32, "articles per transaction")
	f.BoolVar(&o.bulk, "bulk", false, "one transaction for the whole run, indexes built at its end (a first load into an empty store)")
	o.codingFlags(f)
	return cmd
}

func runIngest(ctx context.Context, stdin io.Reader, stdout, stderr io.Writer, args []string, o *ingestOptions, showProgress bool) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if o.batch < 1 || o.batch > 10000 {
		return fmt.Errorf("--batch %d: want 1 to 10000", o.batch)
	}
	opts, cache, err := o.codingOptions(stdin)
	if err != nil {
		return err
	}
	st, err := store.Open(ctx, o.db, store.Options{})
	if err != nil {
		return err
	}
	defer st.Close()
	sink := store.NewSink(st, store.SinkOptions{Batch: o.batch, Bulk: o.bulk})
	err = runPipeline(ctx, stderr, args, opts, cache, sink, "ingest", showProgress)
	// What was coded before an interruption or a failed input is kept.
	if ferr := sink.Flush(context.WithoutCancel(ctx)); ferr != nil && (err == nil || isReported(err)) {
		err = ferr
	}
	fmt.Fprintf(stdout, "ingest: %s\n", sink.Summary())
	return err
}
