package study

import (
	"context"
	"fmt"
	"testing"

	"berean/ask"
	"berean/canon"
	"berean/xref"
)

func TestProbe(t *testing.T) {
	ix := devIndex(t)
	x := xref.New(ix)
	k, _ := canon.KJV().Ordinal("Heb", 7, 25)
	lo, hi := chapterClamp(k-5, k+5, k)
	res, err := x.RelatedOrds(context.Background(), lo, hi, xref.Options{N: 6, Kinds: []string{xref.Quotation}, NoText: true})
	fmt.Println(lo, hi, err)
	for _, l := range res.Related {
		fmt.Println(l.OSIS, l.Score, l.Why)
	}
	a := ask.New(ix)
	cs, tn, _ := a.Candidates(context.Background(), "Jesus makes intercession for us", 10, ask.Options{})
	fmt.Println(tn)
	for _, c := range cs {
		fmt.Println(osisOf(c.Ord), c.Score, c.Why)
	}
}
