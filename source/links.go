package source

import (
	"context"
	"fmt"
	"io"

	"dyad/source/fetch"
)

// link is an entry of a feed or sitemap: a page to fetch, what the
// container said about it, and, for feed items, its own content.
type link struct {
	url     string
	where   string // "item 3", "entry 12"
	origin  string // the entry's provenance when its page is not fetched
	meta    Meta
	content string // HTML given with a feed item, used without a fetcher
}

// linkSource yields the entries of a feed or sitemap in order. With a
// fetcher it fetches up to Options.Concurrency pages ahead.
type linkSource struct {
	origin  string
	links   []link
	opts    Options
	started int // links whose fetch has been started
	pending []chan fetched
	ctx     context.Context
	cancel  context.CancelFunc
}

type fetched struct {
	link link
	resp *fetch.Response
	err  error
}

func newLinks(origin string, links []link, opts Options) *linkSource {
	return &linkSource{origin: origin, links: links, opts: opts}
}

func (s *linkSource) Close() error {
	if s.cancel != nil {
		s.cancel()
	}
	s.started, s.pending = len(s.links), nil
	return nil
}

func (s *linkSource) Next(ctx context.Context) (Record, error) {
	for {
		if err := ctx.Err(); err != nil {
			return Record{}, err
		}
		if s.opts.Fetcher == nil || s.opts.NoFollow {
			if s.started >= len(s.links) {
				return Record{}, io.EOF
			}
			l := s.links[s.started]
			s.started++
			return unfetched(l), nil
		}
		if s.ctx == nil {
			s.ctx, s.cancel = context.WithCancel(context.WithoutCancel(ctx))
		}
		for len(s.pending) < s.opts.concurrency() && s.started < len(s.links) {
			s.pending = append(s.pending, s.start(s.links[s.started]))
			s.started++
		}
		if len(s.pending) == 0 {
			s.cancel()
			return Record{}, io.EOF
		}
		var f fetched
		select {
		case f = <-s.pending[0]:
		case <-ctx.Done():
			return Record{}, ctx.Err()
		}
		s.pending = s.pending[1:]
		if rec, ok, err := s.page(f); err != nil || ok {
			return rec, err
		}
	}
}

func (s *linkSource) start(l link) chan fetched {
	ch := make(chan fetched, 1)
	if l.url == "" {
		ch <- fetched{link: l, err: fmt.Errorf("no link to fetch")}
		return ch
	}
	go func() {
		resp, err := s.opts.Fetcher.Fetch(s.ctx, l.url)
		ch <- fetched{link: l, resp: resp, err: err}
	}()
	return ch
}

// page makes a fetched page into a Record; ok is false for pages not
// modified since the last fetch.
func (s *linkSource) page(f fetched) (Record, bool, error) {
	where := f.link.where + " (" + f.link.url + ")"
	if f.err != nil {
		return Record{}, false, docErr(s.origin, where, f.err)
	}
	if f.resp.NotModified {
		s.opts.logger().Info("not modified since last fetch", "url", f.link.url)
		return Record{}, false, nil
	}
	ct := f.resp.Header.Get("Content-Type")
	k, _ := sniff(f.resp.Body[:min(len(f.resp.Body), 4096)], ct)
	if k != kindHTML && k != kindText {
		return Record{}, false, docErr(s.origin, where, fmt.Errorf("the linked document is a %s, not a page", k))
	}
	if ct == "" {
		ct = map[kind]string{kindHTML: "text/html", kindText: "text/plain"}[k]
	}
	if k == kindHTML {
		warnUndeclared(s.opts, f.resp.URL, f.resp.Body, ct, "")
	}
	return Record{
		Origin:      f.resp.URL,
		URL:         f.resp.URL,
		ContentType: ct,
		Body:        f.resp.Body,
		Header:      f.resp.Header,
		Date:        f.resp.Date,
		Meta:        f.link.meta,
	}, true, nil
}

// unfetched is the record of an entry whose page is not fetched: the feed
// item's own content, or for a sitemap entry its metadata only.
func unfetched(l link) Record {
	rec := Record{Origin: l.origin, URL: l.url, Meta: l.meta}
	if l.content != "" {
		rec.Body, rec.ContentType = wrapContent(l.meta.Title, l.content), "text/html; charset=utf-8"
	}
	return rec
}
