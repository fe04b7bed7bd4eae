package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"berean/canon"
	"berean/index"
)

// synthSearcher indexes a made-up Bible of the KJV's shape (every verse of
// the KJV versification, Zipf-distributed words of a 12,000-word
// vocabulary) once per test binary.
var synthSearcher = sync.OnceValues(func() (*Searcher, error) {
	r := rand.New(rand.NewPCG(7, 1))
	z := rand.NewZipf(r, 1.1, 2, 11999)
	sys := canon.KJV()
	fb := &fakeBible{name: "SYN", module: "synth", sys: sys}
	var sb strings.Builder
	for ord := 0; ord < sys.VerseCount(); ord++ {
		book, ch, vn := sys.VerseAt(ord)
		sb.Reset()
		for w := range 10 + r.IntN(30) {
			if w > 0 {
				sb.WriteByte(' ')
			}
			fmt.Fprintf(&sb, "w%d", z.Uint64())
		}
		fb.verses = append(fb.verses, index.Verse{Book: book, Chapter: ch, Verse: vn, Text: sb.String()})
	}
	ix, err := index.Build(context.Background(), &fakeSource{bibles: []index.BibleSource{fb}}, nil)
	if err != nil {
		return nil, err
	}
	return New(ix, Params{}), nil
})

func synth(b *testing.B) *Searcher {
	s, err := synthSearcher()
	if err != nil {
		b.Fatal(err)
	}
	return s
}

// BenchmarkSearchWord is a single-word query of about 10 verses (like
// "intercession" in the KJV) in a warm process, default options.
func BenchmarkSearchWord(b *testing.B) {
	s := synth(b)
	q := wordNode("w900", false)
	ctx := context.Background()
	r, _ := s.run(ctx, q, Options{})
	b.Logf("%d hits", r.Total)
	for b.Loop() {
		if _, err := s.run(ctx, wordNode("w900", false), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearchCommon ranks every verse holding a frequent word.
func BenchmarkSearchCommon(b *testing.B) {
	s := synth(b)
	ctx := context.Background()
	r, _ := s.run(ctx, wordNode("w2", false), Options{Order: Relevance})
	b.Logf("%d hits", r.Total)
	for b.Loop() {
		if _, err := s.run(ctx, wordNode("w2", false), Options{Order: Relevance}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIntersect is an AND of a frequent and a rare word.
func BenchmarkIntersect(b *testing.B) {
	s := synth(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := s.run(ctx, and(wordNode("w2", false), wordNode("w300", false)), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPhrase is a phrase of two frequent words: candidates are every
// verse holding both, positions are compared in each.
func BenchmarkPhrase(b *testing.B) {
	s := synth(b)
	ctx := context.Background()
	r, _ := s.run(ctx, phraseNode([]string{"w2", "w3"}, false), Options{})
	b.Logf("%d hits", r.Total)
	for b.Loop() {
		if _, err := s.run(ctx, phraseNode([]string{"w2", "w3"}, false), Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWarmLatency reports the median latency of a single-word query (the
// acceptance target is under 50 µs).
func TestWarmLatency(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s, err := synthSearcher()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var ds []time.Duration
	for range 2000 {
		t0 := time.Now()
		s.run(ctx, wordNode("w900", false), Options{})
		ds = append(ds, time.Since(t0))
	}
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	t.Logf("single-word query, synthetic KJV-sized index: median %v, p99 %v", ds[len(ds)/2], ds[len(ds)*99/100])
}
