package tokenize

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp/conllu"
	"dyad/nlp/treebank"
)

const paragraphs = `# newdoc id = d1
# sent_id = 1
# text = Hope all is well.
1	Hope	_	_	_	_	_	_	_	_

# sent_id = 2
# text = Thanks
1	Thanks	_	_	_	_	_	_	_	_

# newpar
# sent_id = 3
1-2	Don't	_	_	_	_	_	_	_	SpaceAfter=No
1	Do	_	_	_	_	_	_	_	_
2	n't	_	_	_	_	_	_	_	_
3	!	_	_	_	_	_	_	_	_

`

func TestParagraphs(t *testing.T) {
	sents, err := conllu.ReadAll(strings.NewReader(paragraphs), "test")
	if err != nil {
		t.Fatal(err)
	}
	got := Paragraphs(sents)
	if len(got) != 2 || got[0].Text != "Hope all is well. Thanks" || got[1].Text != "Don't!" {
		t.Fatalf("Paragraphs = %+v", got)
	}
	if len(got[0].Ends) != 2 || got[0].Ends[0] != 17 || got[0].Ends[1] != 24 || got[1].Ends[0] != 6 {
		t.Errorf("ends = %v, %v", got[0].Ends, got[1].Ends)
	}
}

func TestTrainSplitter(t *testing.T) {
	// Sign-offs without punctuation end sentences in this "corpus".
	var ex []Example
	for _, name := range []string{"Jeff", "Anna", "Omar", "Lee"} {
		text := "See you soon Thanks " + name + " The report is attached."
		ex = append(ex, Example{Text: text, Ends: []int{len("See you soon"), len("See you soon Thanks " + name), len(text)}})
	}
	var models [2]bytes.Buffer
	for i := range models {
		s, err := TrainSplitter(context.Background(), ex, SplitterOptions{Seed: 7})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.WriteTo(&models[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(models[0].Bytes(), models[1].Bytes()) {
		t.Fatal("the same data and seed gave different models")
	}
	s, err := ReadSplitter(&models[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, sent := range New(Options{Splitter: s}).Tokenize("See you soon Thanks Jeff The report is attached.") {
		got = append(got, sent.Text)
	}
	if strings.Join(got, "|") != "See you soon|Thanks Jeff|The report is attached." {
		t.Errorf("learned split = %q", got)
	}
	if _, err := TrainSplitter(context.Background(), nil, SplitterOptions{}); err == nil {
		t.Error("training on nothing succeeded")
	}
	if _, err := ReadSplitter(strings.NewReader("not a model")); err == nil {
		t.Error("read a model that is not one")
	}
}

// TestShippedSplitter checks that `dyad train splitter` reproduces the
// embedded model from the shared treebanks, byte for byte.
func TestShippedSplitter(t *testing.T) {
	dirs := treebank.DefaultDirs(sharedtest.Path(t))
	train, err := dirs.Training()
	if err != nil {
		t.Fatal(err)
	}
	s, err := TrainSplitter(context.Background(), Paragraphs(train), SplitterOptions{Seed: 1})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := s.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), defaultSplitterModel) {
		t.Error("the embedded splitter differs from a fresh training: run `dyad train splitter`")
	}
	// Read, which checks every slot where DefaultSplitter trusts the
	// model, accepts it.
	if _, err := ReadSplitter(bytes.NewReader(defaultSplitterModel)); err != nil {
		t.Error(err)
	}
}
