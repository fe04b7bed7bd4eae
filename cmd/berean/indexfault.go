package main

import (
	"context"
	"errors"

	"berean/index"

	"github.com/spf13/cobra"
)

// withIndex runs fn, which uses the search index through a.searcher (ask,
// xref, study, verify). When the index is found damaged during it (fn's
// error wraps index.ErrCorrupt, or a check of a section or block failed and
// the index recorded it; the damaged file is then removed), the engine is
// reopened and fn runs once more on a rebuilt index, so that no answer is
// printed from a damaged index with its missing parts left out.
func (a *app) withIndex(ctx context.Context, fn func() error) error {
	n := len(a.opened)
	err := fn()
	fault := a.indexFault(err, n)
	if fault == nil {
		return err
	}
	a.logger().Warn("the search index is damaged; rebuilding it", "err", fault)
	if a.eng != nil {
		a.eng.Close()
		a.eng = nil
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	m := len(a.opened)
	err = fn()
	if fault := a.indexFault(err, m); fault != nil && !errors.Is(err, index.ErrCorrupt) {
		return fault
	}
	return err
}

// indexFault is err when it wraps index.ErrCorrupt, else the damage the
// searchers opened since the n-th recorded.
func (a *app) indexFault(err error, n int) error {
	if errors.Is(err, index.ErrCorrupt) {
		return err
	}
	for _, s := range a.opened[n:] {
		if e := s.Index().Err(); e != nil {
			return e
		}
	}
	return nil
}

// executeGuarded runs the command with index.Guard: the CLI maps its index
// (a search takes milliseconds, and reading the file whole would double
// that), so a file truncated in place by another program during the run
// could fault it; in the main goroutine, where searches run, that is an
// error (exit 2) instead.
func executeGuarded(ctx context.Context, root *cobra.Command) (err error) {
	defer index.Guard(&err)()
	return root.ExecuteContext(ctx)
}
