package server

import (
	"context"
	"sync"
	"sync/atomic"
	"time"
)

// deadlineCtx is a request's context with a deadline whose timer is made
// only when somebody waits on it. context.WithTimeout arms a timer and
// registers a child with the request's context on every request, a sixth of
// a short request's handler time (GET /api/read under wrk); most requests
// (a verse, a lexicon entry) end without ever selecting on Done.
//
// Deadline reports the deadline at once. Done, and anything derived from the
// context (which calls Done), makes the timer-backed context. Err checks the
// clock: past the deadline it makes that context too, already expired, so
// Done is closed whenever Err reports DeadlineExceeded, as package context
// requires. stop releases the timer, if one was made.
type deadlineCtx struct {
	context.Context // the request's context
	deadline        time.Time
	mu              sync.Mutex
	timed           atomic.Pointer[timedCtx]
}

type timedCtx struct {
	ctx    context.Context
	cancel context.CancelFunc
}

func withLazyDeadline(parent context.Context, d time.Duration) *deadlineCtx {
	c := &deadlineCtx{Context: parent, deadline: time.Now().Add(d)}
	if pd, ok := parent.Deadline(); ok && pd.Before(c.deadline) {
		c.deadline = pd
	}
	return c
}

func (c *deadlineCtx) Deadline() (time.Time, bool) { return c.deadline, true }

func (c *deadlineCtx) make() context.Context {
	if t := c.timed.Load(); t != nil {
		return t.ctx
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.timed.Load(); t != nil {
		return t.ctx
	}
	ctx, cancel := context.WithDeadline(c.Context, c.deadline)
	c.timed.Store(&timedCtx{ctx, cancel})
	return ctx
}

func (c *deadlineCtx) Done() <-chan struct{} { return c.make().Done() }

func (c *deadlineCtx) Err() error {
	if t := c.timed.Load(); t != nil {
		return t.ctx.Err()
	}
	if err := c.Context.Err(); err != nil {
		return err
	}
	if !time.Now().Before(c.deadline) {
		return c.make().Err()
	}
	return nil
}

// stop releases the timer of the deadline, if one was made.
func (c *deadlineCtx) stop() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t := c.timed.Load(); t != nil {
		t.cancel()
	}
}
