package index

// This file and lang.go are the only places the index meets package
// analysis: the builders and the cache call the functions below, lang.go
// names the languages. The index stores, for every word of a verse, two
// terms: its folded form (the "exact" term: case and diacritics folded)
// and its stem (the folded form modernised, liveth -> lives, then
// stemmed). Queries must put their words through the same functions;
// package search does so via the exported helpers below.

import "berean/analysis"

// token is a word of a text: its folded form, position and byte offsets.
type token = analysis.Token

// stemFolded is the English stem term of a word already folded.
func stemFolded(folded string) string { return analysis.Stem(folded) }

// stemFoldedIn is the stem term of a folded word in language lang.
func stemFoldedIn(lang, folded string) string { return analysis.StemIn(lang, folded) }

// modernFolded is the modernised form of a folded word ("liveth" -> "lives").
func modernFolded(folded string) string { return analysis.Modernize(folded) }

// isStop reports whether a folded word is a function word.
func isStop(folded string) bool { return analysis.IsStop(folded) }

// tokenize appends the words of text to dst: folded forms with word
// positions and byte offsets.
func tokenize(text string, dst []token) []token {
	return analysis.AppendSplit(dst, text)
}

// ExactTerm is the exact term of one word: folded (case, diacritics).
func ExactTerm(word string) string { return analysis.Fold(word) }

// ModernTerm is the folded, modernised form of one word, not stemmed
// ("liveth" -> "lives"): phrases match by it.
func ModernTerm(word string) string { return analysis.Modernize(analysis.Fold(word)) }

// StemTerm is the stem term of one word: folded, modernised, stemmed.
func StemTerm(word string) string { return analysis.Stem(analysis.Fold(word)) }

// Words returns the folded forms of the words of s, split as the index
// splits a verse: query words go through it so that both sides agree.
func Words(s string) []string {
	var out []string
	for _, t := range analysis.Split(s) {
		out = append(out, t.Term)
	}
	return out
}
