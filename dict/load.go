package dict

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Files names the files of a dictionary set. Empty fields are left out.
type Files struct {
	Actors   []string `json:"actors,omitempty"`
	Agents   []string `json:"agents,omitempty"`
	Verbs    []string `json:"verbs,omitempty"`
	Discards []string `json:"discards,omitempty"`
	Issues   []string `json:"issues,omitempty"`
	Ontology string   `json:"ontology,omitempty"`
}

// Load reads and compiles the files of a dictionary set. Errors name the
// file (and line, for input that is not a dictionary).
func Load(f Files) (*Dictionary, error) {
	d := &Dictionary{}
	read := func(paths []string, fn func(*Dictionary, io.Reader, string) error) error {
		for _, p := range paths {
			if err := readFile(d, p, fn); err != nil {
				return err
			}
		}
		return nil
	}
	if err := read(f.Actors, (*Dictionary).ReadActors); err != nil {
		return nil, err
	}
	if err := read(f.Agents, (*Dictionary).ReadAgents); err != nil {
		return nil, err
	}
	if err := read(f.Verbs, (*Dictionary).ReadVerbs); err != nil {
		return nil, err
	}
	if err := read(f.Discards, (*Dictionary).ReadDiscards); err != nil {
		return nil, err
	}
	if err := read(f.Issues, (*Dictionary).ReadIssues); err != nil {
		return nil, err
	}
	if f.Ontology != "" {
		if err := readFile(d, f.Ontology, (*Dictionary).ReadOntology); err != nil {
			return nil, err
		}
	}
	if err := d.Compile(); err != nil {
		return nil, err
	}
	return d, nil
}

func readFile(d *Dictionary, path string, fn func(*Dictionary, io.Reader, string) error) error {
	fh, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	defer fh.Close()
	if err := fn(d, bufio.NewReader(fh), path); err != nil {
		return fmt.Errorf("dictionary: %w", err)
	}
	return nil
}

// ConfigName is the name of PETRARCH's configuration file, which names the
// dictionaries of a set.
const ConfigName = "PETR_config.ini"

// FilesFromConfig reads the [Dictionaries] section of a PETRARCH
// configuration file (verbfile_name, actorfile_list, agentfile_name,
// discardfile_name, issuefile_name, and the ontology in pico_file or
// internal_coding_ontology_file). Relative names are taken relative to dir,
// or to the configuration file's directory if dir is empty.
func FilesFromConfig(path, dir string) (Files, error) {
	fh, err := os.Open(path)
	if err != nil {
		return Files{}, fmt.Errorf("dictionary config: %w", err)
	}
	defer fh.Close()
	if dir == "" {
		dir = filepath.Dir(path)
	}
	return parseConfig(fh, path, dir)
}

// Bounds on a configuration file: PETRARCH's are a few KiB.
const (
	maxConfigBytes = 1 << 20
	maxConfigLine  = 64 << 10
)

// parseConfig reads a configuration named path from r; errors start with
// path (and the line).
func parseConfig(r io.Reader, path, dir string) (Files, error) {
	var f Files
	list := func(v string) []string {
		var out []string
		for _, p := range strings.Split(v, ",") {
			if p = strings.TrimSpace(p); p != "" {
				if !filepath.IsAbs(p) {
					p = filepath.Join(dir, p)
				}
				out = append(out, p)
			}
		}
		return out
	}
	sc := bufio.NewScanner(io.LimitReader(r, maxConfigBytes+1))
	sc.Buffer(make([]byte, 0, 4<<10), maxConfigLine)
	section, n, total := "", 0, 0
	for sc.Scan() {
		n++
		if total += len(sc.Bytes()) + 1; total > maxConfigBytes {
			return Files{}, fmt.Errorf("%s: larger than %.1f MiB: not a PETRARCH configuration", path, float64(maxConfigBytes)/(1<<20))
		}
		t := strings.TrimSpace(sc.Text())
		if i := strings.IndexAny(t, "#;"); i >= 0 {
			t = strings.TrimSpace(t[:i])
		}
		if t == "" {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			section = strings.ToLower(strings.Trim(t, "[] "))
			continue
		}
		if section != "dictionaries" {
			continue
		}
		k, v, ok := strings.Cut(t, "=")
		if !ok {
			return Files{}, fmt.Errorf("%s:%d: %q is not key = value", path, n, t)
		}
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "verbfile_name":
			f.Verbs = list(v)
		case "actorfile_list", "actorfile_name":
			f.Actors = list(v)
		case "agentfile_name", "agentfile_list":
			f.Agents = list(v)
		case "discardfile_name":
			f.Discards = list(v)
		case "issuefile_name":
			f.Issues = list(v)
		case "pico_file", "internal_coding_ontology_file", "picofile_name":
			if l := list(v); len(l) > 0 {
				f.Ontology = l[0]
			}
		}
	}
	if err := sc.Err(); errors.Is(err, bufio.ErrTooLong) {
		return Files{}, fmt.Errorf("%s:%d: line longer than %d bytes: not a PETRARCH configuration", path, n+1, maxConfigLine)
	} else if err != nil {
		return Files{}, fmt.Errorf("%s: %w", path, err)
	}
	if len(f.Verbs) == 0 || len(f.Actors) == 0 {
		return Files{}, fmt.Errorf("%s: [Dictionaries] names no verb or no actor file", path)
	}
	return f, nil
}

// ErrNoConfig is returned by FilesFromDir for a directory without a
// PETR_config.ini.
var ErrNoConfig = errors.New("no " + ConfigName + " naming the dictionaries")

// FilesFromDir returns the files named by the PETR_config.ini in dir.
func FilesFromDir(dir string) (Files, error) {
	p := filepath.Join(dir, ConfigName)
	if _, err := os.Stat(p); err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return Files{}, fmt.Errorf("%s: %w", dir, ErrNoConfig)
		}
		return Files{}, err
	}
	return FilesFromConfig(p, dir)
}
