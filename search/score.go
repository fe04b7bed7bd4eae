package search

import "math"

// Params are the BM25 parameters. See doc.go, "Ranking", for the formula
// and why these values.
type Params struct {
	// K1 controls how fast repeated occurrences in one verse saturate.
	K1 float64
	// B is the strength of verse-length normalisation (0: none, 1: full).
	B float64
}

// DefaultParams are tuned for verse-length documents: K1 = 1.2, B = 0.4.
func DefaultParams() Params { return Params{K1: 1.2, B: 0.4} }

// withDefaults replaces the zero Params with DefaultParams.
func (p Params) withDefaults() Params {
	if p == (Params{}) {
		return DefaultParams()
	}
	return p
}

// IDF is the BM25 inverse document frequency of a term found in df of n
// documents, in the non-negative form ln(1 + (N - df + 0.5) / (df + 0.5)).
// It is the one idf of the project: package ask weighs its features with
// it too.
func IDF(n, df int) float64 { return idf(n, df) }

// TFNorm is the saturated, length-normalised term frequency of BM25,
//
//	tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))
//
// so that BM25 = IDF × TFNorm. A tf of 0 counts as 1 (a feature found by
// other means than a posting's count).
func (p Params) TFNorm(tf, dl int, avgdl float64) float64 {
	if tf <= 0 {
		tf = 1
	}
	return p.bm25(1, tf, dl, avgdl)
}

func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

// bm25 is one term's contribution for a verse of dl words:
//
//	idf · tf·(k1+1) / (tf + k1·(1 − b + b·dl/avgdl))
func (p Params) bm25(idf float64, tf, dl int, avgdl float64) float64 {
	if tf <= 0 {
		return 0
	}
	t := float64(tf)
	norm := 1 - p.B
	if avgdl > 0 {
		norm += p.B * float64(dl) / avgdl
	}
	return idf * t * (p.K1 + 1) / (t + p.K1*norm)
}
