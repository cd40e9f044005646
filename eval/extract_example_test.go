package eval_test

import (
	"fmt"

	"dyad/eval"
)

func ExampleScoreShingles() {
	truth := "The talks resume on Monday in Geneva."
	s := eval.ScoreShingles(truth, "The talks resume on Monday")
	fmt.Printf("precision %.2f, recall %.2f, F1 %.2f\n", s.Precision(), s.Recall(), s.F1())
	// Output: precision 1.00, recall 0.50, F1 0.67
}
