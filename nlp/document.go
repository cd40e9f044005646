package nlp

import (
	"fmt"
	"strings"
)

// Document annotates text as one document, the way a UD treebank lays one
// out: sentences get IDs "<id>-<n>" ("s<n>" when id is empty), the first
// one a "newdoc" comment and each that opens a paragraph (after a blank
// line) a "newpar" comment. Offsets are into text. For an article, pass
// its ID and its FullText (title, standfirst and body, separated by blank
// lines).
func (p *Pipeline) Document(id, text string) ([]Sentence, error) {
	sents, err := p.Text(text)
	if err != nil {
		return nil, err
	}
	prefix := "s"
	if id != "" {
		prefix = id + "-"
	}
	prevEnd := 0
	for i := range sents {
		s := &sents[i]
		s.ID = fmt.Sprintf("%s%d", prefix, i+1)
		switch {
		case i == 0 && id != "":
			s.Comments = append(s.Comments, "newdoc id = "+id, "newpar")
		case i == 0:
			s.Comments = append(s.Comments, "newdoc", "newpar")
		case s.Start >= prevEnd && strings.Contains(text[prevEnd:s.Start], "\n\n"):
			s.Comments = append(s.Comments, "newpar")
		}
		prevEnd = s.End
	}
	return sents, nil
}
