package newspage

import (
	"math"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Kind is the type of a block, as in article.Kind.
type Kind uint8

// The block kinds.
const (
	Paragraph Kind = iota
	Heading
	Quote
	Caption
	PullQuote
)

// Block is one unit of body text with what the clean-up rules need to know
// about where it came from.
type Block struct {
	Kind Kind
	Text string

	linkRunes int    // runes of Text inside links
	links     int    // number of links
	href      string // the URL of the block's first link
	role      role
}

// runes returns the length of the block's text in runes.
func (b *Block) runes() int { return utf8.RuneCountInString(b.Text) }

// linkDensity is the share of the block's text that is link text.
func (b *Block) linkDensity() float64 {
	n := b.runes()
	if n == 0 {
		return 0
	}
	return float64(b.linkRunes) / float64(n)
}

// blockAtoms end the current block and start a new one.
var blockAtoms = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Main: true,
	atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Nav: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Figure: true, atom.Figcaption: true, atom.Pre: true,
	atom.Ul: true, atom.Ol: true, atom.Li: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
	atom.Table: true, atom.Tr: true, atom.Caption: true, atom.Address: true, atom.Details: true,
	atom.Summary: true, atom.Hr: true, atom.Br: true, atom.Form: true, atom.Fieldset: true,
	atom.Center: true, atom.Dialog: true, atom.Picture: true,
}

// inlineAtoms are phrasing elements: they never start a block, and their
// class names are not taken as marking furniture (a link styled "tag" is
// still part of its sentence).
var inlineAtoms = map[atom.Atom]bool{
	atom.A: true, atom.Span: true, atom.Em: true, atom.Strong: true, atom.B: true, atom.I: true,
	atom.U: true, atom.S: true, atom.Small: true, atom.Sup: true, atom.Sub: true, atom.Abbr: true,
	atom.Cite: true, atom.Code: true, atom.Mark: true, atom.Time: true, atom.Font: true,
	atom.Label: true, atom.Q: true, atom.Var: true, atom.Kbd: true, atom.Samp: true, atom.Dfn: true,
	atom.Bdi: true, atom.Bdo: true, atom.Del: true, atom.Ins: true, atom.Data: true, atom.Wbr: true,
	atom.Nobr: true, atom.Tt: true, atom.Big: true, atom.Strike: true,
}

// skipAtoms hold no readable text.
var skipAtoms = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Svg: true, atom.Math: true, atom.Button: true, atom.Select: true, atom.Option: true,
	atom.Input: true, atom.Textarea: true, atom.Iframe: true, atom.Object: true, atom.Embed: true,
	atom.Video: true, atom.Audio: true, atom.Canvas: true, atom.Head: true, atom.Title: true,
}

// classKind returns the kind its class or id names an element as:
// Caption for "caption" or "credit", PullQuote for "pullquote",
// "pull-quote" or "pullout"; Paragraph otherwise.
func classKind(n *html.Node) Kind {
	for _, key := range []string{"class", "id"} {
		prev := ""
		for w := range classWords(attr(n, key)) {
			switch w {
			case "caption", "captions", "figcaption", "credit", "credits":
				return Caption
			case "pullquote", "pullout":
				return PullQuote
			case "quote":
				if prev == "pull" {
					return PullQuote
				}
			}
			prev = w
		}
	}
	return Paragraph
}

// blockKind returns the kind of text inside n, given the kind around it.
func blockKind(n *html.Node, outer Kind) Kind {
	if outer == Caption || outer == PullQuote {
		return outer
	}
	if n.DataAtom == atom.Figcaption {
		return Caption
	}
	if k := classKind(n); k != Paragraph {
		return k
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if outer == Quote {
			return Quote
		}
		return Heading
	case atom.Blockquote, atom.Q:
		if n.DataAtom == atom.Blockquote {
			return Quote
		}
	}
	return outer
}

// hidden reports an element the reader does not see.
func hidden(n *html.Node) bool {
	if hasAttr(n, "hidden") {
		return true
	}
	st := attr(n, "style")
	if st == "" {
		return false
	}
	st = strings.ToLower(strings.ReplaceAll(st, " ", ""))
	return strings.Contains(st, "display:none") || strings.Contains(st, "visibility:hidden")
}

// blockWriter turns a DOM subtree into blocks.
type blockWriter struct {
	page    *url.URL
	root    *html.Node
	rootLen int // length of the root's text
	out     []Block
	buf     strings.Builder
	space   bool // a space is due before the next word
	links   int
	link    int // runes written inside links
	href    string
	begun   bool // a paragraph of the story has been written
	state
}

// state is what the walk inherits from the elements it is inside.
type state struct {
	kind   Kind
	inLink bool
	role   role
}

// role says where in the article a block sits.
type role uint8

const (
	inBody       role = iota
	inHeader          // the article's <header>: title, standfirst, byline, date
	inStandfirst      // an element marked as the standfirst ("dek", "standfirst")
)

func (w *blockWriter) flush() {
	if w.buf.Len() > 0 {
		if w.role == inBody && w.kind == Paragraph && w.buf.Len() > 150 {
			w.begun = true
		}
		w.out = append(w.out, Block{
			Kind: w.kind, Text: w.buf.String(),
			linkRunes: w.link, links: w.links, href: w.href, role: w.role,
		})
	}
	w.buf.Reset()
	w.space = false
	w.link, w.links, w.href = 0, 0, ""
}

func (w *blockWriter) text(s string) {
	start := -1
	for i, r := range s {
		if isSpace(r) {
			if start >= 0 {
				w.word(s[start:i])
				start = -1
			}
			w.space = true
			continue
		}
		if start < 0 {
			start = i
		}
	}
	if start >= 0 {
		w.word(s[start:])
	}
}

func (w *blockWriter) word(s string) {
	if w.buf.Len() > 0 && w.space {
		w.buf.WriteByte(' ')
		if w.inLink {
			w.link++
		}
	}
	w.space = false
	w.buf.WriteString(s)
	if w.inLink {
		w.link += utf8.RuneCountInString(s)
	}
}

func (w *blockWriter) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c)
		}
		return
	default:
		return
	}
	if skipAtoms[n.DataAtom] || hidden(n) || n.DataAtom == atom.Img {
		return
	}
	if n.DataAtom == atom.Br || n.DataAtom == atom.Hr {
		w.flush()
		return
	}
	if w.root != n && (inlineAtoms[n.DataAtom] && popup(n) || !inlineAtoms[n.DataAtom] && boilerplate(n) && !w.holdsStory(n)) {
		w.flush()
		return
	}
	block := blockAtoms[n.DataAtom] || (n.DataAtom == atom.Td || n.DataAtom == atom.Th) && holdsBlocks(n)
	saved := w.state
	kind := blockKind(n, w.kind)
	if block || kind != w.kind {
		w.flush()
	}
	w.kind = kind
	if w.role == inBody && !w.begun && w.root != n && !inlineAtoms[n.DataAtom] && short(n) {
		switch {
		case n.DataAtom == atom.Header:
			w.role = inHeader
		case namedAs(n, standfirstWords):
			w.role = inStandfirst
		}
	}
	switch n.DataAtom {
	case atom.A:
		if !w.inLink {
			w.inLink = true
			if w.href == "" {
				w.href = absoluteURL(w.page, attr(n, "href"))
			}
			w.links++
		}
	case atom.Td, atom.Th:
		w.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
	if block || kind != saved.kind || w.role != saved.role {
		w.flush()
	}
	w.state = saved
	if n.DataAtom == atom.Td || n.DataAtom == atom.Th {
		w.space = true
	}
}

// blocksOf returns the blocks of text under n.
func blocksOf(n *html.Node, page *url.URL) []Block {
	w := &blockWriter{page: page, root: n, rootLen: textLen(n, math.MaxInt)}
	w.walk(n)
	w.flush()
	return w.out
}

// maxHeadRunes bounds the text of an article header or standfirst; an
// element holding more is a container of the story whatever its name.
const maxHeadRunes = 600

func short(n *html.Node) bool {
	return textLen(n, maxHeadRunes) <= maxHeadRunes
}

// holdsStory reports whether n, though marked as furniture, holds much of the
// text: then its name misleads ("content comments-on") and it is kept.
func (w *blockWriter) holdsStory(n *html.Node) bool {
	return textLen(n, w.rootLen/2) > w.rootLen/2
}

// standfirstWords are class/id words of an article's standfirst.
var standfirstWords = map[string]bool{
	"standfirst": true, "dek": true, "deck": true, "subtitle": true, "subheadline": true,
	"strapline": true, "sapo": true,
}

// holdsBlocks reports whether n contains block elements or line breaks: a
// table cell used for page layout rather than a cell of data.
func holdsBlocks(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockAtoms[c.DataAtom] || holdsBlocks(c)) {
			return true
		}
	}
	return false
}
