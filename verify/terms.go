package verify

import "berean/analysis"

// termOf is the search index's term of a word: case and diacritics folded,
// archaic forms modernised, stemmed (package analysis), so that verify and
// search agree on what a word is.
func termOf(word string) string { return analysis.Analyzer{}.Term(word) }

// termIn is termOf in a language (the model's): English is termOf.
func termIn(lang, word string) string { return analysis.TermIn(lang, word, false) }

// isStopWord: the analysis package's stop words (function words, pronouns,
// auxiliaries and their archaic forms), which translations vary freely.
func isStopWord(word string) bool { return analysis.IsStop(analysis.Fold(word)) }

// isStopIn is isStopWord in a language.
func isStopIn(lang, word string) bool { return analysis.IsStopIn(lang, analysis.Fold(word)) }
