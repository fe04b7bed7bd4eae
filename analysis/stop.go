package analysis

import "sync"

// IsStop reports whether a term is a stop word: a word too common to help
// rank answers to a question. It accepts folded words ("the", "hath") and
// their stems. The index keeps stop words (phrases need them); only
// ranking skips them.
func IsStop(term string) bool { return stops()[term] }

var stopWords = []string{
	"a", "about", "after", "all", "also", "am", "an", "and", "any", "are",
	"as", "at", "be", "because", "been", "before", "being", "but", "by",
	"can", "could", "did", "do", "does", "doing", "for", "from", "had",
	"has", "have", "having", "he", "her", "here", "hers", "herself", "him",
	"himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
	"itself", "me", "my", "myself", "no", "nor", "not", "of", "on", "or",
	"our", "ours", "ourselves", "shall", "she", "should", "so", "such",
	"than", "that", "the", "their", "theirs", "them", "themselves", "then",
	"there", "these", "they", "this", "those", "to", "unto", "upon", "us",
	"was", "we", "were", "what", "when", "where", "which", "while", "who",
	"whom", "whose", "why", "will", "with", "would", "you", "your", "yours",
	"yourself", "yourselves",
	// archaic forms (their modern forms are above)
	"thou", "thee", "thy", "thine", "thyself", "ye", "hath", "hast", "doth",
	"dost", "art", "wast", "shalt", "wilt", "whilst", "wherefore",
	// question words
	"tell", "explain", "mean", "means", "bible", "say", "says", "verse",
	"verses", "passage", "scripture",
}

// stops holds every stop word, its modern form and its stem. Built on first
// use (stemming them costs a process that never analyses text, such as
// `berean read`, a third of a millisecond), never written after.
var stops = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 3*len(stopWords))
	for _, w := range stopWords {
		m[w] = true
		m[Modernize(w)] = true
		m[Stem(w)] = true
	}
	return m
})
