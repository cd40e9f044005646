package newspage

import (
	"errors"
	"fmt"
	"strings"
)

// ErrTooLarge reports a page beyond the [Limits]: too many bytes or
// elements, or elements nested too deep.
var ErrTooLarge = errors.New("page too large")

// Defaults for [Limits]. Real news pages are far under them: the largest
// page of the Scrapinghub benchmark is 1.5 MB, and none has more than 1,800
// start tags.
const (
	DefaultMaxBytes = 16 << 20
	DefaultMaxNodes = 250_000
)

// Limits bounds the work done on one page, so that a hostile or broken page
// (100 MB of markup, millions of elements) cannot exhaust memory or time.
// Nesting depth needs no limit here: the HTML parser rejects pages nested
// deeper than 512 elements. The zero value means the defaults.
type Limits struct {
	MaxBytes int // largest page accepted, in bytes
	MaxNodes int // most elements accepted
}

func (l Limits) maxBytes() int {
	if l.MaxBytes > 0 {
		return l.MaxBytes
	}
	return DefaultMaxBytes
}

func (l Limits) maxNodes() int {
	if l.MaxNodes > 0 {
		return l.MaxNodes
	}
	return DefaultMaxNodes
}

// checkSize rejects a page longer than the byte limit.
func (l Limits) checkSize(n int) error {
	if n > l.maxBytes() {
		return fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, n, l.maxBytes())
	}
	return nil
}

// checkTags rejects text with more start tags than the node limit before it
// is parsed into a tree, counting every '<' followed by a letter. That
// overcounts a little (a comparison in a script counts too), which does not
// matter with a limit a hundred times the size of real pages.
func (l Limits) checkTags(text string) error {
	n := 0
	for i := 0; i+1 < len(text); i++ {
		// IndexByte jumps to the next '<' with vector instructions: a page is
		// mostly text and attribute values, and a byte-by-byte loop over it
		// cost 2 % of extraction.
		j := strings.IndexByte(text[i:len(text)-1], '<')
		if j < 0 {
			break
		}
		i += j
		if c := text[i+1] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
	if n > l.maxNodes() {
		return fmt.Errorf("%w: about %d elements, limit %d", ErrTooLarge, n, l.maxNodes())
	}
	return nil
}
