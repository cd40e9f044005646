// Package parsertest gives tests Dyad's default English pipeline with its
// dependency parser, for tests that code raw text end to end.
//
// The parser's model is trained by "dyad train parser" and embedded in
// package nlp/parse; a build without it cannot parse. Such tests then skip
// with a message saying so, or fail when DYAD_REQUIRE_SHARED=1 (as in CI),
// so that a missing parser never passes for a green run.
package parsertest

import (
	"errors"
	"os"
	"testing"

	"dyad/nlp"
	"dyad/nlp/english"
)

// Pipeline returns the default pipeline, which parses, or skips (fails
// under DYAD_REQUIRE_SHARED=1) the test when it cannot.
func Pipeline(tb testing.TB) *nlp.Pipeline {
	tb.Helper()
	p, err := english.Pipeline()
	if err == nil && p.Provides()&nlp.Tree == 0 {
		err = errNoParser
	}
	if err != nil {
		if os.Getenv("DYAD_REQUIRE_SHARED") == "1" {
			tb.Fatalf("no dependency parser: %v", err)
		}
		tb.Skipf("no dependency parser in this build (%v): the test codes raw text", err)
	}
	return p
}

var errNoParser = errors.New("the default pipeline has no parser stage")
