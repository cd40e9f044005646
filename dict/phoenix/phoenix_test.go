package phoenix

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"dyad/dict"
	"dyad/internal/sharedtest"
)

// mirror serves the shared copies of the Phoenix files, with handler
// wrapping the file server to inject faults.
func mirror(t *testing.T, wrap func(http.Handler) http.Handler) *httptest.Server {
	t.Helper()
	files := http.FileServer(http.Dir(sharedtest.Path(t, "events", "petrarch", "dictionaries")))
	if wrap != nil {
		files = wrap(files)
	}
	srv := httptest.NewServer(files)
	t.Cleanup(srv.Close)
	return srv
}

func TestInstall(t *testing.T) {
	srv := mirror(t, nil)
	dir := filepath.Join(t.TempDir(), "dicts", "phoenix")
	if err := Install(context.Background(), dir, Options{BaseURL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	if err := Verify(dir); err != nil {
		t.Fatal(err)
	}
	files, err := dict.FilesFromDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files.Actors) != 3 || files.Verbs == nil || files.Agents == nil {
		t.Fatalf("config names %+v", files)
	}
	if _, err := dict.Load(files); err != nil {
		t.Fatalf("installed set does not load: %v", err)
	}
	// Installing again replaces the set and leaves nothing beside it.
	if err := Install(context.Background(), dir, Options{BaseURL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(filepath.Dir(dir))
	if len(entries) != 1 {
		t.Errorf("left beside the install: %v", entries)
	}
}

// TestInstallFailures checks that each fault is reported with the URL and
// that a working installation survives it untouched.
func TestInstallFailures(t *testing.T) {
	good := mirror(t, nil)
	dir := filepath.Join(t.TempDir(), "phoenix")
	if err := Install(context.Background(), dir, Options{BaseURL: good.URL}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		wrap    func(http.Handler) http.Handler
		timeout time.Duration
		want    string
	}{
		{"altered file", func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "agents.txt") {
					data, _ := os.ReadFile(filepath.Join(sharedtest.Path(t, "events", "petrarch", "dictionaries"), "Phoenix.agents.txt"))
					data[100] ^= 1
					w.Write(data)
					return
				}
				h.ServeHTTP(w, r)
			})
		}, 0, "Phoenix.agents.txt: checksum mismatch: SHA-256"},
		{"missing file", func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if strings.HasSuffix(r.URL.Path, "discards.txt") {
					http.NotFound(w, r)
					return
				}
				h.ServeHTTP(w, r)
			})
		}, 0, "Phoenix.discards.txt: HTTP status 404"},
		{"too long", func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Write(make([]byte, 2<<20))
			})
		}, 0, "CAMEO.2.0.txt: checksum mismatch: 408922 bytes"},
		{"never answers", func(h http.Handler) http.Handler {
			return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				<-r.Context().Done()
			})
		}, 200 * time.Millisecond, "context deadline exceeded"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			srv := mirror(t, tt.wrap)
			err := Install(context.Background(), dir, Options{BaseURL: srv.URL, Timeout: tt.timeout})
			if err == nil || !strings.Contains(err.Error(), srv.URL) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want the URL and %q", err, tt.want)
			}
			if err := Verify(dir); err != nil {
				t.Errorf("the earlier installation was damaged: %v", err)
			}
		})
	}
}

func TestVerifyAltered(t *testing.T) {
	srv := mirror(t, nil)
	dir := filepath.Join(t.TempDir(), "phoenix")
	if err := Install(context.Background(), dir, Options{BaseURL: srv.URL}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "Phoenix.discards.txt"), []byte("changed"), 0o644)
	if err := Verify(dir); !errors.Is(err, ErrChecksum) {
		t.Errorf("err = %v, want ErrChecksum", err)
	}
}

// TestInstallFromFolder installs from a local folder without the network
// (it was refused as a URL), checking the files as downloads are: an
// altered copy is ErrChecksum naming the file.
func TestInstallFromFolder(t *testing.T) {
	src := sharedtest.Path(t, "events", "petrarch", "dictionaries")
	for _, base := range []string{src, "file://" + src} {
		dir := filepath.Join(t.TempDir(), "phoenix")
		if err := Install(context.Background(), dir, Options{BaseURL: base}); err != nil {
			t.Fatalf("from %s: %v", base, err)
		}
		if err := Verify(dir); err != nil {
			t.Fatal(err)
		}
	}
	bad := t.TempDir()
	for _, f := range Files {
		data, err := os.ReadFile(filepath.Join(src, f.Name))
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == Files[0].Name {
			data[0] ^= 1
		}
		if err := os.WriteFile(filepath.Join(bad, f.Name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err := Install(context.Background(), filepath.Join(t.TempDir(), "phoenix"), Options{BaseURL: bad})
	if !errors.Is(err, ErrChecksum) || !strings.Contains(err.Error(), filepath.Join(bad, Files[0].Name)) {
		t.Errorf("altered copy: %v, want ErrChecksum naming the file", err)
	}
}
