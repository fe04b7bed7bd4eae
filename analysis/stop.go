package analysis

import (
	"strings"
	"sync"
)

// StopSet names lists of words that carry no content for some purpose;
// sets combine with |. They are the project's one list of stop words:
// ranking (IsStop) uses Function|Archaic|Query; package ask reads
// questions with all but Connective; package xref skips all but Degree
// and LightVerb in its shingles.
type StopSet uint16

const (
	// Function: articles, pronouns, prepositions, conjunctions and
	// auxiliaries.
	Function StopSet = 1 << iota
	// Archaic: the KJV's forms of them (thou, hath, doth ...).
	Archaic
	// Query: the words a question uses to ask for verses (bible, verse,
	// say, tell, explain ...).
	Query
	// Particles: modals, quantifiers and short adverbs and particles
	// (may, must, each, every, up, out, o ...).
	Particles
	// Degree: words of degree and identity (just, only, very, same, own).
	Degree
	// LightVerb: "make" in its forms: in "make intercession" the noun
	// carries the meaning.
	LightVerb
	// Narration: the words that frame speech in a narrative (said,
	// saith, behold, verily).
	Narration
	// Connective: longer prepositions and connectives (according,
	// against, among, therefore, through ...).
	Connective
)

var stopLists = sync.OnceValue(func() map[StopSet]string {
	return map[StopSet]string{
		Function: `a about after all also am an and any are as at be because been before being but by
			can could did do does doing for from had has have having he her here hers herself him
			himself his how i if in into is it its itself me my myself no nor not of on or our ours
			ourselves shall she should so such than that the their theirs them themselves then there
			these they this those to unto upon us was we were what when where which while who whom whose
			why will with would you your yours yourself yourselves`,
		Archaic: `thou thee thy thine thyself ye hath hast doth dost art wast shalt wilt whilst
			wherefore`,
		Query:      `tell explain mean means bible say says verse verses passage passages scripture scriptures`,
		Particles:  `done each every even let may might mine must o oh off onto out over some under up yet s didst thereof therein`,
		Narration:  `said saith behold verily`,
		Degree:     `just only own same too very`,
		LightVerb:  `make makes made making maketh`,
		Connective: `according against among therefore through throughout within without`,
	}
})

// StopWords returns the folded words of the sets.
func StopWords(sets StopSet) []string {
	var out []string
	for s := StopSet(1); s <= Connective; s <<= 1 {
		if sets&s != 0 {
			out = append(out, strings.Fields(stopLists()[s])...)
		}
	}
	return out
}

// IsStop reports whether a term is a stop word for ranking answers to a
// question (Function|Archaic|Query): a word too common to help. It
// accepts folded words ("the", "hath"), their modern forms and their
// stems. The index keeps stop words (phrases need them); only ranking
// skips them.
func IsStop(term string) bool { return stops()[term] }

// ranking are the sets of IsStop.
const ranking = Function | Archaic | Query

// stops holds every stop word of ranking, its modern form and its stem.
// Built on first use (stemming them costs a process that never analyses
// text, such as `berean read`, a third of a millisecond), never written
// after.
var stops = sync.OnceValue(func() map[string]bool {
	ws := StopWords(ranking)
	m := make(map[string]bool, 3*len(ws))
	for _, w := range ws {
		m[w] = true
		m[Modernize(w)] = true
		m[Stem(w)] = true
	}
	return m
})
