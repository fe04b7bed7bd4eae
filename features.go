package berean

import (
	"context"

	"berean/ask"
	"berean/index"
	"berean/search"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// The features built on the search index (ask, xref, study) and the verify
// model are built once per engine, on first use, and shared by every caller
// (the server's requests): their caches (Nave's entries parsed, red-letter
// words, concept tables) then serve all of them. A failed build is not kept,
// so a later call retries; a searcher found damaged is dropped with them
// (Search), so that they are built again on the new index.

// dependents are the features that hold the searcher's index.
var dependents = []string{"searcher", "ask", "xref", "study"}

// Asker answers questions over the search index.
func (e *Engine) Asker(ctx context.Context) (*ask.Asker, error) {
	return lazy(e, "ask", func() (*ask.Asker, error) {
		s, err := e.Searcher(ctx, index.LoadOptions{})
		if err != nil {
			return nil, err
		}
		return ask.New(s.Index()), nil
	})
}

// Xref finds cross-references over the search index.
func (e *Engine) Xref(ctx context.Context) (*xref.Finder, error) {
	return lazy(e, "xref", func() (*xref.Finder, error) {
		s, err := e.Searcher(ctx, index.LoadOptions{})
		if err != nil {
			return nil, err
		}
		return xref.New(s.Index()), nil
	})
}

// Studier writes topical studies; without cross-references (their tables
// failed to build) it works from ask and Nave's alone.
func (e *Engine) Studier(ctx context.Context) (*study.Studier, error) {
	return lazy(e, "study", func() (*study.Studier, error) {
		a, err := e.Asker(ctx)
		if err != nil {
			return nil, err
		}
		x, err := e.Xref(ctx)
		if err != nil {
			e.log.Warn("cross-references unavailable to studies", "err", err)
			x = nil
		}
		return study.New(a, x, e.corpus), nil
	})
}

// VerifyDeps returns the verify model (loaded from the cache directory, or
// built and saved there) and, when the search index is open or buildIndex
// asks for it, the index for finding misplaced quotations. Without it,
// verify searches its own model: a one-off `berean verify` need not build
// the index.
func (e *Engine) VerifyDeps(ctx context.Context, buildIndex bool) (verify.Deps, error) {
	m, err := lazy(e, "verify-model", func() (*verify.Model, error) {
		return verify.CachedModel(ctx, verify.FromCorpus(e.corpus), e.opts.CacheDir)
	})
	if err != nil {
		return verify.Deps{}, err
	}
	d := verify.Deps{Model: m}
	if _, built := search.IndexPath(e.corpus, e.opts.CacheDir); built || buildIndex {
		if s, err := e.Searcher(ctx, index.LoadOptions{}); err == nil {
			d.Finder = verify.SearchFinder{Searcher: s}
		}
	}
	return d, nil
}
