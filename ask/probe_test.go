package ask

import (
	"context"
	"fmt"
	"testing"

	"berean/canon"
)

func TestProbe(t *testing.T) {
	ix := devIndex(t)
	a := New(ix)
	a.init()
	ord, _ := canon.KJV().Ordinal("Rom", 3, 23)
	for _, m := range a.maps {
		d := m.fromKy[ord]
		fmt.Println(m.b.Name(), d, m.b.Text(int(d)))
		p := m.b.Stem("sinned")
		fmt.Println(p.Len())
	}
	q := parseQuestion("Where does the Bible say all have sinned?", a.refs)
	fmt.Printf("%+v\n", q)
	s, _ := a.retrieve(context.Background(), &q, a.maps, Options{})
	fmt.Println(s.final[int32(ord)])
	for _, bs := range s.bibles {
		d := bs.m.fromKy[ord]
		fmt.Println(bs.score[d], bs.best[0][d])
	}
}
