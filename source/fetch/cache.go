package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Validators are what a server said about a document, to ask next time
// whether it changed (conditional GET).
type Validators struct {
	ETag         string `json:"etag,omitempty"`
	LastModified string `json:"last_modified,omitempty"`
}

// Cache stores validators by URL. Implementations must be safe for
// concurrent use.
type Cache interface {
	Get(url string) (Validators, bool)
	Put(url string, v Validators)
}

// MemoryCache is a Cache held in memory for the life of a process.
type MemoryCache struct {
	mu sync.Mutex
	m  map[string]Validators
}

// Get returns the validators stored for url.
func (c *MemoryCache) Get(url string) (Validators, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[url]
	return v, ok
}

// Put stores the validators for url.
func (c *MemoryCache) Put(url string, v Validators) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]Validators{}
	}
	c.m[url] = v
}

// FileCache is a Cache kept in a JSON file between runs, so that feeds and
// sitemaps polled again are fetched only if they changed. Call Save to
// write it back.
type FileCache struct {
	MemoryCache
	path string
}

// ErrCorruptCache reports a cache file that cannot be read as one. The
// cache opened is then empty, and Save replaces the file.
var ErrCorruptCache = errors.New("corrupt cache, ignored")

// maxCacheBytes bounds the cache file read: a million validators is about
// 150 MB; a larger file is not a cache Dyad wrote.
const maxCacheBytes = 256 << 20

// OpenFileCache loads the cache stored at path; a missing file is an empty
// cache. A file that is not a cache gives an empty cache and an error
// wrapping ErrCorruptCache, so that the caller can report it and go on.
func OpenFileCache(path string) (*FileCache, error) {
	c := &FileCache{path: path}
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxCacheBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	if err := c.parse(data); err != nil {
		c.m = nil
		return c, fmt.Errorf("cache %s: %w: %w", path, ErrCorruptCache, err)
	}
	return c, nil
}

// parse reads the JSON object of validators by URL that Save writes.
func (c *FileCache) parse(data []byte) error {
	if len(data) > maxCacheBytes {
		return fmt.Errorf("over %d bytes", maxCacheBytes)
	}
	var m map[string]Validators
	if err := json.Unmarshal(data, &m); err != nil {
		return err
	}
	c.m = m
	return nil
}

// Save writes the cache to its file, replacing it atomically: the data go
// to a temporary file of a unique name in the same directory, synced, then
// renamed over the file, so that concurrent runs and crashes leave either
// the old cache or a new one, never a mix.
func (c *FileCache) Save() error {
	c.mu.Lock()
	m := c.m
	if m == nil {
		m = map[string]Validators{}
	}
	data, err := json.MarshalIndent(m, "", "\t")
	c.mu.Unlock()
	if err != nil {
		return err
	}
	return writeFileAtomic(c.path, data, 0o644)
}

// writeFileAtomic writes data to path through a unique temporary file,
// synced and renamed over path.
func writeFileAtomic(path string, data []byte, perm fs.FileMode) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Chmod(perm)
	}
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp) // ours: created above
		return err
	}
	return nil
}
