package index

// This file is the one place the index meets package analysis. The index
// stores, for every word of a verse, two terms: its folded form (the
// "exact" term: case and diacritics folded) and its stem (the folded form
// modernised, liveth -> lives, then stemmed). Queries must put their words
// through the same functions; package search does so via the exported
// helpers below.

import "berean/analysis"

// tokenize appends the words of text to dst: folded forms with word
// positions and byte offsets.
func tokenize(text string, dst []analysis.Token) []analysis.Token {
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
