package article

import (
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
	return info.Lang.Iso6391()
}
