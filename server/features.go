package server

import "context"

// The features on the search index and the verify model are the engine's,
// built once per language on first use (berean.Engine.Ask and the others
// choose the language); a new generation (modules changed) builds its own.

// Warm builds the ask, xref, study and verify engines of the default
// language now, so that the first requests do not wait for them. Errors
// are returned but the server works without.
func (s *Server) Warm(ctx context.Context) error {
	return s.cur().eng.Warm(ctx)
}
