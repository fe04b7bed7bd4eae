package index

import "fmt"

// Stats describes an index: what `berean index check` prints.
type Stats struct {
	Path        string         `json:"path,omitempty"`
	Bytes       int            `json:"bytes"`
	Fingerprint string         `json:"fingerprint"`
	Bibles      []BibleStats   `json:"bibles"`
	Sections    map[string]int `json:"sections"` // bytes per section kind
	LexiconKeys int            `json:"lexicon_keys"`
	Topics      int            `json:"topics"`
}

// BibleStats describes one Bible of an index.
type BibleStats struct {
	Name          string  `json:"name"`
	Module        string  `json:"module"`
	Versification string  `json:"versification"`
	Verses        int     `json:"verses"`
	Words         uint64  `json:"words"`
	AvgLen        float64 `json:"avg_len"`
	StemTerms     int     `json:"stem_terms"`
	ExactTerms    int     `json:"exact_terms"`
	StrongsKeys   int     `json:"strongs_keys"`
}

// Stats summarises the index.
func (ix *Index) Stats() Stats {
	st := Stats{Path: ix.path, Bytes: len(ix.data), Fingerprint: ix.Fingerprint(), Sections: map[string]int{},
		LexiconKeys: ix.LexiconKeys(), Topics: ix.Topics()}
	for _, s := range ix.secs {
		st.Sections[secName(s.kind)] += int(s.len)
	}
	for _, b := range ix.bibles {
		st.Bibles = append(st.Bibles, BibleStats{
			Name: b.name, Module: b.module, Versification: b.system, Verses: b.docs,
			Words: b.totalLen, AvgLen: b.AvgLen(),
			StemTerms: b.stem.n, ExactTerms: b.exact.n, StrongsKeys: b.strong.n,
		})
	}
	return st
}

// Check verifies what Open does not: that every dictionary is sorted, every
// posting list decodes to increasing docs within the Bible and positions
// within the verse, the skip entries point where they should, texts and
// lengths agree. Open already verified the checksums. It reads the whole
// index (tens of milliseconds).
func (ix *Index) Check() error {
	if err := ix.verifyAll(); err != nil {
		return err
	}
	for _, b := range ix.bibles {
		if err := b.check(); err != nil {
			return fmt.Errorf("index: Bible %s: %w", b.name, err)
		}
	}
	for name, d := range map[string]*dict{"LEXKEYS": &ix.lexKeys, "LEXDICT": &ix.lexDict, "TOPICS": &ix.topics, "TOPICDICT": &ix.topicDict, "LINEDICT": &ix.lineDict} {
		if err := d.check(); err != nil {
			return fmt.Errorf("index: %s: %w", name, err)
		}
	}
	return nil
}

func (d *dict) check() error {
	prev := ""
	for i := 0; i < d.n; i++ {
		k := d.key(i)
		if k == nil {
			return corruptf("key %d has bad offsets", i)
		}
		if i > 0 && string(k) <= prev {
			return corruptf("keys not sorted at %d (%q after %q)", i, k, prev)
		}
		prev = string(k)
		if int64(d.value(i)) > int64(len(d.blob)) && d.blob != nil && len(d.blob) > 0 {
			return corruptf("value of %q past the blob", k)
		}
	}
	return nil
}

func (b *Bible) check() error {
	last := uint32(0)
	for d := 0; d <= b.docs; d++ {
		o := le.Uint32(b.textOff[4*d:])
		if o < last || int64(o) > int64(len(b.text)) {
			return corruptf("text offset of doc %d out of order", d)
		}
		last = o
	}
	var spans [][2]int
	for d := 0; d < b.docs; d++ {
		var text []byte
		text, spans = b.Verse(d, text[:0], spans[:0])
		if len(spans) != b.DocLen(d) {
			return corruptf("doc %d has %d word spans and %d words", d, len(spans), b.DocLen(d))
		}
		for i, sp := range spans {
			if sp[0] > sp[1] || sp[1] > len(text) || (i > 0 && sp[0] < spans[i-1][1]) {
				return corruptf("doc %d: bad word span %v", d, sp)
			}
		}
	}
	for _, k := range []Kind{StemTerms, ExactTerms, StrongTerms} {
		d := b.dict(k)
		if err := d.check(); err != nil {
			return err
		}
		for i := 0; i < d.n; i++ {
			off := d.value(i)
			if int64(off) >= int64(len(b.post)) {
				return corruptf("postings of %q at %d past the section", d.key(i), off)
			}
			p := parsePostings(b.post[off:])
			if p.Len() == 0 {
				return corruptf("postings of %q empty or damaged", d.key(i))
			}
			if err := p.check(b, d.key(i), k != StrongTerms); err != nil {
				return err
			}
		}
	}
	return nil
}

// check decodes the whole list sequentially, comparing with the skip table.
func (p Postings) check(b *Bible, term []byte, needPos bool) error {
	off, prev := 0, -1
	for j := 0; j < p.Len(); j++ {
		doc := int(p.Doc(j))
		if doc <= prev || doc >= b.docs {
			return corruptf("postings of %q: doc %d after %d (of %d)", term, doc, prev, b.docs)
		}
		prev = doc
		if j > 0 && j%skipEvery == 0 {
			if s := int(le.Uint32(p.skip[(j/skipEvery-1)*4:])); s != off {
				return corruptf("postings of %q: skip entry %d points to %d, records at %d", term, j/skipEvery, s, off)
			}
		}
		tf := uvarint(p.pos, &off)
		if off > len(p.pos) || (needPos && tf == 0) {
			return corruptf("postings of %q: doc %d without positions", term, doc)
		}
		x, n := uint32(0), b.DocLen(doc)
		for k := uint64(0); k < tf; k++ {
			d := uvarint(p.pos, &off)
			if off > len(p.pos) || (k > 0 && d == 0) || int(x)+int(d) >= n {
				return corruptf("postings of %q: bad position in doc %d (%d words)", term, doc, n)
			}
			x += uint32(d)
		}
	}
	if off != len(p.pos) {
		return corruptf("postings of %q: %d position bytes, %d used", term, len(p.pos), off)
	}
	return nil
}
