package search

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"sync"
	"testing"

	"berean/canon"
)

func osisOf(r *Result) []string {
	var out []string
	for _, h := range r.Results {
		out = append(out, h.Bible+":"+h.OSIS)
	}
	return out
}

func TestPlans(t *testing.T) {
	s := fakeSearcher(t)
	ctx := context.Background()
	cases := []struct {
		name  string
		plan  *node
		opts  Options
		want  []string
		total int
	}{
		{"stem", wordNode("intercession", false), Options{}, []string{"ONE:Jer.7.16", "ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}, 4},
		{"n smaller than total", wordNode("intercession", false), Options{N: 2}, []string{"ONE:Jer.7.16", "ONE:Rom.8.26"}, 4},
		{"offset", wordNode("intercession", false), Options{N: 2, Offset: 3}, []string{"ONE:Heb.7.25"}, 4},
		{"archaic folds", wordNode("lives", false), Options{}, []string{"ONE:Heb.7.25"}, 1},
		{"exact does not fold", wordNode("lives", true), Options{}, nil, 0},
		{"exact form", wordNode("liveth", true), Options{}, []string{"ONE:Heb.7.25"}, 1},
		{"phrase not stemmed", phraseNode([]string{"make", "intercession"}, false), Options{}, []string{"ONE:Jer.7.16", "ONE:Heb.7.25"}, 2},
		{"phrase archaic", phraseNode([]string{"he", "ever", "lives"}, false), Options{}, []string{"ONE:Heb.7.25"}, 1},
		{"phrase archaic exact", phraseNode([]string{"he", "ever", "lives"}, true), Options{}, nil, 0},
		{"phrase order", phraseNode([]string{"intercession", "make"}, false), Options{}, nil, 0},
		{"strong", strongNode("G1793"), Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}, 3},
		{"and", and(wordNode("he", false), wordNode("intercession", false)), Options{}, []string{"ONE:Heb.7.25"}, 1},
		{"and not", and(wordNode("intercession", false), not(wordNode("us", false))), Options{}, []string{"ONE:Jer.7.16", "ONE:Heb.7.25"}, 2},
		{"or", or(wordNode("garden", false), wordNode("grace", false)), Options{}, []string{"ONE:Gen.1.1", "ONE:Gen.2.8", "ONE:Rev.22.21"}, 3},
		{"not alone", not(wordNode("the", false)), Options{}, []string{"ONE:Jer.7.16", "ONE:Rom.8.34", "ONE:Heb.7.25", "ONE:Rev.22.21"}, 4},
		{"prefix", prefixNode("gard"), Options{}, []string{"ONE:Gen.1.1", "ONE:Gen.2.8"}, 2},
		{"scope book", and(wordNode("intercession", false), &node{op: opScope, scope: []scopeRange{{startBook: "Rom", endBook: "Rom"}}}), Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34"}, 2},
		{"scope NT", and(wordNode("intercession", false), &node{op: opScope, scope: []scopeRange{{testament: canon.NT}}}), Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}, 3},
		{"scope range", and(wordNode("intercession", false), &node{op: opScope, scope: []scopeRange{{startBook: "Rom", startCh: 8, startV: 30, endBook: "Heb"}}}), Options{}, []string{"ONE:Rom.8.34", "ONE:Heb.7.25"}, 2},
		{"two bibles interleave", wordNode("maker", false), Options{Bibles: []string{"one", "TWO"}}, []string{"ONE:Gen.1.1", "TWO:Gen.1.1", "ONE:Gen.2.8"}, 3},
		{"all bibles", phraseNode([]string{"make", "intercession"}, false), Options{Bibles: []string{"all"}}, []string{"ONE:Jer.7.16", "ONE:Heb.7.25", "TWO:Heb.7.25"}, 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r, err := s.run(ctx, c.plan, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := osisOf(r); !slices.Equal(got, c.want) || r.Total != c.total {
				t.Errorf("%s: got %v (total %d), want %v (total %d)", c.plan, got, r.Total, c.want, c.total)
			}
		})
	}
}

func TestHighlight(t *testing.T) {
	s := fakeSearcher(t)
	r, err := s.run(context.Background(), and(phraseNode([]string{"make", "intercession"}, false), wordNode("them", false)), Options{KWIC: 12})
	if err != nil {
		t.Fatal(err)
	}
	h := r.Results[1]
	var marked []string
	for _, sp := range h.Spans {
		marked = append(marked, h.Text[sp.Start:sp.End])
	}
	if !slices.Equal(marked, []string{"make intercession", "them"}) {
		t.Errorf("marked %q in %q", marked, h.Text)
	}
	if len(h.KWIC) != 2 || h.KWIC[0].Match != "make intercession" || h.KWIC[0].Left != "…liveth to " {
		t.Errorf("kwic %+v", h.KWIC)
	}
	// Strong's highlight the tagged words.
	r, _ = s.run(context.Background(), strongNode("G1793"), Options{})
	h = r.Results[0]
	if got := h.Text[h.Spans[0].Start:h.Spans[0].End]; got != "maketh intercession" {
		t.Errorf("strong's mark %q", got)
	}
}

func TestRuneSpans(t *testing.T) {
	text := "Ἰησοῦς wept—and said"
	i := strings.Index(text, "said")
	got := runeSpans(text, []Span{{i, i + 4}})
	if got[0] != (Span{16, 20}) {
		t.Errorf("runeSpans = %v", got)
	}
}

// TestBM25 pins the formula with a hand-computed value. In Bible ONE
// (7 verses, 57 words: avgdl = 57/7 = 8.142857), "garden" occurs in
// Gen 1:1 (11 words, tf 1) and Gen 2:8 (10 words, tf 2); df = 2, N = 7;
// k1 = 1.2, b = 0.4:
//
//	idf = ln(1 + (7 - 2 + 0.5)/(2 + 0.5)) = ln(3.2) = 1.163151
//	Gen 2:8: norm = 1 - 0.4 + 0.4·10/8.142857 = 1.091228
//	         1.163151 · 2·2.2 / (2 + 1.2·1.091228) = 1.546428
//	Gen 1:1: norm = 1 - 0.4 + 0.4·11/8.142857 = 1.140351
//	         1.163151 · 1·2.2 / (1 + 1.2·1.140351) = 1.080438
func TestBM25(t *testing.T) {
	s := fakeSearcher(t)
	b, _ := s.ix.Bible("ONE")
	if b.Docs() != 7 || b.DocLen(0) != 11 || b.DocLen(1) != 10 || math.Abs(b.AvgLen()-57.0/7) > 1e-9 {
		t.Fatalf("fixture changed: docs %d lens %d %d avg %v", b.Docs(), b.DocLen(0), b.DocLen(1), b.AvgLen())
	}
	r, err := s.run(context.Background(), wordNode("garden", false), Options{Order: Relevance})
	if err != nil {
		t.Fatal(err)
	}
	if got := osisOf(r); !slices.Equal(got, []string{"ONE:Gen.2.8", "ONE:Gen.1.1"}) {
		t.Fatalf("order %v", got)
	}
	if math.Abs(r.Results[0].Score-1.5464) > 1e-4 || math.Abs(r.Results[1].Score-1.0804) > 1e-4 {
		t.Errorf("scores %v %v, want 1.5464 1.0804", r.Results[0].Score, r.Results[1].Score)
	}
	// Bible order gives the same scores.
	r, _ = s.run(context.Background(), wordNode("garden", false), Options{})
	if math.Abs(r.Results[1].Score-1.5464) > 1e-4 {
		t.Errorf("bible-order score %v", r.Results[1].Score)
	}
}

func TestStats(t *testing.T) {
	s := fakeSearcher(t)
	r, _ := s.run(context.Background(), wordNode("intercession", false), Options{Stats: true, Bibles: []string{"all"}})
	want := []BookCount{{"ONE", "Jer", "Jeremiah", 1}, {"ONE", "Rom", "Romans", 2}, {"ONE", "Heb", "Hebrews", 1}, {"TWO", "Heb", "Hebrews", 1}}
	if !slices.Equal(r.Stats, want) {
		t.Errorf("stats %v", r.Stats)
	}
}

func TestUnknownBible(t *testing.T) {
	s := fakeSearcher(t)
	if _, err := s.run(context.Background(), wordNode("x", false), Options{Bibles: []string{"NOPE"}}); err == nil || !strings.Contains(err.Error(), "ONE, TWO") {
		t.Errorf("err = %v", err)
	}
}

func TestConcurrent(t *testing.T) {
	s := fakeSearcher(t)
	plans := []func() *node{
		func() *node { return wordNode("intercession", false) },
		func() *node { return phraseNode([]string{"make", "intercession"}, false) },
		func() *node { return strongNode("G1793") },
		func() *node { return and(wordNode("the", false), not(wordNode("maker", false))) },
	}
	want := make([]string, len(plans))
	for i, p := range plans {
		r, _ := s.run(context.Background(), p(), Options{Order: Relevance, Bibles: []string{"all"}})
		want[i] = strings.Join(osisOf(r), ",")
	}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 200 {
				i := (g + k) % len(plans)
				r, err := s.run(context.Background(), plans[i](), Options{Order: Relevance, Bibles: []string{"all"}})
				if err != nil {
					t.Error(err)
					return
				}
				if got := strings.Join(osisOf(r), ","); got != want[i] {
					t.Errorf("concurrent result %q, want %q", got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestCancelled(t *testing.T) {
	s := fakeSearcher(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.run(ctx, wordNode("the", false), Options{}); err == nil {
		t.Error("no error from a cancelled context")
	}
}

func TestQueries(t *testing.T) {
	s := fakeSearcher(t)
	cases := []struct {
		q    string
		opts Options
		want []string
	}{
		{"intercession", Options{}, []string{"ONE:Jer.7.16", "ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"Intercessions", Options{}, []string{"ONE:Jer.7.16", "ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"intercede", Options{}, []string{"ONE:Jer.7.16", "ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"intercessions", Options{Exact: true}, nil},
		{`"make intercession"`, Options{}, []string{"ONE:Jer.7.16", "ONE:Heb.7.25"}},
		{`"he ever lives"`, Options{}, []string{"ONE:Heb.7.25"}},
		{"he lives to make intercession", Options{}, []string{"ONE:Heb.7.25"}},
		{"strong:G1793", Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"g1793", Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"intercession in:Rom", Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34"}},
		{"intercession in:Rom-Heb", Options{}, []string{"ONE:Rom.8.26", "ONE:Rom.8.34", "ONE:Heb.7.25"}},
		{"intercession in:OT", Options{}, []string{"ONE:Jer.7.16"}},
		{"intercession in:NT -us", Options{}, []string{"ONE:Heb.7.25"}},
		{`intercession in:"Rom 8:30-39"`, Options{}, []string{"ONE:Rom.8.34"}},
		{"intercession in:Heb.7", Options{}, []string{"ONE:Heb.7.25"}},
		{"garden OR grace", Options{}, []string{"ONE:Gen.1.1", "ONE:Gen.2.8", "ONE:Rev.22.21"}},
		{"gard*", Options{}, []string{"ONE:Gen.1.1", "ONE:Gen.2.8"}},
		{"maker", Options{Bibles: []string{"all"}}, []string{"ONE:Gen.1.1", "TWO:Gen.1.1", "ONE:Gen.2.8"}},
	}
	for _, c := range cases {
		t.Run(c.q, func(t *testing.T) {
			r, err := s.SearchString(context.Background(), c.q, c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if got := osisOf(r); !slices.Equal(got, c.want) {
				t.Errorf("%s (%s): got %v, want %v", c.q, r.Parsed, got, c.want)
			}
		})
	}
	for _, bad := range []string{`"unclosed`, "", "in:Nowhere x", "-only"} {
		if _, err := s.SearchString(context.Background(), bad, Options{}); err == nil || !errors.Is(err, ErrBadQuery) {
			t.Errorf("%q: err %v", bad, err)
		}
	}
}
