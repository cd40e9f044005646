package nlp

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Tokenizer splits raw text into sentences of tokens. Every token carries
// the byte offsets of its span in text, and every sentence its own span.
type Tokenizer interface {
	Tokenize(text string) []Sentence
}

// Tagger fills the UPOS and XPOS of every word of a sentence.
//
// Every stage (Tagger, Lemmatizer, Recognizer, Parser) annotates a
// sentence from its words alone, not from their offsets or the sentence's
// place in its text: Pipeline.Document and Pipeline.Text annotate a
// sentence that repeats an earlier one of the text word for word once.
type Tagger interface {
	Tag(s *Sentence)
}

// Lemmatizer fills the Lemma of every word of a sentence.
type Lemmatizer interface {
	Lemmatize(s *Sentence)
}

// Recognizer fills the Entities of a sentence: the named people,
// organisations and places it mentions.
type Recognizer interface {
	Recognize(s *Sentence)
}

// Parser fills the Head and DepRel of every word of a sentence. A parser
// that tags as it parses may also change a word's UPOS and XPOS to the
// tagger's runner-up (Token.Alt).
type Parser interface {
	Parse(s *Sentence)
}

// Layer is a set of annotation layers of a sentence.
type Layer uint8

// The annotation layers, in the order a pipeline adds them.
const (
	Tokens   Layer = 1 << iota // words with forms and offsets
	Tags                       // UPOS and XPOS
	Lemmas                     // lemmas
	Tree                       // heads and dependency relations
	Entities                   // named entities
)

func (l Layer) String() string {
	var names []string
	for i, n := range []string{"tokens", "tags", "lemmas", "tree", "entities"} {
		if l&(1<<i) != 0 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "none"
	}
	return strings.Join(names, "+")
}

// Needer is implemented by stages whose input needs differ from the default
// of their kind: a tagger needs Tokens; a lemmatizer and a parser need
// Tokens and Tags.
type Needer interface {
	Needs() Layer
}

// Spec names the stages of a pipeline, each built by a Registry. An empty
// name leaves the stage out. Stages run in the order tokenizer, tagger,
// parser, lemmatizer, recognizer: the lemmatizer and the recognizer come
// after the parser because a parser may change tags (see Parser).
type Spec struct {
	Tokenizer  string `json:"tokenizer,omitempty"`
	Tagger     string `json:"tagger,omitempty"`
	Lemmatizer string `json:"lemmatizer,omitempty"`
	Parser     string `json:"parser,omitempty"`
	Recognizer string `json:"recognizer,omitempty"`
	// Input is what the sentences given to Pipeline.Annotate already
	// carry, for instance Tokens|Tags for a gold-tagged treebank. With a
	// tokenizer it may stay zero.
	Input Layer `json:"input,omitempty"`
}

// ErrUnknownStage is returned when a Spec names a stage that the Registry
// does not have.
var ErrUnknownStage = errors.New("unknown stage")

// Stage kinds, as used in error messages and Registry.Names.
const (
	KindTokenizer  = "tokenizer"
	KindTagger     = "tagger"
	KindLemmatizer = "lemmatizer"
	KindParser     = "parser"
	KindRecognizer = "recognizer"
)

// Registry builds stages by name. Each stage is built at most once, on first
// use, and shared by every Pipeline the Registry makes: stages load models,
// and a model is loaded once. The zero Registry is empty and ready to use.
type Registry struct {
	mu     sync.Mutex
	stages map[string]map[string]*entry // kind → name → entry
}

type entry struct {
	once  sync.Once
	build func() (any, error)
	stage any
	err   error
}

func (e *entry) get() (any, error) {
	e.once.Do(func() { e.stage, e.err = e.build() })
	return e.stage, e.err
}

func (r *Registry) register(kind, name string, build func() (any, error)) error {
	if name == "" {
		return fmt.Errorf("register %s: empty name", kind)
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stages == nil {
		r.stages = make(map[string]map[string]*entry)
	}
	m := r.stages[kind]
	if m == nil {
		m = make(map[string]*entry)
		r.stages[kind] = m
	}
	if _, dup := m[name]; dup {
		return fmt.Errorf("register %s %q: name already registered", kind, name)
	}
	m[name] = &entry{build: build}
	return nil
}

// RegisterTokenizer adds a tokenizer under name. It fails if the name is
// empty or taken.
func (r *Registry) RegisterTokenizer(name string, build func() (Tokenizer, error)) error {
	return r.register(KindTokenizer, name, func() (any, error) { return build() })
}

// RegisterTagger adds a tagger under name. It fails if the name is empty or
// taken.
func (r *Registry) RegisterTagger(name string, build func() (Tagger, error)) error {
	return r.register(KindTagger, name, func() (any, error) { return build() })
}

// RegisterLemmatizer adds a lemmatizer under name. It fails if the name is
// empty or taken.
func (r *Registry) RegisterLemmatizer(name string, build func() (Lemmatizer, error)) error {
	return r.register(KindLemmatizer, name, func() (any, error) { return build() })
}

// RegisterParser adds a parser under name. It fails if the name is empty or
// taken.
func (r *Registry) RegisterParser(name string, build func() (Parser, error)) error {
	return r.register(KindParser, name, func() (any, error) { return build() })
}

// RegisterRecognizer adds a named-entity recogniser under name. It fails if
// the name is empty or taken.
func (r *Registry) RegisterRecognizer(name string, build func() (Recognizer, error)) error {
	return r.register(KindRecognizer, name, func() (any, error) { return build() })
}

// Names returns the registered names of one kind of stage (KindTokenizer,
// KindTagger, KindLemmatizer, KindParser or KindRecognizer), sorted.
func (r *Registry) Names(kind string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for name := range r.stages[kind] {
		out = append(out, name)
	}
	slices.Sort(out)
	return out
}

// stage builds (once) the stage of the given kind and name.
func (r *Registry) stage(kind, name string) (any, error) {
	r.mu.Lock()
	e := r.stages[kind][name]
	r.mu.Unlock()
	if e == nil {
		return nil, fmt.Errorf("%s %q: %w (have %s)", kind, name, ErrUnknownStage, strings.Join(r.Names(kind), ", "))
	}
	s, err := e.get()
	if err != nil {
		return nil, fmt.Errorf("load %s %q: %w", kind, name, err)
	}
	return s, nil
}

// Pipeline validates spec and builds its stages, loading their models. It
// fails if a name is unknown, a model does not load, or a stage needs a
// layer that neither the input nor an earlier stage provides.
func (r *Registry) Pipeline(spec Spec) (*Pipeline, error) {
	p := &Pipeline{spec: spec}
	have := spec.Input
	if spec.Tokenizer != "" {
		have |= Tokens
	}
	type step struct {
		kind, name string
		adds       Layer
		needs      Layer
		set        func(any)
	}
	steps := []step{
		{KindTokenizer, spec.Tokenizer, Tokens, 0, func(s any) { p.tokenizer = s.(Tokenizer) }},
		{KindTagger, spec.Tagger, Tags, Tokens, func(s any) { p.tagger = s.(Tagger) }},
		{KindParser, spec.Parser, Tree, Tokens | Tags, func(s any) { p.parser = s.(Parser) }},
		{KindLemmatizer, spec.Lemmatizer, Lemmas, Tokens | Tags, func(s any) { p.lemmatizer = s.(Lemmatizer) }},
		{KindRecognizer, spec.Recognizer, Entities, Tokens | Tags, func(s any) { p.recognizer = s.(Recognizer) }},
	}
	// Check the names and the chain before loading any model.
	for _, st := range steps {
		if st.name == "" {
			continue
		}
		r.mu.Lock()
		_, ok := r.stages[st.kind][st.name]
		r.mu.Unlock()
		if !ok {
			return nil, fmt.Errorf("pipeline: %s %q: %w (have %s)", st.kind, st.name, ErrUnknownStage, strings.Join(r.Names(st.kind), ", "))
		}
	}
	if have&Tokens == 0 {
		return nil, errors.New("pipeline: no tokenizer, and the input is not declared tokenized")
	}
	// The models are independent and the parser's alone takes most of a
	// second to load: load them side by side. A stage keeps its error,
	// which the loop below reports.
	var wg sync.WaitGroup
	for _, st := range steps {
		if st.name != "" {
			wg.Go(func() { _, _ = r.stage(st.kind, st.name) })
		}
	}
	wg.Wait()
	for _, st := range steps {
		if st.name == "" {
			continue
		}
		s, err := r.stage(st.kind, st.name)
		if err != nil {
			return nil, fmt.Errorf("pipeline: %w", err)
		}
		needs := st.needs
		if n, ok := s.(Needer); ok {
			needs = n.Needs()
		}
		if missing := needs &^ have; missing != 0 {
			return nil, fmt.Errorf("pipeline: %s %q needs %s, which nothing before it provides", st.kind, st.name, missing)
		}
		have |= st.adds
		st.set(s)
	}
	p.provides = have
	return p, nil
}

// Pipeline runs its stages in order: tokenizer, tagger, parser, lemmatizer,
// recognizer.
// Build one with Registry.Pipeline. A Pipeline is safe for concurrent use
// when its stages are; pipelines from one Registry share their stages.
type Pipeline struct {
	spec       Spec
	provides   Layer
	tokenizer  Tokenizer
	tagger     Tagger
	lemmatizer Lemmatizer
	parser     Parser
	recognizer Recognizer
}

// Spec returns the specification the pipeline was built from.
func (p *Pipeline) Spec() Spec { return p.spec }

// Provides returns the layers the sentences carry after the pipeline ran.
func (p *Pipeline) Provides() Layer { return p.provides }

// ErrNoTokenizer is returned by Pipeline.Text when the pipeline has no
// tokenizer.
var ErrNoTokenizer = errors.New("pipeline has no tokenizer")

// Tokenize splits text into sentences without annotating them.
func (p *Pipeline) Tokenize(text string) ([]Sentence, error) {
	if p.tokenizer == nil {
		return nil, ErrNoTokenizer
	}
	return p.tokenizer.Tokenize(text), nil
}

// Step is one stage of a pipeline after the tokenizer.
type Step struct {
	Kind string // KindTagger, KindLemmatizer, KindParser or KindRecognizer
	Name string // the name it was built by
	Run  func(s *Sentence)
}

// Steps returns the stages after the tokenizer, in the order Annotate runs
// them, for callers that time or trace each stage.
func (p *Pipeline) Steps() []Step {
	var out []Step
	if p.tagger != nil {
		out = append(out, Step{KindTagger, p.spec.Tagger, p.tagger.Tag})
	}
	if p.parser != nil {
		out = append(out, Step{KindParser, p.spec.Parser, p.parser.Parse})
	}
	if p.lemmatizer != nil {
		out = append(out, Step{KindLemmatizer, p.spec.Lemmatizer, p.lemmatizer.Lemmatize})
	}
	if p.recognizer != nil {
		out = append(out, Step{KindRecognizer, p.spec.Recognizer, p.recognizer.Recognize})
	}
	return out
}

// Text tokenizes text into sentences and annotates each of them. Offsets are
// into text.
func (p *Pipeline) Text(text string) ([]Sentence, error) {
	return p.text(text, Bounds{})
}

// Annotate runs the stages after the tokenizer on one tokenized sentence.
func (p *Pipeline) Annotate(s *Sentence) {
	if len(s.Tokens) == 0 {
		return
	}
	if p.tagger != nil {
		p.tagger.Tag(s)
	}
	if p.parser != nil {
		p.parser.Parse(s)
	}
	if p.lemmatizer != nil {
		p.lemmatizer.Lemmatize(s)
	}
	if p.recognizer != nil {
		p.recognizer.Recognize(s)
	}
}
