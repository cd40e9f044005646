package fetch

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
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

// OpenFileCache loads the cache stored at path; a missing file is an empty
// cache.
func OpenFileCache(path string) (*FileCache, error) {
	c := &FileCache{path: path}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &c.m); err != nil {
		return nil, fmt.Errorf("cache %s: %w", path, err)
	}
	return c, nil
}

// Save writes the cache to its file, replacing it atomically.
func (c *FileCache) Save() error {
	c.mu.Lock()
	data, err := json.MarshalIndent(c.m, "", "\t")
	c.mu.Unlock()
	if err != nil {
		return err
	}
	tmp := c.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, c.path)
}
