package verify

import "berean/analysis"

// termOf is the search index's term of a word: case and diacritics folded,
// archaic forms modernised, stemmed (package analysis), so that verify and
// search agree on what a word is.
func termOf(word string) string { return analysis.Analyzer{}.Term(word) }

// isStopWord: the analysis package's stop words (function words, pronouns,
// auxiliaries and their archaic forms), which translations vary freely.
func isStopWord(word string) bool { return analysis.IsStop(analysis.Fold(word)) }
