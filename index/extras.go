package index

import (
	"context"
	"sync"
	"time"
)

// extras are the optional sources of the global sections built beside the
// Bibles: the thesaurus (needs the Bibles' vocabulary to filter its
// entries) and the commentaries.
type extras struct {
	thes     map[string]map[string]float64
	forms    map[string]map[string]bool
	comm     *commentField
	thesErr  error
	commErr  error
	thesMs   int64
	commMs   int64
	hasThes  bool
	hasComms bool
}

// startExtras starts reading the optional sources of src in wg.
func startExtras(ctx context.Context, src Source, wg *sync.WaitGroup) *extras {
	e := &extras{}
	if ts, ok := src.(ThesaurusSource); ok {
		e.hasThes = true
		wg.Go(func() {
			t0 := time.Now()
			e.thes, e.forms, e.thesErr = collectThesaurus(ctx, ts)
			e.thesMs = time.Since(t0).Milliseconds()
		})
	}
	if cs, ok := src.(CommentaryTextSource); ok {
		e.hasComms = true
		wg.Go(func() {
			t0 := time.Now()
			e.comm, e.commErr = collectComments(ctx, cs)
			e.commMs = time.Since(t0).Milliseconds()
		})
	}
	return e
}

// finish encodes the sections once the Bibles are built (vocabs: each
// Bible's stem terms; common: those it writes in lower case somewhere).
func (e *extras) finish(vocabs, common [][]string) ([]sectionData, []ModuleMeta, error) {
	var secs []sectionData
	var metas []ModuleMeta
	if e.thesErr != nil {
		return nil, nil, e.thesErr
	}
	if e.commErr != nil {
		return nil, nil, e.commErr
	}
	if e.hasThes && len(e.thes) > 0 {
		b := buildThesaurus(e.thes, stemSet(vocabs))
		secs = append(secs, sectionData{secThes, b})
		if len(e.forms) > 0 {
			secs = append(secs, sectionData{secInflect, buildInflect(e.forms, stemSet(common))})
		}
		metas = append(metas, ModuleMeta{Name: "WordNet", Kind: "thesaurus", Entries: len(e.thes), Millis: e.thesMs})
	}
	if e.hasComms && e.comm != nil && e.comm.n > 0 {
		d, l := e.comm.encode()
		secs = append(secs, sectionData{secCommDict, d}, sectionData{secCommLens, l})
		metas = append(metas, ModuleMeta{Name: "commentaries", Kind: "commentary", Entries: e.comm.n, Millis: e.commMs})
	}
	return secs, metas, nil
}

// stemSet is the union of the Bibles' stem lists.
func stemSet(lists [][]string) map[string]bool {
	out := map[string]bool{}
	for _, l := range lists {
		for _, s := range l {
			out[s] = true
		}
	}
	return out
}
