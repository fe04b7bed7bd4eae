package ask

import (
	_ "embed"

	"berean/retrieval"
)

// The ranker's features and weights are package retrieval's, which package
// study shares; ask keeps its names for them, as package os keeps its names
// for io/fs's.
type (
	Feature = retrieval.Feature
	Vector  = retrieval.Vector
	Weights = retrieval.Weights
)

// The features (retrieval.FExact ...); doc.go, "Features", defines each.
const (
	FExact      = retrieval.FExact
	FStem       = retrieval.FStem
	FFamily     = retrieval.FFamily
	FStrong     = retrieval.FStrong
	FDef        = retrieval.FDef
	FWordNet    = retrieval.FWordNet
	FContext    = retrieval.FContext
	FProx       = retrieval.FProx
	FPhrase     = retrieval.FPhrase
	FAgree      = retrieval.FAgree
	FTopic      = retrieval.FTopic
	FLine       = retrieval.FLine
	FPop        = retrieval.FPop
	FVotes      = retrieval.FVotes
	FSpeaker    = retrieval.FSpeaker
	FSource     = retrieval.FSource
	FNamed      = retrieval.FNamed
	FComment    = retrieval.FComment
	FSee        = retrieval.FSee
	FTestament  = retrieval.FTestament
	FCited      = retrieval.FCited
	FTopicPop   = retrieval.FTopicPop
	FPages      = retrieval.FPages
	FLexPop     = retrieval.FLexPop
	FFeedback   = retrieval.FFeedback
	FAsked      = retrieval.FAsked
	NumFeatures = retrieval.NumFeatures
)

//go:embed data/weights.tsv
var weightsTSV string

// DefaultWeights are the fitted weights shipped in data/weights.tsv
// (written by the fit: go test ./ask -run TestFit -args -fit -write).
func DefaultWeights() Weights {
	w, err := retrieval.ParseWeights(weightsTSV)
	if err != nil {
		panic("ask: data/weights.tsv: " + err.Error()) // embedded data, checked by tests
	}
	return w
}
