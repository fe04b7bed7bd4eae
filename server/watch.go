package server

import (
	"context"
	"time"

	"berean/install"
)

// Watch checks every interval whether the installed modules changed (a
// module installed, updated or removed, by berean or by any other SWORD
// tool) and, when they did, opens the engine again with Config.Reopen and
// swaps it in, so that /api/modules and every other endpoint show the change
// without a restart. Requests under way finish on the old engine, which is
// closed once they can no longer be running (after the request deadline). The
// search index rebuilds itself because the module fingerprint changed. Watch
// returns when ctx is done; without Reopen it returns at once.
func (s *Server) Watch(ctx context.Context, interval time.Duration) {
	if s.reopen == nil {
		return
	}
	install.Watch(ctx, s.cur().eng.Roots(), interval, func(ctx context.Context) {
		if err := s.Reload(ctx); err != nil {
			s.log.ErrorContext(ctx, "reopening the modules after a change failed; still serving the previous ones", "err", err)
		}
	})
}

// Reload opens the engine again and swaps it in (see Watch).
func (s *Server) Reload(ctx context.Context) error {
	eng, err := s.reopen()
	if err != nil {
		return err
	}
	old := s.gen.Swap(newGeneration(eng))
	s.log.InfoContext(ctx, "installed modules changed: reopened them", "modules", len(eng.Modules().Modules))
	time.AfterFunc(2*s.timeout+5*time.Second, func() { old.eng.Close() })
	return nil
}
