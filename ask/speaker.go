package ask

import (
	"regexp"
	"strings"
	"sync"

	"berean/canon"
)

// A speaker frame names who says something: "Where does Jesus say ...",
// "What does Paul teach about ...", "Where did Moses tell the people ...".
// The frame and the verb go; the speaker names the books where his words
// are (the Gospels for Jesus, the letters for Paul, a prophet's book), and
// verses there are preferred (speakerBoost). A speaker that is not one of
// the authors ("Where does God promise ...", "Where does Ruth tell
// Naomi ...") also stays in the question as a word: keeping the authors'
// names too lowered the training part's speaker questions (0.702 ->
// 0.646), keeping the others raised its wording ones (0.874 -> 0.901).
var speakerFrame = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:where|which verse|which passage|what|when|how|in which book)(?: in the bible| in scripture)? (?:does|do|did|is|was) ((?:the (?:apostle|prophet|lord|king) |king |saint |st )?[a-z]+(?: [a-z]+)?) (?:say|says|said|describe|describes|tell|tells|teach|teaches|talk about|talks about|talk|speak about|speaks about|speak of|speaks of|speak|write|writes|wrote|mention|mentions|command|commands|warn|warns|promise|promises|explain|explains|instruct|instructs|urge|urges|declare|declares|prophesy|prophesies|predict|predicts)(?: (?:us|them|his disciples|the disciples|believers|christians|the church|the people))?(?: (?:that|about|of|on|regarding|concerning))?(?: |$)`)
})

// notSpeakers are subjects that the general frames handle: the Bible
// itself, not a person in it.
var notSpeakers = map[string]bool{"the bible": true, "bible": true, "scripture": true, "the scriptures": true,
	"scriptures": true, "it": true, "the word": true, "god s word": true, "the text": true,
	"the new testament": true, "the old testament": true, "the verse": true, "the passage": true}

var (
	gospels = []string{"Matt", "Mark", "Luke", "John"}
	// authors are the speakers whose words fill books not named after them.
	authors = map[string][]string{
		"jesus": gospels, "christ": gospels, "jesus christ": gospels, "lord jesus": gospels,
		"the lord jesus": gospels, "the messiah": gospels, "the son": gospels,
		"paul":    {"Rom", "1Cor", "2Cor", "Gal", "Eph", "Phil", "Col", "1Thess", "2Thess", "1Tim", "2Tim", "Titus", "Phlm"},
		"peter":   {"1Pet", "2Pet", "Acts"},
		"john":    {"John", "1John", "2John", "3John", "Rev"},
		"moses":   {"Gen", "Exod", "Lev", "Num", "Deut"},
		"david":   {"Ps"},
		"solomon": {"Prov", "Eccl", "Song"},
		"luke":    {"Luke", "Acts"},
		"james":   {"Jas"},
	}
	// bookNames maps the one-word English names of books ("isaiah", "job")
	// to their OSIS ids.
	bookNames = sync.OnceValue(func() map[string]string {
		m := map[string]string{}
		for _, id := range canon.OSISIDs() {
			n := strings.ToLower(canon.HumanName(id))
			if !strings.Contains(n, " ") {
				m[n] = id
			}
		}
		return m
	})
)

// bareName is a speaker without the title before the name.
func bareName(subject string) string {
	for _, p := range []string{"the apostle ", "the prophet ", "the king ", "king ", "saint ", "st "} {
		subject = strings.TrimPrefix(subject, p)
	}
	return subject
}

// speakerBooks returns the books a speaker's words are in, or nil;
// whether the speaker is one of the authors, whose words fill books not
// named after them; and whether the speaker is itself where to look, a
// group of books or a book named for what it is ("What do the Gospels
// say", "What does Proverbs say"), whose name goes as an author's does.
func speakerBooks(subject string) (books []string, author, place bool) {
	s := bareName(subject)
	if bs, ok := authors[s]; ok {
		return bs, true, false
	}
	if g := groupBooks(strings.TrimPrefix(s, "the ")); g != nil {
		return g, true, true
	}
	if id, ok := bookNames()[s]; ok {
		return []string{id}, titleBooks[id], titleBooks[id]
	}
	return nil, false, false
}

// cutSpeaker removes a speaker frame from the start of a folded question.
// It returns the indexes of the question's words that stay (the speaker's
// too when it names no book) and the speaker's books; keep is nil when
// there is no speaker frame. place is set when the speaker is where to
// look (speakerBooks).
func cutSpeaker(folded string) (keep []int, books []string, place bool) {
	m := speakerFrame().FindStringSubmatchIndex(folded)
	if m == nil {
		return nil, nil, false
	}
	subject := folded[m[2]:m[3]]
	if notSpeakers[subject] {
		return nil, nil, false
	}
	// A pronoun or function word is no speaker ("what does it mean").
	if first := strings.Fields(subject)[0]; first != "the" && isStop(first) {
		return nil, nil, false
	}
	books, author, place := speakerBooks(subject)
	subjFrom := len(strings.Fields(folded[:m[2]]))
	subjTo := subjFrom + len(strings.Fields(subject))
	// The speaker stays a word unless an author names him: a person a
	// book is named after is named in its story ("And Ruth said"), while
	// "Jesus" or "Paul" would only pull in the verses that name them.
	if books == nil {
		for i := subjFrom; i < subjTo; i++ {
			keep = append(keep, i)
		}
	} else if !author { // the name, without its title
		for i := subjTo - len(strings.Fields(bareName(subject))); i < subjTo; i++ {
			keep = append(keep, i)
		}
	}
	for i := len(strings.Fields(folded[:m[1]])); i < len(strings.Fields(folded)); i++ {
		keep = append(keep, i)
	}
	if len(keep) == 0 { // the frame is the whole question
		return nil, nil, false
	}
	return keep, books, place
}
