package verify

import (
	"context"
	"strings"

	"berean/ref"
	"berean/search"
)

// SearchFinder finds where a quotation may come from through the search
// index: a ranked (BM25) query for any of the quotation's rarest words,
// over every indexed Bible. Without a Finder, Article uses the model's own
// inverted index, which ranks by the same idea (summed idf of the rarest
// words) and needs no index file.
type SearchFinder struct {
	Searcher *search.Searcher
}

// FindQuote implements Finder.
func (f SearchFinder) FindQuote(ctx context.Context, words []string, n int) ([]Candidate, error) {
	var ws []string
	for _, w := range words {
		// Query words, not query syntax: quotes, dashes and colons are
		// dropped (splitWords already keeps letters and digits only).
		if w = strings.TrimSpace(w); w != "" && !strings.EqualFold(w, "or") {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return nil, nil
	}
	res, err := f.Searcher.SearchString(ctx, strings.Join(ws, " OR "), search.Options{Bibles: []string{"all"}, N: n, Order: search.Relevance})
	if err != nil {
		return nil, err
	}
	out := make([]Candidate, 0, len(res.Results))
	for _, h := range res.Results {
		out = append(out, Candidate{Bible: h.Bible, Ref: ref.Ref{Book: h.Book, Chapter: h.Chapter, Verse: h.Verse}, Score: h.Score})
	}
	return out, nil
}
