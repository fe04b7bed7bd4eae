package index

// Verse texts, stored as token streams (see doc.go, "TEXT"): every verse
// is its words and the separators between them, each replaced by its
// number in a per-Bible table of surface forms (FORMS) or separators
// (SEPS), numbered by frequency so that common words take one byte. The
// byte spans of the words fall out of decoding, so highlighting needs no
// second table and no re-analysis. For the KJV: 4.2 MB of text and 1.7 MB
// of word spans become 1.5 MB, and a verse decodes in about a microsecond.

import (
	"encoding/binary"
	"sort"
	"strings"
)

// noSep marks the default separator before a word: "" before the first,
// " " before the others.
const noSep = ^uint32(0)

type textBuilder struct {
	seps                map[string]uint32
	formNames, sepNames []string
	formCount, sepCount []int
	stream              []uint32 // per doc: (sep, form) per word, then the trailing sep
	docStart            []uint32 // start of each doc in stream
}

func newTextBuilder() *textBuilder {
	return &textBuilder{seps: map[string]uint32{}}
}

func intern(m map[string]uint32, names *[]string, counts *[]int, s string) uint32 {
	id, ok := m[s]
	if !ok {
		s = strings.Clone(s)
		id = uint32(len(*names))
		m[s] = id
		*names = append(*names, s)
		*counts = append(*counts, 0)
	}
	(*counts)[id]++
	return id
}

// form numbers a new surface form (the caller caches the numbers).
func (tb *textBuilder) form(surface string) uint32 {
	id := uint32(len(tb.formNames))
	tb.formNames = append(tb.formNames, surface)
	tb.formCount = append(tb.formCount, 0)
	return id
}

// add records a verse: its tokens with the numbers of their surface forms.
func (tb *textBuilder) add(text string, toks []token, forms []uint32) {
	tb.docStart = append(tb.docStart, uint32(len(tb.stream)))
	prev := 0
	for i, t := range toks {
		sep := text[prev:t.Start]
		if (i == 0 && sep == "") || (i > 0 && sep == " ") {
			tb.stream = append(tb.stream, noSep)
		} else {
			tb.stream = append(tb.stream, intern(tb.seps, &tb.sepNames, &tb.sepCount, sep))
		}
		tb.stream = append(tb.stream, forms[i])
		tb.formCount[forms[i]]++
		prev = t.End
	}
	tb.stream = append(tb.stream, intern(tb.seps, &tb.sepNames, &tb.sepCount, text[prev:]))
}

// byFrequency returns new ids (most frequent first, ties by string) and
// the names in that order.
func byFrequency(names []string, counts []int) (newID []uint32, ordered []string) {
	ord := make([]int, len(names))
	for i := range ord {
		ord[i] = i
	}
	sort.Slice(ord, func(a, b int) bool {
		if counts[ord[a]] != counts[ord[b]] {
			return counts[ord[a]] > counts[ord[b]]
		}
		return names[ord[a]] < names[ord[b]]
	})
	newID = make([]uint32, len(names))
	ordered = make([]string, len(names))
	for r, i := range ord {
		newID[i] = uint32(r)
		ordered[r] = names[i]
	}
	return newID, ordered
}

// finish encodes TEXT, FORMS and SEPS. lens are the word counts per doc.
func (tb *textBuilder) finish(lens []byte) (text, forms, seps []byte) {
	formID, formNames := byFrequency(tb.formNames, tb.formCount)
	sepID, sepNames := byFrequency(tb.sepNames, tb.sepCount)
	n := len(tb.docStart)
	var rec []byte
	offs := make([]byte, 0, (n+1)*4)
	for d := 0; d < n; d++ {
		offs = le.AppendUint32(offs, uint32(len(rec)))
		s := tb.stream[tb.docStart[d]:]
		words := int(le.Uint16(lens[2*d:]))
		k := 0
		for range words {
			sep, form := s[k], s[k+1]
			k += 2
			if sep == noSep {
				rec = binary.AppendUvarint(rec, uint64(formID[form])<<1)
			} else {
				rec = binary.AppendUvarint(rec, uint64(formID[form])<<1|1)
				rec = binary.AppendUvarint(rec, uint64(sepID[sep]))
			}
		}
		rec = binary.AppendUvarint(rec, uint64(sepID[s[k]]))
	}
	offs = le.AppendUint32(offs, uint32(len(rec)))
	return append(offs, rec...), appendStrtab(nil, formNames), appendStrtab(nil, sepNames)
}

// A strtab is a numbered list of strings: uint32 n, (n+1) × uint32
// offsets, the bytes.
type strtab struct {
	n    int
	off  []byte
	data []byte
}

func appendStrtab(dst []byte, ss []string) []byte {
	dst = le.AppendUint32(dst, uint32(len(ss)))
	o := 0
	for _, s := range ss {
		dst = le.AppendUint32(dst, uint32(o))
		o += len(s)
	}
	dst = le.AppendUint32(dst, uint32(o))
	for _, s := range ss {
		dst = append(dst, s...)
	}
	return dst
}

func parseStrtab(b []byte) (strtab, error) {
	if len(b) < 4 {
		return strtab{}, corruptf("string table of %d bytes", len(b))
	}
	n := int(le.Uint32(b))
	if n < 0 || n > (len(b)-8)/4 {
		return strtab{}, corruptf("string table claims %d strings in %d bytes", n, len(b))
	}
	return strtab{n: n, off: b[4 : 8+4*n], data: b[8+4*n:]}, nil
}

func (t *strtab) at(i int) []byte {
	if i < 0 || i >= t.n {
		return nil
	}
	a, z := le.Uint32(t.off[4*i:]), le.Uint32(t.off[4*i+4:])
	if a > z || int64(z) > int64(len(t.data)) {
		return nil
	}
	return t.data[a:z]
}

// Verse appends the clean text of doc to text and the byte spans [start,
// end) in it of its words, indexed by word position, to spans: the
// positions of postings map to the text through them.
func (b *Bible) Verse(doc int, text []byte, spans [][2]int) ([]byte, [][2]int) {
	if doc < 0 || doc >= b.docs {
		return text, spans
	}
	if !b.lazyText.ok(4*doc, 8) {
		return text, spans
	}
	s, e := le.Uint32(b.textOff[4*doc:]), le.Uint32(b.textOff[4*doc+4:])
	if s > e || int64(e) > int64(len(b.text)) || !b.lazyText.ok(len(b.textOff)+int(s), int(e-s)) {
		return text, spans
	}
	rec := b.text[s:e]
	base := len(text)
	p := 0
	for i := range b.DocLen(doc) {
		code := uvarint(rec, &p)
		if p > len(rec) {
			return text, spans
		}
		if code&1 != 0 {
			text = append(text, b.seps.at(int(uvarint(rec, &p)))...)
		} else if i > 0 {
			text = append(text, ' ')
		}
		start := len(text) - base
		text = append(text, b.forms.at(int(code>>1))...)
		spans = append(spans, [2]int{start, len(text) - base})
	}
	if p < len(rec) {
		text = append(text, b.seps.at(int(uvarint(rec, &p)))...)
	}
	return text, spans
}

// Text returns the clean text of doc.
func (b *Bible) Text(doc int) string {
	t, _ := b.Verse(doc, nil, nil)
	return string(t)
}
