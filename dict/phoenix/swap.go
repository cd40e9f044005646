package phoenix

import (
	"os"
	"path/filepath"
)

// swapRenames moves dir aside to a fresh name and tmp into its place, and
// returns where the old dir now is; dir is absent between the renames.
func swapRenames(tmp, dir string) (string, error) {
	aside, err := os.MkdirTemp(filepath.Dir(dir), ".phoenix-old-")
	if err != nil {
		return "", err
	}
	old := filepath.Join(aside, "phoenix")
	if err := os.Rename(dir, old); err != nil {
		os.Remove(aside)
		return "", err
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.Rename(old, dir)
		os.Remove(aside)
		return "", err
	}
	return old, nil
}
