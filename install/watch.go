package install

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"time"
)

// Stamp fingerprints the module confs of the library roots: for each root's
// mods.d, the directory's modification time and the name, size and
// modification time of every file in it. Installs, updates and removals
// rename confs into or out of mods.d, so each one changes the stamp (the
// data directory is always in place before its conf). Roots without mods.d
// contribute their absence.
func Stamp(roots []string) string {
	h := sha256.New()
	for _, r := range roots {
		dir := filepath.Join(r, "mods.d")
		fmt.Fprintf(h, "root %s\n", r)
		fi, err := os.Stat(dir)
		if err != nil {
			fmt.Fprintf(h, "absent\n")
			continue
		}
		fmt.Fprintf(h, "dir %d\n", fi.ModTime().UnixNano())
		ents, _ := os.ReadDir(dir)
		names := make([]string, 0, len(ents))
		for _, e := range ents {
			names = append(names, e.Name())
		}
		sort.Strings(names)
		for _, n := range names {
			if fi, err := os.Stat(filepath.Join(dir, n)); err == nil {
				fmt.Fprintf(h, "%s %d %d\n", n, fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Watcher tells whether the modules of some library roots changed since it
// last looked; cheap enough (a few stat calls) to ask on every request.
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
