package versekey

import (
	"testing"

	"berean/canon"
)

func TestOSISAndHuman(t *testing.T) {
	kjv := canon.KJV()
	ord := func(b string, c, v int) int {
		t.Helper()
		o, ok := kjv.Ordinal(b, c, v)
		if !ok {
			t.Fatalf("no ordinal for %s %d:%d", b, c, v)
		}
		return o
	}
	for _, c := range []struct {
		lo, hi      int
		osis, human string
	}{
		{ord("Jude", 1, 3), ord("Jude", 1, 3), "Jude.1.3", "Jude 3"},
		{ord("Heb", 7, 23), ord("Heb", 7, 25), "Heb.7.23-Heb.7.25", "Hebrews 7:23-25"},
		{ord("Ps", 110, 4), ord("Ps", 110, 4), "Ps.110.4", "Psalm 110:4"},
		{ord("Mal", 4, 6), ord("Matt", 1, 1), "Mal.4.6-Matt.1.1", "Malachi 4:6-Matthew 1:1"},
	} {
		if got := OSIS(c.lo, c.hi); got != c.osis {
			t.Errorf("OSIS(%d, %d) = %q, want %q", c.lo, c.hi, got, c.osis)
		}
		if got := Human(c.lo, c.hi); got != c.human {
			t.Errorf("Human(%d, %d) = %q, want %q", c.lo, c.hi, got, c.human)
		}
	}
}

func TestSpan(t *testing.T) {
	kjv := canon.KJV()
	first := func(b string, c, v int) int { o, _ := kjv.Ordinal(b, c, v); return o }
	for _, c := range []struct {
		in     string
		lo, hi int
		ok     bool
	}{
		{"Rom.8.26-Rom.8.27", first("Rom", 8, 26), first("Rom", 8, 27), true},
		{"Jude.1.3", first("Jude", 1, 3), first("Jude", 1, 3), true},
		{"Jude", first("Jude", 1, 1), first("Jude", 1, 25), true},
		{"Lev.16", first("Lev", 16, 1), first("Lev", 16, 34), true},
		{"Rom.8.27-Rom.8.26", 0, 0, false},
		{"Rom.x", 0, 0, false},
		{"Nope.1.1", 0, 0, false},
	} {
		lo, hi, ok := Span(c.in)
		if ok != c.ok || (ok && (lo != c.lo || hi != c.hi)) {
			t.Errorf("Span(%q) = %d, %d, %v; want %d, %d, %v", c.in, lo, hi, ok, c.lo, c.hi, c.ok)
		}
	}
}

func TestSameChapterIsOT(t *testing.T) {
	ord := func(osis string) int {
		lo, _, ok := Span(osis)
		if !ok {
			t.Fatalf("%s does not parse", osis)
		}
		return lo
	}
	for _, c := range []struct {
		a, b     string
		same, ot bool // same chapter; a in the Old Testament
	}{
		{"Heb.7.25", "Heb.7.1", true, false},
		{"Heb.7.28", "Heb.8.1", false, false},
		{"Mal.4.6", "Matt.1.1", false, true},
		{"Lev.16.2", "Lev.16.34", true, true},
	} {
		if got := SameChapter(ord(c.a), ord(c.b)); got != c.same {
			t.Errorf("SameChapter(%s, %s) = %v", c.a, c.b, got)
		}
		if got := IsOT(ord(c.a)); got != c.ot {
			t.Errorf("IsOT(%s) = %v", c.a, got)
		}
	}
}
