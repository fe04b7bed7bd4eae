package index

import (
	"bytes"
	"encoding/hex"
	"strings"
	"testing"

	"berean/canon"
)

// TestTinyIndexBytes is an executable copy of the format in doc.go: the
// sections of a one-verse Bible written out by hand, byte by byte.
func TestTinyIndexBytes(t *testing.T) {
	src := &fakeSource{fp: "tiny", bibles: []BibleSource{&fakeBible{name: "TST", module: "engTST", sys: canon.KJV(),
		verses: []Verse{verse("Gen", 1, 1, "God is love.", "God=H430")}}}}
	ix := build(t, src)
	data := ix.data

	// Header: magic, version 2, flags 0.
	if want := "BEREANIX" + "\x02\x00\x00\x00" + "\x00\x00\x00\x00"; string(data[:16]) != want {
		t.Errorf("header % x", data[:16])
	}
	// Trailer: fingerprint, TOC offset and count, CRC, magic.
	tr := data[len(data)-trailerSize:]
	if string(tr[48:]) != "XINAEREB" {
		t.Errorf("trailer magic %q", tr[48:])
	}
	if fp := Fingerprint(src); !bytes.Equal(tr[:32], fp[:]) {
		t.Errorf("fingerprint")
	}

	want := map[uint16]string{
		// BIBLE: str name, str module, str versification, docs 1, words 3, 1 book "Gen".
		secBible: "03 545354" + " 06 656e67545354" + " 03 4b4a56" + " 01 03" + " 01 03 47656e",
		// DOCS: ordinal 0 (uint32); book 0, chapter 1, verse 1; length 3 (uint16).
		secDocs: "00000000" + " 000101" + " 0300",
		// TEXT: record offsets 0 and 4; per word form<<1 (default separators:
		// none before the first word, a space before the others), then the
		// trailing separator: God (form 0), is (1), love (2), "." (sep 0).
		secText: "00000000 04000000" + " 00 02 04" + " 00",
		// FORMS: 3 surface forms by frequency (ties by string): offsets 0 3 5 9.
		secForms: "03000000" + " 00000000 03000000 05000000 09000000" + " " + hex.EncodeToString([]byte("Godislove")),
		// SEPS: 1 separator, ".".
		secSeps: "01000000" + " 00000000 01000000" + " 2e",
		// STEM: 3 keys; key offsets 0 3 5 9; values 0 6 12 (offsets in POST); keys.
		secStem: "03000000" + " 00000000 03000000 05000000 09000000" + " 00000000 06000000 0c000000" + " " + hex.EncodeToString([]byte("godislove")),
		// EXACT: the same lists (stored once), so the same section.
		secExact: "03000000" + " 00000000 03000000 05000000 09000000" + " 00000000 06000000 0c000000" + " " + hex.EncodeToString([]byte("godislove")),
		// STRONG: H430's list has the bytes of god's: offset 0.
		secStrong: "01000000" + " 00000000 04000000" + " 00000000" + " " + hex.EncodeToString([]byte("H430")),
		// POST: per list: df 1, 2 position bytes, doc 0 (uint16), tf 1, position.
		secPost: "01 02 0000 01 00" + " 01 02 0000 01 01" + " 01 02 0000 01 02",
		// ARCH: empty dictionary (no archaic form).
		secArchaic: "00000000 00000000",
		// ALIGN: god -> 1 key: STRONG term 0 (H430), count 1.
		secAlign: "01000000" + " 00000000 03000000" + " 00000000" + " 676f64" + " 01 00 01",
	}
	for _, s := range ix.secs {
		w, ok := want[s.kind]
		if !ok || s.bible != 0 {
			continue
		}
		got := data[s.off : s.off+s.len]
		if hex.EncodeToString(got) != strings.ReplaceAll(w, " ", "") {
			t.Errorf("section %s:\n got % x\nwant %s", secName(s.kind), got, w)
		}
		delete(want, s.kind)
	}
	for k := range want {
		t.Errorf("no section %s", secName(k))
	}
}
