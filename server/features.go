package server

import (
	"context"

	"berean/ask"
	"berean/study"
	"berean/verify"
	"berean/xref"
)

// The features on the search index and the verify model are the engine's,
// built once on first use (berean.Engine.Asker and the others); a new
// generation (modules changed) builds its own.

func (s *Server) asker(ctx context.Context) (*ask.Asker, error) { return s.cur().eng.Asker(ctx) }

func (s *Server) finder(ctx context.Context) (*xref.Finder, error) { return s.cur().eng.Xref(ctx) }

func (s *Server) studier(ctx context.Context) (*study.Studier, error) {
	return s.cur().eng.Studier(ctx)
}

// verifyDeps loads (or builds and saves) the verify model once, with the
// search index for misplaced quotations.
func (s *Server) verifyDeps(ctx context.Context) (verify.Deps, error) {
	return s.cur().eng.VerifyDeps(ctx, true)
}

// Warm builds the ask, xref, study and verify engines now, so that the
// first requests do not wait for them. Errors are returned but the server
// works without.
func (s *Server) Warm(ctx context.Context) error {
	if _, err := s.studier(ctx); err != nil {
		return err
	}
	_, err := s.verifyDeps(ctx)
	return err
}
