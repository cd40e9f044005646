package source

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	xhtml "golang.org/x/net/html"

	"dyad/charset"
)

// newFeed reads an RSS, Atom or JSON feed. With a fetcher its items yield
// the pages they link to; without one, each item's own content.
func newFeed(d doc, opts Options) Source {
	text, err := decodeXMLDoc(d, opts)
	if err != nil {
		return failed(docErr(d.origin, "", err))
	}
	feed, err := gofeed.NewParser().ParseString(text)
	if err != nil {
		return failed(docErr(d.origin, "", fmt.Errorf("feed: %w", err)))
	}
	items := feed.Items
	if n := opts.maxLinks(); len(items) > n {
		opts.logger().Warn("feed has too many items; reading the first ones", "origin", d.origin, "items", len(items), "limit", n)
		items = items[:n]
	}
	base := d.url
	if base == "" {
		base = feed.Link
	}
	links := make([]link, 0, len(items))
	for i, it := range items {
		m := Meta{
			Title:     strings.TrimSpace(htmlText(it.Title)),
			Summary:   htmlText(it.Description),
			Publisher: strings.TrimSpace(feed.Title),
			Language:  feed.Language,
		}
		var names []string
		for _, a := range it.Authors {
			if a != nil && a.Name != "" {
				names = append(names, a.Name)
			}
		}
		m.Author = strings.Join(names, ", ")
		switch {
		case it.PublishedParsed != nil:
			m.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			m.Published = *it.UpdatedParsed
		case it.Published != "":
			var ok bool
			if m.Published, ok = parseDate(it.Published); !ok {
				opts.logger().Warn("unreadable item date; left unknown", "origin", d.origin, "item", i+1, "date", it.Published)
			}
		}
		content := it.Content
		if strings.TrimSpace(content) == "" {
			content = it.Description
		}
		links = append(links, link{
			url:     resolve(base, strings.TrimSpace(it.Link)),
			where:   fmt.Sprintf("item %d", i+1),
			origin:  fmt.Sprintf("%s#item=%d", d.origin, i+1),
			meta:    m,
			content: content,
		})
	}
	return newLinks(d.origin, links, opts)
}

// decodeXMLDoc decodes a feed or sitemap to UTF-8, warning when it does not
// say its encoding and is not UTF-8, since then the encoding is a guess.
func decodeXMLDoc(d doc, opts Options) (string, error) {
	data := bytes.TrimLeft(d.data, " \t\r\n")
	if len(data) > 0 && data[0] == '{' {
		if !utf8.Valid(data) {
			return "", errors.New("JSON feed is not valid UTF-8")
		}
		return string(data), nil
	}
	text, name, err := charset.DecodeXML(d.data, d.contentType)
	if err != nil {
		return "", err
	}
	warnUndeclared(opts, d.origin, d.data, d.contentType, name)
	return text, nil
}

// warnUndeclared warns about a markup document whose encoding is neither
// declared nor UTF-8, since its characters then rest on a guess. guess may
// be empty when the caller leaves the decoding to a later stage.
func warnUndeclared(opts Options, origin string, data []byte, contentType, guess string) {
	if charset.Declared(data, contentType) != "" || utf8.Valid(data) {
		return
	}
	if guess == "" {
		guess = "guessed from the bytes"
	}
	opts.logger().Warn("no charset declared and the bytes are not UTF-8", "origin", origin, "charset", guess)
}

// wrapContent makes a feed item's HTML content into a page for extraction.
func wrapContent(title, content string) []byte {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title></head><body><article>\n")
	b.WriteString(content)
	b.WriteString("\n</article></body></html>\n")
	return []byte(b.String())
}

// htmlText returns the text of an HTML fragment (feed titles and
// descriptions are often HTML), with runs of white space collapsed.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	z := xhtml.NewTokenizer(strings.NewReader(s))
	var b strings.Builder
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case xhtml.TextToken:
			b.Write(z.Text())
		case xhtml.StartTagToken, xhtml.EndTagToken, xhtml.SelfClosingTagToken:
			b.WriteByte(' ')
		}
	}
}

// feedLink returns the first feed an HTML page links to with
// <link rel="alternate" type="application/rss+xml" href>, or "".
func feedLink(page []byte, pageURL string) string {
	z := xhtml.NewTokenizer(bytes.NewReader(page[:min(len(page), 256<<10)]))
	for {
		switch z.Next() {
		case xhtml.ErrorToken:
			return ""
		case xhtml.StartTagToken, xhtml.SelfClosingTagToken:
			name, has := z.TagName()
			if string(name) != "link" || !has {
				continue
			}
			var rel, typ, href string
			for {
				k, v, more := z.TagAttr()
				switch string(k) {
				case "rel":
					rel = strings.ToLower(string(v))
				case "type":
					typ = strings.ToLower(string(v))
				case "href":
					href = string(v)
				}
				if !more {
					break
				}
			}
			if rel == "alternate" && href != "" && (strings.Contains(typ, "rss") || strings.Contains(typ, "atom") || strings.Contains(typ, "feed+json")) {
				return resolve(pageURL, href)
			}
		}
	}
}

// resolve makes ref absolute against base when it can.
func resolve(base, ref string) string {
	if base == "" || ref == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}
