package readability

import (
	"errors"

	"golang.org/x/net/html"
)

var ErrTimestampMissing = errors.New("timestamp not found in document")

// Article is the final readable content of a parsed article.
type Article struct {
	// Node is the top-level container of cleaned-up article content. It may be nil if there were
	// errors or if article content was blank.
	Node *html.Node

	title         string
	byline        string
	excerpt       string
	siteName      string
	image         string
	language      string
	publishedTime string
	modifiedTime  string
}
