package berean

import (
	"context"

	"berean/index"
	"berean/search"
)

// Searcher opens the persisted index, building it first when it is missing,
// stale or corrupt (lo carries the progress callback and logger for that).
// The searcher is opened once and shared.
func (e *Engine) Searcher(ctx context.Context, lo index.LoadOptions) (*search.Searcher, error) {
	if lo.Logger == nil {
		lo.Logger = e.log
	}
	return lazy(e, "searcher", func() (*search.Searcher, error) {
		return search.Load(ctx, e.corpus, e.opts.CacheDir, lo)
	})
}

// strongsCount counts the verses of the default Bible tagged with key.
func (e *Engine) strongsCount(ctx context.Context, key string) (int, string, error) {
	s, err := e.Searcher(ctx, index.LoadOptions{})
	if err != nil {
		return 0, "", err
	}
	bs, err := e.Bibles(nil)
	if err != nil {
		return 0, "", err
	}
	res, err := s.SearchString(ctx, "strong:"+key, search.Options{Bibles: []string{bs[0].Name()}, CountOnly: true})
	if err != nil {
		return 0, "", err
	}
	return res.Total, bs[0].Name(), nil
}
