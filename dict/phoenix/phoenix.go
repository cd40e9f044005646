// Package phoenix installs the Phoenix dictionaries of PETRARCH-2 — the
// actor, agent, verb, discard and issue files the Open Event Data Alliance
// published with its coder — so that Dyad can code with them beside its own.
//
// The files are fetched from the openeventdata/petrarch2 repository at a
// pinned commit and checked against pinned SHA-256 sums before anything is
// installed. An installation is all or nothing: the files go to a fresh
// directory that replaces the old one only when every file has arrived
// whole, so a failed or interrupted install never damages a working one.
// It replaces only an empty directory or an earlier installation of its
// own, and deletes nothing it did not write.
package phoenix

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Commit is the openeventdata/petrarch2 commit the files are pinned to.
const Commit = "cc3549885fa5b9b29e12ccde5ea8445fea2a7205"

// DefaultBaseURL is where the files are fetched from: the dictionary
// directory of petrarch2 at Commit.
const DefaultBaseURL = "https://raw.githubusercontent.com/openeventdata/petrarch2/" + Commit + "/petrarch2/data/dictionaries/"

// File is one file of the set, with the size and SHA-256 it must have.
type File struct {
	Name   string
	Size   int64
	SHA256 string
}

// Files lists the Phoenix set: the PETRARCH-2 verb patterns (CAMEO.2.0.txt),
// the country, international and non-state actors, agents, discards and
// issues.
var Files = []File{
	{"CAMEO.2.0.txt", 408921, "4a442ee42f7574651ec1c594f127353cdffbf18fa97b207ad5d8298a3cfaa08f"},
	{"Phoenix.Countries.actors.txt", 1469783, "8d4ee11692ccb1636a5cf4421849c420508acbd9b930adab457472b843276506"},
	{"Phoenix.International.actors.txt", 515713, "6fafbbe39bc47858edb9262411ab005b97977818237f85f3808fd11701a3ad2c"},
	{"Phoenix.MilNonState.actors.txt", 77005, "78496d642ceb3501137f12a3d8af7820b139319200b5ecffa05f0f91a2508f3b"},
	{"Phoenix.agents.txt", 61930, "336330de3ae91cb7daeeb50a7320ff4c9f11e5e69b6dd3a4ebedc522751a95c6"},
	{"Phoenix.discards.txt", 14880, "862e66f907e520906142fff15a2be58c540c11f2ebdc0610e97fe45c36ed067a"},
	{"Phoenix.IssueCoding.txt", 113391, "4cf1ab8d648c637d22bf24707bfb7db1a5986ce6f812c6703a399b7aa8fc66c4"},
}

// configName is the name of the configuration written beside the files.
const configName = "PETR_config.ini"

// configMark starts the configuration Install writes: a directory whose
// configuration starts with it is an installation that Install may
// replace.
const configMark = "# Written by dyad dict install phoenix"

// config is the PETR_config.ini written beside the files, naming them the
// way PETRARCH's own configuration does, so that the directory is a complete
// PETRARCH-format set.
const config = configMark + `: the Phoenix dictionaries of
# openeventdata/petrarch2 at commit ` + Commit + `.
[Dictionaries]
verbfile_name    = CAMEO.2.0.txt
actorfile_list   = Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt
agentfile_name   = Phoenix.agents.txt
discardfile_name = Phoenix.discards.txt
issuefile_name   = Phoenix.IssueCoding.txt
`

// Errors callers may test for with errors.Is.
var (
	// ErrChecksum reports a file whose content is not the pinned one.
	ErrChecksum = errors.New("checksum mismatch")
	// ErrForeignTarget reports an install directory that holds something
	// other than an earlier installation: Install leaves it alone.
	ErrForeignTarget = errors.New("not an installation of the Phoenix set, so left alone")
)

// Options configure Install. The zero value fetches from DefaultBaseURL with
// a client that gives up on a file after Timeout.
type Options struct {
	// BaseURL is the directory URL the file names are appended to; a local
	// mirror works as well as the default, and so does a local folder (a
	// path or a file:// URL), read without the network.
	BaseURL string
	// Client makes the requests; nil means a client with Timeout.
	Client *http.Client
	// Timeout bounds the download of one file; zero means two minutes.
	Timeout time.Duration
	// Logger receives a line per file; nil discards.
	Logger *slog.Logger
}

// Install fetches the files into dir, replacing what dir held only once
// every file has been fetched and verified. dir must be absent, empty, or
// an earlier installation (else ErrForeignTarget). The files are written
// to a fresh directory beside dir, synced, and swapped with dir in one
// atomic rename, so that dir always holds a complete set; the directory
// is mode 0755 and the files 0644, less the umask. Errors name the URL and
// what is wrong with it.
func Install(ctx context.Context, dir string, opts Options) error {
	dir = filepath.Clean(dir)
	if err := checkTarget(dir); err != nil {
		return err
	}
	base := opts.BaseURL
	if base == "" {
		base = DefaultBaseURL
	}
	// A base that is not an http(s) URL is a local folder (or a file://
	// URL of one), such as a copy of the files made earlier: no network.
	var local string
	if l := strings.ToLower(base); !strings.HasPrefix(l, "http://") && !strings.HasPrefix(l, "https://") {
		local = strings.TrimPrefix(base, "file://")
	}
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	client := opts.Client
	if client == nil {
		client = &http.Client{}
	}
	timeout := opts.Timeout
	if timeout == 0 {
		timeout = 2 * time.Minute
	}
	log := opts.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := mkdirFresh(parent, ".phoenix-install-")
	if err != nil {
		return err
	}
	installed := false
	defer func() {
		if !installed {
			os.RemoveAll(tmp) // made above and holding only what we wrote
		}
	}()
	for _, f := range Files {
		if local != "" {
			p := filepath.Join(local, f.Name)
			if err := copyFile(p, f, filepath.Join(tmp, f.Name)); err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			log.Info("copied", "file", f.Name, "bytes", f.Size)
			continue
		}
		url := base + f.Name
		fctx, cancel := context.WithTimeout(ctx, timeout)
		err := fetch(fctx, client, url, f, filepath.Join(tmp, f.Name))
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", url, err)
		}
		log.Info("fetched", "file", f.Name, "bytes", f.Size)
	}
	if err := writeSynced(filepath.Join(tmp, configName), strings.NewReader(config)); err != nil {
		return err
	}
	if err := syncDir(tmp); err != nil {
		return err
	}
	if err := checkTarget(dir); err != nil { // again: time passed
		return err
	}
	installed = true
	return replace(tmp, dir, log)
}

// checkTarget refuses an install directory that is neither absent, nor
// empty, nor an earlier installation holding only the set's files.
func checkTarget(dir string) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !info.IsDir() {
		return fmt.Errorf("%s is not a directory: %w", dir, ErrForeignTarget)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	if len(entries) == 0 {
		return nil
	}
	ours := map[string]bool{configName: true}
	for _, f := range Files {
		ours[f.Name] = true
	}
	for _, e := range entries {
		if !ours[e.Name()] || !e.Type().IsRegular() {
			return fmt.Errorf("%s holds %s: %w; give another --dir or empty it", dir, e.Name(), ErrForeignTarget)
		}
	}
	head := make([]byte, len(configMark))
	f, err := os.Open(filepath.Join(dir, configName))
	if err == nil {
		_, err = io.ReadFull(f, head)
		f.Close()
	}
	if err != nil || string(head) != configMark {
		return fmt.Errorf("%s holds files of the set's names not written by dyad dict install: %w; give another --dir or empty it", dir, ErrForeignTarget)
	}
	return nil
}

// mkdirFresh makes a directory of a new name in parent, mode 0755 less
// the umask (os.MkdirTemp's are 0700, too strict for an installation).
func mkdirFresh(parent, prefix string) (string, error) {
	for {
		p := filepath.Join(parent, prefix+strconv.FormatUint(rand.Uint64(), 36))
		if err := os.Mkdir(p, 0o755); !errors.Is(err, fs.ErrExist) {
			return p, err
		}
	}
}

// writeSynced writes r to a new file at path and syncs it.
func writeSynced(path string, r io.Reader) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = io.Copy(out, r)
	if err == nil {
		err = out.Sync()
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

// syncDir makes the entries of a directory durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

// fetch downloads one file to path, refusing more bytes than the pinned size
// and content other than the pinned one.
func fetch(ctx context.Context, client *http.Client, url string, f File, path string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("HTTP status %s", resp.Status)
	}
	return copyVerified(resp.Body, f, path)
}

// copyFile copies the local file src to path if it is f, checked as a
// download is.
func copyFile(src string, f File, path string) error {
	r, err := os.Open(src)
	if err != nil {
		return err
	}
	defer r.Close()
	return copyVerified(r, f, path)
}

// copyVerified writes r to path, failing with ErrChecksum unless it has
// f's size and SHA-256.
func copyVerified(r io.Reader, f File, path string) error {
	h := sha256.New()
	cr := &counter{}
	if err := writeSynced(path, io.TeeReader(io.LimitReader(r, f.Size+1), io.MultiWriter(h, cr))); err != nil {
		return err
	}
	n := cr.n
	if n != f.Size {
		return fmt.Errorf("%w: %d bytes, want %d", ErrChecksum, n, f.Size)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 {
		return fmt.Errorf("%w: SHA-256 %s, want %s", ErrChecksum, sum, f.SHA256)
	}
	return nil
}

// counter counts the bytes written to it.
type counter struct{ n int64 }

func (c *counter) Write(p []byte) (int, error) { c.n += int64(len(p)); return len(p), nil }

// replace puts the complete new directory tmp at dir. An existing dir
// (checked: empty or an earlier installation) is swapped with tmp in one
// atomic rename where the system allows, then its files, known by name,
// are removed.
func replace(tmp, dir string, log *slog.Logger) error {
	parent := filepath.Dir(dir)
	if _, err := os.Lstat(dir); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(tmp, dir); err != nil {
			os.RemoveAll(tmp)
			return err
		}
		return syncDir(parent)
	}
	old, err := swap(tmp, dir)
	if err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := syncDir(parent); err != nil {
		return err
	}
	// The old directory held only the set's files (checkTarget): remove
	// those by name, so that anything added meanwhile stays.
	for _, f := range Files {
		os.Remove(filepath.Join(old, f.Name))
	}
	os.Remove(filepath.Join(old, configName))
	if err := os.Remove(old); err != nil {
		log.Warn("the previous installation could not be removed", "dir", old, "err", err)
	}
	return nil
}

// Verify checks that dir holds the whole set with the pinned content. It
// returns an error naming the first file that is missing or altered.
func Verify(dir string) error {
	for _, f := range Files {
		path := filepath.Join(dir, f.Name)
		fh, err := os.Open(path)
		if err != nil {
			return err
		}
		h := sha256.New()
		_, err = io.Copy(h, io.LimitReader(fh, f.Size+1))
		fh.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 {
			return fmt.Errorf("%s: %w (reinstall with dyad dict install phoenix)", path, ErrChecksum)
		}
	}
	return nil
}
