package analysis

import (
	"strings"
	"sync"
	"unicode"

	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// English is the language code of English, the default: a module or a
// text whose language is unknown or empty is analysed as English.
const English = "en"

// Base returns the language part of a code as a SWORD conf writes it
// ("es", "es-ES", "pt_BR", "EN" -> "es", "es", "pt", "en"); "" is English.
func Base(code string) string {
	code = strings.ToLower(strings.TrimSpace(code))
	if i := strings.IndexAny(code, "-_"); i >= 0 {
		code = code[:i]
	}
	if code == "" {
		return English
	}
	return code
}

// snowballLang is a language of the Snowball library: its stemmer, which
// takes a lower-case word (stop words are stemmed too, the second
// argument, so that a stop list and the index agree), and its stop list,
// which takes a lower-case word with its diacritics (Detect).
type snowballLang struct {
	stem func(string, bool) string
	stop func(string) bool
}

// snowball are the Snowball languages other than English, by language
// code.
var snowball = sync.OnceValue(func() map[string]snowballLang {
	no := snowballLang{norwegian.Stem, norwegian.IsStopWord}
	return map[string]snowballLang{
		"es": {spanish.Stem, spanish.IsStopWord},
		"fr": {french.Stem, french.IsStopWord},
		"hu": {hungarian.Stem, hungarian.IsStopWord},
		"nb": no,
		"nn": no,
		"no": no,
		"ru": {russian.Stem, russian.IsStopWord},
		"sv": {swedish.Stem, swedish.IsStopWord},
	}
})

// HasStemmer reports whether words of the language are stemmed (English
// and the languages of the Snowball library: es, fr, hu, no/nb/nn, ru, sv).
// Words of other languages are indexed by their folded forms.
func HasStemmer(lang string) bool {
	lang = Base(lang)
	_, ok := snowball()[lang]
	return lang == English || ok
}

// StemIn is the search term of a folded word in a language: for English
// Stem (modernised, stemmed, derived); for a language with a Snowball
// stemmer, that stemmer's stem of the folded word; otherwise the folded
// word itself. Words that are not all letters are returned unchanged.
func StemIn(lang, folded string) string {
	lang = Base(lang)
	if lang == English {
		return Stem(folded)
	}
	sl, ok := snowball()[lang]
	if !ok || !allLetters(folded) {
		return folded
	}
	return sl.stem(folded, true)
}

// allLetters reports whether w is a non-empty run of letters and
// apostrophes (no digits: Strong's keys and numbers stay as they are).
func allLetters(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r != '\'' && !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// TermIn is the term of one word (not split) in a language: Fold, then
// unless exact, StemIn.
func TermIn(lang, word string, exact bool) string {
	f := Fold(word)
	if exact {
		return f
	}
	return StemIn(lang, f)
}

// IsStopIn reports whether a term is a stop word of the language (folded
// words and their stems, as IsStop). A language without a list has none.
func IsStopIn(lang, term string) bool {
	lang = Base(lang)
	if lang == English {
		return IsStop(term)
	}
	return langStops()[lang][term]
}

// langStops holds, per language other than English, its stop words
// folded and stemmed. Built on first use, never written after.
var langStops = sync.OnceValue(func() map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(langStopLists()))
	for lang, list := range langStopLists() {
		m := map[string]bool{}
		for _, w := range strings.Fields(list) {
			f := Fold(w)
			m[f] = true
			m[StemIn(lang, f)] = true
		}
		out[lang] = m
	}
	return out
})
