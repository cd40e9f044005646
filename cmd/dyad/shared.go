package main

import (
	"os"
	"path/filepath"
	"runtime"
)

// sharedData is the default shared data directory of the commands that
// read the public corpora (eval, train, bench): $DYAD_SHARED, else
// shared/data beside the source tree dyad was built from (found from this
// file's compile-time path), else beside the binary's folder, else
// ../shared/data from the working directory — so that the defaults do not
// depend on where the command is run from.
func sharedData() string {
	if d := os.Getenv("DYAD_SHARED"); d != "" {
		return d
	}
	var cands []string
	if _, file, _, ok := runtime.Caller(0); ok && filepath.IsAbs(file) {
		// file is ROOT/cmd/dyad/shared.go; the data sit beside ROOT.
		cands = append(cands, filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data"))
	}
	if exe, err := os.Executable(); err == nil {
		cands = append(cands, filepath.Join(filepath.Dir(exe), "..", "shared", "data"))
	}
	for _, c := range cands {
		if info, err := os.Stat(c); err == nil && info.IsDir() {
			return filepath.Clean(c)
		}
	}
	return filepath.Join("..", "shared", "data")
}
