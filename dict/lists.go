package dict

import (
	"io"
	"strings"
)

// ReadDiscards reads a PETRARCH discard list from r into d: one phrase per
// line, prefixed with '+' when it discards the whole story rather than the
// sentence, and ending with '_' when its last word must end there.
func (d *Dictionary) ReadDiscards(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		dc := &Discard{Source: l.src}
		if strings.HasPrefix(t, "+") {
			dc.Story = true
			t = t[1:]
		}
		t = strings.TrimSpace(t)
		if strings.HasSuffix(t, "_") {
			dc.WholeWord = true
		}
		w := splitWords(t)
		if len(w) == 0 || len(w) > maxPhraseWords {
			d.problem(l.src, "bad discard phrase %q", t)
			continue
		}
		dc.Text = w.String()
		d.Discards = append(d.Discards, dc)
	}
	return nil
}

// maxIssueVariants bounds the phrases one issue line expands to.
const maxIssueVariants = 64

// ReadIssues reads a PETRARCH issues list from r into d. Lines are
// "phrase [CODE]" inside <ISSUE CATEGORY="..."> ... </ISSUE> sections, or
// "~phrase" for phrases that cancel issue coding. In a phrase, "n:word"
// stands for the word and its plural, "v:word" for its regular verb forms,
// and "a+b" for both "a b" and "a-b".
func (d *Dictionary) ReadIssues(r io.Reader, name string) error {
	lines, err := readLines(r, name, false)
	if err != nil {
		return err
	}
	d.Files = append(d.Files, name)
	category := ""
	for _, l := range lines {
		t := strings.TrimSpace(l.text)
		up := strings.ToUpper(t)
		switch {
		case strings.HasPrefix(up, "<ISSUE"):
			category = ""
			if i := strings.Index(up, "CATEGORY=\""); i >= 0 {
				rest := t[i+len("CATEGORY=\""):]
				if j := strings.IndexByte(rest, '"'); j >= 0 {
					category = rest[:j]
				}
			}
			continue
		case strings.HasPrefix(up, "</ISSUE"):
			category = ""
			continue
		}
		is := Issue{Category: category, Source: l.src}
		if strings.HasPrefix(t, "~") {
			is.Ignore = true
			t = strings.TrimLeft(t, "~")
		} else {
			before, code, _, ok := bracket(t)
			if !ok || code == "" {
				d.problem(l.src, "issue %q has no [code]", t)
				continue
			}
			is.Code = strings.ToUpper(code)
			t = before
		}
		variants := issueVariants(strings.Fields(t))
		if len(variants) == 0 {
			d.problem(l.src, "bad issue phrase %q", t)
			continue
		}
		for _, v := range variants {
			c := is
			c.Phrase = v
			d.Issues = append(d.Issues, &c)
		}
	}
	return nil
}

// issueVariants expands the n:, v: and + notations of an issue phrase.
func issueVariants(tokens []string) []string {
	if len(tokens) == 0 || len(tokens) > maxPhraseWords {
		return nil
	}
	out := []string{""}
	for _, tok := range tokens {
		var alts []string
		for _, joined := range joins(strings.ToUpper(tok)) {
			alts = append(alts, joined...)
		}
		var next []string
		for _, prefix := range out {
			for _, a := range alts {
				if len(next) >= maxIssueVariants {
					break
				}
				if prefix == "" {
					next = append(next, a)
				} else {
					next = append(next, prefix+" "+a)
				}
			}
		}
		out = next
	}
	return out
}

// joins expands one token: parts joined by '+' may be separated by a blank
// or a hyphen, and each part may carry n: or v:.
func joins(tok string) [][]string {
	parts := strings.Split(tok, "+")
	combos := []string{""}
	for i, p := range parts {
		forms := wordForms(p)
		var next []string
		for _, c := range combos {
			for _, f := range forms {
				if i == 0 {
					next = append(next, f)
					continue
				}
				next = append(next, c+" "+f, c+"-"+f)
			}
		}
		if len(next) > maxIssueVariants {
			next = next[:maxIssueVariants]
		}
		combos = next
	}
	return [][]string{combos}
}

func wordForms(p string) []string {
	switch {
	case strings.HasPrefix(p, "N:") && len(p) > 2:
		return []string{p[2:], plural(p[2:])}
	case strings.HasPrefix(p, "V:") && len(p) > 2:
		return append([]string{p[2:]}, regularForms(p[2:])...)
	}
	return []string{p}
}
