package berean

import (
	"context"

	"berean/index"
	"berean/library"
	"berean/query"
	"berean/search"
)

// Searcher opens the persisted index, building it first when it is missing,
// stale or corrupt (lo carries the progress callback and logger for that).
// The searcher is opened once and shared.
func (e *Engine) Searcher(ctx context.Context, lo index.LoadOptions) (*search.Searcher, error) {
	if lo.Logger == nil {
		lo.Logger = e.log
	}
	lo.InMemory = lo.InMemory || e.opts.IndexInMemory
	return lazy(e, "searcher", func() (*search.Searcher, error) {
		return library.Load(ctx, e.corpus, e.opts.CacheDir, lo)
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

// SearchRequest is a concordance search: GET /api/search and the web UI.
type SearchRequest struct {
	Query  string
	Bibles []string
	N      int
	Offset int
	Order  string // "bible" (default) or "relevance"
	Exact  bool
	KWIC   int
	Stats  bool
}

// MaxSearchResults bounds N.
const MaxSearchResults = 1000

// Search runs a query of the search language.
func (e *Engine) Search(ctx context.Context, r SearchRequest) (*search.Result, error) {
	order, err := search.ParseOrder(r.Order)
	if err != nil {
		return nil, inputErr(CodeBadQuery, err)
	}
	q, err := query.Parse(r.Query)
	if err != nil {
		return nil, inputErr(CodeBadQuery, err)
	}
	n := r.N
	if n == 0 {
		n = 20
	}
	n = min(n, MaxSearchResults)
	opts := search.Options{Bibles: r.Bibles, N: n, Offset: r.Offset, Order: order, Exact: r.Exact, KWIC: r.KWIC, Stats: r.Stats}
	var res *search.Result
	err = e.WithIndex(ctx, func() error {
		// A damaged block found after opening drops the index: the
		// second run rebuilds it.
		s, err := e.Searcher(ctx, index.LoadOptions{})
		if err != nil {
			return err
		}
		res, err = s.Search(ctx, q, opts)
		return err
	})
	if err != nil {
		return nil, UserError(err)
	}
	res.Query = r.Query
	return res, nil
}
