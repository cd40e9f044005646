package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/abadojack/whatlanggo"
)

// minLanguageRunes is the least text worth guessing a language from.
const minLanguageRunes = 40

// maxLanguageBytes is the most text the guess looks at: 64 KiB decide a
// language as well as more, and a huge text costs seconds per MB.
const maxLanguageBytes = 64 << 10

// detectLanguage guesses the ISO 639-1 code of text's language, or returns
// "" when the text is too short or the guess is unreliable.
func detectLanguage(text string) string {
	if len(text) < minLanguageRunes {
		return ""
	}
	if n := maxLanguageBytes; len(text) > n {
		for n > 0 && !utf8.RuneStart(text[n]) {
			n-- // not inside a rune
		}
		text = text[:n]
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	lang := info.Lang.Iso6391()
	if lang != "en" && englishShare(text) >= 0.15 {
		// Trigram statistics take short English news, dense with names
		// ("Russia praised India on Monday"), for Italian or Dutch; its
		// share of English function words does not.
		return "en"
	}
	return lang
}

// englishFunctionWords are words frequent in English and rare elsewhere as
// words of their own.
var englishFunctionWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "in": true, "on": true, "and": true, "or": true,
	"for": true, "with": true, "by": true, "at": true, "from": true, "over": true, "as": true, "is": true,
	"was": true, "were": true, "are": true, "be": true, "been": true, "has": true, "have": true, "had": true,
	"that": true, "this": true, "it": true, "its": true, "said": true, "says": true, "after": true, "not": true,
	"but": true, "will": true, "would": true, "he": true, "she": true, "they": true, "his": true, "their": true,
	"who": true, "which": true,
}

// englishShare is the share of the words of text, among its first
// thousand, that are English function words.
func englishShare(text string) float64 {
	words, hits := 0, 0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		words++
		if englishFunctionWords[strings.ToLower(w)] {
			hits++
		}
		if words == 1000 {
			break
		}
	}
	if words == 0 {
		return 0
	}
	return float64(hits) / float64(words)
}
