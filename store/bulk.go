package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
)

// Bulk is a bulk load: many batches of articles stored in one
// transaction, for a first load of a large corpus. Into an empty store it
// takes a faster path than batches appended one by one: the secondary and
// full-text indexes are dropped when it begins and built once at Commit
// (a sort of each instead of as many random insertions as there are
// events), the lookups that find the event an article's event merges
// into, and whether an article is stored, are answered from memory, and
// the rows are written on a goroutine of their own while the caller goes
// on (a write that fails is reported by the next Append or by Commit).
// Everything happens in the one transaction, so a process killed during a
// load leaves the store as it was, indexes included, and readers see the
// store without the load until Commit. Into a store that has articles
// already, the batches are appended as Append appends them, in the one
// transaction.
//
// Results are what Append would give, except that the counts of events
// that several articles report are updated at Commit.
type Bulk struct {
	s    *db
	conn *sql.Conn
	w    *txw
	// rebuild are the CREATE statements of the indexes dropped for the
	// load.
	rebuild []string
	fts     bool // the full-text index is filled at Commit
	done    bool
}

// BulkLoader begins bulk loads.
type BulkLoader interface {
	Bulk(ctx context.Context) (*Bulk, error)
}

// Bulk begins a bulk load. The caller must Commit or Rollback it; until
// then other writers wait.
func (s *db) Bulk(ctx context.Context) (*Bulk, error) {
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: bulk: %w", err)
	}
	b := &Bulk{s: s, conn: conn}
	if err := b.begin(ctx); err != nil {
		b.Rollback()
		return nil, fmt.Errorf("store: bulk: %w", err)
	}
	return b, nil
}

func (b *Bulk) begin(ctx context.Context) error {
	d := b.s.d
	for _, q := range d.bulkBegin {
		if _, err := b.conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	// The load lasts until Commit or Rollback, not until the context
	// of the call that began it ends (database/sql would roll it back
	// then); each Append's context bounds its statements.
	tx, err := b.conn.BeginTx(context.WithoutCancel(ctx), nil)
	if err != nil {
		return err
	}
	b.w = newTxw(tx, d)
	b.w.deferRefresh = true
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM articles LIMIT 1) x`).Scan(&n); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, d.indexes)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		b.rebuild = append(b.rebuild, def)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := tx.ExecContext(ctx, `DROP INDEX `+n); err != nil {
			return err
		}
	}
	b.fts, b.w.noFTS = d.ftsAdd != "", d.ftsAdd != ""
	b.w.mem, b.w.memIDs = newMergeIndex(), map[int64]bool{}
	b.w.memURLs, b.w.memArticles = map[string]bool{}, map[string]bool{}
	b.w.startWriter()
	return nil
}

// Append stores a batch within the load and returns what it did with
// each article, in order.
func (b *Bulk) Append(ctx context.Context, batch []Coded) ([]Result, error) {
	if b.done {
		return nil, errors.New("store: bulk: append after the load ended")
	}
	return b.s.appendBatch(ctx, b.w, batch)
}

// Commit builds the indexes, recounts the events several articles joined
// and commits the load.
func (b *Bulk) Commit(ctx context.Context) error {
	if b.done {
		return errors.New("store: bulk: the load has ended")
	}
	if err := b.commit(ctx); err != nil {
		b.Rollback() // after a commit, only ends the load
		return fmt.Errorf("store: bulk: %w", err)
	}
	b.s.remember(b.w)
	return b.end()
}

func (b *Bulk) commit(ctx context.Context) error {
	tx := b.w.tx
	if err := b.w.sync(); err != nil {
		return err
	}
	for _, q := range b.rebuild {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	if b.rebuild != nil && b.s.d.analyze != "" {
		if _, err := tx.ExecContext(ctx, b.s.d.analyze); err != nil {
			return err
		}
	}
	if err := b.s.refreshMerged(ctx, b.w); err != nil {
		return err
	}
	if b.fts {
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) SELECT rowid, title, text FROM articles`); err != nil {
			return err
		}
	}
	b.w.close()
	if err := tx.Commit(); err != nil {
		return err
	}
	if b.s.d.afterBulk != "" {
		if _, err := b.conn.ExecContext(ctx, b.s.d.afterBulk); err != nil {
			return fmt.Errorf("committed, then: %w", err)
		}
	}
	return nil
}

// Rollback abandons the load; the store is as it was before it.
func (b *Bulk) Rollback() error {
	if b.done {
		return nil
	}
	var err error
	if b.w != nil {
		b.w.close()
		err = b.w.tx.Rollback()
	}
	if e := b.end(); err == nil {
		err = e
	}
	return err
}

// end gives the connection back to the pool as it was.
func (b *Bulk) end() error {
	b.done = true
	var err error
	for _, q := range b.s.d.bulkEnd {
		if _, e := b.conn.ExecContext(context.Background(), q); err == nil {
			err = e
		}
	}
	if e := b.conn.Close(); err == nil {
		err = e
	}
	return err
}

// mergeCandidates is how many stored events, nearest in time first, an
// event may merge into: the first the article has not joined yet.
const mergeCandidates = 8

// mergeIndex holds events by dyad, code and modality: in a bulk load that
// began on an empty store, every event the merge lookup could find, so
// that it is answered from memory while the store's index is built at
// the end of the load. Codes are numbered so that the index holds no
// pointers for the collector to follow.
type mergeIndex struct {
	codes  map[string]int32
	events map[mergeKey][]dayID
}

type mergeKey struct{ a1, a2, code, modality int32 }

type dayID struct{ day, id int64 }

func newMergeIndex() *mergeIndex {
	return &mergeIndex{codes: map[string]int32{}, events: map[mergeKey][]dayID{}}
}

func (m *mergeIndex) num(s string) int32 {
	n, ok := m.codes[s]
	if !ok {
		n = int32(len(m.codes))
		m.codes[s] = n
	}
	return n
}

func (m *mergeIndex) key(a1, a2, code, modality string) mergeKey {
	return mergeKey{m.num(a1), m.num(a2), m.num(code), m.num(modality)}
}

// candidates are what the merge lookup's SQL selects: the events of k
// whose day is within win of day, nearest first, then by ID.
func (m *mergeIndex) candidates(k mergeKey, day, win int64) []int64 {
	return nearest(m.events[k], day, win)
}

// nearest returns the IDs of the events whose day is within win of day,
// nearest first, then by ID, at most mergeCandidates of them.
func nearest(evs []dayID, day, win int64) []int64 {
	var c []dayID
	for _, e := range evs {
		if e.day >= day-win && e.day <= day+win {
			c = append(c, e)
		}
	}
	slices.SortFunc(c, func(a, b dayID) int {
		if da, db := abs(a.day-day), abs(b.day-day); da != db {
			return cmp.Compare(da, db)
		}
		return cmp.Compare(a.id, b.id)
	})
	ids := make([]int64, 0, min(len(c), mergeCandidates))
	for _, e := range c[:min(len(c), mergeCandidates)] {
		ids = append(ids, e.id)
	}
	return ids
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

func (m *mergeIndex) add(k mergeKey, day, id int64) {
	m.events[k] = append(m.events[k], dayID{day, id})
}

// remove forgets a stored event that is about to be deleted.
func (m *mergeIndex) remove(ctx context.Context, w *txw, id int64) error {
	var a1, a2, code, modality string
	if err := w.row(ctx, `SELECT a1_code, a2_code, code, modality FROM events WHERE id = $1`, []any{id}, &a1, &a2, &code, &modality); err != nil {
		return err
	}
	k := m.key(a1, a2, code, modality)
	m.events[k] = slices.DeleteFunc(m.events[k], func(e dayID) bool { return e.id == id })
	return nil
}
