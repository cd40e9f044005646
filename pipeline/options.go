package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"dyad/article/dedup"
	"dyad/coder"
	"dyad/dict"
	"dyad/dict/builtin"
	"dyad/geo"
	"dyad/nlp"
	"dyad/source"
)

// Options configure a Pipeline. The zero value codes local inputs with
// Dyad's built-in dictionaries and NLP stages, leaves near-duplicates
// uncoded, and runs GOMAXPROCS workers.
type Options struct {
	// Dicts chooses the dictionaries: "" or "default" for Dyad's own,
	// built in; "phoenix" for the Phoenix set installed under DictHome;
	// anything else is the directory of a PETRARCH-format set.
	Dicts string
	// DictFiles replace the files of their kind in a PETRARCH-format set,
	// or, with Dicts empty, are the whole set.
	DictFiles dict.Files
	// DictHome is where "dyad dict install" puts dictionary sets.
	DictHome string
	// Dictionary, if not nil, is used as it is, and Dicts and DictFiles
	// are ignored.
	Dictionary *dict.Dictionary
	// Coder configures the sentence coder; its Logger defaults to Logger.
	Coder coder.Options

	// NLP names the NLP stages; the zero Spec means Registry's default,
	// english.DefaultSpec.
	NLP nlp.Spec
	// Registry builds the stages; nil means english.Registry().
	Registry *nlp.Registry

	// Gazetteer places events (story.Options.Gazetteer); nil means
	// Dyad's built-in one, geo.Default. NoGeo leaves events unplaced.
	Gazetteer *geo.Gazetteer
	NoGeo     bool

	// ExtractOnly stops after near-duplicate marking: no dictionaries,
	// no NLP, and Results carry articles, duplicates included.
	ExtractOnly bool
	// CoNLLU reads every input as parsed sentences in CoNLL-U: sentences
	// under one "# newdoc" comment are one article (without such
	// comments, each sentence is one), dated by a "# date = YYYYMMDD"
	// comment.
	CoNLLU bool
	// Stdin is read for the input "-": a plain-text article (or CoNLL-U).
	Stdin io.Reader

	// Source configures reading, fetching included.
	Source source.Options
	// Dedup configures near-duplicate marking.
	Dedup dedup.Options
	// NoDedup codes near-duplicates too (and marks none).
	NoDedup bool
	// DedupEachInput looks for near-duplicates within each input, not
	// across inputs: an input is one batch (a day's crawl), or in a
	// benchmark one repetition of the corpus.
	DedupEachInput bool

	// Date dates articles that give no date.
	Date time.Time
	// Workers is the number of documents extracted, and of articles
	// parsed and coded, at once, and the number of cores a run keeps busy
	// with both; 0 means GOMAXPROCS.
	Workers int
	// Limits bound the work on one article.
	Limits Limits
	// Logger receives a line per near-duplicate left uncoded (info) and
	// the stages' own lines; nil discards.
	Logger *slog.Logger
}

// Limits bound the work spent on one article. A zero field takes its
// default; a negative one sets no bound.
type Limits struct {
	// MaxTextBytes bounds the text that is parsed: title, standfirst and
	// body (default 1 MiB, some twenty times the longest news article).
	MaxTextBytes int
	// Timeout bounds the parsing and coding of one article (default 20 s;
	// a long article takes a tenth of a second).
	Timeout time.Duration
}

// DefaultLimits are the limits of the zero Limits.
var DefaultLimits = Limits{MaxTextBytes: 1 << 20, Timeout: 20 * time.Second}

func (l Limits) withDefaults() Limits {
	if l.MaxTextBytes == 0 {
		l.MaxTextBytes = DefaultLimits.MaxTextBytes
	}
	if l.Timeout == 0 {
		l.Timeout = DefaultLimits.Timeout
	}
	return l
}

func (o Options) workers() int {
	if o.Workers > 0 {
		return o.Workers
	}
	return runtime.GOMAXPROCS(0)
}

func (o Options) logger() *slog.Logger {
	if o.Logger != nil {
		return o.Logger.With("component", "pipeline")
	}
	return slog.New(slog.DiscardHandler)
}

// ErrNoPhoenix is returned when the Phoenix dictionaries are asked for and
// are not installed.
var ErrNoPhoenix = errors.New("the Phoenix dictionaries are not installed")

// LoadDictionary returns the dictionaries that o.Dicts and o.DictFiles
// name: the built-in set by default, the installed Phoenix set, or a
// PETRARCH-format directory with files replaced by those given one by one.
func LoadDictionary(o Options) (*dict.Dictionary, error) {
	over := o.DictFiles
	overridden := len(over.Actors)+len(over.Agents)+len(over.Verbs)+len(over.Discards)+len(over.Issues) > 0 || over.Ontology != ""
	switch {
	case o.Dicts == "default" && overridden:
		return nil, errors.New("dictionary files replace files of a PETRARCH-format set; they do not apply to the default dictionaries")
	case o.Dicts == "default", o.Dicts == "" && !overridden:
		return builtin.Dictionary()
	}
	dir := o.Dicts
	if dir == "phoenix" {
		dir = filepath.Join(o.DictHome, "phoenix")
		if _, err := os.Stat(filepath.Join(dir, dict.ConfigName)); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf(`%w (no %s): run "dyad dict install phoenix"`, ErrNoPhoenix, dir)
		}
	}
	files, err := dictFiles(dir, over)
	if err != nil {
		return nil, err
	}
	return dict.Load(files)
}

// dictFiles combines a dictionary directory with the files given one by
// one: a kind given explicitly replaces the directory's.
func dictFiles(dir string, over dict.Files) (dict.Files, error) {
	var f dict.Files
	if dir != "" {
		var err error
		if f, err = dict.FilesFromDir(dir); err != nil {
			return f, err
		}
	}
	if len(over.Actors) > 0 {
		f.Actors = over.Actors
	}
	if len(over.Agents) > 0 {
		f.Agents = over.Agents
	}
	if len(over.Verbs) > 0 {
		f.Verbs = over.Verbs
	}
	if len(over.Discards) > 0 {
		f.Discards = over.Discards
	}
	if len(over.Issues) > 0 {
		f.Issues = over.Issues
	}
	if over.Ontology != "" {
		f.Ontology = over.Ontology
	}
	if len(f.Actors) == 0 || len(f.Verbs) == 0 {
		return f, errors.New("no dictionaries: choose default, phoenix or a directory, or give at least actor and verb files")
	}
	return f, nil
}
