package index

// The lines of the topical dictionary: each short description of a
// topic's entry ("The prodigal son and his older brother") with the
// references it cites, and a dictionary from the stems of their words to
// the lines. Format in doc.go (LINES, LINEDICT).

import (
	"encoding/binary"
	"sort"
)

// TopicLine is one line of a topic's entry: its text (references
// removed), the sub-heading it stands under ("PARABLES OF"; empty for a
// line that is its own heading) and the references it cites.
type TopicLine struct {
	Heading string
	Text    string
	Refs    []string // OSIS references
}

// LineEntry is a stored line with its topic and the stems of its text's
// words (distinct, in order of first occurrence).
type LineEntry struct {
	Topic string
	TopicLine
	Stems []string
}

// buildLines encodes the lines of the topics, in the order of names (the
// TOPICS numbering), as the LINES and LINEDICT sections.
func buildLines(names []string, lines map[string][]TopicLine, stem func(string) string) (secLinesB, secLineDictB []byte) {
	type rec struct {
		topic int
		l     *TopicLine
		stems []string // of the text
	}
	var recs []rec
	post := map[string][]uint32{}
	add := func(s string, id uint32) {
		l := post[s]
		if len(l) == 0 || l[len(l)-1] != id {
			post[s] = append(l, id)
		}
	}
	var toks []token
	for ti, name := range names {
		var nameStems []string
		for _, t := range tokenize(name, toks[:0]) {
			nameStems = append(nameStems, stem(t.Term))
		}
		for li := range lines[name] {
			l := &lines[name][li]
			if len(l.Refs) == 0 {
				continue
			}
			id := uint32(len(recs))
			r := rec{topic: ti, l: l}
			seen := map[string]bool{}
			toks = tokenize(l.Text, toks[:0])
			for _, t := range toks {
				s := stem(t.Term)
				if !seen[s] {
					seen[s] = true
					r.stems = append(r.stems, s)
				}
			}
			recs = append(recs, r)
			// The posting of a stem lists a line once, whichever of its
			// text, heading or topic name holds it.
			var all []string
			all = append(all, r.stems...)
			for _, t := range tokenize(l.Heading, toks[:0]) {
				all = append(all, stem(t.Term))
			}
			all = append(all, nameStems...)
			sort.Strings(all)
			for i, s := range all {
				if i == 0 || s != all[i-1] {
					add(s, id)
				}
			}
		}
	}
	terms := sortedKeys(post)
	num := make(map[string]int, len(terms))
	vals := make([]uint32, len(terms))
	var blob []byte
	for i, t := range terms {
		num[t] = i
		vals[i] = uint32(len(blob))
		l := post[t]
		blob = binary.AppendUvarint(blob, uint64(len(l)))
		prev := uint32(0)
		for _, id := range l {
			blob = binary.AppendUvarint(blob, uint64(id-prev))
			prev = id
		}
	}
	secLineDictB = appendDict(nil, terms, vals, blob)
	records := make([]string, len(recs))
	var b []byte
	for i, r := range recs {
		b = b[:0]
		b = binary.AppendUvarint(b, uint64(r.topic))
		b = appendStr(b, r.l.Heading)
		b = appendStr(b, r.l.Text)
		b = binary.AppendUvarint(b, uint64(len(r.stems)))
		for _, s := range r.stems {
			b = binary.AppendUvarint(b, uint64(num[s]))
		}
		b = binary.AppendUvarint(b, uint64(len(r.l.Refs)))
		for _, ref := range r.l.Refs {
			b = appendStr(b, ref)
		}
		records[i] = string(b)
	}
	secLinesB = appendStrtab(nil, records)
	return secLinesB, secLineDictB
}

// TopicLines is the number of topic lines indexed (lines that cite
// references).
func (ix *Index) TopicLines() int {
	if !ix.concepts() {
		return 0
	}
	return ix.lines.n
}

// TopicLineDF is the number of lines whose text, heading or topic name
// holds stem.
func (ix *Index) TopicLineDF(stem string) int {
	if !ix.concepts() {
		return 0
	}
	v, ok := ix.lineDict.blobOf(stem)
	if !ok {
		return 0
	}
	p := 0
	n := uvarint(v, &p)
	if p > len(v) || n > uint64(ix.lines.n) {
		return 0
	}
	return int(n)
}

// TopicLineStems calls fn with every line stem starting with prefix, in
// order, while fn returns true.
func (ix *Index) TopicLineStems(prefix string, fn func(stem string) bool) {
	if !ix.concepts() {
		return
	}
	lo, hi := ix.lineDict.prefix(prefix)
	for i := lo; i < hi; i++ {
		if k := ix.lineDict.key(i); k != nil && !fn(string(k)) {
			return
		}
	}
}

// TopicLinesWith appends to dst the numbers of the lines whose text,
// heading or topic name holds stem, increasing.
func (ix *Index) TopicLinesWith(stem string, dst []int32) []int32 {
	if !ix.concepts() {
		return dst
	}
	v, ok := ix.lineDict.blobOf(stem)
	if !ok {
		return dst
	}
	p := 0
	n := uvarint(v, &p)
	id := uint64(0)
	for k := uint64(0); k < n && p <= len(v); k++ {
		id += uvarint(v, &p)
		if p > len(v) || id >= uint64(ix.lines.n) {
			break
		}
		dst = append(dst, int32(id))
	}
	return dst
}

// TopicLineStemIDs appends to dst the LINEDICT numbers of the distinct
// stems of line i's text, without decoding its strings.
func (ix *Index) TopicLineStemIDs(i int, dst []int32) []int32 {
	if !ix.concepts() {
		return dst
	}
	v := ix.lines.at(i)
	if v == nil {
		return dst
	}
	p := 0
	uvarint(v, &p)
	skipStr(v, &p)
	skipStr(v, &p)
	n := uvarint(v, &p)
	for k := uint64(0); k < n && p <= len(v); k++ {
		t := uvarint(v, &p)
		if p > len(v) || t >= uint64(ix.lineDict.n) {
			break
		}
		dst = append(dst, int32(t))
	}
	return dst
}

// TopicLineStem is the stem with LINEDICT number id ("" when out of range).
func (ix *Index) TopicLineStem(id int32) string {
	if !ix.concepts() {
		return ""
	}
	return string(ix.lineDict.key(int(id)))
}

// TopicLine returns line i: its topic, heading, text, the stems of its
// text and its references.
func (ix *Index) TopicLine(i int) (LineEntry, bool) {
	if !ix.concepts() {
		return LineEntry{}, false
	}
	v := ix.lines.at(i)
	if v == nil {
		return LineEntry{}, false
	}
	p := 0
	var e LineEntry
	t := uvarint(v, &p)
	if k := ix.topics.key(int(min(t, uint64(ix.topics.n)))); k != nil {
		e.Topic = string(k)
	}
	e.Heading = str(v, &p)
	e.Text = str(v, &p)
	n := uvarint(v, &p)
	for k := uint64(0); k < n && p <= len(v); k++ {
		id := uvarint(v, &p)
		if p > len(v) {
			break
		}
		if s := ix.lineDict.key(int(min(id, uint64(ix.lineDict.n)))); s != nil {
			e.Stems = append(e.Stems, string(s))
		}
	}
	n = uvarint(v, &p)
	for k := uint64(0); k < n && p <= len(v); k++ {
		s := str(v, &p)
		if p > len(v) {
			break
		}
		e.Refs = append(e.Refs, s)
	}
	return e, p <= len(v)
}

func skipStr(b []byte, p *int) {
	n := uvarint(b, p)
	if n > uint64(len(b)-min(*p, len(b))) {
		*p = len(b) + 1
		return
	}
	*p += int(n)
}
