package study

import (
	"strings"

	"berean/index"
	"berean/retrieval"
)

// siblings returns the siblings of a word (Asker.Siblings) in the word's own
// language. Ask shares a Strong's key's renderings over every tagged
// Bible, so a Bible in another language (the Spanish RV1909 beside the
// KJV) adds its own words as siblings and lowers the weights of the
// word's: 'pray' for 'intercession' falls from 0.15 to 0.07, under
// siblingQueryMin. Here a sibling counts only when a tagged Bible having
// the word (the same form: 'interceder' is Spanish, and stems as 'intercede' does) has it too, and its weight is scaled by the tagged Bibles over
// those having the word (the renderings of the other language are taken
// out of the share).
func (s *Studier) siblings(word string) []retrieval.Sibling {
	sibs := s.a.Siblings(word)
	if len(sibs) == 0 {
		return nil
	}
	form := strings.ToLower(word)
	var own []*index.Bible
	tagged := 0
	for _, b := range s.a.Index().Bibles() {
		if !b.HasStrongs() {
			continue
		}
		tagged++
		if b.Exact(form).Len() > 0 {
			own = append(own, b)
		}
	}
	if len(own) == 0 || len(own) == tagged {
		return sibs
	}
	scale := float64(tagged) / float64(len(own))
	out := make([]retrieval.Sibling, 0, len(sibs))
	for _, sib := range sibs {
		in := false
		for _, b := range own {
			in = in || b.Exact(strings.ToLower(sib.Word)).Len() > 0
		}
		if in {
			sib.Weight *= scale
			out = append(out, sib)
		}
	}
	return out
}
