package xref

import (
	"math"
	"sort"

	"berean/index"
	"berean/internal/versekey"
)

// maxTopicSize: topics citing more verses say nothing about one.
const maxTopicSize = 400

// topicTable is the reverse map of Nave's: verse -> topics citing it.
type topicTable struct {
	names  []string
	verses [][]int32         // topic -> KJV ordinals
	of     map[int32][]int32 // KJV ordinal -> topics
}

func buildTopics(ix *index.Index) *topicTable {
	t := &topicTable{of: map[int32][]int32{}}
	for _, name := range versekey.TopicNames(ix) {
		refs, _ := ix.TopicRefs(name)
		id := int32(len(t.names))
		seen := map[int32]bool{}
		var vs []int32
		for _, r := range refs {
			lo, hi, ok := versekey.Span(r)
			if !ok || hi-lo > 12 {
				continue // long ranges are context, not citations of a verse
			}
			for k := int32(lo); k <= int32(hi); k++ {
				if !seen[k] {
					seen[k] = true
					vs = append(vs, k)
				}
			}
		}
		if len(vs) == 0 {
			continue
		}
		t.names = append(t.names, name)
		t.verses = append(t.verses, vs)
		for _, k := range vs {
			t.of[k] = append(t.of[k], id)
		}
	}
	return t
}

// TopicsOf returns the names of the topics citing a KJV ordinal.
func (f *Finder) TopicsOf(ord int) []string {
	t := f.topicTable()
	var out []string
	for _, id := range t.of[int32(ord)] {
		out = append(out, t.names[id])
	}
	return out
}

// related scores the verses that share topics with lo..hi: each shared
// topic weighs 1/log2(2+size), normalised by the source's total.
func (t *topicTable) related(lo, hi int) []Link {
	score := map[int32]float64{}
	best := map[int32]int32{}
	var total float64
	seenTopic := map[int32]bool{}
	for k := lo; k <= hi; k++ {
		for _, id := range t.of[int32(k)] {
			if seenTopic[id] {
				continue
			}
			seenTopic[id] = true
			n := len(t.verses[id])
			if n > maxTopicSize {
				continue
			}
			w := 1 / math.Log2(2+float64(n))
			total += w
			for _, v := range t.verses[id] {
				score[v] += w
				if b, ok := best[v]; !ok || len(t.verses[b]) > n {
					best[v] = id
				}
			}
		}
	}
	if total == 0 {
		return nil
	}
	var out []Link
	for v, s := range score {
		// Absolute, not normalised: one shared small topic is worth more
		// than one shared large one, and shared topics add up.
		name := t.names[best[v]]
		out = append(out, Link{Ord: int(v), Kind: Topic, Score: math.Min(1, 1.5*s), Why: "both cited under Nave's " + name,
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
