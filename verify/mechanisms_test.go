package verify

import (
	"context"
	"slices"
	"strings"
	"testing"

	"berean/ref"
)

// mechanismFixture is a small synthetic library (invented text, two
// "translations") for the polarity check, the choice among places that
// match a formula about equally, and the reliability of suggestions.
func mechanismFixture(t *testing.T) *Model {
	t.Helper()
	r := func(b string, c, v int) ref.Ref { return ref.Ref{Book: b, Chapter: c, Verse: v} }
	f := &fixture{
		names: []string{"OLD", "NEW"},
		verse: map[string]map[ref.Ref]Verse{
			"OLD": {
				r("Gen", 1, 1):  tagged("Then said the watchman/H1, Spare/H2 the weaver/H3, for he knoweth/H4 not what he doeth/H5."),
				r("Gen", 1, 2):  tagged("The shepherd/H6 counted/H7 his flock/H8 beside the river/H9."),
				r("Gen", 1, 3):  tagged("The potter/H10 shaped/H11 a jar/H12 of clay/H13 upon the wheel/H14, and the lamp/H15 of the house was kindled/H16, and it was not broken/H17."),
				r("Gen", 2, 1):  tagged("The orchard/H18 bare/H19 figs/H20 in abundance/H21."),
				r("Gen", 2, 2):  tagged("Peace/H22 and hope/H23 and joy/H24 and grace/H25 from the steward/H26 be upon the city/H27 and the valley/H28. Amen/H29."),
				r("Gen", 2, 3):  tagged("The weaver/H3 wove/H30 scarlet/H31 thread/H32 into the curtain/H33."),
				r("Exod", 1, 1): tagged("Peace/H22 and hope/H23 and mercy/H34 and joy/H24 and grace/H25 from the steward/H26 be upon the city/H27 and the valley/H28. Amen/H29."),
				r("Num", 1, 1):  tagged("Figs/H20 were counted/H7 by the watchman/H1 beside the river/H9."),
				r("Num", 2, 1):  tagged("Jars/H12 were counted/H7 by the watchman/H1 near the gate/H35."),
				r("Num", 3, 1):  tagged("The steward/H26 measured/H36 the barley/H37 at the threshing/H38 floor."),
				r("Gen", 3, 1):  tagged("Be valiant/H39 and of a good courage;/H40 be not afraid/H41."),
			},
			"NEW": {
				r("Gen", 1, 1):  tagged("The watchman/H1 said, Spare/H2 the weaver/H3, for he does not know/H4 what he is doing/H5."),
				r("Gen", 1, 2):  tagged("The shepherd/H6 counted/H7 his flock/H8 beside the river/H9."),
				r("Gen", 1, 3):  tagged("The potter/H10 shaped/H11 a jar/H12 of clay/H13 on the wheel/H14, and the lamp/H15 of the house was lit/H16, and it was not broken/H17."),
				r("Gen", 2, 1):  tagged("The orchard/H18 produced/H19 figs/H20 in abundance/H21."),
				r("Gen", 2, 2):  tagged("Peace/H22, hope/H23, joy/H24 and grace/H25 from the steward/H26 be on the city/H27 and the valley/H28. Amen/H29."),
				r("Gen", 2, 3):  tagged("The weaver/H3 wove/H30 scarlet/H31 thread/H32 into the curtain/H33."),
				r("Exod", 1, 1): tagged("Peace/H22, hope/H23, mercy/H34, joy/H24 and grace/H25 from the steward/H26 be on the city/H27 and the valley/H28. Amen/H29."),
				r("Num", 1, 1):  tagged("Figs/H20 were counted/H7 by the watchman/H1 beside the river/H9."),
				r("Num", 2, 1):  tagged("Jars/H12 were counted/H7 by the watchman/H1 near the gate/H35."),
				r("Num", 3, 1):  tagged("The steward/H26 measured/H36 the barley/H37 at the threshing/H38 floor."),
				r("Gen", 3, 1):  tagged("Be valiant/H39 and courageous./H40 Don't be afraid/H41."),
			},
		},
	}
	m, err := NewModel(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestMechanisms(t *testing.T) {
	m := mechanismFixture(t)
	cases := []struct {
		name, article, verdict, suggested string
	}{
		// Polarity: a negation left out or added changes what the verse
		// says; a negation rendered differently, or outside the quoted
		// words, does not.
		{"negation kept", `“Spare the weaver, for he does not know what he is doing” (Genesis 1:1).`, OK, ""},
		{"negation in the other wording", `“Spare the weaver, for he knoweth not what he doeth” (Genesis 1:1).`, OK, ""},
		{"negation contracted", `“Spare the weaver, for he doesn’t know what he is doing” (Genesis 1:1).`, OK, ""},
		{"negation left out", `“Spare the weaver, for he knows what he is doing” (Genesis 1:1).`, Paraphrase, ""},
		{"negation added", `“The shepherd never counted his flock beside the river” (Genesis 1:2).`, Paraphrase, ""},
		{"negation outside the quoted words", `“The potter shaped a jar of clay on the wheel” (Genesis 1:3).`, OK, ""},
		{"negation in the next clause", `“Be valiant and of a good courage” (Genesis 3:1).`, OK, ""},
		{"negation in the next sentence", `“Be valiant and courageous” (Genesis 3:1).`, OK, ""},
		{"negation outside, ellipsis", `“The potter shaped a jar ... and the lamp of the house was lit” (Genesis 1:3).`, OK, ""},
		// Connective phrases a modern translation adds are not compared.
		{"connectives", `“In the same way, for this reason, the orchard bare figs” (Genesis 2:1).`, OK, ""},
		// A formula found in several places: the one next to the cited
		// verse, unless another place is clearly better.
		{"formula: the neighbour", `“Peace, hope, mercy, joy and grace from the steward be on the city and the valley. Amen.” (Genesis 2:3)`, WrongReference, "Gen.2.2"},
		{"formula: a clearly better place", `“Peace, hope, mercy and grace from the steward be on the city and the valley. Amen.” (Numbers 3:1)`, WrongReference, "Exod.1.1"},
		// Suggestions need enough matched content: an invented saying
		// whose words are spread over two verses equally points at none.
		{"matched too little to place", `“The watchman counted figs and jars beside a lamp” (Genesis 2:3).`, QuoteNotFound, ""},
		{"matched enough to place", `“The figs were counted by the watchman beside the river” (Genesis 2:3).`, WrongReference, "Num.1.1"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Article(context.Background(), []byte(c.article), Deps{Model: m})
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Citations) != 1 {
				t.Fatalf("%d citations: %+v", len(rep.Citations), rep.Citations)
			}
			got := rep.Citations[0]
			if got.Verdict != c.verdict || got.Suggested != c.suggested {
				t.Errorf("%s %q (similarity %.2f, %s; suggested similarity %.2f), want %s %q", got.Verdict, got.Suggested, got.Similarity, got.Message, got.SuggestedSimilarity, c.verdict, c.suggested)
			}
		})
	}
}

func TestIsNegation(t *testing.T) {
	for w, want := range map[string]bool{
		"not": true, "Not": true, "never": true, "nothing": true, "nor": true, "don't": true, "doesn’t": true, "cannot": true, "lest": true,
		"know": false, "note": false, "nothingness": false, "without": false, "unless": false, "knot": false,
	} {
		if got := isNegation(w); got != want {
			t.Errorf("isNegation(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestPhraseWordsAreNotSynonyms: where both translations render a number
// with the same phrase of consecutive tagged words, the phrase's words are
// not paired with each other; renderings that differ still are.
func TestPhraseWordsAreNotSynonyms(t *testing.T) {
	g := func(v int) ref.Ref { return ref.Ref{Book: "Gen", Chapter: 1, Verse: v} }
	f := &fixture{
		names: []string{"OLD", "NEW"},
		verse: map[string]map[ref.Ref]Verse{
			"OLD": {
				g(1): tagged("The watchmen blew/H1 trumpets/H1 upon the hill/H2."),
				g(2): tagged("The priests blew/H1 trumpets/H1 before the city/H3."),
				g(3): tagged("The weaver ascended/H4 to the gate/H5."),
				g(4): tagged("The steward ascended/H4 to the house/H6."),
			},
			"NEW": {
				g(1): tagged("The watchmen blew/H1 trumpets/H1 on the hill/H2."),
				g(2): tagged("The priests blew/H1 trumpets/H1 before the city/H3."),
				g(3): tagged("The weaver climbed/H4 to the gate/H5."),
				g(4): tagged("The steward climbed/H4 to the house/H6."),
			},
		},
	}
	m, err := NewModel(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if got := m.Synonyms("blew"); slices.Contains(got, termOf("trumpets")) {
		t.Errorf("synonyms of blew: %v; trumpets is the other word of its phrase in both translations", got)
	}
	if got := m.Synonyms("ascended"); !slices.Contains(got, termOf("climbed")) {
		t.Errorf("synonyms of ascended: %v, want climbed", got)
	}
}

func TestConnectives(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // the words kept
	}{
		{"In the same way, faith by itself is dead", "faith by itself is dead"},
		{"the way they should go", "the way they should go"},
		{"after the order of Melchizedek", "after the order of Melchizedek"},
		{"in order that the world might be saved", "the world might be saved"},
		{"For this reason I kneel", "I kneel"},
	} {
		ws := splitWords(c.text)
		skip := connectives(ws)
		var kept []string
		for i, w := range ws {
			if !skip[i] {
				kept = append(kept, w)
			}
		}
		if got := strings.Join(kept, " "); got != c.want {
			t.Errorf("%q: kept %q, want %q", c.text, got, c.want)
		}
	}
}

// stubFinder proposes one verse, whatever the quotation.
type stubFinder struct{ r ref.Ref }

func (s stubFinder) FindQuote(context.Context, []string, int) ([]Candidate, error) {
	return []Candidate{{Bible: "OLD", Ref: s.r, Score: 1}}, nil
}

// TestWrongBookKeepsVerse: the same chapter and verse of the other books
// are searched even when the whole-Bible search does not propose them.
func TestWrongBookKeepsVerse(t *testing.T) {
	m := mechanismFixture(t)
	deps := Deps{Model: m, Finder: stubFinder{ref.Ref{Book: "Num", Chapter: 3, Verse: 1}}}
	rep, err := Article(context.Background(), []byte(`“The shepherd counted his flock beside the river” (Exodus 1:2).`), deps)
	if err != nil {
		t.Fatal(err)
	}
	if c := rep.Citations[0]; c.Verdict != WrongReference || c.Suggested != "Gen.1.2" {
		t.Errorf("%s %q (%s), want wrong_reference Gen.1.2", c.Verdict, c.Suggested, c.Message)
	}
}
