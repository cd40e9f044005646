package newspage

import (
	"strings"
	"unicode"
)

// clean applies Dyad's news clean-up rules to the extracted blocks and
// returns the body and the related-story teasers.
func clean(blocks []Block, m *Meta) ([]Block, []Teaser) {
	var out []Block
	var related []Teaser
	seen := map[string]bool{}
	for i := range blocks {
		b := blocks[i]
		n := normText(b.Text)
		if n == "" {
			continue
		}
		if b.Kind != Caption && b.Kind != PullQuote {
			if seen[n] {
				continue
			}
			seen[n] = true
		}
		if i == 0 && m.Title != "" && n == normText(m.Title) {
			continue
		}
		out = append(out, b)
	}
	return out, related
}

// normText is the form in which two texts count as the same: letters and
// digits only, lower-cased.
func normText(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}
