// Package english assembles Dyad's English NLP stages into an nlp.Registry
// and gives the default pipeline built from it.
package english

import (
	"sync"

	"dyad/nlp"
	"dyad/nlp/internal/perceptron"
	"dyad/nlp/lemma"
	"dyad/nlp/ner"
	"dyad/nlp/parse"
	"dyad/nlp/tag"
	"dyad/nlp/tokenize"
)

// The names of the built-in stages.
const (
	Tokenizer  = "ud-english"       // tokenizer with the learned sentence splitter (nlp/tokenize)
	RuleTokens = "ud-english-rules" // the same tokenizer, sentences split by rules alone
	Tagger     = "perceptron"       // UPOS+XPOS tagger (nlp/tag)
	Lemmatizer = "ud-english"       // lexicon, exception lists and suffix rules (nlp/lemma)
	Parser     = "perceptron"       // transition-based dependency parser (nlp/parse)
	Recognizer = "perceptron"       // named-entity recogniser (nlp/ner)
)

// NewRegistry returns a Registry holding the built-in English stages. Models
// load when a pipeline first uses them.
func NewRegistry() *nlp.Registry {
	r := &nlp.Registry{}
	must(r.RegisterTokenizer(Tokenizer, func() (nlp.Tokenizer, error) { return tokenize.Default() }))
	must(r.RegisterTokenizer(RuleTokens, func() (nlp.Tokenizer, error) {
		return tokenize.New(tokenize.Options{}), nil
	}))
	must(r.RegisterTagger(Tagger, func() (nlp.Tagger, error) { return tag.Default() }))
	must(r.RegisterLemmatizer(Lemmatizer, func() (nlp.Lemmatizer, error) { return lemma.Default() }))
	must(r.RegisterParser(Parser, func() (nlp.Parser, error) { return parse.Default() }))
	must(r.RegisterRecognizer(Recognizer, func() (nlp.Recognizer, error) { return ner.Default() }))
	return r
}

// must panics on a registration error, which can only be a programming
// error in this file (a duplicate or empty name).
func must(err error) {
	if err != nil {
		panic(err)
	}
}

// DefaultSpec names the stages of the default pipeline: every built-in
// stage.
func DefaultSpec() nlp.Spec {
	return nlp.Spec{Tokenizer: Tokenizer, Tagger: Tagger, Lemmatizer: Lemmatizer, Parser: Parser, Recognizer: Recognizer}
}

// ForLongRuns makes the tagger, parser and recogniser models that load
// from then on (by any registry) copy their large tables into memory of
// their own, on huge pages where the system has them, rather than use them
// where they lie in the program's image: tagging and parsing take about a
// tenth less CPU time, for about 0.1-0.5 s more when the models load. It
// is for commands that code many articles; call it before the first
// pipeline is built. A parse of one sentence is faster without it.
func ForLongRuns() { perceptron.SetResident(true) }

var shared = sync.OnceValue(NewRegistry)

// Registry returns the process-wide registry of built-in stages, so that
// each model loads once however many pipelines use it.
func Registry() *nlp.Registry { return shared() }

// Pipeline returns a pipeline of the default stages from Registry.
func Pipeline() (*nlp.Pipeline, error) {
	return shared().Pipeline(DefaultSpec())
}
