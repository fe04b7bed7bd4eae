package server

import (
	"context"
	"sync"

	"berean/study"
)

// studyCache keeps the studies written by one generation (the engine is
// read-only, so a study never goes stale while it lives), at most max of
// them, and writes each one once however many requests ask for it at the
// same time: a study costs 0.2 to 1 s of CPU, the most of any endpoint, and
// under load the same topics come again. When full, an arbitrary entry
// makes room.
type studyCache struct {
	mu      sync.Mutex
	max     int
	done    map[string]*study.Study
	pending map[string]*studyCall
}

type studyCall struct {
	wait chan struct{}
	res  *study.Study
	err  error
}

func newStudyCache(max int) *studyCache {
	return &studyCache{max: max, done: map[string]*study.Study{}, pending: map[string]*studyCall{}}
}

// get returns the study under key, writing it with mk when no request has:
// concurrent requests for the same key wait for the one writing it (or for
// their own context). Failures are not kept.
func (c *studyCache) get(ctx context.Context, key string, mk func() (*study.Study, error)) (*study.Study, error) {
	c.mu.Lock()
	if s, ok := c.done[key]; ok {
		c.mu.Unlock()
		return s, nil
	}
	if call, ok := c.pending[key]; ok {
		c.mu.Unlock()
		select {
		case <-call.wait:
			if call.err == nil {
				return call.res, nil
			}
			// The writer's failure may be its own deadline: try once
			// ourselves.
			return mk()
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	call := &studyCall{wait: make(chan struct{})}
	c.pending[key] = call
	c.mu.Unlock()

	call.res, call.err = mk()
	c.mu.Lock()
	delete(c.pending, key)
	if call.err == nil {
		for k := range c.done {
			if len(c.done) < c.max {
				break
			}
			delete(c.done, k)
		}
		c.done[key] = call.res
	}
	c.mu.Unlock()
	close(call.wait)
	return call.res, call.err
}
