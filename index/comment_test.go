package index

import (
	"context"
	"strings"
	"testing"

	"berean/canon"
)

// withComms is a fakeSource that also has commentaries.
type withComms struct {
	fakeSource
	comms []BibleSource
}

func (w *withComms) Commentaries() []BibleSource { return w.comms }

// TestCommentaryFields: commentaries are fields of their own, apart from
// the Bibles, each doc knowing the verses its comment covers; a comment
// longer than maxCommentWords is cut into docs at successive verses of its
// range.
func TestCommentaryFields(t *testing.T) {
	sys := canon.KJV()
	long := strings.Repeat("shepherd pasture ", maxCommentWords) + "stillwaters" // 2*max+1 words: three pieces
	src := &withComms{
		fakeSource: fakeSource{fp: "c", bibles: []BibleSource{&fakeBible{name: "ONE", module: "engONE", sys: sys, verses: []Verse{
			{Book: "Ps", Chapter: 23, Verse: 1, Text: "The shepherd of the flock"},
		}}}},
		comms: []BibleSource{&fakeBible{name: "COM", module: "Com", sys: sys, verses: []Verse{
			{Book: "Ps", Chapter: 23, Verse: 1, Text: long, LastChapter: 23, LastVerse: 6},
			{Book: "Matt", Chapter: 28, Verse: 16, Text: "The great commission of the shepherd", LastChapter: 28, LastVerse: 20},
			{Book: "Matt", Chapter: 28, Verse: 20, Text: ""}, // empty: skipped
		}}},
	}
	ix, err := Build(context.Background(), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := len(ix.Bibles()); n != 1 {
		t.Fatalf("%d Bibles, want 1 (commentaries apart)", n)
	}
	if _, ok := ix.Bible("COM"); ok {
		t.Error("Bible(COM) found a commentary")
	}
	com, ok := ix.Commentary("com")
	if !ok || len(ix.Commentaries()) != 1 || !com.IsCommentary() {
		t.Fatal("commentary COM not found")
	}
	if b, _ := ix.Bible("ONE"); b.IsCommentary() {
		t.Error("the Bible is marked as a commentary")
	}
	ps1, _ := sys.Ordinal("Ps", 23, 1)
	ps6, _ := sys.Ordinal("Ps", 23, 6)
	m16, _ := sys.Ordinal("Matt", 28, 16)
	m20, _ := sys.Ordinal("Matt", 28, 20)
	want := []struct{ ord, first, last int }{
		{ps1, ps1, ps6}, {ps1 + 1, ps1, ps6}, {ps1 + 2, ps1, ps6}, {m16, m16, m20},
	}
	if com.Docs() != len(want) {
		t.Fatalf("%d docs, want %d", com.Docs(), len(want))
	}
	for d, w := range want {
		first, last := com.Span(d)
		if com.Ordinal(d) != w.ord || first != w.first || last != w.last {
			t.Errorf("doc %d: ordinal %d span %d-%d, want %d span %d-%d", d, com.Ordinal(d), first, last, w.ord, w.first, w.last)
		}
	}
	if p := com.Exact("stillwaters"); p.Len() != 1 || p.Doc(0) != 2 {
		t.Errorf("the last word of the long comment is not in its third piece")
	}
	if p := com.Stem(StemTerm("shepherd")); p.Len() != 3 {
		t.Errorf("shepherd in %d docs of the commentary, want 3 (two pieces and Matthew)", p.Len())
	}
	if p := com.Exact("commission"); p.Len() != 1 || p.Doc(0) != 3 {
		t.Errorf("commission not found in the Matthew comment")
	}
	// Written and read back from bytes: the spans survive.
	data, err := BuildBytes(context.Background(), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	ix2, err := OpenBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	c2, ok := ix2.Commentary("COM")
	if !ok {
		t.Fatal("commentary lost in the file")
	}
	if f, l := c2.Span(3); f != m16 || l != m20 {
		t.Errorf("span from the file %d-%d", f, l)
	}
}

// A COMMENT section that disagrees with the doc table is corrupt.
func TestCommentSpansCorrupt(t *testing.T) {
	b := &Bible{name: "X", docs: 2, spans: make([]byte, 8)}
	if err := b.validateSpans(); err == nil {
		t.Error("a short COMMENT section was accepted")
	}
}
