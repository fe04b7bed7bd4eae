package study

import (
	"math"
	"strings"

	"berean/analysis"
	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
	"berean/retrieval"
)

// Parameters of the Old Testament evidence pass; see doc.go.
const (
	citeShare     = 0.3  // a verse a named topic cites scores this share of the topic's best (÷ sqrt(reference length))
	citeSpecific  = 50.0 // a named topic citing at most this many Old Testament verses is fully specific
	citeSpecPow   = 1.0  // specificity (citeSpecific / verses cited)^this
	citeSpanPow   = 0.5  // a reference of n verses: each verse ÷ n^this
	commonShare   = 0.01 // a concept in more than this share of the verses ...
	commonRatio   = 3.0  // ... and in this many times the verses of the topic's rarest concept is common
	commonPenalty = 0.5  // an Old Testament verse whose only evidence is a common concept: score × this
)

// citedOT adds the Old Testament verses that the named topics (those small
// enough to be specific) cite: RESURRECTION cites Job 19:25-27 and Dan 12:2,
// which share no word with "the resurrection of the dead" in the Old
// Testament. A topic citing many Old Testament verses says less of each.
func (s *Studier) citedOT(topic string, named []namedTopic, found []string, top float64, add func(int, float64, string)) {
	words := s.a.Words(topic)
	named = append([]namedTopic(nil), named...)
	// A topic whose name is two or more words of the topic (HOLY SPIRIT
	// in "the Holy Spirit as comforter"), found by retrieval.
	for _, name := range found {
		nws := index.Words(name)
		if len(nws) < 2 {
			continue
		}
		all := true
		for _, nw := range nws {
			ns := index.StemTerm(nw)
			has := false
			for _, w := range words {
				has = has || analysis.RelatedStems(ns, w.Stem)
			}
			all = all && has
		}
		dup := false
		for _, t := range named {
			dup = dup || t.name == name
		}
		if all && !dup {
			if t, ok := loadTopic(s.a.Index(), name, "", 1); ok {
				named = append(named, t)
			}
		}
	}
	cover := topicCover(words, named)
	for i, t := range named {
		if len(t.verses) > exampleTopicMax || subsumed(cover, i) {
			continue
		}
		n := 0
		for k := range t.verses {
			if versekey.IsOT(k) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		spec := math.Min(1, math.Pow(citeSpecific/float64(n), citeSpecPow))
		for _, sp := range t.spans {
			if !versekey.IsOT(sp[0]) {
				continue
			}
			w := citeShare * top * t.weight * spec / math.Pow(float64(sp[1]-sp[0]+1), citeSpanPow)
			for k := sp[0]; k <= sp[1]; k++ {
				pop := float64(s.a.Popularity(k))
				add(k, w*(1+0.1*math.Log1p(pop)), listedUnder([]string{t.name}))
			}
		}
	}
}

// commonOnly returns the test for an Old Testament verse whose only
// evidence is a common concept of the topic: not cited by a named topic,
// not linked by a quotation or a sub-heading, and having none of the
// topic's specific concepts (a word or a sibling in at most commonShare of
// the verses, or not many more than the rarest): Ruth 4:5 "the wife of the
// dead" for "the resurrection of the dead".
func (s *Studier) commonOnly(topic string, named []namedTopic, pool map[int]*item) func(*item) bool {
	cs := s.concepts(topic)
	type cv struct {
		vs map[int]int
		df int
	}
	var all []cv
	minDF := math.MaxInt
	for _, c := range cs {
		vs := s.a.StemVerses(c.stem)
		if len(vs) == 0 {
			continue
		}
		all = append(all, cv{vs, len(vs)})
		minDF = min(minDF, len(vs))
	}
	n := float64(canon.KJV().VerseCount())
	var specific []map[int]int
	for _, c := range all {
		if float64(c.df) > commonShare*n && float64(c.df) > commonRatio*float64(minDF) {
			continue
		}
		specific = append(specific, c.vs)
	}
	return func(it *item) bool {
		if it.linked || !versekey.IsOT(it.ord) {
			return false
		}
		if sup, _ := support(named, it.ord); sup > 0 {
			return false
		}
		for _, vs := range specific {
			if vs[it.ord] > 0 {
				return false
			}
		}
		return true
	}
}

// topicCover returns, per named topic, the words of the topic that its
// name has (HOLY SPIRIT: 'holy' and 'spirit').
func topicCover(words []retrieval.Word, named []namedTopic) []map[string]bool {
	out := make([]map[string]bool, len(named))
	for i, t := range named {
		out[i] = map[string]bool{}
		for _, nw := range index.Words(t.name) {
			ns := index.StemTerm(nw)
			for _, w := range words {
				if analysis.RelatedStems(ns, w.Stem) || strings.HasPrefix(ns, w.Stem) {
					out[i][w.Stem] = true
				}
			}
		}
	}
	return out
}

// subsumed reports whether another named topic's name has all the topic
// words that topic i's name has, and more: HOLINESS is named by 'holy' in
// "the Holy Spirit as comforter", HOLY SPIRIT by both words.
func subsumed(cover []map[string]bool, i int) bool {
	for j, c := range cover {
		if j == i || len(c) <= len(cover[i]) {
			continue
		}
		all := true
		for w := range cover[i] {
			all = all && c[w]
		}
		if all {
			return true
		}
	}
	return false
}
