package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
	"time"
)

// TestSecondInterruptExits is issue 13 case 4: after a first Ctrl-C the
// signal stayed caught, so a second could not end a run that was slow to
// stop. A child process (this test binary) waits in interruptible; the
// first SIGINT must end its context, and a second must end the process.
func TestSecondInterruptExits(t *testing.T) {
	if os.Getenv("DYAD_SIGNAL_CHILD") == "1" {
		ctx, _ := interruptible(context.Background())
		fmt.Println("ready")
		<-ctx.Done()
		fmt.Println("stopping")
		time.Sleep(time.Minute) // a clean-up slower than the user's patience
		os.Exit(0)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondInterruptExits$")
	cmd.Env = append(os.Environ(), "DYAD_SIGNAL_CHILD=1")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := bufio.NewScanner(out)
	if !lines.Scan() || lines.Text() != "ready" {
		t.Fatalf("child said %q", lines.Text())
	}
	cmd.Process.Signal(os.Interrupt)
	if !lines.Scan() || lines.Text() != "stopping" {
		t.Fatalf("after the first SIGINT the child said %q", lines.Text())
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	// The default action comes back just after the context ends: signal
	// until the process goes, which it must do within seconds.
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case err := <-exited:
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGINT {
				t.Errorf("child ended with %v, want killed by SIGINT", err)
			}
			return
		case <-tick.C:
			cmd.Process.Signal(os.Interrupt)
		case <-deadline:
			t.Fatal("the second SIGINT did not end the process")
		}
	}
}
