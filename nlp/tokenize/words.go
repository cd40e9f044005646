package tokenize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one orthographic token of the text.
type token struct {
	start, end int // byte span in the text
	// words holds the syntactic words of a multiword token ("do", "n't"
	// for "don't"); nil when the token is one word.
	words       []string
	spaceBefore bool // whitespace separates it from the previous token
	nlBefore    int  // newlines in that whitespace
}

// atom is a maximal run of word characters, or a run of punctuation that
// stays together ("...", "!!", "--", "<<").
type atom struct {
	start, end int // byte offsets into the chunk
	word       bool
}

// scanner tokenizes one text. It keeps the state that crosses chunks.
type scanner struct {
	text      string
	toks      []token
	quoteOpen bool   // a single quote was opened and not yet closed
	after     string // the text after the current chunk and its whitespace
}

// chunks splits the text at whitespace and tokenizes each chunk.
func (sc *scanner) run() {
	text := sc.text
	i := 0
	space, nl := true, 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isSpace(r) {
			space = true
			if r == '\n' {
				nl++
			}
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r, w := utf8.DecodeRuneInString(text[j:])
			if isSpace(r) {
				break
			}
			j += w
		}
		if nl >= 2 {
			sc.quoteOpen = false
		}
		k := j
		for k < len(text) {
			r, w := utf8.DecodeRuneInString(text[k:])
			if !isSpace(r) {
				break
			}
			k += w
		}
		sc.after = text[k:]
		first := len(sc.toks)
		sc.chunk(i, j)
		if len(sc.toks) > first {
			sc.toks[first].spaceBefore = space
			sc.toks[first].nlBefore = nl
		}
		space, nl = false, 0
		i = j
	}
}

func isSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060'
}

// chunk tokenizes text[start:end], which holds no whitespace.
func (sc *scanner) chunk(start, end int) {
	for start < end {
		s := sc.text[start:end]
		if a, b, ok := findURL(s); ok {
			sc.atoms(start, start+a)
			sc.toks = append(sc.toks, token{start: start + a, end: start + b})
			start += b
			continue
		}
		if n := emoticonPrefix(s); n > 0 {
			sc.toks = append(sc.toks, token{start: start, end: start + n})
			start += n
			continue
		}
		sc.atoms(start, end)
		return
	}
}

// atoms tokenizes text[start:end], a chunk or part of one without URLs.
func (sc *scanner) atoms(start, end int) {
	s := sc.text[start:end]
	atoms := splitAtoms(s)
	for i := 0; i < len(atoms); {
		n := sc.merge(s, atoms, i)
		a, b := atoms[i].start, atoms[i+n-1].end
		sc.emit(s, start, a, b, atoms, i, n)
		i += n
	}
}

// emit appends the token made of atoms[i:i+n], spanning s[a:b], splitting
// clitics, contractions and units.
func (sc *scanner) emit(s string, base, a, b int, atoms []atom, i, n int) {
	form := s[a:b]
	if !atoms[i].word {
		if n == 1 {
			sc.punct(s, atoms, i)
		}
		sc.toks = append(sc.toks, token{start: base + a, end: base + b})
		return
	}
	if cut := unitCut(form); cut > 0 {
		sc.toks = append(sc.toks, token{start: base + a, end: base + a + cut}, token{start: base + a + cut, end: base + b})
		return
	}
	var words []string
	if lw := asciiLower(form); lw == "its" && itsIsItIs(sc.after) {
		words = []string{form[:2], form[2:]}
	} else if n == 2 && isQuote(s[atoms[i+1].start:atoms[i+1].end]) { // a plural possessive, "soldiers'"
		words = []string{s[atoms[i].start:atoms[i].end], s[atoms[i+1].start:atoms[i+1].end]}
	} else {
		words = splitWords(form)
	}
	sc.toks = append(sc.toks, token{start: base + a, end: base + b, words: words})
}

// punct tracks single quotes, so that a quote closing 'like this' is not
// taken for a plural possessive.
func (sc *scanner) punct(s string, atoms []atom, i int) {
	f := s[atoms[i].start:atoms[i].end]
	if f != "'" && f != "‘" && f != "’" {
		return
	}
	opening := i+1 < len(atoms) && atoms[i+1].word && (i == 0 || !atoms[i-1].word)
	switch {
	case opening:
		sc.quoteOpen = true
	case i > 0 && atoms[i-1].word:
		sc.quoteOpen = false
	}
}

// splitAtoms cuts a chunk into atoms.
func splitAtoms(s string) []atom {
	var out []atom
	i := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		j := i + w
		switch {
		case isWordRune(r):
			prev := r
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if isWordRune(r2) {
					prev = r2
					j += w2
					continue
				}
				// An apostrophe between a letter or digit and a letter
				// stays in the word: "don't", "O'Brien", "1960's".
				if isApostrophe(r2) && (unicode.IsLetter(prev) || unicode.IsDigit(prev)) {
					r3, _ := utf8.DecodeRuneInString(s[j+w2:])
					if unicode.IsLetter(r3) {
						prev = r2
						j += w2
						continue
					}
				}
				break
			}
			out = append(out, atom{i, j, true})
			i = j
			continue
		case r == '.' || r == '!' || r == '?':
			for j < len(s) && (s[j] == '.' || s[j] == '!' || s[j] == '?') {
				j++
			}
		case isApostrophe(r) || r == '"':
			for j < len(s) {
				r2, w2 := utf8.DecodeRuneInString(s[j:])
				if !(isApostrophe(r2) && isApostrophe(r)) && r2 != r {
					break
				}
				j += w2
			}
		case strings.ContainsRune("-=~*", r):
			// Rules drawn with dashes, equals signs and stars: "----==".
			for j < len(s) && strings.IndexByte("-=~*", s[j]) >= 0 {
				j++
			}
		case strings.ContainsRune("<>#+|^$/\\", r):
			for j < len(s) && rune(s[j]) == r {
				j++
			}
		}
		out = append(out, atom{i, j, false})
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || r == '_'
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '’' || r == '‘' || r == '`' || r == '´'
}

// merge returns how many atoms from i on form one token.
func (sc *scanner) merge(s string, atoms []atom, i int) int {
	at := func(k int) string {
		if k < 0 || k >= len(atoms) {
			return ""
		}
		return s[atoms[k].start:atoms[k].end]
	}
	// following returns atom k, or the start of the next chunk after the
	// last atom.
	following := func(k int) string {
		if k == len(atoms) {
			return sc.after
		}
		return at(k)
	}
	if !atoms[i].word {
		// A decimal without its leading zero, ".5", or a file extension,
		// ".doc".
		if at(i) == "." && i+1 < len(atoms) && atoms[i+1].word && (i == 0 || !atoms[i-1].word) &&
			(allDigits(at(i+1)) || i == 0 && isASCIIWord(at(i+1)) && startsLower(at(i+1))) {
			return 2
		}
		// A year with its apostrophe: "'99".
		if i == 0 && isQuote(at(i)) && i+1 < len(atoms) && len(at(i+1)) == 2 && allDigits(at(i+1)) {
			return 2
		}
		// A hashtag or a handle: "#audiobooks", "@POTUS".
		if (at(i) == "#" || at(i) == "@") && i == 0 && i+1 < len(atoms) && atoms[i+1].word && startsLetter(at(i+1)) {
			return 2
		}
		return 1
	}
	w := at(i)
	if n := numberGroups(s, atoms, i); n > 1 {
		return n
	}
	if n := dotted(s, atoms, i); n > 1 {
		return n
	}
	if at(i+1) == "." {
		// "etc." that ends a sentence is written "etc" and "."
		etcEnd := w == "etc" && i+2 == len(atoms) && (sc.after == "" || startsUpper(sc.after))
		if abbreviations[w] && !etcEnd && (!numberAbbreviations[w] || startsWithDigit(following(i+2))) {
			return 2
		}
		// An initial: "J. Smith", "George W. Bush".
		if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
			return 2
		}
		// File names and newsgroups: "alt.animals", "report.doc".
		if i+2 < len(atoms) && atoms[i+2].word && startsLower(at(i+2)) && isASCIIWord(w) && isASCIIWord(at(i+2)) {
			n := 3
			for at(i+n) == "." && i+n+1 < len(atoms) && atoms[i+n+1].word && isASCIIWord(at(i+n+1)) {
				n += 2
			}
			return n
		}
	}
	// Short forms with a slash: "b/c", "w/o", "w/".
	if at(i+1) == "/" && utf8.RuneCountInString(w) == 1 && isLetters(w) {
		if r := at(i + 2); i+2 < len(atoms) && atoms[i+2].word && utf8.RuneCountInString(r) == 1 {
			return 3
		}
		if i+2 == len(atoms) {
			return 2
		}
	}
	// Initialisms with an ampersand: "AT&T", "P&L", "PG&E".
	if at(i+1) == "&" && i+2 < len(atoms) && atoms[i+2].word && len(w) <= 3 && len(at(i+2)) <= 3 && isASCIIWord(w) && isLetters(w) && isLetters(at(i+2)) {
		return 3
	}
	// Dollars of a country: "US$", "HK$".
	if at(i+1) == "$" && len(w) <= 2 && isUpperASCII(w) {
		return 2
	}
	// Mail addresses without a domain, as mail systems print them:
	// "Warner@ENRON".
	if at(i+1) == "@" && i+2 < len(atoms) && atoms[i+2].word {
		return 3
	}
	// Prefixes and name particles keep their hyphen: "e-mail", "al-Qaeda".
	n := 1
	for at(i+n) == "-" && i+n+1 < len(atoms) && atoms[i+n+1].word {
		left, right := at(i+n-1), at(i+n+1)
		if hyphenPrefixes[strings.ToLower(left)] && !allDigits(right) || nameParticles[left] && startsUpper(right) {
			n += 2
			continue
		}
		break
	}
	if n > 1 {
		return n
	}
	// A plural possessive: "soldiers'" is "soldiers" + "'".
	if q := at(i + 1); (q == "'" || q == "’") && !sc.quoteOpen && i+2 == len(atoms) && strings.HasSuffix(strings.ToLower(w), "s") && len(w) > 1 {
		return 2
	}
	return 1
}

// numberGroups recognises numbers written with separators: "1,400",
// "3.5", "10:30", "713-853-3989", "11/20/2000". It returns the atoms the
// number spans, or 1.
func numberGroups(s string, atoms []atom, i int) int {
	at := func(k int) string { return s[atoms[k].start:atoms[k].end] }
	if !allDigits(at(i)) {
		return 1
	}
	var sep string
	groups := []string{at(i)}
	k := i + 1
	for k+1 < len(atoms) && atoms[k+1].word && startsWithDigit(at(k+1)) {
		c := at(k)
		decimal := sep == "," && c == "." // "5,000.50"
		if c != "," && c != "." && c != ":" && c != "/" && c != "-" || sep != "" && c != sep && !decimal {
			break
		}
		g := at(k + 1)
		last := k+2 >= len(atoms) || !atoms[k+2].word
		if !allDigits(g) && !(last && (c == "." || c == ":" || c == ",") && unitCut(g) > 0) {
			break
		}
		if c == "," && len(leadingDigits(g)) != 3 {
			break
		}
		sep = c
		groups = append(groups, g)
		k += 2
		if decimal {
			break
		}
	}
	if len(groups) < 2 {
		return 1
	}
	if len(groups) == 2 {
		a, b := groups[0], groups[1]
		switch sep {
		case "/":
			// A date "5/18" stays whole; a ratio or fraction "3/4" is split.
			if !(len(a) <= 2 && len(b) == 2 && atoiSmall(a) >= 1 && atoiSmall(a) <= 12 && atoiSmall(b) <= 31) {
				return 1
			}
		case "-":
			// A phone number "345-9945" or extension "3-5213" stays whole;
			// a range "1969-1970" is split.
			if !(len(a) <= 3 && len(b) == 4) {
				return 1
			}
		}
	}
	return 1 + 2*(len(groups)-1)
}

// dotted recognises acronyms written with periods: "U.S.", "U.S.A", "e.g.",
// "a.m.", "Ph.D.". It returns the atoms they span, or 1.
func dotted(s string, atoms []atom, i int) int {
	at := func(k int) string { return s[atoms[k].start:atoms[k].end] }
	n := 0
	letters := 0
	for k := i; k < len(atoms); k += 2 {
		w := at(k)
		if !atoms[k].word || !isLetters(w) || utf8.RuneCountInString(w) > 1 && !(w == "Ph" && k == i) {
			break
		}
		if k+1 >= len(atoms) || at(k+1) != "." {
			if letters >= 1 {
				n++ // the last letter group, without its period: "U.S.A"
				letters++
			}
			break
		}
		n += 2
		letters++
	}
	if letters < 2 {
		return 1
	}
	return n
}

// itsIsItIs reports whether "its" followed by text is "it is" written
// without its apostrophe: the possessive is followed by a noun phrase, never
// by these words.
func itsIsItIs(text string) bool {
	end := 0
	for end < len(text) && isASCIILetter(text[end]) {
		end++
	}
	return itIsFollowers[asciiLower(text[:end])]
}

// splitWords returns the syntactic words of a token that EWT writes as a
// multiword token ("don't" → "do", "n't"), or nil.
func splitWords(form string) []string {
	lower := asciiLower(form) // keeps byte offsets, unlike strings.ToLower
	if c, ok := contractions[lower]; ok {
		var out []string
		prev := 0
		for _, cut := range c.cuts {
			out = append(out, form[prev:cut])
			prev = cut
		}
		return append(out, form[prev:])
	}
	for _, cl := range clitics {
		k := hasClitic(lower, cl)
		if k <= 0 {
			continue
		}
		base := form[:k]
		if !hasLetter(base) {
			return nil
		}
		return []string{base, form[k:]}
	}
	return nil
}

// hasClitic returns where clitic cl (written with "'") starts in the
// lower-cased word w, whatever apostrophe w uses, or -1.
func hasClitic(w, cl string) int {
	tail := cl[1:] // after the apostrophe
	if cl == "n't" {
		tail = "t"
	}
	if !strings.HasSuffix(w, tail) {
		return -1
	}
	k := len(w) - len(tail)
	r, size := utf8.DecodeLastRuneInString(w[:k])
	if !isApostrophe(r) {
		return -1
	}
	k -= size
	if cl == "n't" {
		if !strings.HasSuffix(w[:k], "n") {
			return -1
		}
		k--
	}
	return k
}

// unitCut returns where a unit written against a number starts ("5kg" →
// 1, "7:30PM" → 4), or 0.
func unitCut(w string) int {
	i := len(leadingDigits(w))
	if i == 0 {
		return 0
	}
	for i+1 < len(w) && (w[i] == '.' || w[i] == ',' || w[i] == ':') && w[i+1] >= '0' && w[i+1] <= '9' {
		i += 1 + len(leadingDigits(w[i+1:]))
	}
	if i < len(w) && units[w[i:]] {
		return i
	}
	return 0
}

func asciiLower(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' {
			b := []byte(w)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return w
}

// findURL finds a URL or an e-mail address in a chunk and returns its span,
// without the punctuation that closes the sentence or a bracket around it.
func findURL(s string) (int, int, bool) {
	start := -1
	lower := strings.ToLower(s)
	if k := strings.Index(lower, "://"); k > 0 {
		start = k
		for start > 0 && isASCIILetter(lower[start-1]) {
			start--
		}
		if start == k {
			return 0, 0, false
		}
	} else if k := strings.Index(lower, "www."); k >= 0 && k+4 < len(s) && (k == 0 || !isWordRune(rune(s[k-1]))) {
		start = k
	} else if k := strings.Index(lower, "mailto:"); k >= 0 {
		start = k
	} else if k := strings.IndexByte(s, '@'); k > 0 {
		start = k
		for start > 0 && isEmailByte(s[start-1]) {
			start--
		}
		rest := s[k+1:]
		dom := 0
		for dom < len(rest) && (isEmailByte(rest[dom])) {
			dom++
		}
		if start == k || !strings.Contains(strings.Trim(rest[:dom], "."), ".") {
			return 0, 0, false
		}
		for start < k && !isASCIIAlnum(s[start]) {
			start++
		}
		end := k + 1 + dom
		for end > k+1 && !isASCIIAlnum(s[end-1]) {
			end--
		}
		return start, end, true
	}
	if start < 0 {
		return 0, 0, false
	}
	end := len(s)
	// Brackets the URL does not open close around it.
	open := map[byte]int{')': strings.Count(s[start:], "("), ']': strings.Count(s[start:], "["), '>': strings.Count(s[start:], "<")}
	shut := map[byte]int{')': strings.Count(s[start:], ")"), ']': strings.Count(s[start:], "]"), '>': strings.Count(s[start:], ">")}
	for end > start {
		c := s[end-1]
		if strings.IndexByte(".,;:!?'\"", c) >= 0 {
			end--
			continue
		}
		if (c == ')' || c == ']' || c == '>') && shut[c] > open[c] {
			shut[c]--
			end--
			continue
		}
		if c >= utf8.RuneSelf { // closing curly quotes and the like
			r, size := utf8.DecodeLastRuneInString(s[start:end])
			if unicode.IsPunct(r) {
				end -= size
				continue
			}
		}
		break
	}
	if end-start < 5 {
		return 0, 0, false
	}
	return start, end, true
}

var emoticons = []string{"^_^", ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":)", ":(", ";)", ":D", ":P", ":p", ":/", "=)", "<3", ":-/", ":'("}

// emoticonPrefix returns the length of an emoticon at the start of a chunk
// when nothing but punctuation follows it, or 0.
func emoticonPrefix(s string) int {
	for _, e := range emoticons {
		if strings.HasPrefix(s, e) && strings.Trim(s[len(e):], ".,!?") == "" {
			return len(e)
		}
	}
	return 0
}

func isEmailByte(c byte) bool {
	return isASCIIAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }
func isASCIIAlnum(c byte) bool  { return isASCIILetter(c) || c >= '0' && c <= '9' }

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIIAlnum(w[i]) && w[i] != '_' {
			return false
		}
	}
	return w != ""
}

func allDigits(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}

func leadingDigits(w string) string {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	return w[:i]
}

func startsWithDigit(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func startsLetter(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r)
}

func isUpperASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return w != ""
}

func isQuote(f string) bool {
	r, size := utf8.DecodeRuneInString(f)
	return size == len(f) && isApostrophe(r)
}

func startsLower(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLower(r)
}

func isLetters(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return w != ""
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// atoiSmall parses a short run of digits.
func atoiSmall(w string) int {
	n := 0
	for i := 0; i < len(w) && i < 4; i++ {
		n = n*10 + int(w[i]-'0')
	}
	return n
}
