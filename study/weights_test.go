package study

import (
	"testing"

	"berean/retrieval"
)

// TestEmbeddedWeights: data/weights.tsv parses, and holds the hand-set
// values study's combination of evidence was tuned on.
func TestEmbeddedWeights(t *testing.T) {
	w := studyWeights()
	for f, want := range map[retrieval.Feature]float64{
		retrieval.FExact: 1, retrieval.FStem: 0.85, retrieval.FLine: 1.5, retrieval.FWordNet: 0, retrieval.FVotes: 0,
	} {
		if w[f] != want {
			t.Errorf("%s weighs %v, want %v", f, w[f], want)
		}
	}
}
