package ask

import (
	"sort"

	"berean/index"
)

// topicNamer is implemented by indexes that can list their topics.
type topicNamer interface{ TopicNames() []string }

// TopicNames lists the Nave's topics of the index. When the index cannot
// list them, they are found by looking up every word of the indexed
// Bibles as a topic-name word (a topic whose name has no Bible word is
// then missed).
func TopicNames(ix *index.Index) []string {
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

// popularity counts, for every KJV ordinal, the topics that cite it
// (a topic citing a long range counts for each verse only when the range
// is short: long ranges are context, not citations).
func popularity(ix *index.Index) map[int32]int {
	pop := map[int32]int{}
	for _, name := range TopicNames(ix) {
		refs, _ := ix.TopicRefs(name)
		seen := map[int32]bool{}
		for _, r := range refs {
			for _, k := range topicVerses([]string{r}, 4) {
				if lo, hi := span1(r); hi-lo > 3 {
					continue
				}
				if !seen[k] {
					seen[k] = true
					pop[k]++
				}
			}
		}
	}
	return pop
}

func span1(r string) (int32, int32) {
	vs := topicVerses([]string{r}, 1000)
	if len(vs) == 0 {
		return 0, 0
	}
	return vs[0], vs[len(vs)-1]
}
