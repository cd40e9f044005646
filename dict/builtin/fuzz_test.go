package builtin

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
)

// FuzzRead feeds arbitrary text to the reader, the cross-file checks and the
// conversion to the dict model: none may panic, every error must be an
// *Error naming the file, and a set that reads cleanly must either convert
// or say why, with file and line.
func FuzzRead(f *testing.F) {
	f.Add(sample)
	f.Add("event 190 x\n    SRC *a|b in|on|at TGT @s\nset s: @t\nset t: x_y; z\n")
	f.Add("person P\n    code: ABC ..2001-02-03\n    code: ABC 2001-02-03..\n")
	f.Add("agent ABC~ x\n    noun: a {b, c}; d {}\n")
	f.Add("event ---\n    PAIR be *x y 's\n")
	f.Add("\uFEFFcountry ABC =A-B's, C\n\tplace: D.E.\n")
	// The start of every embedded file.
	err := fs.WalkDir(Files(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Files(), p)
		if err != nil {
			return err
		}
		f.Add(string(data[:min(len(data), 2000)]))
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s := NewSet()
		errs := append(s.Read("fuzz.txt", []byte(in)), s.Check()...)
		for _, err := range errs {
			var e *Error
			if !errors.As(err, &e) || e.Pos.File != "fuzz.txt" {
				t.Fatalf("error %v is not an *Error naming the file", err)
			}
		}
		if len(errs) > maxErrors*2 {
			t.Fatalf("%d errors", len(errs))
		}
		if len(errs) > 0 {
			return
		}
		if len(s.Patterns) > strings.Count(in, "\n")+1 {
			t.Fatalf("%d patterns from %d lines", len(s.Patterns), strings.Count(in, "\n")+1)
		}
		if _, err := s.Dictionary(); err != nil && !strings.Contains(err.Error(), "fuzz.txt:") {
			t.Fatalf("conversion error %v does not name the file", err)
		}
	})
}
