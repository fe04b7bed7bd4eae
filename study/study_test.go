package study

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"berean/ask"
	"berean/canon"
	"berean/ref"
	"berean/retrieval"
	"berean/xref"
)

// The passages ../shared/data/articles/intercession.txt cites.
var articleRefs = []string{"Lev.16", "Exod.32.31-Exod.32.32", "Ps.110.4", "Heb.7.23-Heb.7.25", "Rom.8.34", "1John.2.1",
	"Heb.4.14-Heb.4.16", "John.17.9", "John.17.20", "Heb.9.24", "Luke.22.32", "John.14.16", "Heb.10.19-Heb.10.22", "Heb.7.25"}

func span(osis string) (int, int) {
	s, e, _ := strings.Cut(osis, "-")
	if e == "" {
		e = s
	}
	return ord(s, false), ord(e, true)
}

func ord(s string, end bool) int {
	kjv := canon.KJV()
	p := strings.Split(s, ".")
	bk, _ := kjv.Book(p[0])
	c, v := 1, 1
	if len(p) > 1 {
		fmt.Sscan(p[1], &c)
	}
	if len(p) > 2 {
		fmt.Sscan(p[2], &v)
	} else if end {
		v = bk.Verses[c-1]
	}
	o, _ := kjv.Ordinal(p[0], c, v)
	return o
}

func TestIntercessionStudy(t *testing.T) {
	ix := devIndex(t)
	s := New(ask.New(ix), xref.New(ix), devTopics(t))
	st, err := s.Study(context.Background(), "Jesus makes intercession for us", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t0 := time.Now()
	st, err = s.Study(context.Background(), "Jesus makes intercession for us", Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("study in %v", time.Since(t0))
	found := 0
	for _, r := range articleRefs {
		lo, hi := span(r)
		where := ""
		for _, sec := range st.Sections[:2] {
			for _, p := range sec.Passages {
				if !(p.End < lo || hi < p.Start) {
					where = sec.Testament
				}
			}
		}
		if where != "" {
			found++
		}
		t.Logf("%-22s %s", r, where)
	}
	t.Logf("found %d of %d", found, len(articleRefs))
	t.Log("\n" + st.Markdown())
	// Acceptance asks for 12; 13 are reached (doc.go).
	if found < 13 {
		t.Errorf("study contains %d of the article's %d passages, want 13", found, len(articleRefs))
	}
}

func BenchmarkStudy(b *testing.B) {
	ix := devIndex(b)
	s := New(ask.New(ix), xref.New(ix), devTopics(b))
	if _, err := s.Study(context.Background(), "warm up the tables", Options{}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.Study(context.Background(), "Jesus makes intercession for us", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestKeyVerses: a passage with two kinds of evidence comes before a
// better-scoring one that only shares one word with the topic; the
// popularity of its verses breaks near ties; one-word passages fill the
// places left, and the key passages are the section passages themselves.
func TestKeyVerses(t *testing.T) {
	ps := []Passage{
		{OSIS: "one-word", Start: 1, End: 1, Score: 10},
		{OSIS: "strong", Start: 5, End: 7, Score: 6},
		{OSIS: "strong-popular", Start: 10, End: 10, Score: 5.8},
		{OSIS: "weak-low", Start: 20, End: 20, Score: 2},
	}
	strength := map[int]int{1: 1, 5: 2, 6: 2, 7: 2, 10: 3, 20: 1}
	pop := func(k int) int {
		if k == 10 {
			return 20
		}
		return 0
	}
	tests := []struct {
		n    int
		want []string
	}{
		{1, []string{"strong-popular"}},
		{2, []string{"strong-popular", "strong"}},
		{3, []string{"strong-popular", "strong", "one-word"}},
		{9, []string{"strong-popular", "strong", "one-word", "weak-low"}},
	}
	for _, tc := range tests {
		got := keyVerses(ps, strength, pop, tc.n)
		var names []string
		for _, p := range got {
			names = append(names, p.OSIS)
		}
		if strings.Join(names, " ") != strings.Join(tc.want, " ") {
			t.Errorf("n=%d: got %v, want %v", tc.n, names, tc.want)
		}
	}
	if ps[1].Score != 6 {
		t.Errorf("keyVerses changed its input: %+v", ps[1])
	}
}

// TestEmptyTopic: an empty or blank topic is ErrEmpty (and ask.ErrEmpty,
// which callers map to a usage error), before any index is read.
func TestEmptyTopic(t *testing.T) {
	s := New(nil, nil)
	for _, topic := range []string{"", "   ", "\t\n"} {
		_, err := s.Study(context.Background(), topic, Options{})
		if !errors.Is(err, ErrEmpty) || !errors.Is(err, ask.ErrEmpty) {
			t.Errorf("Study(%q) error = %v, want ErrEmpty", topic, err)
		}
	}
}

// TestNamedPassageStudy: a study whose topic is the name of a passage
// (data/named.tsv of package ask) leads with that passage, and the verses
// that only share a word of its name ("mount") are not its key verses;
// a theme that is also a short passage's name ("the new covenant") keeps
// the verses that have all its words.
func TestNamedPassageStudy(t *testing.T) {
	ix := devIndex(t)
	s := New(ask.New(ix), xref.New(ix), devTopics(t))
	for _, tc := range []struct {
		topic     string
		passage   string // must be among the key verses
		keyAlso   string // and this one too ("" for none)
		notInKeys string // a word no key verse may be there for alone
	}{
		{"the Sermon on the Mount", "Matt.5.3", "", "'Mount'"},
		{"the Lord's Prayer", "Matt.6.9", "", ""},
		{"the prodigal son", "Luke.15.11", "Luke.15.20", "'son'"}, // the table's "Parable of the Prodigal Son"
		{"the new covenant", "Jer.31.31", "Luke.22.20", ""},
	} {
		t.Run(tc.topic, func(t *testing.T) {
			st, err := s.Study(context.Background(), tc.topic, Options{})
			if err != nil {
				t.Fatal(err)
			}
			keys := st.Sections[len(st.Sections)-1]
			has := func(osis string) bool {
				lo, hi := span(osis)
				for _, p := range keys.Passages {
					if p.Start <= hi && lo <= p.End {
						return true
					}
				}
				return false
			}
			for _, want := range []string{tc.passage, tc.keyAlso} {
				if want != "" && !has(want) {
					t.Errorf("%s is not among the key verses:\n%s", want, st.Markdown())
				}
			}
			if tc.notInKeys != "" {
				for _, p := range keys.Passages {
					if p.Note == "Uses the word "+tc.notInKeys {
						t.Errorf("key verse %s is there only for %s", p.Ref, tc.notInKeys)
					}
				}
			}
		})
	}
}

// TestReferenceSpans: a topic made only of references names passages; a
// topic with words besides, or a reference that does not exist, does not.
func TestReferenceSpans(t *testing.T) {
	s := New(nil, nil)
	for _, tc := range []struct {
		topic string
		want  []string // first and last verse of each span
	}{
		{"Psalm 23", []string{"Ps.23.1", "Ps.23.6"}},
		{"  Romans 8:28-39; Ephesians 1. ", []string{"Rom.8.28", "Rom.8.39", "Eph.1.1", "Eph.1.23"}},
		{"John 3:16", []string{"John.3.16", "John.3.16"}},
		{"Psalm 23 and shepherds", nil},
		{"the love of God", nil},
	} {
		got, err := s.referenceSpans(tc.topic)
		if err != nil {
			t.Errorf("%q: %v", tc.topic, err)
		}
		var want [][2]int
		for i := 0; i+1 < len(tc.want); i += 2 {
			want = append(want, [2]int{ord(tc.want[i], false), ord(tc.want[i+1], true)})
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q: spans %v, want %v (%v)", tc.topic, got, want, tc.want)
		}
	}
}

// TestReferenceSpansInvalid: a topic that is wholly a reference that does
// not exist is ref's *InvalidError; with other words it is a theme.
func TestReferenceSpansInvalid(t *testing.T) {
	s := New(nil, nil)
	for _, topic := range []string{"John 22", "Psalm 999", " John 3:99 "} {
		var ie *ref.InvalidError
		if _, err := s.referenceSpans(topic); !errors.As(err, &ie) {
			t.Errorf("%q: %v, want a *ref.InvalidError", topic, err)
		}
	}
	for _, topic := range []string{"John 22 and the love of God", "the love of God"} {
		if sp, err := s.referenceSpans(topic); err != nil || sp != nil {
			t.Errorf("%q: %v, %v: want neither spans nor an error", topic, sp, err)
		}
	}
}

// TestReferenceStudy: a study of a reference quotes the passage and the
// passages its links point to (the open cross-references by votes).
func TestReferenceStudy(t *testing.T) {
	ix := devIndex(t)
	s := New(ask.New(ix), xref.New(ix), devTopics(t))
	for _, tc := range []struct {
		topic, passage, related string
	}{
		{"Psalm 23", "Ps.23.1", "John.10.11"},
		{"John 3:16", "John.3.16", "Rom.5.8"},
	} {
		st, err := s.Study(context.Background(), tc.topic, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.topic, err)
		}
		for _, want := range []string{tc.passage, tc.related} {
			lo, hi := span(want)
			found := false
			for _, sec := range st.Sections[:2] {
				for _, p := range sec.Passages {
					if p.Start <= hi && lo <= p.End {
						found = true
					}
				}
			}
			if !found {
				t.Errorf("%s: %s is not in the study:\n%s", tc.topic, want, st.Markdown())
			}
		}
	}
}

// TestLongReferenceTopic: a topic of many references is studied from the
// first refSpansMax of them, and a huge range from its first verses: it
// ends, and quotes passages.
func TestLongReferenceTopic(t *testing.T) {
	ix := devIndex(t)
	s := New(ask.New(ix), xref.New(ix), devTopics(t))
	var refs []string
	for c := 1; c <= 150; c++ {
		refs = append(refs, fmt.Sprintf("Psalm %d", c))
	}
	for _, topic := range []string{strings.Join(refs, "; "), "Genesis 1-50"} {
		t0 := time.Now()
		st, err := s.Study(context.Background(), topic, Options{})
		if err != nil {
			t.Fatalf("%.40s...: %v", topic, err)
		}
		if n := len(st.Sections[0].Passages) + len(st.Sections[1].Passages); n == 0 {
			t.Errorf("%.40s...: no passages", topic)
		}
		t.Logf("%.40s...: %v", topic, time.Since(t0))
	}
}

// TestSiblingTopicsRetrieved: a Nave's topic named through a sibling word
// stays only when it cites a verse the topic itself retrieves: DEMONS,
// reached from 'deity' through G1140, leaves the study of the deity of
// Christ; PRAYER, reached from 'intercession' through 'pray', stays in the
// study of intercession.
func TestSiblingTopicsRetrieved(t *testing.T) {
	ix := devIndex(t)
	s := New(ask.New(ix), xref.New(ix), devTopics(t))
	for _, tc := range []struct {
		topic, name string
		want        bool
	}{
		{"the deity of Christ", "DEMONS", false},
		{"Jesus makes intercession for us", "PRAYER", true},
	} {
		cands, _, err := s.a.Candidates(context.Background(), tc.topic, candidates, retrieval.Options{Weights: &s.w, NoQuestionFrequency: true, ShortCitations: true, Pages: true})
		if err != nil {
			t.Fatal(err)
		}
		named, _ := s.namedTopics(tc.topic)
		before, after := false, false
		for _, n := range named {
			before = before || n.name == tc.name
		}
		for _, n := range retrievedBy(named, cands) {
			if n.name == tc.name {
				after = true
				shared := 0
				in := map[int]bool{}
				for _, c := range cands {
					in[c.Ord] = true
				}
				for k := range n.verses {
					if in[k] {
						shared++
					}
				}
				t.Logf("%s: %s weight %.2f shares %d verses with the candidates", tc.topic, n.name, n.weight, shared)
			}
		}
		if !before {
			t.Fatalf("%q does not name %s at all: the test no longer tests the filter", tc.topic, tc.name)
		}
		if after != tc.want {
			t.Errorf("%q: %s kept %v, want %v", tc.topic, tc.name, after, tc.want)
		}
	}
}
