package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// version is set at link time with -ldflags "-X main.version=v1.2.3".
var version = "dev"

// globals holds the flags every subcommand shares.
type globals struct {
	logLevel string
	quiet    bool
	verbose  bool
}

func newRootCmd() *cobra.Command {
	g := &globals{}
	root := &cobra.Command{
		Use:   "dyad",
		Short: "Turn news into political event data",
		Long: `Dyad reads news (text dumps, web pages, feeds, sitemaps, WARC archives),
extracts the clean article, parses each sentence, and codes who did what to
whom in CAMEO, with every event traced to its sentence.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, args []string) error {
			return g.setupLogging(cmd.ErrOrStderr())
		},
	}
	root.PersistentFlags().StringVar(&g.logLevel, "log-level", "warn", "log level: debug, info, warn or error")
	root.PersistentFlags().BoolVarP(&g.quiet, "quiet", "q", false, "no progress display")
	root.PersistentFlags().BoolVarP(&g.verbose, "verbose", "v", false, "list the documents passed over (not news, no article text, another language), and log at info level")
	root.AddCommand(
		newVersionCmd(),
		newExtractCmd(g),
		newParseCmd(g),
		newCodeCmd(g),
		newIngestCmd(g),
		newServeCmd(g),
		newDictCmd(g),
		newEvalCmd(g),
		newTrainCmd(g),
		newBenchCmd(g),
		newGeoCmd(g),
	)
	root.Version = versionString()
	root.SetVersionTemplate("dyad {{.Version}}\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	strictUsage(root)
	return root
}

// usageError is an error in how dyad was called (a flag, an argument, a
// subcommand): the exit status is 2, as for Unix tools.
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

// strictUsage makes argument errors usage errors and makes a command that
// only groups others ("dyad", "dyad eval") refuse an unknown subcommand
// instead of printing its help and exiting 0.
func strictUsage(c *cobra.Command) {
	if c.HasSubCommands() && !c.Runnable() {
		c.Args = cobra.NoArgs
		c.RunE = func(cmd *cobra.Command, args []string) error { return cmd.Help() }
	}
	if args := c.Args; args != nil {
		c.Args = func(cmd *cobra.Command, a []string) error {
			if err := args(cmd, a); err != nil {
				return usageError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		strictUsage(sub)
	}
}

func (g *globals) setupLogging(w io.Writer) error {
	var level slog.Level
	if err := level.UnmarshalText([]byte(g.logLevel)); err != nil {
		return usageError{fmt.Errorf("--log-level: %w", err)}
	}
	if g.verbose && level > slog.LevelInfo {
		level = slog.LevelInfo
	}
	slog.SetDefault(slog.New(newLineHandler(w, level)))
	return nil
}

// showProgress reports whether long work should draw progress on stderr:
// only when stderr is a terminal and the user did not ask for quiet.
func (g *globals) showProgress() bool {
	return !g.quiet && term.IsTerminal(int(os.Stderr.Fd()))
}

func newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the version of dyad",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			_, err := fmt.Fprintf(cmd.OutOrStdout(), "dyad %s\n", versionString())
			return err
		},
	}
}

// versionString is what "dyad version" and "dyad --version" print after
// the name.
func versionString() string {
	v := version
	if bi, ok := debug.ReadBuildInfo(); ok && v == "dev" && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		v = bi.Main.Version
	}
	return fmt.Sprintf("%s %s %s/%s", v, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// errReported is returned by commands that have already printed their
// errors, one line per failed input, and only need a non-zero exit.
type errReported struct{ failed, total int }

func (e errReported) Error() string {
	return fmt.Sprintf("%d of %d inputs failed", e.failed, e.total)
}

func isReported(err error) bool {
	var r errReported
	return errors.As(err, &r)
}
