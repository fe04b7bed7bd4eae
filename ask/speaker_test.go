package ask

import (
	"reflect"
	"strings"
	"testing"
)

func TestCutSpeaker(t *testing.T) {
	cases := []struct {
		q, rest string
		books   []string
	}{
		{"where does jesus say not to worry about tomorrow", "not to worry about tomorrow", gospels},
		{"what does paul teach about love", "love", authors["paul"]},
		{"where does the apostle paul describe the armour of god", "the armour of god", authors["paul"]},
		{"where did moses tell the people to choose life", "to choose life", authors["moses"]},
		// A person a book is named after stays a word, without the title.
		{"where does isaiah say by his stripes we are healed", "isaiah by his stripes we are healed", []string{"Isa"}},
		{"where does the prophet jeremiah speak of a new covenant", "jeremiah a new covenant", []string{"Jer"}},
		{"where does ruth tell naomi where you go i will go", "ruth naomi where you go i will go", []string{"Ruth"}},
		// A speaker that names no book stays a word.
		{"where does god promise never to leave us", "god never to leave us", nil},
		{"what does abraham say about sacrifice", "abraham sacrifice", nil},
		// The Bible itself is a frame, not a speaker.
		{"where does the bible say god is love", "", nil},
		{"what does it say about love", "", nil},
		{"where does jesus say", "", nil},
		{"how can i be saved", "", nil},
	}
	for _, c := range cases {
		keep, books, _ := cutSpeaker(c.q)
		ws := strings.Fields(c.q)
		var rest []string
		for _, i := range keep {
			rest = append(rest, ws[i])
		}
		if got := strings.Join(rest, " "); got != c.rest || !reflect.DeepEqual(books, c.books) {
			t.Errorf("cutSpeaker(%q) = %q %v, want %q %v", c.q, got, books, c.rest, c.books)
		}
	}
}
