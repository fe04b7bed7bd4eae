package versekey

import (
	"berean/canon"
	"berean/ref"
)

// Range is the reference of the KJV ordinals lo..hi (one verse when
// lo == hi).
func Range(lo, hi int) ref.Range {
	kjv := canon.KJV()
	b, c, v := kjv.VerseAt(lo)
	r := ref.Range{Start: ref.Ref{Book: b, Chapter: c, Verse: v}}
	if hi != lo {
		b, c, v = kjv.VerseAt(hi)
		r.End = ref.Ref{Book: b, Chapter: c, Verse: v}
	}
	return r
}

// OSIS is the OSIS id of the ordinals lo..hi: "Heb.7.25",
// "Heb.7.23-Heb.7.25". It is the one conversion from ordinals to OSIS.
func OSIS(lo, hi int) string { return Range(lo, hi).OSIS() }

// Human is the human form of the ordinals lo..hi, as ref.Range.String
// writes it: "Hebrews 7:23-25", "Jude 3".
func Human(lo, hi int) string { return Range(lo, hi).String() }

// SameChapter reports whether the KJV ordinals a and b are in one chapter.
func SameChapter(a, b int) bool {
	kjv := canon.KJV()
	ba, ca, _ := kjv.VerseAt(a)
	bb, cb, _ := kjv.VerseAt(b)
	return ba == bb && ca == cb
}

// IsOT reports whether the KJV ordinal k is in the Old Testament.
func IsOT(k int) bool {
	b, _, _ := canon.KJV().VerseAt(k)
	return canon.IsOT(b)
}
