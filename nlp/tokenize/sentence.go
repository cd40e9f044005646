package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// split returns the sentences of toks as [first, end) index pairs.
func (t *Tokenizer) split(text string, toks []token) [][2]int {
	if t.splitter != nil {
		return t.splitLearned(text, toks)
	}
	return t.splitRules(text, toks)
}

// splitRules splits by the rules alone.
func (t *Tokenizer) splitRules(text string, toks []token) [][2]int {
	var out [][2]int
	start, words := 0, 0
	quotes := 0 // straight double quotes in the sentence so far
	form := func(k int) string { return text[toks[k].start:toks[k].end] }
	cut := func(end int) {
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start, words, quotes = end, 0, 0
	}
	for i := 0; i < len(toks); i++ {
		n := max(1, len(toks[i].words))
		if i > start && (toks[i].nlBefore >= 2 || words+n > t.maxWords) {
			cut(i)
		}
		words += n
		f := form(i)
		if f == `"` {
			quotes++
		}
		if !endsSentence(f) {
			continue
		}
		// Closing quotes and brackets, and smileys, belong to the sentence
		// the full stop ends.
		j := i + 1
		for j < len(toks) && toks[j].nlBefore < 2 && words < t.maxWords && closes(text, toks[j], quotes) {
			if form(j) == `"` {
				quotes++
			}
			words++
			j++
		}
		if t.boundary(text, toks, i, j) {
			cut(j)
		}
		i = j - 1
	}
	cut(len(toks))
	return out
}

// endsSentence reports whether a token may end a sentence: final
// punctuation, or a word written with a period.
func endsSentence(f string) bool {
	last, _ := utf8.DecodeLastRuneInString(f)
	return last == '.' || last == '!' || last == '?' || last == '…'
}

// boundary decides whether the sentence ends after the token at i, given
// that the next token is at j.
func (t *Tokenizer) boundary(text string, toks []token, i, j int) bool {
	if j >= len(toks) || toks[j].nlBefore > 0 {
		return true
	}
	f := text[toks[i].start:toks[i].end]
	next := text[toks[j].start:toks[j].end]
	// Look through an opening quote or bracket at the word it opens.
	if isOpener(next) && j+1 < len(toks) {
		next = text[toks[j+1].start:toks[j+1].end]
	}
	r, _ := utf8.DecodeRuneInString(next)
	upper := unicode.IsUpper(r)
	lower := unicode.IsLower(r)
	if isPunctRun(f) {
		if strings.HasPrefix(f, "..") || f == "…" {
			// An ellipsis often marks a pause inside a sentence.
			return upper && next != "I"
		}
		// Web text often starts sentences in lower case; the only
		// continuations after a full stop are punctuation.
		return upper || lower || startsWithDigit(next) || isOpener(next) || !isPunctRun(next) && next != "," && next != ";" && next != ":"
	}
	// A word with a period: an abbreviation, an initial or an acronym.
	stem := strings.TrimSuffix(f, ".")
	if titles[stem] || utf8.RuneCountInString(stem) == 1 {
		return false
	}
	if startsWithDigit(next) && numberAbbreviations[stem] {
		return false
	}
	return sentenceStarters[next]
}

// isPunctRun reports whether f is made of sentence-final punctuation only.
func isPunctRun(f string) bool {
	for _, r := range f {
		if r != '.' && r != '!' && r != '?' && r != '…' {
			return false
		}
	}
	return true
}

// closes reports whether tk closes the sentence before it: a closing
// bracket or quote, or a smiley. A straight double quote after a space
// closes only a quotation opened in the sentence, which has an odd number
// of quotes.
func closes(text string, tk token, quotes int) bool {
	f := text[tk.start:tk.end]
	switch {
	case f == `"`:
		return !tk.spaceBefore || quotes%2 == 1
	case isCloser(f):
		return !tk.spaceBefore || f == ")" || f == "]" || f == "”" || f == "’’"
	}
	for _, e := range emoticons {
		if f == e {
			return true
		}
	}
	return false
}

func isCloser(f string) bool {
	switch f {
	case `"`, "”", "’", "'", ")", "]", "}", "»", "''", "’’", "›":
		return true
	}
	return false
}

func isOpener(f string) bool {
	switch f {
	case `"`, "“", "‘", "'", "(", "[", "{", "«", "``", "‘‘", "‹":
		return true
	}
	return false
}
