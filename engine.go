// Package berean is the library façade of the berean scripture study engine.
// The command line and the HTTP server both call it, so that their JSON
// agrees field for field: each operation returns one result type that is
// rendered as text, JSON or HTML by the caller. The operations are Read,
// Refs, Search, Lexicon, Topic, Modules and the four on the pooled Bibles
// of a language, Ask, Study, Xref and Verify (operations.go), each taking a
// context and a request and returning the result type of the contract.
//
// Errors the user can fix are *Error, with a code from the one list of
// errors.go; the CLI's exit status and --json error and the HTTP status and
// error shape both derive from the code (HTTPStatus, ExitStatus). Bible
// names are resolved once, by Bibles; the packages below keep their own
// sentinels (the index's ErrUnknownBible, which ask, xref, search and
// study wrap; verify's limits),
// given their codes in one place (UserError).
//
// An Engine opens the installed SWORD modules once (package corpus) and the
// persisted search index on first use. It is safe for concurrent use.
//
// Damage is reported, never passed off as text: a read of a damaged module
// fails with the module's fault (file, offset, verses affected), not as a bad
// reference; reads check verses × Bibles (MaxReadCells) from the references
// before any Bible is read; and damage found in the search index by any
// feature makes WithIndex drop every feature on that index and run the work
// again on a rebuilt one, recorded in IndexHealth (health.go).
//
// Every Bible has a language (conf Lang). The features that pool Bibles
// (ask, study, xref, verify) are built per language over that language's
// Bibles (lang.go), so another language changes no English result;
// references are read and written in the book names of the Bible's
// language or of --lang (Locale, ParserIn, ReadIn, RefsIn), from
// libsword's locale files in the library roots' locales.d.
package berean

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"berean/corpus"
	"berean/sword"
)

// Options configure an Engine. The zero value finds modules on the default
// paths and keeps the index in the default cache directory.
type Options struct {
	// SwordPaths are library roots searched before $SWORD_PATH, ~/.sword and
	// /usr/share/sword.
	SwordPaths []string
	// CacheDir holds the persisted index and verified copies of the
	// inflated module blocks read, from which a later process reads a
	// verse without inflating its block (sword.VerseModule.CacheBlocks)
	// (default $XDG_CACHE_HOME/berean, or ~/.cache/berean).
	CacheDir string
	Logger   *slog.Logger
	// IndexInMemory reads the index file into memory rather than mapping
	// it: a long-running process (the server) is then safe from the file
	// being truncated or overwritten in place.
	IndexInMemory bool
	// OnlyPaths makes SwordPaths the only library roots ($SWORD_PATH,
	// ~/.sword and /usr/share/sword are not searched): a library of
	// exactly the modules given, as tests need.
	OnlyPaths bool
}

// Engine is an opened library of modules plus its search index.
type Engine struct {
	opts   Options
	roots  []string
	log    *slog.Logger
	corpus *corpus.Corpus

	mu  sync.Mutex
	ext map[string]*slot // lazily built features, by name

	health  health      // damage found in the search index (health.go)
	onFault func(error) // under health.mu
}

// slot holds one lazily built feature. Each has its own lock, so that a
// slow build (the verify model on a fresh cache) does not hold up the
// others, and a build may use other features (ask opens the searcher).
type slot struct {
	mu sync.Mutex
	v  any
	ok bool
}

// Open finds and opens the installed modules.
func Open(o Options) (*Engine, error) {
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.CacheDir == "" {
		o.CacheDir = DefaultCacheDir()
	}
	roots := sword.DefaultRoots(o.SwordPaths)
	if o.OnlyPaths {
		roots = append([]string(nil), o.SwordPaths...)
	}
	c, err := corpus.Open(roots)
	if err != nil {
		return nil, err
	}
	c.CacheBlocks(o.CacheDir)
	return &Engine{opts: o, roots: roots, log: o.Logger, corpus: c, ext: map[string]*slot{}}, nil
}

// DefaultCacheDir is $XDG_CACHE_HOME/berean, or ~/.cache/berean.
func DefaultCacheDir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "berean")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "berean")
	}
	return filepath.Join(os.TempDir(), "berean-cache")
}

// Corpus is the opened modules.
func (e *Engine) Corpus() *corpus.Corpus { return e.corpus }

// Roots are the library roots searched, in order.
func (e *Engine) Roots() []string { return e.roots }

// CacheDir is where the index lives.
func (e *Engine) CacheDir() string { return e.opts.CacheDir }

// Logger is the engine's logger.
func (e *Engine) Logger() *slog.Logger { return e.log }

// lazy returns the feature stored under name, building it once with mk.
// Features that fail to build are not cached, so a later call retries.
func lazy[T any](e *Engine, name string, mk func() (T, error)) (T, error) {
	e.mu.Lock()
	sl := e.ext[name]
	if sl == nil {
		sl = &slot{}
		e.ext[name] = sl
	}
	e.mu.Unlock()
	sl.mu.Lock()
	defer sl.mu.Unlock()
	if sl.ok {
		return sl.v.(T), nil
	}
	v, err := mk()
	if err != nil {
		var zero T
		return zero, err
	}
	sl.v, sl.ok = v, true
	return v, nil
}

// forget drops lazily built features so that the next use builds them
// again (after their files were found damaged). Users still holding one
// keep a working copy until they finish; it is not closed here.
func (e *Engine) forget(names ...string) {
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, n := range names {
		delete(e.ext, n)
		for k := range e.ext {
			if strings.HasPrefix(k, n+":") { // the per-language features (lang.go)
				delete(e.ext, k)
			}
		}
	}
}

// Close releases the modules and the index. It waits for features being
// built.
func (e *Engine) Close() error {
	e.mu.Lock()
	slots := e.ext
	e.ext = map[string]*slot{}
	e.mu.Unlock()
	var errs []error
	for _, sl := range slots {
		sl.mu.Lock()
		if c, ok := sl.v.(interface{ Close() error }); ok && sl.ok {
			errs = append(errs, c.Close())
		}
		sl.v, sl.ok = nil, false
		sl.mu.Unlock()
	}
	if e.corpus != nil {
		errs = append(errs, e.corpus.Close())
	}
	return errors.Join(errs...)
}

// ctxErr returns the context's error, if any, for long loops.
func ctxErr(ctx context.Context) error {
	if ctx == nil {
		return nil
	}
	return ctx.Err()
}
