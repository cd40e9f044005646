package source

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// sitemapXML is a sitemap (urlset) or sitemap index, with the Google News
// extension. Elements match by local name, whatever their namespace.
type sitemapXML struct {
	XMLName xml.Name
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
		News    struct {
			Publication struct {
				Name     string `xml:"name"`
				Language string `xml:"language"`
			} `xml:"publication"`
			PublicationDate string `xml:"publication_date"`
			Title           string `xml:"title"`
		} `xml:"news"`
	} `xml:"url"`
	Sitemaps []struct {
		Loc string `xml:"loc"`
	} `xml:"sitemap"`
}

// sitemapSource yields a sitemap's entries, then those of the sitemaps an
// index lists, each read once and to a bounded depth.
type sitemapSource struct {
	origin   string
	opts     Options
	depth    int
	tree     *sitemapTree
	note     error // reported before the entries: the tree's entry budget ran out here
	entries  Source
	children []string
	cur      Source
}

// sitemapTree is what the sitemaps of one tree share: the sitemaps read and
// the budgets of entries and child sitemaps.
type sitemapTree struct {
	seen     map[string]bool // sitemap URLs read
	links    int             // entries taken
	children int             // child sitemaps fetched
	full     bool            // an entry or sitemap budget ran out and was reported
}

func newSitemap(d doc, opts Options, tree *sitemapTree) Source {
	if tree == nil {
		tree = &sitemapTree{seen: map[string]bool{}}
	}
	if d.url != "" {
		tree.seen[d.url] = true
	}
	text, err := decodeXMLDoc(d, opts)
	if err != nil {
		return failed(docErr(d.origin, "", err))
	}
	var sm sitemapXML
	if err := xml.Unmarshal([]byte(text), &sm); err != nil {
		return failed(docErr(d.origin, "", fmt.Errorf("sitemap: %w", err)))
	}
	s := &sitemapSource{origin: d.origin, opts: opts, depth: d.depth, tree: tree}
	if n := opts.maxLinks() - tree.links; len(sm.URLs) > n {
		sm.URLs = sm.URLs[:max(n, 0)]
		if !tree.full {
			tree.full = true
			s.note = tooManyEntries(d.origin, opts)
		}
	}
	tree.links += len(sm.URLs)
	links := make([]link, 0, len(sm.URLs))
	for i, u := range sm.URLs {
		loc := resolve(d.url, strings.TrimSpace(u.Loc))
		m := Meta{
			Title:     strings.TrimSpace(u.News.Title),
			Publisher: strings.TrimSpace(u.News.Publication.Name),
			Language:  strings.TrimSpace(u.News.Publication.Language),
		}
		date := u.News.PublicationDate
		if date == "" {
			date = u.LastMod
		}
		if date != "" {
			m.Published, _ = parseDate(date)
		}
		links = append(links, link{url: loc, where: fmt.Sprintf("entry %d", i+1), origin: loc, meta: m})
	}
	s.entries = newLinks(d.origin, links, opts)
	for _, c := range sm.Sitemaps {
		s.children = append(s.children, resolve(d.url, strings.TrimSpace(c.Loc)))
	}
	return s
}

func tooManyEntries(origin string, opts Options) error {
	return docErr(origin, "", fmt.Errorf("the sitemap tree has more than %d entries; the rest are not read", opts.maxLinks()))
}

func (s *sitemapSource) Close() error {
	s.children = nil
	err := s.entries.Close()
	if s.cur != nil {
		s.cur.Close()
		s.cur = nil
	}
	return err
}

func (s *sitemapSource) Next(ctx context.Context) (Record, error) {
	if s.note != nil {
		err := s.note
		s.note = nil
		return Record{}, err
	}
	for {
		src := s.entries
		if s.cur != nil {
			src = s.cur
		}
		rec, err := src.Next(ctx)
		if err != io.EOF {
			return rec, err
		}
		if s.cur != nil {
			s.cur.Close()
			s.cur = nil
		}
		if len(s.children) == 0 {
			return Record{}, io.EOF
		}
		child := s.children[0]
		s.children = s.children[1:]
		if err := s.open(ctx, child); err != nil {
			return Record{}, err
		}
	}
}

// open fetches a child sitemap and makes it the current source.
func (s *sitemapSource) open(ctx context.Context, u string) error {
	where := "sitemap " + u
	switch {
	case s.tree.links >= s.opts.maxLinks():
		s.children = nil
		if s.tree.full {
			return nil
		}
		s.tree.full = true
		return tooManyEntries(s.origin, s.opts)
	case s.tree.children >= s.opts.maxSitemaps():
		s.children = nil
		if s.tree.full {
			return nil
		}
		s.tree.full = true
		return docErr(s.origin, "", fmt.Errorf("the sitemap tree lists more than %d sitemaps; the rest are not read", s.opts.maxSitemaps()))
	case s.tree.seen[u]:
		s.opts.logger().Warn("sitemap loop: the index lists a sitemap already read; skipped", "origin", s.origin, "sitemap", u)
		return nil
	case s.depth+1 > s.opts.maxDepth():
		return docErr(s.origin, where, fmt.Errorf("sitemap indexes nested deeper than %d levels; not read", s.opts.maxDepth()))
	case s.opts.Fetcher == nil:
		return docErr(s.origin, where, ErrNoFetcher)
	}
	s.tree.seen[u] = true
	s.tree.children++
	resp, err := s.opts.Fetcher.Fetch(ctx, u)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return docErr(s.origin, where, err)
	}
	if resp.NotModified {
		return nil
	}
	d := doc{origin: u, name: u, url: resp.URL, data: resp.Body, contentType: resp.Header.Get("Content-Type"), header: resp.Header, date: resp.Date, depth: s.depth + 1}
	s.tree.seen[resp.URL] = true
	if isGzip(d.data) {
		data, err := gunzip(d.data, s.opts.maxBytes())
		if err != nil {
			return docErr(s.origin, where, err)
		}
		d.data, d.contentType = data, ""
	}
	if k, _ := sniff(d.data[:min(len(d.data), 4096)], d.contentType); k != kindSitemap {
		return docErr(s.origin, where, fmt.Errorf("not a sitemap but a %s", k))
	}
	s.cur = newSitemap(d, s.opts, s.tree)
	return nil
}

func isGzip(b []byte) bool { return len(b) >= 2 && b[0] == gzipMagic[0] && b[1] == gzipMagic[1] }
