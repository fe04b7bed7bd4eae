package retrieval

import (
	"errors"

	"berean/canon"
)

// ErrEmpty is returned for a question with no words.
var ErrEmpty = errors.New("the question has no words to search for")

// Options of one question (package ask: Ask, Candidates).
type Options struct {
	// Bible is the translation the results are quoted in (abbreviation or
	// module name); default KJV, or the first indexed Bible.
	Bible string
	// N is the number of results (default 10).
	N int
	// NoStrongs, NoDefinitions and NoTopics turn off one kind of concept
	// expansion (for evaluation).
	NoStrongs, NoDefinitions, NoTopics bool
	// Bibles restricts retrieval to these translations (default: all).
	Bibles []string
	// Testament restricts results to canon.OT or canon.NT (0: both).
	Testament canon.Testament
	// Within, when set, restricts results to these KJV ordinals (study:
	// the verses of a Nave's topic).
	Within map[int]bool
	// Persons lets object pronouns stand for one another in phrases
	// ("intercession for us" ~ "prayed for thee"); study uses it for the
	// sibling wordings of a topic.
	Persons bool
	// Weights, when set, replace the fitted weights (for fitting).
	Weights *Weights
	// Explain fills each hit's Evidence (the full tree of features).
	Explain bool
	// NoQuestionFrequency weighs every word alike (ask's qweight.go): for
	// study topics, which are not questions.
	NoQuestionFrequency bool
	// ShortCitations counts for the popularity features only the Nave's
	// references of at most 4 verses (Popularity: about 0.1 s once per
	// Asker; study's weights were set on it), not the index's count of
	// references of at most 13 (index.TopicCount, free in a new process).
	ShortCitations bool
	// Pages lets the verses of the public pages and named passages the
	// question names count (package ask's features "pages", "named",
	// "feedback" and "asked"), which Ask always counts and Candidates only
	// when asked:
	// study's query for its topic.
	Pages bool
	// LeaveSource, for evaluation, is the address of the page a question
	// was taken from: the tables of public pages (package ask's topical
	// pages and named passages) are read without the rows from its site,
	// as a question from a page they never read is asked.
	LeaveSource string
}

// Candidate is one scored verse (package ask: Candidates), as package study
// reads it.
type Candidate struct {
	Ord    int // KJV ordinal
	Score  float64
	Why    []string // the reasons, for people (package ask's Why: "matched 'intercession'", "topic PRAYER (Nave's)")
	Topics []string // the Nave's topics that cite it, of those the retrieval used
	Phrase int      // longest run of question words (function words included) in the verse
	// Matches are the question words the verse matched and how, read
	// from the evidence (the same facts as Why, as data).
	Matches []Match
	// TopicEvidence are the Nave's topics named by the question that the
	// ranking counted for the verse (its topic evidence).
	TopicEvidence []string
	// Pages is the topic of the public topical pages (package ask's
	// table) that cite the verse, and PageCites how many of its pages do;
	// "" and 0 when none does or Options.Pages was not set.
	Pages     string
	PageCites int
	// Named is the name people know the verse's passage by (package ask's
	// table of named passages: "the Lord's Prayer"), when the question
	// names it and Options.Pages was set.
	Named string
}

// MatchKind is how a verse matched a question word.
type MatchKind int

const (
	InText       MatchKind = iota // the word, its stem or a longer word of its family, in a translation
	ByStrongs                     // an original word (Strong's number) the translators render with the word
	ByDefinition                  // an original word whose lexicon definition has the word
	ByThesaurus                   // a word of the translation that WordNet relates to the word
)

// Match is one question word a verse matched.
type Match struct {
	Word  string // the question word; for a longer word of its family, the verse's word
	Kind  MatchKind
	Key   string // the Strong's number (ByStrongs, ByDefinition)
	Bible string // the translation whose rendering matched (ByStrongs)
}

// Word is a content word of a question, for package study.
type Word struct {
	Text string  // as folded ("intercession")
	Stem string  // index stem term
	IDF  float64 // best idf over the Bibles (stem postings)
}

// Sibling is another English word for the concept of a word: a rendering
// of the original-language words (Strong's keys) the word translates.
type Sibling struct {
	Word   string  // its most frequent form ("pray")
	Stem   string  // index stem term
	Weight float64 // Σ over keys of (key's share of the word) × (the sibling's share of the key)
}

// NamedPassage is a passage known by a name that a question names
// (package ask's table of named passages: "the Sermon on the Mount" is
// Matthew 5-7), as package study reads it.
type NamedPassage struct {
	Name  string
	Spans [][2]int // KJV ordinals, first and last, per reference
	// Coverage is the share of the name the question names (its idf
	// mass), TopicCover the share of the question's content words that
	// are words of the name: both 1 when the question is the name.
	Coverage, TopicCover float64
}
