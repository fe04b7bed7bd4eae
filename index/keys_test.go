package index

import (
	"slices"
	"testing"

	"berean/canon"
)

// TestKJVKeys: each verse of a Bible in another versification gets the
// KJV ordinal canon.Map gives it, stored at build time; a commentary
// gets none; an ordinal outside the KJV reads as none.
func TestKJVKeys(t *testing.T) {
	nrsva, ok := canon.Get("NRSVA")
	if !ok {
		t.Fatal("no NRSVA system")
	}
	kjv := canon.KJV()
	ord := func(b string, c, v int) int32 {
		o, ok := kjv.Ordinal(b, c, v)
		if !ok {
			t.Fatalf("no KJV ordinal for %s %d:%d", b, c, v)
		}
		return int32(o)
	}
	web := &fakeBible{name: "TNR", module: "engTNR", sys: nrsva, verses: []Verse{
		verse("Gen", 1, 1, "In the beginning a garden."),
		verse("Tob", 1, 1, "A verse of a book the KJV does not have."),
		verse("3John", 1, 15, "Peace be to you."), // 3 John 1:14 in the KJV
	}}
	src := testSource()
	src.bibles = append(src.bibles, web)
	ix := build(t, src)
	b, ok := ix.Bible("TNR")
	if !ok {
		t.Fatal("no TNR")
	}
	got := make([]int32, b.Docs())
	if !b.KJVKeys(got) {
		t.Fatal("TNR has no KEYS")
	}
	want := []int32{ord("Gen", 1, 1), -1, ord("3John", 1, 14)}
	if len(got) != len(want) {
		t.Fatalf("keys %v, want %v", got, want)
	}
	for d := range want {
		if got[d] != want[d] {
			t.Errorf("doc %d: key %d, want %d", d, got[d], want[d])
		}
	}
	// KJVMaps: the same keys, the first doc of each ordinal back, one
	// pair of slices per Bible; without KEYS, the same from canon.Map.
	to, from := b.KJVMaps()
	if !slices.Equal(to, got) || from[ord("3John", 1, 14)] != 2 || from[ord("Gen", 1, 1)] != 0 || from[ord("Exod", 1, 1)] != -1 {
		t.Errorf("KJVMaps: to %v, from 3 John 14 %d, Gen 1:1 %d, Exod 1:1 %d", to, from[ord("3John", 1, 14)], from[ord("Gen", 1, 1)], from[ord("Exod", 1, 1)])
	}
	if to2, _ := b.KJVMaps(); &to2[0] != &to[0] {
		t.Error("KJVMaps made its maps twice")
	}
	plain, _ := build(t, src).Bible("TNR")
	plain.keys = nil
	if to, _ := plain.KJVMaps(); !slices.Equal(to, want) {
		t.Errorf("KJVMaps without KEYS: %v, want %v", to, want)
	}
	// The KJV Bible's keys are its own ordinals.
	tst, _ := ix.Bible("TST")
	keys := make([]int32, tst.Docs())
	if !tst.KJVKeys(keys) || keys[0] != ord("Gen", 1, 1) || keys[len(keys)-1] != ord("Heb", 7, 25) {
		t.Errorf("TST keys %v", keys)
	}
	// A wrong length reports false; an ordinal past the KJV reads as -1.
	if tst.KJVKeys(make([]int32, 1)) {
		t.Error("KJVKeys accepted a destination of the wrong length")
	}
	bad := &Bible{docs: 2, keys: []byte{0xff, 0xff, 0xff, 0x7f, 1, 0, 0, 0}}
	two := make([]int32, 2)
	if !bad.KJVKeys(two) || two[0] != -1 || two[1] != 1 {
		t.Errorf("out-of-range key read as %v, want [-1 1]", two)
	}
}
