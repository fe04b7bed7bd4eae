package study

import (
	"strings"

	"berean/canon"
	"berean/corpus"
	"berean/index"
)

// redLetters is implemented by the corpus (*corpus.Corpus): its Bibles
// mark the words of Christ (markup.Text.Red).
type redLetters interface {
	Bibles() []*corpus.Bible
}

// speakerNames are the topic words that name the speaker of the
// red-letter text.
var speakerNames = []string{"jesus", "christ"}

// Parameters of the speaker pass; see doc.go.
const (
	speakerBoost = 0.5 // a verse where the speaker does what the topic says: score × (1 + this)
	speakerNear  = 3   // "I" at most this many words before the concept word (auxiliaries between)
)

// speaks reports whether the topic names the red-letter speaker, and
// returns the topic's other concepts.
func speaks(cs []concept) (bool, []concept) {
	named := false
	var rest []concept
	for _, c := range cs {
		sp := false
		for _, n := range speakerNames {
			if c.stem == index.StemTerm(n) {
				sp = true
			}
		}
		if sp {
			named = true
		} else {
			rest = append(rest, c)
		}
	}
	return named, rest
}

// speakerSays returns a test of whether a verse has, within the words
// of Christ, a word of the topic's concepts with "I" as its subject ("I
// pray for them", "neither pray I for these", "I have prayed for thee"):
// the speaker the topic names doing what it says. The test is false
// everywhere when the topic does not name him or the corpus is not given.
func (s *Studier) speakerSays(topic string) func(int) bool {
	no := func(int) bool { return false }
	rl, ok := s.topics.(redLetters)
	if !ok {
		return no
	}
	named, cs := speaks(s.concepts(topic))
	if !named || len(cs) == 0 {
		return no
	}
	// Only verses having a concept's stem are read.
	has := map[int]bool{}
	for _, c := range cs {
		for k := range s.a.StemVerses(c.stem) {
			has[k] = true
		}
	}
	return func(k int) bool {
		if !has[k] {
			return false
		}
		ws := s.redWords(rl, k)
		for i, w := range ws {
			if w != "" && matches([]string{index.StemTerm(w)}, cs, nil) > 0 && subjectI(ws, i) {
				return true
			}
		}
		return false
	}
}

// redWords returns the words of Christ in the verse at KJV ordinal k (in
// the first Bible marking any), lower-cased, "" at clause breaks ("they
// that are sick: I came" is not "sick I").
func (s *Studier) redWords(rl redLetters, k int) []string {
	if v, ok := s.red.Load(k); ok {
		return v.([]string)
	}
	var ws []string
	book, ch, v := canon.KJV().VerseAt(k)
	for _, b := range rl.Bibles() {
		tx, err := b.Verse(book, ch, v)
		if err != nil || len(tx.Red) == 0 {
			continue
		}
		for _, r := range tx.Red {
			prev := -1
			for _, w := range tx.Words {
				if w.Start < r[0] || w.End > r[1] {
					continue
				}
				if prev >= 0 && strings.ContainsAny(tx.Clean[prev:w.Start], ".,;:!?") {
					ws = append(ws, "")
				}
				ws = append(ws, strings.ToLower(w.Text))
				prev = w.End
			}
			ws = append(ws, "")
		}
		break
	}
	s.red.Store(k, ws)
	return ws
}

// auxiliaries may stand between a subject and its verb ("I have prayed",
// "I will also pray").
var auxiliaries = map[string]bool{"have": true, "had": true, "will": true, "shall": true, "would": true,
	"should": true, "may": true, "might": true, "can": true, "could": true, "must": true, "do": true,
	"did": true, "am": true, "also": true, "not": true, "now": true}

// subjectI reports whether ws[i] has "I" as its subject: "I" just before
// it, with auxiliaries between ("I have prayed"), or just after it
// ("neither pray I").
func subjectI(ws []string, i int) bool {
	if i+1 < len(ws) && ws[i+1] == "i" {
		return true
	}
	for j := i - 1; j >= 0 && i-j <= speakerNear; j-- {
		if ws[j] == "i" {
			return true
		}
		if !auxiliaries[ws[j]] {
			return false
		}
	}
	return false
}
