package index

import (
	"errors"
	"slices"
	"testing"
)

// TestCheckAhead: the background check of the concept and cross-reference
// sections finds what the check on first use finds, a reader waits for it,
// and Close waits for it before it unmaps.
func TestCheckAhead(t *testing.T) {
	ix := build(t, testSource())
	ix.CheckAhead()
	if refs, ok := ix.TopicRefs("INTERCESSION"); !ok || !slices.Equal(refs, []string{"Heb.7.25", "Rom.8.26"}) {
		t.Errorf("TopicRefs(INTERCESSION) = %v, %v after CheckAhead", refs, ok)
	}
	if err := ix.Err(); err != nil {
		t.Errorf("intact index: Err() = %v", err)
	}
	for _, kind := range []uint16{secTopics, secXrefs} {
		bad := openDamaged(t, ix, kind)
		bad.CheckAhead()
		if err := bad.Close(); err != nil {
			t.Errorf("%s: Close: %v", secName(kind), err)
		}
		if !errors.Is(bad.Err(), ErrCorrupt) {
			t.Errorf("%s damaged: Err() = %v after CheckAhead, want ErrCorrupt", secName(kind), bad.Err())
		}
	}
}

// openDamaged opens a copy of ix with a byte flipped in the middle of
// every section of the kind, a section checked on first use: Open must
// not find it.
func openDamaged(t *testing.T, ix *Index, kind uint16) *Index {
	t.Helper()
	data := slices.Clone(ix.data)
	for _, s := range ix.secs {
		if s.kind == kind {
			data[s.off+s.len/2] ^= 0xff
		}
	}
	bad, err := OpenBytes(data)
	if err != nil {
		t.Fatalf("%s damaged: Open checked it eagerly: %v", secName(kind), err)
	}
	return bad
}
