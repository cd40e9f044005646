package conllu

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	in, err := os.ReadFile("testdata/sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	sents, err := ReadAll(bytes.NewReader(in), "sample.conllu")
	if err != nil {
		t.Fatal(err)
	}
	if len(sents) != 2 {
		t.Fatalf("read %d sentences, want 2", len(sents))
	}
	s := sents[0]
	if s.ID != "t1" || s.Text != "Rebels don't trust the government." || len(s.Tokens) != 7 || len(s.MultiWords) != 1 {
		t.Fatalf("sentence 1 read wrong: %+v", s)
	}
	if w := s.Word(6); w.Lemma != "government" || w.Head != 4 || w.DepRel != "obj" || w.SpaceAfter() {
		t.Errorf("word 6 = %+v", w)
	}
	if got := s.Children(4); len(got) != 5 {
		t.Errorf("children of 4 = %v, want 5 of them", got)
	}
	var out bytes.Buffer
	for i := range sents {
		if err := Write(&out, &sents[i]); err != nil {
			t.Fatal(err)
		}
	}
	if out.String() != string(in) {
		t.Errorf("round trip differs:\n%s\nwant:\n%s", out.String(), in)
	}
}

func TestSyntaxErrors(t *testing.T) {
	word := "1\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n"
	tests := []struct {
		name, in string
		line     int
		msg      string
	}{
		{"few fields", "# text = A\n1\tA\ta\n", 2, "10 tab-separated fields"},
		{"bad id", "x\tA\ta\tDET\tDT\t_\t0\troot\t_\t_\n", 1, "bad word ID"},
		{"out of sequence", word + "3\tB\tb\tDET\tDT\t_\t1\tdet\t_\t_\n", 2, "out of sequence"},
		{"bad head", "1\tA\ta\tDET\tDT\t_\tz\troot\t_\t_\n", 1, "bad HEAD"},
		{"head beyond", "1\tA\ta\tDET\tDT\t_\t5\troot\t_\t_\n\n", 2, "beyond"},
		{"bad range", "2-1\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n", 1, "multiword"},
		{"range beyond", "1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n" + word, 2, "goes beyond"},
		{"long line", "# " + strings.Repeat("x", MaxLineBytes+10) + "\n", 1, "longer than"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadAll(strings.NewReader(tt.in), "in.conllu")
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want a *SyntaxError", err)
			}
			if se.Line != tt.line || !strings.Contains(se.Msg, tt.msg) || !strings.HasPrefix(err.Error(), "in.conllu:") {
				t.Errorf("err = %q (line %d), want line %d and %q", err, se.Line, tt.line, tt.msg)
			}
		})
	}
}

// TestTreebanks reads the shared UD treebanks whole: every sentence must
// come through with its words.
func TestTreebanks(t *testing.T) {
	files, _ := filepath.Glob("../../../shared/data/nlp/ud-ewt/*.conllu")
	if len(files) == 0 {
		t.Skip("../shared/data/nlp/ud-ewt not present")
	}
	want := map[string]int{"en_ewt-ud-train.conllu": 12544, "en_ewt-ud-dev.conllu": 2001, "en_ewt-ud-test.conllu": 2077}
	for _, f := range files {
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		sents, err := ReadAll(fh, f)
		fh.Close()
		if err != nil {
			t.Fatal(err)
		}
		if n := want[filepath.Base(f)]; len(sents) != n {
			t.Errorf("%s: %d sentences, want %d", f, len(sents), n)
		}
	}
}

func FuzzReader(f *testing.F) {
	seed, _ := os.ReadFile("testdata/sample.conllu")
	f.Add(seed)
	f.Add([]byte("1-2\tAB\t_\t_\t_\t_\t_\t_\t_\t_\n1\tA\t_\t_\t_\t_\t0\troot\t_\t_\n"))
	f.Add([]byte(cycle + badHead + goodSentence))
	f.Fuzz(func(t *testing.T, in []byte) {
		// Next comes to the end, reading on past bad sentences.
		r := NewReader(bytes.NewReader(in), "fuzz")
		for calls := 0; ; calls++ {
			if calls > len(in)+1 {
				t.Fatalf("Next called %d times on %d bytes without the end", calls, len(in))
			}
			if _, err := r.Next(); err == io.EOF {
				break
			}
		}
		sents, err := ReadAll(bytes.NewReader(in), "fuzz")
		if err != nil {
			return
		}
		// What was read must write and read back the same.
		var out bytes.Buffer
		for i := range sents {
			if err := Write(&out, &sents[i]); err != nil {
				t.Fatal(err)
			}
		}
		again, err := ReadAll(&out, "again")
		if err != nil {
			t.Fatalf("re-read of written output: %v\n%s", err, out.String())
		}
		if len(again) != len(sents) {
			t.Fatalf("round trip: %d sentences, then %d", len(sents), len(again))
		}
		for i := range sents {
			if len(again[i].Tokens) != len(sents[i].Tokens) {
				t.Fatalf("sentence %d: %d words, then %d", i, len(sents[i].Tokens), len(again[i].Tokens))
			}
		}
	})
}
