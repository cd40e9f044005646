package article

import "github.com/abadojack/whatlanggo"

// minLanguageRunes is the least text worth guessing a language from.
const minLanguageRunes = 40

// detectLanguage guesses the ISO 639-1 code of text's language, or returns
// "" when the text is too short or the guess is unreliable.
func detectLanguage(text string) string {
	if len(text) < minLanguageRunes {
		return ""
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
