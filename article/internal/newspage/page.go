package newspage

import (
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"regexp"
	"strings"
	"sync"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

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
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	log = log.With("component", "newspage", "url", pageURL)
	doc, err := parse(text, log)
	if err != nil {
		return nil, err
	}
	var page *url.URL
	if pageURL != "" {
		if page, err = url.Parse(pageURL); err != nil {
			return nil, fmt.Errorf("page URL: %w", err)
		}
	}
	p := &Page{}
	p.Meta = collectMeta(doc).meta(page)

	var body, head []Block
	blocks := mainBlocks(doc, page)
	p.Title = headlineFromBody(p.Title, blocks)
	for _, b := range blocks {
		if b.role == inBody {
			body = append(body, b)
		} else {
			head = append(head, b)
		}
	}
	c := clean(body, &p.Meta)
	p.Blocks, p.Related = c.out, c.related
	p.Standfirst = c.standfirst
	if p.Standfirst == "" {
		p.Standfirst = standfirst(head, p)
	}
	log.Debug("extracted", "encoding", enc, "blocks", len(p.Blocks), "related", len(p.Related))
	if len(p.Blocks) == 0 {
		return p, ErrNoText
	}
	return p, nil
}

// The package compiles its regular expressions on first use (sync.OnceValue):
// a command that reads no page, such as dyad parse, does not pay for them at
// start-up.
//
// formattingTagRE matches the tags of inline formatting elements.
var formattingTagRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)</?(?:font|b|i|u|s|em|strong|small|big|span|tt|strike|nobr)\b[^>]*>`)
})

// parse parses the page. The parser rejects elements nested deeper than
// 512; old pages reach that by leaving formatting tags (<font>, <b>)
// unclosed, each opening inside the last, so such a page is parsed again
// without its formatting tags.
func parse(text string, log *slog.Logger) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil && strings.Contains(err.Error(), "exceeds") {
		log.Debug("page nested too deep; parsing it again without formatting tags")
		doc, err = html.Parse(strings.NewReader(formattingTagRE().ReplaceAllString(text, "")))
		if err != nil {
			return nil, fmt.Errorf("%w: elements nested deeper than 512", ErrTooLarge)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	return doc, nil
}

// maxEmbedRunes bounds the text of a box holding an embedded post; a larger
// element named "embed" is a container of the page.
const maxEmbedRunes = 1500

// keepQuotes saves from Readability two kinds of quotation it would drop:
// <aside> pull quotes become <div>s, so that they come out as pull-quote
// blocks, and embedded posts (a tweet's <blockquote> in a box named
// "social-media-embed", which Readability takes for a social widget) are
// lifted out of their box, as a quoted tweet is part of the story.
func keepQuotes(n *html.Node) {
	if n.Type == html.ElementNode && n.DataAtom == atom.Aside && classKind(n) == PullQuote {
		n.Data, n.DataAtom = "div", atom.Div
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && c.DataAtom != atom.Blockquote && namedAs(c, embedWords) && textLen(c, maxEmbedRunes) <= maxEmbedRunes {
			quotes := findAll(c, func(e *html.Node) bool { return e.DataAtom == atom.Blockquote })
			if len(quotes) > 0 {
				for _, q := range quotes {
					q.Parent.RemoveChild(q)
					q.Attr = nil
					n.InsertBefore(q, c)
				}
				n.RemoveChild(c)
				c = next
				continue
			}
		}
		keepQuotes(c)
		c = next
	}
}

// mainBlocks finds the article body and returns its blocks.
func mainBlocks(doc *html.Node, page *url.URL) []Block {
	keepQuotes(doc)
	ps := readability.NewParser()
	ps.KeepClasses = true
	ps.DisableJSONLD = true
	res, err := ps.ParseAndMutate(doc, page)
	if err != nil || res.Node == nil {
		return nil
	}
	fixAtoms(res.Node)
	return blocksOf(res.Node, page)
}

// standfirst returns the article's standfirst: an element marked as one,
// else a sentence in the article's header, else the page's description
// unless the body already opens with it.
func standfirst(head []Block, p *Page) string {
	title := normText(p.Title)
	for _, want := range []role{inStandfirst, inHeader} {
		for _, b := range head {
			if b.role == want && b.Kind != Caption && wordCount(b.Text) >= 8 && normText(b.Text) != title && !dateLine(b.Text) {
				return b.Text
			}
		}
	}
	d := normText(p.Description)
	if d == "" {
		return ""
	}
	for i := 0; i < len(p.Blocks) && i < 3; i++ {
		if strings.HasPrefix(normText(p.Blocks[i].Text), d) {
			return ""
		}
	}
	return p.Description
}
