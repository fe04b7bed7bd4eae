package ask

import (
	"math"
	"testing"
)

// TestQuestionDFWithout: the counts without one of the questions counted
// are the counts of the others, and a stem Format dropped (used by the
// one question alone) stays at 0.
func TestQuestionDFWithout(t *testing.T) {
	qs := []string{
		"What does the Bible say about anxiety?",
		"Is anxiety a sin?",
		"Where does the Bible talk about gambling?",
	}
	all := CountQuestions(qs)
	for i, q := range qs {
		var others []string
		for j, o := range qs {
			if j != i {
				others = append(others, o)
			}
		}
		want := CountQuestions(others)
		got := all.without(q)
		if got.N != want.N {
			t.Errorf("without %q: N %d, want %d", q, got.N, want.N)
		}
		for _, st := range []string{"anxieti", "anxiety", "sin", "gambl", "gambling", "zzz"} {
			if g, w := got.Weight(st), want.Weight(st); math.Abs(g-w) > 1e-12 {
				t.Errorf("without %q: weight of %q %.4f, want %.4f", q, st, g, w)
			}
		}
	}
	// The shipped form keeps stems of two questions or more: "gambling"
	// is left out, and the question using it leaves it at 0.
	shipped, err := ParseQuestionDF(all.Format(""))
	if err != nil {
		t.Fatal(err)
	}
	if w := shipped.without(qs[2]).Weight(countedStems(qs[2])[len(countedStems(qs[2]))-1]); w != 1 {
		t.Errorf("a stem no other question uses weighs %.4f, want 1", w)
	}
	if got := shipped.without(qs[0]).DF[countedStems(qs[0])[0]]; got != 1 {
		t.Errorf("anxiety without the first question: df %d, want 1", got)
	}
	if all.N != 3 {
		t.Errorf("without changed the counts it was made from: N %d", all.N)
	}
}
