//go:build !eval

package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// newEvalCmd stands in for the evaluation commands, which only the
// developers' build has: they carry the peer extractors and scoring code
// that users do not need.
func newEvalCmd(*globals) *cobra.Command {
	return &cobra.Command{
		Use:                "eval",
		Short:              "Measure a stage of Dyad on a data set (developers' build only)",
		Hidden:             true,
		DisableFlagParsing: true,
		RunE: func(*cobra.Command, []string) error {
			return errors.New(`this dyad is built without the evaluation commands; build them in with "go build -tags eval ./cmd/dyad" (see README.md)`)
		},
	}
}
