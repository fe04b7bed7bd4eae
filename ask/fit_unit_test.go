package ask

import (
	"math/rand/v2"
	"slices"
	"testing"

	"berean/retrieval"
)

func TestSelectTop(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 1; n < 200; n += 7 {
		for _, k := range []int{1, 3, n / 2, n} {
			if k < 1 || k > n {
				continue
			}
			l := make([]int, n)
			for i := range l {
				l[i] = r.IntN(50)
			}
			want := slices.Clone(l)
			slices.SortFunc(want, func(a, b int) int { return b - a })
			selectTop(l, k, func(a, b int) bool { return a > b })
			got := slices.Clone(l[:k])
			slices.SortFunc(got, func(a, b int) int { return b - a })
			if !slices.Equal(got, want[:k]) {
				t.Fatalf("n=%d k=%d: top %v, want %v", n, k, got, want[:k])
			}
		}
	}
}

func TestJudge(t *testing.T) {
	// Four candidates of one feature; the must-have is the third best,
	// and the second best is its neighbour scoring 0.9 of it: they join
	// one range, so the must-have ranks second.
	e := Example{
		Keys:     []int32{100, 101, 200, 300},
		Vecs:     []Vector{{FExact: 5}, {FExact: 4.5}, {FExact: 4.8}, {FExact: 1}},
		Must:     [2]int{101, 101},
		Expected: [][2]int{{101, 101}, {300, 300}, {999, 999}},
	}
	w := Weights{FExact: 1}
	o := e.Judge(&w)
	if o.Rank != 1 || o.Found != 2 || o.Expected != 3 {
		t.Errorf("judge: %+v, want rank 1 (joined to 100), found 2 of 3", o)
	}
	w[FExact] = 0
	if o := e.Judge(&w); o.Rank != 0 {
		t.Errorf("all scores 0: rank %d, want 0 (no results)", o.Rank)
	}
}

func TestEmbeddedData(t *testing.T) {
	w := DefaultWeights()
	if w[FExact] <= 0 {
		t.Errorf("data/weights.tsv: exact weighs %v", w[FExact])
	}
	if _, err := retrieval.ParseWeights("exact 1\nnonsense 2\n"); err == nil {
		t.Error("an unknown feature name must be an error")
	}
	q := defaultQDF()
	if q.N > 0 && q.Weight("zzzz") != 1 {
		t.Errorf("an unseen word weighs %v, want 1", q.Weight("zzzz"))
	}
	if len(namedPassages().ps) < 400 {
		t.Errorf("data/named.tsv: %d passages, want at least 400", len(namedPassages().ps))
	}
}
