package source

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"
	"time"

	"github.com/klauspost/compress/gzip"

	"dyad/source/fetch"
)

// warcInput is what the WARC reader needs: sequential reads for records and
// random access to resynchronise after a corrupt one.
type warcInput interface {
	io.ReadSeeker
	io.ReaderAt
}

// Limits on a WARC record's header, which is read before its length is known.
const (
	maxWARCLine    = 64 << 10
	maxWARCHeaders = 256
)

// errWARCFormat marks records that do not parse as WARC.
var errWARCFormat = errors.New("malformed WARC record")

// warcSource reads the response and resource records of a WARC file, plain
// or gzip-compressed (one member per record, as the standard recommends, or
// the whole file). A record that cannot be read is reported as a *DocError
// with its byte offset (of its gzip member, in a compressed file), and
// reading resumes at the next gzip member or "WARC/" line after it.
type warcSource struct {
	in   warcInput
	name string
	opts Options
	log  *slog.Logger
	size int64

	cr   countReader
	br   *bufio.Reader
	base int64 // file offset where cr started counting

	zr      *gzip.Reader
	inflate *budgetReader // bounds what all members decompress to
	member  *bufio.Reader // the current gzip member's content; nil between members
	mstart  int64         // file offset of the current member
	records int           // records read or failed, for Options.MaxRecords
	done    bool
}

func newWARC(in warcInput, name string, opts Options) *warcSource {
	s := &warcSource{in: in, name: name, opts: opts, log: opts.logger()}
	s.size, _ = in.Seek(0, io.SeekEnd)
	s.seek(0)
	return s
}

type countReader struct {
	r io.Reader
	n int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

func (s *warcSource) pos() int64 { return s.base + s.cr.n - int64(s.br.Buffered()) }

func (s *warcSource) seek(off int64) {
	if _, err := s.in.Seek(off, io.SeekStart); err != nil {
		s.done = true
		return
	}
	s.base, s.cr = off, countReader{r: s.in}
	if s.br == nil {
		s.br = bufio.NewReaderSize(&s.cr, 64<<10)
	} else {
		s.br.Reset(&s.cr)
	}
	s.member = nil
}

func (s *warcSource) Close() error {
	s.done = true
	if c, ok := s.in.(io.Closer); ok {
		return c.Close()
	}
	return nil
}

func (s *warcSource) Next(ctx context.Context) (Record, error) {
	for {
		if err := ctx.Err(); err != nil {
			return Record{}, err
		}
		if s.done {
			return Record{}, io.EOF
		}
		if s.records >= s.opts.maxRecords() {
			s.Close()
			return Record{}, docErr(s.name, "", fmt.Errorf("more than %d records; the rest are not read", s.opts.maxRecords()))
		}
		rec, ok, start, err := s.next()
		if err != io.EOF {
			s.records++
		}
		if err != nil {
			if err == io.EOF {
				s.Close()
				return Record{}, io.EOF
			}
			if errors.Is(err, errBudget) {
				s.Close()
			} else {
				s.resync(start)
			}
			return Record{}, docErr(s.name, fmt.Sprintf("record at byte %d", start), err)
		}
		if ok {
			return rec, nil
		}
	}
}

// next reads one record. ok is false for records that are not documents.
// start is the record's offset (its member's, in a compressed file).
func (s *warcSource) next() (rec Record, ok bool, start int64, err error) {
	r := s.member
	start = s.mstart
	if r == nil {
		start = s.pos()
		head, _ := s.br.Peek(5)
		switch {
		case len(head) == 0:
			return Record{}, false, start, io.EOF
		case bytes.HasPrefix(head, gzipMagic):
			if s.zr == nil {
				s.zr, err = gzip.NewReader(s.br)
			} else {
				err = s.zr.Reset(s.br)
			}
			if err != nil {
				return Record{}, false, start, fmt.Errorf("gzip: %w", err)
			}
			s.zr.Multistream(false)
			if s.inflate == nil {
				s.inflate = s.opts.budget(nil, s.pos)
			}
			s.inflate.r = s.zr
			s.member, s.mstart = bufio.NewReader(&gzipErrReader{s.inflate}), start
			r = s.member
		case bytes.HasPrefix(head, []byte("WARC/")):
			r = s.br
		default:
			return Record{}, false, start, fmt.Errorf("%w: no record starts here (found %q)", errWARCFormat, head)
		}
	}
	hdr, body, err := s.readRecord(r)
	if err != nil {
		return Record{}, false, start, err
	}
	if s.member != nil {
		if _, err := s.member.Peek(1); err == io.EOF {
			s.member = nil
		} else if err != nil {
			return Record{}, false, start, err
		}
	}
	if body == nil {
		return Record{}, false, start, nil
	}
	rec, ok, err = s.document(hdr, body, start)
	return rec, ok, start, err
}

// readRecord reads one record's header and, for the record types that carry
// documents, its block; other blocks are skipped and body is nil.
func (s *warcSource) readRecord(r *bufio.Reader) (hdr http.Header, body []byte, err error) {
	line, err := readLine(r)
	if err != nil {
		return nil, nil, unexpected(err)
	}
	if !strings.HasPrefix(line, "WARC/") {
		return nil, nil, fmt.Errorf("%w: expected a WARC version line, found %q", errWARCFormat, clip(line))
	}
	hdr = http.Header{}
	var last string
	for n := 0; ; n++ {
		line, err := readLine(r)
		if err != nil {
			return nil, nil, unexpected(err)
		}
		if line == "" {
			break
		}
		if n >= maxWARCHeaders {
			return nil, nil, fmt.Errorf("%w: more than %d header lines", errWARCFormat, maxWARCHeaders)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := hdr[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, nil, fmt.Errorf("%w: header line without a colon: %q", errWARCFormat, clip(line))
		}
		last = http.CanonicalHeaderKey(strings.TrimSpace(k))
		hdr.Add(last, strings.TrimSpace(v))
	}
	length, err := strconv.ParseInt(hdr.Get("Content-Length"), 10, 64)
	if err != nil || length < 0 {
		return nil, nil, fmt.Errorf("%w: bad Content-Length %q", errWARCFormat, hdr.Get("Content-Length"))
	}
	typ := strings.ToLower(hdr.Get("Warc-Type"))
	wanted := typ == "response" || typ == "resource"
	if wanted && length > s.opts.maxBytes() {
		return nil, nil, fmt.Errorf("%s record of %d bytes: %w", typ, length, tooLarge(s.opts.maxBytes()))
	}
	if r == s.br {
		// Uncompressed, the claim can be checked against the file; else a
		// record claiming more than the file holds is read to the end of the
		// file, and so is every record after it on resynchronising.
		if left := s.size - s.pos(); length > left {
			return nil, nil, fmt.Errorf("%w: the record claims %d bytes but %d bytes remain in the file", errWARCFormat, length, left)
		}
	}
	if wanted {
		// The block grows as its bytes arrive: a claimed length is not
		// allocated before it is read.
		var buf bytes.Buffer
		buf.Grow(int(min(length, 64<<10)))
		if n, err := io.CopyN(&buf, r, length); err != nil {
			return nil, nil, fmt.Errorf("record ends after %d of its %d bytes: %w", n, length, unexpected(err))
		}
		body = buf.Bytes()
	} else if n, err := r.Discard(int(min(length, int64(^uint(0)>>1)))); err != nil {
		return nil, nil, fmt.Errorf("record ends after %d of its %d bytes: %w", n, length, unexpected(err))
	}
	// The block is followed by two CRLFs. Without them (bare LFs are
	// tolerated), the next record must start at once, or the Content-Length
	// is wrong; with them, junk that follows is the next record's problem.
	end, _ := r.Peek(4)
	k := 0
	for k < len(end) && (end[k] == '\r' || end[k] == '\n') {
		k++
	}
	r.Discard(k)
	next, err := r.Peek(5)
	if k < 4 && len(next) > 0 && !bytes.HasPrefix(next, []byte("WARC/")) && !(r == s.br && bytes.HasPrefix(next, gzipMagic)) {
		return nil, nil, fmt.Errorf("%w: the record does not end where its Content-Length (%d) says", errWARCFormat, length)
	}
	if err != nil && err != io.EOF {
		return nil, nil, err
	}
	if !wanted {
		return hdr, nil, nil
	}
	return hdr, body, nil
}

// document turns a response or resource record into a Record. ok is false
// for records that are not news documents: other media types, HTTP errors
// and redirects.
func (s *warcSource) document(hdr http.Header, block []byte, start int64) (Record, bool, error) {
	rec := Record{
		Origin: fmt.Sprintf("%s#offset=%d", s.name, start),
		URL:    strings.Trim(hdr.Get("Warc-Target-Uri"), "<>"),
	}
	if t, err := time.Parse(time.RFC3339Nano, hdr.Get("Warc-Date")); err == nil {
		rec.Date = t
	}
	body := block
	rec.ContentType = hdr.Get("Content-Type")
	if strings.ToLower(hdr.Get("Warc-Type")) == "response" {
		if !strings.HasPrefix(mediaType(rec.ContentType), "application/http") {
			s.log.Debug("skipping response record that is not HTTP", "origin", rec.Origin, "content_type", rec.ContentType)
			return Record{}, false, nil
		}
		resp, payload, err := splitHTTP(block, s.opts.maxBytes())
		if err != nil {
			return Record{}, false, err
		}
		if resp.StatusCode < 200 || resp.StatusCode > 299 {
			s.log.Debug("skipping HTTP response", "origin", rec.Origin, "status", resp.StatusCode)
			return Record{}, false, nil
		}
		rec.Header, rec.ContentType, body = resp.Header, resp.Header.Get("Content-Type"), payload
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return Record{}, false, nil
	}
	k, _ := sniff(body[:min(len(body), 4096)], rec.ContentType)
	mt := mediaType(rec.ContentType)
	switch {
	case k == kindHTML && (mt == "" || strings.Contains(mt, "html")):
		if mt == "" {
			rec.ContentType = "text/html"
		}
	case k == kindText && (mt == "" || mt == "text/plain"):
		if mt == "" {
			rec.ContentType = "text/plain"
		}
	default:
		s.log.Debug("skipping record that is not a page", "origin", rec.Origin, "content_type", rec.ContentType)
		return Record{}, false, nil
	}
	if k == kindHTML {
		warnUndeclared(s.opts, rec.Origin, body, rec.ContentType, "")
	}
	rec.Body = body
	return rec, true, nil
}

// splitHTTP parses an HTTP response message as archived in a WARC response
// record and returns its payload, de-chunked and decompressed.
func splitHTTP(block []byte, max int64) (*http.Response, []byte, error) {
	i, sep := bytes.Index(block, []byte("\r\n\r\n")), 4
	if j := bytes.Index(block, []byte("\n\n")); i < 0 || (j >= 0 && j < i) {
		i, sep = j, 2
	}
	if i < 0 {
		return nil, nil, errors.New("HTTP response without the end of its header")
	}
	head := append(block[:i:i], "\r\n\r\n"...)
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(head)), nil)
	if err != nil {
		return nil, nil, fmt.Errorf("HTTP header: %w", err)
	}
	payload := block[i+sep:]
	if len(resp.TransferEncoding) > 0 && resp.TransferEncoding[0] == "chunked" {
		// Crawlers differ in whether they archive the chunks; keep the raw
		// payload if it does not de-chunk.
		if p, err := readAtMost(httputil.NewChunkedReader(bytes.NewReader(payload)), max); err == nil {
			payload = p
		}
	}
	if ce := resp.Header.Get("Content-Encoding"); ce != "" && len(payload) > 0 {
		dr, err := fetch.Decode(bytes.NewReader(payload), ce)
		if err != nil {
			return nil, nil, err
		}
		if payload, err = readAtMost(dr, max); err != nil {
			return nil, nil, fmt.Errorf("content-encoding %s: %w", ce, err)
		}
	}
	return resp, payload, nil
}

// resync moves past a record that could not be read, to the next gzip
// member or "WARC/" line that starts a readable record.
func (s *warcSource) resync(start int64) {
	compressed := s.member != nil || s.isGzipAt(start)
	s.member = nil
	var next int64
	var ok bool
	if compressed {
		next, ok = s.scan(start+1, gzipMagic, s.memberStartsRecord)
	} else {
		next, ok = s.scan(start+1, []byte("\nWARC/"), func(off int64) bool { return true })
		next++
	}
	if !ok {
		s.done = true
		return
	}
	s.seek(next)
}

func (s *warcSource) isGzipAt(off int64) bool {
	var b [2]byte
	n, _ := s.in.ReadAt(b[:], off)
	return n == 2 && bytes.Equal(b[:], gzipMagic)
}

// memberStartsRecord reports whether a gzip member starting at off
// decompresses to the start of a WARC record.
func (s *warcSource) memberStartsRecord(off int64) bool {
	zr, err := gzip.NewReader(bufio.NewReader(io.NewSectionReader(s.in, off, s.size-off)))
	if err != nil {
		return false
	}
	var b [5]byte
	_, err = io.ReadFull(zr, b[:])
	return err == nil && string(b[:]) == "WARC/"
}

// scan finds the first offset at or after from where pat occurs and ok
// accepts it.
func (s *warcSource) scan(from int64, pat []byte, accept func(int64) bool) (int64, bool) {
	buf := make([]byte, 64<<10)
	for off := from; off < s.size; {
		n, err := s.in.ReadAt(buf, off)
		chunk := buf[:n]
		for i := 0; ; {
			j := bytes.Index(chunk[i:], pat)
			if j < 0 {
				break
			}
			if accept(off + int64(i+j)) {
				return off + int64(i+j), true
			}
			i += j + 1
		}
		if err != nil || n < len(pat) {
			break
		}
		off += int64(n - len(pat) + 1)
	}
	return 0, false
}

// readLine reads a line of at most maxWARCLine bytes, without its line end.
func readLine(r *bufio.Reader) (string, error) {
	var line []byte
	for {
		frag, err := r.ReadSlice('\n')
		line = append(line, frag...)
		if len(line) > maxWARCLine {
			return "", fmt.Errorf("%w: header line longer than %d bytes", errWARCFormat, maxWARCLine)
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return "", err
		}
		return strings.TrimRight(string(line), "\r\n"), nil
	}
}

func unexpected(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func clip(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}
