package ask

import (
	"slices"
	"testing"
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
		{"Does the Bible mention dinosaurs?", []string{"dinosaurs"}},
		{"Does scripture say anything about cremation?", []string{"cremation"}},
		{"What is the biblical view of marriage?", []string{"marriage"}},
		{"What is the Christian perspective on suicide?", []string{"suicide"}},
		{"According to scripture, what happens when we die?", []string{"happens", "die"}},
		{"How do I know God's will for my life?", []string{"know", "god", "will", "life"}},
		{"Thy will be done", []string{"will"}},
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
