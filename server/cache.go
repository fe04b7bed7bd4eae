package server

import "sync"

// respCache keeps encoded JSON responses of idempotent, deterministic
// requests (GET /api/read): the engine is read-only, so a response never goes
// stale while the process lives. It is bounded by entries and bytes; when
// full, an arbitrary entry (Go's map order) makes room.
type respCache struct {
	mu         sync.RWMutex
	m          map[string][]byte
	size       int
	maxEntries int
	maxBytes   int
	maxItem    int
}

func newRespCache(maxEntries, maxBytes, maxItem int) *respCache {
	return &respCache{m: map[string][]byte{}, maxEntries: maxEntries, maxBytes: maxBytes, maxItem: maxItem}
}

func (c *respCache) get(key string) ([]byte, bool) {
	c.mu.RLock()
	b, ok := c.m[key]
	c.mu.RUnlock()
	return b, ok
}

func (c *respCache) put(key string, b []byte) {
	if len(b) > c.maxItem {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.m[key]; ok {
		c.size -= len(old) + len(key)
		delete(c.m, key) // else eviction below could find it and subtract it twice
	}
	for k, v := range c.m {
		if len(c.m) < c.maxEntries && c.size+len(b)+len(key) <= c.maxBytes {
			break
		}
		delete(c.m, k)
		c.size -= len(v) + len(k)
	}
	c.m[key] = b
	c.size += len(b) + len(key)
}

// rawJSON is an already encoded response body (without the final newline).
type rawJSON []byte
