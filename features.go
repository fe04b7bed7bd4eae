package berean

import (
	"context"

	"berean/ask"
	"berean/library"
	"berean/study"
	"berean/verify"
)

// The features built on the search index (ask, xref, study) and the verify
// model are built once per engine, on first use, and shared by every caller
// (the server's requests): their caches (Nave's entries parsed, red-letter
// words, concept tables) then serve all of them. A failed build is not kept,
// so a later call retries; a searcher found damaged is dropped with them
// (Search), so that they are built again on the new index.

// dependents are the features that hold the searcher's index.
var dependents = []string{"searcher", "ask", "xref", "study"}

// asker answers questions over the search index, from the Bibles of the
// default language (askerIn).
func (e *Engine) asker(ctx context.Context) (*ask.Asker, error) {
	return e.askerIn(ctx, e.DefaultLang())
}

// studier writes topical studies in the default language (studierIn);
// without cross-references (their tables failed to build) it works from
// ask and Nave's alone.
func (e *Engine) studier(ctx context.Context) (*study.Studier, error) {
	return e.studierIn(ctx, e.DefaultLang())
}

// Warm builds the features of the default language (ask, xref, study and
// the verify model, with the search index) now, so that the first requests
// do not wait for them.
func (e *Engine) Warm(ctx context.Context) error {
	if _, err := e.studier(ctx); err != nil {
		return err
	}
	_, err := e.verifyDeps(ctx, true)
	return err
}

// verifyDeps returns the verify model (loaded from the cache directory, or
// built and saved there) and, when the search index is open or buildIndex
// asks for it, the index for finding misplaced quotations. Without it,
// verify searches its own model: a one-off `berean verify` need not build
// the index.
func (e *Engine) verifyDeps(ctx context.Context, buildIndex bool) (verify.Deps, error) {
	lang := e.DefaultLang()
	m, err := e.verifyModelIn(ctx, lang)
	if err != nil {
		return verify.Deps{}, err
	}
	d := verify.Deps{Model: m, ModelFor: func(l string) (*verify.Model, error) { return e.verifyModelIn(ctx, l) }}
	if _, built := library.IndexPath(e.corpus, e.opts.CacheDir); built || buildIndex {
		if s, err := e.SearcherIn(ctx, lang); err == nil {
			d.Finder = verify.SearchFinder{Searcher: s}
		}
	}
	return d, nil
}
