package ask

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"berean/internal/devcorpus"
)

// TestAskedSimilar pins the asked feature on a table of two questions,
// computed by hand: the words' idf over the table is ln(1 + 2/df), so
// gambl, ticket and win weigh ln 3 and lotteri (in both rows) ln 2.
func TestAskedSimilar(t *testing.T) {
	tab := readAsked("question\trefs\tsource_url\n" +
		"What does the Bible say about gambling and lottery tickets?\tProv.13.11,Luke.16.19-Luke.16.20\thttps://www.a.example/gambling\n" +
		"Lottery winnings\tEccl.5.10\thttps://b.example/lottery\n" +
		"\tGen.1.1\thttps://c.example/empty\n")
	if len(tab.rows) != 2 {
		t.Fatalf("%d rows, want 2 (a row without a question is skipped)", len(tab.rows))
	}
	ln2, ln3 := math.Log(2), math.Log(3)
	// The other row shares lotteri only: ln²2 / (√(2 ln²3 + ln²2) √(ln²2 + ln²3)) = 0.217,
	// under askedMinSim.
	if cross := ln2 * ln2 / (math.Sqrt(2*ln3*ln3+ln2*ln2) * math.Sqrt(ln2*ln2+ln3*ln3)); cross >= askedMinSim {
		t.Fatalf("the test's premise: cross similarity %.3f must be under askedMinSim", cross)
	}
	for _, tc := range []struct {
		question, skip string
		want           map[string]float64 // OSIS -> feature value at mean idf 2
	}{
		// Its own question: cosine 1; the first reference weighs 1, the
		// second ¾, and within it the second verse ¾ of that.
		{"Is gambling on lottery tickets wrong?", "", map[string]float64{"Prov.13.11": 2, "Luke.16.19": 1.5, "Luke.16.20": 1.125, "Eccl.5.10": 0}},
		{"lottery winnings", "", map[string]float64{"Eccl.5.10": 2, "Prov.13.11": 0}},
		// Leave-site-out: nothing from the row's own site.
		{"Is gambling on lottery tickets wrong?", "a.example", map[string]float64{"Prov.13.11": 0, "Eccl.5.10": 0}},
	} {
		q := parseQuestion(tc.question, nil)
		q.leave.site = tc.skip
		s := newScored(nil, nil)
		s.asked(tab, &q, 2, nil)
		for osis, want := range tc.want {
			k := keyOf(t, osis)
			got := 0.0
			if v := s.fv[k]; v != nil {
				got = v.Get(FAsked)
			}
			if math.Abs(got-want) > 1e-5 {
				t.Errorf("%q (skip %q): %s asked %.4f, want %.4f", tc.question, tc.skip, osis, got, want)
			}
			if want > 0 && s.askedOf[k] == "" {
				t.Errorf("%q: %s has no similar question as its evidence", tc.question, osis)
			}
		}
	}
}

// TestAskedRelated: a question word of another form of a table word's root
// counts in part by the relation's weight (pageRel); spelling alone
// relates nothing ("anger" is no form of "angel", analysis.RelatedStems
// would say it is).
func TestAskedRelated(t *testing.T) {
	tab := readAsked("question\trefs\tsource_url\n" +
		"How do I overcome anxiety?\tPhil.4.6\thttps://a.example/1\n" +
		"Where is the sermon on the mount?\tMatt.5.1\thttps://a.example/2\n" +
		"What are angels?\tHeb.1.14\thttps://a.example/3\n")
	if got := tab.similar(new(parseQuestion("What does the Bible say about anger?", nil)), nil, ""); len(got) != 0 {
		t.Errorf("anger matched %+v, want nothing", got)
	}
	q := parseQuestion("Why am I so anxious?", nil)
	if got := tab.similar(&q, nil, ""); len(got) != 0 {
		t.Fatalf("without relations, anxious must not match anxiety: %+v", got)
	}
	rel := func(a, b string) float64 {
		if a == "anxious" && b == "anxieti" {
			return 0.7
		}
		return 0
	}
	got := tab.similar(&q, rel, "")
	if len(got) != 1 || got[0].row != 0 {
		t.Fatalf("with anxious ~ anxiety 0.7: %+v, want row 0", got)
	}
	// The rows use distinct words: idf ln 4 each. The question's one word
	// the table lacks weighs as the rarest (ln 4): 0.7 ln²4 / (ln 4 · √2 ln 4).
	if want := 0.7 / math.Sqrt2; math.Abs(got[0].sim-want) > 1e-9 {
		t.Errorf("similarity %.4f, want %.4f", got[0].sim, want)
	}
}

// TestAskedStemsCurrent keeps data/asked.tsv's stems column what
// countedStems reads in each question now (BEREAN_UPDATE_RANKS=1 rewrites
// the column; no module needed).
func TestAskedStemsCurrent(t *testing.T) {
	lines := strings.Split(strings.TrimRight(askedTSV, "\n"), "\n")
	var b strings.Builder
	for i, line := range lines {
		f := strings.Split(line, "\t")
		if i == 0 {
			b.WriteString("question\trefs\tsource_url\tstems\n")
			continue
		}
		if len(f) < 3 {
			t.Fatalf("data/asked.tsv line %d: %d columns", i+1, len(f))
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", f[0], f[1], f[2], strings.Join(countedStems(f[0]), " "))
	}
	devcorpus.Outcomes(t, "data/asked.tsv", b.String(), "asked questions' stems")
}

// TestAskedEvidence: a verse the asked feature lends says so in its Why
// and its evidence, naming the similar question.
func TestAskedEvidence(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	a.askedTab = readAsked("question\trefs\tsource_url\n" +
		"How do I stop worrying about tomorrow?\tMatt.6.34\thttps://a.example/worry\n")
	a.w[FAsked] = 1
	res, err := a.Ask(context.Background(), "What should I do when I keep worrying about tomorrow?", Options{Explain: true})
	if err != nil {
		t.Fatal(err)
	}
	const why = "pages answering a similar question ('How do I stop worrying about tomorrow?') cite it"
	for _, h := range res.Results {
		if h.OSIS != "Matt.6.34" {
			continue
		}
		if !slices.Contains(h.Why, why) {
			t.Errorf("Matt.6.34 why %q, want %q among them", h.Why, why)
		}
		for _, e := range h.Evidence {
			if e.Feature == "asked" && len(e.Children) == 1 && e.Children[0].Match == "How do I stop worrying about tomorrow?" {
				return
			}
		}
		t.Errorf("Matt.6.34 evidence %+v: no asked node naming the question", h.Evidence)
		return
	}
	t.Errorf("Matt.6.34 not among %+v", res.Results)
}
