package source

import (
	"bytes"
	"path"
	"strings"

	"dyad/charset"
)

// kind is the format of a document, decided from its content.
type kind int

const (
	kindText kind = iota
	kindHTML
	kindFeed
	kindSitemap
	kindWARC
	kindJSONL
	kindXML // XML that is neither a feed nor a sitemap
	kindPETRARCH
)

func (k kind) String() string {
	return [...]string{"plain text", "HTML page", "feed", "sitemap", "WARC file", "JSON Lines", "XML document", "PETRARCH story file"}[k]
}

var gzipMagic = []byte{0x1f, 0x8b}

// sniff decides the format of a document from its first bytes; contentType
// (may be empty) breaks ties that the bytes leave open. For XML it also
// returns the root element's name.
func sniff(head []byte, contentType string) (kind, string) {
	if bytes.HasPrefix(head, []byte("WARC/")) {
		return kindWARC, ""
	}
	head = sniffable(head)
	head = bytes.TrimLeft(head, " \t\r\n\f")
	mt := mediaType(contentType)
	if len(head) > 0 && (head[0] == '{' || head[0] == '[') {
		if bytes.Contains(head[:min(len(head), 2048)], []byte("jsonfeed.org/version")) {
			return kindFeed, ""
		}
		return kindJSONL, ""
	}
	if len(head) == 0 || head[0] != '<' {
		if mt == "text/html" || mt == "application/xhtml+xml" {
			return kindHTML, ""
		}
		return kindText, ""
	}
	root, doctypeHTML := rootElement(head)
	local := strings.ToLower(root)
	switch {
	case doctypeHTML:
		return kindHTML, root
	case local == "rss" || local == "feed" || local == "rdf:rdf":
		return kindFeed, root
	case local == "urlset" || local == "sitemapindex":
		return kindSitemap, root
	case local == "sentences":
		return kindPETRARCH, root
	case local == "html" || local == "head" || local == "body":
		return kindHTML, root
	case root != "" && bytes.HasPrefix(head, []byte("<?xml")) && !strings.Contains(mt, "html"):
		return kindXML, root
	}
	return kindHTML, root
}

// sniffable returns head as UTF-8 bytes for sniffing: UTF-16 text (with a
// byte order mark) is decoded, anything else is returned as is.
func sniffable(head []byte) []byte {
	if bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}) {
		return head[3:]
	}
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		if text, _, err := charset.Decode(head[:len(head)&^1]); err == nil {
			return []byte(text)
		}
	}
	return head
}

// rootElement returns the name of the first element of a markup document,
// skipping the XML declaration, processing instructions, comments and the
// doctype, and whether the doctype declares HTML. The name is "" if head ends
// before the first element.
func rootElement(b []byte) (name string, doctypeHTML bool) {
	for {
		b = bytes.TrimLeft(b, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(b, []byte("<?")):
			i := bytes.Index(b, []byte("?>"))
			if i < 0 {
				return "", doctypeHTML
			}
			b = b[i+2:]
		case bytes.HasPrefix(b, []byte("<!--")):
			i := bytes.Index(b[4:], []byte("-->"))
			if i < 0 {
				return "", doctypeHTML
			}
			b = b[4+i+3:]
		case bytes.HasPrefix(b, []byte("<!")):
			i := bytes.IndexByte(b, '>')
			if i < 0 {
				return "", doctypeHTML
			}
			if j := bytes.IndexByte(b[:i], '['); j >= 0 {
				// An internal DTD subset, whose declarations hold '>':
				// the doctype ends at the first '>' after its ']'.
				k := bytes.Index(b[j:], []byte("]"))
				if k < 0 {
					return "", doctypeHTML
				}
				e := bytes.IndexByte(b[j+k:], '>')
				if e < 0 {
					return "", doctypeHTML
				}
				i = j + k + e
			}
			decl := strings.ToLower(string(b[:i]))
			if strings.HasPrefix(decl, "<!doctype") && strings.Contains(decl, "html") {
				doctypeHTML = true
			}
			b = b[i+1:]
		case bytes.HasPrefix(b, []byte("<")):
			b = b[1:]
			end := bytes.IndexAny(b, " \t\r\n/>")
			if end < 0 {
				return "", doctypeHTML
			}
			return string(b[:end]), doctypeHTML
		default:
			return "", doctypeHTML
		}
	}
}

// declaredFeed reports whether a file name or media type says the document
// is a feed, so that finding something else is an error, not a surprise.
func declaredFeed(name, contentType string) bool {
	switch mediaType(contentType) {
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json":
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".rss", ".atom", ".rdf":
		return true
	}
	return false
}
