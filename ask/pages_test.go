package ask

import (
	"crypto/sha1"
	"encoding/binary"
	"math"
	"net/url"
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
	s := &scored{fv: map[int32]*Vector{}, pageOf: map[int32]pageTopic{}}
	s.pages(tb, &q, func(string) bool { return true }, nil)
	key := func(osis string) int32 {
		lo, _, ok := versekey.Span(osis)
		if !ok {
			t.Fatalf("%s does not parse", osis)
		}
		return int32(lo)
	}
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
		if v := s.fv[key(c.osis)]; v != nil {
			got = v[FPages]
		}
		if math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%s: pages %.4f, want %.4f", c.osis, got, c.want)
		}
	}
	if p := s.pageOf[key("1Pet.5.7")]; p.name != "anxiety" || p.pages != 2 {
		t.Errorf("pageOf 1Pet.5.7 = %+v, want anxiety, 2 pages", p)
	}
	// A question about something else names no topic.
	q = parseQuestion("Where is the story of Jonah?", nil)
	s = &scored{fv: map[int32]*Vector{}, pageOf: map[int32]pageTopic{}}
	s.pages(tb, &q, func(string) bool { return true }, nil)
	if len(s.fv) != 0 {
		t.Errorf("Jonah: %d verses got the pages feature", len(s.fv))
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
// data/named.tsv) off the test part of testdata/public.tsv: no row comes
// from a site of the test part (a site is in the test part when the first
// 32 bits of the SHA-1 of its host name, without "www.", "m." or "mail.",
// are divisible by 3), and every reference parses.
func TestTablesOffTestSites(t *testing.T) {
	for _, tc := range []struct {
		name, tsv       string
		refs, addr, min int // columns, and the rows expected at least
	}{
		{"data/topics.tsv", topicsTSV, 1, 2, 1000},
		{"data/named.tsv", namedTSV, 1, 3, 400},
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
			u, err := url.Parse(f[tc.addr])
			if err != nil || u.Hostname() == "" {
				t.Errorf("%s line %d: bad address %q", tc.name, i+1, f[tc.addr])
				continue
			}
			h := strings.ToLower(u.Hostname())
			for _, p := range []string{"www.", "mail.", "m."} {
				h = strings.TrimPrefix(h, p)
			}
			sum := sha1.Sum([]byte(h))
			if binary.BigEndian.Uint32(sum[:4])%3 == 0 {
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
