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

// Each is built per language: the one of the Bible a request names, else
// of its text, else the default Bible's (berean.Engine.LangFor); an unknown
// Bible falls back to the default language and the feature reports it.

func (s *Server) lang(bible, text string) string {
	eng := s.cur().eng
	if l, err := eng.LangFor(bible, text); err == nil {
		return l
	}
	return eng.DefaultLang()
}

func (s *Server) asker(ctx context.Context, bible, text string) (*ask.Asker, error) {
	return s.cur().eng.AskerIn(ctx, s.questionLang(ctx, bible, text))
}

// questionLang is the language of a question or topic (berean.Engine.QuestionLang).
func (s *Server) questionLang(ctx context.Context, bible, text string) string {
	eng := s.cur().eng
	if l, err := eng.QuestionLang(ctx, bible, text); err == nil {
		return l
	}
	return eng.DefaultLang()
}

func (s *Server) finder(ctx context.Context, bible string) (*xref.Finder, error) {
	return s.cur().eng.XrefIn(ctx, s.lang(bible, ""))
}

func (s *Server) studier(ctx context.Context, bible, text string) (*study.Studier, error) {
	return s.cur().eng.StudierIn(ctx, s.questionLang(ctx, bible, text))
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
	if _, err := s.studier(ctx, "", ""); err != nil {
		return err
	}
	_, err := s.verifyDeps(ctx)
	return err
}
