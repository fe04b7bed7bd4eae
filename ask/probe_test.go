package ask

import (
	"fmt"
	"testing"
)

func TestProbe(t *testing.T) {
	ix := devIndex(t)
	for _, b := range ix.Bibles() {
		n := 0
		for d := 0; d < b.Docs(); d++ {
			if b.DocLen(d) > 120 {
				bk, c, v := b.Ref(d)
				if n < 12 {
					fmt.Println(b.Name(), bk, c, v, b.DocLen(d))
				}
				n++
			}
		}
		fmt.Println(b.Name(), "long docs:", n)
	}
}
