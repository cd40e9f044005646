// Package conllu reads and writes sentences in the CoNLL-U format of
// Universal Dependencies (https://universaldependencies.org/format.html).
//
// A Reader follows the bufio.Scanner pattern: call Scan until it returns
// false, take each Sentence, then check Err once. Errors carry the line
// number. Next instead reports a sentence that cannot be read and goes on
// with the next one. Empty nodes (IDs such as "8.1", used by enhanced dependencies) are
// skipped: Dyad works on the basic tree.
package conllu

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"dyad/nlp"
)

// MaxLineBytes bounds one line of input; longer lines are an error rather
// than a reason to buffer without limit.
const MaxLineBytes = 1 << 20

// MaxWords bounds the words of one sentence.
const MaxWords = 10000

// SyntaxError reports malformed CoNLL-U input.
type SyntaxError struct {
	Name string // file name, if known
	Line int    // 1-based line number
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Name != "" {
		return fmt.Sprintf("%s:%d: %s", e.Name, e.Line, e.Msg)
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Reader reads sentences from CoNLL-U input.
type Reader struct {
	sc     *bufio.Scanner
	name   string
	line   int
	sent   nlp.Sentence
	err    error
	inSent bool // the last error came before the end of its sentence
}

// NewReader returns a Reader reading from r. The name, if not empty, is used
// in error messages.
func NewReader(r io.Reader, name string) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), MaxLineBytes)
	return &Reader{sc: sc, name: name}
}

func (r *Reader) errorf(format string, args ...any) bool {
	r.err = &SyntaxError{Name: r.name, Line: r.line, Msg: fmt.Sprintf(format, args...)}
	return false
}

// Scan advances to the next sentence. It returns false at the end of the
// input or on the first error; Err tells which.
func (r *Reader) Scan() bool {
	if r.err != nil {
		return false
	}
	r.sent = nlp.Sentence{Start: -1, End: -1}
	started := false
	for r.sc.Scan() {
		r.line++
		line := strings.TrimRight(r.sc.Text(), "\r")
		if r.line == 1 {
			line = strings.TrimPrefix(line, "\ufeff")
		}
		if strings.TrimSpace(line) == "" {
			if started {
				return r.finish()
			}
			continue
		}
		started = true
		if strings.HasPrefix(line, "#") {
			r.comment(line)
			continue
		}
		if !r.word(line) {
			r.inSent = true
			return false
		}
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			r.line++
			return r.errorf("line longer than %d bytes", MaxLineBytes)
		}
		r.err = fmt.Errorf("read %s: %w", r.name, err)
		return false
	}
	if started {
		return r.finish()
	}
	return false
}

func (r *Reader) comment(line string) {
	c := strings.TrimSpace(strings.TrimPrefix(line, "#"))
	if k, v, ok := strings.Cut(c, "="); ok {
		switch strings.TrimSpace(k) {
		case "sent_id":
			r.sent.ID = strings.TrimSpace(v)
			return
		case "text":
			r.sent.Text = strings.TrimSpace(v)
			return
		}
	}
	r.sent.Comments = append(r.sent.Comments, c)
}

func (r *Reader) word(line string) bool {
	f := strings.Split(line, "\t")
	if len(f) != 10 {
		return r.errorf("want 10 tab-separated fields, have %d", len(f))
	}
	id := f[0]
	if strings.Contains(id, ".") {
		return true // empty node of the enhanced graph
	}
	if a, b, ok := strings.Cut(id, "-"); ok {
		first, err1 := strconv.Atoi(a)
		last, err2 := strconv.Atoi(b)
		if err1 != nil || err2 != nil || first < 1 || last < first {
			return r.errorf("bad multiword token range %q", id)
		}
		if first != len(r.sent.Tokens)+1 {
			return r.errorf("multiword token %q does not start at the next word %d", id, len(r.sent.Tokens)+1)
		}
		r.sent.MultiWords = append(r.sent.MultiWords, nlp.MultiWord{First: first, Last: last, Form: f[1], Misc: field(f[9])})
		return true
	}
	n, err := strconv.Atoi(id)
	if err != nil {
		return r.errorf("bad word ID %q", id)
	}
	if n != len(r.sent.Tokens)+1 {
		return r.errorf("word ID %d out of sequence, want %d", n, len(r.sent.Tokens)+1)
	}
	if n > MaxWords {
		return r.errorf("sentence longer than %d words", MaxWords)
	}
	head := -1
	if f[6] != "_" {
		head, err = strconv.Atoi(f[6])
		if err != nil || head < 0 {
			return r.errorf("bad HEAD %q for word %d", f[6], n)
		}
	}
	r.sent.Tokens = append(r.sent.Tokens, nlp.Token{
		ID: n, Form: f[1], Lemma: field(f[2]), UPOS: field(f[3]), XPOS: field(f[4]),
		Feats: field(f[5]), Head: head, DepRel: field(f[7]), Deps: field(f[8]), Misc: field(f[9]),
		Start: -1, End: -1,
	})
	return true
}

// field maps the CoNLL-U "_" placeholder to "". A lemma or form that really
// is an underscore is ambiguous in the format itself; the form column is
// kept verbatim.
func field(s string) string {
	if s == "_" {
		return ""
	}
	return s
}

func (r *Reader) finish() bool {
	s := &r.sent
	n := len(s.Tokens)
	if n == 0 {
		return r.errorf("sentence %q has no words", s.ID)
	}
	for i := range s.Tokens {
		if s.Tokens[i].Head > n {
			return r.errorf("word %d of sentence %q has HEAD %d beyond its %d words", i+1, s.ID, s.Tokens[i].Head, n)
		}
	}
	for _, mw := range s.MultiWords {
		if mw.Last > n {
			return r.errorf("multiword token %d-%d of sentence %q goes beyond its %d words", mw.First, mw.Last, s.ID, n)
		}
	}
	if w := cycleAt(s.Tokens); w > 0 {
		return r.errorf("the heads of sentence %q form a cycle through word %d: not a tree", s.ID, w)
	}
	return true
}

// cycleAt returns a word on a cycle of heads (1-based), or 0 if every
// word's heads lead to the root. Words without a head (-1, unparsed) end
// their path as the root does.
func cycleAt(toks []nlp.Token) int {
	// state: 0 unvisited, 1 on the current path, 2 known to reach the root.
	state := make([]uint8, len(toks)+1)
	state[0] = 2
	var path []int
	for i := 1; i <= len(toks); i++ {
		path = path[:0]
		w := i
		for state[w] == 0 {
			state[w] = 1
			path = append(path, w)
			h := toks[w-1].Head
			if h < 0 {
				break
			}
			w = h
		}
		if state[w] == 1 && toks[w-1].Head >= 0 {
			return w
		}
		for _, p := range path {
			state[p] = 2
		}
	}
	return 0
}

// Next returns the next sentence, io.EOF at the end of the input, or the
// *SyntaxError of a sentence that cannot be read; that sentence is then
// skipped, and the next call reads on after it. Other errors (a line too
// long, a read error) end the input. Next and Scan are not to be mixed.
func (r *Reader) Next() (nlp.Sentence, error) {
	if r.Scan() {
		return r.sent, nil
	}
	err := r.err
	if err == nil {
		return nlp.Sentence{}, io.EOF
	}
	var se *SyntaxError
	if errors.As(err, &se) && r.sc.Err() == nil {
		r.err = nil
		if r.inSent {
			r.inSent = false
			r.skip()
		}
	}
	return nlp.Sentence{}, err
}

// skip reads past the rest of a sentence, to its blank line.
func (r *Reader) skip() {
	for r.sc.Scan() {
		r.line++
		if strings.TrimSpace(r.sc.Text()) == "" {
			return
		}
	}
}

// Sentence returns the sentence read by the last successful Scan. The value
// is the caller's to keep.
func (r *Reader) Sentence() nlp.Sentence { return r.sent }

// Err returns the first error met, or nil at a clean end of input.
func (r *Reader) Err() error { return r.err }

// ReadAll reads every sentence from r.
func ReadAll(r io.Reader, name string) ([]nlp.Sentence, error) {
	cr := NewReader(r, name)
	var out []nlp.Sentence
	for cr.Scan() {
		out = append(out, cr.Sentence())
	}
	return out, cr.Err()
}

// Write writes s in CoNLL-U, followed by the blank line that ends a sentence.
// Empty fields are written as "_"; a head of -1 (unparsed) too.
func Write(w io.Writer, s *nlp.Sentence) error {
	bw := bufio.NewWriter(w)
	// UD puts document and paragraph markers before sent_id and text.
	for _, c := range s.Comments {
		if isBoundary(c) {
			fmt.Fprintf(bw, "# %s\n", oneLine(c))
		}
	}
	if s.ID != "" {
		fmt.Fprintf(bw, "# sent_id = %s\n", oneLine(s.ID))
	}
	if s.Text != "" {
		fmt.Fprintf(bw, "# text = %s\n", oneLine(s.Text))
	}
	for _, c := range s.Comments {
		if !isBoundary(c) {
			fmt.Fprintf(bw, "# %s\n", oneLine(c))
		}
	}
	mw := 0
	for i := range s.Tokens {
		t := &s.Tokens[i]
		for mw < len(s.MultiWords) && s.MultiWords[mw].First == t.ID {
			m := s.MultiWords[mw]
			fmt.Fprintf(bw, "%d-%d\t%s\t_\t_\t_\t_\t_\t_\t_\t%s\n", m.First, m.Last, cell(m.Form), cell(m.Misc))
			mw++
		}
		head := "_"
		if t.Head >= 0 {
			head = strconv.Itoa(t.Head)
		}
		fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, cell(t.Form), cell(t.Lemma),
			cell(t.UPOS), cell(t.XPOS), cell(t.Feats), head, cell(t.DepRel), cell(t.Deps), cell(t.Misc))
	}
	bw.WriteString("\n")
	return bw.Flush()
}

// cell makes s safe for one CoNLL-U field: no tabs or newlines, "_" if empty.
func cell(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func isBoundary(comment string) bool {
	return strings.HasPrefix(comment, "newdoc") || strings.HasPrefix(comment, "newpar")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
