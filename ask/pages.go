package ask

import (
	"cmp"
	_ "embed"
	"math"
	"slices"
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
		for _, vw := range pageVerses(m.p) {
			s.vector(vw.k).Add(FPages, base*vw.x)
			if _, ok := s.pageOf[vw.k]; !ok {
				s.pageOf[vw.k] = pageTopic{m.p.name, int(vw.rows)}
			}
		}
	}
}

// verseWeight is a verse's weight in a topic (pageVerses) and how many
// of the topic's rows give it.
type verseWeight struct {
	k    int32
	x    float64
	rows int32
}

// pageVerses weighs the verses of a topic's rows: in each row, 1 for
// its first reference falling to ½ for its last, and within a range 1 for
// its first verse falling to ½ for its last (a verse a row gives twice
// keeps its best); summed over the rows in their order, divided by √rows.
// The verses come sorted by key, each with the number of rows giving it.
// (Sorted slices, not maps: the feedback builds this for every topic of
// the table in a question's first use.)
func pageVerses(p *namedPassage) []verseWeight {
	type entry struct {
		k   int32
		row int32
		x   float64
	}
	var es []entry
	for ri, row := range p.rows {
		for i, r := range row {
			place := 1 - 0.5*float64(i)/float64(len(row))
			lo, n := refSpan(r, namedVerses)
			for j := range n {
				es = append(es, entry{int32(lo + j), int32(ri), place * (1 - 0.5*float64(j)/float64(n))})
			}
		}
	}
	// By verse, then row: a row's best for the verse (a maximum: the
	// order within a row does not matter), then the rows' sum in row
	// order.
	slices.SortFunc(es, func(a, b entry) int { return cmp.Or(cmp.Compare(a.k, b.k), cmp.Compare(a.row, b.row)) })
	var out []verseWeight
	for i := 0; i < len(es); {
		k := es[i].k
		var sum float64
		var rows int32
		for i < len(es) && es[i].k == k {
			row, best := es[i].row, es[i].x
			for i++; i < len(es) && es[i].k == k && es[i].row == row; i++ {
				best = math.Max(best, es[i].x)
			}
			sum += best
			rows++
		}
		out = append(out, verseWeight{k, sum, rows})
	}
	n := math.Sqrt(float64(len(p.rows)))
	for i := range out {
		out[i].x /= n
	}
	return out
}

// weightOf is the weight of verse k in vs (sorted by key), 0 when absent.
func weightOf(vs []verseWeight, k int32) float64 {
	i, ok := slices.BinarySearchFunc(vs, k, func(v verseWeight, k int32) int { return cmp.Compare(v.k, k) })
	if !ok {
		return 0
	}
	return vs[i].x
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
