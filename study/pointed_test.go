package study

import (
	"math"
	"testing"

	"berean/index"
)

// TestPointed: the windows that three sources of different chapters point
// to together are kept, one per chapter; sources of one chapter count
// once, links within a source's chapter and verses of the sources do not
// count, and a link's votes weigh log2(1 + votes) ÷ ptVoteFull.
func TestPointed(t *testing.T) {
	o := func(s string) int { return ord(s, false) }
	srcs := []ptSource{
		{o("Heb.7.25"), o("Heb.7.25"), 1},
		{o("Heb.7.1"), o("Heb.7.1"), 0.9}, // same chapter as Heb 7:25
		{o("Heb.9.24"), o("Heb.9.24"), 0.8},
		{o("Heb.4.14"), o("Heb.4.15"), 0.6},
		{o("Rom.8.34"), o("Rom.8.34"), 0.5},
	}
	ref := func(s string, votes int) index.CrossRef { return index.CrossRef{Lo: o(s), Hi: o(s), Votes: votes} }
	links := map[int][]index.CrossRef{
		o("Heb.7.25"): {ref("Lev.16.12", 10), ref("Gen.14.18", 20), ref("Heb.7.26", 50), ref("Heb.10.19", 7)},
		o("Heb.7.1"):  {ref("Gen.14.18", 20), ref("Lev.16.13", 7)},
		o("Heb.9.24"): {ref("Lev.16.15", 10), ref("Lev.16.2", 1), ref("Gen.14.18", 1), ref("Heb.10.20", 7), ref("Heb.4.14", 40)},
		o("Heb.4.15"): {ref("Lev.16.14", 1), ref("Exod.40.26", 9), ref("Heb.10.21", 7)},
		o("Rom.8.34"): {ref("Exod.40.26", 9), ref("Heb.10.22", 1)},
	}
	get := func(k int) []index.CrossRef { return links[k] }

	got := pointed(srcs, get, true, 4)
	// Lev 16: Heb 7 (10 votes), Heb 9 (10) and Heb 4 (1 vote: 1/3 of
	// its share) point into Lev 16:12-15; Lev 16:2 is too far for one
	// window. Gen 14:18: two chapters (Heb 7 counted once). Exod 40:26: two.
	if len(got) != 1 {
		t.Fatalf("got %d windows, want 1: %+v", len(got), got)
	}
	p := got[0]
	if p.lo != o("Lev.16.12") || p.hi != o("Lev.16.15") {
		t.Errorf("window %d-%d, want Lev 16:12-15", p.lo, p.hi)
	}
	want := (1 + 0.8 + 0.6*math.Log2(2)/ptVoteFull) / ptFull
	if math.Abs(p.weight-want) > 1e-9 {
		t.Errorf("weight %v, want %v", p.weight, want)
	}
	if len(p.from) != 3 || p.from[0] != o("Heb.7.25") || p.from[1] != o("Heb.9.24") || p.from[2] != o("Heb.4.15") {
		t.Errorf("from %v, want Heb 7:25, Heb 9:24, Heb 4:15", p.from)
	}
	if note := p.note(); note != "cross-references lead here from Hebrews 7:25, Hebrews 9:24 and 1 more passage of this study" {
		t.Errorf("note %q", note)
	}

	// The New Testament: Heb 10:19-22 from three chapters (Heb 7:26 and
	// Heb 4:14 are in Hebrews 7 and among the sources: not counted).
	nt := pointed(srcs, get, false, 3)
	if len(nt) != 1 || nt[0].lo != o("Heb.10.19") || nt[0].hi != o("Heb.10.22") {
		t.Fatalf("New Testament windows %+v, want Heb 10:19-22", nt)
	}
	if n := pointed(srcs, get, true, 0); len(n) != 0 {
		t.Errorf("n = 0 gave %d windows", len(n))
	}
}

// TestCorroborated: a source is weighed by the other source chapters
// pointing into it, each once with its best link; links from its own
// chapter and links to verses outside it do not count, and a source that
// fewer than ptMinSources chapters point into weighs 0.
func TestCorroborated(t *testing.T) {
	o := func(s string) int { return ord(s, false) }
	srcs := []ptSource{
		{o("Heb.4.14"), o("Heb.4.15"), 0.6},
		{o("Heb.7.25"), o("Heb.7.25"), 1},
		{o("Heb.7.1"), o("Heb.7.1"), 0.9}, // same chapter as Heb 7:25
		{o("Heb.9.24"), o("Heb.9.24"), 0.8},
		{o("Rom.8.34"), o("Rom.8.34"), 0.5},
		{o("Heb.4.3"), o("Heb.4.3"), 0.2}, // same chapter as Heb 4:14-15
	}
	ref := func(s string, votes int) index.CrossRef { return index.CrossRef{Lo: o(s), Hi: o(s), Votes: votes} }
	links := map[int][]index.CrossRef{
		o("Heb.7.25"): {ref("Heb.4.15", 7), ref("Heb.9.24", 1)},
		o("Heb.7.1"):  {ref("Heb.4.14", 1)},
		o("Heb.9.24"): {ref("Heb.4.14", 40)},
		o("Rom.8.34"): {ref("Heb.4.15", 1), ref("Heb.4.16", 50), ref("Heb.9.24", 7)},
		o("Heb.4.3"):  {ref("Heb.4.14", 50), ref("Heb.9.24", 50)},
	}
	got := corroborated(srcs, func(k int) []index.CrossRef { return links[k] })
	// Heb 4:14-15: Hebrews 7 (7 votes: in full), Hebrews 9 (40), Romans 8
	// (1 vote: a third); Hebrews 4:3 is its own chapter.
	want := []float64{(1 + 0.8 + 0.5/ptVoteFull) / ptFull, 0, 0, (1*math.Log2(2)/ptVoteFull + 0.5 + 0.6) / ptFull, 0, 0}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-9 {
			t.Errorf("source %d: weight %v, want %v", i, got[i], want[i])
		}
	}
}

func TestWithClause(t *testing.T) {
	tests := []struct{ note, clause, want string }{
		{"", "cross-references lead here from Hebrews 7:25", "Cross-references lead here from Hebrews 7:25"},
		{"Uses the word 'pray'", "cross-references lead here", "Uses the word 'pray'; cross-references lead here"},
		{"Uses the word 'pray'; cross-references lead here", "cross-references lead here", "Uses the word 'pray'; cross-references lead here"},
	}
	for _, tc := range tests {
		if got := withClause(tc.note, tc.clause); got != tc.want {
			t.Errorf("withClause(%q, %q) = %q, want %q", tc.note, tc.clause, got, tc.want)
		}
	}
}
