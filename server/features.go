package server

import (
	"context"
	"sync"

	"berean/ask"
	"berean/index"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// features holds the engines built on the search index (ask, xref, study) and
// the verify model. Each is built on first use and kept; a failed build is not
// kept, so a later request retries.
type features struct {
	mu     sync.Mutex
	asker  *ask.Asker
	finder *xref.Finder
	model  *verify.Model
	vdeps  verify.Deps
}

func (s *Server) asker(ctx context.Context) (*ask.Asker, error) {
	g := s.cur()
	g.feat.mu.Lock()
	defer g.feat.mu.Unlock()
	if g.feat.asker != nil {
		return g.feat.asker, nil
	}
	se, err := g.eng.Searcher(ctx, index.LoadOptions{})
	if err != nil {
		return nil, err
	}
	g.feat.asker = ask.New(se.Index())
	return g.feat.asker, nil
}

func (s *Server) finder(ctx context.Context) (*xref.Finder, error) {
	g := s.cur()
	g.feat.mu.Lock()
	defer g.feat.mu.Unlock()
	if g.feat.finder != nil {
		return g.feat.finder, nil
	}
	se, err := g.eng.Searcher(ctx, index.LoadOptions{})
	if err != nil {
		return nil, err
	}
	g.feat.finder = xref.New(se.Index())
	return g.feat.finder, nil
}

func (s *Server) studier(ctx context.Context) (*study.Studier, error) {
	a, err := s.asker(ctx)
	if err != nil {
		return nil, err
	}
	f, err := s.finder(ctx)
	if err != nil {
		f = nil
	}
	return study.New(a, f, s.cur().eng.Corpus()), nil
}

// verifyDeps loads (or builds and saves) the verify model once, and uses the
// search index for misplaced quotations when it is available.
func (s *Server) verifyDeps(ctx context.Context) (verify.Deps, error) {
	g := s.cur()
	g.feat.mu.Lock()
	defer g.feat.mu.Unlock()
	if g.feat.model != nil {
		return g.feat.vdeps, nil
	}
	m, err := verify.CachedModel(ctx, verify.FromCorpus(g.eng.Corpus()), g.eng.CacheDir())
	if err != nil {
		return verify.Deps{}, err
	}
	d := verify.Deps{Model: m}
	if se, err := g.eng.Searcher(ctx, index.LoadOptions{}); err == nil {
		d.Finder = verify.SearchFinder{Searcher: se}
	}
	g.feat.model, g.feat.vdeps = m, d
	return d, nil
}

// Warm builds the ask, xref and verify engines now, so that the first requests
// do not wait for them. Errors are returned but the server works without.
func (s *Server) Warm(ctx context.Context) error {
	if _, err := s.asker(ctx); err != nil {
		return err
	}
	if _, err := s.finder(ctx); err != nil {
		return err
	}
	_, err := s.verifyDeps(ctx)
	return err
}
