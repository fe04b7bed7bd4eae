package berean

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"berean/index"
	"berean/internal/regfile"
	"berean/search"
	"berean/sword"
)

// Index health. The index checks its sections and blocks as they are first
// read (package index); a failed check makes the index fail for good and
// removes its file. Every feature built on the index (search, ask, xref,
// study, verify's finder) may meet the damage, and some carry on with less
// (ask without its topics), so the engine looks at the index after each of
// them: WithIndex runs a feature's work, and when the index was found damaged
// during it, records the fault, drops every feature built on the index and
// runs the work again on a rebuilt one. Until the rebuild succeeds the
// engine reports itself degraded (IndexHealth).

// IndexHealth is the state of the engine's search index.
type IndexHealth struct {
	Degraded bool   // damage was found and the rebuild has not finished
	Reason   string // the damage found last
	Faults   int64  // damage found since the engine opened
	Since    time.Time
}

// health is the engine's record of index faults.
type health struct {
	faults atomic.Int64
	mu     sync.Mutex
	state  IndexHealth
}

// IndexHealth reports whether damage was found in the index and not yet
// repaired.
func (e *Engine) IndexHealth() IndexHealth {
	e.health.mu.Lock()
	defer e.health.mu.Unlock()
	h := e.health.state
	h.Faults = e.health.faults.Load()
	return h
}

// OnIndexFault sets a function called once for each damage found (the
// server counts them).
func (e *Engine) OnIndexFault(f func(error)) {
	e.health.mu.Lock()
	defer e.health.mu.Unlock()
	e.onFault = f
}

// loadedIndex returns the index of the searcher built so far, without
// building one or waiting for a build.
func (e *Engine) loadedIndex() *index.Index {
	e.mu.Lock()
	sl := e.ext["searcher"]
	e.mu.Unlock()
	if sl == nil || !sl.mu.TryLock() {
		return nil
	}
	defer sl.mu.Unlock()
	if !sl.ok {
		return nil
	}
	if s, ok := sl.v.(*search.Searcher); ok {
		return s.Index()
	}
	return nil
}

// indexFault reports the damage found in the index in use: err when it
// wraps index.ErrCorrupt, else the index's own record.
func (e *Engine) indexFault(err error) error {
	if errors.Is(err, index.ErrCorrupt) {
		return err
	}
	if ix := e.loadedIndex(); ix != nil {
		return ix.Err()
	}
	return nil
}

// noteFault records damage, logs it and drops the features on the index.
func (e *Engine) noteFault(fault error) {
	e.health.faults.Add(1)
	e.health.mu.Lock()
	e.health.state = IndexHealth{Degraded: true, Reason: fault.Error(), Since: time.Now()}
	f := e.onFault
	e.health.mu.Unlock()
	e.log.Error("the search index is damaged; rebuilding it", "err", fault)
	if f != nil {
		f(fault)
	}
	e.dropDamaged()
}

// dropDamaged drops the features on the index unless the index in use is
// already a new, intact one or is being rebuilt (several requests may find
// the same damage at once; one rebuild serves them all).
func (e *Engine) dropDamaged() {
	e.mu.Lock()
	defer e.mu.Unlock()
	if sl := e.ext["searcher"]; sl != nil {
		if !sl.mu.TryLock() {
			return // being built
		}
		fresh := false
		if s, ok := sl.v.(*search.Searcher); ok && sl.ok && s.Index().Err() == nil {
			fresh = true
		}
		sl.mu.Unlock()
		if fresh {
			return
		}
	}
	for _, n := range dependents {
		delete(e.ext, n)
		for k := range e.ext {
			if strings.HasPrefix(k, n+":") { // the per-language features (lang.go)
				delete(e.ext, k)
			}
		}
	}
}

// WithIndex runs fn, which uses features built on the search index. When
// the index is found damaged during it (fn's error wraps index.ErrCorrupt,
// or the index recorded a failed check), every feature on the index is
// dropped and fn runs once more on a rebuilt index; fn must therefore get
// its features from the engine each time it runs. A second failure is
// returned.
func (e *Engine) WithIndex(ctx context.Context, fn func() error) error {
	err := fn()
	fault := e.indexFault(err)
	if fault == nil {
		return err
	}
	e.noteFault(fault)
	if cerr := ctxErr(ctx); cerr != nil {
		return fmt.Errorf("the search index was found damaged and is being rebuilt: %w", cerr)
	}
	err = fn()
	if fault := e.indexFault(err); fault != nil {
		return fmt.Errorf("the search index is still damaged after a rebuild: %w", fault)
	}
	if err == nil || e.loadedIndex() != nil {
		e.health.mu.Lock()
		e.health.state.Degraded = false
		e.health.mu.Unlock()
	}
	return err
}

// isModuleFault reports whether err is a module's fault (damaged, missing
// or unreadable data) rather than a bad reference.
func isModuleFault(err error) bool {
	var fe *sword.FormatError
	return errors.As(err, &fe) || errors.Is(err, sword.ErrCorrupt) || errors.Is(err, sword.ErrNotFound) || errors.Is(err, fs.ErrNotExist) || errors.Is(err, regfile.ErrNotRegular)
}
