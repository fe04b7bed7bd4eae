package search

import (
	"strings"

	"berean/index"
)

// Leaf constructors: every word goes through the same analysis functions
// the index was built with (index.StemTerm, index.ExactTerm,
// index.ModernTerm), so query-time and index-time normalisation agree.

// wordNode matches one word: by its stem (modernised and stemmed) or, with
// exact, by its folded form. A "word" the analyser splits into several
// (a hyphenated compound) becomes a phrase.
func wordNode(word string, exact bool) *node {
	forms := index.Words(word)
	switch len(forms) {
	case 0:
		return &node{op: opNone, text: word}
	case 1:
		if exact {
			return &node{op: opTerm, text: word, kind: index.ExactTerms, term: forms[0]}
		}
		return &node{op: opTerm, text: word, kind: index.StemTerms, term: index.StemTerm(forms[0])}
	}
	return phraseNode(forms, exact)
}

// prefixNode matches every folded form starting with the folded prefix.
func prefixNode(prefix string) *node {
	forms := index.Words(prefix)
	if len(forms) != 1 {
		return &node{op: opNone, text: prefix + "*"}
	}
	return &node{op: opPrefix, text: prefix + "*", term: forms[0]}
}

// strongNode matches the words tagged with a Strong's key ("G1793").
func strongNode(key string) *node {
	return &node{op: opStrong, text: key, term: key}
}

// phraseNode matches words at consecutive positions. Phrases are not
// stemmed ("make intercession" does not match "maketh intercession", as in
// a printed concordance and diatheke's phrase search), but archaic forms
// fold unless exact: "he lives" matches "he liveth".
func phraseNode(words []string, exact bool) *node {
	var ws []phraseWord
	for _, w := range words {
		for _, f := range index.Words(w) {
			pw := phraseWord{form: f}
			if !exact {
				pw.modern = index.ModernTerm(f)
			}
			ws = append(ws, pw)
		}
	}
	switch len(ws) {
	case 0:
		return &node{op: opNone, text: strings.Join(words, " ")}
	case 1:
		if exact {
			return &node{op: opTerm, text: words[0], kind: index.ExactTerms, term: ws[0].form}
		}
		// One word in quotes: its forms, not its stem.
	}
	return &node{op: opPhrase, text: strings.Join(words, " "), words: ws, exact: exact}
}

func and(kids ...*node) *node { return &node{op: opAnd, kids: kids} }
func or(kids ...*node) *node  { return &node{op: opOr, kids: kids} }
func not(kid *node) *node     { return &node{op: opNot, kids: []*node{kid}} }
