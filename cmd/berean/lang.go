package main

import "berean/analysis"

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
