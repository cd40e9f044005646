package readability

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// hasTextContent reports whether a node or any of its descendants have text content other than spaces.
func hasTextContent(node *html.Node) bool {
	if node.Type == html.TextNode {
		return hasContent(node.Data)
	}
	for child := range node.ChildNodes() {
		if hasTextContent(child) {
			return true
		}
	}
	return false
}

type charCounter struct {
	Total int

	lastCharWasSpace bool
	seenNonSpace     bool
}

// Count keeps a number of total characters (runes) it was passed. Leading and trailing whitespace
// are ignored, and consecutive runs of whitespace between words are counted as a single space.
func (c *charCounter) Count(r rune) {
	if unicode.IsSpace(r) {
		c.lastCharWasSpace = true
		return
	}
	if c.lastCharWasSpace && c.seenNonSpace {
		c.Total += 2
	} else {
		c.Total += 1
	}
	c.lastCharWasSpace = false
	c.seenNonSpace = true
}

// CountString counts the runes of s as Count would, one by one, but
// inline, and ASCII bytes are told apart by a table (Dyad: this counting,
// through an interface and unicode.IsSpace, was a sixth of extraction).
func (c *charCounter) CountString(s string) {
	for i := 0; i < len(s); {
		b := s[i]
		var space bool
		if b < utf8.RuneSelf {
			space = asciiSpace[b] != 0
			i++
		} else {
			// As range does: an invalid byte is one U+FFFD, not a space.
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		if space {
			c.lastCharWasSpace = true
			continue
		}
		if c.lastCharWasSpace && c.seenNonSpace {
			c.Total += 2
		} else {
			c.Total++
		}
		c.lastCharWasSpace = false
		c.seenNonSpace = true
	}
}

// ResetContext clears what the counter knows of the text before, and
// returns it.
func (c *charCounter) ResetContext() *charCounter {
	c.lastCharWasSpace = false
	c.seenNonSpace = false
	return c
}

type commaCounter struct {
	Total int
}

// CountString counts the commas of s as Count would, rune by rune.
func (c *commaCounter) CountString(s string) {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b >= utf8.RuneSelf {
			for _, r := range s[i:] {
				c.Count(r)
			}
			return
		}
		if b == ',' {
			c.Total++
		}
	}
}

func (c *commaCounter) Count(r rune) {
	switch r {
	// Commas as used in Latin, Sindhi, Chinese and various other scripts.
	// see: https://en.wikipedia.org/wiki/Comma#Comma_variants
	case '\u002C', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C':
		c.Total++
	}
}

// countCharsAndCommas returns counts for both characters and commas in a node's
// text. Leading and trailing whitespace is not counted, nor are consecutive
// runs of whitespace.
func (ps *Parser) countCharsAndCommas(node *html.Node) (int, int) {
	chars := &charCounter{}
	commas := &commaCounter{}

	// Walk the node and its descendants to count all non-space characters and
	// different comma variants separately.
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			tc := ps.textCounts(n.Data)
			chars.add(tc)
			commas.Total += tc.commas
			return
		}
		for child := range n.ChildNodes() {
			walk(child)
		}
	}
	walk(node)

	return chars.Total, commas.Total
}

// cloneTree returns a deep copy of src as dom.Clone(src, true) makes it
// (type, atom, data and a copy of the attributes; no namespace), with the
// nodes and the attributes allocated in two blocks rather than one by one
// (Dyad: the copy at the start of each pass was 3 % of extraction). Each
// node's attributes are a slice of the block, full to capacity, so that
// adding one to a node copies them rather than overwriting the next node's.
func cloneTree(src *html.Node) *html.Node {
	nodes, attrs := 0, 0
	var count func(*html.Node)
	count = func(n *html.Node) {
		nodes++
		attrs += len(n.Attr)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			count(c)
		}
	}
	count(src)
	nodeBlock := make([]html.Node, nodes)
	attrBlock := make([]html.Attribute, attrs)
	var clone func(*html.Node) *html.Node
	clone = func(n *html.Node) *html.Node {
		m := &nodeBlock[0]
		nodeBlock = nodeBlock[1:]
		m.Type, m.DataAtom, m.Data = n.Type, n.DataAtom, n.Data
		k := len(n.Attr)
		m.Attr = attrBlock[:k:k]
		copy(m.Attr, n.Attr)
		attrBlock = attrBlock[k:]
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			m.AppendChild(clone(c))
		}
		return m
	}
	return clone(src)
}

// textCount is what counting a text does to a charCounter from any state,
// and the text's commas: readability counts the same texts again and again
// (the link density of every candidate and of its ancestors, each element
// cleanConditionally weighs, each pass), and a summary applies in constant
// time. Only a text with something other than white space (nonSpace)
// changes Total: by 1 or 2 for its first such rune, 2 if a space came
// before it, in this text (lead) or before, and something was counted
// before; and by inner for the rest, whatever came before.
type textCount struct {
	nonEmpty, nonSpace bool
	lead, trail        bool // begins and ends with white space
	inner              int
	commas             int
}

// add counts a text of summary t, as CountString counts the text.
func (c *charCounter) add(t textCount) {
	if !t.nonSpace {
		if t.nonEmpty {
			c.lastCharWasSpace = true
		}
		return
	}
	if (c.lastCharWasSpace || t.lead) && c.seenNonSpace {
		c.Total += 2
	} else {
		c.Total++
	}
	c.Total += t.inner
	c.lastCharWasSpace = t.trail
	c.seenNonSpace = true
}

// minCachedText is the length from which textCounts keeps a text's
// summary: hashing a shorter text costs about what counting it does.
const minCachedText = 32

// textCounts returns the summary of s, kept for the parse when s is long.
func (ps *Parser) textCounts(s string) textCount {
	if len(s) < minCachedText {
		return countText(s)
	}
	if t, ok := ps.counts[s]; ok {
		return t
	}
	if ps.counts == nil {
		ps.counts = make(map[string]textCount)
	}
	t := countText(s)
	ps.counts[s] = t
	return t
}

// countText counts s from a fresh counter to summarise it.
func countText(s string) textCount {
	var c charCounter
	c.CountString(s)
	var commas commaCounter
	commas.CountString(s)
	t := textCount{nonEmpty: s != "", nonSpace: c.seenNonSpace, trail: c.lastCharWasSpace, commas: commas.Total}
	if t.nonSpace {
		r, _ := utf8.DecodeRuneInString(s)
		t.lead = unicode.IsSpace(r)
		t.inner = c.Total - 1
	}
	return t
}
