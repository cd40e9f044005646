package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"dyad/codebook"
	"dyad/coder"
	"dyad/coder/story"
)

// dialect is what differs between the SQL backends. Queries are written
// with PostgreSQL's $n placeholders; rebind turns them into the backend's.
type dialect struct {
	name       string
	migrations fs.FS // NNNN_name.sql files
	rebind     func(string) string
	// ftsArg turns the words a user typed into the backend's full-text
	// query argument.
	ftsArg func(string) string
	// ftsArticles is a subquery of the IDs of the articles matching the
	// full-text argument ph.
	ftsArticles func(ph string) string
	// ftsSearch selects id, title, url, published and a snippet of the
	// articles matching $1, best first, limited by $2 and offset by $3.
	ftsSearch string
	// ftsAdd, followed by a list of placeholders in parentheses, adds
	// the articles with those IDs to the full-text index, and ftsDelete
	// removes article $1, for backends whose index is not maintained by
	// the database; "" if it is.
	ftsAdd, ftsDelete string
	// indexes selects the name and definition of the secondary indexes a
	// bulk load into an empty store drops and builds at its end.
	indexes string
	// bulkBegin and bulkEnd set up a bulk load's connection and give it
	// back as it was.
	bulkBegin, bulkEnd []string
	// afterBulk runs after a bulk load commits.
	afterBulk string
	// analyze gathers the planner's statistics of the tables a bulk load
	// filled, before it recounts merged events; "" when the planner
	// needs none.
	analyze string
	// migrateBegin and migrateEnd set up the connection migrations run
	// on and give it back as it was; migrateCheck, when set, selects the
	// broken foreign keys a migration left, which fail it.
	migrateBegin, migrateEnd []string
	migrateCheck             string
}

// db is the store over database/sql that both backends are.
type db struct {
	sql  *sql.DB
	d    dialect
	opts Options

	mu     sync.Mutex
	actors map[string]bool // actor codes and code+"\x00"+name known to be stored
}

func newDB(sqldb *sql.DB, d dialect, opts Options) *db {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &db{sql: sqldb, d: d, opts: opts, actors: map[string]bool{}}
}

// Close closes the database.
func (s *db) Close() error { return s.sql.Close() }

// migrate applies the dialect's migrations that the database has not
// had, each in its own transaction, in the order of their numbers.
func (s *db) migrate(ctx context.Context) error {
	if _, err := s.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("store: migrations table: %w", err)
	}
	files, err := fs.Glob(s.d.migrations, "*.sql")
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, f := range files {
		num, _, ok := strings.Cut(f, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return fmt.Errorf("store: migration %s: name must start with its number", f)
		}
		var n int
		if err := s.sql.QueryRowContext(ctx, s.d.rebind(`SELECT count(*) FROM schema_migrations WHERE version = $1`), v).Scan(&n); err != nil {
			return fmt.Errorf("store: migration %s: %w", f, err)
		}
		if n > 0 {
			continue
		}
		body, err := fs.ReadFile(s.d.migrations, f)
		if err != nil {
			return err
		}
		if err := s.migrateOne(ctx, v, f, string(body)); err != nil {
			return fmt.Errorf("store: migration %s: %w", f, err)
		}
	}
	return nil
}

// migrateOne applies migration v, named f, in a transaction on a
// connection of its own, set up by the dialect's migrateBegin (SQLite's
// changes of a table's definition copy it to a new one, and the old one
// cannot be dropped while foreign keys are checked).
func (s *db) migrateOne(ctx context.Context, v int, f, body string) error {
	conn, err := s.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, q := range s.d.migrateBegin {
		if _, err := conn.ExecContext(ctx, q); err != nil {
			return err
		}
	}
	defer func() {
		for _, q := range s.d.migrateEnd {
			conn.ExecContext(context.WithoutCancel(ctx), q)
		}
	}()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, body); err != nil {
		return err
	}
	if s.d.migrateCheck != "" {
		rows, err := tx.QueryContext(ctx, s.d.migrateCheck)
		if err != nil {
			return err
		}
		broken := rows.Next()
		rows.Close()
		if broken {
			return errors.New("it leaves broken foreign keys")
		}
	}
	if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)`), v, f, s.opts.Now().Unix()); err != nil {
		return err
	}
	return tx.Commit()
}

// Version returns the number of the last migration applied.
func (s *db) Version(ctx context.Context) (int, error) {
	var v sql.NullInt64
	err := s.sql.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v)
	return int(v.Int64), err
}

// txw is a write transaction with its prepared statements.
type txw struct {
	tx     *sql.Tx
	d      dialect
	stmts  map[string]*sql.Stmt
	actors []string // actor keys written, for the cache once committed
	// written are the actor keys written in this transaction.
	written map[string]bool
	// merged are the stored events articles joined: their counts are
	// refreshed at the end of the batch, or of the bulk load.
	merged map[int64]bool
	// noFTS leaves the full-text index to be built at the end of a bulk
	// load.
	noFTS bool
	// fts are the IDs of the articles stored in this batch, to be added
	// to the full-text index at its end (addFTS).
	fts []string
	// mem answers the merge lookups of a bulk load into an empty store.
	mem *mergeIndex
	// memIDs are the IDs of the events stored by such a load.
	memIDs map[int64]bool
	// memURLs and memArticles are the addresses and the article IDs
	// such a load stored (some may have been deleted since): the store
	// has no other, so a lookup of one not among them is answered
	// without a query.
	memURLs, memArticles map[string]bool
	// sources are the IDs of the sources stored, by name, as far as
	// this transaction has looked them up.
	sources map[string]int64
	// deferRefresh leaves refreshMerged to the end of a bulk load.
	deferRefresh bool
	// inserts are insertRows' statements; args is its buffer of
	// arguments.
	inserts map[insertKey]*sql.Stmt
	args    []any
	// bg, when set, runs the transaction's writes that return nothing
	// (queued by write and insert) on a goroutine of its own; pending
	// are those of the batch not handed to it yet.
	bg      *writer
	pending []func() error
	// article is the key of the article being stored, to name it in
	// the error of a queued write.
	article string
}

func newTxw(tx *sql.Tx, d dialect) *txw {
	return &txw{tx: tx, d: d, stmts: map[string]*sql.Stmt{}, written: map[string]bool{}, merged: map[int64]bool{}, sources: map[string]int64{}, inserts: map[insertKey]*sql.Stmt{}}
}

func (w *txw) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := w.stmts[q]; ok {
		return st, nil
	}
	st, err := w.tx.PrepareContext(ctx, w.d.rebind(q))
	if err != nil {
		return nil, err
	}
	w.stmts[q] = st
	return st, nil
}

// exec runs q once the queued writes have run.
func (w *txw) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	if err := w.sync(); err != nil {
		return nil, err
	}
	return w.execNow(ctx, q, args...)
}

func (w *txw) execNow(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *txw) row(ctx context.Context, q string, args []any, dest ...any) error {
	if err := w.sync(); err != nil {
		return err
	}
	st, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (w *txw) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	if err := w.sync(); err != nil {
		return nil, err
	}
	st, err := w.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, args...)
	if err != nil {
		return nil, err
	}
	return scanIDs(rows)
}

func scanIDs(rows *sql.Rows) ([]int64, error) {
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

func (w *txw) close() {
	w.stop()
	for _, st := range w.stmts {
		st.Close()
	}
}

// writer runs a transaction's queued writes, batch after batch, on a
// goroutine of its own. A bulk load into an empty store decides
// everything about a batch in memory (which articles are new, which events
// merge) and only writes; with the writes on another goroutine, the
// decisions, the rows and the caller's own work for the next batch (a
// coder, the benchmark's generator) run on one core while the database
// driver and SQLite run on another. One batch waits at most while one
// runs, so memory stays bounded.
type writer struct {
	queue chan []func() error
	wg    sync.WaitGroup
	mu    sync.Mutex
	err   error // the first write that failed; those after it are skipped
}

// startWriter makes w's writes run on a goroutine of their own.
func (w *txw) startWriter() {
	bg := &writer{queue: make(chan []func() error, 1)}
	go func() {
		for ops := range bg.queue {
			for _, op := range ops {
				if bg.failed() != nil {
					break
				}
				if err := op(); err != nil {
					bg.mu.Lock()
					bg.err = err
					bg.mu.Unlock()
				}
			}
			bg.wg.Done()
		}
	}()
	w.bg = bg
}

func (bg *writer) failed() error {
	bg.mu.Lock()
	defer bg.mu.Unlock()
	return bg.err
}

// flush hands the pending writes to the writer without waiting for them.
func (w *txw) flush() {
	if w.bg == nil || len(w.pending) == 0 {
		return
	}
	w.bg.wg.Add(1)
	w.bg.queue <- w.pending
	w.pending = nil
}

// sync waits until every write queued has run and returns the first that
// failed. Everything that reads the transaction, or uses its statements,
// calls it first.
func (w *txw) sync() error {
	if w.bg == nil {
		return nil
	}
	w.flush()
	w.bg.wg.Wait()
	return w.bg.failed()
}

// stop waits for the queued writes and ends the writer's goroutine.
func (w *txw) stop() {
	if w.bg == nil {
		return
	}
	w.sync()
	close(w.bg.queue)
	w.bg = nil
}

// write runs q, whose result is not needed: queued when w has a writer.
// The statement runs after the call returns, so it is not bound by ctx's
// cancellation (a load that is cancelled is rolled back as a whole).
func (w *txw) write(ctx context.Context, q string, args ...any) error {
	if w.bg == nil {
		_, err := w.execNow(ctx, q, args...)
		return err
	}
	ctx, a := context.WithoutCancel(ctx), w.article
	w.pending = append(w.pending, func() error {
		if _, err := w.execNow(ctx, q, args...); err != nil {
			return fmt.Errorf("article %s: %w", a, err)
		}
		return nil
	})
	return nil
}

// insert is insertRows, queued as write queues.
func (w *txw) insert(ctx context.Context, head string, rows [][]any) error {
	if w.bg == nil {
		return w.insertRows(ctx, head, rows)
	}
	ctx, a := context.WithoutCancel(ctx), w.article
	w.pending = append(w.pending, func() error {
		if err := w.insertRows(ctx, head, rows); err != nil {
			return fmt.Errorf("article %s: %w", a, err)
		}
		return nil
	})
	return nil
}

// Append stores the batch in one transaction.
func (s *db) Append(ctx context.Context, batch []Coded) ([]Result, error) {
	tx, err := s.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	w := newTxw(tx, s.d)
	defer w.close()
	out, err := s.appendBatch(ctx, w, batch)
	if err != nil {
		tx.Rollback()
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	s.remember(w)
	return out, nil
}

// appendBatch stores the batch's articles in w's transaction.
func (s *db) appendBatch(ctx context.Context, w *txw, batch []Coded) ([]Result, error) {
	if w.bg != nil {
		// A write of an earlier batch failed.
		if err := w.bg.failed(); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	out := make([]Result, len(batch))
	for i := range batch {
		r, err := s.appendOne(ctx, w, &batch[i])
		if err != nil {
			return nil, fmt.Errorf("store: article %s: %w", batch[i].Article.key(), err)
		}
		out[i] = r
	}
	if !w.deferRefresh {
		if err := s.refreshMerged(ctx, w); err != nil {
			return nil, fmt.Errorf("store: %w", err)
		}
	}
	if err := s.addFTS(ctx, w); err != nil {
		return nil, fmt.Errorf("store: full-text index: %w", err)
	}
	w.flush()
	return out, nil
}

// addFTS adds the batch's articles to SQLite's full-text index, in one
// statement at the end of the batch. FTS5 keeps the terms it is given in
// memory until the transaction commits, but writes them out into a
// segment of their own at the start of every statement that keeps a
// statement journal (multi-row INSERTs, INSERT ... SELECT, UPDATEs); added
// article by article, each article's terms were written out by the next
// article's statements, one small segment each, which FTS5 then merged.
func (s *db) addFTS(ctx context.Context, w *txw) error {
	if len(w.fts) == 0 {
		return nil
	}
	if err := w.sync(); err != nil {
		return err
	}
	slices.Sort(w.fts)
	ids := slices.Compact(w.fts) // an article stored twice in the batch
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = "$"+strconv.Itoa(i+1), id
	}
	// Not prepared: the number of IDs differs from batch to batch.
	_, err := w.tx.ExecContext(ctx, w.d.rebind(s.d.ftsAdd+"("+strings.Join(ph, ", ")+")"), args...)
	w.fts = w.fts[:0]
	return err
}

// refreshMerged recounts the events articles joined, now that their
// mentions are in.
func (s *db) refreshMerged(ctx context.Context, w *txw) error {
	ids := make([]int64, 0, len(w.merged))
	for id := range w.merged {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		if err := s.refresh(ctx, w, id); err != nil {
			return err
		}
	}
	clear(w.merged)
	return nil
}

// remember adds the actors a committed transaction wrote to the cache.
func (s *db) remember(w *txw) {
	s.mu.Lock()
	for _, k := range w.actors {
		s.actors[k] = true
	}
	s.mu.Unlock()
	w.actors = w.actors[:0]
}

func (s *db) appendOne(ctx context.Context, w *txw, c *Coded) (Result, error) {
	a := &c.Article
	a.ContentHash = contentHash(a.Text)
	key := a.key()
	w.article = key
	res := Result{Outcome: New}
	var oldID, oldHash string
	err := sql.ErrNoRows
	if w.memURLs == nil || w.memURLs[key] {
		err = w.row(ctx, `SELECT u.article_id, a.content_hash FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = $1`, []any{key}, &oldID, &oldHash)
	}
	switch {
	case err == nil && oldHash == a.ContentHash && oldID == a.ID:
		return Result{Outcome: Unchanged}, nil
	case err == nil:
		if _, err := w.exec(ctx, `DELETE FROM article_urls WHERE url = $1`, key); err != nil {
			return res, err
		}
		var others int
		if err := w.row(ctx, `SELECT count(*) FROM article_urls WHERE article_id = $1`, []any{oldID}, &others); err != nil {
			return res, err
		}
		if others == 0 {
			if err := s.deleteArticle(ctx, w, oldID); err != nil {
				return res, err
			}
		}
		res.Outcome = Replaced
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}
	var hash string
	err = sql.ErrNoRows
	if w.memArticles == nil || w.memArticles[a.ID] {
		err = w.row(ctx, `SELECT content_hash FROM articles WHERE id = $1`, []any{a.ID}, &hash)
	}
	switch {
	case err == nil && hash == a.ContentHash:
		// The same content under another address.
		err := w.write(ctx, `INSERT INTO article_urls (url, article_id) VALUES ($1, $2)`, key, a.ID)
		w.storedURL(key)
		return Result{Outcome: Duplicate}, err
	case err == nil:
		// The same ID with other content: IDs that are not content
		// hashes (CoNLL-U documents) name the article, so it changed.
		if err := s.deleteArticle(ctx, w, a.ID); err != nil {
			return res, err
		}
		res.Outcome = Replaced
	case !errors.Is(err, sql.ErrNoRows):
		return res, err
	}
	srcID, err := w.source(ctx, a.sourceName())
	if err != nil {
		return res, err
	}
	if err := w.write(ctx, `INSERT INTO articles (id, canonical_url, url, source_id, title, byline, published, language, origin, dup_group, text, content_hash, added)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		a.ID, key, a.URL, srcID, a.Title, a.Byline, timeText(a.Published), a.Language, a.Origin, a.DuplicateOf, a.Text, a.ContentHash, s.opts.Now().Unix()); err != nil {
		return res, err
	}
	if err := w.write(ctx, `INSERT INTO article_urls (url, article_id) VALUES ($1, $2)`, key, a.ID); err != nil {
		return res, err
	}
	w.storedURL(key)
	if w.memArticles != nil {
		w.memArticles[a.ID] = true
	}
	if s.d.ftsAdd != "" && !w.noFTS {
		w.fts = append(w.fts, a.ID)
	}
	rows := make([][]any, len(c.Sentences))
	for i, se := range c.Sentences {
		rows[i] = []any{a.ID, se.Index, se.ID, se.Section, se.Paragraph, se.Start, se.End, se.Text}
	}
	if err := w.insert(ctx, `INSERT INTO sentences (article_id, idx, sid, section, paragraph, start_byte, end_byte, text) VALUES `, rows); err != nil {
		return res, err
	}
	if a.DuplicateOf != "" {
		res.Outcome = Duplicate
		return res, nil
	}
	used := map[int64]bool{}
	var mentions [][]any
	var merged []int64
	var fresh []pendingEvent
	for i := range c.Events {
		r := &c.Events[i]
		target, isNew, err := s.appendEvent(ctx, w, a, r, used, &fresh)
		if err != nil {
			return res, err
		}
		if isNew {
			res.Events++
		} else {
			res.Merged++
			merged = append(merged, target)
		}
		for _, m := range r.Mentions {
			det, err := json.Marshal(mentionDetail{Verb: m.Verb, SourceSpan: m.SourceSpan, TargetSpan: m.TargetSpan, Evidence: m.Evidence, Date: m.Date, Confidence: m.Confidence})
			if err != nil {
				return res, err
			}
			mentions = append(mentions, []any{target, a.ID, r.ID, m.Sentence, m.Code, m.Anchor, m.Rule, m.Pattern, boolInt(r.IsRoot), string(det)})
		}
	}
	if err := w.storeEvents(ctx, fresh); err != nil {
		return res, err
	}
	if err := w.insert(ctx, `INSERT INTO mentions (event_id, article_id, record_id, sentence, code, anchor, rule, pattern, is_root, detail) VALUES `, mentions); err != nil {
		return res, err
	}
	for _, id := range merged {
		w.merged[id] = true
	}
	return res, nil
}

// storedURL notes an address stored by a bulk load into an empty store.
func (w *txw) storedURL(key string) {
	if w.memURLs != nil {
		w.memURLs[key] = true
	}
}

// source returns the ID of the source named name, storing it if new.
// Sources are never deleted, so the IDs looked up stay right for the
// transaction.
func (w *txw) source(ctx context.Context, name string) (int64, error) {
	if id, ok := w.sources[name]; ok {
		return id, nil
	}
	if _, err := w.exec(ctx, `INSERT INTO sources (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, name); err != nil {
		return 0, err
	}
	var id int64
	if err := w.row(ctx, `SELECT id FROM sources WHERE name = $1`, []any{name}, &id); err != nil {
		return 0, err
	}
	w.sources[name] = id
	return id, nil
}

// rowsPerInsert bounds the rows of one multi-row INSERT.
const rowsPerInsert = 64

// insertRows runs head (an INSERT ... VALUES ) for the rows, many rows to
// a statement: each statement run costs more than its rows. The
// statements are prepared once for each head and number of rows, and
// their text is only built then.
func (w *txw) insertRows(ctx context.Context, head string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		k := insertKey{head, n}
		st, ok := w.inserts[k]
		if !ok {
			var q strings.Builder
			q.WriteString(head)
			p := 0
			for i := range n {
				if i > 0 {
					q.WriteString(", ")
				}
				q.WriteString("(")
				for j := range rows[i] {
					if j > 0 {
						q.WriteString(", ")
					}
					p++
					q.WriteString("$" + strconv.Itoa(p))
				}
				q.WriteString(")")
			}
			var err error
			if st, err = w.stmt(ctx, q.String()); err != nil {
				return err
			}
			w.inserts[k] = st
		}
		args := w.args[:0]
		for _, row := range rows[:n] {
			args = append(args, row...)
		}
		_, err := st.ExecContext(ctx, args...)
		clear(args)
		w.args = args[:0]
		if err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
}

// insertKey names a prepared multi-row INSERT: its head and its number
// of rows.
type insertKey struct {
	head string
	rows int
}

func dayNum(t time.Time) int64 {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400
}

func dayTime(n int64) time.Time { return time.Unix(n*86400, 0).UTC() }

func timeText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

// mentionDetail is the part of a mention kept as JSON.
type mentionDetail struct {
	Verb       coder.Span       `json:"verb"`
	SourceSpan coder.Span       `json:"source_span"`
	TargetSpan coder.Span       `json:"target_span"`
	Evidence   []coder.Evidence `json:"evidence"`
	Date       *story.DateJSON  `json:"date,omitempty"`
	Confidence float64          `json:"confidence"`
}

// pendingEvent is a new event of the article being appended, stored with
// the article's other new events once all are known.
type pendingEvent struct {
	r      *story.Record
	day    int64
	hasDay bool
	id     int64
	args   []any // the events row
}

// candidates returns the IDs of the stored events r (of the given day)
// may merge into, nearest in time first.
func (w *txw) candidates(ctx context.Context, r *story.Record, day, win int64) ([]dayID, error) {
	if err := w.sync(); err != nil {
		return nil, err
	}
	st, err := w.stmt(ctx, `SELECT id, day FROM events WHERE a1_code = $1 AND a2_code = $2 AND code = $3 AND day BETWEEN $4 AND $5 AND modality = $6 ORDER BY abs(day - $7), id LIMIT `+strconv.Itoa(mergeCandidates))
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, r.Source.Code, r.Target.Code, r.Code, day-win, day+win, r.Modality, day)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dayID
	for rows.Next() {
		var e dayID
		if err := rows.Scan(&e.id, &e.day); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// sameKey says whether two events may merge: the same dyad, code and
// modality.
func sameKey(a, b *story.Record) bool {
	return a.Source.Code == b.Source.Code && a.Target.Code == b.Target.Code && a.Code == b.Code && a.Modality == b.Modality
}

// appendEvent finds the stored event an article's event merges into: one
// of the same dyad, code and modality within the window that this
// article has not already joined; else it queues the event as a new one
// (on fresh). It returns the event's ID and whether it is new. The
// caller stores the new events and adds the mentions.
func (s *db) appendEvent(ctx context.Context, w *txw, a *Article, r *story.Record, used map[int64]bool, fresh *[]pendingEvent) (int64, bool, error) {
	var day int64
	t := r.Day()
	hasDay := !t.IsZero()
	if hasDay {
		day = dayNum(t)
	}
	var mk mergeKey
	if w.mem != nil {
		mk = w.mem.key(r.Source.Code, r.Target.Code, r.Code, r.Modality)
	}
	var target int64
	if hasDay {
		win := int64(s.opts.window())
		var cands []int64
		if w.mem != nil {
			cands = w.mem.candidates(mk, day, win)
		} else {
			stored, err := w.candidates(ctx, r, day, win)
			if err != nil {
				return 0, false, err
			}
			// The article's own new events are not stored yet; they
			// take their places among the candidates as if they were.
			for _, e := range *fresh {
				if e.hasDay && sameKey(e.r, r) {
					stored = append(stored, dayID{e.day, e.id})
				}
			}
			cands = nearest(stored, day, win)
		}
		for _, id := range cands {
			if !used[id] {
				target = id
				break
			}
		}
	}
	if target != 0 {
		used[target] = true
		return target, false, nil
	}
	id, err := s.freeID(ctx, w, r.ID, *fresh)
	if err != nil {
		return 0, false, err
	}
	*fresh = append(*fresh, pendingEvent{r: r, day: day, hasDay: hasDay, id: id, args: s.eventRow(a, r, id, day, hasDay)})
	if w.mem != nil {
		w.memIDs[id] = true
		if hasDay {
			w.mem.add(mk, day, id)
		}
	}
	used[id] = true
	return id, true, s.addActors(ctx, w, r)
}

// freeID returns the ID a new event is stored under: the record's, or,
// should a stored event (of an earlier version of the article, or of
// another article with the same ID) or another of the article's new
// events hold it, one derived from it.
func (s *db) freeID(ctx context.Context, w *txw, id int64, fresh []pendingEvent) (int64, error) {
	first := id
	for range 16 {
		taken := slices.ContainsFunc(fresh, func(e pendingEvent) bool { return e.id == id })
		if !taken && w.mem != nil {
			taken = w.memIDs[id]
		} else if !taken {
			var n int
			if err := w.row(ctx, `SELECT count(*) FROM events WHERE id = $1`, []any{id}, &n); err != nil {
				return 0, err
			}
			taken = n > 0
		}
		if !taken {
			return id, nil
		}
		id = (id*31 + 7) & (1<<63 - 1)
	}
	return 0, fmt.Errorf("event %d: no free ID", first)
}

// eventRow is the events row of a new event.
func (s *db) eventRow(a *Article, r *story.Record, id, day int64, hasDay bool) []any {
	var dayArg any
	if hasDay {
		dayArg = day
	}
	var dv, dp, dt string
	dr := 0
	if r.Date != nil {
		dv, dp, dt, dr = r.Date.Value, r.Date.Precision, r.Date.Text, boolInt(r.Date.Resolved)
	}
	pub := ""
	if r.Published != nil {
		pub = timeText(*r.Published)
	}
	args := []any{id, dayArg, r.Source.Code, r.Source.Name, r.Target.Code, r.Target.Name,
		boolInt(r.IsRoot), r.Code, r.Confidence, r.Modality, r.QuadClass, r.Goldstein,
		len(r.Mentions), 1, 1, s.opts.Now().Unix(), a.ID, r.PLOVER.Category, pub, dv, dp, dr, dt}
	return append(args, geoCols(r.ActionGeo)...)
}

// storeEvents stores an article's new events.
func (w *txw) storeEvents(ctx context.Context, fresh []pendingEvent) error {
	rows := make([][]any, len(fresh))
	for i, e := range fresh {
		rows[i] = e.args
	}
	return w.insert(ctx, `INSERT INTO events `+eventColumns+` VALUES `, rows)
}

// eventColumns are the columns of eventRow's rows.
const eventColumns = `(id, day, a1_code, a1_name, a2_code, a2_name,
	is_root, code, confidence, modality, quad_class, goldstein, num_mentions, num_sources, num_articles,
	date_added, article_id, plover_category, published, date_value, date_precision, date_resolved, date_text,
	geo_type, geo_full_name, geo_country_code, geo_adm1_code, geo_lat, geo_long, geo_feature_id, geo_method, geo_text)`

// geoCols are the ActionGeo columns of g, zero when nil.
func geoCols(g *story.GeoJSON) []any {
	if g == nil {
		g = &story.GeoJSON{}
	}
	return []any{g.Type, g.FullName, g.CountryCode, g.ADM1Code, g.Lat, g.Long, g.FeatureID, g.Method, g.Text}
}

// addActors records the event's actors and the words that named them.
func (s *db) addActors(ctx context.Context, w *txw, r *story.Record) error {
	for _, x := range []story.Actor{r.Source, r.Target} {
		s.mu.Lock()
		known, knownName := s.actors[x.Code] || w.written[x.Code], s.actors[x.Code+"\x00"+x.Name] || w.written[x.Code+"\x00"+x.Name]
		s.mu.Unlock()
		if !known {
			var cols []any
			for i, c := range x.Columns() {
				if i != 1 { // the actors table has names apart
					cols = append(cols, c)
				}
			}
			if err := w.write(ctx, `INSERT INTO actors (code, country, known_group, religion1, religion2, type1, type2, type3) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING`, cols...); err != nil {
				return err
			}
			w.actors = append(w.actors, x.Code)
			w.written[x.Code] = true
		}
		if !knownName && x.Name != "" {
			if err := w.write(ctx, `INSERT INTO actor_names (code, name) VALUES ($1, $2) ON CONFLICT (code, name) DO NOTHING`, x.Code, x.Name); err != nil {
				return err
			}
			w.actors = append(w.actors, x.Code+"\x00"+x.Name)
			w.written[x.Code+"\x00"+x.Name] = true
		}
	}
	return nil
}

// refresh recounts an event's mentions, articles and sources after its
// mentions changed.
func (s *db) refresh(ctx context.Context, w *txw, id int64) error {
	_, err := w.exec(ctx, `UPDATE events SET
		num_mentions = (SELECT count(*) FROM mentions WHERE event_id = $1),
		num_articles = (SELECT count(DISTINCT article_id) FROM mentions WHERE event_id = $1),
		num_sources = (SELECT count(DISTINCT a.source_id) FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.event_id = $1),
		is_root = (SELECT max(is_root) FROM mentions WHERE event_id = $1),
		article_id = (SELECT article_id FROM mentions WHERE event_id = $1 ORDER BY id LIMIT 1)
		WHERE id = $1`, id)
	return err
}

// deleteArticle removes an article, its sentences and mentions, and the
// events only it reported; events other articles report are recounted.
func (s *db) deleteArticle(ctx context.Context, w *txw, id string) error {
	evs, err := w.ids(ctx, `SELECT DISTINCT event_id FROM mentions WHERE article_id = $1`, id)
	if err != nil {
		return err
	}
	if _, err := w.exec(ctx, `DELETE FROM mentions WHERE article_id = $1`, id); err != nil {
		return err
	}
	for _, ev := range evs {
		var n int
		if err := w.row(ctx, `SELECT count(*) FROM mentions WHERE event_id = $1`, []any{ev}, &n); err != nil {
			return err
		}
		if n == 0 {
			if w.mem != nil {
				if err := w.mem.remove(ctx, w, ev); err != nil {
					return err
				}
				delete(w.memIDs, ev)
			}
			_, err = w.exec(ctx, `DELETE FROM events WHERE id = $1`, ev)
		} else {
			err = s.refresh(ctx, w, ev)
		}
		if err != nil {
			return err
		}
	}
	if s.d.ftsDelete != "" {
		if _, err := w.exec(ctx, s.d.ftsDelete, id); err != nil {
			return err
		}
	}
	for _, q := range []string{`DELETE FROM sentences WHERE article_id = $1`, `DELETE FROM article_urls WHERE article_id = $1`, `DELETE FROM articles WHERE id = $1`} {
		if _, err := w.exec(ctx, q, id); err != nil {
			return err
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// quadName is the name of a QuadClass, "" for 0.
func quadName(q int) string {
	if q == 0 {
		return ""
	}
	return codebook.Quad(q).String()
}
