//go:build !linux

package phoenix

// swap moves dir aside and tmp into its place, and returns where the old
// dir now is. Between the two renames dir is absent: only Linux has an
// atomic exchange.
func swap(tmp, dir string) (string, error) { return swapRenames(tmp, dir) }
