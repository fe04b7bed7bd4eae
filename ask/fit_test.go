package ask

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"berean/internal/devcorpus"
	"berean/retrieval"
)

var (
	fitFlag   = flag.Bool("fit", false, "TestFit: fit the ranker's weights on the training part of testdata/public.tsv")
	fitWrite  = flag.Bool("write", false, "TestFit: write the fitted weights to data/weights.tsv")
	fitRounds = flag.Int("rounds", 2, "TestFit: rounds of asking and ascent")
	fitFolds  = flag.Int("folds", 5, "TestFit: folds of the cross-validation")
)

// readJudged reads an evaluation file (columns by header: id, question,
// expected_refs, must_have_ref, source_url, kind, part).
func readJudged(t testing.TB, path string) []Judged {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no evaluation set: %v", err)
	}
	defer f.Close()
	var out []Judged
	sc := bufio.NewScanner(f)
	var cols []string
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if cols == nil {
			cols = p
			continue
		}
		m := map[string]string{}
		for i, c := range cols {
			if i < len(p) {
				m[c] = strings.TrimSpace(p[i])
			}
		}
		if m["question"] == "" || m["must_have_ref"] == "" {
			continue
		}
		out = append(out, Judged{ID: m["id"], Question: m["question"], Kind: m["kind"], Part: m["part"],
			Expected: strings.Split(m["expected_refs"], ","), Must: m["must_have_ref"], Source: m["source_url"]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func part(js []Judged, name string) []Judged {
	var out []Judged
	for _, j := range js {
		if j.Part == name {
			out = append(out, j)
		}
	}
	return out
}

// startWeights are where the fit starts.
const startWeights = `exact 1
stem 0.85
family 0.7
strong 0.75
definition 0.45
wordnet 0.5
context 0.4
proximity 0.35
phrase 0.45
agreement 0.25
topic 0.12
line 1.5
popularity 0.15
votes 0.1
speaker 0.5
source 0.25
named 1
commentary 0.2
see 0.12
testament 0.5
cited 0.1
topicpop 0.05
pages 0.5
lexpop 0.1
feedback 1
asked 1`

// guardMargin is what the fit's guards add to the regression floors: the
// fit's judge and Ask differ by up to this much.
const guardMargin = 0.03

// TestFit fits the weights (go test ./ask -run TestFit -args -fit
// [-write]): it prints the cross-validation figures per kind (each fold
// fitted on the others, from the starting weights), the fitted weights and
// their figures on the whole training part.
func TestFit(t *testing.T) {
	if !*fitFlag {
		t.Skip("fitting runs with -args -fit")
	}
	rows := part(readJudged(t, "testdata/public.tsv"), "train")
	if len(rows) == 0 {
		t.Skip("no training questions in testdata/public.tsv")
	}
	a := New(devIndex(t))
	ctx := context.Background()
	// The fit starts from fixed weights (the hand-set values of the
	// earlier ranker, and small ones for the features it lacked), never
	// from weights already fitted on these questions: the cross-validation
	// would not be honest.
	w, err := retrieval.ParseWeights(startWeights)
	if err != nil {
		t.Fatal(err)
	}
	// Question frequency of words, from the training questions.
	var qs []string
	for _, r := range rows {
		qs = append(qs, r.Question)
	}
	qdf := CountQuestions(qs)
	a.qdf = &qdf
	// The dev questions are a regression check, not a target: a change of
	// weight that drops their MRR under 0.85 or Hebrews 7:25 from first
	// for d01 is refused. The fit's judge ranks the candidates of one
	// asking; Ask re-chooses each word's best match with the new weights
	// and joins ranges, which moved the dev MRR by up to 0.03 between the
	// two: the guard keeps that margin (guardMargin).
	judged := func(rs []qa) []Judged {
		var out []Judged
		for _, r := range rs {
			out = append(out, Judged{ID: r.id, Question: r.question, Expected: r.expected, Must: r.must})
		}
		return out
	}
	dev := judged(readQA(t, "../../shared/data/qa-dev.tsv"))
	heldRows, narrRows := readHeldout(t)
	held, narr := judged(heldRows), judged(narrRows)
	var report strings.Builder
	var good Weights
	kept := 0
	fmt.Fprintf(&report, "training questions: %d\n", len(rows))
	for r := 0; r < *fitRounds; r++ {
		es, err := a.Examples(ctx, rows, &w)
		if err != nil {
			t.Fatal(err)
		}
		var guards []func(*Weights) bool
		if len(dev) > 0 {
			des, err := a.Examples(ctx, dev, &w)
			if err != nil {
				t.Fatal(err)
			}
			guards = append(guards, Guard(des, devFloor+guardMargin))
		}
		// The held-out questions (testdata/heldout.tsv) are regression
		// checks too: TestEvalHeldout's floors, with the same margin.
		if len(held) > 0 {
			hes, err := a.Examples(ctx, held, &w)
			if err != nil {
				t.Fatal(err)
			}
			guards = append(guards, Floors(hes, heldoutFloor.mrr+guardMargin, heldoutFloor.must3, heldoutFloor.recall))
		}
		if len(narr) > 0 {
			nes, err := a.Examples(ctx, narr, &w)
			if err != nil {
				t.Fatal(err)
			}
			guards = append(guards, Floors(nes, narrativeFloor.mrr+guardMargin, narrativeFloor.must3+guardMargin, narrativeFloor.recall))
		}
		guard := AllOf(guards...)
		if !guard(&w) {
			t.Logf("the starting weights fail the regression guards: no guard")
			guard = nil
		}
		before := make([]Outcome, len(es))
		for i := range es {
			before[i] = es[i].Judge(&w)
		}
		fmt.Fprintf(&report, "round %d, weights before:\n%s", r+1, FormatKinds(ByKind(es, before)))
		if r == 0 {
			cv := CrossValidate(es, w, *fitFolds, nil, guard)
			fmt.Fprintf(&report, "%d-fold cross-validation (each fold fitted on the others):\n%s", *fitFolds, FormatKinds(ByKind(es, cv)))
		}
		w = Ascend(es, w, nil, guard)
		after := make([]Outcome, len(es))
		for i := range es {
			after[i] = es[i].Judge(&w)
		}
		fmt.Fprintf(&report, "round %d, fitted (on all training questions):\n%s", r+1, FormatKinds(ByKind(es, after)))
		// The guards judge the candidates of one asking; the floors are
		// checked again through Ask, and a round whose weights fail them
		// is not kept.
		if msg := realFloors(a, &w, dev, held, narr); msg != "" {
			fmt.Fprintf(&report, "round %d's weights fail the regression floors through Ask (%s): not kept\n", r+1, msg)
		} else {
			good, kept = w, r+1
		}
	}
	if kept == 0 {
		t.Log("\n" + report.String())
		t.Fatal("no round's weights keep the regression floors through Ask")
	}
	w = good
	fmt.Fprintf(&report, "weights (round %d):\n%s", kept, w.Format(""))
	t.Log("\n" + report.String())
	fmt.Println(report.String())
	if *fitWrite {
		comment := "Fitted on the training part of testdata/public.tsv by\ngo test ./ask -run TestFit -args -fit -write"
		if err := os.WriteFile("data/weights.tsv", []byte(w.Format(comment)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("data/qdf.tsv", []byte(qdf.Format(qdfComment)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// realFloors asks the regression questions with weights w and names the
// first floor they fall under ("" when none): the dev MRR 0.85 and
// Hebrews 7:25 first for d01, TestEvalHeldout's floors.
func realFloors(a *Asker, w *Weights, dev, held, narr []Judged) string {
	figs := func(js []Judged) (Figures, Outcome) {
		var f Figures
		var first Outcome
		for i, j := range js {
			o := judgeAsk(a, w, j)
			if i == 0 {
				first = o
			}
			f.Add(o)
		}
		return f.Done(), first
	}
	if len(dev) > 0 {
		f, first := figs(dev)
		if f.MRR < devFloor || first.Rank != 1 {
			return fmt.Sprintf("dev MRR %.3f, d01 rank %d", f.MRR, first.Rank)
		}
	}
	if len(held) > 0 {
		if f, _ := figs(held); heldoutFloor.fails(f.MRR, f.Must3, f.Recall) {
			return fmt.Sprintf("held-out MRR %.3f, must@3 %.0f%%, recall@10 %.0f%%", f.MRR, 100*f.Must3, 100*f.Recall)
		}
	}
	if len(narr) > 0 {
		if f, _ := figs(narr); narrativeFloor.fails(f.MRR, f.Must3, f.Recall) {
			return fmt.Sprintf("narrative MRR %.3f, must@3 %.0f%%, recall@10 %.0f%%", f.MRR, 100*f.Must3, 100*f.Recall)
		}
	}
	return ""
}

// judgeAsk is the outcome of one question through Ask with weights w (nil:
// the Asker's), judged as score-ask does, leaving out what the question
// leaves out (site.go).
func judgeAsk(a *Asker, w *Weights, r Judged) Outcome {
	res, err := a.ask(context.Background(), r.Question, r.leave(), Options{N: 10, Weights: w})
	if err != nil {
		return Outcome{Expected: len(r.Expected)}
	}
	return judge(res, r.Must, r.Expected)
}

// TestEvalPublic asks the questions of testdata/public.tsv and reports
// the figures per part and per kind. Each question's rank of its
// must-have verse is kept in testdata/public.ranks: a change fails the
// test unless BEREAN_UPDATE_RANKS=1 is set, which rewrites the file (then
// git diff shows what moved).
func TestEvalPublic(t *testing.T) {
	rows := readJudged(t, "testdata/public.tsv")
	if len(rows) == 0 {
		t.Skip("no questions in testdata/public.tsv")
	}
	a := New(devIndex(t))
	parts := map[string]map[string]Figures{}
	var ranks strings.Builder
	for _, r := range rows {
		o := askOutcome(t, a, r)
		fmt.Fprintf(&ranks, "%s\t%s\t%d\t%d/%d\n", r.ID, r.Part, o.Rank, o.Found, o.Expected)
		if parts[r.Part] == nil {
			parts[r.Part] = map[string]Figures{}
		}
		for _, k := range []string{"", r.Kind} {
			f := parts[r.Part][k]
			f.Add(o)
			parts[r.Part][k] = f
		}
	}
	var names []string
	for p := range parts {
		names = append(names, p)
	}
	sort.Strings(names)
	var report strings.Builder
	for _, p := range names {
		for k, f := range parts[p] {
			parts[p][k] = f.Done()
		}
		fmt.Fprintf(&report, "part %s:\n%s", p, FormatKinds(parts[p]))
	}
	t.Log("\n" + report.String())
	devcorpus.Outcomes(t, "testdata/public.ranks", ranks.String(), "ranks")
}

// askOutcome asks one question with the Asker's weights and judges its
// results as score-ask does.
func askOutcome(t testing.TB, a *Asker, r Judged) Outcome { return judgeAsk(a, nil, r) }

// qdfComment heads data/qdf.tsv.
const qdfComment = "Content-word stems of the training questions of testdata/public.tsv, by the\nnumber of questions using them (TestFit -write); see qweight.go."

// TestQuestionDFCurrent checks that data/qdf.tsv counts the training
// questions as the question reader reads them now: a change to the frames
// or the stop words changes which words a question counts, and the shipped
// counts must follow (BEREAN_UPDATE_RANKS=1 rewrites the file; no module
// needed).
func TestQuestionDFCurrent(t *testing.T) {
	rows := part(readJudged(t, "testdata/public.tsv"), "train")
	if len(rows) == 0 {
		t.Skip("no training questions in testdata/public.tsv")
	}
	var qs []string
	for _, r := range rows {
		qs = append(qs, r.Question)
	}
	q := CountQuestions(qs)
	devcorpus.Outcomes(t, "data/qdf.tsv", q.Format(qdfComment), "question counts")
}
