package phoenix

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap exchanges the directories tmp and dir in one atomic rename
// (renameat2 RENAME_EXCHANGE), so that dir is never absent, and returns
// where the old dir now is. Where the file system cannot exchange, it falls
// back to two renames.
func swap(tmp, dir string) (string, error) {
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == nil {
		return tmp, nil
	}
	if !errors.Is(err, unix.EINVAL) && !errors.Is(err, unix.ENOSYS) && !errors.Is(err, unix.EOPNOTSUPP) {
		return "", &os.LinkError{Op: "exchange", Old: tmp, New: dir, Err: err}
	}
	return swapRenames(tmp, dir)
}
