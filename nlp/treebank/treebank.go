// Package treebank reads the treebanks Dyad's NLP models learn from and are
// measured on: UD English EWT, split into train, dev and test files, and the
// Wikinews documents of UD English GUM, one file per document, whose split
// is listed in splits.txt.
package treebank

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"dyad/nlp"
	"dyad/nlp/conllu"
)

// The splits of a treebank.
const (
	Train = "train"
	Dev   = "dev"
	Test  = "test"
)

// ReadFile reads all sentences of a CoNLL-U file.
func ReadFile(path string) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return conllu.ReadAll(bufio.NewReader(f), path)
}

// EWT reads one split of UD English EWT from dir (the folder holding
// en_ewt-ud-train.conllu and its siblings).
func EWT(dir, split string) ([]nlp.Sentence, error) {
	return ReadFile(filepath.Join(dir, "en_ewt-ud-"+split+".conllu"))
}

// GUMDocs lists the documents of one split of the GUM news folder dir, in
// the order of its splits.txt.
func GUMDocs(dir, split string) ([]string, error) {
	name := filepath.Join(dir, "splits.txt")
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	var docs []string
	for i, line := range strings.Split(string(data), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		if len(f) != 2 {
			return nil, fmt.Errorf("%s:%d: want \"split document\", have %q", name, i+1, line)
		}
		if f[0] == split {
			docs = append(docs, f[1])
		}
	}
	if len(docs) == 0 {
		return nil, fmt.Errorf("%s: no document in split %q", name, split)
	}
	return docs, nil
}

// GUM reads the sentences of the documents of one split of the GUM news
// folder dir.
func GUM(dir, split string) ([]nlp.Sentence, error) {
	docs, err := GUMDocs(dir, split)
	if err != nil {
		return nil, err
	}
	var out []nlp.Sentence
	for _, d := range docs {
		s, err := ReadFile(filepath.Join(dir, d+".conllu"))
		if err != nil {
			return nil, err
		}
		out = append(out, s...)
	}
	return out, nil
}

// Dirs locates the two treebanks.
type Dirs struct {
	EWT string // folder of en_ewt-ud-*.conllu
	GUM string // folder of the GUM news documents and splits.txt
}

// DefaultDirs returns the treebank folders under a shared data directory
// laid out as ../shared/data.
func DefaultDirs(shared string) Dirs {
	return Dirs{EWT: filepath.Join(shared, "nlp", "ud-ewt"), GUM: filepath.Join(shared, "nlp", "gum-news")}
}

// Training reads the material Dyad's models are trained on: EWT train plus
// the GUM news documents of the train split. Model selection uses EWT dev
// alone (see EWT).
func (d Dirs) Training() ([]nlp.Sentence, error) {
	ewt, err := EWT(d.EWT, Train)
	if err != nil {
		return nil, err
	}
	gum, err := GUM(d.GUM, Train)
	if err != nil {
		return nil, err
	}
	return append(ewt, gum...), nil
}
