package source

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"
)

// doc is a whole document at hand, with what its transport said about it.
type doc struct {
	origin      string // file path or URL it was read from
	name        string // file name or URL path, for declared-type checks
	url         string
	data        []byte
	contentType string
	header      http.Header
	date        time.Time
	depth       int  // sitemap nesting depth
	stdin       bool // read by FromBytes: a URL list's paths are relative to the working directory
}

// fromDoc returns the source for a document held in memory, choosing the
// reader from its content.
func fromDoc(d doc, opts Options, tree *sitemapTree) Source {
	if bytes.HasPrefix(d.data, gzipMagic) {
		data, err := gunzip(d.data, opts.maxBytes())
		if err != nil {
			return failed(docErr(d.origin, "", err))
		}
		d.data, d.contentType = data, ""
	}
	if len(bytes.TrimSpace(d.data)) == 0 {
		return failed(docErr(d.origin, "", errors.New("empty document")))
	}
	k, root := sniff(d.data[:min(len(d.data), 4096)], d.contentType)
	if declaredFeed(d.name, d.contentType) && k != kindFeed {
		return failed(docErr(d.origin, "", notFeed(d, k)))
	}
	switch k {
	case kindWARC:
		return newWARC(bytes.NewReader(d.data), d.origin, opts)
	case kindJSONL:
		return newJSONL(io.NopCloser(bytes.NewReader(d.data)), d.origin, opts)
	case kindFeed:
		return newFeed(d, opts)
	case kindSitemap:
		return newSitemap(d, opts, tree)
	case kindPETRARCH:
		return newPETRARCH(d.data, d.origin)
	case kindXML:
		return failed(docErr(d.origin, "", fmt.Errorf("XML document with root <%s> is neither a feed nor a sitemap%w", root, noMessage{errNotArticles})))
	case kindText:
		if isURLList(d.data) {
			if opts.inList {
				return failed(docErr(d.origin, "", errNestedList))
			}
			return newURLList(d, opts)
		}
	}
	rec := Record{Origin: d.origin, URL: d.url, Body: d.data, Header: d.header, Date: d.date, ContentType: d.contentType}
	if k == kindHTML {
		warnUndeclared(opts, d.origin, d.data, d.contentType, "")
	}
	switch mt := mediaType(d.contentType); {
	case k == kindHTML && mt != "text/html" && mt != "application/xhtml+xml":
		rec.ContentType = "text/html"
	case k == kindText && mt != "text/plain":
		rec.ContentType = "text/plain"
	}
	return single(rec)
}

// notFeed explains what a document declared as a feed is instead.
func notFeed(d doc, k kind) error {
	if k == kindHTML {
		if link := feedLink(d.data, d.url); link != "" {
			return fmt.Errorf("%w: the content is an HTML page (it links to the feed %s)", ErrNotFeed, link)
		}
		return fmt.Errorf("%w: the content is an HTML page", ErrNotFeed)
	}
	return fmt.Errorf("%w: the content is a %s", ErrNotFeed, k)
}

// readAtMost reads all of r, failing with ErrTooLarge past max bytes without
// holding more than max+1 of them.
func readAtMost(r io.Reader, max int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, tooLarge(max)
	}
	return data, nil
}

// gunzip decompresses all members of a gzip stream, at most max bytes.
func gunzip(data []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := readAtMost(zr, max)
	if err != nil {
		return nil, gzipErr(err)
	}
	return out, nil
}

// gzipErr names what went wrong in a gzip stream.
func gzipErr(err error) error {
	switch {
	case errors.Is(err, ErrTooLarge):
		return fmt.Errorf("gzip: decompressed %w", err)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return fmt.Errorf("truncated gzip: %w", io.ErrUnexpectedEOF)
	}
	return fmt.Errorf("corrupt gzip: %w", err)
}

// noMessage wraps an error for errors.Is without adding to the message.
type noMessage struct{ error }

func (noMessage) Error() string { return "" }

func (e noMessage) Unwrap() error { return e.error }
