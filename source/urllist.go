package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// isURLList reports whether a plain-text document is a list of inputs, as
// trafilatura's -i reads them: one URL or path per line, blank lines and
// "#" comments allowed, nothing else. A line of prose has spaces; a path
// has a separator or an extension; so an article is never taken for a
// list.
func isURLList(data []byte) bool {
	n := 0
	for line := range bytes.Lines(data) {
		s := string(bytes.TrimSpace(line))
		switch {
		case s == "" || strings.HasPrefix(s, "#"):
			continue
		case strings.ContainsAny(s, " \t") || len(s) > 4096:
			return false
		case isURL(s) || strings.ContainsAny(s, `/\`) || filepath.Ext(s) != "" && newsFile(s):
			n++
		default:
			return false
		}
	}
	return n > 0
}

// listSource reads the inputs a URL list names, in order. Paths are
// relative to the list's folder; a list that was itself fetched may name
// only URLs, so that a web page cannot make Dyad read local files.
type listSource struct {
	origin  string
	dir     string // "" for a fetched list
	entries []string
	lines   []int
	opts    Options
	cur     Source
}

func newURLList(d doc, opts Options) Source {
	s := &listSource{origin: d.origin, opts: opts}
	switch {
	case d.stdin:
		s.dir = "."
	case d.url == "":
		s.dir = filepath.Dir(d.origin)
	}
	n := 0
	for line := range bytes.Lines(d.data) {
		n++
		e := string(bytes.TrimSpace(line))
		if e != "" && !strings.HasPrefix(e, "#") {
			s.entries, s.lines = append(s.entries, e), append(s.lines, n)
		}
	}
	// A list's entries are read as inputs, but not as lists again: a list
	// naming itself would never end.
	s.opts.inList = true
	return s
}

func (s *listSource) Next(ctx context.Context) (Record, error) {
	for {
		if err := ctx.Err(); err != nil {
			return Record{}, err
		}
		if s.cur == nil {
			if len(s.entries) == 0 {
				return Record{}, io.EOF
			}
			e, line := s.entries[0], s.lines[0]
			s.entries, s.lines = s.entries[1:], s.lines[1:]
			switch {
			case isURL(e):
				s.cur = Open(e, s.opts)
			case s.dir == "":
				return Record{}, docErr(s.origin, fmt.Sprintf("line %d", line), fmt.Errorf("%q: a fetched list may name URLs only", e))
			default:
				if !filepath.IsAbs(e) {
					e = filepath.Join(s.dir, e)
				}
				s.cur = Open(e, s.opts)
			}
		}
		rec, err := s.cur.Next(ctx)
		if err == io.EOF {
			s.cur.Close()
			s.cur = nil
			continue
		}
		return rec, err
	}
}

func (s *listSource) Close() error {
	s.entries = nil
	if s.cur != nil {
		err := s.cur.Close()
		s.cur = nil
		return err
	}
	return nil
}

// errNestedList is the error of a URL list named by a URL list.
var errNestedList = errors.New("a URL list inside a URL list is not read")
