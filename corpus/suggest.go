package corpus

import (
	"sort"
	"strings"
)

// nearTopics suggests up to five topic names for a name that is not one:
// the names that start with key; else the names within a few edits of it
// (one edit per four letters, so "intercesion" finds INTERCESSION but
// "worry" is not WORMWOOD); else the names one of whose words is key. No
// suggestion is better than an unrelated neighbour in sort order.
func (c *Corpus) nearTopics(key string) []string {
	var out []string
	add := func(k string) bool {
		if len(out) >= 5 {
			return false
		}
		for _, o := range out {
			if o == k {
				return true
			}
		}
		out = append(out, k)
		return true
	}
	for _, d := range c.topical {
		keys := d.keys()
		for j := sort.SearchStrings(keys, key); j < len(keys) && strings.HasPrefix(keys[j], key); j++ {
			if !add(keys[j]) {
				return out
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	limit := max(1, len([]rune(key))/4)
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, d := range c.topical {
		for _, k := range d.keys() {
			if dist := editDistance(key, k, limit); dist <= limit {
				cands = append(cands, cand{k, dist})
				continue
			}
			for _, w := range strings.FieldsFunc(k, func(r rune) bool { return r == ' ' || r == ',' || r == '-' }) {
				if w == key {
					cands = append(cands, cand{k, limit + 1})
					break
				}
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	for _, cd := range cands {
		if !add(cd.name) {
			break
		}
	}
	return out
}

// editDistance is the Levenshtein distance of a and b in runes, or
// limit+1 once it is sure to exceed limit.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
