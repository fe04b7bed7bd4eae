package index

import "encoding/binary"

// Posting lists: see doc.go, "Posting lists", for the byte layout. In short:
//
//	uvarint df, uvarint posLen, df × uint16 doc, ((df-1)/64) × uint32 skip, pos[posLen]
//
// where pos holds, per doc, uvarint tf and tf uvarint position deltas.

// postingBuilder accumulates one posting list while a Bible is indexed.
// Docs arrive in increasing order.
type postingBuilder struct {
	docs  []uint16
	pos   []byte
	skips []uint32
}

// add appends doc with its (ascending, distinct) word positions. An empty
// positions list records the doc with tf 0: a Strong's number tagged on no
// visible word still finds its verse.
func (p *postingBuilder) add(doc uint16, positions []uint32) {
	if n := len(p.docs); n > 0 && n%skipEvery == 0 {
		p.skips = append(p.skips, uint32(len(p.pos)))
	}
	p.docs = append(p.docs, doc)
	p.pos = binary.AppendUvarint(p.pos, uint64(len(positions)))
	prev := uint32(0)
	for _, x := range positions {
		p.pos = binary.AppendUvarint(p.pos, uint64(x-prev))
		prev = x
	}
}

func (p *postingBuilder) appendTo(dst []byte) []byte {
	dst = binary.AppendUvarint(dst, uint64(len(p.docs)))
	dst = binary.AppendUvarint(dst, uint64(len(p.pos)))
	for _, d := range p.docs {
		dst = le.AppendUint16(dst, d)
	}
	for _, s := range p.skips {
		dst = le.AppendUint32(dst, s)
	}
	return append(dst, p.pos...)
}

// Postings is one posting list, read in place from the index file: the
// verses (doc numbers, ascending) a term occurs in and, for each, the word
// positions. The zero value is an empty list. Postings are values; reading
// them allocates nothing.
type Postings struct {
	docs []byte // 2 bytes per doc
	skip []byte // 4 bytes per skip entry
	pos  []byte
}

// parsePostings reads the posting list at the start of b. Damaged lists
// come back shortened or empty, never out of bounds.
func parsePostings(b []byte) Postings {
	p := 0
	df := uvarint(b, &p)
	pl := uvarint(b, &p)
	if p > len(b) || df > maxDocs {
		return Postings{}
	}
	rest := b[p:]
	nd := int(df) * 2
	ns := 0
	if df > 0 {
		ns = int((df-1)/skipEvery) * 4
	}
	if nd+ns > len(rest) || pl > uint64(len(rest)-nd-ns) {
		return Postings{}
	}
	return Postings{docs: rest[:nd], skip: rest[nd : nd+ns], pos: rest[nd+ns : nd+ns+int(pl)]}
}

// size is the encoded length of p, which starts b.
func (p Postings) size(b []byte) int {
	if len(p.docs) == 0 && len(p.pos) == 0 {
		return 0
	}
	q := 0
	uvarint(b, &q)
	uvarint(b, &q)
	return q + len(p.docs) + len(p.skip) + len(p.pos)
}

// Len is the number of docs (the document frequency).
func (p Postings) Len() int { return len(p.docs) / 2 }

// Doc returns the i-th doc number.
func (p Postings) Doc(i int) uint32 { return uint32(p.docs[2*i]) | uint32(p.docs[2*i+1])<<8 }

// Seek returns the smallest index j >= from whose doc is >= doc (Len() when
// none), galloping from from: cheap both for short steps, as in an
// intersection with a similar list, and for long jumps.
func (p Postings) Seek(from int, doc uint32) int {
	n := p.Len()
	if from >= n || p.Doc(from) >= doc {
		return from
	}
	// Invariant: Doc(lo) < doc.
	lo, step := from, 1
	hi := lo + step
	for hi < n && p.Doc(hi) < doc {
		lo = hi
		step *= 2
		hi = lo + step
	}
	if hi > n {
		hi = n
	}
	// Doc(lo) < doc <= Doc(hi) (or hi == n).
	for lo+1 < hi {
		m := int(uint(lo+hi) >> 1)
		if p.Doc(m) < doc {
			lo = m
		} else {
			hi = m
		}
	}
	return hi
}

// posOffset returns the byte offset in pos of doc index i's record, scanning
// forward from a known (hintI, hintOff) when that is in the same skip block
// and not past i, else from the skip entry.
func (p Postings) posOffset(i, hintI, hintOff int) int {
	start, off := i/skipEvery*skipEvery, 0
	if start > 0 {
		k := (start/skipEvery - 1) * 4
		if k+4 > len(p.skip) {
			return len(p.pos)
		}
		off = int(le.Uint32(p.skip[k:]))
	}
	if hintI >= start && hintI <= i {
		start, off = hintI, hintOff
	}
	for j := start; j < i && off < len(p.pos); j++ {
		tf := uvarint(p.pos, &off)
		for k := uint64(0); k < tf && off < len(p.pos); k++ {
			for off < len(p.pos) && p.pos[off] >= 0x80 {
				off++
			}
			off++
		}
	}
	return off
}

// Positions appends the word positions of the i-th doc to dst.
func (p Postings) Positions(i int, dst []uint32) []uint32 {
	off := p.posOffset(i, 0, 0)
	dst, _ = p.positionsAt(off, dst)
	return dst
}

// TF returns the number of positions of the i-th doc.
func (p Postings) TF(i int) int {
	off := p.posOffset(i, 0, 0)
	return int(uvarint(p.pos, &off))
}

func (p Postings) positionsAt(off int, dst []uint32) ([]uint32, int) {
	tf := uvarint(p.pos, &off)
	x := uint32(0)
	for k := uint64(0); k < tf && off < len(p.pos); k++ {
		x += uint32(uvarint(p.pos, &off))
		dst = append(dst, x)
	}
	return dst, off
}

// Cursor walks a posting list forward: Seek then TF/Positions for the
// current doc, with the position records located incrementally, so a scan
// of the whole list decodes each record once.
type Cursor struct {
	p     Postings
	i     int // current index
	hintI int // an index whose record offset is known...
	hintO int // ...and that offset
}

// Cursor returns a cursor before the first doc.
func (p Postings) Cursor() Cursor { return Cursor{p: p} }

// Index is the current index (Len() when exhausted).
func (c *Cursor) Index() int { return c.i }

// Doc is the current doc; valid when Index() < Len().
func (c *Cursor) Doc() uint32 { return c.p.Doc(c.i) }

// Done reports whether the cursor has passed the last doc.
func (c *Cursor) Done() bool { return c.i >= c.p.Len() }

// Seek moves to the first doc >= doc at or after the current index and
// reports whether it is doc itself.
func (c *Cursor) Seek(doc uint32) bool {
	c.i = c.p.Seek(c.i, doc)
	return c.i < c.p.Len() && c.p.Doc(c.i) == doc
}

// Next advances by one doc.
func (c *Cursor) Next() { c.i++ }

func (c *Cursor) offset() int {
	off := c.p.posOffset(c.i, c.hintI, c.hintO)
	c.hintI, c.hintO = c.i, off
	return off
}

// TF returns the number of positions of the current doc.
func (c *Cursor) TF() int {
	off := c.offset()
	return int(uvarint(c.p.pos, &off))
}

// Positions appends the positions of the current doc to dst.
func (c *Cursor) Positions(dst []uint32) []uint32 {
	dst, _ = c.p.positionsAt(c.offset(), dst)
	return dst
}
