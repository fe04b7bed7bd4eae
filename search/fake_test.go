package search

import (
	"context"
	"iter"
	"strings"
	"testing"

	"berean/canon"
	"berean/index"
)

// A tiny synthetic library for unit tests: made-up verses at real
// references (no Bible text is committed).

type fakeBible struct {
	name, module string
	sys          *canon.System
	verses       []index.Verse
}

func (f *fakeBible) Name() string          { return f.name }
func (f *fakeBible) Module() string        { return f.module }
func (f *fakeBible) System() *canon.System { return f.sys }
func (f *fakeBible) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		for _, v := range f.verses {
			if !yield(v, nil) {
				return
			}
		}
	}
}

type fakeSource struct{ bibles []index.BibleSource }

func (f *fakeSource) Fingerprint() string         { return "fake" }
func (f *fakeSource) Bibles() []index.BibleSource { return f.bibles }
func (f *fakeSource) Lexicon(ctx context.Context) iter.Seq2[index.LexEntry, error] {
	return func(yield func(index.LexEntry, error) bool) {}
}
func (f *fakeSource) Topics(ctx context.Context) iter.Seq2[index.Topic, error] {
	return func(yield func(index.Topic, error) bool) {}
}

// v builds a verse; tags are "word=KEY" (first occurrence of word).
func v(ref, text string, tags ...string) index.Verse {
	book, rest, _ := strings.Cut(ref, ".")
	chs, vs, _ := strings.Cut(rest, ".")
	vv := index.Verse{Book: book, Chapter: atoi(chs), Verse: atoi(vs), Text: text}
	for _, t := range tags {
		w, k, _ := strings.Cut(t, "=")
		i := strings.Index(text, w)
		vv.Tags = append(vv.Tags, index.Tag{Start: i, End: i + len(w), Keys: []string{k}})
	}
	return vv
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

func fakeLibrary() *fakeSource {
	one := &fakeBible{name: "ONE", module: "engONE", sys: canon.KJV(), verses: []index.Verse{
		v("Gen.1.1", "In the beginning a maker made the garden and the river."),
		v("Gen.2.8", "The maker planted a garden eastward, a garden of delight."),
		v("Jer.7.16", "Do not make intercession to me for them.", "intercession=H6293"),
		v("Rom.8.26", "The helper maketh intercession for us with groanings.", "maketh=G1793", "intercession=G1793"),
		v("Rom.8.34", "Who also maketh intercession for us.", "intercession=G1793"),
		v("Heb.7.25", "Seeing he ever liveth to make intercession for them.", "liveth=G2198", "intercession=G1793"),
		v("Rev.22.21", "Grace be with you all."),
	}}
	two := &fakeBible{name: "TWO", module: "engTWO", sys: canon.KJV(), verses: []index.Verse{
		v("Gen.1.1", "In the start the maker made everything."),
		v("Heb.7.25", "Since he always lives to make intercession for them."),
	}}
	return &fakeSource{bibles: []index.BibleSource{one, two}}
}

func fakeSearcher(t testing.TB) *Searcher {
	t.Helper()
	ix, err := index.Build(context.Background(), fakeLibrary(), nil)
	if err != nil {
		t.Fatal(err)
	}
	return New(ix, Params{})
}
