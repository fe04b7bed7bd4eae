package xref

import (
	"bufio"
	"context"
	"os"
	"strings"
	"testing"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
)

// hit reports whether verse ord is among the first n links.
func hit(links []Link, ord, n int) bool {
	for i, l := range links {
		if i >= n {
			break
		}
		if l.Ord <= ord && ord <= l.End {
			return true
		}
	}
	return false
}

// TestKnownQuotations: for the New Testament quotations of testdata/
// quotations.tsv (assembled by hand from the standard lists), the verse
// quoted is among the first 10 links of the verse quoting it, for at least
// 90% of them.
func TestKnownQuotations(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	file, err := os.Open("testdata/quotations.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer file.Close()
	total, hits, quoted := 0, 0, 0
	sc := bufio.NewScanner(file)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		nt, ot, _ := strings.Cut(line, "\t")
		want, _, ok := versekey.Span(ot)
		if !ok {
			t.Fatalf("bad reference %q", ot)
		}
		res, err := f.Related(context.Background(), nt, Options{N: 10, NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		total++
		if hit(res.Related, want, 10) {
			hits++
		} else {
			t.Logf("miss: %s -> %s", nt, ot)
		}
		for _, l := range res.Related {
			if l.Kind == Quotation && l.Ord == want {
				quoted++
			}
		}
	}
	t.Logf("known quotations: %d/%d with the source in the first 10 (%.0f%%); labelled quotation: %d", hits, total, 100*float64(hits)/float64(total), quoted)
	if hits*10 < total*9 {
		t.Errorf("only %d of %d known quotations have their source in the first 10", hits, total)
	}
}

// TestFormulaQuotations: the New Testament verses with an introductory
// formula in the KJV whose most-voted cross-reference into the Old
// Testament has at least 20 votes (a list assembled from the data, so
// partly circular: the votes rank cross-references); the Old Testament
// verse must be among the first 10 links for 90% of them.
func TestFormulaQuotations(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	f.setup()
	kjv := f.bibleNamed("KJV")
	if kjv == nil {
		t.Skip("no KJV")
	}
	first, _, _ := versekey.Span("Matt.1.1")
	total, hits := 0, 0
	for k := first; k < canon.KJV().VerseCount(); k++ {
		d := kjv.doc(k)
		if d < 0 {
			continue
		}
		if _, ok := hasFormula(kjv.b.Text(d)); !ok {
			continue
		}
		var best index.CrossRef
		for _, c := range ix.CrossRefsFrom(k) {
			if versekey.IsOT(c.Lo) && c.Votes > best.Votes {
				best = c
			}
		}
		if best.Votes < 20 {
			continue
		}
		res, err := f.RelatedOrds(context.Background(), k, k, Options{N: 10, NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		total++
		found := false
		for v := best.Lo; v <= best.Hi; v++ {
			found = found || hit(res.Related, v, 10)
		}
		if found {
			hits++
		} else {
			t.Logf("miss: %s -> %s", versekey.OSIS(k, k), versekey.OSIS(best.Lo, best.Hi))
		}
	}
	t.Logf("formula verses: %d/%d with the most-voted Old Testament target in the first 10", hits, total)
	if total < 60 || hits*10 < total*9 {
		t.Errorf("%d of %d", hits, total)
	}
}
