package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"dyad/dict/phoenix"
)

// dictHome returns the directory where installed dictionary sets live:
// $DYAD_DICTS, else $XDG_DATA_HOME/dyad/dicts, else
// ~/.local/share/dyad/dicts.
func dictHome() string {
	if d := os.Getenv("DYAD_DICTS"); d != "" {
		return d
	}
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "dyad", "dicts")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "dyad", "dicts")
	}
	return filepath.Join(".dyad", "dicts")
}

func newDictCmd(g *globals) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "dict",
		Short: "Install and check event-coding dictionaries",
		Args:  cobra.NoArgs,
	}
	cmd.AddCommand(newDictInstallCmd(g), newDictCheckCmd(g))
	return cmd
}

func newDictInstallCmd(g *globals) *cobra.Command {
	var dir, from string
	cmd := &cobra.Command{
		Use:   "install phoenix",
		Short: "Download a dictionary set where --dicts NAME finds it",
		Long: `Install downloads the Phoenix dictionaries of PETRARCH-2 (actors, agents,
verb patterns, discards, issues) from openeventdata/petrarch2 at commit
` + phoenix.Commit + `, checks every file against its pinned SHA-256, and installs
the set where "dyad code --dicts phoenix" finds it: ` + "`$DYAD_DICTS/phoenix`" + `,
by default ~/.local/share/dyad/dicts/phoenix. An existing installation is
replaced only once the new one is complete, in one atomic swap; a
directory that holds anything else is left alone and the install refused.

--from gives another address to fetch the same files from (a mirror), or
a local folder that holds them (such as a PETRARCH checkout's
dictionaries), read without the network; the files are checked against
the same checksums.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: []string{"phoenix"},
		RunE: func(cmd *cobra.Command, args []string) error {
			if args[0] != "phoenix" {
				return fmt.Errorf("unknown dictionary set %q: the set that can be installed is phoenix", args[0])
			}
			if dir == "" {
				dir = filepath.Join(dictHome(), "phoenix")
			}
			if err := phoenix.Install(cmd.Context(), dir, phoenix.Options{BaseURL: from, Logger: slog.Default().With("component", "dict")}); err != nil {
				return fmt.Errorf("install phoenix: %w", err)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "installed the Phoenix dictionaries in %s\n", dir)
			return nil
		},
	}
	cmd.Flags().StringVar(&dir, "dir", "", "install into this directory instead")
	cmd.Flags().StringVar(&from, "from", "", "fetch the files from this base URL, or copy them from this folder (default: GitHub at the pinned commit)")
	return cmd
}
