package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"dyad/nlp"
)

// Data are the sentences the recogniser learns from and is scored on, read
// from the shared data directory.
type Data struct {
	Train, Dev []nlp.Sentence // learning; Dev chooses the epoch
	Test       []Set          // held out
}

// Set is a named set of sentences.
type Set struct {
	Name  string
	Sents []nlp.Sentence
}

// ReadData reads the data sets under shared (…/shared/data): GUM's entity
// annotations of all genres (the news documents of GUM's test split are a
// Test set; those of its dev split and every fifth other document, in name
// order, are Dev; the rest Train), Universal NER's EWT
// dev (Train) and test (Test), and CoNLL-2003 test (Test: its licence
// allows evaluation only).
func ReadData(shared string) (*Data, error) {
	gum := filepath.Join(shared, "nlp", "gum-entities")
	split, err := readSplits(filepath.Join(gum, "splits-news.txt"))
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(gum, "tsv", "*.tsv"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no GUM entity files in %s", filepath.Join(gum, "tsv"))
	}
	slices.Sort(files)
	d := &Data{}
	gumTest := Set{Name: "GUM news test"}
	for i, f := range files {
		sents, err := readFile(f, ReadGUM)
		if err != nil {
			return nil, err
		}
		// GUM's news dev split alone (64 sentences) is too small to choose
		// an epoch by.
		switch s := split[strings.TrimSuffix(filepath.Base(f), ".tsv")]; {
		case s == "test":
			gumTest.Sents = append(gumTest.Sents, sents...)
		case s == "dev", i%5 == 0:
			d.Dev = append(d.Dev, sents...)
		default:
			d.Train = append(d.Train, sents...)
		}
	}
	readBIO := func(r io.Reader, name string) ([]nlp.Sentence, error) {
		s, _, err := ReadBIO(r, name)
		return s, err
	}
	uner := filepath.Join(shared, "nlp", "uner-ewt")
	unerDev, err := readFile(filepath.Join(uner, "en_ewt-ud-dev.iob2"), readBIO)
	if err != nil {
		return nil, err
	}
	d.Train = append(d.Train, unerDev...)
	unerTest, err := readFile(filepath.Join(uner, "en_ewt-ud-test.iob2"), readBIO)
	if err != nil {
		return nil, err
	}
	conll, err := readFile(filepath.Join(shared, "nlp", "conll2003", "bio", "test.txt"), readBIO)
	if err != nil {
		return nil, err
	}
	d.Test = append(d.Test, gumTest, Set{Name: "UNER EWT test", Sents: unerTest}, Set{Name: "CoNLL-2003 test", Sents: conll})
	return d, nil
}

func readFile(path string, read func(io.Reader, string) ([]nlp.Sentence, error)) ([]nlp.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return read(f, path)
}

// readSplits reads GUM's "split document" lines.
func readSplits(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 {
			continue
		}
		if len(fs) != 2 {
			return nil, fmt.Errorf("%s:%d: expected a split and a document name", path, line)
		}
		m[fs[1]] = fs[0]
	}
	return m, sc.Err()
}
