package devsrc

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestDevIndex(t *testing.T) {
	if !Available() {
		t.Skip("no modules")
	}
	t0 := time.Now()
	ix, err := Index(context.Background(), "/tmp/bdev")
	if err != nil {
		t.Fatal(err)
	}
	fmt.Println("load", time.Since(t0), ix.Stats())
	for _, w := range []string{"intercession", "advocate", "comforter", "careful", "anxious", "helper"} {
		fmt.Println(w, ix.StrongsForWord(w), len(ix.DefinitionsWith(w)), ix.TopicsForWord(w))
	}
	ents, _ := NaveEntries()
	for _, e := range ents {
		if e[0] == "INTERCESSION" || e[0] == "JESUS, THE CHRIST" {
			s := e[1]
			if i := strings.Index(s, "INTERCESSION"); i >= 0 && e[0] != "INTERCESSION" {
				s = s[max(0, i-200):min(len(s), i+3000)]
			}
			fmt.Println(e[0], len(e[1]), s[:min(len(s), 4000)])
		}
	}
}
