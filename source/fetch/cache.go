package fetch

import "sync"

// Validators are what a server said about a document, to ask next time
// whether it changed (conditional GET).
type Validators struct {
	ETag         string
	LastModified string
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
