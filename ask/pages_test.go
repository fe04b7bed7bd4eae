package ask

import (
	"context"
	"crypto/sha1"
	"encoding/binary"
	"math"
	"strings"
	"testing"

	"berean/internal/versekey"
)

// TestPagesFeature pins the pages feature on a table of two pages for one
// topic: a verse's weight in a row falls from 1 (first reference) to ½,
// and within a range from 1 (first verse) to ½; rows add up, divided by
// √rows; × the matched idf mass of the name × coverage.
func TestPagesFeature(t *testing.T) {
	tb := nameTable("topic\trefs\tsource_url\n"+
		"anxiety\tPhil.4.6-Phil.4.7,1Pet.5.7\thttps://a.example/anxiety\n"+
		"Anxiety\t1Pet.5.7,Matt.6.34\thttps://b.example/worry\n"+
		"gambling\tProv.28.20\thttps://a.example/gambling\n", pagesMinCov)
	if len(tb.ps) != 2 || len(tb.ps[0].rows) != 2 {
		t.Fatalf("want 2 topics, the first with 2 rows: %+v", tb.ps)
	}
	q := parseQuestion("What does the Bible say about anxiety?", nil)
	s := newScored(nil, nil)
	s.pages(tb, &q, func(string) bool { return true }, nil)
	// One word named, all of the name: coverage 1, mass its idf over the
	// two topics, ln(1 + 2/1).
	base := math.Log(3) / math.Sqrt(2)
	for _, c := range []struct {
		osis string
		want float64
	}{
		{"Phil.4.6", base * 1},          // first reference, first verse
		{"Phil.4.7", base * 0.75},       // first reference, second of two verses
		{"1Pet.5.7", base * (0.75 + 1)}, // second of two in row 1, first in row 2
		{"Matt.6.34", base * 0.75},      // second of two in row 2
		{"Prov.28.20", 0},               // another topic
	} {
		var got float64
		if v := s.fv[keyOf(t, c.osis)]; v != nil {
			got = v.Get(FPages)
		}
		if !stored(got, c.want) {
			t.Errorf("%s: pages %.4f, want %.4f", c.osis, got, c.want)
		}
	}
	if p := s.pageOf[keyOf(t, "1Pet.5.7")]; p.name != "anxiety" || p.pages != 2 {
		t.Errorf("pageOf 1Pet.5.7 = %+v, want anxiety, 2 pages", p)
	}
	// A question about something else names no topic.
	q = parseQuestion("Where is the story of Jonah?", nil)
	s = newScored(nil, nil)
	s.pages(tb, &q, func(string) bool { return true }, nil)
	if len(s.keys) != 0 {
		t.Errorf("Jonah: %d verses got the pages feature", len(s.keys))
	}
}

// TestWhyPages: the pages evidence reads as plain words.
func TestWhyPages(t *testing.T) {
	for _, tc := range []struct {
		src, want string
	}{
		{"3 topical pages", "3 topical pages cite it on 'anxiety'"},
		{"1 topical page", "a topical page cites it on 'anxiety'"},
	} {
		ev := []Evidence{{Feature: "pages", Value: 1, Children: []Evidence{{Feature: "pages", Match: "anxiety", Source: tc.src}}}}
		if got := Why(ev); len(got) != 1 || got[0] != tc.want {
			t.Errorf("%s: why %q, want %q", tc.src, got, tc.want)
		}
	}
}

// TestTablesOffTestSites keeps the tables ask ships (data/topics.tsv,
// data/named.tsv, data/asked.tsv) off the test part of testdata/public.tsv: no row comes
// from a site of the test part (a site is in the test part when the first
// 32 bits of the SHA-1 of its host name, without "www.", "m." or "mail.",
// are divisible by 3), and every reference parses.
func TestTablesOffTestSites(t *testing.T) {
	// The sites of the test part's questions, as siteOf names them: the
	// split hashed the host as written, so "hozana.org." is a test site
	// and so is hozana.org.
	testSites := map[string]bool{}
	for _, j := range part(readJudged(t, "testdata/public.tsv"), "test") {
		testSites[siteOf(j.Source)] = true
	}
	for _, tc := range []struct {
		name, tsv       string
		refs, addr, min int // columns, and the rows expected at least
	}{
		{"data/topics.tsv", topicsTSV, 1, 2, 1000},
		{"data/named.tsv", namedTSV, 1, 3, 400},
		{"data/asked.tsv", askedTSV, 1, 2, 1000},
	} {
		rows := 0
		for i, line := range strings.Split(strings.TrimSpace(tc.tsv), "\n") {
			f := strings.Split(line, "\t")
			if i == 0 {
				continue
			}
			rows++
			if len(f) <= tc.addr {
				t.Fatalf("%s line %d: %d columns", tc.name, i+1, len(f))
			}
			h := siteOf(f[tc.addr])
			if h == "" {
				t.Errorf("%s line %d: bad address %q", tc.name, i+1, f[tc.addr])
				continue
			}
			sum := sha1.Sum([]byte(h))
			if binary.BigEndian.Uint32(sum[:4])%3 == 0 || testSites[h] {
				t.Errorf("%s line %d: %s is a site of the test part", tc.name, i+1, h)
			}
			for _, r := range strings.Split(f[tc.refs], ",") {
				if _, _, ok := versekey.Span(r); !ok {
					t.Errorf("%s line %d: reference %q does not parse", tc.name, i+1, r)
				}
			}
		}
		if rows < tc.min {
			t.Errorf("%s has %d rows, want at least %d", tc.name, rows, tc.min)
		}
	}
}

// TestLeaveSiteOut: a question asked with the site it was taken from gets
// nothing from the tables' rows of that site (www. and case do not make
// another site), and what the rows of other sites give it, counted as if
// the table had only them; with no site, every row counts.
func TestLeaveSiteOut(t *testing.T) {
	value := func(s *scored, osis string, f Feature) float64 {
		if v := s.fv[keyOf(t, osis)]; v != nil {
			return v.Get(f)
		}
		return 0
	}
	known := func(string) bool { return true }
	topics := nameTable("topic\trefs\tsource_url\n"+
		"anxiety\tPhil.4.6\thttps://WWW.A.example/anxiety\n"+
		"anxiety\tMatt.6.34\thttps://b.example/worry\n"+
		"gambling\tProv.28.20\thttps://a.example/gambling\n", pagesMinCov)
	named := nameTable("name\trefs\tkind\tsource_url\n"+
		"Sermon on the Mount\tMatt.5.1-Matt.5.2\tsermon\thttps://a.example/sermons\n"+
		"Lord's Prayer\tMatt.6.9-Matt.6.10\tprayer\thttps://m.b.example/prayer\n", namedMinCov)
	for _, tc := range []struct {
		name, site string
		pages      map[string]float64 // verse -> pages feature
		pageRows   int                // the rows giving Matt.6.34, as pageOf counts them
		named      map[string]bool    // verse -> has the named feature
	}{
		// No site: both rows of "anxiety" (idf over two topics, ln 3;
		// two rows, /√2), both names.
		{"no site", "", map[string]float64{"Phil.4.6": math.Log(3) / math.Sqrt(2), "Matt.6.34": math.Log(3) / math.Sqrt(2)},
			1, map[string]bool{"Matt.5.1": true, "Matt.6.9": true}},
		// From a.example: its rows are gone; "anxiety" keeps b.example's
		// row, the one topic left (idf ln 2, one row).
		{"site a", "a.example", map[string]float64{"Phil.4.6": 0, "Matt.6.34": math.Log(2)},
			1, map[string]bool{"Matt.5.1": false, "Matt.6.9": true}},
		// From b.example (its row was at m.b.example): "anxiety" keeps
		// a.example's row, and "gambling" stays (idf ln 3, one row).
		{"site b", "b.example", map[string]float64{"Phil.4.6": math.Log(3), "Matt.6.34": 0},
			0, map[string]bool{"Matt.5.1": true, "Matt.6.9": false}},
		// A site of no row leaves the tables as they are.
		{"other site", "c.example", map[string]float64{"Phil.4.6": math.Log(3) / math.Sqrt(2), "Matt.6.34": math.Log(3) / math.Sqrt(2)},
			1, map[string]bool{"Matt.5.1": true, "Matt.6.9": true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			q := parseQuestion("What does the Bible say about anxiety, the Sermon on the Mount and the Lord's Prayer?", nil)
			q.leave.site = tc.site
			s := newScored(nil, nil)
			s.pages(topics.without(q.leave.site), &q, known, nil)
			s.named(named.without(q.leave.site), &q, 1, known)
			for osis, want := range tc.pages {
				if got := value(s, osis, FPages); !stored(got, want) {
					t.Errorf("%s: pages %.4f, want %.4f", osis, got, want)
				}
			}
			if got := s.pageOf[keyOf(t, "Matt.6.34")].pages; got != tc.pageRows {
				t.Errorf("Matt.6.34: pageOf counts %d pages giving it, want %d", got, tc.pageRows)
			}
			for osis, want := range tc.named {
				if got := value(s, osis, FNamed) > 0; got != want {
					t.Errorf("%s: named feature %v, want %v", osis, got, want)
				}
			}
		})
	}
	if topics.without("") != topics || topics.without("c.example") != topics {
		t.Error("without a site of no row must be the table itself")
	}
	if len(topics.without("a.example").ps) != 1 || len(topics.ps) != 2 || len(topics.ps[0].rows) != 2 {
		t.Error("without must leave the table it is made from as it was")
	}
}

// TestLeaveSiteOutAsked: the harness's two ways of asking, Examples (a
// question's Source) and ask (a site), leave the rows of the question's
// site out; Ask leaves none out.
func TestLeaveSiteOutAsked(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	a.pagesTable = nameTable("topic\trefs\tsource_url\n"+
		"anxiety\tMatt.6.34\thttps://www.a.example/anxiety\n"+
		"anxiety\t1Pet.5.7\thttps://b.example/worry\n", pagesMinCov)
	ctx := context.Background()
	const question = "What does the Bible say about anxiety?"
	has := func(res *Result, osis string) bool {
		for _, h := range res.Results {
			if h.OSIS == osis {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		site       string
		matt, pete bool
	}{{"", true, true}, {"a.example", false, true}, {"b.example", true, false}} {
		res, err := a.ask(ctx, question, leave{site: tc.site}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if has(res, "Matt.6.34") != tc.matt || has(res, "1Pet.5.7") != tc.pete {
			t.Errorf("asked from %q: Matt.6.34 %v, 1Pet.5.7 %v; want %v, %v", tc.site, has(res, "Matt.6.34"), has(res, "1Pet.5.7"), tc.matt, tc.pete)
		}
	}
	res, err := a.Ask(ctx, question, Options{})
	if err != nil || !has(res, "Matt.6.34") || !has(res, "1Pet.5.7") {
		t.Errorf("Ask: %v %v, want both pages' verses", res, err)
	}
	es, err := a.Examples(ctx, []Judged{{ID: "q", Question: question, Must: "Matt.6.34", Source: "https://a.example/anxiety"}}, &a.w)
	if err != nil {
		t.Fatal(err)
	}
	matt, _ := spanOf(t, "Matt.6.34")
	pete, _ := spanOf(t, "1Pet.5.7")
	pages := map[int]float64{}
	for i, k := range es[0].Keys {
		pages[int(k)] = es[0].Vecs[i].Get(FPages)
	}
	if pages[matt] != 0 || pages[pete] == 0 {
		t.Errorf("Examples from a.example: pages of Matt.6.34 %.3f (want 0), of 1Pet.5.7 %.3f (want > 0)", pages[matt], pages[pete])
	}
}

// keyOf is the key (KJV ordinal) of the first verse of an OSIS reference.
func keyOf(t *testing.T, osis string) int32 {
	t.Helper()
	lo, _, ok := versekey.Span(osis)
	if !ok {
		t.Fatalf("%s does not parse", osis)
	}
	return int32(lo)
}

// TestPageCites: a verse's pages evidence counts the pages that give it,
// not the pages the table has on its topic ("3 topical pages cite it" is
// said of the verse all three give, "a topical page" of the one only one
// gives).
func TestPageCites(t *testing.T) {
	topics := nameTable("topic\trefs\tsource_url\n"+
		"anxiety\tPhil.4.6,Matt.6.34\thttps://a.example/1\n"+
		"anxiety\tPhil.4.6-Phil.4.7\thttps://b.example/2\n"+
		"anxiety\t1Pet.5.7,Phil.4.6\thttps://c.example/3\n", pagesMinCov)
	q := parseQuestion("What does the Bible say about anxiety?", nil)
	s := newScored(nil, nil)
	s.pages(topics, &q, func(string) bool { return true }, nil)
	for osis, want := range map[string]int{"Phil.4.6": 3, "Phil.4.7": 1, "Matt.6.34": 1, "1Pet.5.7": 1} {
		p, ok := s.pageOf[keyOf(t, osis)]
		if !ok || p.name != "anxiety" || p.pages != want {
			t.Errorf("%s: pageOf %+v (%v), want anxiety given by %d pages", osis, p, ok, want)
		}
	}
}

// TestCandidatesPages: Candidates counts the topical pages only when asked
// (retrieval.Options.Pages, study's first query), reports the topic and
// the pages giving each verse, and leaves out the rows of LeaveSource's
// site.
func TestCandidatesPages(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	a.pagesTable = nameTable("topic\trefs\tsource_url\n"+
		"anxiety\tMatt.6.34,1Pet.5.7\thttps://www.a.example/anxiety\n"+
		"anxiety\t1Pet.5.7\thttps://b.example/worry\n", pagesMinCov)
	ctx := context.Background()
	const topic = "anxiety"
	cites := func(o Options) map[string]int {
		cs, _, err := a.Candidates(ctx, topic, 50, o)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]int{}
		for _, c := range cs {
			if c.Pages != "" {
				if c.Pages != "anxiety" {
					t.Errorf("%d: pages topic %q, want anxiety", c.Ord, c.Pages)
				}
				out[versekey.OSIS(c.Ord, c.Ord)] = c.PageCites
			}
		}
		return out
	}
	if got := cites(Options{}); len(got) != 0 {
		t.Errorf("without Pages: %v, want no pages evidence", got)
	}
	if got := cites(Options{Pages: true}); got["Matt.6.34"] != 1 || got["1Pet.5.7"] != 2 {
		t.Errorf("with Pages: %v, want Matt.6.34 by 1 page, 1Pet.5.7 by 2", got)
	}
	if got := cites(Options{Pages: true, LeaveSource: "https://a.example/other"}); got["Matt.6.34"] != 0 || got["1Pet.5.7"] != 1 {
		t.Errorf("leaving a.example out: %v, want 1Pet.5.7 by 1 page only", got)
	}
}

// TestCandidatesNamed: with Options.Pages, Candidates says which named
// passage a verse belongs to, on the installed Bibles.
func TestCandidatesNamed(t *testing.T) {
	a := New(devIndex(t))
	cs, _, err := a.Candidates(context.Background(), "the parable of the prodigal son", 30, Options{Pages: true})
	if err != nil {
		t.Fatal(err)
	}
	lo, _ := spanOf(t, "Luke.15.11")
	_, hi := spanOf(t, "Luke.15.32")
	found := false
	for _, c := range cs {
		if c.Named != "" && (c.Ord < lo || c.Ord > hi) {
			t.Errorf("%s named %q, outside the parable", versekey.OSIS(c.Ord, c.Ord), c.Named)
		}
		found = found || c.Named == "Parable of the Prodigal Son"
	}
	if !found {
		t.Error("no candidate is known as the Parable of the Prodigal Son")
	}
	cs, _, _ = a.Candidates(context.Background(), "the parable of the prodigal son", 30, Options{})
	for _, c := range cs {
		if c.Named != "" {
			t.Errorf("without Pages, %s named %q", versekey.OSIS(c.Ord, c.Ord), c.Named)
		}
	}
}
