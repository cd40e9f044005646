package source

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"
)

// newPETRARCH reads PETRARCH's story XML: a <Sentences> root whose
// <Sentence date="YYYYMMDD" id="…" source="…"> elements each hold a
// <Text> and a <Parse>, a Penn Treebank tree. Dyad parses the text
// itself; a sentence whose <Text> is empty (PETRARCH's test sentences)
// is read from the words of its tree. Each sentence is a record of its own that keeps its ID (as
// Meta.ID) and its date, so that it is coded as PETRARCH codes it; a
// sentence without text or ID, or with an unreadable date, is a *DocError
// naming its line, and the others are read.
func newPETRARCH(data []byte, origin string) Source {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	var l list
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			line, _ := dec.InputPos()
			l.items = append(l.items, item{err: docErr(origin, fmt.Sprintf("line %d", line), fmt.Errorf("invalid XML: %w", err))})
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok || !strings.EqualFold(se.Name.Local, "Sentence") {
			continue
		}
		line, _ := dec.InputPos()
		var s struct {
			Date   string `xml:"date,attr"`
			ID     string `xml:"id,attr"`
			Source string `xml:"source,attr"`
			Text   string `xml:"Text"`
			Parse  string `xml:"Parse"`
		}
		if err := dec.DecodeElement(&s, &se); err != nil {
			l.items = append(l.items, item{err: docErr(origin, fmt.Sprintf("line %d", line), fmt.Errorf("invalid XML: %w", err))})
			break
		}
		text := s.Text
		if strings.TrimSpace(text) == "" {
			text = treeWords(s.Parse)
		}
		l.items = append(l.items, petrarchSentence(origin, line, s.ID, s.Date, s.Source, text))
	}
	if len(l.items) == 0 {
		return failed(docErr(origin, "", errors.New("PETRARCH story XML without a <Sentence>")))
	}
	return &l
}

func petrarchSentence(origin string, line int, id, date, src, text string) item {
	where := fmt.Sprintf("line %d", line)
	id, text = strings.TrimSpace(id), strings.Join(strings.Fields(text), " ")
	switch {
	case id == "":
		return item{err: docErr(origin, where, errors.New(`<Sentence> without an "id"`))}
	case text == "":
		return item{err: docErr(origin, where, fmt.Errorf("sentence %s has neither <Text> nor <Parse>", id))}
	}
	rec := Record{Origin: origin + "#id=" + id, Meta: Meta{ID: id, Text: text, Publisher: strings.TrimSpace(src)}}
	if date = strings.TrimSpace(date); date != "" {
		t, err := time.Parse("20060102", date)
		if err != nil {
			return item{err: docErr(origin, where, fmt.Errorf("sentence %s: date %q is not YYYYMMDD", id, date))}
		}
		rec.Meta.Published = t
	}
	return item{rec: rec}
}

// leaf is a word of a Penn Treebank tree: "(NNP Obama)".
var leaf = regexp.MustCompile(`\(([^()\s]+) ([^()\s]+)\)`)

// treeBrackets are the tree's escapes of brackets.
var treeBrackets = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LCB-", "{", "-RCB-", "}", "-LSB-", "[", "-RSB-", "]")

// treeWords returns the words of a Penn Treebank tree, separated by
// spaces, without the space before punctuation and clitics that the
// tokenisation added.
func treeWords(tree string) string {
	var b strings.Builder
	for _, m := range leaf.FindAllStringSubmatch(tree, -1) {
		tag, w := m[1], treeBrackets.Replace(m[2])
		if tag == "-NONE-" {
			continue // an empty element (trace)
		}
		attach := strings.ContainsAny(tag, ".,:") || tag == "POS" || strings.HasPrefix(w, "'") && len(w) <= 3 || w == "n't" || tag == "-RRB-"
		if b.Len() > 0 && !attach {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
