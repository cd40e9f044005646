package coder

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"dyad/nlp/conllu"
)

// FuzzCode codes arbitrary CoNLL-U input: the coder must not panic,
// whatever the tree, and its spans must lie within the sentence.
func FuzzCode(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", "cases.conllu"))
	if err != nil {
		f.Fatal(err)
	}
	for _, block := range bytes.Split(data, []byte("\n\n")) {
		f.Add(append(block, '\n'))
	}
	f.Add([]byte("1\tit\tit\tPRON\t_\t_\t2\tnsubj\t_\t_\n2\tsaid\tsay\tVERB\t_\t_\t2\troot\t_\t_\n"))
	c, err := New(testDict(f), Options{AllowNullActor: true, NewActorLength: 3})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in []byte) {
		sents, err := conllu.ReadAll(bytes.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		for i := range sents {
			r := c.Code(&sents[i], 20200101)
			n := len(sents[i].Tokens)
			for _, e := range r.Events {
				for _, sp := range []Span{e.Verb, e.SourceSpan, e.TargetSpan} {
					if sp.First < 0 || sp.Last > n || sp.First > sp.Last {
						t.Fatalf("span %+v outside the %d words", sp, n)
					}
				}
				if e.Code == "" || e.Source == "" || e.Target == "" {
					t.Fatalf("event with an empty field: %+v", e)
				}
			}
		}
	})
}
