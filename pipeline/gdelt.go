package pipeline

import (
	"bufio"
	"context"
	"io"
	"strings"
	"time"

	"dyad/article"
	"dyad/coder/story"
)

// MergeWindow is how many days apart two articles' reports of one event
// may date it and still be the same event (the store's default).
const MergeWindow = 1

// GDELT is a Sink that writes GDELT 2.0's event ("export") and mentions
// tables: 61 and 16 tab-separated columns by position, no header. An
// event that several articles of the run report is one row with the
// mentions of all of them (SameEvent), so NumMentions, NumSources and
// NumArticles count across the run; the rows are therefore written by
// Close, when the run is over. Mentions are kept as rows, events without
// their mentions, so memory grows with the events, not the articles'
// texts.
type GDELT struct {
	export, mentions io.Writer
	added            time.Time
	events           []*gdeltEvent
	byKey            map[string][]int // SameEvent's key → indexes in events
	mentionRows      [][]string
}

type gdeltEvent struct {
	rec      story.Record // without its mentions
	n        story.Counts
	articles map[string]bool
	sources  map[string]bool
}

// NewGDELT returns a GDELT sink writing the event table on export and, if
// mentions is not nil, the mentions table on it. o.Added is DATEADDED.
func NewGDELT(export, mentions io.Writer, o WriterOptions) *GDELT {
	if o.Added.IsZero() {
		o.Added = time.Now()
	}
	return &GDELT{export: export, mentions: mentions, added: o.Added, byKey: map[string][]int{}}
}

var _ Sink = (*GDELT)(nil)

// SameEvent reports whether events a and b, of different articles, are one
// event: the same source, target, CAMEO code and modality, on days known
// and at most MergeWindow days apart. The store merges articles' events by
// the same rule.
func SameEvent(a, b *story.Record) bool {
	return sameKey(a) == sameKey(b) && closeDays(a.Day(), b.Day())
}

func sameKey(r *story.Record) string {
	return r.Source.Code + "\x00" + r.Target.Code + "\x00" + r.Code + "\x00" + r.Modality
}

func closeDays(a, b time.Time) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	d := a.Sub(b)
	if d < 0 {
		d = -d
	}
	return d <= MergeWindow*24*time.Hour
}

// Put adds r's events to the run's, merging each into an earlier
// article's event when SameEvent says they are one.
func (g *GDELT) Put(_ context.Context, r *Result) error {
	if r.Story == nil || r.Article == nil {
		return nil
	}
	a := r.Article
	src := story.MentionSource{Name: article.Publisher(a.Source, a.CanonicalURL, a.URL), Identifier: a.URL, Time: a.Published, FullText: a.FullText()}
	if src.Identifier == "" {
		src.Identifier = a.Origin
	}
	if src.Time.IsZero() {
		src.Time = g.added
	}
	for _, rec := range r.Story.Records() {
		ev := g.find(&rec, a.ID)
		if ev == nil {
			ev = &gdeltEvent{rec: rec, articles: map[string]bool{}, sources: map[string]bool{}}
			ev.rec.Mentions = nil
			k := sameKey(&rec)
			g.byKey[k] = append(g.byKey[k], len(g.events))
			g.events = append(g.events, ev)
		}
		ev.rec.IsRoot = ev.rec.IsRoot || rec.IsRoot
		ev.n.Mentions += len(rec.Mentions)
		ev.articles[a.ID] = true
		ev.sources[src.Name] = true
		ev.n.Articles, ev.n.Sources = len(ev.articles), len(ev.sources)
		if g.mentions != nil {
			g.mentionRows = append(g.mentionRows, story.GDELTMentionRows(ev.rec.ID, &rec, src, g.added)...)
		}
	}
	return nil
}

// find returns the earlier event rec is the same event as, one that
// article id has not already joined; nil if none.
func (g *GDELT) find(rec *story.Record, id string) *gdeltEvent {
	for _, i := range g.byKey[sameKey(rec)] {
		ev := g.events[i]
		if !ev.articles[id] && SameEvent(&ev.rec, rec) {
			return ev
		}
	}
	return nil
}

// Close writes both tables.
func (g *GDELT) Close() error {
	if err := writeRows(g.export, len(g.events), func(i int) []string {
		ev := g.events[i]
		return story.GDELTRow(&ev.rec, ev.n, g.added)
	}); err != nil {
		return err
	}
	if g.mentions == nil {
		return nil
	}
	return writeRows(g.mentions, len(g.mentionRows), func(i int) []string { return g.mentionRows[i] })
}

func writeRows(w io.Writer, n int, row func(int) []string) error {
	bw := bufio.NewWriter(w)
	for i := 0; i < n; i++ {
		if _, err := bw.WriteString(strings.Join(row(i), "\t") + "\n"); err != nil {
			return err
		}
	}
	return bw.Flush()
}
