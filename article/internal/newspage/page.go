package newspage

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"

	"dyad/charset"
)

// ErrNoText reports a page in which no article text was found.
var ErrNoText = errors.New("no article text found")

// Teaser is a link to another story found with the article.
type Teaser struct {
	Title string
	URL   string
}

// Page is what [Read] finds on a news page.
type Page struct {
	Meta
	Standfirst string // the lead shown under the title, or the page's description
	Blocks     []Block
	Related    []Teaser
	Encoding   string // the character encoding the page was decoded from
}

// Options configures [Read]. The zero value is ready to use.
type Options struct {
	Limits
	Logger *slog.Logger // nil: discard
}

// Read decodes and parses a news page and extracts its article. pageURL
// (may be empty) resolves relative links and supplies a date when the page
// has none; contentType is the HTTP Content-Type header, if known, for the
// character set. It fails with [ErrTooLarge] beyond opts' limits and with
// [ErrNoText] when the page has no article text.
func Read(data []byte, pageURL, contentType string, opts Options) (*Page, error) {
	if err := opts.checkSize(len(data)); err != nil {
		return nil, err
	}
	text, enc, err := charset.DecodeHTML(data, contentType)
	if err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	if err := opts.checkTags(text); err != nil {
		return nil, err
	}
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	var page *url.URL
	if pageURL != "" {
		if page, err = url.Parse(pageURL); err != nil {
			return nil, fmt.Errorf("page URL: %w", err)
		}
	}
	p := &Page{Encoding: enc}
	p.Meta = collectMeta(doc).meta(page)

	blocks := mainBlocks(doc, page)
	p.Blocks, p.Related = clean(blocks, &p.Meta)
	p.Standfirst = takeStandfirst(p)
	if len(p.Blocks) == 0 {
		return p, ErrNoText
	}
	return p, nil
}

// mainBlocks finds the article body and returns its blocks.
func mainBlocks(doc *html.Node, page *url.URL) []Block {
	ps := readability.NewParser()
	ps.KeepClasses = true
	ps.DisableJSONLD = true
	res, err := ps.ParseAndMutate(doc, page)
	if err != nil || res.Node == nil {
		return nil
	}
	return blocksOf(res.Node, page)
}

// takeStandfirst moves a leading block that repeats the page's description
// out of the body, and returns the standfirst: that block, or the
// description.
func takeStandfirst(p *Page) string {
	d := normText(p.Description)
	for i := 0; i < len(p.Blocks) && i < 3; i++ {
		b := p.Blocks[i]
		if b.Kind != Paragraph && b.Kind != Heading {
			continue
		}
		if d != "" && normText(b.Text) == d {
			p.Blocks = append(p.Blocks[:i], p.Blocks[i+1:]...)
			return b.Text
		}
	}
	return p.Description
}
