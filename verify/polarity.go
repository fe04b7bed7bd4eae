package verify

import (
	"strings"

	"berean/analysis"
)

// Polarity. Comparison drops function words, "not" among them, so a
// quotation that leaves out the passage's negation ("they know what they
// are doing" for "they know not what they do") or adds one matches as
// well as a faithful one. Translations render a negation in many ways ("know not",
// "don't know", "be careful for nothing", "in nothing be anxious") but
// rarely drop it, so a quotation whose polarity disagrees with its passage
// in every installed Bible says something else: a paraphrase at best.

// isNegation: a word that negates its clause.
func isNegation(w string) bool {
	w = strings.ToLower(analysis.Fold(w))
	switch w {
	case "not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "nowhere", "cannot", "lest", "nay", "naught", "nought":
		return true
	}
	return strings.HasSuffix(w, "n't") || strings.HasSuffix(w, "n\u2019t")
}

// negationReach: the words on either side of the matched words, in their
// clause, in which a negation still belongs to them ("shall not perish",
// "know not what", but not "Be strong and of a good courage; be not
// afraid" for "Be strong and courageous").
const negationReach = 2

// polarityDiffers reports whether the quotation's negations disagree with
// the passage's: the quotation has none where the passage words it matches
// (each ellipsis fragment on its own, with negationReach words either side)
// have one, or it has one where the whole passage has none.
func (m *Model) polarityDiffers(frags []string, bi, from, to int) bool {
	pw, clause := clauseWords(m.text(bi, from, to))
	pt := make([]int64, len(pw)) // term id, or -1 for a function word
	pneg := false
	for j, w := range pw {
		pt[j] = m.termID(w)
		pneg = pneg || isNegation(w)
	}
	var qneg bool
	for _, f := range frags {
		for _, w := range splitWords(f) {
			qneg = qneg || isNegation(w)
		}
	}
	if qneg {
		return !pneg
	}
	if !pneg {
		return false
	}
	for _, f := range frags {
		first, last := m.matchedRange(splitWords(f), pw, pt)
		if first < 0 {
			continue
		}
		for j := max(0, first-negationReach); j <= min(len(pw)-1, last+negationReach); j++ {
			if isNegation(pw[j]) && (j >= first && j <= last || j < first && clause[j] == clause[first] || j > last && clause[j] == clause[last]) {
				return true
			}
		}
	}
	return false
}

// termID is a word's content term id, or -1 for a function word or a word
// no Bible uses.
func (m *Model) termID(w string) int64 {
	if id, ok := m.words[w]; ok {
		return int64(id) - 1
	}
	if t, ok := contentTerm(m.lang, w); ok {
		if id, ok := m.vocab[t]; ok {
			return int64(id)
		}
	}
	return -1
}

// matchedRange aligns a quotation fragment's content words with the
// passage's words in order (the longest common subsequence of words that
// pairScore matches) and returns the first and last passage word matched,
// or -1, -1.
func (m *Model) matchedRange(qw, pw []string, pt []int64) (int, int) {
	q := m.quoteTerms([]string{strings.Join(qw, " ")})
	n, k := len(q), len(pw)
	if n == 0 || k == 0 {
		return -1, -1
	}
	match := func(i, j int) bool { return pt[j] >= 0 && m.pairScore(q[i], uint32(pt[j])) > 0 }
	dp := make([]int32, (n+1)*(k+1))
	w := k + 1
	for i := 1; i <= n; i++ {
		for j := 1; j <= k; j++ {
			v := max(dp[(i-1)*w+j], dp[i*w+j-1])
			if match(i-1, j-1) {
				v = max(v, dp[(i-1)*w+j-1]+1)
			}
			dp[i*w+j] = v
		}
	}
	first, last := -1, -1
	for i, j := n, k; i > 0 && j > 0; {
		switch {
		case match(i-1, j-1) && dp[i*w+j] == dp[(i-1)*w+j-1]+1:
			if last < 0 {
				last = j - 1
			}
			first = j - 1
			i--
			j--
		case dp[i*w+j] == dp[(i-1)*w+j]:
			i--
		default:
			j--
		}
	}
	return first, last
}

// clauseWords splits text into words (as splitWords) with the index of the
// clause each is in: clauses end at . , ; : ? ! and dashes.
func clauseWords(text string) ([]string, []int) {
	var words []string
	var clause []int
	c := 0
	for _, part := range strings.FieldsFunc(text, func(r rune) bool {
		return strings.ContainsRune(".,;:?!\u2014\u2013", r)
	}) {
		for _, w := range splitWords(part) {
			words = append(words, w)
			clause = append(clause, c)
		}
		c++
	}
	return words, clause
}
