package newspage

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/itlightning/dateparse"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Meta is what a page says about its article outside the body text.
type Meta struct {
	Title       string
	Description string // the page's summary: og:description, JSON-LD or meta description
	Byline      string
	Published   time.Time // zero when unknown
	Language    string    // BCP 47 tag as declared by the page, e.g. "en" or "en-GB"
	Canonical   string    // absolute http(s) URL
	Publisher   string
}

// metaSources gathers, in one walk of the document, every place metadata
// can come from; [metaSources.meta] then chooses among them by priority.
type metaSources struct {
	tags      map[string]string // <meta> name/property/itemprop (lower-cased) → first content
	htmlLang  string
	titleTag  string
	h1        string
	canonical string
	timeAttr  string // datetime of the first <time>
	timePub   string // datetime of the first <time> marked as the publication time
	byline    string // text of the first in-page byline element
	jsonLD    []map[string]any
}

var articleTypeRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:\w*NewsArticle|Article|\w+Article|BlogPosting|LiveBlogPosting|Report|SocialMediaPosting)$`)
})

func collectMeta(doc *html.Node) *metaSources {
	s := &metaSources{tags: map[string]string{}}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Html:
				if s.htmlLang == "" {
					s.htmlLang = attr(n, "lang")
					if s.htmlLang == "" {
						s.htmlLang = attr(n, "xml:lang")
					}
				}
			case atom.Meta:
				content := strings.TrimSpace(attr(n, "content"))
				if content == "" {
					break
				}
				for _, k := range []string{"property", "name", "itemprop", "http-equiv"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" {
						if _, seen := s.tags[key]; !seen {
							s.tags[key] = content
						}
					}
				}
			case atom.Title:
				if s.titleTag == "" && !inSVG(n) {
					s.titleTag = textContent(n)
				}
				return
			case atom.Link:
				if s.canonical == "" && strings.EqualFold(attr(n, "rel"), "canonical") {
					s.canonical = strings.TrimSpace(attr(n, "href"))
				}
			case atom.H1:
				if s.h1 == "" {
					s.h1 = textContent(n)
				}
			case atom.Time:
				if dt := attr(n, "datetime"); dt != "" {
					if s.timePub == "" && (hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")) {
						s.timePub = dt
					}
					if s.timeAttr == "" {
						s.timeAttr = dt
					}
				}
			case atom.Script:
				if strings.EqualFold(strings.TrimSpace(attr(n, "type")), "application/ld+json") && n.FirstChild != nil {
					s.addJSONLD(n.FirstChild.Data)
				}
				return
			case atom.Style, atom.Noscript, atom.Template:
				return
			}
			if s.byline == "" && isBylineElement(n) {
				if t := textContent(n); len(t) > 0 && len(t) < 120 {
					s.byline = t
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return s
}

func inSVG(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Svg {
			return true
		}
	}
	return false
}

// bylineClassWords are the class and id names of an element holding the
// byline ("byline-name" holds the word "byline").
var bylineClassWords = []string{"byline", "author-name", "authorname", "article-author"}

func isBylineElement(n *html.Node) bool {
	if strings.EqualFold(attr(n, "rel"), "author") || strings.EqualFold(attr(n, "itemprop"), "author") {
		return true
	}
	return hasWord(strings.ToLower(attr(n, "class")), bylineClassWords) || hasWord(strings.ToLower(attr(n, "id")), bylineClassWords)
}

// hasWord reports whether s holds one of words as a whole word, bounded on
// each side by the end of s or a byte that is not an ASCII letter, digit or
// underscore, as \b bounds it in a regular expression. It is called on every
// element of a page, where a regular expression took 6 % of extraction.
func hasWord(s string, words []string) bool {
	for _, w := range words {
		for i := 0; ; {
			j := strings.Index(s[i:], w)
			if j < 0 {
				break
			}
			j += i
			end := j + len(w)
			if (j == 0 || !wordByte(s[j-1])) && (end == len(s) || !wordByte(s[end])) {
				return true
			}
			i = j + 1
		}
	}
	return false
}

// wordByte reports an ASCII letter, digit or underscore: \w.
func wordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// addJSONLD keeps the objects of a JSON-LD script, flattening arrays and
// @graph lists. Broken JSON is common and ignored.
func (s *metaSources) addJSONLD(text string) {
	text = strings.TrimSpace(text)
	text = strings.TrimPrefix(text, "<![CDATA[")
	text = strings.TrimSuffix(text, "]]>")
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return
	}
	var add func(v any, depth int)
	add = func(v any, depth int) {
		if depth > 4 {
			return
		}
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				add(e, depth+1)
			}
		case map[string]any:
			if g, ok := v["@graph"]; ok {
				add(g, depth+1)
			}
			s.jsonLD = append(s.jsonLD, v)
		}
	}
	add(v, 0)
}

// ldArticle returns the JSON-LD object describing the article: the first of
// an article type, else the first WebPage.
func (s *metaSources) ldArticle() map[string]any {
	var page map[string]any
	for _, o := range s.jsonLD {
		for _, t := range ldTypes(o) {
			if articleTypeRE().MatchString(t) {
				return o
			}
			if t == "WebPage" && page == nil {
				page = o
			}
		}
	}
	return page
}

// resolve returns the object a JSON-LD reference ({"@id": …}) points to,
// when the page defines it; any other value is returned as it is.
func (s *metaSources) resolve(v any) any {
	ref, ok := v.(map[string]any)
	if !ok || ref["name"] != nil {
		return v
	}
	id, _ := ref["@id"].(string)
	if id == "" {
		return v
	}
	for _, o := range s.jsonLD {
		if o["@id"] == id && o["name"] != nil {
			return o
		}
	}
	return v
}

func ldTypes(o map[string]any) []string {
	switch t := o["@type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, e := range t {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString returns a string value, or the "name" (or "@value") of an object value.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(html.UnescapeString(v))
	case map[string]any:
		if n := ldString(v["name"]); n != "" {
			return n
		}
		return ldString(v["@value"])
	case []any:
		if len(v) > 0 {
			return ldString(v[0])
		}
	}
	return ""
}

// ldNames returns the names of the people in an author value.
func ldNames(v any) []string {
	switch v := v.(type) {
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, ldNames(e)...)
		}
		return out
	default:
		if s := ldString(v); s != "" && !isURL(s) {
			return []string{s}
		}
	}
	return nil
}

func isURL(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "//")
}

// first returns the first non-empty value among the named meta tags.
func (s *metaSources) first(keys ...string) string {
	for _, k := range keys {
		if v := s.tags[k]; v != "" {
			return collapseSpace(html.UnescapeString(v))
		}
	}
	return ""
}

// meta chooses each field from its sources, most specific first.
func (s *metaSources) meta(page *url.URL) Meta {
	ld := s.ldArticle()
	var m Meta

	m.Canonical = s.canonicalURL(page)
	host := ""
	if page != nil {
		host = page.Hostname()
	}
	if u, err := url.Parse(m.Canonical); host == "" && err == nil {
		host = u.Hostname()
	}

	// og:site_name names the site; JSON-LD's publisher may instead be the
	// agency whose story the site carries. But og:site_name is sometimes a
	// section ("U.S."), so a JSON-LD publisher that matches the host wins.
	m.Publisher = s.first("og:site_name", "application-name")
	if ld != nil {
		if pub := ldString(s.resolve(ld["publisher"])); pub != "" && (m.Publisher == "" || siteName(pub, "", host) && !siteName(m.Publisher, "", host)) {
			m.Publisher = pub
		}
	}

	if ld != nil {
		m.Title = ldString(ld["headline"])
	}
	if m.Title == "" {
		m.Title = s.first("og:title", "twitter:title", "title", "dc.title", "headline")
	}
	if m.Title == "" {
		m.Title = s.h1
	}
	if m.Title == "" {
		m.Title = collapseSpace(s.titleTag)
	}
	m.Title = stripSiteName(m.Title, m.Publisher, s.h1, host)

	m.Description = s.first("og:description", "twitter:description", "description", "dc.description")
	if m.Description == "" && ld != nil {
		m.Description = ldString(ld["description"])
	}

	var names []string
	if ld != nil {
		names = ldNames(s.resolve(ld["author"]))
		if len(names) == 0 {
			names = ldNames(s.resolve(ld["creator"]))
		}
	}
	if len(names) == 0 {
		for _, k := range []string{"author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"} {
			if v := s.first(k); v != "" && !isURL(v) {
				names = []string{v}
				break
			}
		}
	}
	if len(names) == 0 && s.byline != "" {
		names = []string{s.byline}
	}
	m.Byline = cleanByline(strings.Join(dedupe(names), ", "))

	var dates []string
	if ld != nil {
		dates = append(dates, ldString(ld["datePublished"]), ldString(ld["dateCreated"]))
	}
	dates = append(dates, s.first("article:published_time", "og:article:published_time", "datepublished",
		"pubdate", "publishdate", "publish-date", "publish_date", "published_time", "publication_date",
		"article.published", "article_date_original", "parsely-pub-date", "sailthru.date", "dc.date.issued",
		"dc.date.created", "dc.date", "dcterms.created", "dcterms.issued", "citation_publication_date",
		"date", "og:published_time"), parselyDate(s.tags["parsely-page"]), s.timePub, s.timeAttr)
	for _, d := range dates {
		if t, ok := parseDate(d); ok {
			m.Published = t
			break
		}
	}

	m.Language = normalizeLanguage(s.htmlLang)
	if m.Language == "" {
		m.Language = normalizeLanguage(s.first("content-language", "og:locale", "language", "dc.language"))
	}
	if m.Language == "" && ld != nil {
		m.Language = normalizeLanguage(ldString(ld["inLanguage"]))
	}

	if m.Published.IsZero() && page != nil {
		m.Published = urlDate(page.Path)
	}
	if m.Published.IsZero() && m.Canonical != "" {
		if u, err := url.Parse(m.Canonical); err == nil {
			m.Published = urlDate(u.Path)
		}
	}
	return m
}

// canonicalURL returns the page's canonical URL, from <link rel=canonical>
// or og:url.
func (s *metaSources) canonicalURL(page *url.URL) string {
	for _, c := range []string{s.canonical, s.first("og:url")} {
		if u := absoluteURL(page, c); u != "" {
			return u
		}
	}
	return ""
}

// parselyDate returns the publication date in a Parse.ly page description
// (<meta name="parsely-page" content='{"pub_date": …}'>).
func parselyDate(content string) string {
	if content == "" {
		return ""
	}
	var v struct {
		PubDate string `json:"pub_date"`
	}
	if json.Unmarshal([]byte(content), &v) != nil {
		return ""
	}
	return v.PubDate
}

func dedupe(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		k := strings.ToLower(s)
		if !seen[k] {
			seen[k] = true
			out = append(out, s)
		}
	}
	return out
}

var titleSepRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\s+(?:[|\-–—·•»]|::)\s+`) })

// siteSeparators are the separators that, in a title, almost always set off
// the site name rather than a part of the headline.
var siteSeparators = map[string]bool{"|": true, "::": true, "»": true, "·": true, "•": true}

// stripSiteName removes a site-name part (" | Site", " - Site") from a title:
// everything but the part the page's h1 repeats, or a first or last part
// equal to the publisher's name or the host's, or a short last part set off
// by "|" or "::".
func stripSiteName(title, site, h1, host string) string {
	title = collapseSpace(title)
	seps := titleSepRE().FindAllStringIndex(title, -1)
	if len(seps) == 0 {
		return title
	}
	if h1 != "" && strings.HasPrefix(title, h1) && len(h1) >= len(title)/3 {
		return h1
	}
	first, last := seps[0], seps[len(seps)-1]
	head, tail := strings.TrimSpace(title[:last[0]]), strings.TrimSpace(title[last[1]:])
	if siteName(tail, site, host) {
		return head
	}
	if lead := strings.TrimSpace(title[:first[0]]); siteName(lead, site, host) {
		return strings.TrimSpace(title[first[1]:])
	}
	sep := strings.TrimSpace(title[last[0]:last[1]])
	if siteSeparators[sep] && wordCount(tail) <= 4 && wordCount(head) >= 4 {
		return head
	}
	return title
}

// siteName reports whether part of a title names the site: the publisher,
// or the host without "www." and its top-level domain.
func siteName(part, site, host string) bool {
	p := normText(part)
	if p == "" {
		return false
	}
	if site != "" && p == normText(site) {
		return true
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if i := strings.LastIndexByte(host, '.'); i > 0 {
		host = host[:i]
	}
	return host != "" && p == normText(host)
}

// headlineFromBody returns the part of a title with separators that the
// page repeats as a line of its body (its headline without the site name).
func headlineFromBody(title string, blocks []Block) string {
	seps := titleSepRE().FindAllStringIndex(title, -1)
	if len(seps) == 0 {
		return title
	}
	var parts []string
	prev := 0
	for _, s := range seps {
		parts = append(parts, title[prev:s[0]])
		prev = s[1]
	}
	parts = append(parts, title[prev:])
	for i := 0; i < len(blocks) && i < 5; i++ {
		n := normText(blocks[i].Text)
		for _, p := range parts {
			if wordCount(p) >= 3 && normText(p) == n {
				return strings.TrimSpace(p)
			}
		}
	}
	return title
}

// bylineTailRE finds where a byline's names end and the rest of its line
// (a handle, a time, "Published …") begins.
var bylineTailRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\s@\w|\s(?:published|updated|posted|last updated)\b|(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\s\d{1,2}:\d{2}`)
})

var bylinePrefixRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?i)^\s*(by|von|par|por|di|door)\s+`) })

// cleanByline trims "By" and anything after the names that is not a name.
func cleanByline(s string) string {
	s = collapseSpace(s)
	s = bylinePrefixRE().ReplaceAllString(s, "")
	if i := strings.IndexAny(s, "|\n"); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	for _, re := range []*regexp.Regexp{textDateRE(), bylineTailRE()} {
		if loc := re.FindStringIndex(s); loc != nil {
			s = strings.TrimRight(strings.TrimSpace(s[:loc[0]]), ",-–—• ")
		}
	}
	if len(s) > 200 {
		return ""
	}
	return s
}

var datePrefixRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`) })

// textDateRE finds a date written out in a line of text: "November 20,
// 2019", "20 Nov 2019", "2019-11-20". Day-month order with slashes is
// ambiguous and not read.
var textDateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}|\d{4}-\d{2}-\d{2})\b`)
})

// dateInText returns the first date written out in s.
func dateInText(s string) (time.Time, bool) {
	m := textDateRE().FindString(s)
	if m == "" {
		return time.Time{}, false
	}
	return parseDate(m)
}

// parseDate reads the date formats pages use in metadata; anything before
// 1990 or far in the future is taken as a mistake.
func parseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return time.Time{}, false
	}
	t, err := dateparse.ParseIn(s, time.UTC)
	if err != nil {
		if m := datePrefixRE().FindString(s); m != "" {
			t, err = time.Parse("2006-01-02", m)
		}
		if err != nil {
			return time.Time{}, false
		}
	}
	if t.Year() < 1990 || t.After(time.Now().AddDate(1, 0, 0)) {
		return time.Time{}, false
	}
	return t, true
}

var urlDateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)|/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/`)
})

// urlDate reads a date from a URL path such as /2019/11/20/ or /2019-11-20-;
// a path with only year and month gives the first of the month.
func urlDate(path string) time.Time {
	m := urlDateRE().FindStringSubmatch(path)
	if m == nil {
		return time.Time{}
	}
	var s string
	if m[1] != "" {
		s = m[1] + "-" + m[2] + "-" + m[3]
	} else {
		mo := m[5]
		if len(mo) == 1 {
			mo = "0" + mo
		}
		s = m[4] + "-" + mo + "-01"
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil || t.After(time.Now().AddDate(1, 0, 0)) {
		return time.Time{}
	}
	return t
}

var langRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})*$`) })

// normalizeLanguage turns "en_US" or "EN-us" into "en-US"; "" if s is not a
// language tag.
func normalizeLanguage(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, ','); i >= 0 {
		s = strings.TrimSpace(s[:i])
	}
	if !langRE().MatchString(s) {
		return ""
	}
	parts := strings.Split(strings.ReplaceAll(s, "_", "-"), "-")
	parts[0] = strings.ToLower(parts[0])
	for i := 1; i < len(parts); i++ {
		switch len(parts[i]) {
		case 2: // region
			parts[i] = strings.ToUpper(parts[i])
		case 4: // script
			parts[i] = strings.ToUpper(parts[i][:1]) + strings.ToLower(parts[i][1:])
		default:
			parts[i] = strings.ToLower(parts[i])
		}
	}
	return strings.Join(parts, "-")
}

// absoluteURL resolves ref against page and returns it if it is http(s).
func absoluteURL(page *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	if page != nil {
		u = page.ResolveReference(u)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return ""
	}
	return u.String()
}
