package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"dyad/article"
	"dyad/nlp"
	"dyad/nlp/conllu"
	"dyad/nlp/english"
)

// parseMaxBytes bounds the input of dyad parse; no news article comes close.
const parseMaxBytes = 64 << 20

func newParseCmd(g *globals) *cobra.Command {
	var format string
	var plain bool
	cmd := &cobra.Command{
		Use:   "parse FILE|-",
		Short: "Tokenise, tag, lemmatise and parse text into CoNLL-U or JSON",
		Long: `Parse reads FILE (or standard input for "-") and prints its sentences
with words, tags, lemmas and dependency trees: CoNLL-U by default, or with
--format json one JSON object per document ({"id", "text", "sentences"}),
whose word offsets are byte offsets into "text".

The input is a plain-text dump of an article (a title, a blank line, then
paragraphs, as "dyad extract" reads them), or articles as "dyad extract
--json" prints them (one JSON object per line); either way the article's
title, standfirst and body text are parsed, and captions, pull quotes and
related-story teasers left out. With --plain the input is parsed as it is,
and offsets are into the input.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if format != "conllu" && format != "json" {
				return usageError{fmt.Errorf("--format %q: want conllu or json", format)}
			}
			data, name, err := readInput(cmd.InOrStdin(), args[0])
			if err != nil {
				return err
			}
			p, err := english.Pipeline()
			if err != nil {
				return err
			}
			docs, err := parseInput(p, data, plain)
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			return writeDocs(cmd.OutOrStdout(), docs, format)
		},
	}
	cmd.Flags().StringVar(&format, "format", "conllu", "output format: conllu or json")
	cmd.Flags().BoolVar(&plain, "plain", false, "parse the input as running text, not as an article")
	return cmd
}

// readInput reads a whole file, or standard input for "-", up to
// parseMaxBytes.
func readInput(stdin io.Reader, path string) ([]byte, string, error) {
	r, name := stdin, "standard input"
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return nil, "", err
		}
		defer f.Close()
		r, name = f, path
	}
	data, err := io.ReadAll(io.LimitReader(r, parseMaxBytes+1))
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > parseMaxBytes {
		return nil, "", fmt.Errorf("%s: larger than %d bytes", name, parseMaxBytes)
	}
	return data, name, nil
}

// doc is one parsed document.
type doc struct {
	ID        string         `json:"id,omitempty"`
	Text      string         `json:"text"`
	Sentences []nlp.Sentence `json:"sentences"`
}

// parseInput parses articles in JSON Lines, an article's text dump, or
// with plain the text as it is.
func parseInput(p *nlp.Pipeline, data []byte, plain bool) ([]doc, error) {
	if plain {
		text := string(data)
		sents, err := p.Document("", text)
		if err != nil {
			return nil, err
		}
		return []doc{{Text: text, Sentences: sents}}, nil
	}
	if trimmed := bytes.TrimSpace(data); len(trimmed) > 0 && trimmed[0] == '{' {
		var docs []doc
		dec := json.NewDecoder(bytes.NewReader(data))
		for n := 1; ; n++ {
			var a article.Article
			if err := dec.Decode(&a); errors.Is(err, io.EOF) {
				return docs, nil
			} else if err != nil {
				return nil, fmt.Errorf("article %d: %w", n, err)
			}
			sents, err := p.Document(a.ID, a.FullText())
			if err != nil {
				return nil, err
			}
			docs = append(docs, doc{ID: a.ID, Text: a.FullText(), Sentences: sents})
		}
	}
	a, err := article.FromText(data)
	if err != nil {
		return nil, err
	}
	sents, err := p.Document(a.ID, a.FullText())
	if err != nil {
		return nil, err
	}
	return []doc{{ID: a.ID, Text: a.FullText(), Sentences: sents}}, nil
}

func writeDocs(w io.Writer, docs []doc, format string) error {
	bw := bufio.NewWriter(w)
	if format == "json" {
		enc := json.NewEncoder(bw)
		enc.SetEscapeHTML(false)
		for _, d := range docs {
			if err := enc.Encode(d); err != nil {
				return err
			}
		}
		return bw.Flush()
	}
	for _, d := range docs {
		for i := range d.Sentences {
			if err := conllu.Write(bw, &d.Sentences[i]); err != nil {
				return err
			}
		}
	}
	return bw.Flush()
}
