package when_test

import (
	"fmt"
	"strings"
	"time"

	"dyad/coder/when"
	"dyad/nlp"
)

func ExampleFind() {
	text := "The truce entered into force at dawn on Wednesday , a few months after talks began in March ."
	s := &nlp.Sentence{Text: text}
	off := 0
	for i, w := range strings.Fields(text) {
		at := strings.Index(text[off:], w) + off
		s.Tokens = append(s.Tokens, nlp.Token{ID: i + 1, Form: w, Start: at, End: at + len(w)})
		off = at + len(w)
	}
	published := time.Date(2024, 5, 17, 0, 0, 0, 0, time.UTC) // a Friday
	for _, e := range when.Find(s, published) {
		fmt.Printf("%q: %s (%s)\n", e.Text, e.Date, e.Precision)
	}
	// Output:
	// "at dawn on Wednesday": 2024-05-15 (day)
	// "in March": 2024-03 (month)
}
