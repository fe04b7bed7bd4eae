package main

import (
	"berean/analysis"
	"berean/corpus"
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
// ("1John.4.16" -> "1 Juan 4:16" in Spanish); English is humanOSIS.
func (a *app) refNamer(lang string) func(string) string {
	eng, err := a.engine()
	if err != nil {
		return humanOSIS
	}
	loc := eng.Locale(lang)
	if loc == nil {
		return humanOSIS
	}
	return func(osis string) string {
		r, err := corpus.ParseOSIS(osis)
		if err != nil {
			return humanOSIS(osis)
		}
		return r.Format(loc)
	}
}
