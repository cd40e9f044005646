package newspage

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Dyad's news clean-up rules: what an article container holds besides the
// story, recognised by its text. Each rule is about a pattern many sites
// share, not about one site.

// clean drops furniture from the blocks, retypes captions and credits,
// moves related-story teasers out, and drops repeated paragraphs.
func clean(blocks []Block, m *Meta) *cleaner {
	c := &cleaner{meta: m, title: normText(m.Title), byline: normText(m.Byline), description: normText(m.Description)}
	for i := 0; i < len(blocks); i++ {
		i = c.block(blocks, i)
	}
	c.trimTail()
	return c
}

type cleaner struct {
	meta        *Meta
	title       string
	byline      string
	description string
	standfirst  string // a heading above the story that repeats the description
	out         []Block
	related     []Teaser
	seen        map[string]bool
	started     bool // a paragraph or heading has been kept
	begun       bool // a real paragraph has been kept
}

// block handles blocks[i] and returns the index of the last block it used.
func (c *cleaner) block(blocks []Block, i int) int {
	b := blocks[i]
	text := strings.TrimSpace(b.Text)
	n := normText(text)
	if n == "" {
		return i
	}
	if b.Kind == Caption || b.Kind == PullQuote {
		c.out = append(c.out, b)
		return i
	}
	words := wordCount(text)
	switch {
	case n == c.title || !c.begun && breadcrumb(b, c.title):
		return i
	case !c.started && b.Kind == Heading && n == c.description:
		c.standfirst = text
		return i
	case furniture(text, words):
		return i
	case !c.started && words <= 4 && b.Kind == Paragraph && !sentence(text):
		// a section label or kicker above the story ("Entertainment", "Opinion Columnist")
		return i
	case dateLine(text):
		if t, ok := dateInText(text); ok && c.meta.Published.IsZero() {
			c.meta.Published = t
		}
		return i
	case c.bylineLine(text, n, words) || sourceLine(text, words):
		return i
	case creditLine(text, words):
		b.Kind = Caption
		c.out = append(c.out, b)
		return i
	}
	if t, ok := teaserLine(b, text); ok {
		c.related = append(c.related, t)
		return i
	}
	if c.begun && shoutedLink(b, text, words) {
		c.related = append(c.related, Teaser{Title: text, URL: b.href})
		return i
	}
	if tagLabel(text, words) {
		if i+1 < len(blocks) && tagList(blocks[i+1].Text) {
			return i + 1
		}
		return i
	}
	if relatedLabel(text, words) {
		if j := c.teaserRun(blocks, i+1); j > i+1 {
			return j - 1
		}
		if b.Kind == Heading || words <= 3 {
			return i
		}
	}
	if c.seen == nil {
		c.seen = map[string]bool{}
	}
	// A repeated paragraph is a layout's copy (the same text for mobile and
	// desktop, a lead repeated under a picture); repeated short lines are
	// often the structure of the piece ("Eat every 2–3 hours") and stay.
	if c.seen[n] && words >= minRepeatWords {
		return i
	}
	c.seen[n] = true
	if b.Kind == Paragraph && words >= 12 {
		c.begun = true
	}
	if b.Kind == Heading || words >= 5 {
		c.started = true
	}
	c.out = append(c.out, b)
	return i
}

// minRepeatWords is the length from which a repeated block is dropped.
const minRepeatWords = 10

// teaserRun takes the link items that follow a related-stories label, from
// blocks[i] on, as teasers, and returns the index after the last one.
func (c *cleaner) teaserRun(blocks []Block, i int) int {
	j := i
	for ; j < len(blocks); j++ {
		b := blocks[j]
		if !teaserItem(b) {
			break
		}
		c.related = append(c.related, Teaser{Title: strings.TrimSpace(b.Text), URL: b.href})
	}
	return j
}

// teaserItem reports a block that, after a related-stories label, is a
// link to another story: a headline's length, with a link that covers much
// of it (some sites link only the first words of each item).
func teaserItem(b Block) bool {
	w := wordCount(b.Text)
	return b.links > 0 && b.linkDensity() >= 0.3 && w >= 2 && w <= 30
}

// trimTail drops the furniture that trails a story: author notes ("Jane
// Doe is a reporter…", "Email Jane at…") in its last blocks.
func (c *cleaner) trimTail() {
	for k := len(c.out) - 1; k >= 0 && k >= len(c.out)-3; k-- {
		b := c.out[k]
		if b.Kind == Paragraph && authorNote(b.Text) {
			c.out = append(c.out[:k], c.out[k+1:]...)
		}
	}
}

// normText is the form in which two texts count as the same: letters and
// digits only, lower-cased.
func normText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			// ASCII, most of a news page, without the Unicode tables.
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				b.WriteByte(c)
			case c >= 'A' && c <= 'Z':
				b.WriteByte(c + 'a' - 'A')
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
		i += n
	}
	return b.String()
}

// wordCount counts the words of s. Scripts written without spaces (Chinese,
// Japanese) count one word for every two characters, near enough for the
// length thresholds here.
func wordCount(s string) int {
	n, cjk, inWord := 0, 0, false
	end := func() {
		if inWord {
			n += max(1, cjk/2)
		}
		inWord, cjk = false, 0
	}
	for _, r := range s {
		if unicode.IsSpace(r) {
			end()
			continue
		}
		inWord = true
		if r >= 0x3040 && unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			cjk++
		}
	}
	end()
	return n
}

// sentence reports text that reads as a sentence: it ends with terminal
// punctuation.
func sentence(s string) bool {
	s = strings.TrimRight(s, "\"'”’)» ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "。")
}

// breadcrumb reports a trail of links ending in the story's title
// ("Home › News › Title").
func breadcrumb(b Block, title string) bool {
	n := normText(b.Text)
	return title != "" && len(n) > len(title) && strings.HasSuffix(n, title) && b.links > 0
}

var furnitureRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:` +
		// page and gallery controls
		`skip to (?:main )?content|sign in|log ?in|sign up|subscribe|subscribe now|register|menu|search|close|caption|` +
		`hide caption|toggle caption|enlarge (?:this )?image|expand|show more|show less|load more|read more|continue reading(?: below)?|` +
		`(?:image|photo|slide|picture)?\s*\d+\s*(?:of|/)\s*/?\s*\d+|back to top|print|email|share|share this(?: article| story)?|tweet|` +
		// advertising
		`advertisement|advertising|advert|ad|sponsored(?: content)?|anzeige|publicidad|publicité|pubblicità|iklan|реклама|` +
		// comments
		`comments?|\d+ comments?|post (?:a )?comment.*|leave a (?:comment|reply)|add a comment|view comments|tell us what you think.*|` +
		// author furniture
		`view author archive|email the author|follow (?:on|us on) twitter|about the author|more articles from .*|more from .*` +
		`)\W*$`)
})

// promoRE matches the start of a newsletter, app or social pitch, a cookie
// notice or a copyright line. It is tried on most blocks of a page, so it
// is split in two, each behind a test that rules most blocks out without
// the regular expression (see [promo]): promoStartRE's phrases begin the
// block, promoInRE's begin within its first 80 characters.
var (
	promoStartRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:` +
			`(?:click|tap) here\b|sign up\b.*\b(?:newsletter|e-?mails?|inbox|alerts|updates)\b|subscribe (?:to|for|now)\b|get (?:the latest|our|breaking)\b.*\b(?:inbox|newsletter|app|alerts)|` +
			`(?:download|get) (?:the|our) .*\bapp\b|follow (?:us|him|her|them|me)\b|join (?:us|our)\b.*\b(?:on|forum|community|newsletter)|` +
			`like this (?:story|article)\?|share (?:this|it) with|have a (?:news )?tip\?|` +
			`(?:filed under|tags|tagged|topics)\s*:|` +
			`this (?:web)?site uses cookies|we use cookies|by continuing to (?:use|browse)|` +
			`breaking news emails|get breaking news|let our news meet your inbox|` +
			`copyright\b|©|\(c\) \d{4}|all rights reserved|via syndigate` +
			`)`)
	})
	promoInRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^.{0,80}\b(?:by clicking here|affiliate (?:links?|commission))\b`)
	})
)

// promoFirst holds the lower-case ASCII first characters of promoStartRE's
// phrases. A block that starts with any other ASCII character cannot match
// it: under (?i) an ASCII character matches only its own upper or lower
// case, and the phrases are ASCII but for "©", which is not.
const promoFirst = "abcdfghjlstvw("

// promo reports whether text starts as promoStartRE or promoInRE says. The
// phrases of promoInRE hold no letter that (?i) matches beyond ASCII ('k'
// matches the Kelvin sign, 's' the long s), so searching for them
// ignoring ASCII case finds every text that the pattern can match.
func promo(text string) bool {
	if text == "" {
		return false
	}
	if c := text[0]; c >= utf8.RuneSelf || strings.IndexByte(promoFirst, lowerASCII(c)) >= 0 {
		if promoStartRE().MatchString(text) {
			return true
		}
	}
	if containsFoldASCII(text, "by cli") || containsFoldASCII(text, "affiliate") {
		return promoInRE().MatchString(text)
	}
	return false
}

// lowerASCII returns the lower case of an ASCII letter, other bytes as
// they are.
func lowerASCII(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// containsFoldASCII reports whether s contains sub, a lower-case ASCII
// string, ignoring ASCII case.
func containsFoldASCII(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerASCII(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}

// furniture reports a short block that is page furniture: a control, an
// advertising label, a comment prompt, a newsletter or social pitch, a
// copyright notice.
func furniture(text string, words int) bool {
	if words <= 8 && furnitureRE().MatchString(text) {
		return true
	}
	return words <= 40 && promo(text)
}

var (
	monthWords = `jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?|aug(?:ust|\.)?|sep(?:t|tember|t\.|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?|` +
		`janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|` +
		`enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|` +
		`gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|ago|` +
		`januar|februar|märz|juni|juli|oktober|dezember|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre`
	// dateStrongRE matches a word that only a date or time is made of.
	dateStrongRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:` + monthWords + `|` +
			`mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|` +
			`segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|` +
			`\d{1,2}[:.]\d{2}(?::\d{2})?(?:am|pm)?|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|ago|today|yesterday)$`)
	})
	// dateWeakRE matches a word that may be part of a date line.
	dateWeakRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\d{1,4}(?:st|nd|rd|th|h)?|` +
			`a\.?m\.?|p\.?m\.?|[a-z]{1,2}[sd]?t|utc|gmt|amt|hst|ist|bst|cet|cest|` +
			`published|updated|posted|last|modified|first|on|at|de|às|em|le|am|um|the|of|` +
			`publicado|actualizado|atualizado|aggiornato|pubblicato|veröffentlicht|aktualisiert|publié|` +
			`hours?|minutes?|mins?|days?|weeks?|[|,:;•·/–—-]+)$`)
	})
)

// dateLine reports a short line that only dates the article ("Updated 1:39
// am EST, Wednesday, November 20, 2019", "PUBLISHED: 10:48, Tue, Nov 19,
// 2019", "Nov. 20, 2019 / 1:07 AM / CBS News"). At most three words may be
// something else, such as a source name.
func dateLine(s string) bool {
	if len(s) > 200 || !strings.ContainsAny(s, "0123456789") {
		return false
	}
	f := strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || r == ',' || r == '|' })
	if len(f) == 0 || len(f) > 16 {
		return false
	}
	strong, weak, other := 0, 0, 0
	for i, w := range f {
		w = strings.Trim(w, "()[]:")
		switch {
		case w == "":
		case dateStrongRE().MatchString(w):
			strong++
		case dateWeakRE().MatchString(w):
			weak++
		default:
			other++
		}
		// Stop as soon as the words left cannot make it a date line, even
		// if all of them are dates: most lines with a digit are sentences,
		// and each word tried costs two regular expressions.
		if left := len(f) - 1 - i; other > 3 || other*2 >= strong+weak+left+1 {
			return false
		}
	}
	return strong > 0 && (strong+weak >= 2 || len(f) == 1) && other <= 3 && other*2 < strong+weak+1
}

var bylineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?i:by|written by|words by|von|par|por|di|(?:posted|published|written) (?:on|by|at)\b.*\bby)\s+\p{Lu}`)
})

// bylineLine reports a line that names the author ("By Paul Takahashi",
// "Tom Krisher, Ap Auto Writer", "Staff Reports"), before the story begins.
func (c *cleaner) bylineLine(text, n string, words int) bool {
	if c.begun || words > 20 {
		return false
	}
	if c.byline != "" && (n == c.byline || strings.HasPrefix(n, "by"+c.byline) || strings.HasPrefix(n, c.byline) && words <= 12) {
		return true
	}
	return bylineRE().MatchString(text) && !sentence(text)
}

var (
	creditHeadRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\(?(?:photo|image|picture|video|illustration|foto|fotos|bild|credit)s?(?: credit)?\s*:|\(?\s*(?:image|photo) credit\b|\((?:image|photo|pictured|file)\s*:|©\s*\S)`)
	})
	creditTailRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)(?:credit:\s*[^.]{1,60}|\((?:image|photo|file)\s*:[^)]*\)|\b(?:getty images|afp|ap photo|reuters|epa|shutterstock|istock)(?:/[^\s)]+)?\)?)\s*$`)
	})
)

// creditLine reports a photo caption or credit that is not marked up as
// one: "Photo: David Zalubowski, AP", "…the plague (Image: GETTY)",
// "Sakib Ali/Hindustan Times/Getty Images".
func creditLine(text string, words int) bool {
	if words > 60 || text == "" {
		return false
	}
	if c := text[0]; (c >= utf8.RuneSelf || strings.IndexByte(creditFirst, lowerASCII(c)) >= 0) && creditHeadRE().MatchString(text) {
		return true
	}
	t := strings.ToLower(tail(text, 100))
	for _, k := range creditKeys {
		if strings.Contains(t, k) {
			return creditTailRE().MatchString(t)
		}
	}
	return false
}

// creditFirst holds the ASCII characters, in lower case, that creditHeadRE
// can match first; its "©" is not ASCII.
const creditFirst = "(pivfbc \t\n\f\r"

// creditKeys are the words one of which every credit ending has; the
// pattern is tried only on endings that have one.
var creditKeys = []string{"credit", "image", "photo", "file", "getty", "afp", "reuters", "epa", "shutterstock", "istock"}

// tail returns about the last n bytes of s, cut at a rune boundary, so that
// a pattern anchored at the end need not be tried at every position of a
// long text.
func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := len(s) - n
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

var teaserLineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^\[?\s*(?:(?:read more|read also|also read|read next|see more|see also|more|related|related stories|related posts?|related articles?|related coverage|recommended|watch|listen|don'?t miss|on [\w.-]+\.com|leggi anche|lesen sie auch|lire aussi|leia também|veja também|lee também|lea também|mehr zum thema)\s*(?::|\||–|—|-)|also on [\w-]+\.[\w.]+\s*[:|–—-]?)\s*(.+?)\]?$`)
})

// teaserLine recognises a one-line link to another story: "Read more:
// Alibaba poised to launch…", "[Related: …]", "SEE MORE: …".
func teaserLine(b Block, text string) (Teaser, bool) {
	m := teaserLineRE().FindStringSubmatch(text)
	if m == nil || b.links == 0 && !strings.HasPrefix(text, "[") {
		return Teaser{}, false
	}
	return Teaser{Title: strings.TrimSpace(m[1]), URL: b.href}, true
}

var relatedLabelRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:more|more stories|more news|more on this(?: story| topic)?|more from [\w .'-]+|more [\w .'-]+ stories|read more|related|related stories|related articles|related content|related coverage|related links|related posts|related news|you may also like|you might also like|recommended|recommended for you|also read|see also|trending|trending now|most read|most popular|popular|popular this week|latest news|latest stories|recent articles|recent posts|don'?t miss|top stories|what to read next|read next|further reading|leggi anche|ver também|veja também|mais lidas|lesen sie auch|weitere artikel|à lire aussi|lire aussi)\W*$`)
})

// relatedLabel reports the label of a related-stories list ("More:",
// "Related stories", "You may also like…").
func relatedLabel(text string, words int) bool {
	return words <= 8 && relatedLabelRE().MatchString(text)
}

var authorNoteRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:email|reach|contact|follow) \p{Lu}[\w.'-]*(?: \p{Lu}[\w.'-]*){0,2} (?:at|on|via)\b|\p{Lu}[\w.'-]*(?: \p{Lu}[\w.'-]*){0,3} (?:is|was|has been|covers|joined|writes)\b.{0,200}\b(?:writer|reporter|editor|correspondent|journalist|contributor|columnist|author|freelancer|curator|producer)\b)`)
})

// authorNote reports a note about the author at the end of a story.
func authorNote(text string) bool {
	return wordCount(text) <= 80 && authorNoteRE().MatchString(text)
}

var (
	sourceLineRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:` +
			`(?:source|sources|fonte|fontes|fuente|fuentes|quelle|quellen|sumber)\s*:\s*\S.{0,100}|` +
			`\(?(?:(?:additional |further )?reporting|writing|editing|edited|compiled|research|produced|translated|translation)(?: and [a-z]+)? by\b.*|` +
			`with (?:post |agency |news )?wires\.?|` +
			`contributing(?: reporters?| writers?)?:.*` +
			`)$`)
	})
	contributedRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:\S+ ){1,12}contributed (?:to )?(?:this |the )?(?:report|reporting|story|article)\b`)
	})
)

// sourceLine reports a source or credit line: "SOURCE: Al Jazeera and news
// agencies", "(Reporting by …; Editing by …)", "Jane Doe contributed to
// this report".
func sourceLine(text string, words int) bool {
	if words > 60 {
		return false
	}
	return sourceLineRE().MatchString(text) || strings.Contains(text, "contributed") && contributedRE().MatchString(text)
}

// shoutedLink reports a headline in capitals that is all link: a teaser for
// another story set in the body ("CO-FOUNDER 'PROUD' OF HOME DEPOT…").
func shoutedLink(b Block, text string, words int) bool {
	if words < 3 || words > 25 || b.links == 0 || b.linkDensity() < 0.9 {
		return false
	}
	letters, upper := 0, 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) {
				upper++
			}
		}
	}
	return letters > 0 && upper*10 >= letters*9
}

var tagLabelRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:tags|tagged|topics|keywords|filed under|tagi|etiquetas|schlagwörter|mots-clés)\W*$`)
})

// tagLabel reports the label of a list of tags ("Tags", "Filed under:").
func tagLabel(text string, words int) bool {
	return words <= 3 && tagLabelRE().MatchString(text)
}

// tagList reports a comma-separated list of keywords.
func tagList(text string) bool {
	return strings.Count(text, ",") >= 2 && !sentence(text) && wordCount(text) <= 80
}
