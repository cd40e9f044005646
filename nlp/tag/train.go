package tag

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Options configure Train. The zero value gives the settings of the shipped
// model.
type Options struct {
	// Epochs is the largest number of passes over the training data
	// (default 12).
	Epochs int
	// Patience stops training after this many epochs without a better score
	// on the dev set (default 3).
	Patience int
	// Seed seeds the shuffling of the training data; the same data, options
	// and seed give the same model.
	Seed uint64
	// MinCount is how often a word must occur with a tag in training for
	// the tag to join the word's ambiguity class (default 1).
	MinCount int
	// Passes is the number of tagging passes: the first tags left to
	// right, each later one again, with the classes of the one before as
	// features (default 2).
	Passes int
	// Folds is the number of parts the training data is cut into so that
	// each part learns from ambiguity classes made from the others
	// (default 10).
	Folds int
	// Fixed is how often a word must occur in training, always with the
	// same tags, for the tagger to give it those tags without scoring
	// (default 20).
	Fixed int
	// Step is the precision to which the model's weights are rounded
	// (default 1, the size of one perceptron update).
	Step float32
	// Ensemble is the number of taggers, learnt with seeds Seed, Seed+1...,
	// whose weights are summed into the one returned (default 3).
	Ensemble int
	// Logger receives one line per epoch; nil discards.
	Logger *slog.Logger
	// Progress, if set, is called as training advances.
	Progress func(Progress)
}

// Progress reports how far training has come.
type Progress struct {
	Epoch, Epochs int     // current epoch (1-based) and the most there may be
	Done, Total   int     // sentences of the current epoch done, and in all
	DevUPOS       float64 // UPOS accuracy on dev after the last finished epoch, in %
}

func (o *Options) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 12
	}
	if o.Patience <= 0 {
		o.Patience = 3
	}
	if o.MinCount <= 0 {
		o.MinCount = 1
	}
	if o.Ensemble <= 0 {
		o.Ensemble = 3
	}
	if o.Fixed <= 0 {
		o.Fixed = 20
	}
	if o.Step <= 0 {
		o.Step = 1
	}
	if o.Passes <= 0 {
		o.Passes = 2
	}
	if o.Folds <= 0 {
		o.Folds = 10
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Train learns a tagger from the gold UPOS and XPOS of train, keeping the
// epoch that tags dev best.
func Train(ctx context.Context, train, dev []nlp.Sentence, opts Options) (*Tagger, error) {
	opts.defaults()
	log := opts.Logger.With("component", "tag")
	if len(train) == 0 || len(dev) == 0 {
		return nil, errors.New("train tagger: no training or no dev sentences")
	}
	if opts.Ensemble == 1 {
		return trainOne(ctx, train, dev, opts, log)
	}
	// The members differ only by their seed; they learn in parallel.
	members := make([]*Tagger, opts.Ensemble)
	errs := make([]error, opts.Ensemble)
	var wg sync.WaitGroup
	for e := range members {
		o := opts
		o.Seed, o.Progress = opts.Seed+uint64(e), nil
		if e == 0 {
			o.Progress = opts.Progress
		}
		wg.Go(func() { members[e], errs[e] = trainOne(ctx, train, dev, o, log.With("member", e)) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	t := members[0]
	t.members = len(members)
	for pass := range t.models {
		var ms []*perceptron.Model
		for _, m := range members {
			ms = append(ms, m.models[pass])
		}
		t.models[pass] = perceptron.Sum(ms...)
	}
	upos, xpos := t.accuracy(dev)
	log.Info("trained", "members", opts.Ensemble, "dev_upos", upos, "dev_xpos", xpos)
	return t, nil
}

// trainOne learns one tagger.
func trainOne(ctx context.Context, train, dev []nlp.Sentence, opts Options, log *slog.Logger) (*Tagger, error) {
	t := newUntrained(train)
	gold := make([][]int, len(train))
	for i := range train {
		gold[i] = t.classes(train[i].Tokens)
	}
	dicts := newDicts(t, train, opts.MinCount, opts.Folds)
	t.dict = dicts[opts.Folds]
	t.fixed = fixedWords(train, gold, opts.Fixed)
	trs := make([]*perceptron.Trainer, opts.Passes)
	for p := range trs {
		trs[p] = perceptron.NewTrainer(len(t.upos))
	}
	scores := make([]float32, len(t.upos))
	sc := t.getScratch()
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best []*perceptron.Model
	bestAcc, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		errs, total := 0, 0
		for done, si := range order {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				if opts.Progress != nil {
					opts.Progress(Progress{Epoch: epoch, Epochs: opts.Epochs, Done: done, Total: len(order), DevUPOS: max(bestAcc, 0)})
				}
			}
			toks := train[si].Tokens
			t.prepare(sc, toks, dicts[Fold(si, len(train), opts.Folds)])
			var prev []int
			for p, tr := range trs {
				if p > 0 {
					sc.prev = append(sc.prev[:0], sc.tags...)
					prev = sc.prev
				}
				sc.tags = sc.tags[:0]
				for i := range toks {
					if c, ok := t.fixed[sc.words[i+pad].Low]; ok {
						sc.tags = append(sc.tags, int(c))
						continue
					}
					sc.feats = append(sc.feats[:0], sc.static[i*nStatic:(i+1)*nStatic]...)
					sc.feats = features(sc.feats, sc.words, i, sc.tags, prev, t.finite)
					tr.Score(sc.feats, scores)
					pred, g := perceptron.Best(scores, nil), gold[si][i]
					if g >= 0 && pred != g {
						tr.Update(sc.feats, g, pred)
						if p == len(trs)-1 {
							errs++
						}
					}
					tr.Tick()
					if p == len(trs)-1 {
						total++
					}
					sc.tags = append(sc.tags, pred)
				}
			}
		}
		t.models = t.models[:0]
		for _, tr := range trs {
			t.models = append(t.models, tr.Average(opts.Step))
		}
		upos, xpos := t.accuracy(dev)
		log.Info("epoch", "epoch", epoch, "train_acc", 100*float64(total-errs)/float64(total), "dev_upos", upos, "dev_xpos", xpos, "features", t.models[len(t.models)-1].Features(), "weights", t.models[len(t.models)-1].Weights())
		if upos > bestAcc {
			best, bestAcc, bestEpoch = slices.Clone(t.models), upos, epoch
		} else if epoch-bestEpoch >= opts.Patience {
			break
		}
	}
	t.models = best
	log.Info("member trained", "epoch", bestEpoch, "dev_upos", bestAcc)
	return t, nil
}

// newUntrained returns a tagger with the classes of the training data, and
// no dictionary or weights.
func newUntrained(train []nlp.Sentence) *Tagger {
	type pair struct{ upos, xpos string }
	freq := map[pair]int{}
	for _, s := range train {
		for _, tok := range s.Tokens {
			if tok.UPOS != "" {
				freq[pair{tok.UPOS, tok.XPOS}]++
			}
		}
	}
	pairs := slices.SortedFunc(maps.Keys(freq), func(a, b pair) int {
		return cmp.Or(freq[b]-freq[a], strings.Compare(a.upos, b.upos), strings.Compare(a.xpos, b.xpos))
	})
	t := &Tagger{members: 1}
	for _, p := range pairs {
		t.upos = append(t.upos, p.upos)
		t.xpos = append(t.xpos, p.xpos)
	}
	t.finite = finiteClasses(t.xpos)
	return t
}

// newDicts returns the ambiguity-class dictionaries of the training data:
// one per fold, each built from the other folds, so that while training
// the words of a sentence look up their tags as unseen words would at run
// time, and last the one of all the data, for the model. Sentence i belongs
// to fold Fold(i, len(train), folds). The ambiguity class of a word is the set of classes seen
// with it at least minCount times.
func newDicts(t *Tagger, train []nlp.Sentence, minCount, folds int) []map[uint64]uint64 {
	type key struct {
		word uint64
		fold int
	}
	seen := map[key][]int{}
	for si, s := range train {
		cls := t.classes(s.Tokens)
		for i, tok := range s.Tokens {
			if cls[i] < 0 {
				continue
			}
			k := key{lowHash(tok.Form), Fold(si, len(train), folds)}
			if seen[k] == nil {
				seen[k] = make([]int, len(t.upos))
			}
			seen[k][cls[i]]++
		}
	}
	ids := map[string]uint64{}
	dicts := make([]map[uint64]uint64, folds+1)
	words := map[uint64]bool{}
	for k := range seen {
		words[k.word] = true
	}
	counts := make([]int, len(t.upos))
	for f := range dicts {
		dicts[f] = map[uint64]uint64{}
		for _, w := range slices.Sorted(maps.Keys(words)) {
			clear(counts)
			for g := 0; g < folds; g++ {
				if g == f {
					continue
				}
				for c, v := range seen[key{w, g}] {
					counts[c] += v
				}
			}
			var b strings.Builder
			for c, v := range counts {
				if v >= minCount {
					fmt.Fprintf(&b, "%d,", c)
				}
			}
			if b.Len() == 0 {
				continue
			}
			id, ok := ids[b.String()]
			if !ok {
				id = uint64(len(ids) + 2)
				ids[b.String()] = id
			}
			dicts[f][w] = id
		}
	}
	return dicts
}

// fixedWords returns the words seen at least min times in training, always
// with the same class, and that class.
func fixedWords(train []nlp.Sentence, gold [][]int, min int) map[uint64]int32 {
	count := map[uint64]int{}
	class := map[uint64]int{}
	for si, s := range train {
		for i, tok := range s.Tokens {
			k, c := lowHash(tok.Form), gold[si][i]
			if n, seen := count[k]; seen && (n < 0 || class[k] != c) {
				count[k] = -1 // ambiguous
				continue
			}
			count[k]++
			class[k] = c
		}
	}
	fixed := map[uint64]int32{}
	for k, n := range count {
		if n >= min && class[k] >= 0 {
			fixed[k] = int32(class[k])
		}
	}
	return fixed
}

// lowHash is the hash of the lower-cased form, as in word.Low.
func lowHash(form string) uint64 {
	return perceptron.HashRunes([]rune(strings.Map(unicode.ToLower, form)))
}

// classes returns the class of each token's gold tags, -1 for a pair not
// among the classes.
func (t *Tagger) classes(toks []nlp.Token) []int {
	out := make([]int, len(toks))
	for i, tok := range toks {
		out[i] = -1
		for c := range t.upos {
			if t.upos[c] == tok.UPOS && t.xpos[c] == tok.XPOS {
				out[i] = c
				break
			}
		}
	}
	return out
}

// accuracy returns the UPOS and XPOS accuracy in % of the tagger on the
// gold tags of sents.
func (t *Tagger) accuracy(sents []nlp.Sentence) (upos, xpos float64) {
	sc := t.getScratch()
	defer t.pool.Put(sc)
	var nu, nx, n int
	for _, s := range sents {
		t.tag(sc, s.Tokens)
		for i, tok := range s.Tokens {
			c := sc.tags[i]
			if t.upos[c] == tok.UPOS {
				nu++
			}
			if t.xpos[c] == tok.XPOS {
				nx++
			}
			n++
		}
	}
	if n == 0 {
		return 0, 0
	}
	return 100 * float64(nu) / float64(n), 100 * float64(nx) / float64(n)
}

// Jackknife returns copies of sents whose UPOS and XPOS were predicted by
// taggers that did not learn from them: sentence i falls in fold
// Fold(i, len(sents), folds),
// and each fold is tagged by a tagger trained on the others (with opts,
// and dev for model selection). Parsers learn from such tags so that they
// learn to cope with tagging errors. Folds train in parallel, up to
// workers at a time; the result does not depend on workers.
func Jackknife(ctx context.Context, sents, dev []nlp.Sentence, folds, workers int, opts Options) ([]nlp.Sentence, error) {
	if folds < 2 {
		return nil, fmt.Errorf("jackknife: %d folds, need at least 2", folds)
	}
	out := make([]nlp.Sentence, len(sents))
	for i := range sents {
		out[i] = sents[i]
		out[i].Tokens = slices.Clone(sents[i].Tokens)
	}
	opts.Progress = nil
	opts.Ensemble = 1 // the folds, not the members, use the cores
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	base := opts.Logger
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	errs := make([]error, folds)
	sem := make(chan struct{}, max(workers, 1))
	var wg sync.WaitGroup
	for f := range folds {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			var train []nlp.Sentence
			for i := range sents {
				if Fold(i, len(sents), folds) != f {
					train = append(train, sents[i])
				}
			}
			o := opts
			o.Logger = base.With("fold", f)
			t, err := Train(ctx, train, dev, o)
			if err != nil {
				errs[f] = fmt.Errorf("jackknife fold %d: %w", f, err)
				cancel()
				return
			}
			for i := range out {
				if Fold(i, len(out), folds) == f {
					t.Tag(&out[i])
				}
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// Fold returns the fold of item i of n cut into folds parts. The folds are
// contiguous runs, so that the sentences of a document mostly fall in the
// same fold: a model tested on a fold then meets, as at run time, the
// names and words of documents it has not seen.
func Fold(i, n, folds int) int { return i * folds / n }
