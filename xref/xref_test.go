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

func TestProbeSeq(t *testing.T) {
	ix := devIndex(t)
	f := New(ix)
	f.Warm(context.Background())
	for _, r := range []string{"Ps.110.4", "Heb.5.6"} {
		lo, _, _, _ := f.Parse(r)
		for _, tb := range f.tabs {
			d := tb.fromKy[lo]
			fmt.Println(r, tb.b.Name(), tb.b.Text(int(d)), len(tb.wdocs[d]), tb.wdocs[d])
		}
	}
}
