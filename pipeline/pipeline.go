package pipeline

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"dyad/article"
	"dyad/article/dedup"
	"dyad/coder"
	"dyad/coder/story"
	"dyad/geo"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/english"
	"dyad/source"
)

// Pipeline codes news: it holds the loaded dictionaries and NLP stages, and
// each Run reads inputs through them. It is safe for concurrent use; runs
// share the models.
type Pipeline struct {
	opts   Options
	limits Limits
	nlp    *nlp.Pipeline
	coder  *coder.Coder
	gaz    *geo.Gazetteer // nil: events are not placed
	log    *slog.Logger
}

// ErrNoParser is returned by New when the NLP stages chosen make no
// dependency trees, which the coder needs, and the inputs are not parsed.
var ErrNoParser = errors.New("the NLP pipeline has no dependency parser: give parsed input in CoNLL-U")

// New loads what opts name — dictionaries and NLP models, side by side —
// and returns a Pipeline ready to run.
func New(opts Options) (*Pipeline, error) {
	p := &Pipeline{opts: opts, limits: opts.Limits.withDefaults(), log: opts.logger()}
	if opts.ExtractOnly {
		return p, nil
	}
	var g errgroup.Group
	g.Go(func() error {
		d := opts.Dictionary
		if d == nil {
			t0 := time.Now()
			var err error
			if d, err = LoadDictionary(opts); err != nil {
				return err
			}
			p.log.Info("dictionaries loaded", "files", len(d.Files), "seconds", time.Since(t0).Seconds(), "problems", len(d.Problems))
			for _, pr := range d.Problems {
				p.log.Debug("dictionary problem", "at", pr.Source.String(), "msg", pr.Msg)
			}
		}
		co := opts.Coder
		if co.Logger == nil {
			co.Logger = opts.Logger
		}
		var err error
		p.coder, err = coder.New(d, co)
		return err
	})
	if !opts.NoGeo {
		g.Go(func() error {
			p.gaz = opts.Gazetteer
			if p.gaz != nil {
				return nil
			}
			var err error
			p.gaz, err = geo.Default()
			return err
		})
	}
	if !opts.CoNLLU {
		g.Go(func() error {
			reg, spec := opts.Registry, opts.NLP
			if reg == nil {
				reg = english.Registry()
			}
			if spec == (nlp.Spec{}) {
				spec = english.DefaultSpec()
			}
			var err error
			if p.nlp, err = reg.Pipeline(spec); err != nil {
				return err
			}
			if p.nlp.Provides()&nlp.Tree == 0 {
				return ErrNoParser
			}
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return nil, err
	}
	return p, nil
}

// Run is New followed by Pipeline.Run.
func Run(ctx context.Context, inputs []string, opts Options, sink Sink) (Summary, error) {
	p, err := New(opts)
	if err != nil {
		return Summary{}, err
	}
	return p.Run(ctx, inputs, sink)
}

// item is one document on its way through the stages.
type item struct {
	seq   int
	nth   int // the input's position in Run's list
	input string
	rec   *source.Record   // to extract
	art   *article.Article // extracted
	sents []nlp.Sentence   // CoNLL-U input
	docID string           // CoNLL-U document ID
	date  time.Time        // CoNLL-U document date
	st    *story.Story
	err   error
}

// Run reads the inputs in order — files, folders, URLs, or "-" for
// Options.Stdin — and puts a Result for every document, and for every input
// that cannot be read, to sink in input order. Errors of documents go to
// the sink, not to the return value: Run fails only when an input cannot
// be opened in CoNLL-U mode, the sink fails, or ctx ends, and then returns
// what was done until then.
func (p *Pipeline) Run(ctx context.Context, inputs []string, sink Sink) (Summary, error) {
	// Extraction and coding both run on Workers goroutines, which take
	// one of Workers tokens of cpu while they compute: Workers bounds the
	// cores a run keeps busy, whatever the mix of work, and extraction
	// keeps up however many cores there are.
	extractors, workers := p.opts.workers(), p.opts.workers()
	if p.opts.ExtractOnly {
		workers = 1
	}
	cpu := make(chan struct{}, extractors)
	m := newMeter(workers)
	g, gctx := errgroup.WithContext(ctx)
	// The channels are short: each stage works ahead of the next by a few
	// documents, and the window bounds what the sink may have to hold
	// back while an earlier article is still being coded.
	read := make(chan *item, 8)
	extracted := make(chan *item, 8)
	jobs := make(chan *item, 2*workers)
	done := make(chan *item, 2*workers)
	window := make(chan struct{}, 4*workers+8)

	g.Go(func() error { defer close(read); return p.read(gctx, inputs, read, m) })
	var eg errgroup.Group
	for range extractors {
		eg.Go(func() error { return p.extract(gctx, read, extracted, cpu, m) })
	}
	g.Go(func() error { defer close(extracted); return eg.Wait() })
	g.Go(func() error { defer close(jobs); return p.dedup(gctx, extracted, jobs, window, m) })
	var wg errgroup.Group
	for range workers {
		wg.Go(func() error { return p.work(gctx, jobs, done, cpu, m) })
	}
	g.Go(func() error { defer close(done); return wg.Wait() })
	g.Go(func() error { return p.deliver(gctx, done, window, sink, m) })
	err := g.Wait()
	sum := m.summary()
	if err == nil {
		err = ctx.Err()
	}
	if err != nil && ctx.Err() != nil {
		sum.Interrupted = true
		err = ctx.Err()
	}
	return sum, err
}

// acquire takes a token of cpu, waiting for one unless ctx ends first;
// the caller gives it back with <-cpu when it has done its computing.
func acquire(ctx context.Context, cpu chan<- struct{}) error {
	select {
	case cpu <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// send sends it on ch unless ctx ends first.
func send(ctx context.Context, ch chan<- *item, it *item) error {
	select {
	case ch <- it:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// read is the first stage: it opens the inputs in order and sends their
// documents and document errors.
func (p *Pipeline) read(ctx context.Context, inputs []string, out chan<- *item, m *meter) error {
	seq := 0
	emit := func(it *item) error {
		it.seq = seq
		seq++
		return send(ctx, out, it)
	}
	for nth, in := range inputs {
		if p.opts.CoNLLU {
			t0 := time.Now()
			its, err := p.readWhole(in)
			m.add(stageRead, time.Since(t0))
			if err != nil {
				return err
			}
			for _, it := range its {
				it.nth = nth
				if err := emit(it); err != nil {
					return err
				}
			}
			continue
		}
		var src source.Source
		if in == "-" {
			// Standard input is read whole and then as a file would be:
			// text, a page, JSON Lines, a URL list…
			data, err := readAll(in, p.stdin())
			if err != nil {
				if err := emit(&item{nth: nth, input: in, err: fmt.Errorf("standard input: %w", err)}); err != nil {
					return err
				}
				continue
			}
			src = source.FromBytes("standard input", data, p.opts.Source)
		} else {
			src = source.Open(in, p.opts.Source)
		}
		for {
			t0 := time.Now()
			rec, err := src.Next(ctx)
			m.add(stageRead, time.Since(t0))
			if err == io.EOF {
				break
			}
			var de *source.DocError
			if err != nil && !errors.As(err, &de) {
				src.Close()
				return err // the context ended
			}
			it := &item{nth: nth, input: in, err: err}
			if err == nil {
				it.rec = &rec
			}
			if err := emit(it); err != nil {
				src.Close()
				return err
			}
		}
		src.Close()
	}
	return nil
}

// maxWholeInput bounds an input read whole: standard input or a CoNLL-U file.
const maxWholeInput = source.DefaultMaxBytes

// stdin is Options.Stdin, or an empty reader.
func (p *Pipeline) stdin() io.Reader {
	if p.opts.Stdin == nil {
		return strings.NewReader("")
	}
	return p.opts.Stdin
}

// readWhole reads a file of parsed sentences in CoNLL-U mode ("-" for
// Stdin). A file that cannot be read is a document error, and so is each
// of its sentences that does not parse: the rest is coded.
func (p *Pipeline) readWhole(in string) ([]*item, error) {
	name := in
	var r io.Reader
	if in == "-" {
		name, r = "standard input", p.stdin()
	}
	data, err := readAll(in, r)
	if err != nil {
		return []*item{{input: in, err: fmt.Errorf("%s: %w", name, err)}}, nil
	}
	var sents []nlp.Sentence
	var its []*item
	cr := conllu.NewReader(bytes.NewReader(data), name)
	for {
		s, err := cr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			its = append(its, &item{input: in, err: err})
			continue
		}
		sents = append(sents, s)
	}
	for _, doc := range conllDocuments(name, sents) {
		date := p.opts.Date
		if d := sentenceDate(&doc.sents[0]); !d.IsZero() {
			date = d
		}
		its = append(its, &item{input: in, sents: doc.sents, docID: doc.id, date: date})
	}
	return its, nil
}

// readAll reads a file, or r for "-", up to maxWholeInput bytes.
func readAll(path string, r io.Reader) ([]byte, error) {
	if r == nil {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		r = f
	}
	data, err := io.ReadAll(io.LimitReader(r, maxWholeInput+1))
	if err != nil {
		return nil, err
	}
	if len(data) > maxWholeInput {
		return nil, fmt.Errorf("%s: larger than %s", path, source.Size(maxWholeInput))
	}
	return data, nil
}

// extract is the second stage, run by each of several extractors: it
// makes articles of records, out of order.
func (p *Pipeline) extract(ctx context.Context, in <-chan *item, out chan<- *item, cpu chan struct{}, m *meter) error {
	for it := range in {
		if it.rec != nil {
			if err := acquire(ctx, cpu); err != nil {
				return err
			}
			t0 := time.Now()
			a, err := article.FromRecord(*it.rec)
			m.add(stageExtract, time.Since(t0))
			<-cpu
			if err != nil {
				it.err = fmt.Errorf("%s: %w", it.rec.Origin, err)
			}
			it.art, it.rec = a, nil
		}
		if err := send(ctx, out, it); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// dedup is the third stage: it restores input order, marks
// near-duplicates, so the first article of a story is the one kept, and
// admits each document into the window of documents between it and the
// sink.
func (p *Pipeline) dedup(ctx context.Context, in <-chan *item, out chan<- *item, window chan struct{}, m *meter) error {
	var ix *dedup.Index
	last := 0
	err := inOrder(in, func(it *item) error {
		if !p.opts.NoDedup && it.art != nil && it.err == nil {
			if ix == nil || (p.opts.DedupEachInput && it.nth != last) {
				ix = dedup.New(p.opts.Dedup)
				last = it.nth
			}
			t0 := time.Now()
			ix.AddArticle(it.art)
			m.add(stageDedup, time.Since(t0))
		}
		select {
		case window <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		return send(ctx, out, it)
	})
	if err != nil {
		return err
	}
	return ctx.Err()
}

// inOrder calls f with the items received from in in the order of their
// seq, holding back those that come ahead of an earlier one, until in is
// closed or f fails.
func inOrder(in <-chan *item, f func(*item) error) error {
	held := map[int]*item{}
	next := 0
	for it := range in {
		held[it.seq] = it
		for {
			it, ok := held[next]
			if !ok {
				break
			}
			delete(held, next)
			next++
			if err := f(it); err != nil {
				return err
			}
		}
	}
	return nil
}

// worker holds what one parse+code worker reuses from article to article.
type worker struct {
	p      *Pipeline
	m      *meter
	sc     *story.Coder
	bounds nlp.Bounds
	nlp    time.Duration // time in the NLP stages so far
}

// observe records the time of an NLP stage on one document.
func (w *worker) observe(kind string, d time.Duration) {
	w.nlp += d
	w.m.add(nlpStage(kind), d)
}

// Document parses within the worker's current bounds; it makes the worker
// the story.Parser of its story.Coder.
func (w *worker) Document(id, text string) ([]nlp.Sentence, error) {
	return w.p.nlp.DocumentWithin(id, text, w.bounds)
}

// work is the fourth stage, run by each worker: it parses and codes.
func (p *Pipeline) work(ctx context.Context, in <-chan *item, out chan<- *item, cpu chan struct{}, m *meter) error {
	w := &worker{p: p, m: m}
	if !p.opts.ExtractOnly {
		w.sc = story.New(p.coder, w, story.Options{Logger: p.opts.Logger, Gazetteer: p.gaz})
		w.bounds = nlp.Bounds{Observe: w.observe, Done: ctx.Done()}
	}
	for it := range in {
		if w.sc != nil && it.err == nil {
			if err := acquire(ctx, cpu); err != nil {
				return err
			}
			w.code(it)
			<-cpu
		}
		if err := send(ctx, out, it); err != nil {
			return err
		}
	}
	return ctx.Err()
}

// code parses and codes one document within the limits.
func (w *worker) code(it *item) {
	t0 := time.Now()
	if it.sents != nil {
		it.st = w.sc.CodeSentences(it.docID, it.date, it.sents)
		w.m.add(stageCode, time.Since(t0))
		return
	}
	a := it.art
	if a == nil || a.DuplicateOf != "" {
		return
	}
	if l := strings.ToLower(a.Language); l != "" && l != "en" && !strings.HasPrefix(l, "en-") {
		it.err = &LanguageError{Origin: a.Origin, Language: l}
		return
	}
	if a.Published.IsZero() {
		a.Published = w.p.opts.Date
	}
	lim := w.p.limits
	if n := len(a.FullText()); lim.MaxTextBytes > 0 && n > lim.MaxTextBytes {
		it.err = fmt.Errorf("%s: %w: %s of text, more than %s", a.Origin, ErrSkipped, source.Size(int64(n)), source.Size(int64(lim.MaxTextBytes)))
		return
	}
	w.bounds.Deadline = time.Time{}
	if lim.Timeout > 0 {
		w.bounds.Deadline = t0.Add(lim.Timeout)
	}
	nlpBefore := w.nlp
	st, err := w.sc.Code(a)
	// Coding is what story.Code spent beyond the NLP stages.
	w.m.add(stageCode, time.Since(t0)-(w.nlp-nlpBefore))
	if errors.Is(err, nlp.ErrBounds) {
		it.err = fmt.Errorf("%s: %w: %w", a.Origin, ErrSkipped, err)
		return
	}
	if err != nil {
		it.err = fmt.Errorf("%s: %w", a.Origin, err)
		return
	}
	it.st = st
}

// deliver is the last stage: it restores input order and puts each result
// to the sink.
func (p *Pipeline) deliver(ctx context.Context, in <-chan *item, window chan struct{}, sink Sink, m *meter) error {
	err := inOrder(in, func(it *item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it.art != nil && it.art.DuplicateOf != "" && !p.opts.ExtractOnly {
			p.log.Info("near-duplicate not coded", "article_id", it.art.ID, "duplicate_of", it.art.DuplicateOf, "origin", it.art.Origin)
		}
		r := &Result{Seq: it.seq, Input: it.input, Article: it.art, Story: it.st, Err: it.err}
		t0 := time.Now()
		if err := sink.Put(ctx, r); err != nil {
			return err
		}
		m.add(stageWrite, time.Since(t0))
		m.count(r)
		<-window
		return nil
	})
	if err != nil {
		return err
	}
	return ctx.Err()
}

// conllDoc is one document of a CoNLL-U input.
type conllDoc struct {
	id    string
	sents []nlp.Sentence
}

// conllDocuments groups sentences into documents at "# newdoc" comments;
// without any, each sentence is a document of its own. Sentences without
// an ID are numbered.
func conllDocuments(name string, sents []nlp.Sentence) []conllDoc {
	newdoc := func(s *nlp.Sentence) (string, bool) {
		for _, c := range s.Comments {
			if rest, ok := strings.CutPrefix(c, "newdoc"); ok {
				_, id, _ := strings.Cut(rest, "=")
				return strings.TrimSpace(id), true
			}
		}
		return "", false
	}
	grouped := false
	for i := range sents {
		if _, ok := newdoc(&sents[i]); ok {
			grouped = true
		}
	}
	var docs []conllDoc
	for i := range sents {
		s := sents[i]
		if s.ID == "" {
			s.ID = strconv.Itoa(i + 1)
		}
		id, starts := newdoc(&s)
		if !grouped || starts || len(docs) == 0 {
			if id == "" {
				id = s.ID
				if grouped {
					id = fmt.Sprintf("%s#%d", name, len(docs)+1)
				}
			}
			docs = append(docs, conllDoc{id: id})
		}
		docs[len(docs)-1].sents = append(docs[len(docs)-1].sents, s)
	}
	return docs
}

// sentenceDate returns the date of a "# date = YYYYMMDD" comment, or the
// zero time.
func sentenceDate(s *nlp.Sentence) time.Time {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == "date" {
			if t, err := time.Parse("20060102", strings.TrimSpace(v)); err == nil {
				return t
			}
		}
	}
	return time.Time{}
}
