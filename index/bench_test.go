package index

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"berean/canon"
)

// synthBible is a made-up Bible of the KJV's shape: every verse of the KJV
// versification, words drawn from a Zipf distribution over a vocabulary of
// 12,000 made-up words, about 25 words a verse, every third word tagged.
func synthBible(name string, seed uint64) *fakeBible {
	r := rand.New(rand.NewPCG(seed, 1))
	z := rand.NewZipf(r, 1.1, 2, 11999)
	vocab := make([]string, 12000)
	for i := range vocab {
		vocab[i] = fmt.Sprintf("w%xq%s", i, strings.Repeat("e", i%5))
	}
	sys := canon.KJV()
	fb := &fakeBible{name: name, module: "synth" + name, sys: sys}
	var sb strings.Builder
	for ord := 0; ord < sys.VerseCount(); ord++ {
		book, ch, v := sys.VerseAt(ord)
		sb.Reset()
		var tags []Tag
		n := 10 + r.IntN(30)
		for w := range n {
			if w > 0 {
				sb.WriteByte(' ')
			}
			id := z.Uint64()
			start := sb.Len()
			sb.WriteString(vocab[id])
			if w%3 == 0 {
				tags = append(tags, Tag{Start: start, End: sb.Len(), Keys: []string{fmt.Sprintf("G%d", id%5000+1)}})
			}
		}
		sb.WriteByte('.')
		fb.verses = append(fb.verses, Verse{Book: book, Chapter: ch, Verse: v, Text: sb.String(), Tags: tags})
	}
	return fb
}

func synthSource() *fakeSource {
	return &fakeSource{fp: "synth", bibles: []BibleSource{synthBible("A", 1), synthBible("B", 2)}}
}

// BenchmarkBuild indexes two synthetic Bibles of the KJV's size in
// parallel (the analysis, not the module reading, is measured).
func BenchmarkBuild(b *testing.B) {
	src := synthSource()
	b.ResetTimer()
	var size int
	for b.Loop() {
		data, err := BuildBytes(context.Background(), src, nil)
		if err != nil {
			b.Fatal(err)
		}
		size = len(data)
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB")
}

func BenchmarkOpen(b *testing.B) {
	data, err := BuildBytes(context.Background(), synthSource(), nil)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := OpenBytes(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntersect intersects a frequent and a rare posting list by
// galloping Seek.
func BenchmarkIntersect(b *testing.B) {
	ix, err := Build(context.Background(), &fakeSource{fp: "x", bibles: []BibleSource{synthBible("A", 1)}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	common, rare := pick(ix.bibles[0], 5000, 1<<20), pick(ix.bibles[0], 50, 200)
	if common.Len() < 1000 || rare.Len() == 0 || rare.Len() > 500 {
		b.Fatalf("lists of %d and %d docs", common.Len(), rare.Len())
	}
	b.ResetTimer()
	for b.Loop() {
		n := 0
		c := common.Cursor()
		for i := 0; i < rare.Len(); i++ {
			if c.Seek(rare.Doc(i)) {
				n++
			}
		}
	}
}

// BenchmarkPositions decodes the positions of every doc of a frequent
// term through a cursor.
func BenchmarkPositions(b *testing.B) {
	ix, err := Build(context.Background(), &fakeSource{fp: "x", bibles: []BibleSource{synthBible("A", 1)}}, nil)
	if err != nil {
		b.Fatal(err)
	}
	p := pick(ix.bibles[0], 5000, 1<<20)
	var buf []uint32
	b.ResetTimer()
	for b.Loop() {
		c := p.Cursor()
		for ; !c.Done(); c.Next() {
			buf = c.Positions(buf[:0])
		}
	}
}

// pick returns the posting list of a term with lo <= df < hi.
func pick(b *Bible, lo, hi int) Postings {
	var out Postings
	b.Prefix(ExactTerms, "", func(_ []byte, p Postings) bool {
		if p.Len() >= lo && p.Len() < hi {
			out = p
			return false
		}
		return true
	})
	return out
}
