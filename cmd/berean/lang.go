package main

import (
	"context"
	"strings"

	"berean/analysis"
	"berean/corpus"
	"berean/index"
	"berean/locale"
	"berean/ref"
	"berean/search"
	"berean/sword"
)

// langFor is the language a command naming a Bible (or none) about text
// runs in: the Bible's language, else the text's when Bibles of it are
// installed, else the default Bible's (berean.Engine.LangFor). An unknown
// Bible is reported later, by the command itself.
func (a *app) langFor(bible, text string) string {
	eng, err := a.engine()
	if err != nil {
		return analysis.English
	}
	l, err := eng.LangFor(bible, text)
	if err != nil {
		return eng.DefaultLang()
	}
	return l
}

// refNamer writes an OSIS reference in the book names of a language
// ("1John.4.16" -> "1 Juan 4:16" in Spanish); English is ref.HumanOSIS.
func (a *app) refNamer(lang string) func(string) string {
	eng, err := a.engine()
	if err != nil {
		return ref.HumanOSIS
	}
	loc := eng.Locale(lang)
	if loc == nil {
		return ref.HumanOSIS
	}
	return func(osis string) string {
		r, err := corpus.ParseOSIS(osis)
		if err != nil {
			return ref.HumanOSIS(osis)
		}
		return r.Format(loc)
	}
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

// osisIn turns a reference written in the book names of a language other
// than English ("Juan 3:16") into OSIS for the features that read English
// references; English, and text that is no reference there, pass as they
// are.
func (a *app) osisIn(text, bible, lang string) string {
	eng, err := a.engine()
	if err != nil || eng.Locale(lang) == nil {
		return text
	}
	bs, err := eng.Bibles([]string{bible})
	if err != nil {
		return text
	}
	rs, err := eng.ParseRefsIn(bs[0], []string{text}, lang)
	if err != nil {
		return text
	}
	return ref.OSIS(rs)
}

// questionLang is the language a question or topic is served in
// (berean.Engine.QuestionLang: its function words, else its words).
func (a *app) questionLang(ctx context.Context, bible, text string) string {
	eng, err := a.engine()
	if err != nil {
		return analysis.English
	}
	l, err := eng.QuestionLang(ctx, bible, text)
	if err != nil {
		return eng.DefaultLang()
	}
	return l
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
