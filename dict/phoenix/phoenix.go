// Package phoenix installs the Phoenix dictionaries of PETRARCH-2 — the
// actor, agent, verb, discard and issue files the Open Event Data Alliance
// published with its coder — so that Dyad can code with them beside its own.
//
// The files are fetched from the openeventdata/petrarch2 repository at a
// pinned commit and checked against pinned SHA-256 sums before anything is
// installed. An installation is all or nothing: the files go to a fresh
// directory that replaces the old one only when every file has arrived
// whole, so a failed or interrupted install never damages a working one.
package phoenix

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
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

// config is the PETR_config.ini written beside the files, naming them the
// way PETRARCH's own configuration does, so that the directory is a complete
// PETRARCH-format set.
const config = `# Written by dyad dict install phoenix: the Phoenix dictionaries of
# openeventdata/petrarch2 at commit ` + Commit + `.
[Dictionaries]
verbfile_name    = CAMEO.2.0.txt
actorfile_list   = Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, Phoenix.MilNonState.actors.txt
agentfile_name   = Phoenix.agents.txt
discardfile_name = Phoenix.discards.txt
issuefile_name   = Phoenix.IssueCoding.txt
`

// ErrChecksum reports a file whose content is not the pinned one.
var ErrChecksum = errors.New("checksum mismatch")

// Options configure Install. The zero value fetches from DefaultBaseURL with
// a client that gives up on a file after Timeout.
type Options struct {
	// BaseURL is the directory URL the file names are appended to; a local
	// mirror works as well as the default.
	BaseURL string
	// Client makes the requests; nil means a client with Timeout.
	Client *http.Client
	// Timeout bounds the download of one file; zero means two minutes.
	Timeout time.Duration
	// Logger receives a line per file; nil discards.
	Logger *slog.Logger
}

// Install fetches the files into dir, replacing what dir held only once
// every file has been fetched and verified. Errors name the URL and what is
// wrong with it.
func Install(ctx context.Context, dir string, opts Options) error {
	base := opts.BaseURL
	if base == "" {
		base = DefaultBaseURL
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
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, ".phoenix-install-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp) // gone once renamed; left over only on failure
	for _, f := range Files {
		url := base + f.Name
		fctx, cancel := context.WithTimeout(ctx, timeout)
		err := fetch(fctx, client, url, f, filepath.Join(tmp, f.Name))
		cancel()
		if err != nil {
			return fmt.Errorf("%s: %w", url, err)
		}
		log.Info("fetched", "file", f.Name, "bytes", f.Size)
	}
	if err := os.WriteFile(filepath.Join(tmp, "PETR_config.ini"), []byte(config), 0o644); err != nil {
		return err
	}
	return replace(tmp, dir)
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
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(out, h), io.LimitReader(resp.Body, f.Size+1))
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if n != f.Size {
		return fmt.Errorf("%w: %d bytes, want %d", ErrChecksum, n, f.Size)
	}
	if sum := hex.EncodeToString(h.Sum(nil)); sum != f.SHA256 {
		return fmt.Errorf("%w: SHA-256 %s, want %s", ErrChecksum, sum, f.SHA256)
	}
	return nil
}

// replace moves the complete new directory into place. An existing
// installation is moved aside first and removed only after the new one is
// in place.
func replace(tmp, dir string) error {
	old := ""
	if _, err := os.Stat(dir); err == nil {
		old = dir + ".old"
		os.RemoveAll(old)
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir)
		}
		return err
	}
	if old != "" {
		os.RemoveAll(old)
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
