package install

import (
	"context"
	"sync"
	"time"

	"berean/sword"
)

// Stamp is the fingerprint of the library the roots hold
// (sword.Library.Fingerprint): every conf of each root's mods.d and the
// files each module's driver reads. Installs, updates and removals rename
// confs into or out of mods.d, so each one changes it (the data directory
// is always in place before its conf), and so does a module's data changed
// by another tool; mkfastmod's search index and other files under a data
// path do not.
func Stamp(roots []string) string {
	lib, err := sword.OpenLibrary(roots)
	if err != nil {
		return "unreadable: " + err.Error()
	}
	return lib.Fingerprint()
}

// Watcher tells whether the modules of some library roots changed since it
// last looked; cheap enough (the confs read and the data files stat'ed, well
// under a millisecond for a dozen modules) to ask every second or two.
type Watcher struct {
	roots []string
	mu    sync.Mutex
	last  string
}

// NewWatcher starts watching roots from their current state.
func NewWatcher(roots []string) *Watcher {
	return &Watcher{roots: roots, last: Stamp(roots)}
}

// Changed reports whether the roots changed since the previous call (or
// since NewWatcher), and takes the new state as the reference.
func (w *Watcher) Changed() bool {
	s := Stamp(w.roots)
	w.mu.Lock()
	defer w.mu.Unlock()
	if s == w.last {
		return false
	}
	w.last = s
	return true
}

// Watch calls fn each time the modules of the roots change, checking every
// interval (default 2 s), until ctx is done. Use it in a server that must
// see modules installed by another process (berean modules install, or
// libsword's installmgr).
func Watch(ctx context.Context, roots []string, interval time.Duration, fn func(context.Context)) {
	if interval <= 0 {
		interval = 2 * time.Second
	}
	w := NewWatcher(roots)
	t := time.NewTicker(interval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if w.Changed() {
				fn(ctx)
			}
		}
	}
}
