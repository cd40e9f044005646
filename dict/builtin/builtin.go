package builtin

import (
	"embed"
	"io/fs"
	"sync"

	"dyad/dict"
)

//go:embed data
var embedded embed.FS

// DataDir is how positions in the default dictionaries name their directory:
// the path of the data files in Dyad's source tree.
const DataDir = "dict/builtin/data"

// Files returns the embedded default dictionary files, rooted at their data
// directory ("countries.txt", "verbs/19-fight.txt", …), for tools that
// list, copy or serve them.
func Files() fs.FS {
	sub, err := fs.Sub(embedded, "data")
	if err != nil {
		panic("builtin: embedded data directory missing: " + err.Error())
	}
	return sub
}

var (
	defaultSet  = sync.OnceValues(func() (*Set, error) { return Parse(Files(), DataDir) })
	defaultDict = sync.OnceValues(func() (*dict.Dictionary, error) {
		s, err := defaultSet()
		if err != nil {
			return nil, err
		}
		return s.Dictionary()
	})
)

// Default returns the embedded default dictionaries, parsed once. Callers
// must not modify the Set.
func Default() (*Set, error) { return defaultSet() }

// Dictionary returns the embedded default dictionaries as a compiled
// dict.Dictionary, built once and shared: like any compiled dictionary it
// is read-only and safe for concurrent use.
func Dictionary() (*dict.Dictionary, error) { return defaultDict() }
