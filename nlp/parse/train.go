package parse

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"maps"
	"math/rand/v2"
	"runtime"
	"slices"
	"strings"
	"sync"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
	"dyad/nlp/tag"
)

// Options configure Train. The zero value gives the settings of the shipped
// model.
type Options struct {
	// Epochs is the largest number of passes over the training data
	// (default 20).
	Epochs int
	// Patience stops training after this many epochs without a better score
	// on the dev set (default 4).
	Patience int
	// Seed seeds the shuffling and exploration; the same data, options and
	// seed give the same model.
	Seed uint64
	// Explore is the probability, from the second epoch on, of following
	// the parser's own prediction rather than the oracle's choice, so that
	// it learns to recover from its mistakes (default 0.9).
	Explore float64
	// Beam is the width of the beam the parser learns with: 1 learns to
	// parse greedily with the dynamic oracle, wider beams learn with
	// max-violation updates (default 8).
	Beam int
	// SearchBeam is the width of the beam the parser searches with once
	// trained (default 16).
	SearchBeam int
	// SearchMargin makes the trained parser keep only the states of its
	// beam that score within this margin of the best, in units of one
	// perceptron update of the summed model (default 400; negative keeps
	// every state). The beam then stays narrow where the parse is clear
	// and widens where it is in doubt: with the defaults the parser is
	// faster than with a plain beam of 4, and more accurate by 0.45 UAS on
	// EWT dev but only 0.10 on EWT test.
	SearchMargin float64
	// Ensemble is the number of models, learnt with seeds Seed, Seed+1...,
	// whose weights are summed into the shipped one (default 4).
	Ensemble int
	// MinWeight drops from the transition model the features whose weights
	// are all below it in magnitude, in units of one update (default 2).
	MinWeight int
	// LabelPasses is the number of labelling passes; each pass after the
	// first sees the labels of the one before (default 2).
	LabelPasses int
	// Folds is the number of folds for jackknifing the training tags
	// (default 10).
	Folds int
	// AltMargin is how close the tagger's runner-up tags must come to its
	// first choice (nlp.TagAlt.Margin) for the parser to choose between
	// the two as it parses (default 60, in the units of nlp.TagAlt.Margin;
	// negative: never).
	AltMargin float64
	// Step is the precision to which the model's weights are rounded
	// (default 1, the size of one perceptron update).
	Step float32
	// Tagger tags the dev sentences; nil means tag.Default().
	Tagger *tag.Tagger
	// TagOptions train the jackknifing taggers; they should be those of the
	// tagger that will run before the parser.
	TagOptions tag.Options
	// Workers bounds the goroutines training at once (default GOMAXPROCS).
	Workers int
	// Logger receives one line per epoch; nil discards.
	Logger *slog.Logger
	// Progress, if set, is called as training advances, possibly from
	// several goroutines at once.
	Progress func(Progress)
}

// Progress reports how far training has come.
type Progress struct {
	Stage         string  // "jackknife", "parser" or "labeler"
	Epoch, Epochs int     // current epoch (1-based) and the most there may be
	Done, Total   int     // sentences of the epoch done, and in all
	Dev           float64 // best dev score so far, in % (UAS, or label accuracy)
}

func (o *Options) defaults() {
	if o.Epochs <= 0 {
		o.Epochs = 20
	}
	if o.Patience <= 0 {
		o.Patience = 4
	}
	if o.Explore <= 0 {
		o.Explore = 0.9
	}
	if o.Folds <= 0 {
		o.Folds = 10
	}
	if o.LabelPasses <= 0 {
		o.LabelPasses = 2
	}
	if o.Beam <= 0 {
		o.Beam = 8
	}
	if o.SearchBeam <= 0 {
		o.SearchBeam = 16
	}
	if o.SearchMargin == 0 {
		o.SearchMargin = 400
	}
	if o.AltMargin == 0 {
		o.AltMargin = 60
	}
	if o.Ensemble <= 0 {
		o.Ensemble = 4
	}
	if o.MinWeight <= 0 {
		o.MinWeight = 2
	}
	if o.Step <= 0 {
		o.Step = 1
	}
	if o.Workers <= 0 {
		o.Workers = runtime.GOMAXPROCS(0)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Progress == nil {
		o.Progress = func(Progress) {}
	}
}

// example is a training or dev sentence prepared for learning.
type example struct {
	atoms  []atom
	n      int   // words
	gold   []int // gold heads, index 0 is -1
	proj   []int // gold heads made projective, the root at n+1 (see rootLast)
	labels []int // gold label classes, -1 for a label unknown to the model
	// alt tells, for words 1..n, whether the gold tags are the tagger's
	// runner-up rather than its first choice.
	alt []bool
}

// Train learns a parser from train, whose tags it replaces by jackknifed
// predictions (with their runner-ups), keeping the epochs that parse dev
// (tagged by opts.Tagger) best.
func Train(ctx context.Context, train, dev []nlp.Sentence, opts Options) (*Parser, error) {
	opts.defaults()
	log := opts.Logger.With("component", "parse")
	if len(train) == 0 || len(dev) == 0 {
		return nil, errors.New("train parser: no training or no dev sentences")
	}
	tagger := opts.Tagger
	if tagger == nil {
		var err error
		if tagger, err = tag.Default(); err != nil {
			return nil, fmt.Errorf("train parser: %w", err)
		}
	}
	opts.Progress(Progress{Stage: "jackknife"})
	tagOpts := opts.TagOptions
	tagOpts.Seed = opts.Seed
	tagOpts.Logger = log
	jk, err := tag.Jackknife(ctx, train, dev, opts.Folds, opts.Workers, tagOpts)
	if err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	devTagged := make([]nlp.Sentence, len(dev))
	for i := range dev {
		devTagged[i] = dev[i]
		devTagged[i].Tokens = slices.Clone(dev[i].Tokens)
		tagger.Tag(&devTagged[i])
	}

	p := &Parser{labels: labelSet(train), beam: opts.SearchBeam, margin: max(opts.SearchMargin, 0), altMargin: max(opts.AltMargin, 0)}
	dicts := ambiguityDicts(jk, opts.Folds)
	p.dict = dicts[opts.Folds]
	trainEx, devEx := p.examples(jk, train, dicts[:opts.Folds]), p.examples(devTagged, dev, dicts[opts.Folds:])
	// Each member of the ensemble learns its transitions and its labels at
	// once, all members in parallel.
	actions := make([]*perceptron.Model, opts.Ensemble)
	labelers := make([][]*perceptron.Model, opts.Ensemble)
	errs := make([]error, 2*opts.Ensemble)
	var wg sync.WaitGroup
	for e := range opts.Ensemble {
		o := opts
		o.Seed = opts.Seed + uint64(e)
		l := log.With("member", e)
		wg.Go(func() { actions[e], errs[2*e] = trainActions(ctx, trainEx, devEx, o, l) })
		wg.Go(func() { labelers[e], errs[2*e+1] = p.trainLabeler(ctx, trainEx, devEx, o, l) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("train parser: %w", err)
	}
	p.actions = perceptron.Sum(actions...).Prune(opts.MinWeight)
	for pass := range opts.LabelPasses {
		var ms []*perceptron.Model
		for _, l := range labelers {
			ms = append(ms, l[pass])
		}
		p.labelers = append(p.labelers, perceptron.Sum(ms...))
	}
	uas, las := p.score(devEx)
	log.Info("trained", "dev_uas", uas, "dev_las", las)
	return p, nil
}

// labelSet returns the dependency relations of the training data, most
// frequent first.
func labelSet(train []nlp.Sentence) []string {
	freq := map[string]int{}
	for _, s := range train {
		for _, t := range s.Tokens {
			freq[t.DepRel]++
		}
	}
	return slices.SortedFunc(maps.Keys(freq), func(a, b string) int {
		return cmp.Or(freq[b]-freq[a], strings.Compare(a, b))
	})
}

// ambiguityDicts returns the ambiguity-class dictionaries of the training
// sentences: one per fold (see tag.Fold), built from the other folds, for
// the sentences of the fold, then one of all of them, for the model. The ambiguity class of a word is the set of XPOS it has.
func ambiguityDicts(sents []nlp.Sentence, folds int) []map[uint64]uint64 {
	type key struct {
		word uint64
		fold int
	}
	tags := map[key]map[string]bool{}
	words := map[uint64]bool{}
	var runes []rune
	for i, s := range sents {
		for _, t := range s.Tokens {
			var w uint64
			w, runes = lowerHash(t.Form, runes)
			k := key{w, tag.Fold(i, len(sents), folds)}
			if tags[k] == nil {
				tags[k] = map[string]bool{}
			}
			tags[k][t.XPOS] = true
			words[w] = true
		}
	}
	dicts := make([]map[uint64]uint64, folds+1)
	for f := range dicts {
		dicts[f] = map[uint64]uint64{}
		for w := range words {
			set := map[string]bool{}
			for g := range folds {
				if g != f {
					maps.Copy(set, tags[key{w, g}])
				}
			}
			if len(set) > 0 {
				dicts[f][w] = perceptron.Hash(strings.Join(slices.Sorted(maps.Keys(set)), " "))
			}
		}
	}
	return dicts
}

// examples prepares tagged sentences for learning, with the gold trees
// and tags of gold, looking up the words of the sentences of fold f in
// dicts[f] (see tag.Fold).
func (p *Parser) examples(tagged, gold []nlp.Sentence, dicts []map[uint64]uint64) []example {
	class := map[string]int{}
	for c, l := range p.labels {
		class[l] = c
	}
	out := make([]example, len(tagged))
	var runes []rune
	for i, s := range tagged {
		ex := &out[i]
		ex.n = len(s.Tokens)
		ex.atoms, runes = prepareAtoms(nil, s.Tokens, runes, dicts[tag.Fold(i, len(tagged), len(dicts))], p.altMargin)
		ex.gold = make([]int, ex.n+1)
		ex.labels = make([]int, ex.n+1)
		ex.alt = make([]bool, ex.n+2)
		ex.gold[0], ex.labels[0] = -1, -1
		for j, t := range gold[i].Tokens {
			ex.gold[j+1] = t.Head
			c, ok := class[t.DepRel]
			if !ok {
				c = -1
			}
			ex.labels[j+1] = c
			pred := &s.Tokens[j]
			ex.alt[j+1] = ex.atoms[j+1].alt != 0 && pred.Alt.UPOS == t.UPOS && pred.Alt.XPOS == t.XPOS
		}
		ex.proj = rootLast(projectivize(ex.gold))
	}
	return out
}

// trainActions learns the transition classifier with the dynamic oracle.
func trainActions(ctx context.Context, train, dev []example, opts Options, log *slog.Logger) (*perceptron.Model, error) {
	tr := perceptron.NewTrainer(nActions)
	var st state
	var feats []uint64
	scores := make([]float32, nActions)
	var b beam
	var oracle []int
	score := &trainerScorer{tr: tr}
	var costs [nActions]int
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	// Epochs are chosen by parsing dev with a plain beam of 4 (or the
	// learning beam, if narrower): a model learnt with a beam of 8 loses
	// little with it, and it is cheap.
	eval := &Parser{beam: min(opts.Beam, 4)}
	var best *perceptron.Model
	bestUAS, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for done, i := range order {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				opts.Progress(Progress{Stage: "parser", Epoch: epoch, Epochs: opts.Epochs, Done: done, Total: len(order), Dev: max(bestUAS, 0)})
			}
			ex := &train[i]
			if opts.Beam > 1 {
				oracle = staticOracle(ex.proj, oracle)
				b.search(ex.atoms, ex.n, opts.Beam, 0, score, true)
				b.update(tr, ex.atoms, oracle, ex.alt, score)
				tr.Tick()
				continue
			}
			b.u.prepare(ex.atoms)
			st.reset(ex.n, b.u.cls)
			for !st.done() {
				feats = features(feats[:0], &st, ex.atoms, &b.u, &b.rs)
				tr.Score(feats, scores)
				pred, good, minCost := -1, -1, 1<<30
				for a := range nActions {
					if !st.valid(a) {
						continue
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					costs[a] = st.cost(a, ex.proj)
					if costs[a] < minCost || costs[a] == minCost && scores[a] > scores[good] {
						good, minCost = a, costs[a]
					}
				}
				if costs[pred] > minCost {
					tr.Update(feats, good, pred)
				}
				tr.Tick()
				next := good
				if epoch > 1 && rng.Float64() < opts.Explore {
					next = pred
				}
				st.apply(next)
			}
		}
		eval.actions = tr.Average(opts.Step)
		uas := eval.uas(dev)
		log.Info("parser epoch", "epoch", epoch, "dev_uas", uas, "features", eval.actions.Features(), "weights", eval.actions.Weights())
		if uas > bestUAS {
			best, bestUAS, bestEpoch = eval.actions, uas, epoch
		} else if epoch-bestEpoch >= opts.Patience {
			break
		}
	}
	log.Info("parser trained", "epoch", bestEpoch, "dev_uas", bestUAS)
	return best, nil
}

// uas returns the unlabeled attachment score in % of the transition
// classifier on examples.
func (p *Parser) uas(exs []example) float64 {
	sc := &scratch{scores: make([]int32, nActions)}
	defer func() { sc.atoms = nil }()
	good, total := 0, 0
	for i := range exs {
		sc.atoms, sc.n = exs[i].atoms, exs[i].n
		p.parse(sc)
		for d := 1; d < len(exs[i].gold); d++ {
			if sc.heads[d] == exs[i].gold[d] {
				good++
			}
			total++
		}
	}
	return 100 * float64(good) / float64(max(total, 1))
}

// trainLabeler learns the labelling passes on gold trees.
func (p *Parser) trainLabeler(ctx context.Context, train, dev []example, opts Options, log *slog.Logger) ([]*perceptron.Model, error) {
	n := len(p.labels)
	trs := make([]*perceptron.Trainer, opts.LabelPasses)
	for i := range trs {
		trs[i] = perceptron.NewTrainer(n)
	}
	var t tree
	var feats []uint64
	scores := make([]float32, n)
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best []*perceptron.Model
	bestAcc, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed^0x1abe1, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for done, i := range order {
			if done%256 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				opts.Progress(Progress{Stage: "labeler", Epoch: epoch, Epochs: opts.Epochs, Done: done, Total: len(order), Dev: max(bestAcc, 0)})
			}
			ex := &train[i]
			t.build(ex.gold)
			for pass, tr := range trs {
				if pass > 0 {
					t.prev = append(t.prev[:0], t.labels...)
					for w := range t.labels {
						t.labels[w] = -1
					}
				}
				for _, d := range t.order {
					feats = labelFeatures(feats[:0], &t, ex.atoms, d)
					tr.Score(feats, scores)
					pred := perceptron.Best(scores, nil)
					if g := ex.labels[d]; g >= 0 && g != pred {
						tr.Update(feats, g, pred)
					}
					tr.Tick()
					t.labels[d] = pred
				}
			}
		}
		var ms []*perceptron.Model
		for _, tr := range trs {
			ms = append(ms, tr.Average(opts.Step))
		}
		acc := labelAccuracy(ms, dev, n)
		log.Info("labeler epoch", "epoch", epoch, "dev_label_acc", acc, "features", ms[len(ms)-1].Features(), "weights", ms[len(ms)-1].Weights())
		if acc > bestAcc {
			best, bestAcc, bestEpoch = ms, acc, epoch
		} else if epoch-bestEpoch >= opts.Patience {
			break
		}
	}
	log.Info("labeler trained", "epoch", bestEpoch, "dev_label_acc", bestAcc)
	return best, nil
}

// labelAccuracy returns the accuracy in % of labelling passes on the gold
// trees of examples.
func labelAccuracy(passes []*perceptron.Model, exs []example, n int) float64 {
	var t tree
	var feats []uint64
	scores := make([]int32, n)
	good, total := 0, 0
	for i := range exs {
		ex := &exs[i]
		t.build(ex.gold)
		feats = labelTree(&t, ex.atoms, passes, feats, scores)
		for _, d := range t.order {
			if t.labels[d] == ex.labels[d] {
				good++
			}
			total++
		}
	}
	return 100 * float64(good) / float64(max(total, 1))
}

// score returns the UAS and LAS in % of the parser on examples.
func (p *Parser) score(exs []example) (uas, las float64) {
	sc := &scratch{scores: make([]int32, max(nActions, len(p.labels)))}
	var ua, la, total int
	for i := range exs {
		ex := &exs[i]
		sc.atoms, sc.n = ex.atoms, ex.n
		p.parse(sc)
		p.label(sc)
		for d := 1; d < len(ex.gold); d++ {
			if sc.tr.heads[d] == ex.gold[d] {
				ua++
				if sc.tr.labels[d] == ex.labels[d] {
					la++
				}
			}
			total++
		}
	}
	return 100 * float64(ua) / float64(max(total, 1)), 100 * float64(la) / float64(max(total, 1))
}
