package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"time"
)

// jsonlSource reads JSON Lines: one article per line, an object with url,
// title, and text or html, and optionally published, author, source and
// language. Blank lines are skipped; a bad line is a *DocError naming it.
type jsonlSource struct {
	r       io.ReadCloser
	br      *bufio.Reader
	name    string
	opts    Options
	log     *slog.Logger
	line    int
	started bool // a line has parsed
	closed  bool
}

func newJSONL(r io.ReadCloser, name string, opts Options) *jsonlSource {
	return &jsonlSource{r: r, br: bufio.NewReaderSize(r, 64<<10), name: name, opts: opts, log: opts.logger()}
}

// jsonlRow is the JSON Lines format; fields other than these are ignored.
type jsonlRow struct {
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published string `json:"published"`
	Author    string `json:"author"`
	Source    string `json:"source"`
	Language  string `json:"language"`
	// ID and Blocks mark a row of "dyad extract --json", which is passed
	// on whole (ArticleJSON).
	ID     string          `json:"id"`
	Blocks json.RawMessage `json:"blocks"`
}

// ArticleJSON is the content type of a record whose body is an article as
// "dyad extract --json" writes it: read back, it is the same article, all
// its fields and its ID.
const ArticleJSON = "application/vnd.dyad.article+json"

func (s *jsonlSource) Close() error {
	if s.closed {
		return nil
	}
	s.closed = true
	return s.r.Close()
}

func (s *jsonlSource) Next(ctx context.Context) (Record, error) {
	for {
		if err := ctx.Err(); err != nil {
			return Record{}, err
		}
		if s.closed {
			return Record{}, io.EOF
		}
		line, long, err := s.readLine()
		if err == io.EOF {
			s.Close()
			return Record{}, io.EOF
		}
		s.line++
		if err == nil && !long && len(bytes.TrimSpace(line)) == 0 {
			continue // before anything costly: a stream may be all blank lines
		}
		where := fmt.Sprintf("line %d", s.line)
		if err != nil {
			s.Close() // a read error (truncated gzip, stream budget) ends the stream
			return Record{}, docErr(s.name, where, err)
		}
		if long {
			return Record{}, docErr(s.name, where, tooLarge(s.opts.maxBytes()))
		}
		var row jsonlRow
		if err := json.Unmarshal(line, &row); err != nil {
			if !s.started {
				// A first line that is not a JSON object: some other JSON
				// (pretty-printed, an array), not one error per line.
				s.Close()
				return Record{}, docErr(s.name, "", fmt.Errorf("not JSON Lines: line %d is not a JSON object: %w%w", s.line, err, noMessage{errNotArticles}))
			}
			return Record{}, docErr(s.name, where, fmt.Errorf("invalid JSON: %w", err))
		}
		s.started = true
		if row.ID != "" && len(row.Blocks) > 0 && row.Blocks[0] == '[' {
			return Record{Origin: fmt.Sprintf("%s#line=%d", s.name, s.line), URL: row.URL, ContentType: ArticleJSON, Body: bytes.Clone(line)}, nil
		}
		return s.record(row, where)
	}
}

func (s *jsonlSource) record(row jsonlRow, where string) (Record, error) {
	rec := Record{
		Origin: fmt.Sprintf("%s#line=%d", s.name, s.line),
		URL:    row.URL,
		Meta: Meta{
			Title:     strings.TrimSpace(row.Title),
			Author:    row.Author,
			Publisher: row.Source,
			Language:  row.Language,
		},
	}
	switch {
	case row.HTML != "":
		rec.Body, rec.ContentType = []byte(row.HTML), "text/html; charset=utf-8"
	case row.Text != "":
		rec.Meta.Text = row.Text
	default:
		return Record{}, docErr(s.name, where, errors.New(`neither "text" nor "html" is given`))
	}
	if row.Published != "" {
		t, ok := parseDate(row.Published)
		if !ok {
			s.log.Warn("unreadable published date; left unknown", "origin", rec.Origin, "published", row.Published)
		}
		rec.Meta.Published = t
	}
	return rec, nil
}

// readLine returns the next line without its end, or long (having skipped
// the line) if it is longer than the document limit.
func (s *jsonlSource) readLine() (line []byte, long bool, err error) {
	max := s.opts.maxBytes()
	over := false
	for {
		frag, err := s.br.ReadSlice('\n')
		if !over {
			line = append(line, frag...)
			if int64(len(line)) > max {
				over, line = true, nil
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF && (len(line) > 0 || over) {
			err = nil
		}
		if err != nil {
			return nil, false, err
		}
		if over {
			return nil, true, nil
		}
		return bytes.TrimRight(line, "\r\n"), false, nil
	}
}

// dateLayouts are the date forms found in feeds, sitemaps and data dumps.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04Z07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
}

// parseDate reads a date in one of the common machine formats, including
// RFC 822 dates whose day and month names are not English, as feeds in other
// languages write them ("Seg, 24 Set 2018 19:42:40 -0300").
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if _, rest, ok := strings.Cut(s, ","); ok {
		f := strings.Fields(rest)
		if len(f) >= 4 {
			if m := month(f[1]); m != "" {
				f[1] = m
				for _, l := range []string{"2 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04 -0700"} {
					if t, err := time.Parse(l, strings.Join(f, " ")); err == nil {
						return t, true
					}
				}
			}
		}
	}
	return time.Time{}, false
}

// month returns the English abbreviation of a month name or abbreviation
// in one of the languages of Western European feeds, or "".
func month(name string) string {
	name = strings.ToLower(strings.TrimSuffix(name, "."))
	for _, m := range monthNames {
		for _, p := range m[1:] {
			if strings.HasPrefix(name, p) {
				return m[0]
			}
		}
	}
	return ""
}

// monthNames lists, for each month, prefixes of its names in English,
// Portuguese, Spanish, French, German, Italian and Dutch. juil precedes
// jui(n) so that French July is not read as June.
var monthNames = [][]string{
	{"Jan", "jan", "ene", "gen", "jän"},
	{"Feb", "feb", "fev", "fév"},
	{"Mar", "mar", "mär", "mrt"},
	{"Apr", "apr", "abr", "avr"},
	{"May", "may", "mai", "mag", "mei"},
	{"Jul", "jul", "juil", "lug"},
	{"Jun", "jun", "juin", "giu"},
	{"Aug", "aug", "ago", "aoû", "aou"},
	{"Sep", "sep", "set"},
	{"Oct", "oct", "out", "okt", "ott"},
	{"Nov", "nov"},
	{"Dec", "dec", "dez", "dic", "déc"},
}
