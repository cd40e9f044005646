package tokenize

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"log/slog"
	"math/rand/v2"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Splitter decides where sentences end with an averaged perceptron over the
// tokens around each gap between two tokens of a paragraph. Among its
// features is the decision of the rules, which it learns to trust or
// overrule: web text often ends sentences without punctuation, and news
// headlines and captions run into the next line. It is safe for concurrent
// use.
type Splitter struct {
	m *perceptron.Model
}

// The two classes of a gap.
const (
	inside   = 0
	boundary = 1
)

// splitMagic names the splitter model format and its version.
const splitMagic = "dyad-sentences-2"

// Example is a paragraph of training text with the byte offsets at which
// its sentences end.
type Example struct {
	Text string
	Ends []int
}

// Paragraphs lays treebank sentences out as running text the way the CoNLL
// 2018 shared task made its raw input: the "# text" of the sentences of one
// paragraph joined by spaces, a new paragraph at each "newpar" or "newdoc"
// comment. Each paragraph comes with the offsets where its sentences end.
func Paragraphs(sents []nlp.Sentence) []Example {
	var out []Example
	var b strings.Builder
	var ends []int
	flush := func() {
		if b.Len() > 0 {
			out = append(out, Example{Text: b.String(), Ends: ends})
		}
		b.Reset()
		ends = nil
	}
	for i := range sents {
		s := &sents[i]
		if startsParagraph(s) {
			flush()
		}
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(sentenceText(s))
		ends = append(ends, b.Len())
	}
	flush()
	return out
}

func startsParagraph(s *nlp.Sentence) bool {
	for _, c := range s.Comments {
		for _, p := range []string{"newpar", "newdoc"} {
			if c == p || strings.HasPrefix(c, p+" ") || strings.HasPrefix(c, p+"=") {
				return true
			}
		}
	}
	return false
}

// sentenceText is the sentence's "# text", or its tokens joined as their
// SpaceAfter marks say when the treebank has no text line.
func sentenceText(s *nlp.Sentence) string {
	if s.Text != "" {
		return s.Text
	}
	var b strings.Builder
	mw := 0
	for i := 0; i < len(s.Tokens); i++ {
		form, misc := s.Tokens[i].Form, s.Tokens[i].Misc
		if mw < len(s.MultiWords) && s.MultiWords[mw].First == s.Tokens[i].ID {
			m := s.MultiWords[mw]
			form, misc = m.Form, m.Misc
			i = m.Last - 1
			mw++
		}
		b.WriteString(form)
		if i < len(s.Tokens)-1 && !strings.Contains(misc, "SpaceAfter=No") {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// gap describes the gap after token i for the features.
type gap struct {
	text  string
	toks  []token
	i     int
	words int  // words of the sentence so far
	quote bool // an odd number of straight double quotes so far
}

func (g *gap) form(k int) string {
	if k < 0 || k >= len(g.toks) {
		return "<none>"
	}
	return g.text[g.toks[k].start:g.toks[k].end]
}

// Feature templates.
const (
	fBias = iota
	fW0
	fW1
	fWm1
	fW2
	fS0
	fS1
	fS01
	fW0W1
	fW0S1
	fS0W1
	fLen
	fRule
	fRuleS1
	fQuote
	fSpace
	fLast0
	fWm1W0
)

func hashString(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// features appends the features of the gap after token g.i, whose rule
// decision is rule.
func (g *gap) features(out []uint64, rule bool) []uint64 {
	w0, w1 := hashString(lowerWord(g.form(g.i))), hashString(lowerWord(g.form(g.i+1)))
	wm1, w2 := hashString(lowerWord(g.form(g.i-1))), hashString(lowerWord(g.form(g.i+2)))
	s0, s1 := uint64(wordShape(g.form(g.i))), uint64(wordShape(g.form(g.i+1)))
	r := uint64(0)
	if rule {
		r = 1
	}
	sp := uint64(0)
	if g.i+1 < len(g.toks) && g.toks[g.i+1].spaceBefore {
		sp = 1
	}
	q := uint64(0)
	if g.quote {
		q = 1
	}
	last, _ := utf8.DecodeLastRuneInString(g.form(g.i))
	return append(out,
		perceptron.Key1(fBias, 0),
		perceptron.Key1(fW0, w0),
		perceptron.Key1(fW1, w1),
		perceptron.Key1(fWm1, wm1),
		perceptron.Key1(fW2, w2),
		perceptron.Key1(fS0, s0),
		perceptron.Key1(fS1, s1),
		perceptron.Key2(fS01, s0, s1),
		perceptron.Key2(fW0W1, w0, w1),
		perceptron.Key2(fW0S1, w0, s1),
		perceptron.Key2(fS0W1, s0, w1),
		perceptron.Key2(fLen, uint64(lengthBucket(g.words)), s1),
		perceptron.Key1(fRule, r),
		perceptron.Key3(fRuleS1, r, s0, s1),
		perceptron.Key3(fQuote, q, w0, s1),
		perceptron.Key2(fSpace, sp, w0),
		perceptron.Key2(fLast0, uint64(last), s1),
		perceptron.Key2(fWm1W0, wm1, w0),
	)
}

func lowerWord(f string) string {
	if len(f) > 20 {
		return "<long>"
	}
	return strings.ToLower(f)
}

// Word shapes for the features.
const (
	shOther = iota
	shLower
	shTitle
	shUpper
	shDigit
	shPunct
)

func wordShape(f string) int {
	r, _ := utf8.DecodeRuneInString(f)
	switch {
	case f == "<none>":
		return shOther
	case unicode.IsDigit(r):
		return shDigit
	case unicode.IsLower(r):
		return shLower
	case unicode.IsUpper(r):
		if len(f) > 1 && strings.ToUpper(f) == f {
			return shUpper
		}
		return shTitle
	case unicode.IsPunct(r) || unicode.IsSymbol(r):
		return shPunct
	}
	return shOther
}

func lengthBucket(n int) int {
	switch {
	case n <= 3:
		return n
	case n <= 5:
		return 4
	case n <= 10:
		return 5
	case n <= 20:
		return 6
	case n <= 40:
		return 7
	}
	return 8
}

// decide walks the gaps of toks (a text with no paragraph break inside the
// sentences) and calls cut at each sentence end. The rules' decision is a
// feature; gold, when not nil, is the training oracle, which sees the same
// left context as decoding does.
func (t *Tokenizer) walk(text string, toks []token, decide func(g *gap, rule bool, feats []uint64) bool) [][2]int {
	var out [][2]int
	start := 0
	g := gap{text: text, toks: toks}
	ruleEnds := t.ruleEnds(text, toks)
	var feats []uint64
	cut := func(end int) {
		if end > start {
			out = append(out, [2]int{start, end})
		}
		start, g.words, g.quote = end, 0, false
	}
	for i := range toks {
		if i > start && toks[i].nlBefore >= 2 {
			cut(i)
		}
		n := max(1, len(toks[i].words))
		if i > start && g.words+n > t.maxWords {
			cut(i)
		}
		g.words += n
		if text[toks[i].start:toks[i].end] == `"` {
			g.quote = !g.quote
		}
		if i+1 >= len(toks) || toks[i+1].nlBefore >= 2 {
			continue
		}
		g.i = i
		feats = g.features(feats[:0], ruleEnds[i])
		if decide(&g, ruleEnds[i], feats) {
			cut(i + 1)
		}
	}
	cut(len(toks))
	return out
}

// ruleEnds marks the tokens after which the rules end a sentence.
func (t *Tokenizer) ruleEnds(text string, toks []token) []bool {
	ends := make([]bool, len(toks))
	for _, span := range t.splitRules(text, toks) {
		ends[span[1]-1] = true
	}
	return ends
}

// splitLearned returns the sentences of toks as the splitter decides them.
func (t *Tokenizer) splitLearned(text string, toks []token) [][2]int {
	scores := make([]int32, 2)
	return t.walk(text, toks, func(g *gap, rule bool, feats []uint64) bool {
		t.splitter.m.Score(feats, scores)
		return scores[boundary] > scores[inside]
	})
}

// SplitterOptions configure TrainSplitter. The zero value gives the
// settings of the shipped model.
type SplitterOptions struct {
	Epochs int    // passes over the examples (default 8)
	Seed   uint64 // seeds the order of the examples in each pass
	Logger *slog.Logger
}

// TrainSplitter learns a Splitter from paragraphs whose sentence ends are
// known. The tokenizer's own tokens are labelled by the ends that fall
// after them, so that training sees the tokens decoding will. The same
// examples, options and seed give the same model.
func TrainSplitter(ctx context.Context, examples []Example, opts SplitterOptions) (*Splitter, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 8
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if len(examples) == 0 {
		return nil, errors.New("train splitter: no examples")
	}
	rules := New(Options{MaxSentenceWords: 1 << 30})
	type prepared struct {
		text string
		toks []token
		gold []bool // gold[i]: a sentence ends after token i
	}
	var data []prepared
	for _, ex := range examples {
		sc := scanner{text: ex.Text}
		sc.run()
		ends := map[int]bool{}
		for _, e := range ex.Ends {
			ends[e] = true
		}
		gold := make([]bool, len(sc.toks))
		for i, tk := range sc.toks {
			gold[i] = ends[tk.end]
		}
		data = append(data, prepared{ex.Text, sc.toks, gold})
	}
	tr := perceptron.NewTrainer(2)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	scores := make([]float32, 2)
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := range opts.Epochs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, gaps := 0, 0
		for _, k := range order {
			d := data[k]
			rules.walk(d.text, d.toks, func(g *gap, rule bool, feats []uint64) bool {
				tr.Score(feats, scores)
				guess := inside
				if scores[boundary] > scores[inside] {
					guess = boundary
				}
				want := inside
				if d.gold[g.i] {
					want = boundary
				}
				if guess != want {
					tr.Update(feats, want, guess)
					errs++
				}
				tr.Tick()
				gaps++
				return want == boundary // follow the gold left context
			})
		}
		log.Info("splitter epoch", "epoch", epoch+1, "gaps", gaps, "errors", errs)
	}
	return &Splitter{m: tr.Average(0.01)}, nil
}

// WriteTo writes the splitter model.
func (s *Splitter) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	mw := perceptron.NewWriter(cw, splitMagic)
	mw.Model(s.m)
	// Close returns the error alone or with a byte count, depending on the
	// version of the perceptron package.
	var err error
	switch f := any(mw.Close).(type) {
	case func() error:
		err = f()
	case func() (int64, error):
		_, err = f()
	}
	return cw.n, err
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadSplitter reads a splitter model written by WriteTo.
func ReadSplitter(r io.Reader) (*Splitter, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read sentence splitter: %w", err)
	}
	mr, err := perceptron.NewReader(data, splitMagic)
	if err != nil {
		return nil, fmt.Errorf("read sentence splitter: %w", err)
	}
	return loadSplitter(mr)
}

// loadSplitter reads a splitter model from mr.
func loadSplitter(mr *perceptron.Reader) (*Splitter, error) {
	m := mr.Model()
	if err := mr.Err(); err != nil {
		return nil, fmt.Errorf("read sentence splitter: %w", err)
	}
	if m.Classes() != 2 {
		return nil, fmt.Errorf("read sentence splitter: %d classes, want 2", m.Classes())
	}
	return &Splitter{m: m}, nil
}

//go:embed model/sentences.bin
var defaultSplitterModel []byte

var defaultSplitter = sync.OnceValues(func() (*Splitter, error) {
	mr, err := perceptron.NewTrustedReader(defaultSplitterModel, splitMagic)
	if err != nil {
		return nil, fmt.Errorf("read sentence splitter: %w", err)
	}
	return loadSplitter(mr)
})

// DefaultSplitter returns the splitter shipped with Dyad, trained by
// `dyad train splitter`. The model is loaded on the first call.
func DefaultSplitter() (*Splitter, error) { return defaultSplitter() }
