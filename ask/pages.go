package ask

import (
	_ "embed"
	"math"
	"sync"

	"berean/index"
)

// Topical pages: data/topics.tsv lists topics people ask the Bible about
// ("anxiety", "gambling", "assurance of salvation", "Christ's
// intercession"), one row per public page that answers one: the
// references the page gives, in its order, and its address. The table is
// a compilation of facts (which verses a page cites for a topic), taken
// only from sites of the training part of testdata/public.tsv, so that
// the test part measures questions on topics the table may share but
// pages it never read.
//
// A question names a topic as it names a passage (matchNamed: the
// topic's words, weighed by their idf over the topic names, covered by
// the question's content words by stem, family or misspelling, and in
// part by a word WordNet relates to a topic word as a form of its root,
// by the relation's weight: "anxious" covers 0.68 of "anxiety"). The
// verses of the rows of each topic it names get the feature "pages": the
// matched idf mass of the topic's words (idf over the topic names, so
// that a topic named by a word the Bibles lack, "loneliness", weighs as
// much as one they have) × coverage × Σ over the topic's rows of the verse's weight in
// the row, divided by √(rows of the topic). A verse's weight in a row is
// 1 for its first reference falling to ½ for its last (pages list the
// best known first), and within a range 1 for its first verse falling to
// ½ for its last; a verse several pages give is a verse people expect.
// Each row keeps its page's site: a training question asked by the fit or
// the evaluation gets nothing from the rows of its own site
// (leave-site-out, site.go).

//go:embed data/topics.tsv
var topicsTSV string

// pagesMinCov is the share of a topic's idf mass a question must match to
// name it: lower than a named passage's (namedMinCov), because a topic is
// often named by a related word that WordNet gives part credit to
// ("anxious" for "anxiety": 0.68).
const pagesMinCov = 0.5

var topicPages = sync.OnceValue(func() *namedTable { return nameTable(topicsTSV, pagesMinCov) })

// pages sets the pages feature for the topics of table t the question
// names.
func (s *scored) pages(t *namedTable, q *question, known func(string) bool, rel func(string, string) float64) {
	for _, m := range matchNamed(t, q, known, rel) {
		base := m.got * m.cov
		cites := map[int32]int{}
		for k, v := range pageVerses(m.p, cites) {
			s.vector(k)[FPages] += base * v
			if _, ok := s.pageOf[k]; !ok {
				s.pageOf[k] = pageTopic{m.p.name, cites[k]}
			}
		}
	}
}

// pageVerses weighs the verses of a topic's rows: in each row, 1 for
// its first reference falling to ½ for its last, and within a range 1 for
// its first verse falling to ½ for its last; summed over the rows, divided
// by √rows. When cites is not nil, it counts the rows giving each verse.
func pageVerses(p *namedPassage, cites map[int32]int) map[int32]float64 {
	val := map[int32]float64{}
	for _, row := range p.rows {
		got := map[int32]float64{}
		for i, r := range row {
			place := 1 - 0.5*float64(i)/float64(len(row))
			rv := topicVerses([]string{r}, namedVerses)
			for j, k := range rv {
				v := place * (1 - 0.5*float64(j)/float64(len(rv)))
				got[k] = math.Max(got[k], v)
			}
		}
		for k, v := range got {
			val[k] += v
			if cites != nil {
				cites[k]++
			}
		}
	}
	n := math.Sqrt(float64(len(p.rows)))
	for k := range val {
		val[k] /= n
	}
	return val
}

// pageTopic is the topic of topics.tsv that gave a verse its pages
// feature, and how many of the table's pages on it give the verse (the
// feedback feature: how many pages the table has on it).
type pageTopic struct {
	name  string
	pages int
}

// topicTable is the table of topical pages: data/topics.tsv unless the
// Asker was given another.
func (a *Asker) topicTable() *namedTable {
	if a.pagesTable != nil {
		return a.pagesTable
	}
	return topicPages()
}

// pageRel returns the thesaurus relation of a question's word to a word
// of a topic name (either direction), for words sharing relPrefix leading
// letters; each word's thesaurus entry is read once per question, and
// only when a pair needs it.
func (a *Asker) pageRel() func(qStem, nStem string) float64 {
	read := map[string]map[string]float64{}
	related := func(st string) map[string]float64 {
		m, ok := read[st]
		if !ok {
			m = thesMap(a.ix.Thesaurus(st))
			read[st] = m
		}
		return m
	}
	return func(qs, ns string) float64 {
		if commonPrefix(qs, ns) < relPrefix {
			return 0
		}
		return math.Max(related(qs)[ns], related(ns)[qs])
	}
}

// relPrefix: a WordNet relation gives part credit only between forms of
// one root, words whose stems share this many leading letters ("anxious",
// "anxiety"; "forgive", "forgiveness"). WordNet's synonyms of common
// question words otherwise name unrelated topics: "Jesus" is a synonym of
// "Redeemer", so every question about Jesus named the topic "redemption";
// "deity" is a synonym of "god".
const relPrefix = 4

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func thesMap(rs []index.ThesaurusWord) map[string]float64 {
	m := make(map[string]float64, len(rs))
	for _, r := range rs {
		m[r.Word] = r.Weight
	}
	return m
}
