package ask

import (
	"unicode/utf8"

	"berean/analysis"
	"berean/index"
)

// Misspelt words: a content word of the question that no Bible of the
// Asker has, that the thesaurus does not know either (so it is no word
// of modern English the Bibles word otherwise, like "gambling"), and that
// is at most one edit (two for words of 8 letters or more; a swap of two
// neighbouring letters is one) from a word of the Bibles is read as that
// word: "Zacheus" as Zacchaeus, "Pharoah" as Pharaoh, "Gethsemene",
// "samaritin". Of several such words the nearest, then the most frequent,
// is taken. Words shorter than respellMin are left alone (too many words
// are one edit from a short word).

const respellMin = 5

// respell replaces the misspelt content words of q in place.
func (a *Asker) respell(q *question) {
	for i := range q.words {
		w := &q.words[i]
		if w.stop || utf8.RuneCountInString(w.text) < respellMin {
			continue
		}
		if t := a.respelled(w.text, w.stem, w.exact); t != "" {
			w.text = t
			w.exact = index.ExactTerm(t)
			w.stem = index.StemTermIn(a.lang, t)
		}
	}
}

// respelled is the word of the Bibles that text is a misspelling of, or
// "".
func (a *Asker) respelled(text, stem, exact string) string {
	for _, m := range a.maps {
		if m.b.Stem(stem).Len() > 0 || m.b.Exact(exact).Len() > 0 {
			return ""
		}
	}
	if len(a.ix.Thesaurus(stem)) > 0 {
		return ""
	}
	r, _ := utf8.DecodeRuneInString(exact)
	first := string(r)
	best, bestD, bestN := "", 3, 0
	for _, m := range a.maps {
		m.b.Prefix(index.ExactTerms, first, func(term []byte, p index.Postings) bool {
			t := string(term)
			limit := 1
			if max(utf8.RuneCountInString(t), utf8.RuneCountInString(exact)) >= 8 {
				limit = 2
			}
			d := analysis.EditDistance(exact, t, limit)
			if d <= limit && (d < bestD || d == bestD && p.Len() > bestN) {
				best, bestD, bestN = t, d, p.Len()
			}
			return true
		})
	}
	return best
}
