package server

import (
	"context"
	"runtime"
)

// Heavy requests (ask, study, xref, verify: tens of milliseconds to a second
// of CPU each, and megabytes of garbage) run at most heavySlots at a time;
// the others wait for a turn or for their deadline. Without the bound, 64
// connections of them share two cores 32 ways: every one of them finishes
// late, the light requests (read, search) queue behind them, and the heap
// grows with the work in flight. Light requests are never held.

// heavySlots is the number of heavy requests run at once.
func heavySlots() int { return max(2, runtime.GOMAXPROCS(0)) }

// heavyTurn waits for a turn to run a heavy request; call the returned
// function when done.
func (s *Server) heavyTurn(ctx context.Context) (func(), error) {
	select {
	case s.heavy <- struct{}{}:
		return func() { <-s.heavy }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
