package study

import (
	"testing"

	"berean/retrieval"
)

// TestEvidenceNotes: ask's evidence (matches and topics) becomes a plain
// note.
func TestEvidenceNotes(t *testing.T) {
	in := func(w string) retrieval.Match { return retrieval.Match{Word: w, Kind: retrieval.InText} }
	tests := []struct {
		matches []retrieval.Match
		topics  []string
		own     int
		gloss   bool
		note    string
	}{
		{[]retrieval.Match{in("intercession")}, nil, 1, false, "Uses the word 'intercession'"},
		{[]retrieval.Match{{Word: "intercession", Kind: retrieval.InText, Bible: "WEB"}}, []string{"INTERCESSION"}, 1, false,
			"Uses the word 'intercession' (in the WEB); Nave's Topical Bible lists it under INTERCESSION"},
		{[]retrieval.Match{in("faith"), in("works")}, []string{"FAITH", "WORKS"}, 2, false,
			"Uses the words 'faith' and 'works'; Nave's Topical Bible lists it under FAITH and WORKS"},
		{[]retrieval.Match{{Word: "intercession", Kind: retrieval.ByDefinition, Key: "H6279"}}, nil, 0, true,
			"Its Hebrew word (H6279) has 'intercession' in its dictionary definition"},
		{[]retrieval.Match{{Word: "messiah", Kind: retrieval.ByStrongs, Key: "G5547", Bible: "WEB"}}, []string{"SUFFERING"}, 1, false,
			"Its Greek word (G5547) is translated 'messiah' elsewhere; Nave's Topical Bible lists it under SUFFERING"},
		{[]retrieval.Match{in("jesus"), {Word: "intercession", Kind: retrieval.ByDefinition, Key: "G3875"}}, nil, 1, false,
			"Uses the word 'jesus'; its Greek word (G3875) has 'intercession' in its dictionary definition"},
		// A word matched only through WordNet is not the topic's own word.
		{[]retrieval.Match{{Word: "worry", Kind: retrieval.ByThesaurus}}, nil, 0, false, ""},
		{nil, nil, 0, false, ""},
	}
	for _, tc := range tests {
		ev := evidenceOf(retrieval.Candidate{Matches: tc.matches, TopicEvidence: tc.topics})
		if got := ev.ownWords(); got != tc.own {
			t.Errorf("%+v: ownWords = %d, want %d", tc.matches, got, tc.own)
		}
		if got := ev.glossOnly(); got != tc.gloss {
			t.Errorf("%+v: glossOnly = %v, want %v", tc.matches, got, tc.gloss)
		}
		if got := ev.note(); got != tc.note {
			t.Errorf("%+v: note\n got %q\nwant %q", tc.matches, got, tc.note)
		}
	}
}

func TestNameCase(t *testing.T) {
	tests := []struct{ note, topic, want string }{
		{"Uses the word 'jesus'; its Greek word (G3875) has 'intercession' in its dictionary definition", "Jesus makes intercession for us",
			"Uses the word 'Jesus'; its Greek word (G3875) has 'intercession' in its dictionary definition"},
		{"Uses the words 'love' and 'god'", "the love of God", "Uses the words 'love' and 'God'"},
		{"Uses the words 'god', 'covenant' and 'abraham'", "God's covenant with Abraham", "Uses the words 'God', 'covenant' and 'Abraham'"},
		{"Uses the word 'grace'", "grace", "Uses the word 'grace'"},
	}
	for _, tc := range tests {
		if got := nameCase(tc.note, tc.topic); got != tc.want {
			t.Errorf("nameCase(%q, %q) = %q, want %q", tc.note, tc.topic, got, tc.want)
		}
	}
}

// TestOwnText: a Strong's match becomes a match in the text when the verse
// has the word itself; a verse without it keeps the Strong's note.
func TestOwnText(t *testing.T) {
	const heb725, other = 30000, 30001
	verses := func(word string) map[int]int {
		if word == "intercession" {
			return map[int]int{heb725: 1}
		}
		return nil
	}
	for _, tc := range []struct {
		ord  int
		note string
	}{
		{heb725, "Uses the word 'intercession'"},
		{other, "Its Greek word (G1793) is translated 'intercession' elsewhere"},
	} {
		ev := evidenceOf(retrieval.Candidate{Matches: []retrieval.Match{{Word: "intercession", Kind: retrieval.ByStrongs, Key: "G1793", Bible: "WEB"}}})
		ev.ownText(tc.ord, verses)
		if got := ev.note(); got != tc.note {
			t.Errorf("ord %d: note %q, want %q", tc.ord, got, tc.note)
		}
	}
}

// TestPagesEvidence: the public Bible-study pages that give a verse (ask's
// topical pages) are named and counted in its note, the name its passage
// is known by is given, and each makes a kind of evidence of its passage
// for the key verses.
func TestPagesEvidence(t *testing.T) {
	in := func(w string) retrieval.Match { return retrieval.Match{Word: w, Kind: retrieval.InText} }
	tests := []struct {
		c    retrieval.Candidate
		note string
	}{
		{retrieval.Candidate{Matches: []retrieval.Match{in("anger")}, TopicEvidence: []string{"ANGER"}, Pages: "anger", PageCites: 3},
			"Uses the word 'anger'; Nave's Topical Bible lists it under ANGER; 3 Bible-study pages on 'anger' cite it"},
		{retrieval.Candidate{Pages: "gambling", PageCites: 1}, "A Bible-study page on 'gambling' cites it"},
		{retrieval.Candidate{Matches: []retrieval.Match{in("money")}}, "Uses the word 'money'"},
		{retrieval.Candidate{Matches: []retrieval.Match{in("prodigal")}, Named: "Parable of the Prodigal Son"},
			"Uses the word 'prodigal'; known as Parable of the Prodigal Son"},
		{retrieval.Candidate{Named: "The Sermon on the Mount", Pages: "the beatitudes", PageCites: 2},
			"Known as the Sermon on the Mount; 2 Bible-study pages on 'the beatitudes' cite it"},
	}
	for _, tc := range tests {
		if got := evidenceOf(tc.c).note(); got != tc.note {
			t.Errorf("%+v: note\n got %q\nwant %q", tc.c, got, tc.note)
		}
	}
	// One topic word (1) and the pages (1): two kinds, a key verse's
	// strength; without the pages, one.
	g := grp{items: []*item{{words: 1, pages: true}}}
	if got := g.strength(); got != 2 {
		t.Errorf("a word and the pages: strength %d, want 2", got)
	}
	g.items[0].pages = false
	if got := g.strength(); got != 1 {
		t.Errorf("a word alone: strength %d, want 1", got)
	}
	g.items[0].named = true
	if got := g.strength(); got != 2 {
		t.Errorf("a word and a name the topic names: strength %d, want 2", got)
	}
}
