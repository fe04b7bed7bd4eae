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
