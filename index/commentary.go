package index

// The commentary field (COMMDICT, COMMLENS): the words of the installed
// commentaries, indexed as a field of the verses each comment covers
// (document expansion: a comment describes its verses in words the verses
// may not use). Keyed by KJV ordinals. Format in doc.go.

import (
	"context"
	"encoding/binary"
	"iter"
	"sort"
	"strconv"
	"strings"

	"berean/canon"
)

// CommentEntry is the comment of one verse in one commentary module.
type CommentEntry struct {
	Book           string // OSIS id
	Chapter, Verse int
	Text           string // plain text
	// Cites are the verses the comment cites (OSIS references of at most
	// a few verses each): how often commentators cite a verse measures
	// how well known it is.
	Cites []string
}

// CommentaryTextSource is a Source that also offers commentaries. Sources
// without it build indexes without the commentary field.
type CommentaryTextSource interface {
	CommentaryTexts(ctx context.Context) iter.Seq2[CommentEntry, error]
}

// commentField gathers the commentary words per KJV ordinal.
type commentField struct {
	post  map[string][]uint64 // stem -> ord<<16 | tf, ords increasing per entry batch
	lens  []uint32            // per KJV ordinal: words
	cites []uint32            // per KJV ordinal: citations by comments
	n     int                 // entries read
}

// collectComments reads every comment of src.
func collectComments(ctx context.Context, src CommentaryTextSource) (*commentField, error) {
	kjv := canon.KJV()
	f := &commentField{post: map[string][]uint64{}, lens: make([]uint32, kjv.VerseCount()), cites: make([]uint32, kjv.VerseCount())}
	// A comment linked to several verses comes once per verse with the
	// same text: its bag of stems is made once and shared.
	type bag struct {
		tf    map[string]uint32
		words uint32
	}
	var bags []*bag
	byOrd := map[int][]int32{} // ord -> bags
	stems := map[string]string{}
	var toks []token
	lastText := ""
	for e, err := range src.CommentaryTexts(ctx) {
		if err != nil {
			return nil, err
		}
		for _, c := range e.Cites {
			lo, hi, ok := verseSpan(kjv, c)
			if !ok || hi-lo >= citeMaxVerses {
				continue
			}
			for o := lo; o <= hi; o++ {
				f.cites[o]++
			}
		}
		ord, ok := kjv.Ordinal(e.Book, e.Chapter, e.Verse)
		if !ok || e.Text == "" {
			continue
		}
		f.n++
		if len(bags) == 0 || e.Text != lastText {
			lastText = e.Text
			b := &bag{tf: map[string]uint32{}}
			text := e.Text
			if len(text) > commentMaxBytes {
				text = text[:commentMaxBytes]
			}
			toks = tokenize(text, toks[:0])
			for _, t := range toks {
				s, ok := stems[t.Term]
				if !ok {
					s = stemFolded(t.Term)
					if isStop(t.Term) || len(s) < 2 {
						s = ""
					}
					stems[t.Term] = s
				}
				if s == "" {
					continue
				}
				b.tf[s]++
				b.words++
			}
			bags = append(bags, b)
		}
		bi := int32(len(bags) - 1)
		if l := byOrd[ord]; len(l) == 0 || l[len(l)-1] != bi {
			byOrd[ord] = append(l, bi)
			f.lens[ord] += bags[bi].words
		}
	}
	ords := make([]int, 0, len(byOrd))
	for o := range byOrd {
		ords = append(ords, o)
	}
	sort.Ints(ords)
	for _, o := range ords {
		l := byOrd[o]
		tf := bags[l[0]].tf
		if len(l) > 1 { // several comments on one verse: sum them
			tf = map[string]uint32{}
			for _, bi := range l {
				for s, n := range bags[bi].tf {
					tf[s] += n
				}
			}
		}
		for s, n := range tf {
			f.post[s] = append(f.post[s], uint64(o)<<16|uint64(min(n, 0xFFFF)))
		}
	}
	return f, nil
}

// commentMaxBytes: only the start of a long comment is indexed (the
// exposition comes first; the Treasury of David's essays run to tens of
// kilobytes, and all of it tripled the build's CPU time).
const commentMaxBytes = 4000

// citeMaxVerses: a citation of more verses is context, not a citation of
// each.
const citeMaxVerses = 4

// verseSpan is the KJV ordinal span of an OSIS verse or verse range
// ("Rom.8.34", "Matt.5.3-Matt.5.5"); chapters and books are not spans.
func verseSpan(kjv *canon.System, r string) (lo, hi int, ok bool) {
	a, b, isRange := strings.Cut(r, "-")
	if !isRange {
		b = a
	}
	parse := func(s string) (int, bool) {
		p := strings.Split(s, ".")
		if len(p) != 3 {
			return 0, false
		}
		ch, err1 := strconv.Atoi(p[1])
		v, err2 := strconv.Atoi(p[2])
		if err1 != nil || err2 != nil {
			return 0, false
		}
		return kjv.Ordinal(p[0], ch, v)
	}
	lo, ok1 := parse(a)
	hi, ok2 := parse(b)
	if !ok1 || !ok2 || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// encode writes COMMDICT (stem -> blob record "uvarint n, n × (uvarint
// ordinal delta, uvarint tf)") and COMMLENS (uint32 count n, then n ×
// uint16 word count and n × uint16 citation count, per KJV ordinal).
func (f *commentField) encode() (dictB, lensB []byte) {
	terms := sortedKeys(f.post)
	vals := make([]uint32, len(terms))
	var blob []byte
	for i, t := range terms {
		vals[i] = uint32(len(blob))
		l := f.post[t]
		blob = binary.AppendUvarint(blob, uint64(len(l)))
		prev := uint64(0)
		for _, x := range l {
			o := x >> 16
			blob = binary.AppendUvarint(blob, o-prev)
			blob = binary.AppendUvarint(blob, x&0xFFFF)
			prev = o
		}
	}
	dictB = appendDict(nil, terms, vals, blob)
	lensB = binary.LittleEndian.AppendUint32(nil, uint32(len(f.lens)))
	for _, n := range f.lens {
		lensB = binary.LittleEndian.AppendUint16(lensB, uint16(min(n, 0xFFFF)))
	}
	for _, n := range f.cites {
		lensB = binary.LittleEndian.AppendUint16(lensB, uint16(min(n, 0xFFFF)))
	}
	return dictB, lensB
}

// CommentField describes the commentary field: the number of KJV verses
// with commentary words and their mean length.
func (ix *Index) CommentField() (docs int, avgLen float64) {
	if len(ix.commLens) < 4 || !ix.concepts() {
		return 0, 0
	}
	n := int(le.Uint32(ix.commLens))
	if 4+2*n > len(ix.commLens) {
		return 0, 0
	}
	var total int
	for i := range n {
		if l := int(le.Uint16(ix.commLens[4+2*i:])); l > 0 {
			docs++
			total += l
		}
	}
	if docs == 0 {
		return 0, 0
	}
	return docs, float64(total) / float64(docs)
}

// CommentLen is the number of commentary words of a KJV ordinal.
func (ix *Index) CommentLen(ord int) int {
	if len(ix.commLens) < 4 || ord < 0 {
		return 0
	}
	n := int(le.Uint32(ix.commLens))
	if ord >= n || 4+2*ord+2 > len(ix.commLens) {
		return 0
	}
	return int(le.Uint16(ix.commLens[4+2*ord:]))
}

// CommentCites is the number of times the commentaries cite a KJV
// ordinal (in references of at most 4 verses).
func (ix *Index) CommentCites(ord int) int {
	if len(ix.commLens) < 4 || ord < 0 {
		return 0
	}
	n := int(le.Uint32(ix.commLens))
	at := 4 + 2*n + 2*ord
	if ord >= n || at+2 > len(ix.commLens) {
		return 0
	}
	return int(le.Uint16(ix.commLens[at:]))
}

// CommentPostings calls fn for each KJV ordinal whose commentary words
// have stem, in increasing order, with the term frequency; it returns the
// number of ordinals (the stem's document frequency).
func (ix *Index) CommentPostings(stem string, fn func(ord, tf int)) int {
	if ix.commDict.n == 0 || !ix.concepts() {
		return 0
	}
	v, ok := ix.commDict.blobOf(stem)
	if !ok {
		return 0
	}
	p := 0
	n := uvarint(v, &p)
	if p > len(v) || n > uint64(len(v)) {
		return 0
	}
	if fn == nil {
		return int(n)
	}
	ord := 0
	for range n {
		ord += int(uvarint(v, &p))
		tf := int(uvarint(v, &p))
		if p > len(v) {
			break
		}
		fn(ord, tf)
	}
	return int(n)
}
