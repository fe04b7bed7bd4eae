package xref

import (
	"context"
	"testing"
)

func BenchmarkRelated(b *testing.B) {
	ix := devIndex(b)
	f := New(ix)
	for _, r := range []string{"Ps.110.4", "Isa.53.5", "Matt.14.19"} {
		b.Run(r, func(b *testing.B) {
			for b.Loop() {
				if _, err := f.Related(context.Background(), r, Options{N: 20}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// TestAcceptance: the figures the issue asks for.
func TestAcceptance(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	rel := func(ref string, n int) []Link {
		res, err := f.Related(context.Background(), ref, Options{N: n, NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		return res.Related
	}
	has := func(ls []Link, osis, kind string) bool {
		for _, l := range ls {
			if l.OSIS == osis && (kind == "" || l.Kind == kind) {
				return true
			}
		}
		return false
	}
	if ls := rel("Isa 53:5", 5); !has(ls, "1Pet.2.24", "") {
		t.Errorf("1 Peter 2:24 not in the first 5 of Isa 53:5: %+v", ls)
	}
	if ls := rel("Ps 23:1", 10); !has(ls, "John.10.11", "") {
		t.Errorf("John 10:11 not in the first 10 of Ps 23:1: %+v", ls)
	}
	ls := rel("Ps.110.4", 5)
	for _, want := range []string{"Heb.5.6", "Heb.7.17", "Heb.7.21"} {
		if !has(ls, want, Quotation) {
			t.Errorf("%s not among the first five quotations of Ps 110:4: %+v", want, ls)
		}
	}
	for _, l := range rel("Heb 7:25", 100) {
		if l.Kind == Quotation {
			t.Errorf("Heb 7:25 lists %s as a quotation", l.OSIS)
		}
	}
}

func TestOptionsAndErrors(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	ctx := context.Background()
	for _, tc := range []struct {
		ref  string
		o    Options
		fail bool
	}{
		{"Ps 110:4", Options{Bible: "NOPE"}, true},
		{"not a reference", Options{}, true},
		{"John 99:1", Options{}, true},
		{"Ps 110:4", Options{Bible: "web", N: 3}, false},
		{"Ps 23", Options{Kinds: []string{"topic"}}, false},
		{"Ps 23", Options{Kinds: []string{"quotations"}}, true},
	} {
		res, err := f.Related(ctx, tc.ref, tc.o)
		if (err != nil) != tc.fail {
			t.Errorf("%q %+v: err %v, want failure %v", tc.ref, tc.o, err, tc.fail)
			continue
		}
		if err != nil {
			continue
		}
		if tc.o.N > 0 && len(res.Related) > tc.o.N {
			t.Errorf("%q: %d links, N %d", tc.ref, len(res.Related), tc.o.N)
		}
		for _, l := range res.Related {
			if len(tc.o.Kinds) > 0 && l.Kind != tc.o.Kinds[0] {
				t.Errorf("%q: kind %s outside %v", tc.ref, l.Kind, tc.o.Kinds)
			}
			if l.Text == "" {
				t.Errorf("%q: %s without text", tc.ref, l.OSIS)
			}
		}
	}
	if _, err := f.RelatedOrds(ctx, -1, 3, Options{}); err == nil {
		t.Error("negative ordinal accepted")
	}
}

// A parallel in the Strong's-tagged KJV carries the numbers both verses
// share.
func TestParallelStrongs(t *testing.T) {
	ix := devIndex(t)
	res, err := New(ix).Related(context.Background(), "Matt 14:19", Options{N: 10, Kinds: []string{Parallel}, NoText: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range res.Related {
		if l.OSIS == "Mark.6.41" {
			if len(l.Evidence.Strongs) < strongRun || l.Evidence.Strongs[0][0] != 'G' {
				t.Errorf("Mark 6:41 Strong's evidence %v", l.Evidence.Strongs)
			}
			return
		}
	}
	t.Errorf("Mark 6:41 not a parallel of Matt 14:19: %+v", res.Related)
}
