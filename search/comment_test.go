package search

import (
	"context"
	"strings"
	"testing"

	"berean/canon"
	"berean/index"
)

type commSource struct {
	fakeSource
	comms []index.BibleSource
}

func (c *commSource) Commentaries() []index.BibleSource { return c.comms }

// TestSearchCommentary: -b names a commentary; hits name it and the range
// its comment covers, with an excerpt around the match; "all" and the
// default search Bibles only.
func TestSearchCommentary(t *testing.T) {
	sys := canon.KJV()
	longText := strings.Repeat("filler words here ", 200) + "the great commission given " + strings.Repeat("more filler ", 200)
	src := &commSource{
		fakeSource: fakeSource{bibles: []index.BibleSource{&fakeBible{name: "KJV", module: "engKJV", sys: sys, verses: []index.Verse{
			v("Matt.28.19", "Go ye therefore and teach all nations"),
		}}}},
		comms: []index.BibleSource{&fakeBible{name: "COM", module: "Com", sys: sys, verses: []index.Verse{
			{Book: "Matt", Chapter: 28, Verse: 16, Text: "Verses 16-20\n" + longText, LastChapter: 28, LastVerse: 20},
		}}},
	}
	ix, err := index.Build(context.Background(), src, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := New(ix, Params{})
	res, err := s.SearchString(context.Background(), `"great commission"`, Options{Bibles: []string{"com"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Results) != 1 {
		t.Fatalf("%d results", len(res.Results))
	}
	h := res.Results[0]
	if h.Kind != "commentary" || h.Bible != "COM" || h.OSIS != "Matt.28.16-Matt.28.20" || h.LastVerse != 20 {
		t.Errorf("hit %s %s %s (to %d:%d)", h.Kind, h.Bible, h.OSIS, h.LastChapter, h.LastVerse)
	}
	if len(h.Text) > 2*excerptWidth+20 || len(h.Spans) == 0 || h.Text[h.Spans[0].Start:h.Spans[len(h.Spans)-1].End] != "great commission" {
		t.Errorf("excerpt %q spans %v", h.Text, h.Spans)
	}
	res, err = s.SearchString(context.Background(), "verses", Options{Bibles: []string{"COM"}})
	if err != nil || len(res.Results) != 1 || strings.Contains(res.Results[0].Text, "\n") {
		t.Errorf("a comment's heading line break reached the hit: %v %+v", err, res)
	}
	for _, names := range [][]string{nil, {"all"}} {
		res, err := s.SearchString(context.Background(), "commission", Options{Bibles: names})
		if err != nil {
			t.Fatal(err)
		}
		if res.Total != 0 {
			t.Errorf("Bibles %v: a commentary was searched (%d hits)", names, res.Total)
		}
	}
}

func TestExcerpt(t *testing.T) {
	text := strings.Repeat("a ", 400) + "HIT" + strings.Repeat(" b", 400)
	at := strings.Index(text, "HIT")
	got, spans := excerpt(text, []Span{{at, at + 3}}, 20)
	if !strings.HasPrefix(got, "… ") || !strings.HasSuffix(got, " …") || len(spans) != 1 || got[spans[0].Start:spans[0].End] != "HIT" {
		t.Errorf("excerpt %q %v", got, spans)
	}
	short := "a short HIT"
	if got, _ := excerpt(short, []Span{{8, 11}}, 20); got != short {
		t.Errorf("a short text was cut: %q", got)
	}
}
