package tokenize_test

import (
	"fmt"

	"dyad/nlp/tokenize"
)

func ExampleTokenizer_Tokenize() {
	text := `Gen. Petraeus said U.S. forces don't expect al-Qaeda's fighters to return. "The truce holds," he added.`
	for _, s := range tokenize.New(tokenize.Options{}).Tokenize(text) {
		fmt.Printf("[%d:%d]", s.Start, s.End)
		for _, w := range s.Tokens {
			fmt.Printf(" %s", w.Form)
		}
		fmt.Println()
		for _, m := range s.MultiWords {
			fmt.Printf("  %q = words %d-%d at bytes %d-%d\n", m.Form, m.First, m.Last, s.Tokens[m.First-1].Start, s.Tokens[m.First-1].End)
		}
	}
	// Output:
	// [0:74] Gen. Petraeus said U.S. forces do n't expect al-Qaeda 's fighters to return .
	//   "don't" = words 6-7 at bytes 31-36
	//   "al-Qaeda's" = words 9-10 at bytes 44-54
	// [75:103] " The truce holds , " he added .
}
