package server

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"dyad/store"
)

// This file is the one place where request parameters are read: every
// handler gets typed, bounded queries from here, or a *ParamError.

// ParamError is a bad request parameter; the server answers 400 with it.
type ParamError struct {
	Param string // the parameter's name, or the path element
	Msg   string
}

func (e *ParamError) Error() string { return e.Param + ": " + e.Msg }

// Bounds of request parameters.
const (
	maxText       = 256 // bytes of a text query
	maxName       = 128
	maxExport     = 1_000_000 // events of one export
	defExport     = 10_000
	maxPointIDs   = 100
	maxTop        = 500
	maxPartners   = 200
	maxOffset     = 10_000
	minYear       = 1800
	maxYear       = 2200
	maxNetworkDay = 20 * 366 // days of a network window
)

var (
	// actorRe is an actor code or code prefix: CAMEO's letters and
	// digits, dashes for "no actor", and the quoted words of new actors.
	actorRe   = regexp.MustCompile(`^[A-Za-z0-9"' ._-]{1,64}$`)
	codeRe    = regexp.MustCompile(`^[0-9]{2,4}$`)
	rootRe    = regexp.MustCompile(`^[0-9]{2}$`)
	countryRe = regexp.MustCompile(`^[A-Z]{2}$`)
	adm1Re    = regexp.MustCompile(`^[A-Z]{2}\.[A-Za-z0-9]{1,12}$`)
	ploverRe  = regexp.MustCompile(`^[A-Za-z_]{1,32}$`)
	articleRe = regexp.MustCompile(`^[A-Za-z0-9_.:#-]{1,128}$`)
)

// params reads one request's query parameters, refusing unknown and
// repeated ones; the first problem is kept in err.
type params struct {
	v   url.Values
	err *ParamError
}

func newParams(v url.Values, allowed ...string) *params {
	p := &params{v: v}
	ok := map[string]bool{}
	for _, a := range allowed {
		ok[a] = true
	}
	names := make([]string, 0, len(v))
	for k := range v {
		names = append(names, k)
	}
	// Report the first unknown or repeated name in a stable order.
	for _, k := range sortedKeys(names) {
		name := k
		if name == "" {
			name = `""` // a parameter with no name
		}
		switch {
		case !ok[k]:
			p.fail(name, "unknown parameter; this endpoint takes %s", strings.Join(allowed, ", "))
		case len(v[k]) > 1:
			p.fail(name, "given more than once")
		}
	}
	return p
}

func sortedKeys(k []string) []string {
	slices.Sort(k)
	return k
}

func (p *params) fail(name, format string, args ...any) {
	if p.err == nil {
		p.err = &ParamError{Param: name, Msg: fmt.Sprintf(format, args...)}
	}
}

// str returns a parameter checked to be valid UTF-8 without control
// characters and at most max bytes.
func (p *params) str(name string, max int) string {
	s := p.v.Get(name)
	return p.check(name, s, max)
}

func (p *params) check(name, s string, max int) string {
	switch {
	case len(s) > max:
		p.fail(name, "longer than %d bytes", max)
	case !utf8.ValidString(s):
		p.fail(name, "not valid UTF-8")
	case strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		p.fail(name, "has control characters")
	default:
		return s
	}
	return ""
}

func (p *params) match(name string, re *regexp.Regexp, what string) string {
	s := p.v.Get(name)
	if s != "" && !re.MatchString(s) {
		p.fail(name, "%q is not %s", clip(s), what)
		return ""
	}
	return s
}

// bbox reads "west,south,east,north" in degrees: longitudes within
// ±180, latitudes within ±90, south not above north.
func (p *params) bbox(name string) *store.BBox {
	s := p.v.Get(name)
	if s == "" {
		return nil
	}
	f := strings.Split(s, ",")
	if len(f) != 4 {
		p.fail(name, "%q is not west,south,east,north", clip(s))
		return nil
	}
	var x [4]float64
	for i, v := range f {
		n, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		lim := 180.0
		if i%2 == 1 {
			lim = 90
		}
		if err != nil || math.IsNaN(n) || n < -lim || n > lim {
			p.fail(name, "%q: %q is not a number within ±%g", clip(s), clip(v), lim)
			return nil
		}
		x[i] = n
	}
	if x[1] > x[3] {
		p.fail(name, "%q: south is above north", clip(s))
		return nil
	}
	return &store.BBox{West: x[0], South: x[1], East: x[2], North: x[3]}
}

// clip shortens a bad value for an error message.
func clip(s string) string {
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return strings.ToValidUTF8(s, "?")
}

func (p *params) intIn(name string, def, lo, hi int) int {
	s := p.v.Get(name)
	if s == "" {
		return def
	}
	n, err := strconv.Atoi(s)
	switch {
	case err != nil:
		p.fail(name, "%q is not a whole number", clip(s))
	case n < lo || n > hi:
		p.fail(name, "%d is out of range: %d to %d", n, lo, hi)
	default:
		return n
	}
	return def
}

// date reads a day, YYYY-MM-DD or YYYYMMDD, between minYear and maxYear.
func (p *params) date(name string) time.Time {
	s := p.v.Get(name)
	if s == "" {
		return time.Time{}
	}
	for _, layout := range []string{"2006-01-02", "20060102"} {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < minYear || t.Year() > maxYear {
				p.fail(name, "year %d is out of range: %d to %d", t.Year(), minYear, maxYear)
				return time.Time{}
			}
			return t
		}
	}
	p.fail(name, "%q is not a date: want YYYY-MM-DD", clip(s))
	return time.Time{}
}

// dates reads from and to, with from not after to.
func (p *params) dates() (time.Time, time.Time) {
	from, to := p.date("from"), p.date("to")
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		p.fail("to", "%s is before from (%s)", to.Format(time.DateOnly), from.Format(time.DateOnly))
	}
	return from, to
}

func (p *params) oneOf(name string, def string, choices ...string) string {
	s := p.v.Get(name)
	if s == "" {
		return def
	}
	for _, c := range choices {
		if s == c {
			return s
		}
	}
	p.fail(name, "%q is not one of %s", clip(s), strings.Join(choices, ", "))
	return def
}

func sortNames() []string {
	var n []string
	for k := range store.SortNames {
		n = append(n, k)
	}
	return sortedKeys(n)
}

// EventsRequest is a parsed /api/events request.
type EventsRequest struct {
	Query store.EventQuery
	// Format is json (a page), or jsonl, csv or tsv (an export of up to
	// Max events, all pages).
	Format string
	Max    int
}

// ParseEvents reads the parameters of /api/events.
func ParseEvents(v url.Values) (EventsRequest, error) {
	p := newParams(v, "actor", "actor_name", "source", "target", "dyad", "direction", "code", "root", "quad_class",
		"plover", "country", "adm1", "bbox", "from", "to", "q", "article", "sort", "limit", "cursor", "format", "max")
	var r EventsRequest
	q := &r.Query
	q.Actor = p.match("actor", actorRe, "an actor code")
	q.ActorName = p.str("actor_name", maxName)
	q.Source = p.match("source", actorRe, "an actor code")
	q.Target = p.match("target", actorRe, "an actor code")
	dir := p.oneOf("direction", "both", "both", "forward")
	if d := p.v.Get("dyad"); d != "" {
		a, b, ok := strings.Cut(d, ",")
		if !ok || !actorRe.MatchString(a) || !actorRe.MatchString(b) {
			p.fail("dyad", "%q is not two actor codes A,B", clip(d))
		} else {
			q.Dyad = &store.Dyad{A: a, B: b, Directed: dir == "forward"}
		}
	} else if p.v.Get("direction") != "" {
		p.fail("direction", "needs dyad")
	}
	q.Code = p.match("code", codeRe, "a CAMEO code (2 to 4 digits)")
	q.Root = p.match("root", rootRe, "a CAMEO root (2 digits)")
	q.QuadClass = p.intIn("quad_class", 0, 1, 4)
	q.PLOVER = strings.ToUpper(p.match("plover", ploverRe, "a PLOVER category"))
	q.Country = p.match("country", countryRe, "an ISO 3166-1 alpha-2 country code (IQ)")
	q.ADM1 = p.match("adm1", adm1Re, `a first-level division code ("IQ.07")`)
	q.BBox = p.bbox("bbox")
	q.From, q.To = p.dates()
	q.Text = p.str("q", maxText)
	q.ArticleID = p.match("article", articleRe, "an article ID")
	q.Sort = store.SortNames[p.oneOf("sort", "date", sortNames()...)]
	q.Limit = p.intIn("limit", 100, 1, store.MaxLimit)
	if c := p.v.Get("cursor"); c != "" {
		cur, err := store.ParseCursor(c)
		switch {
		case err != nil:
			p.fail("cursor", "not a cursor this server gave")
		case cur.Sort != q.Sort:
			p.fail("cursor", "belongs to another sort")
		default:
			q.After = &cur
		}
	}
	r.Format = p.oneOf("format", "json", "json", "jsonl", "csv", "tsv")
	r.Max = p.intIn("max", defExport, 1, maxExport)
	if p.v.Get("max") != "" && r.Format == "json" {
		p.fail("max", "applies to the exports (format jsonl, csv, tsv); use limit for a page")
	}
	if p.err != nil {
		return r, p.err
	}
	return r, nil
}

// ParseEventID reads an event ID from the path.
func ParseEventID(s string) (int64, error) {
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 0 {
		return 0, &ParamError{Param: "id", Msg: fmt.Sprintf("%q is not an event ID", clip(s))}
	}
	return id, nil
}

// ParseArticleID reads an article ID from the path.
func ParseArticleID(s string) (string, error) {
	if !articleRe.MatchString(s) || strings.Contains(s, "..") {
		return "", &ParamError{Param: "id", Msg: fmt.Sprintf("%q is not an article ID", clip(s))}
	}
	return s, nil
}

func parseActorCode(name, s string) (string, error) {
	if !actorRe.MatchString(s) {
		return "", &ParamError{Param: name, Msg: fmt.Sprintf("%q is not an actor code", clip(s))}
	}
	return s, nil
}

// ParseActor reads /api/actors/{code}.
func ParseActor(code string, v url.Values) (store.ActorQuery, error) {
	var q store.ActorQuery
	var err error
	if q.Code, err = parseActorCode("code", code); err != nil {
		return q, err
	}
	p := newParams(v, "from", "to", "interval", "partners")
	q.From, q.To = p.dates()
	q.Interval = store.IntervalNames[p.oneOf("interval", "month", "day", "week", "month")]
	q.Partners = p.intIn("partners", 20, 1, maxPartners)
	if p.err != nil {
		return q, p.err
	}
	return q, nil
}

// ParseActors reads /api/actors.
func ParseActors(v url.Values) (store.ActorSearch, error) {
	p := newParams(v, "prefix", "name", "limit")
	q := store.ActorSearch{Prefix: p.match("prefix", actorRe, "an actor code"), Name: p.str("name", maxName), Limit: p.intIn("limit", 20, 1, 100)}
	if q.Prefix == "" && q.Name == "" && p.err == nil {
		p.fail("prefix", "give prefix or name")
	}
	if p.err != nil {
		return q, p.err
	}
	return q, nil
}

// SeriesRequest is a parsed /api/dyads/{a}/{b} request.
type SeriesRequest struct {
	Query store.SeriesQuery
	// Events says whether to include the records of the events the
	// points list (Query.IDs per point).
	Events bool
}

// ParseSeries reads /api/dyads/{a}/{b}.
func ParseSeries(a, b string, v url.Values) (SeriesRequest, error) {
	var r SeriesRequest
	var err error
	if r.Query.A, err = parseActorCode("a", a); err != nil {
		return r, err
	}
	if r.Query.B, err = parseActorCode("b", b); err != nil {
		return r, err
	}
	p := newParams(v, "from", "to", "interval", "events")
	r.Query.From, r.Query.To = p.dates()
	r.Query.Interval = store.IntervalNames[p.oneOf("interval", "week", "day", "week", "month")]
	r.Query.IDs = p.intIn("events", 0, 0, maxPointIDs)
	r.Events = r.Query.IDs > 0
	if p.err != nil {
		return r, p.err
	}
	return r, nil
}

// ParseNetwork reads /api/network; the window is required and at most
// twenty years.
func ParseNetwork(v url.Values) (store.NetworkQuery, error) {
	p := newParams(v, "from", "to", "top")
	var q store.NetworkQuery
	q.From, q.To = p.dates()
	q.Top = p.intIn("top", 50, 1, maxTop)
	switch {
	case p.err != nil:
	case q.From.IsZero():
		p.fail("from", "required")
	case q.To.IsZero():
		p.fail("to", "required")
	case q.To.Sub(q.From) > maxNetworkDay*24*time.Hour:
		p.fail("to", "the window is longer than twenty years")
	}
	if p.err != nil {
		return q, p.err
	}
	return q, nil
}

// ParseSearch reads /api/search.
func ParseSearch(v url.Values) (store.SearchQuery, error) {
	p := newParams(v, "q", "limit", "offset")
	q := store.SearchQuery{Text: p.str("q", maxText), Limit: p.intIn("limit", 20, 1, 100), Offset: p.intIn("offset", 0, 0, maxOffset)}
	if strings.TrimSpace(q.Text) == "" && p.err == nil {
		p.fail("q", "required")
	}
	if p.err != nil {
		return q, p.err
	}
	return q, nil
}
