package builtin

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"dyad/codebook"
)

// Expected is what a sidecar file (NAME.events beside NAME.txt, see
// docs/DICTIONARIES.md) says a coder using the default dictionaries should
// find in an article.
type Expected struct {
	// Date is the article's date as YYYYMMDD, from the "date:" line; 0 if
	// none was given. Dated actor codes are chosen on it.
	Date   int
	Events []ExpectedEvent
}

// ExpectedEvent is one expected event. Code is a CAMEO code; a two-digit
// root stands for any code of that root.
type ExpectedEvent struct {
	Source, Target, Code string
	Note                 string // the comment after the event, if any
	Line                 int
}

// Matches reports whether a coded event (source, target, CAMEO code) is
// this expected event.
func (e ExpectedEvent) Matches(source, target, code string) bool {
	if source != e.Source || target != e.Target {
		return false
	}
	if len(e.Code) == 2 {
		return strings.HasPrefix(code, e.Code)
	}
	return code == e.Code
}

// ReadExpected reads a sidecar file: an optional "date: YYYY-MM-DD" line,
// then one "SOURCE TARGET CODE" line per event; '#' starts a comment. Errors
// name the file and line.
func ReadExpected(r io.Reader, name string) (*Expected, error) {
	x := &Expected{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), MaxLineBytes)
	n := 0
	for sc.Scan() {
		n++
		text, note, _ := strings.Cut(sc.Text(), "#")
		f := strings.Fields(text)
		if len(f) == 0 {
			continue
		}
		if f[0] == "date:" {
			d := 0
			if len(f) == 2 {
				d, _ = parseDate(f[1])
			}
			if d == 0 || x.Date != 0 || len(x.Events) > 0 {
				return nil, fmt.Errorf("%s:%d: want one \"date: YYYY-MM-DD\" line before the events", name, n)
			}
			x.Date = d
			continue
		}
		if len(f) != 3 || !validActorCode(f[0]) || !validActorCode(f[1]) || !codebook.Valid(f[2]) {
			return nil, fmt.Errorf("%s:%d: want SOURCE TARGET CODE (actor codes, a CAMEO code or root), got %q", name, n, strings.TrimSpace(text))
		}
		x.Events = append(x.Events, ExpectedEvent{Source: f[0], Target: f[1], Code: f[2], Note: strings.TrimSpace(note), Line: n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n+1, err)
	}
	return x, nil
}
