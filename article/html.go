package article

import (
	"fmt"
	"log/slog"

	"dyad/article/internal/newspage"
)

// ErrPageTooLarge reports an HTML page beyond the limits of [HTMLOptions]:
// too many bytes, too many elements, or elements nested too deep.
var ErrPageTooLarge = newspage.ErrTooLarge

// ErrNoArticle reports an HTML page in which no article text was found.
var ErrNoArticle = newspage.ErrNoText

// HTMLOptions configures [HTMLOptions.FromHTML]. The zero value uses the
// default limits: 16 MiB, 250,000 elements.
type HTMLOptions struct {
	MaxBytes int          // largest page accepted, in bytes
	MaxNodes int          // most elements accepted
	Logger   *slog.Logger // nil: discard
}

// FromHTML extracts the news article from an HTML page with the default
// [HTMLOptions]. See [HTMLOptions.FromHTML].
func FromHTML(data []byte, pageURL, contentType string) (*Article, error) {
	return HTMLOptions{}.FromHTML(data, pageURL, contentType)
}

// FromHTML extracts the news article from an HTML page: its metadata
// (title, standfirst, byline, publication time, language, canonical URL,
// publisher) and its body as typed blocks, with related-story teasers in
// Related rather than in the body.
//
// pageURL, which may be empty, is the address the page was read from: it
// resolves relative links and supplies a date when the page gives none.
// contentType is the HTTP Content-Type header, if any, for the character
// set; without one the encoding is found from the page itself.
//
// It fails with [ErrPageTooLarge] beyond the limits and with [ErrNoArticle]
// when the page holds no article text; errors name pageURL.
func (o HTMLOptions) FromHTML(data []byte, pageURL, contentType string) (*Article, error) {
	a, err := o.fromHTML(data, pageURL, contentType)
	if err != nil {
		return nil, err
	}
	a.SetID()
	return a, nil
}

// fromHTML is FromHTML without the ID, which [FromRecord] sets after
// merging the record's metadata in.
func (o HTMLOptions) fromHTML(data []byte, pageURL, contentType string) (*Article, error) {
	p, err := newspage.Read(data, pageURL, contentType, newspage.Options{
		Limits: newspage.Limits{MaxBytes: o.MaxBytes, MaxNodes: o.MaxNodes},
		Logger: o.Logger,
	})
	if err != nil {
		return nil, fmt.Errorf("html %s: %w", displayURL(pageURL), err)
	}
	a := &Article{
		URL:          pageURL,
		CanonicalURL: p.Canonical,
		Source:       p.Publisher,
		Title:        p.Title,
		Standfirst:   p.Standfirst,
		Byline:       p.Byline,
		Published:    p.Published,
		Language:     p.Language,
		Blocks:       make([]Block, 0, len(p.Blocks)),
	}
	for _, b := range p.Blocks {
		a.Blocks = append(a.Blocks, Block{Kind: htmlKinds[b.Kind], Text: b.Text})
	}
	for _, t := range p.Related {
		a.Related = append(a.Related, Teaser{Title: t.Title, URL: t.URL})
	}
	if a.Language == "" {
		a.Language = detectLanguage(a.Text())
	}
	return a, nil
}

var htmlKinds = map[newspage.Kind]Kind{
	newspage.Paragraph: Paragraph,
	newspage.Heading:   Heading,
	newspage.Quote:     Quote,
	newspage.Caption:   Caption,
	newspage.PullQuote: PullQuote,
}

func displayURL(u string) string {
	if u == "" {
		return "(no URL)"
	}
	return u
}
