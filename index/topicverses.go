package index

// TOPICVERSES (kind 27): for each verse, the topics citing it. Format in
// doc.go.

import (
	"encoding/binary"
	"strconv"
	"strings"

	"berean/canon"
)

// maxCitedSpan is the longest reference (in verses) that cites each of its
// verses; a longer one (a chapter, a story) is context, not a citation.
const maxCitedSpan = 13

// buildTopicVerses inverts the topics' references: KJV ordinal -> TOPICS
// numbers, for the references of at most maxCitedSpan verses.
func buildTopicVerses(names []string, refs map[string][]string) []byte {
	kjv := canon.KJV()
	n := kjv.VerseCount()
	of := make([][]uint32, n)
	for id, name := range names {
		for _, r := range refs[name] {
			lo, hi, ok := osisSpan(kjv, r)
			if !ok || hi-lo >= maxCitedSpan {
				continue
			}
			for k := lo; k <= hi; k++ {
				if l := of[k]; len(l) == 0 || l[len(l)-1] != uint32(id) {
					of[k] = append(l, uint32(id))
				}
			}
		}
	}
	out := le.AppendUint32(nil, uint32(n))
	var recs []byte
	for _, l := range of {
		out = le.AppendUint32(out, uint32(len(recs)))
		recs = binary.AppendUvarint(recs, uint64(len(l)))
		prev := uint32(0)
		for _, id := range l {
			recs = binary.AppendUvarint(recs, uint64(id-prev))
			prev = id
		}
	}
	out = le.AppendUint32(out, uint32(len(recs)))
	return append(out, recs...)
}

// osisSpan is the KJV ordinals of an OSIS reference or range ("Heb.7.25",
// "Rom.8.26-Rom.8.27", "Lev.16").
func osisSpan(kjv *canon.System, s string) (lo, hi int, ok bool) {
	a, b, _ := strings.Cut(s, "-")
	if b == "" {
		b = a
	}
	lo, ok1 := osisOrd(kjv, a, false)
	hi, ok2 := osisOrd(kjv, b, true)
	return lo, hi, ok1 && ok2 && hi >= lo
}

func osisOrd(kjv *canon.System, s string, end bool) (int, bool) {
	book, rest, hasCh := strings.Cut(s, ".")
	bk, ok := kjv.Book(book)
	if !ok {
		return 0, false
	}
	ch, v := 1, 1
	if end {
		ch = bk.Chapters()
	}
	if hasCh {
		c, vs, hasV := strings.Cut(rest, ".")
		var err error
		if ch, err = strconv.Atoi(c); err != nil || ch < 1 || ch > bk.Chapters() {
			return 0, false
		}
		if end {
			v = bk.Verses[ch-1]
		}
		if hasV {
			if v, err = strconv.Atoi(vs); err != nil {
				return 0, false
			}
		}
	} else if end {
		v = bk.Verses[ch-1]
	}
	return kjv.Ordinal(book, ch, v)
}

// topicVerses is the parsed TOPICVERSES section.
type topicVerses struct {
	n         int
	off, recs []byte
}

func parseTopicVerses(b []byte) (topicVerses, error) {
	if len(b) < 4 {
		return topicVerses{}, corruptf("TOPICVERSES of %d bytes", len(b))
	}
	n := int(le.Uint32(b))
	if n <= 0 || n >= 1<<20 || len(b) < 4+4*(n+1) {
		return topicVerses{}, corruptf("TOPICVERSES: %d verses in %d bytes", n, len(b))
	}
	t := topicVerses{n: n, off: b[4 : 4+4*(n+1)], recs: b[4+4*(n+1):]}
	if int(le.Uint32(t.off[4*n:])) != len(t.recs) {
		return topicVerses{}, corruptf("TOPICVERSES: records do not fill the section")
	}
	return t, nil
}

// TopicCount returns how many topics cite the verse with KJV ordinal ord by
// a reference of at most 13 verses (TopicsCiting without the names): how
// well known the verse is, for the rankers of ask and study.
func (ix *Index) TopicCount(ord int) int {
	v := ix.topicVerseRecord(ord)
	p := 0
	n := uvarint(v, &p)
	if p > len(v) {
		return 0
	}
	return int(n)
}

// TopicsCiting returns the names of the topics citing the verse with KJV
// ordinal ord (canon.KJV().Ordinal) by a reference of at most 13 verses,
// in name order.
func (ix *Index) TopicsCiting(ord int) []string {
	return ix.topicNames(ix.topicVerseRecord(ord))
}

// topicVerseRecord is the TOPICVERSES record of a KJV ordinal (nil when
// out of range or when the sections failed their check).
func (ix *Index) topicVerseRecord(ord int) []byte {
	t := &ix.topicVerses
	if ord < 0 || ord >= t.n || !ix.xrefsOK() || !ix.concepts() {
		return nil
	}
	a := int(le.Uint32(t.off[4*ord:]))
	if a > len(t.recs) {
		return nil
	}
	return t.recs[a:]
}
