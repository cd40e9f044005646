package store

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"dyad/article"
	"dyad/coder/story"
)

// ErrNotFound is returned for an article, event or actor the store does
// not have.
var ErrNotFound = errors.New("store: not found")

// ErrBadCursor is returned for a pagination cursor the store did not make.
var ErrBadCursor = errors.New("store: bad cursor")

// Article is an article as the store keeps it.
type Article struct {
	ID           string    `json:"id"`
	URL          string    `json:"url,omitempty"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Source       string    `json:"source,omitempty"` // the publisher
	Title        string    `json:"title"`
	Byline       string    `json:"byline,omitempty"`
	Published    time.Time `json:"published,omitzero"` // zero when unknown
	Language     string    `json:"language,omitempty"`
	Origin       string    `json:"origin,omitempty"`
	// DuplicateOf is the first article of the near-duplicate group the
	// article belongs to; empty for the first one.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// Text is the full text (title, standfirst and body joined by blank
	// lines); sentence and span offsets point into it.
	Text string `json:"text"`
	// ContentHash is the SHA-256 of Text, in hex; Append computes it.
	ContentHash string    `json:"content_hash,omitempty"`
	Added       time.Time `json:"added,omitzero"`
}

// Sentence is a sentence of a stored article.
type Sentence struct {
	Index     int    `json:"index"` // 1-based
	ID        string `json:"id"`
	Section   string `json:"section"`
	Paragraph int    `json:"paragraph,omitempty"`
	Start     int    `json:"start"` // byte offsets in Article.Text
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// Coded is one article with what was coded in it: the unit of Append.
type Coded struct {
	Article   Article        `json:"article"`
	Sentences []Sentence     `json:"sentences"`
	Events    []story.Record `json:"events"`
}

// FromStory returns the article a and its coding st as a Coded. st may
// be nil for an article that was not coded (a near-duplicate).
func FromStory(a *article.Article, st *story.Story) Coded {
	c := Coded{Article: Article{ID: a.ID, URL: a.URL, CanonicalURL: a.CanonicalURL, Source: a.Source,
		Title: a.Title, Byline: a.Byline, Published: a.Published, Language: a.Language, Origin: a.Origin,
		DuplicateOf: a.DuplicateOf, Text: a.FullText()}}
	if st == nil {
		return c
	}
	for _, s := range st.Sentences {
		c.Sentences = append(c.Sentences, Sentence{Index: s.Index, ID: s.ID, Section: string(s.Section),
			Paragraph: s.Paragraph, Start: s.Start, End: s.End, Text: s.Text})
	}
	c.Events = st.Records()
	return c
}

// key is the address an article is known by.
func (a *Article) key() string {
	for _, k := range []string{a.CanonicalURL, a.URL, a.Origin} {
		if k != "" {
			return k
		}
	}
	return "article:" + a.ID
}

// sourceName is the article's publisher (article.Publisher).
func (a *Article) sourceName() string { return article.Publisher(a.Source, a.CanonicalURL, a.URL) }

func contentHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// Outcome is what Append did with an article.
type Outcome int

// The outcomes of Append.
const (
	New       Outcome = iota + 1 // stored, with its events
	Unchanged                    // the same address and content were stored already
	Duplicate                    // stored as a duplicate of another article, without events
	Replaced                     // the address's earlier content and events were replaced
)

func (o Outcome) String() string {
	switch o {
	case New:
		return "new"
	case Unchanged:
		return "unchanged"
	case Duplicate:
		return "duplicate"
	case Replaced:
		return "replaced"
	}
	return "unknown"
}

// Result is what Append did with one article.
type Result struct {
	Outcome Outcome
	// Events is how many of the article's events started a stored event;
	// Merged how many joined one already stored.
	Events, Merged int
}

// Appender stores coded articles.
type Appender interface {
	// Append stores the articles in one transaction and returns what it
	// did with each, in order.
	Append(ctx context.Context, batch []Coded) ([]Result, error)
}

// Sort orders events.
type Sort int

// The event orders. Ties are broken by event ID.
const (
	ByDate          Sort = iota // oldest first; events without a day first
	ByDateDesc                  // newest first
	ByGoldstein                 // most conflictual first
	ByGoldsteinDesc             // most cooperative first
	ByMentionsDesc              // most mentioned first
	ByID                        // event ID
	numSorts
)

// SortNames are the names of the sorts, as the API takes them.
var SortNames = map[string]Sort{
	"date": ByDate, "-date": ByDateDesc, "goldstein": ByGoldstein, "-goldstein": ByGoldsteinDesc,
	"-mentions": ByMentionsDesc, "id": ByID,
}

// Dyad selects the events between two actors, given by code prefixes.
type Dyad struct {
	A, B string
	// Directed keeps only A's events towards B; otherwise both
	// directions.
	Directed bool
}

// EventQuery selects events. Empty fields do not filter. Codes are
// matched by prefix ("IRQ" matches "IRQREB"); From and To are days,
// inclusive, and drop events without a day.
type EventQuery struct {
	Actor     string // either side's code starts with it
	ActorName string // either side's name contains it (case-insensitive)
	Source    string
	Target    string
	Dyad      *Dyad
	Code      string // the CAMEO code starts with it ("19", "190", "1901")
	Root      string // the CAMEO root is it exactly ("19")
	QuadClass int    // 1-4
	PLOVER    string // PLOVER category, exact ("ASSAULT")
	// Country, ADM1 and BBox keep the events placed (action_geo) in a
	// country (ISO 3166-1 alpha-2), a first-level division ("IQ.07") or a
	// box of longitudes and latitudes.
	Country   string
	ADM1      string
	BBox      *BBox
	From, To  time.Time
	Text      string // full-text search over the events' articles
	ArticleID string
	Sort      Sort
	Limit     int // events per page, 1 to MaxLimit
	After     *Cursor
}

// BBox is a box of longitudes (West to East, across the antimeridian when
// West > East) and latitudes (South to North), in degrees.
type BBox struct{ West, South, East, North float64 }

// MaxLimit bounds the events, hits or points one query returns.
const MaxLimit = 1000

// EventPage is one page of events; Next is the cursor of the next page,
// nil at the end.
type EventPage struct {
	Events []story.Record `json:"events"`
	Next   *Cursor        `json:"-"`
}

// EventQuerier reads events.
type EventQuerier interface {
	Events(ctx context.Context, q EventQuery) (EventPage, error)
	// Event returns one event by ID.
	Event(ctx context.Context, id int64) (story.Record, error)
}

// ArticleView is an article with its sentences and the events it
// reports.
type ArticleView struct {
	Article   Article        `json:"article"`
	Sentences []Sentence     `json:"sentences"`
	Events    []story.Record `json:"events"`
	// Duplicates are the stored near-duplicates of this article (those
	// whose DuplicateOf is its ID), so that a reader sees them apart.
	Duplicates []ArticleRef `json:"duplicates"`
}

// ArticleRef names an article.
type ArticleRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	URL   string `json:"url,omitempty"`
}

// ArticleReader reads articles.
type ArticleReader interface {
	Article(ctx context.Context, id string) (*ArticleView, error)
}

// Interval is the width of a time-series bucket.
type Interval int

// The intervals.
const (
	Day Interval = iota
	Week
	Month
)

// IntervalNames are the intervals' names, as the API takes them.
var IntervalNames = map[string]Interval{"day": Day, "week": Week, "month": Month}

func (i Interval) String() string {
	for k, v := range IntervalNames {
		if v == i {
			return k
		}
	}
	return "unknown"
}

// Point is one bucket of a time series: the events whose day falls in
// [Start, next bucket).
type Point struct {
	Start time.Time `json:"start"`
	// Quad counts the events by QuadClass: Quad[0] is QuadClass 1.
	Quad          [4]int  `json:"quad"`
	Events        int     `json:"events"`
	MeanGoldstein float64 `json:"mean_goldstein"`
	// IDs are the events of the bucket, when asked for.
	IDs []int64 `json:"event_ids,omitempty"`
}

// SeriesQuery asks for a dyad's time series.
type SeriesQuery struct {
	A, B     string // code prefixes
	Interval Interval
	From, To time.Time
	// IDs is the largest number of event IDs given per point; 0 gives
	// none.
	IDs int
}

// Series is a dyad's time series in both directions.
type Series struct {
	A        string  `json:"a"`
	B        string  `json:"b"`
	Interval string  `json:"interval"`
	AB       []Point `json:"a_to_b"`
	BA       []Point `json:"b_to_a"`
}

// DyadQuerier reads dyads' time series.
type DyadQuerier interface {
	Series(ctx context.Context, q SeriesQuery) (*Series, error)
}

// Partner is an actor's counterpart in its events.
type Partner struct {
	Code     string `json:"code"`
	AsSource int    `json:"as_source"` // events of the actor towards the partner
	AsTarget int    `json:"as_target"` // events of the partner towards the actor
	Quad     [4]int `json:"quad"`
}

// ActorView sums up an actor's events.
type ActorView struct {
	Actor    story.Actor `json:"actor"`
	Names    []string    `json:"names"`
	Events   int         `json:"events"`
	Quad     [4]int      `json:"quad"`
	Partners []Partner   `json:"partners"`
	Timeline []Point     `json:"timeline"`
}

// ActorQuery asks for an actor's summary.
type ActorQuery struct {
	Code     string // exact
	From, To time.Time
	Interval Interval
	Partners int // top partners, by event count
}

// ActorMatch is an actor found by ActorSearch.
type ActorMatch struct {
	Code   string   `json:"code"`
	Names  []string `json:"names"`
	Events int      `json:"events"`
}

// ActorSearch finds actors by code prefix or by a word of their names.
type ActorSearch struct {
	Prefix string
	Name   string
	Limit  int
}

// ActorQuerier reads actors.
type ActorQuerier interface {
	Actor(ctx context.Context, q ActorQuery) (*ActorView, error)
	Actors(ctx context.Context, q ActorSearch) ([]ActorMatch, error)
}

// Node is an actor of a network.
type Node struct {
	Code   string `json:"code"`
	Name   string `json:"name"`
	Events int    `json:"events"`
}

// Edge is the events from one actor to another in a network.
type Edge struct {
	Source        string  `json:"source"`
	Target        string  `json:"target"`
	Events        int     `json:"events"`
	Cooperation   int     `json:"cooperation"` // QuadClass 1 and 2
	Conflict      int     `json:"conflict"`    // QuadClass 3 and 4
	MeanGoldstein float64 `json:"mean_goldstein"`
}

// Network is the actors with the most events in a window and the events
// between them.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// NetworkQuery asks for a network.
type NetworkQuery struct {
	From, To time.Time
	Top      int // actors
}

// NetworkQuerier reads networks.
type NetworkQuerier interface {
	Network(ctx context.Context, q NetworkQuery) (*Network, error)
}

// Hit is an article found by Search.
type Hit struct {
	ArticleID string         `json:"article_id"`
	Title     string         `json:"title"`
	URL       string         `json:"url,omitempty"`
	Published time.Time      `json:"published,omitzero"`
	Snippet   string         `json:"snippet"`
	Events    []story.Record `json:"events"`
}

// SearchQuery asks for articles whose text has all the words of Text.
type SearchQuery struct {
	Text   string
	Limit  int
	Offset int
}

// Searcher searches article text.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) ([]Hit, error)
}

// Querier is every read role.
type Querier interface {
	EventQuerier
	ArticleReader
	ActorQuerier
	DyadQuerier
	NetworkQuerier
	Searcher
}

// Store is the whole contract: writing, reading and closing.
type Store interface {
	Appender
	Querier
	Close() error
}

// Options configure a store. The zero value is ready to use.
type Options struct {
	// MergeWindow is how many days apart two articles' reports of the
	// same dyad and code may be and still be one event; 0 means 1.
	MergeWindow int
	// Now gives DateAdded; nil means time.Now.
	Now func() time.Time
}

func (o Options) window() int {
	if o.MergeWindow <= 0 {
		return 1
	}
	return o.MergeWindow
}

// Open opens the store that target names: a PostgreSQL connection string
// (postgres:// or postgresql://) or the path of a SQLite file, created
// when missing.
func Open(ctx context.Context, target string, opts Options) (Store, error) {
	if strings.HasPrefix(target, "postgres://") || strings.HasPrefix(target, "postgresql://") {
		return OpenPostgres(ctx, target, opts)
	}
	return OpenSQLite(ctx, target, opts)
}
