package phoenix

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestInstallNeverDeletesForeign is issue 13 case 5: --dir D deleted
// whatever was at D and at D.old without a word.
func TestInstallNeverDeletesForeign(t *testing.T) {
	srv := mirror(t, nil)
	for _, tt := range []struct {
		name  string
		setup func(dir string)
	}{
		{"files of the user", func(dir string) {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "thesis.tex"), []byte("years of work"), 0o644)
		}},
		{"a file", func(dir string) {
			os.WriteFile(dir, []byte("years of work"), 0o644)
		}},
		{"a set of the same names not written by dyad", func(dir string) {
			os.MkdirAll(dir, 0o755)
			os.WriteFile(filepath.Join(dir, "PETR_config.ini"), []byte("[Dictionaries]\nverbfile_name = mine.txt\n"), 0o644)
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "D")
			tt.setup(dir)
			os.MkdirAll(dir+".old", 0o755)
			os.WriteFile(filepath.Join(dir+".old", "backup.txt"), []byte("kept"), 0o644)
			before := snapshot(t, filepath.Dir(dir))
			err := Install(context.Background(), dir, Options{BaseURL: srv.URL})
			if !errors.Is(err, ErrForeignTarget) || !strings.Contains(err.Error(), dir) {
				t.Errorf("error %v, want ErrForeignTarget naming %s", err, dir)
			}
			if after := snapshot(t, filepath.Dir(dir)); after != before {
				t.Errorf("the directory changed:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}

// snapshot lists the paths, modes and contents under root.
func snapshot(t *testing.T, root string) string {
	var b strings.Builder
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		b.WriteString(p + " " + info.Mode().String())
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			b.WriteString(" " + string(data[:min(len(data), 40)]))
		}
		b.WriteString("; ")
		return nil
	})
	return b.String()
}

// TestInstallModesAndSwap is issue 13 case 5: the installed directory was
// mode 0700, and during a reinstall the directory was briefly absent. An
// empty directory and an earlier installation are replaced.
func TestInstallModesAndSwap(t *testing.T) {
	srv := mirror(t, nil)
	dir := filepath.Join(t.TempDir(), "phoenix")
	os.MkdirAll(dir, 0o755) // empty: taken
	if err := Install(context.Background(), dir, Options{BaseURL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	checkModes(t, dir)
	var absent atomic.Bool
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := os.Stat(filepath.Join(dir, "PETR_config.ini")); err != nil {
				absent.Store(true)
			}
		}
	}()
	for range 3 {
		if err := Install(context.Background(), dir, Options{BaseURL: srv.URL}); err != nil {
			t.Fatal(err)
		}
	}
	close(stop)
	<-done
	if absent.Load() {
		t.Error("the installation was absent during a reinstall")
	}
	checkModes(t, dir)
	if entries, _ := os.ReadDir(filepath.Dir(dir)); len(entries) != 1 {
		t.Errorf("left beside the install: %v", entries)
	}
}

func checkModes(t *testing.T, dir string) {
	t.Helper()
	info, err := os.Stat(dir)
	if err != nil || info.Mode().Perm() != 0o755 {
		t.Errorf("%s: mode %v, want 0755 (%v)", dir, info.Mode(), err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		info, _ := e.Info()
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", e.Name(), info.Mode())
		}
	}
}
