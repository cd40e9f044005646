package pipeline

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/internal/sharedtest"
	"dyad/nlp/conllu"
)

var (
	update = flag.Bool("update", false, "rewrite testdata/corpus.sha256 with the digests of this build's output")
	dump   = flag.String("dump", "", "write what TestCorpusOutput's run gave, events too, to files in this directory, for diffing")
)

// TestCorpusOutput runs every Scrapinghub page and BBC text of the shared
// data through the pipeline and compares what extraction and the NLP
// stages gave — the extracted articles (near-duplicates marked); the
// tokens, tags, lemmas, parses and named entities — with the digests in
// testdata/corpus.sha256. A change meant only to make Dyad faster must
// leave both the same; a change of output that is meant (a retrained
// model, a new extraction rule) is accepted with -update. The coded events
// change with every dictionary entry, so they have no digest here: with
// -dump DIR the articles, the sentences and the events with their
// explanations are written out, so that two builds can be diffed (see
// docs/PERFORMANCE.md).
func TestCorpusOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("codes the whole corpus")
	}
	inputs := []string{
		sharedtest.Path(t, "news", "text", "bbc-2005"),
		sharedtest.Path(t, "extraction", "scrapinghub", "html"),
	}
	outs := map[string]*bytes.Buffer{"articles": {}, "sentences": {}, "events": {}}
	articles := NewWriter(outs["articles"], ArticleJSON, WriterOptions{})
	events := NewWriter(outs["events"], Text, WriterOptions{Explain: true, Added: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)})
	opts := Options{Workers: 2, Date: time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)}
	sum, err := Run(context.Background(), inputs, opts, SinkFunc(func(ctx context.Context, r *Result) error {
		if r.Err != nil {
			fmt.Fprintf(outs["events"], "%s\n", r.Err)
		}
		if err := articles.Put(ctx, r); err != nil {
			return err
		}
		if err := events.Put(ctx, r); err != nil {
			return err
		}
		if r.Story == nil {
			return nil
		}
		w := outs["sentences"]
		for _, s := range r.Story.Sentences {
			if s.Parsed == nil {
				continue
			}
			if err := conllu.Write(w, s.Parsed); err != nil {
				return err
			}
			ents, err := json.Marshal(s.Parsed.Entities)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "# entities = %s\n\n", ents)
		}
		return nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Coded < 150 || sum.Events == 0 {
		t.Fatalf("summary %+v", sum)
	}
	// The articles' origins are paths under the shared data, which differ
	// from checkout to checkout.
	root := []byte(filepath.Clean(sharedtest.Root()))
	got := map[string]string{}
	for name, b := range outs {
		out := bytes.ReplaceAll(b.Bytes(), root, []byte("$SHARED"))
		got[name] = fmt.Sprintf("%x", sha256.Sum256(out))
		if *dump != "" {
			if err := os.WriteFile(filepath.Join(*dump, name+".txt"), out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	const golden = "testdata/corpus.sha256"
	if *update {
		var b strings.Builder
		for _, name := range []string{"articles", "sentences"} {
			fmt.Fprintf(&b, "%s  %s\n", got[name], name)
		}
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(golden)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	checked := 0
	for sc.Scan() {
		sum, name, _ := strings.Cut(sc.Text(), "  ")
		checked++
		if got[name] != sum {
			t.Errorf("the %s differ from those of %s (go test ./pipeline -run TestCorpusOutput -dump DIR writes them out; -update accepts them)", name, golden)
		}
	}
	if checked != 2 {
		t.Errorf("%s has %d digests, want those of the articles and the sentences", golden, checked)
	}
}
