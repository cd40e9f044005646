package eval

import (
	"fmt"
	"strings"
	"unicode"

	"dyad/nlp"
)

// UDScore counts one measure of the CoNLL 2018 shared task: gold and system
// items, how many of them are correct and, for word-level measures, how
// many words were aligned.
type UDScore struct {
	Gold    int `json:"gold"`
	System  int `json:"system"`
	Correct int `json:"correct"`
	Aligned int `json:"aligned"`
}

// Precision is correct/system.
func (s UDScore) Precision() float64 { return ratio(s.Correct, s.System) }

// Recall is correct/gold.
func (s UDScore) Recall() float64 { return ratio(s.Correct, s.Gold) }

// F1 is the harmonic mean of precision and recall, the figure the shared
// task ranks by. With gold tokenisation it equals accuracy.
func (s UDScore) F1() float64 { return ratio(2*s.Correct, s.Gold+s.System) }

// AlignedAccuracy is correct/aligned: the score on the words the system
// tokenised right.
func (s UDScore) AlignedAccuracy() float64 { return ratio(s.Correct, s.Aligned) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// UDScores holds the measures of the CoNLL 2018 shared task that Dyad
// reports.
type UDScores struct {
	Tokens    UDScore `json:"tokens"`
	Sentences UDScore `json:"sentences"`
	Words     UDScore `json:"words"`
	UPOS      UDScore `json:"upos"`
	XPOS      UDScore `json:"xpos"`
	Lemmas    UDScore `json:"lemmas"`
	UAS       UDScore `json:"uas"`
	LAS       UDScore `json:"las"`
}

// udSpan is a span of non-whitespace characters.
type udSpan struct{ start, end int }

type udWord struct {
	span      udSpan
	multiword bool
	form      string // lower-cased, for aligning the words of multiword tokens
	w         *nlp.Token
	parent    int // index of the head word in the file, -1 for the root
}

type udFile struct {
	chars     []rune
	tokens    []udSpan
	sentences []udSpan
	words     []udWord
}

// udLoad lays sentences out as the shared-task evaluation script does: the
// non-space characters of all tokens in a row, token and sentence spans over
// them, and the syntactic words with their heads.
func udLoad(sents []nlp.Sentence) (*udFile, error) {
	f := &udFile{}
	for si := range sents {
		s := &sents[si]
		sentStart := len(f.chars)
		first := len(f.words)
		mw := 0
		for i := 0; i < len(s.Tokens); {
			tok := &s.Tokens[i]
			n := 1
			form := tok.Form
			if mw < len(s.MultiWords) && s.MultiWords[mw].First == tok.ID {
				m := s.MultiWords[mw]
				n = m.Last - m.First + 1
				form = m.Form
				mw++
			}
			chars := noSpace(form)
			if len(chars) == 0 {
				return nil, fmt.Errorf("sentence %d (%s): word %d has an empty form", si+1, s.ID, tok.ID)
			}
			span := udSpan{len(f.chars), len(f.chars) + len(chars)}
			f.chars = append(f.chars, chars...)
			f.tokens = append(f.tokens, span)
			for k := i; k < i+n && k < len(s.Tokens); k++ {
				w := &s.Tokens[k]
				f.words = append(f.words, udWord{span: span, multiword: n > 1, form: strings.ToLower(w.Form), w: w, parent: -1})
			}
			i += n
		}
		for k := first; k < len(f.words); k++ {
			h := f.words[k].w.Head
			if h > 0 && first+h-1 < len(f.words) {
				f.words[k].parent = first + h - 1
			}
		}
		f.sentences = append(f.sentences, udSpan{sentStart, len(f.chars)})
	}
	return f, nil
}

// noSpace returns the characters of a form without space separators, as the
// script deletes them so that gold and system texts compare equal.
func noSpace(form string) []rune {
	out := make([]rune, 0, len(form))
	for _, r := range form {
		if !unicode.Is(unicode.Zs, r) {
			out = append(out, r)
		}
	}
	return out
}

// spansScore counts the spans of system that match a gold span exactly.
func spansScore(gold, system []udSpan) UDScore {
	sc := UDScore{Gold: len(gold), System: len(system)}
	gi, si := 0, 0
	for gi < len(gold) && si < len(system) {
		switch {
		case system[si].start < gold[gi].start:
			si++
		case gold[gi].start < system[si].start:
			gi++
		default:
			if gold[gi].end == system[si].end {
				sc.Correct++
			}
			gi++
			si++
		}
	}
	return sc
}

// ScoreUD scores system sentences against gold ones with the measures and
// the word alignment of the CoNLL 2018 shared task evaluation script
// (conll18_ud_eval.py): tokens and sentences by exact character spans, words
// aligned by span and, inside multiword tokens, by the longest common
// subsequence of their forms. Both sides must spell the same characters,
// whitespace aside. LAS compares the universal part of the relation only
// ("obl", not "obl:tmod").
func ScoreUD(gold, system []nlp.Sentence) (UDScores, error) {
	g, err := udLoad(gold)
	if err != nil {
		return UDScores{}, fmt.Errorf("gold: %w", err)
	}
	s, err := udLoad(system)
	if err != nil {
		return UDScores{}, fmt.Errorf("system: %w", err)
	}
	if i := firstDiff(g.chars, s.chars); i >= 0 {
		return UDScores{}, fmt.Errorf("gold and system texts differ at character %d: gold %q, system %q",
			i, excerpt(g.chars, i), excerpt(s.chars, i))
	}
	gs := make([]int, len(g.words)) // gold word → aligned system word, or -1
	sg := make([]int, len(s.words)) // system word → aligned gold word, or -1
	for i := range gs {
		gs[i] = -1
	}
	for i := range sg {
		sg[i] = -1
	}
	pairs := alignWords(g.words, s.words, gs, sg)
	out := UDScores{
		Tokens:    spansScore(g.tokens, s.tokens),
		Sentences: spansScore(g.sentences, s.sentences),
	}
	base := UDScore{Gold: len(g.words), System: len(s.words), Aligned: len(pairs)}
	out.Words = base
	out.Words.Correct = len(pairs)
	out.UPOS, out.XPOS, out.Lemmas, out.UAS, out.LAS = base, base, base, base, base
	for _, p := range pairs {
		gw, sw := &g.words[p[0]], &s.words[p[1]]
		if gw.w.UPOS == sw.w.UPOS {
			out.UPOS.Correct++
		}
		if gw.w.XPOS == sw.w.XPOS {
			out.XPOS.Correct++
		}
		// A gold lemma of "_" accepts any system lemma.
		if gw.w.Lemma == "" || gw.w.Lemma == sw.w.Lemma {
			out.Lemmas.Correct++
		}
		head := -1 // the gold word the system head aligns to; -1 for the root
		if sw.parent >= 0 {
			head = sg[sw.parent]
			if head < 0 {
				continue // the head is not aligned: wrong whatever gold says
			}
		}
		if head == gw.parent {
			out.UAS.Correct++
			if universal(gw.w.DepRel) == universal(sw.w.DepRel) {
				out.LAS.Correct++
			}
		}
	}
	return out, nil
}

func universal(rel string) string {
	u, _, _ := strings.Cut(rel, ":")
	return u
}

func firstDiff(a, b []rune) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		if a[i] != b[i] {
			return i
		}
	}
	if len(a) != len(b) {
		return n
	}
	return -1
}

func excerpt(r []rune, i int) string {
	return string(r[i:min(len(r), i+20)])
}

// alignWords aligns gold and system words as the shared-task script does and
// returns the aligned (gold, system) index pairs, filling gs and sg.
func alignWords(g, s []udWord, gs, sg []int) [][2]int {
	var pairs [][2]int
	add := func(gi, si int) {
		pairs = append(pairs, [2]int{gi, si})
		gs[gi], sg[si] = si, gi
	}
	gi, si := 0, 0
	for gi < len(g) && si < len(s) {
		if g[gi].multiword || s[si].multiword {
			var gStart, sStart int
			gStart, sStart, gi, si = multiwordSpan(g, s, gi, si)
			if gi > gStart && si > sStart {
				for _, p := range lcsAlign(g[gStart:gi], s[sStart:si]) {
					add(gStart+p[0], sStart+p[1])
				}
			}
			continue
		}
		switch {
		case g[gi].span == s[si].span:
			add(gi, si)
			gi++
			si++
		case g[gi].span.start <= s[si].span.start:
			gi++
		default:
			si++
		}
	}
	return pairs
}

// multiwordSpan finds the smallest stretch of gold and system words around a
// multiword token that starts and ends at the same characters on both sides.
func multiwordSpan(g, s []udWord, gi, si int) (gStart, sStart, gEnd, sEnd int) {
	var end int
	if g[gi].multiword {
		end = g[gi].span.end
		if !s[si].multiword && s[si].span.start < g[gi].span.start {
			si++
		}
	} else {
		end = s[si].span.end
		if !g[gi].multiword && g[gi].span.start < s[si].span.start {
			gi++
		}
	}
	gStart, sStart = gi, si
	beyond := func(ws []udWord, i, end int) bool {
		if i >= len(ws) {
			return true
		}
		if ws[i].multiword {
			return ws[i].span.start >= end
		}
		return ws[i].span.end > end
	}
	extend := func(w udWord, end int) int {
		if w.multiword && w.span.end > end {
			return w.span.end
		}
		return end
	}
	for !beyond(g, gi, end) || !beyond(s, si, end) {
		if gi < len(g) && (si >= len(s) || g[gi].span.start <= s[si].span.start) {
			end = extend(g[gi], end)
			gi++
		} else {
			end = extend(s[si], end)
			si++
		}
	}
	return gStart, sStart, gi, si
}

// lcsAlign aligns two short runs of words by the longest common subsequence
// of their lower-cased forms.
func lcsAlign(g, s []udWord) [][2]int {
	n, m := len(g), len(s)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if g[i].form == s[j].form {
				lcs[i][j] = 1 + lcs[i+1][j+1]
			}
			lcs[i][j] = max(lcs[i][j], lcs[i+1][j], lcs[i][j+1])
		}
	}
	var out [][2]int
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case g[i].form == s[j].form:
			out = append(out, [2]int{i, j})
			i++
			j++
		case lcs[i][j] == lcs[i+1][j]:
			i++
		default:
			j++
		}
	}
	return out
}
