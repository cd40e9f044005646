package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
	"dyad/nlp/tokenize"
)

const newsFixture = "testdata/newsfixture"

func fixtureDocs(t *testing.T) []NewsDoc {
	t.Helper()
	docs, err := ReadNewsDocs(filepath.Join(newsFixture, "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func defaultTokenizer(t testing.TB) *tokenize.Tokenizer {
	t.Helper()
	tok, err := tokenize.Default()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

func TestReferenceText(t *testing.T) {
	want := map[string]string{
		"c2": "Ruritania expels envoy .\nVALDORA 2001-03-04\nThe Ruritanian government expelled an envoy of Valdora . Valdora protested .\n",
		"s1": "Ruritania and Valdora held talks on Monday.\n\nThey agreed to meet again. Officials said so.\n",
		"b1": "Envoy expelled\n\nRuritania expelled the envoy. Valdora protested.\n",
		"g1": "Ruritania expels envoy\nValdora protested.\n",
		"b2": "Russia expels Georgian envoy\n\nThe Russian government expelled a Georgian diplomat on Monday.\n\nGeorgia protested to Moscow and accused Russia of spying.\n",
	}
	for _, d := range fixtureDocs(t) {
		t.Run(d.ID, func(t *testing.T) {
			got, err := ReferenceText(filepath.Join(newsFixture, "data"), d)
			if err != nil {
				t.Fatal(err)
			}
			if got != want[d.ID] {
				t.Errorf("got %q, want %q", got, want[d.ID])
			}
		})
	}
}

func TestReferenceTextErrors(t *testing.T) {
	data := filepath.Join(newsFixture, "data")
	for _, tc := range []struct {
		doc  NewsDoc
		want string
	}{
		{NewsDoc{ID: "x", Kind: KindCoNLL, Path: "conll.txt", Key: "3"}, "has 2 documents, not 3"},
		{NewsDoc{ID: "x", Kind: KindCoNLL, Path: "conll.txt", Key: "two"}, "1-based index"},
		{NewsDoc{ID: "x", Kind: KindScrapinghub, Path: "truth.json", Key: "p9"}, "has no page p9"},
		{NewsDoc{ID: "x", Kind: KindBBC, Path: "missing.txt"}, "missing.txt"},
	} {
		_, err := ReferenceText(data, tc.doc)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%+v: got %v, want an error with %q", tc.doc, err, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Ruritania expels envoy .\nVALDORA 2001-03-04\nThe Ruritanian government expelled an envoy of Valdora . Valdora protested .\n"
	got := Sentences(text, defaultTokenizer(t))
	want := []string{"Ruritania expels envoy .", "VALDORA 2001-03-04", "The Ruritanian government expelled an envoy of Valdora .", "Valdora protested ."}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences %+v, want %d", len(got), got, len(want))
	}
	for i, s := range got {
		if s.Text != want[i] || text[s.Start:s.End] != want[i] {
			t.Errorf("sentence %d: got %q at [%d,%d), want %q", i+1, s.Text, s.Start, s.End, want[i])
		}
	}
	if got[2].Line != 3 || got[3].Line != 3 {
		t.Errorf("lines %d, %d: want 3, 3", got[2].Line, got[3].Line)
	}
}

func TestCapLines(t *testing.T) {
	for _, tc := range []struct {
		text string
		max  int
		want string
	}{
		{"a\nb\nc\n", 0, "a\nb\nc\n"},
		{"a\nb\nc\n", 2, "a\nb\n"},
		{"a\n\n\nb\nc", 2, "a\n\n\nb\n"},
		{"a\nb", 5, "a\nb"},
		{"a\nb", 2, "a\nb"},
	} {
		if got := capLines(tc.text, tc.max); got != tc.want {
			t.Errorf("capLines(%q, %d) = %q, want %q", tc.text, tc.max, got, tc.want)
		}
	}
}

// writeGold writes lines as a gold file named name in a temporary directory.
func writeGold(t *testing.T, name string, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestCheckGold(t *testing.T) {
	opts := CheckOptions{
		Data:      filepath.Join(newsFixture, "data"),
		Docs:      fixtureDocs(t),
		Batches:   map[string][]string{"B": {"c2"}},
		Tokenizer: defaultTokenizer(t),
	}
	good := `{"doc":"c2","span":[44,100],"source":"RUSGOV","target":"VALGOV","code":"1622"}`
	for _, tc := range []struct {
		name, file, line string
		want             string // "" for no problem
	}{
		{"good", "B.jsonl", good, ""},
		{"good outside any batch", "free.jsonl", good, ""},
		{"second sentence of a line", "B.jsonl", `{"doc":"c2","span":[101,120],"source":"VALGOV","target":"RUSGOV","code":"141","modality":"asserted","date":"2001-03-04"}`, ""},
		{"two sentences of a line", "B.jsonl", `{"doc":"c2","span":[44,120],"source":"VALGOV","target":"RUSGOV","code":"14"}`, ""},
		{"unknown actor with a name", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"---","source_name":"Ruritania","target":"IGOUNO","code":"1623"}`, ""},
		{"not in batch", "B.jsonl", `{"doc":"g1","span":[0,22],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, "not in batch B"},
		{"unknown doc", "B.jsonl", `{"doc":"zz","span":[0,22],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, `doc "zz" is not in the documents file`},
		{"bad code", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"VALGOV","code":"099"}`, "not a CAMEO event code"},
		{"bad actor", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOVX","target":"VALGOV","code":"1622"}`, `source "RUSGOVX"`},
		{"lower-case actor", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"valgov","code":"1622"}`, `target "valgov"`},
		{"unknown without name", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"---","code":"1622"}`, "needs target_name"},
		{"no target", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","code":"1622"}`, "no target"},
		{"bad modality", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"VALGOV","code":"1622","modality":"maybe"}`, `modality "maybe"`},
		{"bad date", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"VALGOV","code":"1622","date":"2001-02-30x"}`, "date"},
		{"span mid-sentence", "B.jsonl", `{"doc":"c2","span":[1,24],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, "does not start at a sentence"},
		{"span ends mid-sentence", "B.jsonl", `{"doc":"c2","span":[0,20],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, "does not end at a sentence"},
		{"span over lines", "B.jsonl", `{"doc":"c2","span":[0,43],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, "more than one line"},
		{"span outside", "B.jsonl", `{"doc":"c2","span":[0,999],"source":"RUSGOV","target":"VALGOV","code":"1622"}`, "not within"},
		{"unknown field", "B.jsonl", `{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"VALGOV","code":"1622","sorce":"X"}`, "unknown field"},
		{"not JSON", "B.jsonl", `doc c2`, "invalid character"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeGold(t, tc.file, "# a comment", "", tc.line)
			_, errs := CheckGold([]string{path}, opts)
			if tc.want == "" {
				for _, err := range errs {
					t.Error(err)
				}
				return
			}
			if len(errs) == 0 {
				t.Fatalf("no problem found, want %q", tc.want)
			}
			if msg := errs[0].Error(); !strings.Contains(msg, tc.want) || !strings.HasPrefix(msg, path+":3: ") {
				t.Errorf("got %q, want %s:3: ...%s...", msg, path, tc.want)
			}
		})
	}
}

func TestReadNewsDocsErrors(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{`{"id":"a","set":"train","kind":"bbc","path":"x"}`, "set"},
		{`{"id":"a","set":"dev","kind":"html","path":"x"}`, "kind"},
		{`{"id":"a","set":"dev","kind":"bbc","path":"../x"}`, "path"},
		{`{"id":"a","set":"dev","kind":"conll","path":"x"}`, "needs a key"},
		{`{"set":"dev","kind":"bbc","path":"x"}`, "no id"},
	} {
		path := writeGold(t, "docs.jsonl", `{"id":"z","set":"dev","kind":"bbc","path":"x"}`, tc.line)
		_, err := ReadNewsDocs(path)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path+":2: ") {
			t.Errorf("%s: got %v, want %s:2: ...%s", tc.line, err, path, tc.want)
		}
	}
}

// TestNewsDocuments reads the evaluation's documents from the shared data:
// every one must give a reference text with sentences, and the batch lists
// must cover the sets exactly.
func TestNewsDocuments(t *testing.T) {
	data := sharedtest.Path(t)
	docs, err := ReadNewsDocs(filepath.Join("testdata", "news", "docs.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	tok := defaultTokenizer(t)
	sets := map[string]int{}
	for _, d := range docs {
		text, err := ReferenceText(data, d)
		if err != nil {
			t.Error(err)
			continue
		}
		if n := len(Sentences(text, tok)); n < 4 {
			t.Errorf("%s: %d sentences", d.ID, n)
		}
		sets[d.Set]++
	}
	if sets["dev"] < 64 || sets["test"] < 64 {
		t.Errorf("dev %d, test %d documents: want at least 64 each", sets["dev"], sets["test"])
	}
	// A batch belongs to the set whose directory holds its gold file
	// (dev/D2.jsonl, test/T1.jsonl): the batches are found, not listed, so
	// that a new dev batch is checked like the others.
	lists, err := filepath.Glob(filepath.Join("testdata", "news", "batches", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	inBatch, batchSet := map[string]string{}, map[string]string{}
	for _, list := range lists {
		b := strings.TrimSuffix(filepath.Base(list), ".txt")
		for _, set := range NewsSets {
			if _, err := os.Stat(filepath.Join("testdata", "news", set, b+".jsonl")); err == nil {
				batchSet[b] = set
			}
		}
		if batchSet[b] == "" {
			t.Errorf("batch %s has no gold file in any of %v", b, NewsSets)
		}
		ids, err := ReadBatch(list)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if prev, ok := inBatch[id]; ok {
				t.Errorf("%s is in batches %s and %s", id, prev, b)
			}
			inBatch[id] = b
		}
	}
	for _, d := range docs {
		b, ok := inBatch[d.ID]
		if !ok || batchSet[b] != d.Set {
			t.Errorf("%s (%s) is in batch %q", d.ID, d.Set, b)
		}
	}
	if len(inBatch) != len(docs) {
		t.Errorf("batches list %d documents, docs.jsonl %d", len(inBatch), len(docs))
	}
}

func FuzzReadGold(f *testing.F) {
	f.Add([]byte(`{"doc":"c2","span":[0,24],"source":"RUSGOV","target":"VALGOV","code":"1622"}` + "\n# c\n"))
	f.Add([]byte(`{"doc":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "g.jsonl")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		gold, err := ReadGold(path)
		if err != nil {
			return
		}
		for i := range gold {
			checkEvent(&gold[i])
			checkSpan(gold[i].Span, nil, len(data))
		}
	})
}
