package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"dyad/nlp/conllu"
	"dyad/nlp/english"
)

func TestParseInput(t *testing.T) {
	p, err := english.Pipeline()
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("../../examples/tripoli-truce.txt")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, in string
		plain    bool
		docs     int
		first    string // text of the first sentence
		sents    int
	}{
		{"plain text", "Iraq fighters restore ties\n\nThe truce holds. Gen. Petraeus doesn't agree.", true, 1, "Iraq fighters restore ties", 3},
		{"text dump", string(example), false, 1, "Rival militias agree truce in Tripoli", 0},
		{"article JSON lines", `{"id":"a1","title":"Truce agreed","blocks":[{"kind":"paragraph","text":"Rebels mend fences."}]}` + "\n" +
			`{"id":"a2","title":"Clashes in Baghdad","standfirst":"Fighting resumed.","blocks":[]}`, false, 2, "Truce agreed", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := parseInput(p, []byte(tt.in), tt.plain)
			if err != nil {
				t.Fatal(err)
			}
			if len(docs) != tt.docs || tt.sents > 0 && len(docs[0].Sentences) != tt.sents || docs[0].Sentences[0].Text != tt.first {
				t.Fatalf("parseInput = %+v", docs)
			}
			if strings.Contains(docs[0].Text, "patrol") {
				t.Error("the image caption was parsed")
			}
			// CoNLL-U out reads back.
			var out bytes.Buffer
			if err := writeDocs(&out, docs, "conllu"); err != nil {
				t.Fatal(err)
			}
			back, err := conllu.ReadAll(&out, "out")
			if err != nil {
				t.Fatalf("output is not CoNLL-U: %v\n%s", err, out.String())
			}
			n := 0
			for _, d := range docs {
				n += len(d.Sentences)
			}
			if len(back) != n || !strings.HasPrefix(back[0].Comments[0], "newdoc") {
				t.Errorf("read back %d sentences (want %d), comments %v", len(back), n, back[0].Comments)
			}
			// JSON out: one object per document, offsets into its text.
			out.Reset()
			if err := writeDocs(&out, docs, "json"); err != nil {
				t.Fatal(err)
			}
			dec := json.NewDecoder(&out)
			var d doc
			if err := dec.Decode(&d); err != nil {
				t.Fatal(err)
			}
			w := d.Sentences[0].Tokens[0]
			if d.Text[w.Start:w.End] != w.Form || w.Lemma == "" || w.UPOS == "" {
				t.Errorf("JSON word %+v does not point at %q", w, d.Text)
			}
		})
	}
	if _, err := parseInput(p, []byte(`{"id": 3}`), false); err == nil || !strings.Contains(err.Error(), "article 1") {
		t.Errorf("bad JSON: %v", err)
	}
}
