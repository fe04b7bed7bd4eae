package search

import (
	"berean/analysis"
	"berean/index"
)

// stemFor is the STEM key of a word leaf in Bible b: the English stem
// compiled into the leaf, or for a Bible of another language the word
// stemmed in that language, so that each Bible is searched in its own
// term space.
func stemFor(b *index.Bible, n *node) string {
	if l := b.Lang(); l != analysis.English && n.form != "" {
		return index.StemTermIn(l, n.form)
	}
	return n.term
}
