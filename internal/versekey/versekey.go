// Package versekey holds what ask, xref and study share: verse keys in one
// key space, the ordinals of the KJV versification (canon.KJV().Ordinal),
// the mapping of each indexed Bible's docs to them, the parsing of OSIS
// references into them, the one conversion back (OSIS, Human, Range: an
// ordinal span as OSIS or as ref.Range.String prints it), and the listing of
// Nave's topics.
package versekey

import (
	"sort"

	"berean/canon"
	"berean/index"
	"berean/ref"
)

// Maps maps a Bible's docs to KJV ordinals (to: doc -> ordinal, -1 when
// none) and back (from: ordinal -> first doc, -1 when none). A Bible in
// another versification (the WEB is NRSVA) is mapped with canon.Map
// (canon.KJVOrdinal); its verses without a KJV counterpart (the
// deuterocanon) get no key. The index stores the mapping (KEYS); a Bible
// without it is mapped here.
func Maps(b *index.Bible) (to, from []int32) {
	kjv := canon.KJV()
	to = make([]int32, b.Docs())
	from = make([]int32, kjv.VerseCount())
	for i := range from {
		from[i] = -1
	}
	if !b.KJVKeys(to) {
		sys, ok := canon.Get(b.Versification())
		if !ok {
			sys = nil // an unknown versification is read as the KJV's
		}
		for d := range to {
			to[d] = -1
			book, ch, v := b.Ref(d)
			if ord, found := canon.KJVOrdinal(sys, book, ch, v); found {
				to[d] = int32(ord)
			}
		}
	}
	for d, ord := range to {
		if ord >= 0 && from[ord] < 0 {
			from[ord] = int32(d)
		}
	}
	return to, from
}

// RefOrd is the KJV ordinal of r: its first verse, or with end its last
// (a whole book or chapter spans all its verses).
func RefOrd(r ref.Ref, end bool) (int, bool) {
	kjv := canon.KJV()
	bk, ok := kjv.Book(r.Book)
	if !ok {
		return 0, false
	}
	ch, v := r.Chapter, r.Verse
	if ch == 0 {
		ch = 1
		if end {
			ch = bk.Chapters()
		}
	}
	if ch < 1 || ch > bk.Chapters() {
		return 0, false
	}
	if v == 0 {
		v = 1
		if end {
			v = bk.Verses[ch-1]
		}
	}
	return kjv.Ordinal(r.Book, ch, v)
}

// Span is the KJV ordinals of an OSIS reference or range ("Rom.8.26-Rom.8.27",
// "Lev.16", "Jude"), read by ref.ParseOSIS: from the first verse of its start
// to the last of its end.
func Span(osis string) (lo, hi int, ok bool) {
	r, err := ref.ParseOSIS(osis)
	if err != nil {
		return 0, 0, false
	}
	end := r.End
	if end.Book == "" {
		end = r.Start
	}
	lo, ok1 := RefOrd(r.Start, false)
	hi, ok2 := RefOrd(end, true)
	if !ok1 || !ok2 || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// topicNamer is implemented by indexes that can list their topics.
type topicNamer interface{ TopicNames() []string }

// TopicNames lists the Nave's topics of the index. When the index cannot
// list them, they are found by looking up every word of the indexed Bibles
// as a topic-name word (a topic whose name has no Bible word is missed).
func TopicNames(ix *index.Index) []string {
	if tn, ok := any(ix).(topicNamer); ok {
		return tn.TopicNames()
	}
	seen := map[string]bool{}
	var names []string
	for _, b := range ix.Bibles() {
		b.Prefix(index.ExactTerms, "", func(term []byte, _ index.Postings) bool {
			for _, n := range ix.TopicsForWord(string(term)) {
				if !seen[n] {
					seen[n] = true
					names = append(names, n)
				}
			}
			return true
		})
	}
	sort.Strings(names)
	return names
}
