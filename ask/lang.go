package ask

import (
	"berean/analysis"
	"berean/index"
)

// Languages: an Asker answers from the Bibles of its index, which the
// caller gives it in one language (index.ForLang): an English question is
// never answered from a Spanish Bible, nor the other way round. The
// question is read in that language: its words are stemmed by the
// language's stemmer and its function and frame words ("dónde dice la
// Biblia que") are the language's stop words (analysis.IsStopIn). English
// keeps the reading of parseQuestion unchanged.

// indexLang is the language of an index's Bibles: the KJV's when it has
// one, else the first Bible's, or English for an index without Bibles.
func indexLang(ix *index.Index) string {
	if b, ok := ix.Bible("KJV"); ok {
		return b.Lang()
	}
	if bs := ix.Bibles(); len(bs) > 0 {
		return bs[0].Lang()
	}
	return analysis.English
}

// Lang is the language the Asker reads questions in and answers from.
func (a *Asker) Lang() string { return a.lang }

// parse reads a question in the Asker's language, misspelt words
// respelt (respell.go).
func (a *Asker) parse(q string) question {
	out := a.parseLang(q)
	a.respell(&out)
	return out
}

// parseLang reads a question's words in the Asker's language.
func (a *Asker) parseLang(q string) question {
	out := parseQuestion(q, a.refs)
	if a.lang == analysis.English {
		return out
	}
	content := 0
	for i := range out.words {
		w := &out.words[i]
		w.stem = index.StemTermIn(a.lang, w.text)
		w.stop = analysis.IsStopIn(a.lang, w.text) || analysis.IsStopIn(a.lang, w.stem)
		if !w.stop {
			content++
		}
	}
	if content == 0 {
		for i := range out.words {
			out.words[i].stop = false
		}
	}
	return out
}
