package index

import (
	"errors"
	"slices"
	"testing"

	"berean/canon"
)

func TestCrossRefs(t *testing.T) {
	ix := build(t, testSource())
	if !ix.HasCrossRefs() {
		t.Fatal("index has no cross-references")
	}
	for _, s := range ix.secs {
		if xrefKinds[s.kind] {
			t.Logf("%s: %d bytes", secName(s.kind), s.len)
		}
	}
	kjv := canon.KJV()
	ord := func(b string, c, v int) int {
		o, ok := kjv.Ordinal(b, c, v)
		if !ok {
			t.Fatalf("%s %d:%d", b, c, v)
		}
		return o
	}
	isa, pet, pet25 := ord("Isa", 53, 5), ord("1Pet", 2, 24), ord("1Pet", 2, 25)
	out := ix.CrossRefsFrom(isa)
	if len(out) == 0 || out[0] != (CrossRef{Lo: pet, Hi: pet25, Votes: out[0].Votes}) || out[0].Votes < 50 {
		t.Fatalf("Isa.53.5 first cross-reference %+v, want 1Pet.2.24-25 with its votes", out[:min(3, len(out))])
	}
	if !slices.IsSortedFunc(out, func(a, b CrossRef) int { return b.Votes - a.Votes }) {
		t.Error("outgoing cross-references not by votes")
	}
	// Incoming: the range counts for each of its verses.
	for _, k := range []int{pet, pet25} {
		found := false
		for _, c := range ix.CrossRefsTo(k) {
			if c.Lo == isa && c.Hi == isa && c.Votes == out[0].Votes {
				found = true
			}
		}
		if !found {
			t.Errorf("Isa.53.5 not among the references to ordinal %d", k)
		}
		sum := 0
		for _, c := range ix.CrossRefsTo(k) {
			sum += c.Votes
		}
		if got := ix.VerseVotes(k); got != sum || got < out[0].Votes {
			t.Errorf("VerseVotes(%d) = %d, incoming votes sum to %d", k, got, sum)
		}
	}
	if ix.VerseVotes(ord("John", 3, 16)) <= ix.VerseVotes(ord("1Chr", 1, 3)) {
		t.Error("John 3:16 is not more popular than 1 Chronicles 1:3")
	}
	for _, bad := range []int{-1, kjv.VerseCount(), 1 << 20} {
		if ix.CrossRefsFrom(bad) != nil || ix.CrossRefsTo(bad) != nil || ix.VerseVotes(bad) != 0 {
			t.Errorf("ordinal %d answered", bad)
		}
	}
}

func TestWithoutCrossRefs(t *testing.T) {
	ix := build(t, noXrefs{testSource()})
	if ix.HasCrossRefs() || ix.VerseVotes(100) != 0 || ix.CrossRefsFrom(100) != nil {
		t.Error("cross-references in an index built without them")
	}
	if Fingerprint(noXrefs{testSource()}) == Fingerprint(testSource()) {
		t.Error("same fingerprint with and without the cross-references")
	}
	m, _ := ix.Meta()
	if len(m.Modules) != 4 {
		t.Errorf("modules %+v", m.Modules)
	}
}

// A damaged cross-reference section is found on first use, not trusted.
func TestCrossRefsCorrupt(t *testing.T) {
	ix2 := openDamaged(t, build(t, testSource()), secXrefs)
	isa, _ := canon.KJV().Ordinal("Isa", 53, 5)
	if got := ix2.CrossRefsFrom(isa); got != nil {
		t.Errorf("damaged section answered %v", got)
	}
	if !errors.Is(ix2.Err(), ErrCorrupt) {
		t.Errorf("Err() = %v, want ErrCorrupt", ix2.Err())
	}
}

// BenchmarkBuildCrossRefs is what the cross-references add to a build
// (in a goroutine of their own, beside the Bibles).
func BenchmarkBuildCrossRefs(b *testing.B) {
	for b.Loop() {
		if _, _, err := buildCrossRefs(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestTopicsCiting(t *testing.T) {
	ix := build(t, testSource())
	heb, _ := canon.KJV().Ordinal("Heb", 7, 25)
	rom, _ := canon.KJV().Ordinal("Rom", 8, 26)
	gen, _ := canon.KJV().Ordinal("Gen", 1, 1)
	exod, _ := canon.KJV().Ordinal("Exod", 1, 1)
	for _, tc := range []struct {
		ord  int
		want []string
	}{
		{heb, []string{"INTERCESSION"}},
		{rom, []string{"INTERCESSION"}},
		{gen, []string{"GARDEN"}},
		{exod, nil},
		{-1, nil},
		{1 << 20, nil},
	} {
		if got := ix.TopicsCiting(tc.ord); !slices.Equal(got, tc.want) {
			t.Errorf("TopicsCiting(%d) = %v, want %v", tc.ord, got, tc.want)
		}
	}
	kjv := canon.KJV()
	for _, tc := range []struct {
		osis   string
		lo, hi string
		ok     bool
	}{
		{"Heb.7.25", "Heb.7.25", "Heb.7.25", true},
		{"Rom.8.26-Rom.8.27", "Rom.8.26", "Rom.8.27", true},
		{"Jude", "Jude.1.1", "Jude.1.25", true},
		{"Lev.16", "Lev.16.1", "Lev.16.34", true},
		{"Xyz.1.1", "", "", false},
		{"Heb.99.1", "", "", false},
		{"Heb.7.25-Heb.7.1", "", "", false},
	} {
		lo, hi, ok := osisSpan(kjv, tc.osis)
		if ok != tc.ok {
			t.Errorf("osisSpan(%q) ok %v", tc.osis, ok)
			continue
		}
		if ok {
			wl, _, _ := osisSpan(kjv, tc.lo)
			wh, _, _ := osisSpan(kjv, tc.hi)
			if lo != wl || hi != wh {
				t.Errorf("osisSpan(%q) = %d-%d, want %d-%d", tc.osis, lo, hi, wl, wh)
			}
		}
	}
}

// FuzzXrefSections damages the cross-reference sections (the other fuzz
// targets build without them) and recomputes every checksum: readers must
// answer wrong, never crash.
func FuzzXrefSections(f *testing.F) {
	ix := build(f, testSource())
	var secs []section
	for _, s := range ix.secs {
		if xrefKinds[s.kind] {
			secs = append(secs, s)
		}
	}
	f.Add(uint8(0), uint32(0), byte(0xff))
	f.Add(uint8(1), uint32(4), byte(0x7f))
	f.Add(uint8(2), uint32(8), byte(0x01))
	f.Fuzz(func(t *testing.T, which uint8, at uint32, x byte) {
		s := secs[int(which)%len(secs)]
		data := slices.Clone(ix.data)
		// Headers and offset tables are where a bad value does harm.
		data[s.off+uint64(at)%min(s.len, 1<<18)] ^= x
		reseal(data)
		ix2, err := OpenBytes(data)
		if err != nil {
			return
		}
		for _, k := range []int{0, 1, 100, 17000, 31101, 31102} {
			ix2.CrossRefsFrom(k)
			ix2.CrossRefsTo(k)
			ix2.VerseVotes(k)
			ix2.TopicsCiting(k)
		}
	})
}
