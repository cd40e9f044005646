package lemma

import (
	"bytes"
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/nlp"
)

// MaxSuffix is the longest word ending, in bytes, that a suffix rule looks
// at.
const MaxSuffix = 8

// edit turns a word form into its lemma: take the form as written (Keep) or
// lower-cased, drop its last Strip bytes and append Add.
type edit struct {
	Keep  bool
	Strip int
	Add   string
}

// apply edits form (whose lower-cased spelling is lower).
func (e edit) apply(form, lower string) (string, bool) {
	w := lower
	if e.Keep {
		w = form
	}
	if e.Strip > len(w) || !utf8.ValidString(w[:len(w)-e.Strip]) {
		return "", false
	}
	return w[:len(w)-e.Strip] + e.Add, true
}

// key addresses the lexicon (a lower-cased word form and its tag) and the
// suffix rules (a lower-cased word ending and the tag).
type key struct {
	text, tag string
}

// Word shapes, which decide with the tag whether an unknown word keeps its
// capitals in its lemma.
const (
	shapeLower = iota // no capitals: nothing to decide
	shapeFirst        // capitalised, first word of the sentence
	shapeTitle        // capitalised, elsewhere
	shapeUpper        // all capitals
	shapeMixed        // anything else: "iPhone", "McDonald"
	numShapes
)

type caseKey struct {
	tag   string
	shape uint8
}

// Lemmatizer gives the lemma of a word from its form and part-of-speech
// tags. It is safe for concurrent use.
type Lemmatizer struct {
	lexicon map[key]edit      // words of the training data the rules get wrong
	rules   map[key]edit      // word endings (Keep unused: case comes from keep)
	keep    map[caseKey]bool  // whether an unknown word keeps its capitals
	known   map[string]string // lemmas of the training data: lower-cased → as most often written
}

// Lemmatize sets the Lemma of every word of s from its form and tags.
func (l *Lemmatizer) Lemmatize(s *nlp.Sentence) {
	first := true
	for i := range s.Tokens {
		t := &s.Tokens[i]
		t.Lemma = l.lemma(t.Form, tagOf(t.UPOS, t.XPOS), first)
		if t.Lemma == "be" && isS(t.Form) && perfect(s.Tokens[i+1:]) {
			t.Lemma = "have" // "he's been", "it's got"
		}
		// A sentence may open with quotes or brackets before its first word.
		if first && !isOpening(t.Form) {
			first = false
		}
	}
}

func isS(f string) bool { return f == "'s" || f == "’s" || f == "'S" }

// perfect reports whether the words after a clitic "'s" make it "has": a
// participle that follows "has" but not "is", after any adverbs.
func perfect(next []nlp.Token) bool {
	for _, t := range next {
		if t.XPOS == "RB" {
			continue
		}
		switch strings.ToLower(t.Form) {
		case "been", "got", "gotten":
			return true
		}
		return false
	}
	return false
}

func isOpening(f string) bool {
	for _, r := range f {
		if !unicode.IsPunct(r) {
			return false
		}
	}
	return true
}

// Lemma returns the lemma of one word, taken to stand inside a sentence.
// The XPOS (Penn Treebank tag) is the main evidence; the UPOS stands in
// when the XPOS is empty.
func (l *Lemmatizer) Lemma(form, upos, xpos string) string {
	return l.lemma(form, tagOf(upos, xpos), false)
}

func tagOf(upos, xpos string) string {
	if xpos != "" {
		return xpos
	}
	return upos
}

func (l *Lemmatizer) lemma(form, tag string, first bool) string {
	if form == "" {
		return ""
	}
	lower := strings.ToLower(form)
	if e, ok := l.lexicon[key{lower, tag}]; ok {
		if s, ok := e.apply(form, lower); ok {
			return s
		}
	}
	return l.guess(form, lower, tag, first)
}

// guess lemmatises a word the lexicon does not hold: from the exception
// lists, else by the suffix rules. Of the rules that match the word's
// endings, the longest whose result is a known lemma wins, else the longest.
func (l *Lemmatizer) guess(form, lower, tag string, first bool) string {
	if s, ok := irregular(lower, tag); ok {
		return s
	}
	keep := len(form) == len(lower) && l.keepCase(form, tag, first)
	fallback, found := "", false
	for k := min(MaxSuffix, len(lower)); k >= 0; k-- {
		start := len(lower) - k
		if k > 0 && !utf8.RuneStart(lower[start]) {
			continue
		}
		e, ok := l.rules[key{lower[start:], tag}]
		if !ok {
			continue
		}
		e.Keep = keep
		s, ok := e.apply(form, lower)
		if !ok {
			continue
		}
		if w, ok := l.knownForm(s, tag); ok {
			return l.cased(w, form, tag)
		}
		if !found {
			fallback, found = s, true
		}
	}
	if !found {
		fallback = lower
		if keep {
			fallback = form
		}
	}
	return l.cased(fallback, form, tag)
}

// knownForm looks for a known lemma in s or in a spelling variant of it that
// the suffix rules do not capture: a doubled consonant ("hott" → "hot",
// "modell" → "model") or a final e ("preced" → "precede", "bedevile" →
// "bedevil").
func (l *Lemmatizer) knownForm(s, tag string) (string, bool) {
	low := strings.ToLower(s)
	if _, ok := l.known[low]; ok {
		return s, true
	}
	if !inflected(tag) || len(low) < 3 {
		return "", false
	}
	n := len(low)
	if low[n-1] == low[n-2] || low[n-1] == 'e' {
		if _, ok := l.known[low[:n-1]]; ok {
			return s[:n-1], true
		}
	}
	if _, ok := l.known[low+"e"]; ok {
		return s + "e", true
	}
	return "", false
}

func inflected(tag string) bool {
	switch tag {
	case "VBD", "VBN", "VBG", "VBZ", "NNS", "JJR", "JJS", "RBR", "RBS":
		return true
	}
	return false
}

// cased gives a guessed lemma the capitals the training data writes it with:
// "german" → "German", "Direct" → "direct". Proper nouns keep those they are
// written with, unless written all in lower case ("india" → "India").
func (l *Lemmatizer) cased(s, form, tag string) string {
	w, ok := l.known[strings.ToLower(s)]
	if !ok {
		return s
	}
	if strings.HasPrefix(tag, "NNP") || tag == "PROPN" {
		if shape(form, false) == shapeLower {
			return w
		}
		return s
	}
	return w
}

// keepCase tells whether an unknown word keeps its capitals in its lemma,
// as training words of its tag and shape did; proper nouns do by default.
func (l *Lemmatizer) keepCase(form, tag string, first bool) bool {
	sh := shape(form, first)
	if sh == shapeLower {
		return false
	}
	if k, ok := l.keep[caseKey{tag, sh}]; ok {
		return k
	}
	return strings.HasPrefix(tag, "NNP") || tag == "PROPN"
}

func shape(form string, first bool) uint8 {
	upper, lower := 0, 0
	firstUpper := false
	for i, r := range form {
		switch {
		case unicode.IsUpper(r):
			upper++
			if i == 0 {
				firstUpper = true
			}
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper == 0:
		return shapeLower
	case lower == 0 && upper > 1:
		return shapeUpper
	case firstUpper && upper == 1:
		if first {
			return shapeFirst
		}
		return shapeTitle
	}
	return shapeMixed
}

//go:embed model/lemmas.txt.gz
var defaultModel []byte

var defaultLemmatizer = sync.OnceValues(func() (*Lemmatizer, error) {
	return Read(bytes.NewReader(defaultModel))
})

// Default returns the lemmatizer shipped with Dyad, trained by
// `dyad train lemmatizer`. The model is loaded on the first call.
func Default() (*Lemmatizer, error) { return defaultLemmatizer() }
