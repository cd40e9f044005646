package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"dyad/article"
	"dyad/source"
)

const goodText = "Talks resume in Geneva\n\nNegotiators from both sides met on Monday.\n"

func write(t *testing.T, path, data string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestExtractBadInputs runs extract over good and bad inputs together: each
// bad one gets one line naming it and its problem, the good ones are still
// printed, and the run reports failure.
func TestExtractBadInputs(t *testing.T) {
	dir := t.TempDir()
	good := write(t, filepath.Join(dir, "good.txt"), goodText)
	empty := write(t, filepath.Join(dir, "empty.txt"), "")
	binary := write(t, filepath.Join(dir, "binary.bin"), "\x7fELF\x02\x01\x01\x00\x00\x00\x00")
	invalid := write(t, filepath.Join(dir, "invalid.txt"), "Title\n\nCafé au lait \xff\xfe costs more.\n")
	huge := filepath.Join(dir, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 2 GB file: no disk used, and nothing may read it whole.
	if err := f.Truncate(2 << 30); err != nil {
		t.Fatal(err)
	}
	f.Close()

	// A directory with files that cannot be read: a dangling link, a FIFO
	// (which must not block the run), and, when not root, a file without
	// read permission.
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	write(t, filepath.Join(sub, "ok.txt"), goodText)
	dangling := filepath.Join(sub, "dangling.txt")
	if err := os.Symlink(filepath.Join(sub, "missing"), dangling); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(sub, "fifo.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	wantErr := map[string]string{
		empty:    "empty file",
		binary:   "binary data",
		invalid:  "invalid UTF-8 at line 3",
		huge:     "file is 2.0 GiB, over the",
		dangling: "no such file",
		fifo:     "not a regular file",
	}
	if os.Geteuid() != 0 {
		noperm := write(t, filepath.Join(sub, "noperm.txt"), goodText)
		os.Chmod(noperm, 0)
		wantErr[noperm] = "permission denied"
	}
	missing := filepath.Join(dir, "missing.txt")
	wantErr[missing] = "no such file"

	var stdout, stderr bytes.Buffer
	err = runExtract(context.Background(), &stdout, &stderr, []string{good, empty, binary, invalid, huge, sub, missing}, &extractOptions{json: true, maxBytes: defaultMaxBytes}, false)
	var rep errReported
	if !errors.As(err, &rep) || rep.failed != len(wantErr) {
		t.Errorf("err = %v, want %d failures reported", err, len(wantErr))
	}
	lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
	if len(lines) != len(wantErr) {
		t.Errorf("stderr has %d lines, want %d:\n%s", len(lines), len(wantErr), stderr.String())
	}
	for path, msg := range wantErr {
		found := false
		for _, l := range lines {
			if strings.Contains(l, path+":") && strings.Contains(l, msg) {
				found = true
			}
		}
		if !found {
			t.Errorf("no error line naming %s with %q in:\n%s", path, msg, stderr.String())
		}
	}
	// The two good files are printed, one JSON object each.
	dec := json.NewDecoder(&stdout)
	n := 0
	for dec.More() {
		var a article.Article
		if err := dec.Decode(&a); err != nil {
			t.Fatal(err)
		}
		if a.Title != "Talks resume in Geneva" {
			t.Errorf("title = %q", a.Title)
		}
		n++
	}
	if n != 2 {
		t.Errorf("%d articles printed, want 2", n)
	}
}

func TestExtractMaxBytes(t *testing.T) {
	p := write(t, filepath.Join(t.TempDir(), "a.txt"), goodText)
	var stdout, stderr bytes.Buffer
	err := runExtract(context.Background(), &stdout, &stderr, []string{p}, &extractOptions{maxBytes: 10}, false)
	if err == nil || !strings.Contains(stderr.String(), "over the 10 B limit") {
		t.Errorf("err = %v, stderr = %q", err, stderr.String())
	}
}

func TestExtractText(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if err := runExtract(context.Background(), &stdout, &stderr, []string{"../../examples/tripoli-truce.txt"}, &extractOptions{maxBytes: defaultMaxBytes}, false); err != nil {
		t.Fatalf("%v: %s", err, stderr.String())
	}
	out := stdout.String()
	for _, want := range []string{"Rival militias agree truce in Tripoli\n", "source: Dyad Example News", "## Months of fighting", "[caption] Fighters loyal", "[pullquote] Both sides", "Related:\n  - Oil output resumes"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestFetchFlagsHostile is issue 13 cases 4, 6 and 7 at the command line:
// a blank --user-agent panicked, --max-bytes had no upper bound, and a
// corrupt --cache stopped the run.
func TestFetchFlagsHostile(t *testing.T) {
	input := "../../examples/tripoli-truce.txt"
	for _, o := range []*extractOptions{
		{maxBytes: defaultMaxBytes, userAgent: " "},
		{maxBytes: 1 << 40},
		{maxBytes: -1},
	} {
		var stdout, stderr bytes.Buffer
		err := runExtract(context.Background(), &stdout, &stderr, []string{input}, o, false)
		if err == nil || !strings.HasPrefix(err.Error(), "--") {
			t.Errorf("%+v: error %v, want one naming the flag", o, err)
		}
	}
	cache := filepath.Join(t.TempDir(), "cache.json")
	os.WriteFile(cache, []byte("{truncated"), 0o644)
	var stdout, stderr bytes.Buffer
	if err := runExtract(context.Background(), &stdout, &stderr, []string{input}, &extractOptions{maxBytes: defaultMaxBytes, cache: cache}, false); err != nil {
		t.Errorf("corrupt cache: %v", err)
	}
	if stdout.Len() == 0 {
		t.Error("corrupt cache: nothing extracted")
	}
	if b, _ := os.ReadFile(cache); !bytes.HasPrefix(b, []byte("{")) || bytes.Equal(b, []byte("{truncated")) {
		t.Errorf("corrupt cache not replaced: %q", b)
	}
}

// TestHintNamesOnlyItsFlag is issue 13 case 9: the page limits of HTML
// extraction (nesting depth, 16 MiB, elements), which --max-bytes does not
// change, were hinted at with "(see --max-bytes)".
func TestHintNamesOnlyItsFlag(t *testing.T) {
	deep := strings.Repeat("<div>", 5000) + "<p>Negotiators met on Monday.</p>"
	_, err := article.FromHTML([]byte(deep), "", "text/html")
	if !errors.Is(err, article.ErrPageTooLarge) {
		t.Fatalf("nesting: %v", err)
	}
	if h := hint(err); h != "" {
		t.Errorf("hint for %v: %q", err, h)
	}
	if h := hint(fmt.Errorf("x: %w", source.ErrTooLarge)); h != " (see --max-bytes)" {
		t.Errorf("hint for source.ErrTooLarge: %q", h)
	}
}
