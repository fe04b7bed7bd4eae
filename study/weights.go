package study

import (
	_ "embed"

	"berean/retrieval"
)

// weightsTSV are the weights study retrieves its candidates with: the
// hand-set values ask's ranker had before its fit (study's own combination
// of evidence was tuned on candidates scored with them).
//
//go:embed data/weights.tsv
var weightsTSV string

// studyWeights parses weightsTSV.
func studyWeights() retrieval.Weights {
	w, err := retrieval.ParseWeights(weightsTSV)
	if err != nil {
		panic("study: data/weights.tsv: " + err.Error()) // embedded data, checked by TestEmbeddedWeights
	}
	return w
}
