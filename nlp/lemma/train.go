package lemma

import (
	"cmp"
	"errors"
	"log/slog"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"dyad/nlp"
)

// TrainOptions configure Train. The zero value gives the settings of the
// shipped model.
type TrainOptions struct {
	// MinRuleCount is how many distinct training words must share an
	// ending and tag for it to make a rule (default 2).
	MinRuleCount int
	Logger       *slog.Logger // nil discards
}

// sighting is one spelling of a word seen in training, with its lemma and
// whether it opened a sentence.
type sighting struct {
	form, lemma string
	first       bool
}

// Train learns a lemmatizer from sentences with gold lemmas and tags. The
// result depends only on the sentences and options: training is
// deterministic.
func Train(sents []nlp.Sentence, opts TrainOptions) (*Lemmatizer, error) {
	if opts.MinRuleCount <= 0 {
		opts.MinRuleCount = 2
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	seen := map[key]map[sighting]int{}
	caseCounts := map[caseKey][2]int{} // [lower-cased lemma, lemma with capitals]
	l := &Lemmatizer{lexicon: map[key]edit{}, rules: map[key]edit{}, keep: map[caseKey]bool{}, known: map[string]string{}}
	spellings := map[string]map[string]int{} // lower-cased lemma → its spellings
	words := 0
	for i := range sents {
		first := true
		for _, t := range sents[i].Tokens {
			tag := tagOf(t.UPOS, t.XPOS)
			if t.Form != "" && t.Lemma != "" && tag != "" {
				k := key{strings.ToLower(t.Form), tag}
				if seen[k] == nil {
					seen[k] = map[sighting]int{}
				}
				seen[k][sighting{t.Form, t.Lemma, first}]++
				if sh := shape(t.Form, first); sh != shapeLower {
					c := caseCounts[caseKey{tag, sh}]
					if t.Lemma != strings.ToLower(t.Lemma) {
						c[1]++
					} else {
						c[0]++
					}
					caseCounts[caseKey{tag, sh}] = c
				}
				low := strings.ToLower(t.Lemma)
				if spellings[low] == nil {
					spellings[low] = map[string]int{}
				}
				spellings[low][t.Lemma]++
				words++
			}
			if first && !isOpening(t.Form) {
				first = false
			}
		}
	}
	if words == 0 {
		return nil, errors.New("train lemmatizer: no words with lemmas and tags")
	}
	for low, c := range spellings {
		l.known[low] = mostFrequent(c)
	}
	for k, c := range caseCounts {
		if c[0]+c[1] >= 3 {
			l.keep[k] = c[1] > c[0]
		}
	}
	// Each word's best edit covers the most of its sightings.
	lexBest := map[key]edit{}
	for k, s := range seen {
		lexBest[k] = bestCover(k.text, s)
	}
	l.learnRules(seen, opts.MinRuleCount)
	// The lexicon keeps the words the rules and exception lists get wrong.
	for k, e := range lexBest {
		for s := range seen[k] {
			want, _ := e.apply(s.form, k.text)
			if l.guess(s.form, k.text, k.tag, s.first) != want {
				l.lexicon[k] = e
				break
			}
		}
	}
	log.Info("lemmatizer trained", "words", words, "types", len(lexBest), "lexicon", len(l.lexicon),
		"rules", len(l.rules), "lemmas", len(l.known))
	return l, nil
}

// learnRules learns the suffix rules from word types: each word and tag
// counts once, with the edit of its most frequent lemma on the lower-cased
// spelling, so that frequent words do not drown the endings of rare ones.
func (l *Lemmatizer) learnRules(seen map[key]map[sighting]int, minCount int) {
	counts := map[key]map[edit]int{}
	for k, s := range seen {
		lemmas := map[string]int{}
		for si, n := range s {
			lemmas[strings.ToLower(si.lemma)] += n
		}
		e := editFor(k.text, mostFrequent(lemmas), false)
		for n := 0; n <= min(MaxSuffix, len(k.text)); n++ {
			start := len(k.text) - n
			if n > 0 && !utf8.RuneStart(k.text[start]) {
				continue
			}
			if e.Strip > n {
				continue // the edit depends on more than this ending
			}
			rk := key{k.text[start:], k.tag}
			if counts[rk] == nil {
				counts[rk] = map[edit]int{}
			}
			counts[rk][e]++
		}
	}
	// Keep a rule only where it says something the next shorter rule does
	// not: shorter endings first.
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b key) int {
		return cmp.Or(cmp.Compare(len(a.text), len(b.text)), cmp.Compare(a.text, b.text), cmp.Compare(a.tag, b.tag))
	})
	for _, rk := range keys {
		c := counts[rk]
		total := 0
		for _, n := range c {
			total += n
		}
		if total < minCount && rk.text != "" {
			continue
		}
		e := mostFrequentEdit(c)
		if prev, ok := l.shorterRule(rk); ok && prev == e {
			continue
		}
		l.rules[rk] = e
	}
}

// shorterRule returns the rule for the longest shorter ending of rk with
// the same tag.
func (l *Lemmatizer) shorterRule(rk key) (edit, bool) {
	for n := len(rk.text) - 1; n >= 0; n-- {
		start := len(rk.text) - n
		if n > 0 && !utf8.RuneStart(rk.text[start]) {
			continue
		}
		if e, ok := l.rules[key{rk.text[start:], rk.tag}]; ok {
			return e, true
		}
	}
	return edit{}, false
}

// bestCover returns the edit that gives the right lemma for the most
// sightings of a word (lower-cased spelling lower).
func bestCover(lower string, seen map[sighting]int) edit {
	cands := map[edit]bool{}
	for s := range seen {
		cands[editFor(lower, s.lemma, false)] = true
		if len(s.form) == len(lower) {
			cands[editFor(s.form, s.lemma, true)] = true
		}
	}
	score := map[edit]int{}
	for e := range cands {
		for s, n := range seen {
			if got, ok := e.apply(s.form, lower); ok && got == s.lemma {
				score[e] += n
			}
		}
	}
	return mostFrequentEdit(score)
}

// editFor returns the edit that turns w (the lower-cased form, or the form
// as written when keep) into lemma.
func editFor(w, lemma string, keep bool) edit {
	p := 0
	for p < len(w) && p < len(lemma) && w[p] == lemma[p] {
		p++
	}
	for p > 0 && p < len(w) && !utf8.RuneStart(w[p]) { // cut at a character boundary
		p--
	}
	return edit{Keep: keep, Strip: len(w) - p, Add: lemma[p:]}
}

// mostFrequentEdit returns the edit with the highest count, breaking ties
// by the smallest edit, so that training is deterministic.
func mostFrequentEdit(c map[edit]int) edit {
	var out edit
	n := -1
	for e, k := range c {
		if k > n || k == n && lessEdit(e, out) {
			out, n = e, k
		}
	}
	return out
}

func mostFrequent(c map[string]int) string {
	var out string
	n := -1
	for s, k := range c {
		if k > n || k == n && s < out {
			out, n = s, k
		}
	}
	return out
}

func lessEdit(a, b edit) bool {
	if a.Strip != b.Strip {
		return a.Strip < b.Strip
	}
	if a.Add != b.Add {
		return a.Add < b.Add
	}
	return !a.Keep && b.Keep
}
