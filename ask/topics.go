package ask

import (
	"berean/index"
	"berean/internal/versekey"
)

// popularity counts, for every KJV ordinal, the topics that cite it
// (a topic citing a long range counts for each verse only when the range
// is short: long ranges are context, not citations).
func popularity(ix *index.Index) map[int32]int {
	pop := map[int32]int{}
	for _, name := range versekey.TopicNames(ix) {
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
