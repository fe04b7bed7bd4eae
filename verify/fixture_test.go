package verify

import (
	"context"
	"iter"
	"slices"
	"strings"
	"testing"

	"berean/canon"
	"berean/ref"
)

// fixture is a tiny synthetic library: two "translations" of a few verses
// of Genesis with invented text, tagged with invented Strong's numbers.
type fixture struct {
	names []string
	verse map[string]map[ref.Ref]Verse
}

func (f *fixture) Bibles() []string            { return f.names }
func (f *fixture) System(string) *canon.System { return canon.KJV() }
func (f *fixture) Verses(b string) iter.Seq2[ref.Ref, Verse] {
	return func(yield func(ref.Ref, Verse) bool) {
		rs := make([]ref.Ref, 0, len(f.verse[b]))
		for r := range f.verse[b] {
			rs = append(rs, r)
		}
		slices.SortFunc(rs, func(a, b ref.Ref) int {
			if a.Chapter != b.Chapter {
				return a.Chapter - b.Chapter
			}
			return a.Verse - b.Verse
		})
		for _, r := range rs {
			if !yield(r, f.verse[b][r]) {
				return
			}
		}
	}
}

// tagged builds a verse from "word/H1 word word/H2" notation.
func tagged(s string) Verse {
	var v Verse
	var plain []string
	for _, tok := range strings.Fields(s) {
		w, strong, _ := strings.Cut(tok, "/")
		plain = append(plain, w)
		word := Word{Text: strings.Trim(w, ".,;:")}
		if strong != "" {
			word.Strongs = []string{strong}
		}
		v.Words = append(v.Words, word)
	}
	v.Text = strings.Join(plain, " ")
	return v
}

func newFixture() *fixture {
	gen := func(c, v int) ref.Ref { return ref.Ref{Book: "Gen", Chapter: c, Verse: v} }
	return &fixture{
		names: []string{"OLD", "NEW"},
		verse: map[string]map[ref.Ref]Verse{
			"OLD": {
				gen(1, 1): tagged("The watchman/H1 spake/H2 boldly/H3 unto the gate/H4 of the valley/H5."),
				gen(1, 2): tagged("And the watchman/H1 went boldly/H3 before the elders/H6 of the city/H7."),
				gen(1, 3): tagged("A lamp/H8 was kindled/H9 upon the hill/H10 at the going down of the sun/H11."),
				gen(1, 4): tagged("The shepherd/H12 counted/H13 his flock/H14 beside the river/H15 in the morning/H16."),
				gen(1, 5): tagged("The orchard/H17 bare/H18 figs/H19 and pomegranates/H20 in abundance/H21."),
				gen(2, 1): tagged("The potter/H22 fashioned/H23 a vessel/H24 of clay/H25 upon the wheel/H26."),
				gen(2, 2): tagged("The weaver/H27 wove/H28 scarlet/H29 thread/H30 into the curtain/H31."),
			},
			"NEW": {
				gen(1, 1): tagged("The watchman/H1 spoke/H2 with confidence/H3 to the gate/H4 of the valley/H5."),
				gen(1, 2): tagged("And the watchman/H1 went with confidence/H3 before the elders/H6 of the city/H7."),
				gen(1, 3): tagged("A lamp/H8 was lit/H9 on the hill/H10 at sunset/H11."),
				gen(1, 4): tagged("The shepherd/H12 counted/H13 his flock/H14 beside the river/H15 in the morning/H16."),
				gen(1, 5): tagged("The orchard/H17 produced/H18 figs/H19 and pomegranates/H20 in abundance/H21."),
				gen(2, 1): tagged("The potter/H22 shaped/H23 a jar/H24 of clay/H25 on the wheel/H26."),
				gen(2, 2): tagged("The weaver/H27 wove/H28 scarlet/H29 thread/H30 into the curtain/H31."),
			},
		},
	}
}

func fixtureModel(t *testing.T) *Model {
	t.Helper()
	m, err := NewModel(context.Background(), newFixture())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestSynonymsLearned(t *testing.T) {
	m := fixtureModel(t)
	if got := m.Synonyms("boldly"); !slices.Contains(got, termOf("confidence")) {
		t.Errorf("synonyms of boldly: %v, want confidence (seen twice for H3)", got)
	}
	if got := m.Synonyms("fashioned"); slices.Contains(got, termOf("shaped")) {
		t.Errorf("synonyms of fashioned: %v; a pair seen once is not a synonym", got)
	}
}

func TestVerdictsOnFixture(t *testing.T) {
	m := fixtureModel(t)
	article := `The watchman “spoke with confidence to the gate of the valley” (Genesis 1:1).
The elders saw him: “the watchman went boldly before the elders of the city” (Genesis 1:3).
“The shepherd counted his flock beside the river” (Genesis 1:5).
“The shepherd counted his sheep at the river every morning” (Genesis 1:4).
“The merchant sold silver and gold in the market of the kings” (Genesis 2:1).
And Genesis 2:2 is about weaving. Genesis 1:77 says: “The potter shaped a jar of clay on the wheel.”`
	rep, err := Article(context.Background(), []byte(article), Deps{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct{ written, verdict, suggested string }{
		{"Genesis 1:1", OK, ""},
		{"Genesis 1:3", WrongReference, "Gen.1.2"},
		{"Genesis 1:5", WrongReference, "Gen.1.4"},
		{"Genesis 1:4", OK, ""},
		{"Genesis 2:1", QuoteNotFound, ""},
		{"Genesis 2:2", Unquoted, ""},
		{"Genesis 1:77", InvalidReference, "Gen.2.1"},
	}
	if len(rep.Citations) != len(want) {
		for _, c := range rep.Citations {
			t.Logf("%+v", c)
		}
		t.Fatalf("%d citations, want %d", len(rep.Citations), len(want))
	}
	for i, w := range want {
		c := rep.Citations[i]
		if c.AsWritten != w.written || c.Verdict != w.verdict || c.Suggested != w.suggested {
			t.Errorf("citation %d: %s %s %q (similarity %.2f, %s), want %s %s %q", i, c.AsWritten, c.Verdict, c.Suggested, c.Similarity, c.Message, w.written, w.verdict, w.suggested)
		}
	}
	if rep.Summary.Problems != 4 || rep.Summary.OK != 3 {
		t.Errorf("summary %+v", rep.Summary)
	}
	// Offsets point into the input.
	rs := []rune(article)
	for _, c := range rep.Citations {
		if got := string(rs[c.Start:c.End]); got != c.AsWritten {
			t.Errorf("offsets %d-%d give %q, want %q", c.Start, c.End, got, c.AsWritten)
		}
	}
	// References sharing a parenthesis share its quotation: no problem when
	// one of them matches (one match with two ranges, or two matches).
	rep, err = Article(context.Background(), []byte("“The lamp was lit on the hill at sunset” (Genesis 1:3; Genesis 2:2)."), Deps{Model: m})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary.Problems != 0 || rep.Summary.Verdicts[OK] != 1 {
		t.Errorf("shared parenthesis: %+v", rep.Citations)
	}
}

// TestConcurrentArticles: one model serves many articles at once (the
// server shares it); run with -race.
func TestConcurrentArticles(t *testing.T) {
	m := fixtureModel(t)
	article := []byte("“the watchman went boldly before the elders of the city” (Genesis 1:3). “The shepherd counted his flock” (Genesis 1:4).")
	done := make(chan Report, 8)
	for range 8 {
		go func() {
			rep, _ := Article(context.Background(), article, Deps{Model: m})
			done <- rep
		}()
	}
	for range 8 {
		rep := <-done
		if len(rep.Citations) != 2 || rep.Citations[0].Suggested != "Gen.1.2" || rep.Citations[1].Verdict != OK {
			t.Errorf("concurrent run: %+v", rep.Citations)
		}
	}
}

// FuzzArticle: any input gives a report or an input error, never a panic,
// with offsets inside the input.
func FuzzArticle(f *testing.F) {
	m, err := NewModel(context.Background(), newFixture())
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"“The watchman spoke with confidence” (Genesis 1:1)",
		"Genesis 1:77 says: “The potter shaped a jar”",
		"> The shepherd counted his flock\n> — Genesis 1:4\n",
		"<p>Genesis 2:2 <q>The weaver wove</q> (v. 1)</p>",
		"Genesis 1:3; Genesis 2:2 “x y z” (Genesis 1)",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		rep, err := Article(context.Background(), []byte(s), Deps{Model: m})
		if err != nil {
			return
		}
		n := len([]rune(strings.ToValidUTF8(s, "\uFFFD")))
		for _, c := range rep.Citations {
			if c.Start < 0 || c.End < c.Start || c.Start > n+len(s) {
				t.Fatalf("bad offsets %d-%d", c.Start, c.End)
			}
			if c.Similarity < 0 || c.Similarity > 1 {
				t.Fatalf("similarity %v", c.Similarity)
			}
		}
	})
}
