package ask

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"berean/internal/versekey"
)

// Fitting the weights: every training question is asked once with the
// current weights; its candidates (the best by score and the best by each
// feature) keep their feature vectors; coordinate ascent then changes one
// weight at a time to the value of a grid that most raises the mean
// reciprocal rank of the must-have verse (ties: recall of the expected
// verses in the top 10), until a pass changes nothing. The lexical
// features depend on the weights (a concept's best match is chosen by its
// weighted strength), so the questions are asked again with the new
// weights and the ascent repeated (rounds).

// Example is one training question: its candidates and the verses it
// expects.
type Example struct {
	ID, Kind string
	Keys     []int32
	Vecs     []Vector
	Must     [2]int   // KJV ordinal span of the must-have reference
	Expected [][2]int // spans of the expected references
}

// Judged is a question with its answers, as the evaluation files give it.
type Judged struct {
	ID, Question, Kind, Part string
	Expected                 []string // OSIS references
	Must                     string
	// Source is the page the question was taken from: the tables' rows
	// from its site do not contribute when the question is asked
	// (leave-site-out, site.go). "" for a question of no site.
	Source string
}

// fitCandidates is how many of the best candidates (by score, and by each
// feature) an example keeps.
const (
	fitByScore   = 300
	fitByFeature = 40
)

// Examples asks each question with weights w, leaving out the tables'
// rows from its source's site and, for a training question, its own
// question count (site.go), and keeps its candidates.
func (a *Asker) Examples(ctx context.Context, qs []Judged, w *Weights) ([]Example, error) {
	a.init()
	out := make([]Example, 0, len(qs))
	for _, j := range qs {
		q := a.parse(j.Question)
		q.leave = j.leave()
		s, err := a.retrieve(ctx, &q, a.maps, Options{Weights: w}, true)
		if err != nil {
			return nil, fmt.Errorf("ask: %s: %w", j.ID, err)
		}
		keep := map[int32]bool{}
		for _, k := range s.ranked(0, nil, fitByScore) {
			keep[k] = true
		}
		for f := range NumFeatures {
			var ks []int32
			for _, k := range s.keys {
				if s.fv[k][f] > 0 {
					ks = append(ks, k)
				}
			}
			sort.Slice(ks, func(x, y int) bool {
				if s.fv[ks[x]][f] != s.fv[ks[y]][f] {
					return s.fv[ks[x]][f] > s.fv[ks[y]][f]
				}
				return ks[x] < ks[y]
			})
			for _, k := range ks[:min(len(ks), fitByFeature)] {
				keep[k] = true
			}
		}
		e := Example{ID: j.ID, Kind: j.Kind}
		for k := range keep {
			e.Keys = append(e.Keys, k)
		}
		slices32(e.Keys)
		for _, k := range e.Keys {
			e.Vecs = append(e.Vecs, *s.fv[k])
		}
		lo, hi, ok := versekey.Span(j.Must)
		if !ok {
			return nil, fmt.Errorf("ask: %s: must-have reference %q does not parse", j.ID, j.Must)
		}
		e.Must = [2]int{lo, hi}
		for _, r := range j.Expected {
			if lo, hi, ok := versekey.Span(r); ok {
				e.Expected = append(e.Expected, [2]int{lo, hi})
			}
		}
		out = append(out, e)
	}
	return out, nil
}

func slices32(k []int32) { sort.Slice(k, func(i, j int) bool { return k[i] < k[j] }) }

// Outcome is how one question fared: the rank of the must-have verse (0:
// not in the top 10) and how many expected references the top 10 has.
type Outcome struct {
	Rank, Found, Expected int
}

// Judge ranks an example's candidates with w as the results would be
// (a candidate next to a listed one in the same chapter, scoring at least
// rangeKeep of it, joins its range) and returns the outcome.
func (e *Example) Judge(w *Weights) Outcome {
	type ks struct {
		k int32
		s float64
	}
	list := make([]ks, len(e.Keys))
	for i := range e.Keys {
		list[i] = ks{e.Keys[i], w.Dot(&e.Vecs[i])}
	}
	better := func(a, b ks) bool {
		if a.s != b.s {
			return a.s > b.s
		}
		return a.k < b.k
	}
	// Only the best few matter: select them, then sort those.
	const head = 80
	if len(list) > head {
		selectTop(list, head, better)
		list = list[:head]
	}
	sort.Slice(list, func(i, j int) bool { return better(list[i], list[j]) })
	type hit struct {
		lo, hi int
		s      float64
	}
	var hits []hit
	for _, c := range list {
		if len(hits) >= 10 || c.s <= 0 {
			break
		}
		k := int(c.k)
		joined := false
		for i := range hits {
			h := &hits[i]
			if (k == h.lo-1 || k == h.hi+1) && versekey.SameChapter(k, h.lo) && c.s >= rangeKeep*h.s && h.hi-h.lo < 4 {
				h.lo, h.hi = min(h.lo, k), max(h.hi, k)
				joined = true
				break
			}
			if k >= h.lo && k <= h.hi {
				joined = true
				break
			}
		}
		if !joined {
			hits = append(hits, hit{k, k, c.s})
		}
	}
	o := Outcome{Expected: len(e.Expected)}
	for i, h := range hits {
		if o.Rank == 0 && h.lo <= e.Must[1] && e.Must[0] <= h.hi {
			o.Rank = i + 1
		}
	}
	for _, x := range e.Expected {
		for _, h := range hits {
			if h.lo <= x[1] && x[0] <= h.hi {
				o.Found++
				break
			}
		}
	}
	return o
}

// selectTop moves the k best elements of l (by better) to its front, in
// no order (quickselect).
func selectTop[T any](l []T, k int, better func(a, b T) bool) {
	lo, hi := 0, len(l)-1
	for lo < hi {
		p := l[(lo+hi)/2]
		i, j := lo, hi
		for i <= j {
			for better(l[i], p) {
				i++
			}
			for better(p, l[j]) {
				j--
			}
			if i <= j {
				l[i], l[j] = l[j], l[i]
				i++
				j--
			}
		}
		switch {
		case k-1 <= j:
			hi = j
		case k-1 >= i:
			lo = i
		default:
			return
		}
	}
}

// Figures are the figures of score-ask over a set of outcomes.
type Figures struct {
	N            int
	MRR, Must3   float64 // Must3: share of questions with the must-have in the top 3
	Recall       float64 // share of expected references in the top 10
	found, total int
}

// Add counts one outcome.
func (f *Figures) Add(o Outcome) {
	f.N++
	if o.Rank > 0 {
		f.MRR += 1 / float64(o.Rank)
		if o.Rank <= 3 {
			f.Must3++
		}
	}
	f.found += o.Found
	f.total += o.Expected
}

// Done turns the sums into means.
func (f Figures) Done() Figures {
	if f.N > 0 {
		f.MRR /= float64(f.N)
		f.Must3 /= float64(f.N)
	}
	if f.total > 0 {
		f.Recall = float64(f.found) / float64(f.total)
	}
	return f
}

func (f Figures) String() string {
	return fmt.Sprintf("MRR=%.3f must@3=%.0f%% recall@10=%.0f%% (%d questions)", f.MRR, 100*f.Must3, 100*f.Recall, f.N)
}

// objective is what the ascent maximises: MRR, with recall@10 as a small
// tie-breaker.
func objective(es []Example, w *Weights) float64 {
	var f Figures
	for i := range es {
		f.Add(es[i].Judge(w))
	}
	f = f.Done()
	return f.MRR + 0.1*f.Recall
}

// fitGrid are the factors a weight is tried at, relative to its value;
// and the values tried for a weight at 0.
var (
	fitGrid = []float64{0, 0.25, 0.5, 0.7, 0.85, 1.2, 1.4, 2, 3}
	fitZero = []float64{0.05, 0.1, 0.25, 0.5, 1}
)

// Ascend runs coordinate ascent from w on es and returns the best weights
// found. The exact-word weight is the scale and stays fixed; a change must
// raise the objective by more than 0.001.
//
// guard, when set, must accept every change: a regression check (the dev
// questions stay answered) that is not a target.
func Ascend(es []Example, w Weights, fixed []Feature, guard func(*Weights) bool) Weights {
	skip := map[Feature]bool{FExact: true}
	for _, f := range fixed {
		skip[f] = true
	}
	best := objective(es, &w)
	for pass := 0; pass < 6; pass++ {
		changed := false
		for f := range NumFeatures {
			if skip[f] {
				continue
			}
			cur := w[f]
			var tries []float64
			if cur == 0 {
				tries = fitZero
			} else {
				for _, g := range fitGrid {
					tries = append(tries, cur*g)
				}
			}
			bestV := cur
			for _, v := range tries {
				w[f] = v
				if o := objective(es, &w); o > best+0.001 && (guard == nil || guard(&w)) {
					best, bestV = o, v
					changed = true
				}
			}
			w[f] = bestV
		}
		if !changed {
			break
		}
	}
	return w
}

// CrossValidate fits on k-1 folds and judges the k-th, for each fold
// (questions are dealt to folds in order of id), and returns every
// question's outcome on the fold it was held out of.
func CrossValidate(es []Example, w Weights, k int, fixed []Feature, guard func(*Weights) bool) []Outcome {
	out := make([]Outcome, len(es))
	idx := make([]int, len(es))
	for i := range idx {
		idx[i] = i
	}
	sort.Slice(idx, func(i, j int) bool { return es[idx[i]].ID < es[idx[j]].ID })
	for fold := 0; fold < k; fold++ {
		var train []Example
		var test []int
		for r, i := range idx {
			if r%k == fold {
				test = append(test, i)
			} else {
				train = append(train, es[i])
			}
		}
		fw := Ascend(train, w, fixed, guard)
		for _, i := range test {
			out[i] = es[i].Judge(&fw)
		}
	}
	return out
}

// Guard returns a guard for Ascend that accepts weights under which the
// examples keep an MRR of at least floor and the first example its
// must-have verse first.
func Guard(es []Example, floor float64) func(*Weights) bool {
	return func(w *Weights) bool {
		var f Figures
		for i := range es {
			o := es[i].Judge(w)
			if i == 0 && o.Rank != 1 {
				return false
			}
			f.Add(o)
		}
		return f.Done().MRR >= floor
	}
}

// Floors returns a guard that refuses weights under which the examples'
// figures fall under the floors (a regression set's: the fit must not
// lower them).
func Floors(es []Example, mrr, must3, recall float64) func(*Weights) bool {
	return func(w *Weights) bool {
		var f Figures
		for i := range es {
			f.Add(es[i].Judge(w))
		}
		f = f.Done()
		return f.MRR >= mrr && f.Must3 >= must3 && f.Recall >= recall
	}
}

// AllOf is the guard that passes when each of gs passes.
func AllOf(gs ...func(*Weights) bool) func(*Weights) bool {
	return func(w *Weights) bool {
		for _, g := range gs {
			if !g(w) {
				return false
			}
		}
		return true
	}
}

// ByKind sums outcomes per kind of question ("" is all).
func ByKind(es []Example, os []Outcome) map[string]Figures {
	m := map[string]Figures{}
	for i, o := range os {
		for _, k := range []string{"", es[i].Kind} {
			f := m[k]
			f.Add(o)
			m[k] = f
		}
	}
	for k, f := range m {
		m[k] = f.Done()
	}
	return m
}

// FormatKinds writes figures per kind, all first.
func FormatKinds(m map[string]Figures) string {
	var kinds []string
	for k := range m {
		if k != "" {
			kinds = append(kinds, k)
		}
	}
	sort.Strings(kinds)
	var b strings.Builder
	fmt.Fprintf(&b, "  %-11s %s\n", "all", m[""])
	for _, k := range kinds {
		fmt.Fprintf(&b, "  %-11s %s\n", k, m[k])
	}
	return b.String()
}
