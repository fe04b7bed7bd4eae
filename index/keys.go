package index

import "berean/canon"

// This file gives every Bible of the index the KJV ordinal of each of its
// verses, the key under which package ask and study pool translations. A
// Bible in another versification (the WEB is NRSVA) is mapped through
// canon.Map, which builds its system's mapping rules and allocates for
// every verse: about a fifth of a short question's time in a new process
// when it was done on first use. The builder does it once instead, and
// each Bible makes its maps both ways from it once (KJVMaps), for every
// package that pools translations.
//
// KEYS (kind 34), per Bible (not per commentary):
//
//	docs × uint32   the KJV ordinal of doc d (canon.KJVOrdinal), or
//	                0xFFFFFFFF when the verse has none (the deuterocanon)
//
// An index without it for a Bible (none is written now) leaves the mapping
// to the reader (KJVKeys reports false).
const secKeys = 34

// noKey marks a doc without a KJV ordinal in KEYS.
const noKey = 0xFFFFFFFF

// appendKey appends the KEYS entry of a verse of the builder's Bible.
func (bb *bibleBuilder) appendKey(v *Verse) {
	k := uint32(noKey)
	if o, ok := canon.KJVOrdinal(bb.sys, v.Book, v.Chapter, v.Verse); ok {
		k = uint32(o)
	}
	bb.keys = le.AppendUint32(bb.keys, k)
}

// KJVKeys fills dst (of Docs() entries) with the KJV ordinal of each doc,
// -1 for a doc without one, from the index's KEYS section, and reports
// whether the Bible has one. An ordinal outside the KJV is -1 too: the
// section's checksum was verified at Open, so that takes a builder's bug.
func (b *Bible) KJVKeys(dst []int32) bool {
	if len(b.keys) != 4*b.docs || len(dst) != b.docs {
		return false
	}
	n := uint32(canon.KJV().VerseCount())
	for d := range dst {
		k := le.Uint32(b.keys[4*d:])
		if k >= n {
			dst[d] = -1
			continue
		}
		dst[d] = int32(k)
	}
	return true
}

// KJVMaps returns the Bible's docs' KJV ordinals (to: doc -> ordinal, -1
// when none) and back (from: ordinal -> first doc, -1 when none), made
// once per Bible and shared by every caller (ask, xref, study), which must
// not change them. They come from KEYS; a Bible without it (none is
// written now) is mapped through canon.KJVOrdinal, an unknown
// versification read as the KJV's.
func (b *Bible) KJVMaps() (to, from []int32) {
	b.keyOnce.Do(func() {
		kjv := canon.KJV()
		to := make([]int32, b.docs)
		from := make([]int32, kjv.VerseCount())
		for i := range from {
			from[i] = -1
		}
		if !b.KJVKeys(to) {
			sys, ok := canon.Get(b.system)
			if !ok {
				sys = nil
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
		b.toKJV, b.fromKJV = to, from
	})
	return b.toKJV, b.fromKJV
}
