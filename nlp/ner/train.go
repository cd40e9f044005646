package ner

import (
	"context"
	"errors"
	"log/slog"
	"math/rand/v2"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
)

// Options configure Train. The zero value gives the settings of the shipped
// model.
type Options struct {
	Epochs   int    // largest number of passes over the data (default 15)
	Patience int    // stop after this many epochs without a better dev F1 (default 3)
	Seed     uint64 // seeds the shuffling; the same data and seed give the same model
	// Gazetteer maps upper-case phrases (words joined by one space) to an
	// entity type; the model keeps it.
	Gazetteer map[string]string
	// Logger receives one line per epoch; nil discards.
	Logger *slog.Logger
}

// Train learns a recogniser from the gold Entities of train (tagged
// sentences), keeping the epoch whose F1 on dev is best. (An ensemble of
// three seeds summed, as the tagger has, did no better on dev.)
func Train(ctx context.Context, train, dev []nlp.Sentence, opts Options) (*Recognizer, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 15
	}
	if opts.Patience <= 0 {
		opts.Patience = 3
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	if len(train) == 0 || len(dev) == 0 {
		return nil, errors.New("train ner: no training or no dev sentences")
	}
	r := &Recognizer{labels: labelNames(), gaz: newGazetteer(opts.Gazetteer)}
	index := map[string]int{}
	for c, l := range r.labels {
		index[l] = c
	}
	gold := make([][]int, len(train))
	for i, s := range train {
		g := make([]int, len(s.Tokens))
		for _, e := range s.Entities {
			g[e.First] = index["B-"+e.Type]
			for k := e.First + 1; k <= e.Last; k++ {
				g[k] = index["I-"+e.Type]
			}
		}
		gold[i] = g
	}
	tr := perceptron.NewTrainer(len(r.labels))
	scores := make([]float32, len(r.labels))
	sc := &scratch{}
	order := make([]int, len(train))
	for i := range order {
		order[i] = i
	}
	var best *perceptron.Model
	bestF, bestEpoch := -1.0, 0
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			toks := train[si].Tokens
			prepare(sc, toks, r.gaz)
			sc.labels = sc.labels[:0]
			for i := range toks {
				sc.feats = features(sc.feats[:0], sc.words, i, sc.labels)
				tr.Score(sc.feats, scores)
				prev := 0
				if i > 0 {
					prev = sc.labels[i-1]
				}
				pred := perceptron.Best(scores, func(c int) bool { return allowed(r.labels, prev, c) })
				if g := gold[si][i]; pred != g {
					tr.Update(sc.feats, g, pred)
				}
				tr.Tick()
				// Learn from the gold history, as the model is used
				// greedily on its own: following the prediction made
				// training less stable on the small data.
				sc.labels = append(sc.labels, gold[si][i])
			}
		}
		r.model = tr.Average(1)
		f := r.Evaluate(dev).F1()
		log.Info("epoch", "epoch", epoch, "dev_f1", f, "features", r.model.Features())
		if f > bestF {
			best, bestF, bestEpoch = r.model, f, epoch
		} else if epoch-bestEpoch >= opts.Patience {
			break
		}
	}
	r.model = best
	log.Info("trained", "epoch", bestEpoch, "dev_f1", bestF)
	return r, nil
}

// Counts are the entity-level matches of a recogniser against gold
// entities: an entity is right when its type and both ends are.
type Counts struct {
	Correct, Found, Gold map[string]int // by type
}

// Evaluate recognises the entities of the sentences and counts them
// against the sentences' own (gold) Entities.
func (r *Recognizer) Evaluate(sents []nlp.Sentence) Counts {
	c := Counts{Correct: map[string]int{}, Found: map[string]int{}, Gold: map[string]int{}}
	for i := range sents {
		c.Add(sents[i].Entities, r.Find(&sents[i]))
	}
	return c
}

// Add counts one sentence's predicted entities against its gold ones.
func (c Counts) Add(gold, found []nlp.Entity) {
	g := map[nlp.Entity]bool{}
	for _, e := range gold {
		g[e] = true
		c.Gold[e.Type]++
	}
	for _, e := range found {
		c.Found[e.Type]++
		if g[e] {
			c.Correct[e.Type]++
		}
	}
}

// PRF returns precision, recall and F1 (in %) for one type, or over all
// types when typ is "".
func (c Counts) PRF(typ string) (p, r, f float64) {
	var cor, fnd, gld int
	for _, t := range Types {
		if typ == "" || typ == t {
			cor, fnd, gld = cor+c.Correct[t], fnd+c.Found[t], gld+c.Gold[t]
		}
	}
	if fnd > 0 {
		p = 100 * float64(cor) / float64(fnd)
	}
	if gld > 0 {
		r = 100 * float64(cor) / float64(gld)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return p, r, f
}

// F1 is the F1 over all types, in %.
func (c Counts) F1() float64 { _, _, f := c.PRF(""); return f }
