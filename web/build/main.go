// Command build bundles Dyad's UI: the sources in web/src and the
// libraries in web/node_modules (installed by "npm ci" from the lockfile)
// into web/dist, which package web embeds in the dyad binary. It uses
// esbuild as a Go library, so Node.js is needed only for npm ci.
//
//	(cd web && npm ci) && go run ./web/build
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/evanw/esbuild/pkg/api"
)

func main() {
	dir := flag.String("dir", "", "the UI's folder (default: web/ of the repository this runs in)")
	flag.Parse()
	if err := build(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
}

func build(dir string) error {
	if dir == "" {
		var err error
		if dir, err = findWeb(); err != nil {
			return err
		}
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	if _, err := os.Stat(filepath.Join(dir, "node_modules")); err != nil {
		return fmt.Errorf("%s has no node_modules: run (cd %s && npm ci) first", dir, dir)
	}
	out := filepath.Join(dir, "dist")
	old, _ := filepath.Glob(filepath.Join(out, "*"))
	for _, f := range old {
		if filepath.Base(f) != ".gitkeep" {
			if err := os.RemoveAll(f); err != nil {
				return err
			}
		}
	}
	res := api.Build(api.BuildOptions{
		AbsWorkingDir:     dir,
		EntryPoints:       []string{"src/main.js"},
		EntryNames:        "app",
		Outdir:            "dist",
		Bundle:            true,
		Write:             true,
		Format:            api.FormatIIFE,
		Target:            api.ES2020,
		MinifyWhitespace:  true,
		MinifySyntax:      true,
		MinifyIdentifiers: true,
		LegalComments:     api.LegalCommentsLinked, // the libraries' licences, in app.js.LEGAL.txt
		Loader:            map[string]api.Loader{".png": api.LoaderDataURL, ".svg": api.LoaderDataURL},
		LogLevel:          api.LogLevelWarning,
	})
	if len(res.Errors) > 0 {
		msgs := api.FormatMessages(res.Errors, api.FormatMessagesOptions{Kind: api.ErrorMessage})
		return errors.New(strings.Join(msgs, ""))
	}
	html, err := os.ReadFile(filepath.Join(dir, "src", "index.html"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(out, "index.html"), html, 0o644); err != nil {
		return err
	}
	for _, f := range res.OutputFiles {
		fmt.Printf("%s %d KiB\n", strings.TrimPrefix(f.Path, dir+string(filepath.Separator)), len(f.Contents)>>10)
	}
	return nil
}

// findWeb returns the web/ folder of the repository around the working
// directory.
func findWeb() (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "web", "package.json")); err == nil {
			return filepath.Join(d, "web"), nil
		}
		if filepath.Dir(d) == d {
			return "", fmt.Errorf("no web/package.json in %s or above it: run this in Dyad's repository or pass --dir", wd)
		}
	}
}
