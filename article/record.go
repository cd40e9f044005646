package article

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"dyad/source"
)

// FromRecord makes an Article of a document read by package source. An HTML
// page goes to [FromHTML] and a plain-text dump to [FromText]; a JSON Lines
// row given as text becomes an article of its fields, its paragraphs split
// at blank lines. What the container said (a feed item's title, summary,
// author and date, a news sitemap's publication and language, an HTTP
// Content-Language) fills the fields the page leaves empty: the page's own
// metadata wins, because feeds shorten titles and sitemaps round dates.
//
// A record with no body and no text (a sitemap entry whose page was not
// fetched) gives an article of its metadata alone: a title, perhaps a
// standfirst, no blocks. So does a feed item whose own content holds no
// article text. The article's Origin is the record's, and its ID is set
// after the merge.
func FromRecord(rec source.Record) (*Article, error) {
	var a *Article
	var err error
	switch {
	case rec.ContentType == source.ArticleJSON:
		return fromJSON(rec)
	case len(rec.Body) > 0 && rec.IsHTML():
		a, err = HTMLOptions{}.fromHTML(rec.Body, rec.URL, rec.ContentType)
		if errors.Is(err, ErrNoArticle) && rec.Meta.Title != "" {
			a, err = &Article{}, nil
		}
	case len(rec.Body) > 0:
		if mt := strings.ToLower(strings.TrimSpace(strings.Split(rec.ContentType, ";")[0])); mt != "text/plain" && mt != "" {
			return nil, fmt.Errorf("unsupported content type %q", rec.ContentType)
		}
		a, err = fromText(rec.Body)
	case rec.Meta.Text != "":
		a = &Article{Blocks: paragraphs(rec.Meta.Text)}
	case rec.Meta.Title != "":
		a = &Article{}
	default:
		return nil, ErrEmpty
	}
	if err != nil {
		return nil, err
	}
	merge(a, rec)
	if a.Language == "" {
		a.Language = detectLanguage(a.FullText())
	}
	a.SetID()
	if rec.Meta.ID != "" {
		a.ID = rec.Meta.ID // the container's, so that output joins its input
	}
	return a, nil
}

// fromJSON reads an article that "dyad extract --json" wrote: the same
// article, its ID included; only an empty origin is the record's.
func fromJSON(rec source.Record) (*Article, error) {
	a := &Article{}
	if err := json.Unmarshal(rec.Body, a); err != nil {
		return nil, fmt.Errorf("article JSON: %w", err)
	}
	if a.Blocks == nil {
		a.Blocks = []Block{}
	}
	if a.Origin == "" {
		a.Origin = rec.Origin
	}
	return a, nil
}

// merge fills the article's empty fields from the record.
func merge(a *Article, rec source.Record) {
	m := rec.Meta
	fill := func(field *string, values ...string) {
		for _, v := range values {
			if *field == "" {
				*field = strings.TrimSpace(v)
			}
		}
	}
	fill(&a.URL, rec.URL)
	fill(&a.Title, m.Title)
	if !strings.Contains(a.Text(), strings.TrimSpace(m.Summary)) {
		// A feed item without a page has its summary as its body already.
		fill(&a.Standfirst, m.Summary)
	}
	fill(&a.Byline, m.Author)
	fill(&a.Source, m.Publisher)
	fill(&a.Language, m.Language, rec.Header.Get("Content-Language"))
	if a.Published.IsZero() || sameDayMoreExact(a.Published, m.Published) {
		a.Published = m.Published
	}
	if a.Standfirst != "" && a.Standfirst == a.Title {
		a.Standfirst = ""
	}
	a.Origin = rec.Origin
}

// paragraphs splits body text given as plain text into paragraph blocks: at
// blank lines, or at line ends if there are none.
func paragraphs(text string) []Block {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	parts := strings.Split(text, "\n\n")
	if len(parts) == 1 {
		parts = strings.Split(text, "\n")
	}
	var blocks []Block
	for _, p := range parts {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			blocks = append(blocks, Block{Kind: Paragraph, Text: p})
		}
	}
	return blocks
}

// sameDayMoreExact reports whether page, a date without a time of day (as
// read from a URL such as /2018/09/24/), is the day of meta, which has one.
func sameDayMoreExact(page, meta time.Time) bool {
	if meta.IsZero() || page.Hour() != 0 || page.Minute() != 0 || page.Second() != 0 {
		return false
	}
	if meta.Hour() == 0 && meta.Minute() == 0 && meta.Second() == 0 {
		return false
	}
	y1, m1, d1 := page.Date()
	y2, m2, d2 := meta.Date()
	return y1 == y2 && m1 == m2 && d1 == d2
}
