package codebook

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"dyad/internal/sharedtest"
)

// listRow is one row of a CAMEO code list: a code and the text after it.
type listRow struct {
	code, text string
	line       int
}

// mergedRow matches the corrupted row of the QuadClass copy, where a
// Goldstein-style row ("106:[-5.0] Demand withdrawal") was pasted onto the
// end of the previous row.
var mergedRow = regexp.MustCompile(`^(.*?)(\d{3,4}):\[-?\d+(?:\.\d+)?\]\s*(.*)$`)

// parseCodeList reads a tab-separated CAMEO list (code, then a description
// or a Goldstein value) after a header row. One-digit codes are QuadClass
// header rows. A row with a second row glued onto its end is split.
func parseCodeList(r io.Reader, name string) ([]listRow, error) {
	var rows []listRow
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line := strings.TrimRight(sc.Text(), "\r ")
		if n == 1 {
			if !strings.HasPrefix(line, "CAMEOEVENTCODE\t") {
				return nil, fmt.Errorf("%s:%d: missing header row", name, n)
			}
			continue
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		code, text, ok := strings.Cut(line, "\t")
		if !ok || !digits(code) || len(code) > 4 {
			return nil, fmt.Errorf("%s:%d: want CODE<tab>TEXT, got %q", name, n, line)
		}
		if m := mergedRow.FindStringSubmatch(text); m != nil {
			rows = append(rows, listRow{code, strings.TrimSpace(m[1]), n}, listRow{m[2], strings.TrimSpace(m[3]), n})
			continue
		}
		rows = append(rows, listRow{code, strings.TrimSpace(text), n})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	return rows, nil
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ploverRow matches "CODE: CATEGORY, mode, context" after comments are cut.
var ploverRow = regexp.MustCompile(`^(\d{2,4}):\s*(.*)$`)

// parsePLOVER reads the CAMEO-to-PLOVER conversion table. Section headers
// ("19: ASSAULT") carry no comma and are skipped; a code listed twice must
// map the same way both times.
func parsePLOVER(r io.Reader, name string) (map[string]PLOVER, error) {
	out := map[string]PLOVER{}
	sc := bufio.NewScanner(r)
	n := 0
	for sc.Scan() {
		n++
		line, _, _ := strings.Cut(sc.Text(), "#")
		line = strings.TrimSpace(line)
		if line == "" || strings.Trim(line, "~") == "" {
			continue
		}
		m := ploverRow.FindStringSubmatch(line)
		if m == nil {
			return nil, fmt.Errorf("%s:%d: want CODE: CATEGORY, mode, context; got %q", name, n, line)
		}
		if !strings.Contains(m[2], ",") {
			continue // section header
		}
		f := strings.Split(m[2], ",")
		if len(f) > 3 {
			return nil, fmt.Errorf("%s:%d: %d fields, want at most 3", name, n, len(f))
		}
		for len(f) < 3 {
			f = append(f, "")
		}
		p := PLOVER{Category: strings.TrimSpace(f[0]), Mode: strings.TrimSpace(f[1])}
		for c := range strings.SplitSeq(f[2], ";") {
			if c = strings.TrimSpace(c); c != "" {
				p.Context = append(p.Context, c)
			}
		}
		if p.Category == "" {
			return nil, fmt.Errorf("%s:%d: code %s has no category", name, n, m[1])
		}
		if prev, dup := out[m[1]]; dup && !samePLOVER(prev, p) {
			return nil, fmt.Errorf("%s:%d: code %s mapped twice, differently", name, n, m[1])
		}
		out[m[1]] = p
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s:%d: %w", name, n, err)
	}
	return out, nil
}

func samePLOVER(a, b PLOVER) bool {
	return a.Category == b.Category && a.Mode == b.Mode && slices.Equal(a.Context, b.Context)
}

func readShared(t *testing.T, parse func(io.Reader, string) ([]listRow, error), elem ...string) []listRow {
	t.Helper()
	p := sharedtest.Path(t, elem...)
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := parse(f, p)
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestAgainstCAMEOList checks that the table has exactly the codes of the
// CAMEO list, in its order.
func TestAgainstCAMEOList(t *testing.T) {
	rows := readShared(t, parseCodeList, "events", "cameo", "CAMEO.eventcodes.txt")
	var want, got []string
	for _, r := range rows {
		want = append(want, r.code)
	}
	for _, c := range All() {
		got = append(got, c.Code)
	}
	if !slices.Equal(got, want) {
		t.Errorf("table codes differ from CAMEO.eventcodes.txt:\n got %v\nwant %v", got, want)
	}
}

func TestAgainstGoldstein(t *testing.T) {
	rows := readShared(t, parseCodeList, "events", "cameo", "CAMEO.goldsteinscale.txt")
	if len(rows) != len(All()) {
		t.Errorf("Goldstein table has %d rows, codebook %d", len(rows), len(All()))
	}
	for _, r := range rows {
		v, err := strconv.ParseFloat(r.text, 64)
		if err != nil {
			t.Errorf("line %d: %v", r.line, err)
			continue
		}
		c, ok := Lookup(r.code)
		if !ok {
			t.Errorf("line %d: code %s not in the codebook", r.line, r.code)
			continue
		}
		if c.Goldstein != v {
			t.Errorf("code %s: Goldstein %v, table says %v", r.code, c.Goldstein, v)
		}
	}
}

// TestAgainstQuadClassHeaders checks each code's QuadClass against the
// header row it sits under in the later copy of the list.
func TestAgainstQuadClassHeaders(t *testing.T) {
	rows := readShared(t, parseCodeList, "events", "cameo", "CAMEO.eventcodes.quadclass-headers.txt")
	var quad Quad
	seen := 0
	for _, r := range rows {
		if len(r.code) == 1 {
			quad = Quad(r.code[0] - '0')
			continue
		}
		seen++
		c, ok := Lookup(r.code)
		if !ok {
			t.Errorf("line %d: code %s not in the codebook", r.line, r.code)
			continue
		}
		if c.QuadClass != quad {
			t.Errorf("code %s: QuadClass %v, file puts it under %v", r.code, c.QuadClass, quad)
		}
	}
	if seen != len(All()) {
		t.Errorf("QuadClass copy lists %d codes (after repairing the merged row), codebook %d", seen, len(All()))
	}
}

// TestAgainstPLOVER checks every mapping of the conversion table. Its rows
// 1213 and 1214 name codes that the CAMEO list lacks (it stops at 1212).
func TestAgainstPLOVER(t *testing.T) {
	p := sharedtest.Path(t, "events", "plover", "CAMEO2PLOVER-2021.txt")
	f, err := os.Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	table, err := parsePLOVER(f, p)
	if err != nil {
		t.Fatal(err)
	}
	var extra []string
	for code, want := range table {
		c, ok := Lookup(code)
		if !ok {
			extra = append(extra, code)
			continue
		}
		if !samePLOVER(c.PLOVER, want) {
			t.Errorf("code %s maps to %+v, table says %+v", code, c.PLOVER, want)
		}
	}
	slices.Sort(extra)
	if !slices.Equal(extra, []string{"1213", "1214"}) {
		t.Errorf("table rows for non-CAMEO codes: %v, want [1213 1214]", extra)
	}
	for _, c := range All() {
		if _, ok := table[c.Code]; !ok && !c.IsRoot() && c.PLOVER.Category != "" {
			t.Errorf("code %s maps to %+v but the table has no row for it", c.Code, c.PLOVER)
		}
	}
}

func FuzzParseCodeList(f *testing.F) {
	f.Add("CAMEOEVENTCODE\tEVENTDESCRIPTION\n01\tSAY\n010\tSay something\n")
	f.Add("CAMEOEVENTCODE\tGOLDSTEINSCALE\r\n01\t0.0\r\n0871\t9.0\r\n")
	f.Add("CAMEOEVENTCODE\tX\n1\tVerbal\n1056\tDemand less war107:[-5.0] Demand a ceasefire\n")
	f.Add("no header\n")
	f.Add("CAMEOEVENTCODE\tX\nabc\tdef\n")
	f.Fuzz(func(t *testing.T, in string) {
		rows, err := parseCodeList(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Errorf("error %q does not name the input", err)
			}
			return
		}
		for _, r := range rows {
			if !digits(r.code) || len(r.code) > 4 || r.line < 2 {
				t.Errorf("bad row %+v", r)
			}
		}
		if len(rows) > 2*strings.Count(in, "\n")+2 {
			t.Errorf("%d rows from %d lines", len(rows), strings.Count(in, "\n")+1)
		}
	})
}

func FuzzParsePLOVER(f *testing.F) {
	f.Add("19: ASSAULT\n190: ASSAULT, , military # fight\n")
	f.Add("091: ACCUSE, investigate, crime; corruption\n~~~~~\n")
	f.Add("175: A, b, c\n175: A, b, d\n")
	f.Add("x: y\n")
	f.Add("0313: AGREE, , , extra\n")
	f.Fuzz(func(t *testing.T, in string) {
		m, err := parsePLOVER(strings.NewReader(in), "fuzz")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz:") {
				t.Errorf("error %q does not name the input", err)
			}
			return
		}
		for code, p := range m {
			if !digits(code) || p.Category == "" {
				t.Errorf("bad mapping %s: %+v", code, p)
			}
		}
	})
}
