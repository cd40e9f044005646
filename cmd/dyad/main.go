// Command dyad turns news into political event data: it reads articles,
// parses their sentences, codes the actions between actors in CAMEO, and
// reports each event with the sentence it came from.
//
// Run "dyad help" for the subcommands.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		if !isReported(err) {
			fmt.Fprintln(os.Stderr, "dyad:", err)
		}
		os.Exit(1)
	}
}
