package xref

import (
	"context"
	"hash/maphash"
	"slices"
	"sort"
	"strconv"

	"berean/analysis"
	"berean/index"
	"berean/internal/versekey"
)

// shingle is one n-gram of a verse: its hash and the doc.
type shingle struct {
	h uint64
	d uint32
}

// bibleTables are the precomputed tables of one Bible.
type bibleTables struct {
	b      *index.Bible
	toKey  []int32 // doc -> KJV ordinal (-1: none)
	fromKy []int32 // KJV ordinal -> doc (-1: none)
	words  []shingle
	strong []shingle
	wdocs  [][]uint64 // doc -> its word shingle hashes (distinct)
	sdocs  [][]uint64 // doc -> its Strong's shingle hashes (distinct)
}

var seed = maphash.MakeSeed()

// stopStems are the stems of function words, which shingles skip.
func stopStems() map[string]bool {
	m := map[string]bool{}
	for _, w := range analysis.StopWords(analysis.Function | analysis.Particles | analysis.Archaic |
		analysis.Query | analysis.Narration | analysis.Connective) {
		m[index.StemTerm(w)] = true
	}
	return m
}

// buildTables reads the token streams of a Bible back from its postings
// (every stem and Strong's list, once) and makes the shingle tables.
func buildTables(ctx context.Context, b *index.Bible) (*bibleTables, error) {
	n := b.Docs()
	t := &bibleTables{b: b}
	t.toKey, t.fromKy = versekey.Maps(b)
	off := make([]int, n+1)
	for d := 0; d < n; d++ {
		off[d+1] = off[d] + b.DocLen(d)
	}
	stop := stopStems()
	// Word stream: stem ids by position; -1 for stop words and very common
	// stems.
	toks := make([]int32, off[n])
	for i := range toks {
		toks[i] = -1
	}
	var id int32
	var pos []uint32
	b.Prefix(index.StemTerms, "", func(term []byte, p index.Postings) bool {
		id++
		if stop[string(term)] || p.Len() > n/12 {
			return true
		}
		cur := p.Cursor()
		for ; !cur.Done(); cur.Next() {
			d := int(cur.Doc())
			pos = cur.Positions(pos[:0])
			for _, x := range pos {
				if i := off[d] + int(x); i < off[d+1] {
					toks[i] = id
				}
			}
		}
		return true
	})
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	// Strong's stream: the first key at each position.
	stoks := make([]int32, off[n])
	for i := range stoks {
		stoks[i] = -1
	}
	id = 0
	b.Prefix(index.StrongTerms, "", func(term []byte, p index.Postings) bool {
		id++
		if p.Len() > n/15 {
			return true
		}
		cur := p.Cursor()
		for ; !cur.Done(); cur.Next() {
			d := int(cur.Doc())
			pos = cur.Positions(pos[:0])
			for _, x := range pos {
				if i := off[d] + int(x); i < off[d+1] && stoks[i] < 0 {
					stoks[i] = id
				}
			}
		}
		return true
	})
	t.wdocs = make([][]uint64, n)
	t.sdocs = make([][]uint64, n)
	var seq []int32
	for d := 0; d < n; d++ {
		seq = compact(toks[off[d]:off[d+1]], seq[:0], false)
		t.wdocs[d] = shingles(seq, wordN, 'w')
		seq = compact(stoks[off[d]:off[d+1]], seq[:0], true)
		t.sdocs[d] = shingles(seq, strongN, 's')
		for _, h := range t.wdocs[d] {
			t.words = append(t.words, shingle{h, uint32(d)})
		}
		for _, h := range t.sdocs[d] {
			t.strong = append(t.strong, shingle{h, uint32(d)})
		}
	}
	cmp := func(a, b shingle) int {
		if a.h != b.h {
			if a.h < b.h {
				return -1
			}
			return 1
		}
		return int(a.d) - int(b.d)
	}
	slices.SortFunc(t.words, cmp)
	slices.SortFunc(t.strong, cmp)
	return t, ctx.Err()
}

// compact drops the -1 entries (and, for Strong's, repeats of the same key:
// one Greek word rendered by two English words).
func compact(in, dst []int32, dedupe bool) []int32 {
	for _, x := range in {
		if x < 0 {
			continue
		}
		if dedupe && len(dst) > 0 && dst[len(dst)-1] == x {
			continue
		}
		dst = append(dst, x)
	}
	return dst
}

// shingles hashes the n-grams of seq, distinct, sorted.
func shingles(seq []int32, n int, tag byte) []uint64 {
	if len(seq) < n {
		return nil
	}
	out := make([]uint64, 0, len(seq)-n+1)
	var buf [64]byte
	for i := 0; i+n <= len(seq); i++ {
		b := append(buf[:0], tag)
		for _, x := range seq[i : i+n] {
			b = strconv.AppendInt(b, int64(x), 36)
			b = append(b, ',')
		}
		out = append(out, maphash.Bytes(seed, b))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// lookup returns the docs that have shingle h.
func lookup(tab []shingle, h uint64) []shingle {
	i := sort.Search(len(tab), func(i int) bool { return tab[i].h >= h })
	j := i
	for j < len(tab) && tab[j].h == h {
		j++
	}
	return tab[i:j]
}
