package ask

import (
	"bufio"
	_ "embed"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
)

// Question-word weights: a word that many questions use ("christian",
// "anything", "good", "get") says less about which verses answer one of
// them, however rare it is in the Bibles. data/qdf.tsv counts, for each
// content word stem, the training questions that use it (written by the
// fit from the training part of testdata/public.tsv). A concept's weight
// (its features' strengths and its idf in coverage, proximity and phrase)
// is multiplied by
//
//	qw = ln((Nq+1)/(df+1)) / ln(Nq+1)
//
// which is 1 for a word no question used and falls with the share of
// questions using it. The fit and the evaluation ask a training question
// with its own count left out (QuestionDF.without), as a question the
// counts never saw is asked.

//go:embed data/qdf.tsv
var qdfTSV string

// QuestionDF is the question frequency of content-word stems.
type QuestionDF struct {
	N  int            // questions counted
	DF map[string]int // stem -> questions using it
}

// ParseQuestionDF reads "# questions N" and "stem<TAB>df" lines.
func ParseQuestionDF(s string) (QuestionDF, error) {
	q := QuestionDF{DF: map[string]int{}}
	sc := bufio.NewScanner(strings.NewReader(s))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "# questions"); ok {
			v, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				return q, fmt.Errorf("line %d: %w", n, err)
			}
			q.N = v
			continue
		}
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return q, fmt.Errorf("line %d: want stem and count, got %q", n, line)
		}
		v, err := strconv.Atoi(f[1])
		if err != nil {
			return q, fmt.Errorf("line %d: %w", n, err)
		}
		q.DF[f[0]] = v
	}
	return q, sc.Err()
}

// Weight is qw of a stem.
func (q *QuestionDF) Weight(stem string) float64 {
	if q == nil || q.N <= 0 {
		return 1
	}
	return math.Log(float64(q.N+1)/float64(q.DF[stem]+1)) / math.Log(float64(q.N+1))
}

// CountQuestions counts the content-word stems of questions (each once
// per question).
func CountQuestions(questions []string) QuestionDF {
	q := QuestionDF{N: len(questions), DF: map[string]int{}}
	for _, s := range questions {
		for _, st := range countedStems(s) {
			q.DF[st]++
		}
	}
	return q
}

// countedStems are the stems a question counts for: its content words'
// distinct stems.
func countedStems(question string) []string {
	p := parseQuestion(question, nil)
	var out []string
	seen := map[string]bool{}
	for _, w := range p.words {
		if !w.stop && !seen[w.stem] {
			seen[w.stem] = true
			out = append(out, w.stem)
		}
	}
	return out
}

// without is q counted without one of the questions it counts: one
// question fewer, and each of its stems used by one question fewer (a
// stem Format left out, used by it alone, stays at 0). The harness asks a
// training question so, as a question the counts never saw is asked.
func (q *QuestionDF) without(question string) *QuestionDF {
	if q == nil || q.N <= 0 {
		return q
	}
	out := &QuestionDF{N: q.N - 1, DF: make(map[string]int, len(q.DF))}
	for st, n := range q.DF {
		out.DF[st] = n
	}
	for _, st := range countedStems(question) {
		if out.DF[st] > 0 {
			out.DF[st]--
		}
	}
	return out
}

// Format writes the counts (stems used by at least two questions) as
// ParseQuestionDF reads them.
func (q *QuestionDF) Format(comment string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimSpace(comment), "\n") {
		if l != "" {
			fmt.Fprintf(&b, "# %s\n", l)
		}
	}
	fmt.Fprintf(&b, "# questions %d\n", q.N)
	var stems []string
	for s, n := range q.DF {
		if n >= 2 {
			stems = append(stems, s)
		}
	}
	sort.Slice(stems, func(i, j int) bool {
		if q.DF[stems[i]] != q.DF[stems[j]] {
			return q.DF[stems[i]] > q.DF[stems[j]]
		}
		return stems[i] < stems[j]
	})
	for _, s := range stems {
		fmt.Fprintf(&b, "%s\t%d\n", s, q.DF[s])
	}
	return b.String()
}

// defaultQDF is the shipped question frequency.
func defaultQDF() *QuestionDF {
	q, err := ParseQuestionDF(qdfTSV)
	if err != nil {
		panic("ask: data/qdf.tsv: " + err.Error()) // embedded data, checked by tests
	}
	return &q
}
