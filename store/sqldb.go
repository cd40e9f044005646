package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
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
	// ftsAdd and ftsDelete keep the full-text index of article $1, for
	// backends whose index is not maintained by the database; "" if it is.
	ftsAdd, ftsDelete string
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
		tx, err := s.sql.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %s: %w", f, err)
		}
		if _, err := tx.ExecContext(ctx, s.d.rebind(`INSERT INTO schema_migrations (version, name, applied) VALUES ($1, $2, $3)`), v, f, s.opts.Now().Unix()); err != nil {
			tx.Rollback()
			return fmt.Errorf("store: migration %s: %w", f, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("store: migration %s: %w", f, err)
		}
	}
	return nil
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

func (w *txw) exec(ctx context.Context, q string, args ...any) (sql.Result, error) {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (w *txw) row(ctx context.Context, q string, args []any, dest ...any) error {
	st, err := w.stmt(ctx, q)
	if err != nil {
		return err
	}
	return st.QueryRowContext(ctx, args...).Scan(dest...)
}

func (w *txw) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
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
	for _, st := range w.stmts {
		st.Close()
	}
}

// Append stores the batch in one transaction.
func (s *db) Append(ctx context.Context, batch []Coded) ([]Result, error) {
	tx, err := s.sql.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	w := &txw{tx: tx, d: s.d, stmts: map[string]*sql.Stmt{}}
	defer w.close()
	out := make([]Result, len(batch))
	for i := range batch {
		r, err := s.appendOne(ctx, w, &batch[i])
		if err != nil {
			tx.Rollback()
			return nil, fmt.Errorf("store: article %s: %w", batch[i].Article.key(), err)
		}
		out[i] = r
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	s.mu.Lock()
	for _, k := range w.actors {
		s.actors[k] = true
	}
	s.mu.Unlock()
	return out, nil
}

func (s *db) appendOne(ctx context.Context, w *txw, c *Coded) (Result, error) {
	a := &c.Article
	a.ContentHash = contentHash(a.Text)
	key := a.key()
	res := Result{Outcome: New}
	var oldID, oldHash string
	err := w.row(ctx, `SELECT u.article_id, a.content_hash FROM article_urls u JOIN articles a ON a.id = u.article_id WHERE u.url = $1`, []any{key}, &oldID, &oldHash)
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
	err = w.row(ctx, `SELECT content_hash FROM articles WHERE id = $1`, []any{a.ID}, &hash)
	switch {
	case err == nil && hash == a.ContentHash:
		// The same content under another address.
		_, err := w.exec(ctx, `INSERT INTO article_urls (url, article_id) VALUES ($1, $2)`, key, a.ID)
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
	src := a.sourceName()
	if _, err := w.exec(ctx, `INSERT INTO sources (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, src); err != nil {
		return res, err
	}
	var srcID int64
	if err := w.row(ctx, `SELECT id FROM sources WHERE name = $1`, []any{src}, &srcID); err != nil {
		return res, err
	}
	if _, err := w.exec(ctx, `INSERT INTO articles (id, canonical_url, url, source_id, title, byline, published, language, origin, dup_group, text, content_hash, added)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
		a.ID, key, a.URL, srcID, a.Title, a.Byline, timeText(a.Published), a.Language, a.Origin, a.DuplicateOf, a.Text, a.ContentHash, s.opts.Now().Unix()); err != nil {
		return res, err
	}
	if _, err := w.exec(ctx, `INSERT INTO article_urls (url, article_id) VALUES ($1, $2)`, key, a.ID); err != nil {
		return res, err
	}
	if s.d.ftsAdd != "" {
		if _, err := w.exec(ctx, s.d.ftsAdd, a.ID); err != nil {
			return res, err
		}
	}
	rows := make([][]any, len(c.Sentences))
	for i, se := range c.Sentences {
		rows[i] = []any{a.ID, se.Index, se.ID, se.Section, se.Paragraph, se.Start, se.End, se.Text}
	}
	if err := w.insertRows(ctx, `INSERT INTO sentences (article_id, idx, sid, section, paragraph, start_byte, end_byte, text) VALUES `, rows); err != nil {
		return res, err
	}
	if a.DuplicateOf != "" {
		res.Outcome = Duplicate
		return res, nil
	}
	used := map[int64]bool{}
	var mentions [][]any
	var merged []int64
	for i := range c.Events {
		r := &c.Events[i]
		target, isNew, err := s.appendEvent(ctx, w, a, r, used)
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
	if err := w.insertRows(ctx, `INSERT INTO mentions (event_id, article_id, record_id, sentence, code, anchor, rule, pattern, is_root, detail) VALUES `, mentions); err != nil {
		return res, err
	}
	// Counts of the events the article joined, now that its mentions are in.
	for _, id := range merged {
		if err := s.refresh(ctx, w, id); err != nil {
			return res, err
		}
	}
	return res, nil
}

// rowsPerInsert bounds the rows of one multi-row INSERT.
const rowsPerInsert = 64

// insertRows runs head (an INSERT ... VALUES ) for the rows, many rows to
// a statement: each statement run costs more than its rows.
func (w *txw) insertRows(ctx context.Context, head string, rows [][]any) error {
	for len(rows) > 0 {
		n := min(len(rows), rowsPerInsert)
		var q strings.Builder
		q.WriteString(head)
		var args []any
		for i, row := range rows[:n] {
			if i > 0 {
				q.WriteString(", ")
			}
			q.WriteString("(")
			for j, v := range row {
				if j > 0 {
					q.WriteString(", ")
				}
				args = append(args, v)
				q.WriteString("$" + strconv.Itoa(len(args)))
			}
			q.WriteString(")")
		}
		if _, err := w.exec(ctx, q.String(), args...); err != nil {
			return err
		}
		rows = rows[n:]
	}
	return nil
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

// appendEvent stores an article's event, merging it into a stored event
// of the same dyad and code within the window that this article has not
// already merged into; it returns the stored event's ID and whether it is
// new. The caller adds the mentions.
func (s *db) appendEvent(ctx context.Context, w *txw, a *Article, r *story.Record, used map[int64]bool) (int64, bool, error) {
	var day int64
	t := r.Day()
	hasDay := !t.IsZero()
	if hasDay {
		day = dayNum(t)
	}
	var target int64
	if hasDay {
		win := int64(s.opts.window())
		cands, err := w.ids(ctx, `SELECT id FROM events WHERE a1_code = $1 AND a2_code = $2 AND code = $3 AND day BETWEEN $4 AND $5 AND modality = $7 ORDER BY abs(day - $6), id LIMIT 8`,
			r.Source.Code, r.Target.Code, r.Code, day-win, day+win, day, r.Modality)
		if err != nil {
			return 0, false, err
		}
		for _, id := range cands {
			if !used[id] {
				target = id
				break
			}
		}
	}
	merged := target != 0
	if !merged {
		var err error
		if target, err = s.insertEvent(ctx, w, a, r, day, hasDay); err != nil {
			return 0, false, err
		}
	}
	used[target] = true
	if merged {
		return target, false, nil
	}
	return target, true, s.addActors(ctx, w, r)
}

// insertEvent stores a new event and returns its ID: the record's, or,
// should an event of an earlier version of the article hold it, one
// derived from it.
func (s *db) insertEvent(ctx context.Context, w *txw, a *Article, r *story.Record, day int64, hasDay bool) (int64, error) {
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
	id := r.ID
	for range 16 {
		args := []any{id, dayArg, r.Source.Code, r.Source.Name, r.Target.Code, r.Target.Name,
			boolInt(r.IsRoot), r.Code, r.Confidence, r.Modality, r.QuadClass, r.Goldstein,
			len(r.Mentions), 1, 1, s.opts.Now().Unix(), a.ID, r.PLOVER.Category, pub, dv, dp, dr, dt}
		args = append(args, geoCols(r.ActionGeo)...)
		res, err := w.exec(ctx, `INSERT INTO events (id, day, a1_code, a1_name, a2_code, a2_name,
			is_root, code, confidence, modality, quad_class, goldstein, num_mentions, num_sources, num_articles,
			date_added, article_id, plover_category, published, date_value, date_precision, date_resolved, date_text,
			geo_type, geo_full_name, geo_country_code, geo_adm1_code, geo_lat, geo_long, geo_feature_id, geo_method, geo_text)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
			$21, $22, $23, $24, $25, $26, $27, $28, $29, $30, $31, $32)
			ON CONFLICT (id) DO NOTHING`, args...)
		if err != nil {
			return 0, err
		}
		if n, err := res.RowsAffected(); err != nil || n == 1 {
			return id, err
		}
		id = (id*31 + 7) & (1<<63 - 1)
	}
	return 0, fmt.Errorf("event %d: no free ID", r.ID)
}

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
		known, knownName := s.actors[x.Code], s.actors[x.Code+"\x00"+x.Name]
		s.mu.Unlock()
		if !known {
			var cols []any
			for i, c := range x.Columns() {
				if i != 1 { // the actors table has names apart
					cols = append(cols, c)
				}
			}
			if _, err := w.exec(ctx, `INSERT INTO actors (code, country, known_group, religion1, religion2, type1, type2, type3) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (code) DO NOTHING`, cols...); err != nil {
				return err
			}
			w.actors = append(w.actors, x.Code)
		}
		if !knownName && x.Name != "" {
			if _, err := w.exec(ctx, `INSERT INTO actor_names (code, name) VALUES ($1, $2) ON CONFLICT (code, name) DO NOTHING`, x.Code, x.Name); err != nil {
				return err
			}
			w.actors = append(w.actors, x.Code+"\x00"+x.Name)
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
