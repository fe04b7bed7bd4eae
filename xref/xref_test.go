package xref

import (
	"context"
	"fmt"
	"testing"
	"time"
)

func TestPs110Quotations(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	t0 := time.Now()
	if err := f.Warm(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Logf("tables built in %v", time.Since(t0))
	for _, r := range []string{"Ps.110.4", "Matt 3:3", "2 Kings 19:1", "Heb 7:25"} {
		t0 = time.Now()
		res, err := f.Related(context.Background(), r, Options{N: 8, NoText: true})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println(r, time.Since(t0))
		for _, l := range res.Related {
			fmt.Printf("  %-14s %-9s %.3f %s\n", l.OSIS, l.Kind, l.Score, l.Why)
		}
	}
}

func BenchmarkRelated(b *testing.B) {
	ix := devIndex(b)
	f := New(ix)
	f.Warm(context.Background())
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		f.Related(context.Background(), "Ps.110.4", Options{N: 10})
	}
}

func TestAcceptancePs110(t *testing.T) {
	ix := devIndex(t)
	res, err := New(ix).Related(context.Background(), "Ps.110.4", Options{N: 5})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Heb.5.6", "Heb.7.17", "Heb.7.21"} {
		ok := false
		for _, l := range res.Related {
			if l.OSIS == want && l.Kind == Quotation {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s not among the first five quotations of Ps 110:4: %+v", want, res.Related)
		}
	}
}
