package main

import (
	"context"

	"berean"
	"berean/analysis"
	"berean/index"
	"berean/locale"
	"berean/ref"
	"berean/search"
	"berean/sword"
)

// refNamer writes an OSIS reference or list in the book names of a
// language ("1John.4.16" -> "1 Juan 4:16" in Spanish; Engine.RefNamer);
// English is ref.HumanOSIS.
func (a *app) refNamer(lang string) func(string) string {
	eng, err := a.engine()
	if err != nil {
		return ref.HumanOSIS
	}
	return eng.RefNamer(lang)
}

// hitNamer names a search hit in the book names of its Bible's language
// ("Génesis 3:17" in the RV1909); English hits keep humanRef. A locale is
// read only when a Bible of another language is among the hits.
func (a *app) hitNamer(ix *index.Index) func(search.Hit) string {
	locs := map[string]*locale.Locale{}
	return func(h search.Hit) string {
		b, ok := ix.Bible(h.Bible)
		if !ok || b.Lang() == analysis.English {
			return humanRef(h)
		}
		loc, seen := locs[b.Lang()]
		if !seen {
			loc, _ = locale.Find(b.Lang(), locale.Dirs(sword.DefaultRoots(a.swordPaths))...)
			locs[b.Lang()] = loc
		}
		if loc == nil {
			return humanRef(h)
		}
		return ref.Ref{Book: h.Book, Chapter: h.Chapter, Verse: h.Verse}.Format(loc)
	}
}

// indexedEngine opens the engine and its search index, building the index
// with a progress bar on a terminal when it is missing or stale, for the
// commands on the index (ask, study, xref).
func (a *app) indexedEngine(ctx context.Context) (*berean.Engine, error) {
	eng, err := a.engine()
	if err != nil {
		return nil, err
	}
	if _, err := eng.Searcher(ctx, a.buildProgress()); err != nil {
		return nil, err
	}
	return eng, nil
}
