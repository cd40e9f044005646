package source

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/klauspost/compress/gzip"
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
	return readSized(r, max, 0)
}

// readSized is readAtMost for a document of about size bytes (0: unknown):
// the buffer is allocated once at that size, where io.ReadAll would grow it
// from 512 bytes, copying and clearing as it doubles (a fifth of the cost
// of reading a gzipped page). A wrong size costs only that saving.
func readSized(r io.Reader, max, size int64) ([]byte, error) {
	size = min(max, size) + 1 // room for the read that finds the end
	if size < 512 {
		size = 512
	}
	b := make([]byte, 0, size)
	lr := io.LimitReader(r, max+1)
	for {
		n, err := lr.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
	if int64(len(b)) > max {
		return nil, tooLarge(max)
	}
	return b, nil
}

// gunzipSize returns the size of the data that a gzip stream of n bytes,
// ending in trailer (its last 4 bytes), decompresses to: the size the
// trailer records (of the last member only, modulo 4 GiB), at most what
// deflate's best ratio (1032:1) allows, so that a small file cannot make
// the reader allocate much by claiming to be large. It is a size hint for
// readSized, not a limit.
func gunzipSize(trailer []byte, n int64) int64 {
	if len(trailer) < 4 {
		return 0
	}
	return min(int64(binary.LittleEndian.Uint32(trailer[len(trailer)-4:])), 1032*n)
}

// gunzip decompresses all members of a gzip stream, at most max bytes.
func gunzip(data []byte, max int64) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := readSized(zr, max, gunzipSize(data, int64(len(data))))
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
