package dict

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestConfigLimits is issue 13 case 7: a PETR_config.ini line over 64 KiB
// gave "token too long" without a line number, and a configuration over
// 1 MiB was silently cut at 1 MiB.
func TestConfigLimits(t *testing.T) {
	head := "[Dictionaries]\nverbfile_name = verbs.txt\n"
	tests := []struct {
		name, config, want string
	}{
		{"long line", head + "# " + strings.Repeat("x", 70<<10) + "\nactorfile_list = actors.txt\n", "PETR_config.ini:3: line longer than"},
		{"large file", head + "actorfile_list = actors.txt\n" + strings.Repeat("# padding\n", 120_000) + "agentfile_name = agents.txt\n", "PETR_config.ini: larger than 1.0 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), ConfigName)
			os.WriteFile(path, []byte(tt.config), 0o644)
			_, err := FilesFromConfig(path, "")
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want %q", err, tt.want)
			}
		})
	}
}

// FuzzConfig reads arbitrary PETRARCH configurations: no panic, and a
// configuration that reads names verb and actor files, all under dir
// unless given as absolute paths.
func FuzzConfig(f *testing.F) {
	data, err := os.ReadFile(filepath.Join("testdata", ConfigName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	for _, s := range []string{"", "[Dictionaries]\nverbfile_name = v\nactorfile_list = a, b,,c\n", "[dictionaries]\nx\n", "[Dictionaries]\nverbfile_name=/abs/v\nactorfile_name= ../a ; c\n", "[\n]\n=\n", "\xff\xfe[\x00D\x00]"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		files, err := parseConfig(strings.NewReader(string(data)), "PETR_config.ini", "/dicts")
		if err != nil {
			if !strings.HasPrefix(err.Error(), "PETR_config.ini") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		if len(files.Verbs) == 0 || len(files.Actors) == 0 {
			t.Fatalf("read without verbs or actors: %+v", files)
		}
		for _, p := range append(append(files.Verbs, files.Actors...), files.Agents...) {
			if p == "" || !filepath.IsAbs(p) {
				t.Fatalf("path %q is neither under /dicts nor absolute", p)
			}
		}
	})
}
