package ask

import (
	"slices"
	"testing"

	"berean/ref"
)

// TestJudgmentFrame: a question of judgment asks about what it judges;
// the judgment is frame, and a question about sin itself keeps the word.
func TestJudgmentFrame(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string // content words
	}{
		{"Is it a sin to drink alcohol?", []string{"drink", "alcohol"}},
		{"Is it wrong for a Christian to get a tattoo?", []string{"get", "tattoo"}},
		{"Are white lies a sin?", []string{"white", "lies"}},
		{"Is sports betting a sin for a believer?", []string{"sports", "betting"}},
		{"Is divorce ever okay for a Christian couple?", []string{"divorce"}},
		{"Are tattoos a sin according to the Bible?", []string{"tattoos"}},
		{"Is gambling sinful?", []string{"gambling"}},
		{"Does the Bible approve of racism?", []string{"racism"}},
		{"Is tithing mandatory for Christians today?", []string{"tithing"}},
		{"Does God forbid tattoos?", []string{"tattoos"}},
		// Not judgments: sin is what is asked about.
		{"Is any sin too big for God to forgive?", []string{"sin", "big", "god", "forgive"}},
		{"What is sin?", []string{"sin"}},
		{"Is repentance required for salvation?", []string{"repentance", "required", "salvation"}},
		// A judgment with nothing else stays as it is.
		{"Is it wrong?", []string{"wrong"}},
		// Quoted words are the user's: kept.
		{`Is "a sin" in the Bible?`, []string{"sin"}},
	} {
		if got := contentWords(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%q: content words %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestVersesFrame: "verses that show", "verses proving", "passages to read
// about" ask for verses; what follows is the topic.
func TestVersesFrame(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"Verses that show my salvation is secure", []string{"salvation", "secure"}},
		{"Bible verses proving Jesus is God", []string{"jesus", "god"}},
		{"Bible passages to read about parenting", []string{"parenting"}},
		{"Bible verses to help me control my temper", []string{"control", "temper"}},
		{"verses about anxiety", []string{"anxiety"}},
		{"where is the battle of Jericho story", []string{"battle", "jericho"}},
		{"list the I AM statements of Jesus in John", []string{"statements", "jesus", "john"}},
		{"romans road to salvation scriptures list", []string{"romans", "road", "salvation"}},
		// Words that are the topic stay.
		{"Verses on teaching children", []string{"teaching", "children"}},
	} {
		if got := contentWords(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%q: content words %v, want %v", tc.q, got, tc.want)
		}
	}
}

// TestAdviceFrames: how people word a request for verses on a topic —
// words describing the verses wanted, "what is X like", "how should a
// Christian view X", "does the Bible mention X", "the biblical view of
// X", "according to scripture" — leave the topic; a modal after a
// possessive is a noun ("God's will").
func TestAdviceFrames(t *testing.T) {
	for _, tc := range []struct {
		q    string
		want []string
	}{
		{"short bible verses about faith", []string{"faith"}},
		{"Top 10 Bible verses on love", []string{"love"}},
		{"Key Bible passages on idleness and laziness", []string{"idleness", "laziness"}},
		{"encouraging bible verses for hard times", []string{"hard", "times"}},
		{"Bible quotes about family", []string{"family"}},
		{"What is heaven like?", []string{"heaven"}},
		{"What will heaven be like?", []string{"heaven"}},
		{"What does the Bible say hell is like?", []string{"hell"}},
		{"How should Christians view money?", []string{"money"}},
		{"How should a Christian respond to anger?", []string{"anger"}},
		{"How do I deal with stress?", []string{"stress"}},
		{"How can I approach God?", []string{"approach", "god"}}, // approaching God is the topic
		{"Does the Bible mention dinosaurs?", []string{"dinosaurs"}},
		{"Does scripture say anything about cremation?", []string{"cremation"}},
		{"What is the biblical view of marriage?", []string{"marriage"}},
		{"What is the Christian perspective on suicide?", []string{"suicide"}},
		{"According to scripture, what happens when we die?", []string{"happens", "die"}},
		{"How do I know God's will for my life?", []string{"know", "god", "will", "life"}},
		{"Thy will be done", []string{"will"}},
		{"Are dinosaurs mentioned in the Bible?", []string{"dinosaurs"}},
		{"What does the dove represent?", []string{"dove"}},
		{"What does the rainbow symbolize in the Bible?", []string{"rainbow"}},
		{"Explain the parable of the talents", []string{"parable", "talents"}},
		{"Tell me about Abraham", []string{"abraham"}},
		{"Is there a Bible verse against gambling?", []string{"gambling"}},
		{"verses against drunkenness", []string{"drunkenness"}},
		{"which verse is called the protoevangelium", []string{"protoevangelium"}},
		{"what passage is known as the love chapter", []string{"love", "chapter"}},
		{"verses about love KJV", []string{"love"}},
		{"What does the King James Bible say about tithing?", []string{"tithing"}},
		{"Where is the verse about love is patient in the New International Version?", []string{"love", "patient"}},
		{"What Bible verse should I read when I'm angry?", []string{"angry"}},
		{"verses to memorize about faith", []string{"faith"}},
		{"I feel like God doesn't hear me", []string{"feel", "god", "hear"}},
		{"it seems like my prayers go unanswered", []string{"seems", "prayers", "go", "unanswered"}},
		// What folding leaves of a contraction only glues.
		{"Bible verse when you're scared", []string{"scared"}},
		{"Has Jesus prayed that my faith won't fail?", []string{"jesus", "prayed", "faith", "fail"}},
		{"I've sinned and I don't know what to do", []string{"sinned", "know"}},
		// Not frames: the words are the topic.
		{"Will God forgive me?", []string{"god", "forgive"}},
		{"Verses on teaching children", []string{"teaching", "children"}},
		{"What was Jesus like as a child?", []string{"jesus", "like", "child"}},
		{"Does the Bible approve of racism?", []string{"racism"}},
	} {
		if got := contentWords(tc.q); !slices.Equal(got, tc.want) {
			t.Errorf("%q: content words %v, want %v", tc.q, got, tc.want)
		}
	}
}

// contentWords are the words of a question the reader searches for.
func contentWords(question string) []string {
	var out []string
	for _, w := range parseQuestion(question, nil).words {
		if !w.stop {
			out = append(out, w.text)
		}
	}
	return out
}

// TestBookCue: a book the question names as where to look ("in
// Proverbs", "according to Hebrews", "the book of James", a speaker that
// is a book named for what it is) restricts the results to it and is not
// searched as a word; a cue that names no book, a name that is only an
// abbreviation the reference parser reads ("Levi"), a lower-case "in
// acts" and a book name that begins a longer name ("the Romans Road")
// are left as they are.
func TestBookCue(t *testing.T) {
	rp := ref.NewParser(ref.Options{})
	for _, tc := range []struct {
		q     string
		books []string
		words []string
	}{
		{"What is faith according to Hebrews?", []string{"Heb"}, []string{"faith"}},
		{"verses in Psalms about fear", []string{"Ps"}, []string{"fear"}},
		{"What does the book of James say about the tongue?", []string{"Jas"}, []string{"tongue"}},
		{"what chapter of Daniel has the fiery furnace", []string{"Dan"}, []string{"fiery", "furnace"}},
		{"What did Paul say in his letter to the Romans about the law?", []string{"Rom"}, []string{"law"}},
		{"where in Luke does Jesus say you cannot serve God and wealth", []string{"Luke"}, []string{"cannot", "serve", "god", "wealth"}},
		{"love in 1 John", []string{"1John"}, []string{"love"}},
		{"What does Proverbs say about friends?", []string{"Prov"}, []string{"friends"}},
		{"in the gospel of john, who is the word?", []string{"John"}, []string{"word"}},
		{"Psalms for anxiety", []string{"Ps"}, []string{"anxiety"}},
		{"Proverbs verses about money", []string{"Prov"}, []string{"money"}},
		// Groups of books.
		{"What do the Gospels say about prayer?", []string{"Matt", "Mark", "Luke", "John"}, []string{"prayer"}},
		{"verses in Paul's letters about grace", []string{"Rom", "1Cor", "2Cor", "Gal", "Eph", "Phil", "Col", "1Thess", "2Thess", "1Tim", "2Tim", "Titus", "Phlm"}, []string{"grace"}},
		{"Messiah in the minor prophets", []string{"Hos", "Joel", "Amos", "Obad", "Jonah", "Mic", "Nah", "Hab", "Zeph", "Hag", "Zech", "Mal"}, []string{"messiah"}},
		{"Where is the Great Commission found in the gospels?", []string{"Matt", "Mark", "Luke", "John"}, []string{"great", "commission"}},
		// Not a book.
		{"Why is Jesus a priest like Melchizedek instead of from Levi?", nil, []string{"jesus", "priest", "like", "melchizedek", "instead", "levi"}},
		{"acts of kindness in acts", nil, []string{"acts", "kindness", "acts"}},
		{"what verses are in the Romans Road", nil, []string{"romans", "road"}},
		{"what is the book of life", nil, []string{"book", "life"}},
		// A speaker named after a book: the person, whose name stays.
		{"Where does Ruth tell Naomi where you go I will go", nil, []string{"ruth", "naomi", "go", "go"}},
	} {
		q := parseQuestion(tc.q, rp)
		var words []string
		for _, w := range q.words {
			if !w.stop {
				words = append(words, w.text)
			}
		}
		if !slices.Equal(q.inBooks, tc.books) || !slices.Equal(words, tc.words) {
			t.Errorf("%q: books %v, words %v; want %v, %v", tc.q, q.inBooks, words, tc.books, tc.words)
		}
	}
}

// TestTranslationNamed: the translation a question names is read as its
// abbreviation (Ask quotes it when it is installed and no Bible was
// chosen), and is not searched.
func TestTranslationNamed(t *testing.T) {
	for _, tc := range []struct{ q, bible string }{
		{"verses about love KJV", "KJV"},
		{"What does the King James Bible say about tithing?", "KJV"},
		{"Where is the verse about love is patient in the New International Version?", "NIV"},
		{"scriptures on healing from the World English Bible", "WEB"},
		{"ESV verses about joy", "ESV"},
		{"verses about the spider's web", ""},
		{"what does the Bible say about love", ""},
	} {
		if got := parseQuestion(tc.q, nil).bible; got != tc.bible {
			t.Errorf("%q: translation %q, want %q", tc.q, got, tc.bible)
		}
	}
}
