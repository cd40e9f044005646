package article

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	neturl "net/url"
	"strings"
	"time"
)

// Kind is the type of a body block.
type Kind string

// The block kinds. Their string values are part of the JSON format.
const (
	Paragraph Kind = "paragraph"
	Heading   Kind = "heading"
	Quote     Kind = "quote"     // a block quotation that belongs to the story
	Caption   Kind = "caption"   // the caption of an image or video
	PullQuote Kind = "pullquote" // a display quote, usually repeating the body
)

// Valid reports whether k is one of the known kinds.
func (k Kind) Valid() bool {
	switch k {
	case Paragraph, Heading, Quote, Caption, PullQuote:
		return true
	}
	return false
}

// InText reports whether blocks of kind k belong to the clean body text used
// for analysis. Captions and pull quotes do not: a caption describes a picture,
// not the story, and a pull quote repeats the body, so coding either would
// count one statement twice or invent one.
func (k Kind) InText() bool {
	return k == Paragraph || k == Heading || k == Quote
}

// Block is one unit of an article body.
type Block struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Teaser is a link to another story shown with an article ("Related", "More:",
// "Read more"). Teasers are kept apart from the body so that later stages never
// code another story's headline as this story's news.
type Teaser struct {
	Title   string `json:"title"`
	Summary string `json:"summary,omitempty"`
	URL     string `json:"url,omitempty"`
}

// Article is a news article as every later stage of Dyad sees it.
//
// The zero Published time means the date is unknown.
type Article struct {
	ID           string    `json:"id"`
	URL          string    `json:"url,omitempty"`
	CanonicalURL string    `json:"canonical_url,omitempty"`
	Source       string    `json:"source,omitempty"` // publisher, e.g. "Al Jazeera"
	Title        string    `json:"title"`
	Standfirst   string    `json:"standfirst,omitempty"`
	Byline       string    `json:"byline,omitempty"`
	Published    time.Time `json:"published,omitzero"`
	Language     string    `json:"language,omitempty"` // BCP 47 tag, e.g. "en"
	Blocks       []Block   `json:"blocks"`
	Related      []Teaser  `json:"related,omitempty"`
	// Origin names where the article was read from: a file path, a URL or a
	// WARC record, for provenance.
	Origin string `json:"origin,omitempty"`
	// DuplicateOf is the ID of the first article of this one's group of
	// near-duplicates (syndicated copies, re-publications), as found by
	// package dedup; empty for the first article of a story. Later stages
	// code each story once.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// Text returns the clean body text used for analysis: the blocks whose kind is
// in the text, one per paragraph, separated by blank lines. The title and
// standfirst are not included; see [Article.FullText].
func (a *Article) Text() string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if !bl.Kind.InText() || bl.Text == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(bl.Text)
	}
	return b.String()
}

// FullText returns the title, the standfirst and the body text, separated by
// blank lines: everything an analyst reads as the story.
func (a *Article) FullText() string {
	parts := make([]string, 0, 3)
	for _, s := range []string{a.Title, a.Standfirst, a.Text()} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "\n\n")
}

// SetID sets a.ID to the stable identifier of the article's content: the first
// 16 hex digits of the SHA-256 of its title, standfirst and body blocks. The
// same story read from a text dump, a web page or an archive gets the same ID
// as long as its extracted content is the same; URL and source do not count.
func (a *Article) SetID() {
	h := sha256.New()
	for _, s := range []string{"title\x00", a.Title, "\x00standfirst\x00", a.Standfirst, "\x00"} {
		io.WriteString(h, s)
	}
	for _, bl := range a.Blocks {
		io.WriteString(h, string(bl.Kind))
		io.WriteString(h, "\x00")
		io.WriteString(h, bl.Text)
		io.WriteString(h, "\x00")
	}
	var sum [sha256.Size]byte
	a.ID = hex.EncodeToString(h.Sum(sum[:0]))[:16]
}

// MarshalJSON encodes the article with its fields and, as "text", the clean
// body text of [Article.Text], so that consumers of the JSON need not know
// which block kinds count.
func (a *Article) MarshalJSON() ([]byte, error) {
	type plain Article // without the method, to avoid recursion
	return json.Marshal(struct {
		*plain
		Text string `json:"text"`
	}{(*plain)(a), a.Text()})
}

// Publisher names who published an article, as event data counts sources
// (GDELT's NumSources): source, the publisher's name, else the host of the
// canonical URL or the URL without "www.", else "".
func Publisher(source, canonicalURL, url string) string {
	if source != "" {
		return source
	}
	for _, s := range []string{canonicalURL, url} {
		if u, err := neturl.Parse(s); err == nil && u.Host != "" {
			return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
		}
	}
	return ""
}
