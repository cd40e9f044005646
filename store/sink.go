package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"dyad/pipeline"
)

// Sink stores a pipeline's results: the pipeline.Sink that dyad ingest
// runs. Articles are committed in batches of up to SinkOptions.Batch, or
// sooner when SinkOptions.Every has passed, so that a process killed at
// any moment leaves every batch either whole or absent; Flush commits the
// last one. A Sink is used by one run at a time.
type Sink struct {
	a     Appender
	opts  SinkOptions
	batch []Coded
	since time.Time
	sum   IngestSummary
	bulk  *Bulk // the run's bulk load, with SinkOptions.Bulk
	// loaded counts what the bulk load did, added to sum when it
	// commits.
	loaded IngestSummary
	failed error // the bulk load's failure: nothing more is written
}

var _ pipeline.Sink = (*Sink)(nil)

// SinkOptions configure a Sink. The zero value is ready to use.
type SinkOptions struct {
	Batch int           // articles per transaction; 0 means 32
	Every time.Duration // longest wait before a commit; 0 means 2 s
	// Bulk makes the whole run one bulk load (Bulk), committed by Flush,
	// when the store loads in bulk: for a first load of a large corpus
	// into an empty store, whose indexes are then built once at the end.
	// A run killed before Flush stores nothing.
	Bulk bool
}

// IngestSummary counts what a Sink did.
type IngestSummary struct {
	New, Unchanged, Duplicate, Replaced, Failed int
	// Events counts the events that started a stored event, Merged those
	// that joined one.
	Events, Merged int
}

func (s IngestSummary) String() string {
	return fmt.Sprintf("%d articles new, %d unchanged, %d duplicate, %d replaced, %d failed; %d events added, %d merged into stored events",
		s.New, s.Unchanged, s.Duplicate, s.Replaced, s.Failed, s.Events, s.Merged)
}

// NewSink returns a Sink that appends to a.
func NewSink(a Appender, opts SinkOptions) *Sink {
	if opts.Batch <= 0 {
		opts.Batch = 32
	}
	if opts.Every <= 0 {
		opts.Every = 2 * time.Second
	}
	return &Sink{a: a, opts: opts}
}

// Put takes one result of the pipeline: a failure is counted (the
// pipeline's caller reports it), an article is queued for the next commit.
func (s *Sink) Put(ctx context.Context, r *pipeline.Result) error {
	if r.Err != nil {
		s.sum.Failed++
		return nil
	}
	c, ok := coded(r)
	if !ok {
		return nil
	}
	if len(s.batch) == 0 {
		s.since = time.Now()
	}
	s.batch = append(s.batch, c)
	if len(s.batch) >= s.opts.Batch || time.Since(s.since) >= s.opts.Every {
		return s.write(ctx)
	}
	return nil
}

// coded turns a result into what the store keeps: an article with its
// coding, a near-duplicate without, or, for CoNLL-U input, the coded
// sentences as an article of their own.
func coded(r *pipeline.Result) (Coded, bool) {
	switch {
	case r.Article != nil:
		return FromStory(r.Article, r.Story), true
	case r.Story != nil:
		st := r.Story
		c := Coded{Article: Article{ID: st.ArticleID, URL: st.URL, Origin: st.Origin, Title: st.Title, Published: st.Published}}
		var text strings.Builder
		for _, s := range st.Sentences {
			if text.Len() > 0 {
				text.WriteString("\n")
			}
			start := text.Len()
			text.WriteString(s.Text)
			c.Sentences = append(c.Sentences, Sentence{Index: s.Index, ID: s.ID, Section: string(s.Section), Paragraph: s.Paragraph,
				Start: start, End: text.Len(), Text: s.Text})
		}
		c.Article.Text = text.String()
		c.Events = st.Records()
		return c, true
	}
	return Coded{}, false
}

// Flush commits the queued articles, and the bulk load.
func (s *Sink) Flush(ctx context.Context) error {
	if err := s.write(ctx); err != nil {
		return err
	}
	if s.bulk == nil {
		return nil
	}
	b := s.bulk
	s.bulk = nil
	if err := b.Commit(ctx); err != nil {
		s.failed = err
		return err
	}
	f := s.loaded
	s.sum.New += f.New
	s.sum.Unchanged += f.Unchanged
	s.sum.Duplicate += f.Duplicate
	s.sum.Replaced += f.Replaced
	s.sum.Events += f.Events
	s.sum.Merged += f.Merged
	s.loaded = IngestSummary{}
	return nil
}

// write appends the queued articles: a transaction of their own, or a
// part of the bulk load.
func (s *Sink) write(ctx context.Context) error {
	if s.failed != nil {
		return s.failed
	}
	if len(s.batch) == 0 {
		return nil
	}
	var res []Result
	var err error
	if bl, ok := s.a.(BulkLoader); ok && s.opts.Bulk && s.bulk == nil {
		if s.bulk, err = bl.Bulk(ctx); err != nil {
			s.failed = err
			return err
		}
	}
	sum := &s.sum
	if s.bulk != nil {
		sum = &s.loaded
		if res, err = s.bulk.Append(ctx, s.batch); err != nil {
			s.bulk.Rollback()
			s.bulk, s.failed = nil, err
		}
	} else {
		res, err = s.a.Append(ctx, s.batch)
	}
	if err != nil {
		return err
	}
	for _, x := range res {
		switch x.Outcome {
		case New:
			sum.New++
		case Unchanged:
			sum.Unchanged++
		case Duplicate:
			sum.Duplicate++
		case Replaced:
			sum.Replaced++
		}
		sum.Events += x.Events
		sum.Merged += x.Merged
	}
	s.batch = s.batch[:0]
	return nil
}

// Summary returns what the sink has done so far.
func (s *Sink) Summary() IngestSummary { return s.sum }
