package corpus

import (
	"sort"
	"strings"

	"berean/analysis"
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
			if dist := analysis.EditDistance(key, k, limit); dist <= limit {
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
