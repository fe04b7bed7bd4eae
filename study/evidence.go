package study

import (
	"berean/internal/versekey"
	"math"
	"sort"
	"strconv"
	"strings"

	"berean/retrieval"
)

// How a topic word matched a verse.
const (
	inText       = iota // the word is in the verse (every translation, or the one named)
	byStrongs           // the verse's original word is rendered with the word elsewhere
	byDefinition        // the word is only in the lexicon definition of the verse's original word
)

// wordMatch is one topic word's match in a verse.
type wordMatch struct {
	word  string
	how   int
	bible string // the only translation having it (inText, byStrongs)
	key   string // the Strong's number (byStrongs, byDefinition)
}

// evidence is what a retrieved verse has of the topic.
type evidence struct {
	words  []wordMatch
	topics []string // Nave's topics citing it that the retrieval used
	// pages is the topic of the public Bible-study pages that give the
	// verse (retrieval.Candidate.Pages), cites how many of them do.
	pages string
	cites int
	// named is the name people know the verse's passage by, when the
	// topic names it (retrieval.Candidate.Named).
	named string
}

// evidenceOf reads a candidate's evidence: the question words it matched
// and how (retrieval.Match, from package ask's evidence tree), and the
// Nave's topics of its topic evidence. A word matched only through a
// thesaurus is not the topic's own word and is not counted.
func evidenceOf(c retrieval.Candidate) evidence {
	var ev evidence
	for _, m := range c.Matches {
		switch m.Kind {
		case retrieval.InText:
			ev.words = append(ev.words, wordMatch{word: m.Word, how: inText, bible: m.Bible})
		case retrieval.ByStrongs:
			ev.words = append(ev.words, wordMatch{word: m.Word, how: byStrongs, key: m.Key, bible: m.Bible})
		case retrieval.ByDefinition:
			ev.words = append(ev.words, wordMatch{word: m.Word, how: byDefinition, key: m.Key})
		}
	}
	ev.topics = append(ev.topics, c.TopicEvidence...)
	ev.pages, ev.cites, ev.named = c.Pages, c.PageCites, c.Named
	return ev
}

// ownText turns a match through a Strong's number into a match in the
// text when the verse (ordinal ord) has the word itself in a translation
// (verses gives the verses having a word): the retrieval reports, per
// word, the match that scored best, which can be the Strong's one even for
// Hebrews 7:25, whose text says "intercession"; the note must not say the
// word is only "translated ... elsewhere".
func (ev *evidence) ownText(ord int, verses func(word string) map[int]int) {
	for i, m := range ev.words {
		if m.how == byStrongs && verses(m.word)[ord] > 0 {
			ev.words[i] = wordMatch{word: m.word, how: inText}
		}
	}
}

// ownWords counts the topic words the verse itself has, in a translation
// or in its original words (Strong's numbers rendered with the word
// elsewhere: G5547 'Christ' for 'Messiah').
func (ev evidence) ownWords() int {
	n := 0
	for _, m := range ev.words {
		if m.how != byDefinition {
			n++
		}
	}
	return n
}

// glossOnly reports whether the verse has a topic word only through the
// definitions of its original words: Ezra 8:23 "we fasted and besought
// our God" for 'intercession', which is in the definition of H6279.
func (ev evidence) glossOnly() bool {
	if len(ev.words) == 0 {
		return false
	}
	for _, m := range ev.words {
		if m.how != byDefinition {
			return false
		}
	}
	return true
}

// note says in plain words why a retrieved verse is in the study.
func (ev evidence) note() string {
	var parts []string
	var text, other []string
	for _, m := range ev.words {
		if m.how == inText {
			text = append(text, quoteWord(m.word, m.bible))
		}
	}
	if len(text) > 3 {
		text = text[:3]
	}
	switch len(text) {
	case 0:
	case 1:
		parts = append(parts, "Uses the word "+text[0])
	default:
		parts = append(parts, "Uses the words "+strings.Join(text[:len(text)-1], ", ")+" and "+text[len(text)-1])
	}
	for _, m := range ev.words {
		lang := language(m.key)
		switch m.how {
		case byStrongs:
			other = append(other, "its "+lang+" word ("+m.key+") is translated '"+m.word+"' elsewhere")
		case byDefinition:
			other = append(other, "its "+lang+" word ("+m.key+") has '"+m.word+"' in its dictionary definition")
		}
	}
	if len(other) > 0 {
		if len(parts) == 0 {
			s := other[0]
			parts = append(parts, strings.ToUpper(s[:1])+s[1:])
		} else {
			parts = append(parts, other[0])
		}
	}
	if len(ev.topics) > 0 {
		ts := ev.topics
		if len(ts) > 2 {
			ts = ts[:2]
		}
		parts = append(parts, listedUnder(ts))
	}
	if ev.named != "" {
		parts = append(parts, "known as "+knownAs(ev.named))
	}
	if ev.cites > 0 {
		parts = append(parts, citedByPages(ev.pages, ev.cites))
	}
	return sentence(parts)
}

// knownAs writes a passage's name inside a sentence: "the Sermon on the
// Mount" for the table's "The Sermon on the Mount".
func knownAs(name string) string {
	if rest, ok := strings.CutPrefix(name, "The "); ok {
		return "the " + rest
	}
	return name
}

// citedByPages is "3 Bible-study pages on 'anger' cite it".
func citedByPages(topic string, n int) string {
	if n == 1 {
		return "a Bible-study page on '" + topic + "' cites it"
	}
	return strconv.Itoa(n) + " Bible-study pages on '" + topic + "' cite it"
}

func quoteWord(w, bible string) string {
	if bible != "" {
		return "'" + w + "' (in the " + bible + ")"
	}
	return "'" + w + "'"
}

func language(key string) string {
	switch {
	case strings.HasPrefix(key, "H"):
		return "Hebrew"
	case strings.HasPrefix(key, "G"):
		return "Greek"
	}
	return "original"
}

// listedUnder is "Nave's Topical Bible lists it under A and B".
func listedUnder(topics []string) string {
	if len(topics) == 1 {
		return "Nave's Topical Bible lists it under " + topics[0]
	}
	return "Nave's Topical Bible lists it under " + strings.Join(topics[:len(topics)-1], ", ") + " and " + topics[len(topics)-1]
}

// sentence joins clauses: "A; b".
func sentence(parts []string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		return ""
	}
	s := strings.Join(out, "; ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// quoted is "'a', 'b' and 'c'".
func quoted(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "'" + w + "'"
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " and " + q[len(q)-1]
}

// usesWords is "Uses the words 'a' and 'b'".
func usesWords(words []string) string {
	if len(words) == 1 {
		return "Uses the word " + quoted(words)
	}
	return "Uses the words " + quoted(words)
}

// nearNote is the note of a verse found beside another: "Shares the words
// 'priest' and 'high' with Hebrews 7:25".
func nearNote(words []string, k int) string {
	switch len(words) {
	case 0:
		return "Found beside " + versekey.Human(k, k)
	case 1:
		return "Shares the word " + quoted(words) + " with " + versekey.Human(k, k)
	}
	return "Shares the words " + quoted(words) + " with " + versekey.Human(k, k)
}

// Key verses: a passage needs keyStrength kinds of evidence (two topic
// words, or a word and a run of the topic's words, a named topic, a link
// or the speaker), and ranks by score × (1 + keyPopularity × ln(1 +
// Nave's topics citing its verses)) × (1 + keyEvidence × further kinds).
// When fewer passages have that much, the others fill the places, best
// first.
const (
	keyStrength   = 2
	keyPopularity = 0.3
	keyEvidence   = 0.5 // × (1 + this × kinds of evidence beyond keyStrength)
	phraseMin     = 3   // words of the topic in a row that count as a kind of evidence
)

// keyVerses returns the n passages of the study with the strongest
// evidence, best first: a passage that only shares one word with the topic
// comes only when nothing better is left.
func keyVerses(ps []Passage, strength map[int]int, popularity func(int) int, n int) []Passage {
	var strong, weak []Passage
	for _, p := range ps {
		st, pop := 0, 0
		for k := p.Start; k <= p.End; k++ {
			st = max(st, strength[k])
			pop = max(pop, popularity(k))
		}
		p.Score = math.Round(p.Score*(1+keyPopularity*math.Log1p(float64(pop)))*(1+keyEvidence*float64(max(0, st-keyStrength)))*1000) / 1000
		if st >= keyStrength {
			strong = append(strong, p)
		} else {
			weak = append(weak, p)
		}
	}
	sortByScore(strong)
	sortByScore(weak)
	out := append(strong, weak...)
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func sortByScore(ps []Passage) {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Score != ps[j].Score {
			return ps[i].Score > ps[j].Score
		}
		return ps[i].Start < ps[j].Start
	})
}

// nameCase writes the topic's capitalised words as the topic does in the
// notes' quoted words: ask reports 'jesus', the reader typed "Jesus".
func nameCase(note, topic string) string {
	for _, f := range strings.Fields(topic) {
		w := strings.Trim(strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "’s"), ".,;:!?\"'()")
		if w == "" || strings.ToLower(w) == w {
			continue
		}
		note = strings.ReplaceAll(note, "'"+strings.ToLower(w)+"'", "'"+w+"'")
	}
	return note
}
