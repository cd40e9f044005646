// Command dyad turns news into political event data: it reads articles,
// parses their sentences, codes the actions between actors in CAMEO, and
// reports each event with the sentence it came from.
//
// Run "dyad help" for the subcommands.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := interruptible(context.Background())
	err := newRootCmd().ExecuteContext(ctx)
	stop()
	if err != nil {
		if !isReported(err) {
			fmt.Fprintln(os.Stderr, "dyad:", err)
		}
		os.Exit(exitStatus(err))
	}
}

// exitStatus is 2 for a usage error and 1 for any other failure.
func exitStatus(err error) int {
	var u usageError
	if errors.As(err, &u) {
		return 2
	}
	return 1
}

// interruptible returns a context that the first SIGINT or SIGTERM ends,
// so that a run stops cleanly, between sentences, and prints its summary.
// Once it has ended, the signals' default action is restored: a second
// one ends the process at once.
func interruptible(parent context.Context) (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(parent, os.Interrupt, syscall.SIGTERM)
	go func() {
		<-ctx.Done()
		stop()
	}()
	return ctx, stop
}
