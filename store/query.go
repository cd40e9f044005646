package store

import (
	"context"
	"database/sql"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"dyad/codebook"
	"dyad/coder/story"
)

// Cursor marks where a page of events ended: the sort it belongs to, the
// last event's sort key and its ID.
type Cursor struct {
	Sort Sort
	Key  float64
	ID   int64
}

// String encodes the cursor for a client to send back.
func (c Cursor) String() string {
	s := strconv.Itoa(int(c.Sort)) + ":" + strconv.FormatFloat(c.Key, 'g', -1, 64) + ":" + strconv.FormatInt(c.ID, 10)
	return base64.RawURLEncoding.EncodeToString([]byte(s))
}

// ParseCursor decodes a cursor that Cursor.String made; anything else is
// ErrBadCursor.
func ParseCursor(s string) (Cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil || len(b) > 64 {
		return Cursor{}, ErrBadCursor
	}
	f := strings.Split(string(b), ":")
	if len(f) != 3 {
		return Cursor{}, ErrBadCursor
	}
	so, err1 := strconv.Atoi(f[0])
	key, err2 := strconv.ParseFloat(f[1], 64)
	id, err3 := strconv.ParseInt(f[2], 10, 64)
	if err1 != nil || err2 != nil || err3 != nil || so < 0 || so >= int(numSorts) || key != key {
		return Cursor{}, ErrBadCursor
	}
	return Cursor{Sort: Sort(so), Key: key, ID: id}, nil
}

// builder collects a query's conditions and arguments, numbering the
// placeholders.
type builder struct {
	where []string
	args  []any
}

func (b *builder) arg(v any) string {
	b.args = append(b.args, v)
	return "$" + strconv.Itoa(len(b.args))
}

func (b *builder) cond(format string, vals ...any) {
	ph := make([]any, len(vals))
	for i, v := range vals {
		ph[i] = b.arg(v)
	}
	b.where = append(b.where, fmt.Sprintf(format, ph...))
}

func (b *builder) whereSQL() string {
	if len(b.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(b.where, " AND ")
}

// prefixEnd is the least string greater than every string starting with
// p, for prefix matches that use an index ("" when there is none).
func prefixEnd(p string) string {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return string(b[:i+1])
		}
	}
	return ""
}

// prefix adds "col starts with p" as an index range.
func (b *builder) prefix(col, p string) string {
	lo := b.arg(p)
	if end := prefixEnd(p); end != "" {
		return "(" + col + " >= " + lo + " AND " + col + " < " + b.arg(end) + ")"
	}
	return col + " >= " + lo
}

// likeArg makes a case-insensitive substring pattern of s for
// lower(col) LIKE ... ESCAPE '\'.
func likeArg(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return "%" + r.Replace(strings.ToLower(s)) + "%"
}

func (s *db) eventFilter(b *builder, q *EventQuery) {
	if q.Actor != "" {
		b.where = append(b.where, "("+b.prefix("e.a1_code", q.Actor)+" OR "+b.prefix("e.a2_code", q.Actor)+")")
	}
	if q.ActorName != "" {
		b.cond(`(lower(e.a1_name) LIKE %[1]s ESCAPE '\' OR lower(e.a2_name) LIKE %[1]s ESCAPE '\')`, likeArg(q.ActorName))
	}
	if q.Source != "" {
		b.where = append(b.where, b.prefix("e.a1_code", q.Source))
	}
	if q.Target != "" {
		b.where = append(b.where, b.prefix("e.a2_code", q.Target))
	}
	if d := q.Dyad; d != nil {
		if d.Directed {
			b.cond("(e.a1_code = %s AND e.a2_code = %s)", d.A, d.B)
		} else {
			b.cond("((e.a1_code = %[1]s AND e.a2_code = %[2]s) OR (e.a1_code = %[2]s AND e.a2_code = %[1]s))", d.A, d.B)
		}
	}
	if q.Code != "" {
		b.where = append(b.where, b.prefix("e.code", q.Code))
	}
	if q.Root != "" {
		b.where = append(b.where, b.prefix("e.code", q.Root))
	}
	if q.QuadClass != 0 {
		b.cond("e.quad_class = %s", q.QuadClass)
	}
	if q.PLOVER != "" {
		b.cond("e.plover_category = %s", q.PLOVER)
	}
	if q.Country != "" {
		b.cond("e.geo_country_code = %s", q.Country)
	}
	if q.ADM1 != "" {
		b.cond("e.geo_adm1_code = %s", q.ADM1)
	}
	if x := q.BBox; x != nil {
		b.cond("(e.geo_type <> 0 AND e.geo_lat >= %s AND e.geo_lat <= %s)", x.South, x.North)
		if x.West <= x.East {
			b.cond("(e.geo_long >= %s AND e.geo_long <= %s)", x.West, x.East)
		} else {
			b.cond("(e.geo_long >= %s OR e.geo_long <= %s)", x.West, x.East)
		}
	}
	dayRange(b, "e.day", q.From, q.To)
	if q.Text != "" {
		b.where = append(b.where, "e.id IN (SELECT m.event_id FROM mentions m WHERE m.article_id IN ("+s.d.ftsArticles(b.arg(s.d.ftsArg(q.Text)))+"))")
	}
	if q.ArticleID != "" {
		b.cond("e.id IN (SELECT event_id FROM mentions WHERE article_id = %s)", q.ArticleID)
	}
}

func dayRange(b *builder, col string, from, to time.Time) {
	if !from.IsZero() {
		b.cond(col+" >= %s", dayNum(from))
	}
	if !to.IsZero() {
		b.cond(col+" <= %s", dayNum(to))
	}
}

// noDay sorts events without a day before all others.
const noDay = -99999999

// sortSQL gives a sort's key expression and direction.
func sortSQL(so Sort) (key string, desc bool) {
	switch so {
	case ByDate:
		return fmt.Sprintf("COALESCE(e.day, %d)", noDay), false
	case ByDateDesc:
		return fmt.Sprintf("COALESCE(e.day, %d)", noDay), true
	case ByGoldstein:
		return "e.goldstein", false
	case ByGoldsteinDesc:
		return "e.goldstein", true
	case ByMentionsDesc:
		return "e.num_mentions", true
	}
	return "e.id", false
}

// Events returns a page of the events q selects.
func (s *db) Events(ctx context.Context, q EventQuery) (EventPage, error) {
	if q.Sort < 0 || q.Sort >= numSorts {
		return EventPage{}, fmt.Errorf("store: sort %d", q.Sort)
	}
	b := &builder{}
	s.eventFilter(b, &q)
	key, desc := sortSQL(q.Sort)
	op, dir := ">", "ASC"
	if desc {
		op, dir = "<", "DESC"
	}
	if c := q.After; c != nil {
		if c.Sort != q.Sort {
			return EventPage{}, ErrBadCursor
		}
		switch q.Sort {
		case ByID:
			b.cond("e.id "+op+" %s", c.ID)
		case ByGoldstein, ByGoldsteinDesc:
			b.cond(fmt.Sprintf("(%[1]s %[2]s %%[1]s OR (%[1]s = %%[1]s AND e.id %[2]s %%[2]s))", key, op), c.Key, c.ID)
		default:
			b.cond(fmt.Sprintf("(%[1]s %[2]s %%[1]s OR (%[1]s = %%[1]s AND e.id %[2]s %%[2]s))", key, op), int64(c.Key), c.ID)
		}
	}
	limit := clampLimit(q.Limit, 100)
	sel := key
	if q.Sort == ByID {
		sel = "0" // the cursor holds the ID itself
	}
	query := "SELECT e.id, " + sel + " FROM events e" + b.whereSQL() + " ORDER BY " + key + " " + dir + ", e.id " + dir + " LIMIT " + strconv.Itoa(limit+1)
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(query), b.args...)
	if err != nil {
		return EventPage{}, fmt.Errorf("store: events: %w", err)
	}
	defer rows.Close()
	var ids []int64
	var keys []float64
	for rows.Next() {
		var id int64
		var k float64
		if err := rows.Scan(&id, &k); err != nil {
			return EventPage{}, err
		}
		ids, keys = append(ids, id), append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return EventPage{}, err
	}
	var page EventPage
	if len(ids) > limit {
		ids, keys = ids[:limit], keys[:limit]
		page.Next = &Cursor{Sort: q.Sort, Key: keys[limit-1], ID: ids[limit-1]}
	}
	page.Events, err = s.records(ctx, ids)
	return page, err
}

func clampLimit(n, def int) int {
	switch {
	case n <= 0:
		return def
	case n > MaxLimit:
		return MaxLimit
	}
	return n
}

// Event returns one event.
func (s *db) Event(ctx context.Context, id int64) (story.Record, error) {
	recs, err := s.records(ctx, []int64{id})
	if err != nil {
		return story.Record{}, err
	}
	if len(recs) == 0 {
		return story.Record{}, ErrNotFound
	}
	return recs[0], nil
}

// eventCols are the columns scanRecord reads, from events e and the
// actors a1 and a2 (their codes' parts) and articles a.
const eventCols = `e.id, e.article_id, COALESCE(a.url, ''), COALESCE(a.origin, ''), COALESCE(a.title, ''),
	e.a1_code, e.a1_name, COALESCE(a1.country, ''), COALESCE(a1.known_group, ''), COALESCE(a1.religion1, ''), COALESCE(a1.religion2, ''),
	COALESCE(a1.type1, ''), COALESCE(a1.type2, ''), COALESCE(a1.type3, ''),
	e.a2_code, e.a2_name, COALESCE(a2.country, ''), COALESCE(a2.known_group, ''), COALESCE(a2.religion1, ''), COALESCE(a2.religion2, ''),
	COALESCE(a2.type1, ''), COALESCE(a2.type2, ''), COALESCE(a2.type3, ''),
	e.code, e.confidence, e.modality, e.goldstein, e.quad_class, e.plover_category,
	e.is_root, e.num_mentions, e.num_sources, e.num_articles, e.date_added, e.published,
	e.date_value, e.date_precision, e.date_resolved, e.date_text,
	e.geo_type, e.geo_full_name, e.geo_country_code, e.geo_adm1_code, e.geo_lat, e.geo_long, e.geo_feature_id, e.geo_method, e.geo_text
	FROM events e LEFT JOIN articles a ON a.id = e.article_id
	LEFT JOIN actors a1 ON a1.code = e.a1_code LEFT JOIN actors a2 ON a2.code = e.a2_code`

// records loads the events with the given IDs, in that order, with their
// mentions.
func (s *db) records(ctx context.Context, ids []int64) ([]story.Record, error) {
	if len(ids) == 0 {
		return []story.Record{}, nil
	}
	b := &builder{}
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = b.arg(id)
	}
	in := strings.Join(ph, ", ")
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT `+eventCols+` WHERE e.id IN (`+in+`)`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	byID := make(map[int64]*story.Record, len(ids))
	for rows.Next() {
		r, err := scanRecord(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		byID[r.ID] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// A mention's ID, section, paragraph, text and offsets are its
	// sentence's.
	rows, err = s.sql.QueryContext(ctx, s.d.rebind(`SELECT m.event_id, m.article_id, m.sentence, COALESCE(s.sid, ''), COALESCE(s.section, ''), COALESCE(s.paragraph, 0), COALESCE(s.text, ''),
		m.code, m.anchor, COALESCE(s.start_byte, -1), COALESCE(s.end_byte, -1), m.rule, m.pattern, m.detail
		FROM mentions m LEFT JOIN sentences s ON s.article_id = m.article_id AND s.idx = m.sentence
		WHERE m.event_id IN (`+in+`) ORDER BY m.event_id, m.id`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("store: mentions: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ev int64
		var m story.MentionJSON
		var section, detail string
		if err := rows.Scan(&ev, &m.ArticleID, &m.Sentence, &m.SentenceID, &section, &m.Paragraph, &m.Text, &m.Code, &m.Anchor, &m.Start, &m.End, &m.Rule, &m.Pattern, &detail); err != nil {
			return nil, err
		}
		m.Section = story.Section(section)
		var d mentionDetail
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return nil, fmt.Errorf("store: mention of event %d: %w", ev, err)
		}
		m.Verb, m.SourceSpan, m.TargetSpan, m.Evidence, m.Date, m.Confidence = d.Verb, d.SourceSpan, d.TargetSpan, d.Evidence, d.Date, d.Confidence
		if r := byID[ev]; r != nil {
			r.Mentions = append(r.Mentions, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]story.Record, 0, len(ids))
	for _, id := range ids {
		if r := byID[id]; r != nil {
			out = append(out, *r)
		}
	}
	return out, nil
}

func scanRecord(rows *sql.Rows) (*story.Record, error) {
	r := &story.Record{}
	var a1, a2 [9]string
	var pub, dv, dp, dt string
	var root, dr int
	var added int64
	dest := []any{&r.ID, &r.ArticleID, &r.URL, &r.Origin, &r.Title}
	for i := range a1 {
		dest = append(dest, &a1[i])
	}
	for i := range a2 {
		dest = append(dest, &a2[i])
	}
	dest = append(dest, &r.Code, &r.Confidence, &r.Modality, &r.Goldstein, &r.QuadClass, &r.PLOVER.Category,
		&root, &r.NumMentions, &r.NumSources, &r.NumArticles, &added, &pub, &dv, &dp, &dr, &dt)
	var g story.GeoJSON
	dest = append(dest, &g.Type, &g.FullName, &g.CountryCode, &g.ADM1Code, &g.Lat, &g.Long, &g.FeatureID, &g.Method, &g.Text)
	if err := rows.Scan(dest...); err != nil {
		return nil, err
	}
	r.Source, r.Target = actorFrom(a1), actorFrom(a2)
	r.Quad = quadName(r.QuadClass)
	r.BaseCode, r.RootCode = r.Code[:min(3, len(r.Code))], r.Code[:min(2, len(r.Code))]
	if c, ok := codebook.Lookup(r.Code); ok {
		r.Label, r.PLOVER.Mode, r.PLOVER.Context = c.Label, c.PLOVER.Mode, c.PLOVER.Context
	}
	r.IsRoot = root != 0
	t := time.Unix(added, 0).UTC()
	r.DateAdded = &t
	if pub != "" {
		p, err := time.Parse(time.RFC3339Nano, pub)
		if err != nil {
			return nil, fmt.Errorf("store: event %d: published %q: %w", r.ID, pub, err)
		}
		r.Published, r.PublishedKnown = &p, true
	}
	if dp != "" {
		r.Date = &story.DateJSON{Value: dv, Precision: dp, Resolved: dr != 0, Text: dt}
	}
	if g.Type != 0 {
		r.ActionGeo = &g
	}
	r.Mentions = []story.MentionJSON{}
	return r, nil
}

func actorFrom(c [9]string) story.Actor {
	x := story.Actor{Code: c[0], Name: c[1], Country: c[2], KnownGroup: c[3]}
	for _, v := range c[4:6] {
		if v != "" {
			x.Religions = append(x.Religions, v)
		}
	}
	for _, v := range c[6:9] {
		if v != "" {
			x.Types = append(x.Types, v)
		}
	}
	return x
}

// Article returns an article with its sentences and events.
func (s *db) Article(ctx context.Context, id string) (*ArticleView, error) {
	v := &ArticleView{Sentences: []Sentence{}}
	a := &v.Article
	var pub string
	var added int64
	err := s.sql.QueryRowContext(ctx, s.d.rebind(`SELECT a.id, a.url, a.canonical_url, s.name, a.title, a.byline, a.published, a.language, a.origin, a.dup_group, a.text, a.content_hash, a.added
		FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = $1`), id).
		Scan(&a.ID, &a.URL, &a.CanonicalURL, &a.Source, &a.Title, &a.Byline, &pub, &a.Language, &a.Origin, &a.DuplicateOf, &a.Text, &a.ContentHash, &added)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	if pub != "" {
		if a.Published, err = time.Parse(time.RFC3339Nano, pub); err != nil {
			return nil, fmt.Errorf("store: article %s: published %q: %w", id, pub, err)
		}
	}
	a.Added = time.Unix(added, 0).UTC()
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT idx, sid, section, paragraph, start_byte, end_byte, text FROM sentences WHERE article_id = $1 ORDER BY idx`), id)
	if err != nil {
		return nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	for rows.Next() {
		var se Sentence
		if err := rows.Scan(&se.Index, &se.ID, &se.Section, &se.Paragraph, &se.Start, &se.End, &se.Text); err != nil {
			rows.Close()
			return nil, err
		}
		v.Sentences = append(v.Sentences, se)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	v.Duplicates = []ArticleRef{}
	rows, err = s.sql.QueryContext(ctx, s.d.rebind(`SELECT id, title, url FROM articles WHERE dup_group = $1 AND id <> $1 ORDER BY id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	for rows.Next() {
		var r ArticleRef
		if err := rows.Scan(&r.ID, &r.Title, &r.URL); err != nil {
			rows.Close()
			return nil, err
		}
		v.Duplicates = append(v.Duplicates, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows, err = s.sql.QueryContext(ctx, s.d.rebind(`SELECT event_id FROM mentions WHERE article_id = $1 GROUP BY event_id ORDER BY min(sentence), event_id`), id)
	if err != nil {
		return nil, fmt.Errorf("store: article %s: %w", id, err)
	}
	ids, err := scanIDs(rows)
	if err != nil {
		return nil, err
	}
	v.Events, err = s.records(ctx, ids)
	return v, err
}

// dayCount is the events of one day and QuadClass.
type dayCount struct {
	day  int64
	quad int
	n    int
	gsum float64
}

// bucketStart is the first day of the bucket that day falls in.
func bucketStart(day int64, iv Interval) time.Time {
	t := dayTime(day)
	switch iv {
	case Week:
		return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
	case Month:
		return time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	}
	return t
}

// fold sums day counts, ordered by day, into buckets.
func fold(counts []dayCount, iv Interval) []Point {
	pts := []Point{}
	var sums []float64
	for _, c := range counts {
		start := bucketStart(c.day, iv)
		if len(pts) == 0 || !pts[len(pts)-1].Start.Equal(start) {
			pts = append(pts, Point{Start: start})
			sums = append(sums, 0)
		}
		p := &pts[len(pts)-1]
		if c.quad >= 1 && c.quad <= 4 {
			p.Quad[c.quad-1] += c.n
		}
		p.Events += c.n
		sums[len(sums)-1] += c.gsum
	}
	for i := range pts {
		if pts[i].Events > 0 {
			pts[i].MeanGoldstein = sums[i] / float64(pts[i].Events)
		}
	}
	return pts
}

// dayCounts runs a query returning day, quad_class, count and goldstein
// sum, ordered by day.
func (s *db) dayCounts(ctx context.Context, query string, args []any) ([]dayCount, error) {
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(query), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []dayCount
	for rows.Next() {
		var c dayCount
		if err := rows.Scan(&c.day, &c.quad, &c.n, &c.gsum); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// Series returns a dyad's time series in both directions.
func (s *db) Series(ctx context.Context, q SeriesQuery) (*Series, error) {
	out := &Series{A: q.A, B: q.B, Interval: q.Interval.String()}
	for dir, pair := range [2][2]string{{q.A, q.B}, {q.B, q.A}} {
		b := &builder{}
		b.cond("a1_code = %s", pair[0])
		b.cond("a2_code = %s", pair[1])
		b.where = append(b.where, "day IS NOT NULL")
		dayRange(b, "day", q.From, q.To)
		counts, err := s.dayCounts(ctx, `SELECT day, quad_class, count(*), sum(goldstein) FROM events`+b.whereSQL()+` GROUP BY day, quad_class ORDER BY day`, b.args)
		if err != nil {
			return nil, fmt.Errorf("store: series: %w", err)
		}
		pts := fold(counts, q.Interval)
		if q.IDs > 0 && len(pts) > 0 {
			if err := s.pointIDs(ctx, b, pts, q.Interval, q.IDs); err != nil {
				return nil, err
			}
		}
		if dir == 0 {
			out.AB = pts
		} else {
			out.BA = pts
		}
	}
	return out, nil
}

// pointIDs gives each point up to n of its events' IDs, by day and ID.
func (s *db) pointIDs(ctx context.Context, b *builder, pts []Point, iv Interval, n int) error {
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT day, id FROM events`+b.whereSQL()+` ORDER BY day, id`), b.args...)
	if err != nil {
		return fmt.Errorf("store: series: %w", err)
	}
	defer rows.Close()
	i := 0
	for rows.Next() {
		var day, id int64
		if err := rows.Scan(&day, &id); err != nil {
			return err
		}
		start := bucketStart(day, iv)
		for i < len(pts) && pts[i].Start.Before(start) {
			i++
		}
		if i < len(pts) && pts[i].Start.Equal(start) && len(pts[i].IDs) < n {
			pts[i].IDs = append(pts[i].IDs, id)
		}
	}
	return rows.Err()
}

// Actor sums up an actor's events.
func (s *db) Actor(ctx context.Context, q ActorQuery) (*ActorView, error) {
	var c [8]string
	err := s.sql.QueryRowContext(ctx, s.d.rebind(`SELECT code, country, known_group, religion1, religion2, type1, type2, type3 FROM actors WHERE code = $1`), q.Code).
		Scan(&c[0], &c[1], &c[2], &c[3], &c[4], &c[5], &c[6], &c[7])
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("store: actor %s: %w", q.Code, err)
	}
	v := &ActorView{Actor: actorFrom([9]string{c[0], "", c[1], c[2], c[3], c[4], c[5], c[6], c[7]}), Partners: []Partner{}}
	if v.Names, err = s.names(ctx, q.Code); err != nil {
		return nil, err
	}
	partners := map[string]*Partner{}
	for side, cols := range [2][2]string{{"a1_code", "a2_code"}, {"a2_code", "a1_code"}} {
		b := &builder{}
		b.cond(cols[0]+" = %s", q.Code)
		dayRange(b, "day", q.From, q.To)
		rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT `+cols[1]+`, quad_class, count(*) FROM events`+b.whereSQL()+` GROUP BY `+cols[1]+`, quad_class`), b.args...)
		if err != nil {
			return nil, fmt.Errorf("store: actor %s: %w", q.Code, err)
		}
		for rows.Next() {
			var code string
			var quad, n int
			if err := rows.Scan(&code, &quad, &n); err != nil {
				rows.Close()
				return nil, err
			}
			p := partners[code]
			if p == nil {
				p = &Partner{Code: code}
				partners[code] = p
			}
			if side == 0 {
				p.AsSource += n
			} else {
				p.AsTarget += n
			}
			if quad >= 1 && quad <= 4 {
				p.Quad[quad-1] += n
			}
			// An event of the actor with itself is counted once.
			if side == 0 || code != q.Code {
				v.Events += n
				if quad >= 1 && quad <= 4 {
					v.Quad[quad-1] += n
				}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	for _, p := range partners {
		v.Partners = append(v.Partners, *p)
	}
	sort.Slice(v.Partners, func(i, j int) bool {
		a, b := v.Partners[i], v.Partners[j]
		if a.AsSource+a.AsTarget != b.AsSource+b.AsTarget {
			return a.AsSource+a.AsTarget > b.AsSource+b.AsTarget
		}
		return a.Code < b.Code
	})
	if top := clampLimit(q.Partners, 20); len(v.Partners) > top {
		v.Partners = v.Partners[:top]
	}
	b := &builder{}
	b.cond("(a1_code = %[1]s OR a2_code = %[1]s)", q.Code)
	b.where = append(b.where, "day IS NOT NULL")
	dayRange(b, "day", q.From, q.To)
	counts, err := s.dayCounts(ctx, `SELECT day, quad_class, count(*), sum(goldstein) FROM events`+b.whereSQL()+` GROUP BY day, quad_class ORDER BY day`, b.args)
	if err != nil {
		return nil, fmt.Errorf("store: actor %s: %w", q.Code, err)
	}
	v.Timeline = fold(counts, q.Interval)
	return v, nil
}

func (s *db) names(ctx context.Context, code string) ([]string, error) {
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT name FROM actor_names WHERE code = $1 ORDER BY name LIMIT 50`), code)
	if err != nil {
		return nil, fmt.Errorf("store: actor %s: %w", code, err)
	}
	defer rows.Close()
	names := []string{}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		names = append(names, n)
	}
	return names, rows.Err()
}

// Actors finds actors by code prefix or name, ordered by code.
func (s *db) Actors(ctx context.Context, q ActorSearch) ([]ActorMatch, error) {
	b := &builder{}
	query := `SELECT code FROM actors`
	if q.Prefix != "" {
		b.where = append(b.where, b.prefix("code", q.Prefix))
	}
	if q.Name != "" {
		b.cond(`code IN (SELECT code FROM actor_names WHERE lower(name) LIKE %s ESCAPE '\')`, likeArg(q.Name))
	}
	query += b.whereSQL() + " ORDER BY code LIMIT " + strconv.Itoa(clampLimit(q.Limit, 20))
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(query), b.args...)
	if err != nil {
		return nil, fmt.Errorf("store: actors: %w", err)
	}
	var codes []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return nil, err
		}
		codes = append(codes, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := []ActorMatch{}
	for _, c := range codes {
		m := ActorMatch{Code: c}
		if m.Names, err = s.names(ctx, c); err != nil {
			return nil, err
		}
		if err := s.sql.QueryRowContext(ctx, s.d.rebind(`SELECT (SELECT count(*) FROM events WHERE a1_code = $1) + (SELECT count(*) FROM events WHERE a2_code = $1 AND a1_code <> $1)`), c).Scan(&m.Events); err != nil {
			return nil, fmt.Errorf("store: actors: %w", err)
		}
		out = append(out, m)
	}
	return out, nil
}

// Network returns the top actors of a window and the events among them.
func (s *db) Network(ctx context.Context, q NetworkQuery) (*Network, error) {
	b := &builder{}
	b.where = append(b.where, "day IS NOT NULL")
	dayRange(b, "day", q.From, q.To)
	w := b.whereSQL()
	top := clampLimit(q.Top, 50)
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT code, sum(n) AS total FROM (
		SELECT a1_code AS code, count(*) AS n FROM events`+w+` GROUP BY a1_code
		UNION ALL SELECT a2_code AS code, count(*) AS n FROM events`+w+` AND a2_code <> a1_code GROUP BY a2_code) t
		GROUP BY code ORDER BY total DESC, code LIMIT `+strconv.Itoa(top)), b.args...)
	if err != nil {
		return nil, fmt.Errorf("store: network: %w", err)
	}
	net := &Network{Nodes: []Node{}, Edges: []Edge{}}
	for rows.Next() {
		var n Node
		if err := rows.Scan(&n.Code, &n.Events); err != nil {
			rows.Close()
			return nil, err
		}
		net.Nodes = append(net.Nodes, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(net.Nodes) == 0 {
		return net, nil
	}
	ph := make([]string, len(net.Nodes))
	for i := range net.Nodes {
		names, err := s.names(ctx, net.Nodes[i].Code)
		if err != nil {
			return nil, err
		}
		if len(names) > 0 {
			net.Nodes[i].Name = names[0]
		}
		ph[i] = b.arg(net.Nodes[i].Code)
	}
	in := strings.Join(ph, ", ")
	rows, err = s.sql.QueryContext(ctx, s.d.rebind(`SELECT a1_code, a2_code, count(*),
		sum(CASE WHEN quad_class IN (1, 2) THEN 1 ELSE 0 END), sum(CASE WHEN quad_class IN (3, 4) THEN 1 ELSE 0 END), avg(goldstein)
		FROM events`+w+` AND a1_code IN (`+in+`) AND a2_code IN (`+in+`) GROUP BY a1_code, a2_code ORDER BY a1_code, a2_code`), b.args...)
	if err != nil {
		return nil, fmt.Errorf("store: network: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var e Edge
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &e.Cooperation, &e.Conflict, &e.MeanGoldstein); err != nil {
			return nil, err
		}
		net.Edges = append(net.Edges, e)
	}
	return net, rows.Err()
}

// hitEvents bounds the events given with each search hit.
const hitEvents = 20

// Search finds articles whose text has the words of q.Text, best first.
func (s *db) Search(ctx context.Context, q SearchQuery) ([]Hit, error) {
	arg := s.d.ftsArg(q.Text)
	hits := []Hit{}
	if arg == "" {
		return hits, nil
	}
	rows, err := s.sql.QueryContext(ctx, s.d.rebind(s.d.ftsSearch), arg, clampLimit(q.Limit, 20), max(q.Offset, 0))
	if err != nil {
		return nil, fmt.Errorf("store: search: %w", err)
	}
	for rows.Next() {
		var h Hit
		var pub string
		if err := rows.Scan(&h.ArticleID, &h.Title, &h.URL, &pub, &h.Snippet); err != nil {
			rows.Close()
			return nil, err
		}
		if pub != "" {
			h.Published, _ = time.Parse(time.RFC3339Nano, pub)
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for i := range hits {
		rows, err := s.sql.QueryContext(ctx, s.d.rebind(`SELECT event_id FROM mentions WHERE article_id = $1 GROUP BY event_id ORDER BY min(sentence), event_id LIMIT `+strconv.Itoa(hitEvents)), hits[i].ArticleID)
		if err != nil {
			return nil, fmt.Errorf("store: search: %w", err)
		}
		ids, err := scanIDs(rows)
		if err != nil {
			return nil, err
		}
		if hits[i].Events, err = s.records(ctx, ids); err != nil {
			return nil, err
		}
	}
	return hits, nil
}

// words splits text into the words of a full-text query: letters and
// digits, at most 16 words of at most 64 bytes.
func words(text string) []string {
	f := strings.FieldsFunc(text, func(r rune) bool {
		return !(r == '-' || r == '\'' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127)
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, "-'")
		if w != "" && len(w) <= 64 {
			out = append(out, w)
		}
		if len(out) == 16 {
			break
		}
	}
	return out
}
