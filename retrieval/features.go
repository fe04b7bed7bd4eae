package retrieval

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// Feature is one signal of package ask's ranker. Every candidate verse gets
// a value for each; its score is the dot product with the fitted Weights.
// Package ask's doc.go, "Features", defines each.
type Feature int

// The features. The lexical ones (FExact .. FContext) are BM25 sums over
// the question's concepts, one bucket per source of the concept's best
// match in the verse, times the verse's coverage of the question.
const (
	FExact     Feature = iota // the word as written (or as one/two words)
	FStem                     // another form of the word (its stem)
	FFamily                   // a longer word on the same stem
	FStrong                   // a Strong's key the translators render with the word
	FDef                      // a Strong's key whose lexicon definition has the word
	FWordNet                  // a Bible word WordNet relates to the word
	FContext                  // the word in the verse before or after
	FProx                     // pairs of concepts close together
	FPhrase                   // the longest in-order run of question words
	FAgree                    // the second-best translation's lexical score
	FTopic                    // a Nave's topic the question names cites the verse
	FLine                     // a Nave's line covering the question cites the verse
	FPop                      // Nave's topics citing the verse (popularity)
	FVotes                    // cross-reference votes for the verse (popularity)
	FSpeaker                  // the verse is in a book of the question's speaker
	FSource                   // an OT verse quoted by an NT verse that matches as well
	FNamed                    // a named passage the question names
	FComment                  // the commentary words of the verse
	FSee                      // a Nave's topic a named topic points to ("ANXIETY: See CARE")
	FTestament                // the verse is in the testament the question names
	FCited                    // commentary citations of the verse (popularity)
	FTopicPop                 // topic × popularity: the well-known verses of a named topic
	FPages                    // public topical pages give the verse for a topic the question names
	FLexPop                   // lexical match × cross-reference votes: the well-known verses among the matching
	FFeedback                 // a topic whose pages cite the best-matching verses cites this one too
	FAsked                    // pages answering a similar question give the verse
	NumFeatures
)

var featureNames = [NumFeatures]string{
	"exact", "stem", "family", "strong", "definition", "wordnet", "context",
	"proximity", "phrase", "agreement", "topic", "line", "popularity", "votes",
	"speaker", "source", "named", "commentary", "see", "testament", "cited", "topicpop",
	"pages", "lexpop", "feedback", "asked",
}

// String is the feature's name, as in weights.tsv and explanations.
func (f Feature) String() string {
	if f >= 0 && f < NumFeatures {
		return featureNames[f]
	}
	return "feature" + strconv.Itoa(int(f))
}

// FeatureByName returns the feature of a name.
func FeatureByName(name string) (Feature, bool) {
	for i, n := range featureNames {
		if n == name {
			return Feature(i), true
		}
	}
	return 0, false
}

// Vector is a candidate's feature values, in single precision: a question
// has thousands of candidates, and a new process pays for every page of
// memory it touches (package ask, docs/ask.md). Scores are computed in
// double precision from them (Dot); Add, Set and Get convert.
type Vector [NumFeatures]float32

// Weights are the ranker's coefficients, one per feature.
type Weights [NumFeatures]float64

// Dot is the score of a vector.
func (w *Weights) Dot(v *Vector) float64 {
	var s float64
	for i := range v {
		s += w[i] * float64(v[i])
	}
	return s
}

// ParseWeights reads "name<TAB>value" lines; # starts a comment. A
// feature not listed weighs 0.
func ParseWeights(s string) (Weights, error) {
	var w Weights
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return w, fmt.Errorf("line %d: want name and value, got %q", n, line)
		}
		ft, ok := FeatureByName(f[0])
		if !ok {
			return w, fmt.Errorf("line %d: unknown feature %q", n, f[0])
		}
		v, err := strconv.ParseFloat(f[1], 64)
		if err != nil {
			return w, fmt.Errorf("line %d: %w", n, err)
		}
		w[ft] = v
	}
	return w, sc.Err()
}

// Format writes the weights as ParseWeights reads them.
func (w *Weights) Format(comment string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(comment), "\n") {
		if l != "" {
			fmt.Fprintf(&b, "# %s\n", l)
		}
	}
	for i, v := range w {
		fmt.Fprintf(&b, "%s\t%.4g\n", Feature(i), v)
	}
	return b.String()
}

// Add adds x to feature f.
func (v *Vector) Add(f Feature, x float64) { v[f] = float32(float64(v[f]) + x) }

// Set sets feature f to x.
func (v *Vector) Set(f Feature, x float64) { v[f] = float32(x) }

// Get is feature f's value.
func (v *Vector) Get(f Feature) float64 { return float64(v[f]) }
