package index

// This file is the one place the index meets package analysis. The index
// stores, for every word of a verse, two terms: its folded form (the
// "exact" term: case and diacritics folded) and its stem (the folded form
// modernised, liveth -> lives, then stemmed). Queries must put their words
// through the same functions; package search does so via ExactTerm and
// StemTerm below.

import (
	"strings"
	"unicode"
)

// token is one word of a verse.
type token struct {
	form       string // folded form
	pos        uint32 // word position, 0-based
	start, end int    // byte offsets in the verse text
}

// tokenize appends the words of text to dst. TEMPORARY: a stand-in until
// package analysis lands.
func tokenize(text string, dst []token) []token {
	pos := uint32(0)
	start := -1
	for i, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			dst = append(dst, token{form: strings.ToLower(text[start:i]), pos: pos, start: start, end: i})
			pos++
			start = -1
		}
	}
	if start >= 0 {
		dst = append(dst, token{form: strings.ToLower(text[start:]), pos: pos, start: start, end: len(text)})
	}
	return dst
}

// ExactTerm is the exact (folded) term of one word.
func ExactTerm(word string) string { return strings.ToLower(word) }

// ModernTerm is the folded, modernised form of one word (no stemming).
func ModernTerm(word string) string {
	w := strings.ToLower(word)
	if strings.HasSuffix(w, "eth") && len(w) > 5 {
		return w[:len(w)-3] + "s"
	}
	return w
}

// StemTerm is the stemmed term of one word: folded, modernised, stemmed.
func StemTerm(word string) string {
	w := ModernTerm(word)
	w = strings.TrimSuffix(w, "s")
	w = strings.TrimSuffix(w, "ion")
	return w
}

// Words returns the folded forms of the words of s, as the index splits a
// verse: query words go through it so that both sides agree.
func Words(s string) []string {
	var out []string
	for _, t := range tokenize(s, nil) {
		out = append(out, t.form)
	}
	return out
}
