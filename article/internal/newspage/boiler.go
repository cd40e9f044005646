package newspage

import (
	"iter"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Page furniture that article containers often hold: navigation, share
// bars, newsletter boxes, bylines and datelines, related-story widgets,
// galleries' controls, comment sections. Elements are recognised by tag,
// ARIA role, or a word of their class or id.

var boilerRoles = map[string]bool{
	"navigation": true, "menu": true, "menubar": true, "banner": true, "contentinfo": true,
	"search": true, "dialog": true, "alertdialog": true, "toolbar": true, "tablist": true,
	"complementary": true,
}

// boilerWords are class/id words (split at spaces, '-', '_' and case
// changes) that mark furniture.
var boilerWords = map[string]bool{
	"nav": true, "navbar": true, "navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"share": true, "sharing": true, "shares": true, "sharebar": true, "social": true, "socials": true,
	"newsletter": true, "newsletters": true, "subscribe": true, "subscription": true, "signup": true,
	"related": true, "recommended": true, "recommendations": true, "recirc": true, "promo": true, "promos": true,
	"outbrain": true, "taboola": true, "byline": true, "bylines": true, "dateline": true, "timestamp": true,
	"date": true, "dates": true, "time": true, "published": true, "updated": true, "meta": true,
	"author": true, "authors": true, "bio": true, "tags": true, "tag": true, "topics": true, "keywords": true,
	"cookie": true, "cookies": true, "consent": true, "gdpr": true,
	"comment": true, "comments": true, "disqus": true, "advert": true, "advertisement": true, "ad": true,
	"ads": true, "adslot": true, "sponsor": true, "sponsored": true, "popular": true, "trending": true,
	"sidebar": true, "toolbar": true, "tools": true, "pagination": true, "pager": true,
	"print": true, "skip": true, "gallery": true, "slideshow": true,
	"carousel": true, "rating": true, "poll": true, "follow": true, "copyright": true, "disclaimer": true,
	"masthead": true, "footer": true, "inline": false,
}

// embedWords mark embedded posts (tweets, Instagram posts) that a story
// quotes: they are content even inside a box named "social".
var embedWords = map[string]bool{
	"embed": true, "embedded": true, "tweet": true, "instagram": true,
}

// popupWords mark text that appears only on hover or for screen readers;
// unlike other furniture words they apply to inline elements too, as a
// name's hover card sits inside the sentence that names the person.
var popupWords = map[string]bool{
	"rollover": true, "tooltip": true, "popup": true, "popover": true, "hovercard": true,
}

// hiddenClasses are whole class names that hide an element ("hidden-xs"
// hides it on small screens only and is not among them).
var hiddenClasses = map[string]bool{
	"hidden": true, "is-hidden": true, "sr-only": true, "visually-hidden": true,
	"visuallyhidden": true, "screen-reader-text": true, "screenreader-only": true, "u-hidden": true,
}

// classWords yields the lower-case words of a class or id value:
// "articleBody share-bar_top" → article, body, share, bar, top. It is an
// iterator, as the names of every element of a page go through it and most
// callers stop at the first word they know.
func classWords(s string) iter.Seq[string] {
	return func(yield func(string) bool) {
		start := -1
		for i := 0; i < len(s); i++ {
			c := s[i]
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if start < 0 {
					start = i
				}
			case c >= 'A' && c <= 'Z':
				if start >= 0 && i > 0 && s[i-1] >= 'a' && s[i-1] <= 'z' {
					if !yield(strings.ToLower(s[start:i])) {
						return
					}
					start = -1
				}
				if start < 0 {
					start = i
				}
			default:
				if start >= 0 {
					if !yield(strings.ToLower(s[start:i])) {
						return
					}
					start = -1
				}
			}
		}
		if start >= 0 {
			yield(strings.ToLower(s[start:]))
		}
	}
}

// boilerplate reports whether n is page furniture rather than story.
func boilerplate(n *html.Node) bool {
	if popup(n) {
		return true
	}
	switch n.DataAtom {
	case atom.Nav, atom.Footer, atom.Menu:
		return true
	case atom.Aside:
		return classKind(n) != PullQuote
	}
	if r := strings.ToLower(attr(n, "role")); r != "" && boilerRoles[r] {
		return true
	}
	if strings.EqualFold(attr(n, "aria-hidden"), "true") {
		return true
	}
	return !namedAs(n, embedWords) && namedAs(n, boilerWords)
}

// namedAs reports whether a word of n's class or id is in words.
func namedAs(n *html.Node, words map[string]bool) bool {
	for _, key := range []string{"class", "id"} {
		for w := range classWords(attr(n, key)) {
			if words[w] {
				return true
			}
		}
	}
	return false
}

// popup reports an inline element shown only on hover or to screen readers.
func popup(n *html.Node) bool {
	for c := range strings.FieldsSeq(attr(n, "class")) {
		if hiddenClasses[strings.ToLower(c)] {
			return true
		}
	}
	for w := range classWords(attr(n, "class")) {
		if popupWords[w] {
			return true
		}
	}
	return false
}
