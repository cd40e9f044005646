package dict

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxFileBytes bounds one dictionary file. The Phoenix set's largest file
// is 1.5 MB.
const MaxFileBytes = 64 << 20

// MaxLineBytes bounds one line of a dictionary file.
const MaxLineBytes = 256 << 10

// maxPhraseWords bounds the words of one phrase; longer "phrases" are
// garbage, and matching cost grows with them.
const maxPhraseWords = 32

// SyntaxError reports input that cannot be a dictionary file at all.
type SyntaxError struct {
	File string
	Line int
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// line is one line of a dictionary file with its comments removed.
type line struct {
	text    string // without comments, trimmed on the right
	comment string // the text after '#', trimmed
	indent  bool   // the raw line starts with a space or tab
	src     Source
}

// readLines reads a dictionary file into lines, dropping comments (XML-style
// <!-- --> spanning lines, '#' and the legacy ';' to the end of the line)
// and blank lines. keepBlank keeps blank lines as empty text, because blank
// lines end synsets and blocks in some formats.
func readLines(r io.Reader, name string, keepBlank bool) ([]line, error) {
	sc := bufio.NewScanner(io.LimitReader(r, MaxFileBytes+1))
	sc.Buffer(make([]byte, 0, 64<<10), MaxLineBytes)
	var out []line
	inXML := false
	total := 0
	n := 0
	for sc.Scan() {
		n++
		raw := sc.Bytes()
		total += len(raw) + 1
		if total > MaxFileBytes {
			return nil, &SyntaxError{File: name, Msg: fmt.Sprintf("file larger than %d bytes", MaxFileBytes)}
		}
		if bytes.IndexByte(raw, 0) >= 0 {
			return nil, &SyntaxError{File: name, Line: n, Msg: "binary data (NUL byte): not a dictionary file"}
		}
		s := string(raw)
		if n == 1 {
			s = strings.TrimPrefix(s, "\ufeff")
		}
		if !utf8.ValidString(s) {
			s = strings.ToValidUTF8(s, "\uFFFD")
		}
		s = strings.TrimRight(s, "\r")
		var text strings.Builder
		rest := s
		for rest != "" {
			if inXML {
				i := strings.Index(rest, "-->")
				if i < 0 {
					rest = ""
					break
				}
				rest = rest[i+3:]
				inXML = false
				continue
			}
			i := strings.Index(rest, "<!")
			if i < 0 {
				text.WriteString(rest)
				break
			}
			text.WriteString(rest[:i])
			rest = rest[i+2:]
			inXML = true
		}
		t := text.String()
		comment := ""
		if i := commentStart(t, '#'); i >= 0 {
			comment = strings.TrimSpace(t[i+1:])
			t = t[:i]
		}
		if i := commentStart(t, ';'); i >= 0 {
			t = t[:i]
		}
		indent := len(t) > 0 && (t[0] == ' ' || t[0] == '\t')
		t = strings.TrimRight(t, " \t")
		if strings.TrimSpace(t) == "" {
			if keepBlank {
				out = append(out, line{src: Source{File: name, Line: n}})
			}
			continue
		}
		out = append(out, line{text: t, comment: comment, indent: indent, src: Source{File: name, Line: n}})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, &SyntaxError{File: name, Line: n + 1, Msg: fmt.Sprintf("line longer than %d bytes", MaxLineBytes)}
		}
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return out, nil
}

// commentStart returns the index of the first c outside square brackets
// (codes such as "[###]" contain '#'), or -1.
func commentStart(s string, c byte) int {
	depth := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case c:
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// splitWords splits a phrase written with blanks or underscores into
// upper-case words.
func splitWords(s string) Phrase {
	f := strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return r == '_' || r == ' ' || r == '\t'
	})
	if len(f) == 0 {
		return nil
	}
	return Phrase(f)
}

// splitName splits a name written with blanks (gaps allowed) or
// underscores (consecutive) into upper-case words.
func splitName(s string) Name {
	var n Name
	gap := false
	for _, f := range strings.Fields(strings.ToUpper(s)) {
		for k, w := range strings.Split(f, "_") {
			if w == "" {
				continue
			}
			if len(n.Words) > 0 && gap && k == 0 && len(n.Words) <= 32 {
				n.Gaps |= 1 << (len(n.Words) - 1)
			}
			n.Words = append(n.Words, w)
		}
		gap = true
	}
	return n
}

// bracket finds the first "[...]" in s and returns the text before it, the
// contents and the text after it.
func bracket(s string) (before, inside, after string, ok bool) {
	i := strings.IndexByte(s, '[')
	if i < 0 {
		return s, "", "", false
	}
	j := strings.IndexByte(s[i:], ']')
	if j < 0 {
		return s[:i], strings.TrimSpace(s[i+1:]), "", true
	}
	return s[:i], strings.TrimSpace(s[i+1 : i+j]), s[i+j+1:], true
}

// braces finds the first "{...}" in s and returns the text before it, the
// contents and the text after it.
func braces(s string) (before, inside, after string, ok bool) {
	i := strings.IndexByte(s, '{')
	if i < 0 {
		return s, "", "", false
	}
	j := strings.IndexByte(s[i:], '}')
	if j < 0 {
		return s[:i], s[i+1:], "", true
	}
	return s[:i], s[i+1 : i+j], s[i+j+1:], true
}
