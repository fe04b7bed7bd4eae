package xref

import (
	"math"
	"sort"

	"berean/internal/versekey"
)

// maxTopicSize: topics citing more verses say nothing about one.
const maxTopicSize = 400

// maxCited: a reference of more verses is context, not a citation of each
// (as the index's TOPICVERSES section counts).
const maxCited = 13

// TopicsOf returns the names of the Nave's topics citing a KJV ordinal.
func (f *Finder) TopicsOf(ord int) []string { return f.ix.TopicsCiting(ord) }

// topicLinks scores the verses that share topics with lo..hi: each shared
// topic weighs 1/log2(2+size); the topics come from the index's reverse
// map, their verses from their references.
func (f *Finder) topicLinks(lo, hi int) []Link {
	score := map[int]float64{}
	best := map[int]string{}
	bestSize := map[int]int{}
	seen := map[string]bool{}
	for k := lo; k <= hi; k++ {
		for _, name := range f.ix.TopicsCiting(k) {
			if seen[name] {
				continue
			}
			seen[name] = true
			refs, _ := f.ix.TopicRefs(name)
			var vs []int
			dup := map[int]bool{}
			for _, r := range refs {
				a, b, ok := versekey.Span(r)
				if !ok || b-a >= maxCited {
					continue
				}
				for v := a; v <= b; v++ {
					if !dup[v] {
						dup[v] = true
						vs = append(vs, v)
					}
				}
			}
			n := len(vs)
			if n > maxTopicSize || n == 0 {
				continue
			}
			w := 1 / math.Log2(2+float64(n))
			for _, v := range vs {
				score[v] += w
				if s, ok := bestSize[v]; !ok || s > n {
					best[v], bestSize[v] = name, n
				}
			}
		}
	}
	var out []Link
	for v, s := range score {
		// Absolute, not normalised: one shared small topic is worth more
		// than one shared large one, and shared topics add up.
		name := best[v]
		out = append(out, Link{Ord: v, End: v, Kind: Topic, Score: math.Min(1, 1.5*s), Why: "both cited under Nave's " + name,
			Evidence: Evidence{Source: "Nave's Topical Bible: " + name}})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Ord < out[j].Ord
	})
	if len(out) > 60 {
		out = out[:60]
	}
	return out
}
