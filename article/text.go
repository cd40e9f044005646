package article

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/charset"
)

// ErrEmpty reports a document with no text in it.
var ErrEmpty = errors.New("no text")

// FromText reads a news article from a plain-text dump, as scrapers and
// corpora store them. It recognises two layouts without being told which:
//
//   - Flat: a title line, a blank line, then paragraphs separated by blank
//     lines (the BBC News corpus).
//   - Indented: a title, a blank line, an unindented standfirst, then
//     indented paragraphs, possibly with captions, pull quotes and
//     subheadings among them, a "SOURCE: Publisher" line, and after it a block
//     of related-story teasers.
//
// Lines are joined into one paragraph when a line ends without closing
// punctuation and the next starts in lower case. A line without closing
// punctuation is a heading when short and a caption when it is one sentence
// of at most 40 words (or carries a photo credit), else a paragraph that
// lost its full stop, as is a body that would be all captions; a block that
// repeats text found in a longer block is a pull quote; an exact repeat of a
// paragraph is dropped. Lines that are program code (a corpus artefact) are
// dropped. The encoding is detected by [charset.Decode].
func FromText(data []byte) (*Article, error) {
	a, err := fromText(data)
	if err != nil {
		return nil, err
	}
	a.SetID()
	return a, nil
}

// fromText is FromText without the ID, which [FromRecord] sets after
// merging the record's metadata in.
func fromText(data []byte) (*Article, error) {
	text, _, err := charset.Decode(data)
	if err != nil {
		return nil, err
	}
	units := textUnits(text)
	if len(units) == 0 {
		return nil, ErrEmpty
	}
	a := &Article{}
	rest := units
	if t := units[0]; utf8.RuneCountInString(t.text) <= maxTitleRunes && !t.indented {
		a.Title = t.text
		rest = units[1:]
	}
	rest = a.takeStandfirst(rest)
	rest = a.takeByline(rest)
	body, related := splitRelated(rest, a)
	a.Blocks = classify(body)
	a.Related = teasers(related)
	a.Language = detectLanguage(a.FullText())
	return a, nil
}

// maxTitleRunes is the longest first line taken as a title; a longer one is
// a paragraph of a dump that has no title.
const maxTitleRunes = 300

// unit is a paragraph candidate: one or more lines joined.
type unit struct {
	text     string
	indented bool
}

// textUnits splits text into paragraph candidates.
func textUnits(text string) []unit {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")
	var units []unit
	prevBlank := true
	for line := range strings.SplitSeq(text, "\n") {
		trimmed := strings.TrimSpace(line)
		if trimmed == "" {
			prevBlank = true
			continue
		}
		trimmed = strings.Join(strings.Fields(trimmed), " ")
		if isCode(trimmed) {
			continue
		}
		indented := strings.HasPrefix(line, "  ") || strings.HasPrefix(line, "\t")
		if n := len(units); !prevBlank && n > 0 && continues(units[n-1].text, trimmed) {
			units[n-1].text += " " + trimmed
		} else {
			units = append(units, unit{text: trimmed, indented: indented})
		}
		prevBlank = false
	}
	return units
}

// continues reports whether next continues the paragraph ending in prev: a
// line broken mid-sentence.
func continues(prev, next string) bool {
	if closed(prev) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return unicode.IsLower(r)
}

// closed reports whether s ends like a finished sentence.
func closed(s string) bool {
	s = strings.TrimRight(s, `"'”’»)]`)
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;", r)
}

// The package compiles its regular expressions on first use (sync.OnceValue):
// a command that reads no page, such as dyad parse, does not pay for them at
// start-up.
var (
	assignRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\s*=\s*\S`) })
	callRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z_][A-Za-z0-9_.]*\(`) })
	syntaxRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\w\.\w+\(|\w\[[\w:-]*\]`) })
)

// isCode reports whether a line is a line of program code rather than
// prose: some corpora carry code appended by mistake.
func isCode(line string) bool {
	// The start of a long line tells as well as the whole, at a bounded
	// cost (a 20 MB one-line dump took seconds).
	line = line[:min(len(line), 4<<10)]
	if assignRE().MatchString(line) || callRE().MatchString(line) {
		return true
	}
	if !syntaxRE().MatchString(line) {
		return false
	}
	// Prose around a stray method call still has mostly plain words.
	words := strings.Fields(line)
	plain := 0
	for _, w := range words {
		if isPlainWord(w) {
			plain++
		}
	}
	return plain*2 < len(words)
}

func isPlainWord(w string) bool {
	w = strings.TrimRight(w, `.,;:!?"'”’`)
	w = strings.TrimLeft(w, `"'“‘`)
	if w == "" {
		return false
	}
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' && r != '’' {
			return false
		}
	}
	return true
}

// takeStandfirst takes the unindented blocks that stand between the title
// and an indented body.
func (a *Article) takeStandfirst(units []unit) []unit {
	first := -1
	for i, u := range units {
		if u.indented {
			first = i
			break
		}
	}
	if first <= 0 || first > 2 {
		return units
	}
	// The body must really be indented, not one indented line in a flat dump.
	n := 0
	for _, u := range units[first:] {
		if u.indented {
			n++
		}
	}
	if n*2 < len(units)-first {
		return units
	}
	parts := make([]string, first)
	for i := range first {
		parts[i] = units[i].text
	}
	a.Standfirst = strings.Join(parts, " ")
	return units[first:]
}

var bylineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:by)\s+\p{Lu}[\p{L}.'’-]*(\s+(\p{Lu}[\p{L}.'’-]*|and|de|van|von|al-\p{L}+))*(\s*[,|–-]\s*.{0,40})?$`)
})

// takeByline takes a "By Name" line at the head of the body.
func (a *Article) takeByline(units []unit) []unit {
	if len(units) > 1 && bylineRE().MatchString(units[0].text) && utf8.RuneCountInString(units[0].text) <= 80 {
		a.Byline = strings.TrimSpace(units[0].text[2:])
		return units[1:]
	}
	return units
}

var (
	sourceRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?i:source|sources)\s*:\s*(\S.{0,80})$`) })
	// relatedRE matches a line that introduces a list of other stories.
	relatedRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(?i:related( stories| articles| coverage| content)?|more( stories)?( from [^.]{1,40})?|read more|recommended( stories)?|you (may|might) also like|more on this story|also read)\s*:?$`)
	})
)

// splitRelated separates the body from the related-story block that follows
// a source line or a "Related" heading, or, without either, a trailing run of
// teasers that begins with a headline printed twice. A source line sets
// a.Source.
func splitRelated(units []unit, a *Article) (body, related []unit) {
	for i, u := range units {
		if m := sourceRE().FindStringSubmatch(u.text); m != nil {
			a.Source = strings.TrimSpace(m[1])
			return units[:i], units[i+1:]
		}
		if relatedRE().MatchString(u.text) {
			return units[:i], units[i+1:]
		}
	}
	for i := 0; i+1 < len(units); i++ {
		if units[i].text == units[i+1].text && !closed(units[i].text) && allTeasers(units[i:]) {
			return units[:i], units[i:]
		}
	}
	return units, nil
}

// allTeasers reports whether units look like a run of teasers: headlines
// and one-sentence summaries, nothing longer.
func allTeasers(units []unit) bool {
	for _, u := range units {
		if utf8.RuneCountInString(u.text) > 300 {
			return false
		}
	}
	return true
}

// teasers groups a related-story block into teasers: one or more headline
// lines (a teaser often prints its headline twice, or a short and a long
// form) followed by an optional summary sentence.
func teasers(units []unit) []Teaser {
	var out []Teaser
	var cur *Teaser
	for _, u := range units {
		if relatedRE().MatchString(u.text) {
			continue
		}
		if !closed(u.text) {
			if cur != nil && cur.Summary == "" {
				continue // the same teaser's second headline
			}
			out = append(out, Teaser{Title: u.text})
			cur = &out[len(out)-1]
			continue
		}
		if cur != nil && cur.Summary == "" {
			cur.Summary = u.text
			continue
		}
		out = append(out, Teaser{Title: u.text})
		cur = &out[len(out)-1]
	}
	return out
}

// Limits of classification. Headings are short; a longer line without
// closing punctuation is a caption if it is one sentence of at most
// maxCaptionWords. Pull quotes are looked for only among the first
// candidates, which bounds the work on pathological input.
const (
	maxHeadingWords    = 10
	maxCaptionWords    = 40
	maxCaptionBytes    = 4 << 10 // no caption is longer: a credit is not looked for further
	maxPullQuoteChecks = 500
)

// sentenceEnd finds a sentence boundary inside a block: closing punctuation,
// a space, and a capital or a quote.
var sentenceEnd = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[.!?]["'”’)]?\s+["'“‘(]?\p{Lu}`) })

var creditRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(\((AP|AFP|Reuters|EPA|Getty( Images)?|Xinhua|file)[^)]{0,40}\)|\b(photo|photograph|picture|image)( credit)?\s*:)`)
})

// classify types the body blocks.
func classify(units []unit) []Block {
	norms := make([]string, len(units))
	for i, u := range units {
		norms[i] = normalize(u.text)
	}
	var blocks []Block
	seen := map[string]bool{}
	checks := 0
	for i, u := range units {
		if seen[norms[i]] {
			continue // an exact repeat adds nothing
		}
		seen[norms[i]] = true
		kind := Paragraph
		switch {
		case checks < maxPullQuoteChecks && repeatsOther(i, norms, &checks):
			kind = PullQuote
		case !closed(u.text) && wordCount(u.text) <= maxHeadingWords && startsUpper(u.text):
			kind = Heading
		case len(u.text) <= maxCaptionBytes && creditRE().MatchString(u.text):
			kind = Caption
		case !closed(u.text) && wordCount(u.text) <= maxCaptionWords && !sentenceEnd().MatchString(u.text):
			kind = Caption
		}
		blocks = append(blocks, Block{Kind: kind, Text: u.text})
	}
	// A body of captions and headings alone is a text whose paragraphs
	// lost their full stops: its unclosed blocks are its paragraphs.
	if !slices.ContainsFunc(blocks, func(b Block) bool { return b.Kind == Paragraph }) {
		for i := range blocks {
			if blocks[i].Kind == Caption && !(len(blocks[i].Text) <= maxCaptionBytes && creditRE().MatchString(blocks[i].Text)) {
				blocks[i].Kind = Paragraph
			}
		}
	}
	return blocks
}

// repeatsOther reports whether block i is contained in a longer block: a
// pull quote repeating a sentence of the body.
func repeatsOther(i int, norms []string, checks *int) bool {
	n := norms[i]
	if wordCount(n) < 4 {
		return false
	}
	for j, m := range norms {
		if j == i || len(m) <= len(n) {
			continue
		}
		*checks++
		if strings.Contains(m, n) {
			return true
		}
	}
	return false
}

// normalize lower-cases s and reduces it to letters, digits and single
// spaces, so that a pull quote matches its sentence whatever the quotes and
// punctuation around it.
func normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

func wordCount(s string) int { return len(strings.Fields(s)) }

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(s, `"'“‘`))
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}
