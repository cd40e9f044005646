package source

import (
	"context"
	"io"
	"net/url"
)

// lazy opens its source on the first call to Next, so that Open does no
// I/O and reports problems through Next like any other.
type lazy struct {
	open  func(ctx context.Context) Source
	inner Source
	done  bool
}

func (s *lazy) Next(ctx context.Context) (Record, error) {
	if err := ctx.Err(); err != nil {
		return Record{}, err
	}
	if s.inner == nil {
		if s.done {
			return Record{}, io.EOF
		}
		s.done = true
		s.inner = s.open(ctx)
	}
	return s.inner.Next(ctx)
}

func (s *lazy) Close() error {
	s.done = true
	if s.inner != nil {
		return s.inner.Close()
	}
	return nil
}

// webSource reads one URL: a page, or a feed, sitemap, WARC or JSON Lines
// file that the web serves.
type webSource struct {
	url  string
	opts Options
}

func (s *webSource) open(ctx context.Context) Source {
	if s.opts.Fetcher == nil {
		return failed(docErr(s.url, "", ErrNoFetcher))
	}
	resp, err := s.opts.Fetcher.Fetch(ctx, s.url)
	if err != nil {
		return failed(docErr(s.url, "", err))
	}
	if resp.NotModified {
		s.opts.logger().Info("not modified since last fetch", "url", s.url)
		return &list{}
	}
	name := s.url
	if u, err := url.Parse(resp.URL); err == nil {
		name = u.Path
	}
	return fromDoc(doc{
		origin:      s.url,
		name:        name,
		url:         resp.URL,
		data:        resp.Body,
		contentType: resp.Header.Get("Content-Type"),
		header:      resp.Header,
		date:        resp.Date,
	}, s.opts, nil)
}
