package main

import (
	"context"
	"strings"

	"berean"
	"berean/analysis"
	"berean/index"
	"berean/locale"
	"berean/ref"
	"berean/search"
	"berean/sword"
)

// refNamer writes an OSIS reference in the book names of a language
// ("1John.4.16" -> "1 Juan 4:16" in Spanish); English is ref.HumanOSIS.
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

// osisListNamer writes an OSIS list ("Ps.23.1,Ps.23.3-Ps.23.4") in the
// book names of a language; English is ref.HumanOSIS.
func (a *app) osisListNamer(lang string) func(string) string {
	eng, err := a.engine()
	if err != nil || eng.Locale(lang) == nil {
		return ref.HumanOSIS
	}
	one := a.refNamer(lang)
	return func(osis string) string {
		var parts []string
		for _, p := range strings.Split(osis, ",") {
			parts = append(parts, one(p))
		}
		return strings.Join(parts, ", ")
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
