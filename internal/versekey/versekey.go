// Package versekey holds what ask, xref and study share: verse keys in one
// key space, the ordinals of the KJV versification (canon.KJV().Ordinal;
// each indexed Bible maps its docs to them, index.Bible.KJVMaps), the parsing of OSIS
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
