package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"dyad/coder"
	"dyad/dict"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/english"
)

func newCodeCmd(g *globals) *cobra.Command {
	var (
		dicts        string
		over         dict.Files
		conll        bool
		asJSON       bool
		explain      bool
		date         int
		allowNull    bool
		newActorSize int
	)
	cmd := &cobra.Command{
		Use:   "code FILE|-... [--conllu] [--dicts DIR] [--json|--explain]",
		Short: "Code political events from sentences",
		Long: `Code reads sentences — CoNLL-U with --conllu, otherwise plain text that
Dyad's NLP pipeline parses — and codes the events they report: source
actor, target actor and event code, from a PETRARCH-format dictionary set.

--dicts DIR names a directory whose PETR_config.ini lists the dictionaries
(as in PETRARCH's distribution); --actors, --agents, --verbs, --discards
and --issues (each repeatable) and --ontology replace the directory's
files of their kind, or give the dictionaries without --dicts. The date
of a sentence, which selects date-restricted actor codes, is its
"# date = YYYYMMDD" CoNLL-U comment, else --date.

Each event is printed as "CODE SOURCE TARGET" after its sentence; --explain
adds the words and the dictionary entries (with file and line) behind it,
and --json prints one JSON object per sentence.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := codeFiles(dicts, over)
			if err != nil {
				return err
			}
			t0 := time.Now()
			d, err := dict.Load(files)
			if err != nil {
				return err
			}
			log := slog.Default()
			log.Info("dictionaries loaded", "files", len(d.Files), "seconds", time.Since(t0).Seconds(), "problems", len(d.Problems))
			for _, p := range d.Problems {
				log.Debug("dictionary problem", "at", p.Source.String(), "msg", p.Msg)
			}
			cd, err := coder.New(d, coder.Options{AllowNullActor: allowNull, NewActorLength: newActorSize, Logger: log})
			if err != nil {
				return err
			}
			var parse func(string) ([]nlp.Sentence, error)
			if !conll {
				p, err := english.Pipeline()
				if err != nil {
					return err
				}
				if p.Provides()&nlp.Tree == 0 {
					return errors.New("Dyad's NLP pipeline has no dependency parser yet: give parsed input with --conllu")
				}
				parse = p.Text
			}
			out := cmd.OutOrStdout()
			for _, arg := range args {
				data, name, err := readInput(cmd.InOrStdin(), arg)
				if err != nil {
					return err
				}
				var sents []nlp.Sentence
				if conll {
					sents, err = conllu.ReadAll(bytes.NewReader(data), name)
				} else {
					sents, err = parse(string(data))
				}
				if err != nil {
					return fmt.Errorf("%s: %w", name, err)
				}
				for i := range sents {
					s := &sents[i]
					if s.ID == "" {
						s.ID = strconv.Itoa(i + 1)
					}
					res := cd.Code(s, sentenceDate(s, date))
					if err := writeCoded(out, s, res, asJSON, explain); err != nil {
						return err
					}
				}
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&dicts, "dicts", "", "directory of a PETRARCH dictionary set with a PETR_config.ini")
	f.StringSliceVar(&over.Actors, "actors", nil, "actor dictionary (repeatable)")
	f.StringSliceVar(&over.Agents, "agents", nil, "agent dictionary (repeatable)")
	f.StringSliceVar(&over.Verbs, "verbs", nil, "verb dictionary (repeatable)")
	f.StringSliceVar(&over.Discards, "discards", nil, "discard list (repeatable)")
	f.StringSliceVar(&over.Issues, "issues", nil, "issues list (repeatable)")
	f.StringVar(&over.Ontology, "ontology", "", "coding ontology (PICO file), for negated verbs")
	f.BoolVar(&conll, "conllu", false, "the input is parsed CoNLL-U")
	f.BoolVar(&asJSON, "json", false, "print one JSON object per sentence")
	f.BoolVar(&explain, "explain", false, "show the words and dictionary entries behind each event")
	f.IntVar(&date, "date", 0, "date of the sentences (YYYYMMDD) when the input gives none")
	f.BoolVar(&allowNull, "allow-null-actor", false, "code events with only one known actor")
	f.IntVar(&newActorSize, "new-actor-length", 0, "let uncoded noun phrases of up to N words stand as actors")
	return cmd
}

// codeFiles combines a dictionary directory with the files given one by
// one: a kind given explicitly replaces the directory's.
func codeFiles(dir string, over dict.Files) (dict.Files, error) {
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
		return f, errors.New("no dictionaries: give --dicts DIR, or at least --actors and --verbs")
	}
	return f, nil
}

// sentenceDate returns the date of a "# date = YYYYMMDD" comment, or def.
func sentenceDate(s *nlp.Sentence, def int) int {
	for _, c := range s.Comments {
		k, v, ok := strings.Cut(c, "=")
		if ok && strings.TrimSpace(k) == "date" {
			if d, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && d > 10000000 && d < 100000000 {
				return d
			}
		}
	}
	return def
}

// codedJSON is the JSON form of one coded sentence.
type codedJSON struct {
	Sentence string `json:"sentence"`
	Text     string `json:"text,omitempty"`
	coder.Result
}

func writeCoded(w io.Writer, s *nlp.Sentence, res coder.Result, asJSON, explain bool) error {
	if asJSON {
		if res.Events == nil {
			res.Events = []coder.Event{}
		}
		return json.NewEncoder(w).Encode(codedJSON{Sentence: s.ID, Text: s.Text, Result: res})
	}
	text := s.Text
	if text == "" {
		words := make([]string, len(s.Tokens))
		for i := range s.Tokens {
			words[i] = s.Tokens[i].Form
		}
		text = strings.Join(words, " ")
	}
	fmt.Fprintf(w, "# %s: %s\n", s.ID, text)
	if explain {
		return coder.Explain(w, res)
	}
	for _, e := range res.Events {
		if _, err := fmt.Fprintf(w, "%s %s %s\n", e.Code, e.Source, e.Target); err != nil {
			return err
		}
	}
	return nil
}
