package xref

import (
	"math"
	"sort"
	"strings"

	"berean/canon"
	"berean/index"
)

// topicTable is the reverse map of Nave's: verse -> topics citing it.
type topicTable struct {
	names  []string
	verses [][]int32         // topic -> KJV ordinals
	of     map[int32][]int32 // KJV ordinal -> topics
}

type topicNamer interface{ TopicNames() []string }

// topicNames lists the topics of the index; without a listing, topics are
// found by looking up every word of the Bibles as a topic-name word.
func topicNames(ix *index.Index) []string {
	if tn, ok := any(ix).(topicNamer); ok {
		return tn.TopicNames()
	}
	seen := map[string]bool{}
	var names []string
	for _, b := range ix.Bibles() {
		b.Prefix(index.ExactTerms, "", func(term []byte, _ index.Postings) bool {
			for _, n := range ix.TopicsForWord(string(term)) {
				if !seen[n] {
					seen[n] = true
					names = append(names, n)
				}
			}
			return true
		})
	}
	sort.Strings(names)
	return names
}

func buildTopics(ix *index.Index) *topicTable {
	t := &topicTable{of: map[int32][]int32{}}
	kjv := canon.KJV()
	for _, name := range topicNames(ix) {
		refs, _ := ix.TopicRefs(name)
		id := int32(len(t.names))
		seen := map[int32]bool{}
		var vs []int32
		for _, r := range refs {
			s, e, _ := strings.Cut(r, "-")
			if e == "" {
				e = s
			}
			lo, ok1 := parseOrd(kjv, s, false)
			hi, ok2 := parseOrd(kjv, e, true)
			if !ok1 || !ok2 || hi < lo || hi-lo > 12 {
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
	if f.Warm(nil) != nil || f.topics == nil {
		return nil
	}
	var out []string
	for _, id := range f.topics.of[int32(ord)] {
		out = append(out, f.topics.names[id])
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
		out = append(out, Link{Ord: int(v), Kind: Topic, Score: math.Min(1, 1.5*s), Why: "both cited under Nave's " + t.names[best[v]]})
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

func parseOrd(sys *canon.System, s string, end bool) (int, bool) {
	p := strings.Split(s, ".")
	bk, ok := sys.Book(p[0])
	if !ok {
		return 0, false
	}
	ch, v := 1, 1
	if len(p) > 1 {
		ch = atoi(p[1])
	} else if end {
		ch = bk.Chapters()
	}
	if ch < 1 || ch > bk.Chapters() {
		return 0, false
	}
	if len(p) > 2 {
		v = atoi(p[2])
	} else if end {
		v = bk.Verses[ch-1]
	}
	return sys.Ordinal(p[0], ch, v)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}
