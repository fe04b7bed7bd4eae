package study

import (
	"testing"

	"berean/retrieval"
)

// TestEvidenceNotes: ask's reasons become evidence and a plain note.
func TestEvidenceNotes(t *testing.T) {
	tests := []struct {
		why   []string
		own   int
		gloss bool
		note  string
	}{
		{[]string{"matched 'intercession'"}, 1, false, "Uses the word 'intercession'"},
		{[]string{"matched 'intercession' (in the WEB)", "topic INTERCESSION (Nave's)"}, 1, false,
			"Uses the word 'intercession' (in the WEB); Nave's Topical Bible lists it under INTERCESSION"},
		{[]string{"matched 'faith'", "matched 'works'", "topic FAITH (Nave's)", "topic WORKS (Nave's)"}, 2, false,
			"Uses the words 'faith' and 'works'; Nave's Topical Bible lists it under FAITH and WORKS"},
		{[]string{"'intercession' is in the definition of Strong's H6279"}, 0, true,
			"Its Hebrew word (H6279) has 'intercession' in its dictionary definition"},
		{[]string{"matched 'messiah' (Strong's G5547, in the WEB)", "topic SUFFERING (Nave's)"}, 1, false,
			"Its Greek word (G5547) is translated 'messiah' elsewhere; Nave's Topical Bible lists it under SUFFERING"},
		{[]string{"matched 'jesus'", "'intercession' is in the definition of Strong's G3875"}, 1, false,
			"Uses the word 'jesus'; its Greek word (G3875) has 'intercession' in its dictionary definition"},
		{nil, 0, false, ""},
	}
	for _, tc := range tests {
		ev := evidenceOf(retrieval.Candidate{Why: tc.why})
		if got := ev.ownWords(); got != tc.own {
			t.Errorf("%q: ownWords = %d, want %d", tc.why, got, tc.own)
		}
		if got := ev.glossOnly(); got != tc.gloss {
			t.Errorf("%q: glossOnly = %v, want %v", tc.why, got, tc.gloss)
		}
		if got := ev.note(); got != tc.note {
			t.Errorf("%q: note\n got %q\nwant %q", tc.why, got, tc.note)
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
