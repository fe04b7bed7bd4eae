package ask

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"berean/internal/versekey"
)

type qa struct {
	id, question string
	expected     []string
	must         string
}

func readQA(t testing.TB, path string) []qa {
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no dev set: %v", err)
	}
	defer f.Close()
	var out []qa
	sc := bufio.NewScanner(f)
	head := true
	var cols []string
	for sc.Scan() {
		p := strings.Split(sc.Text(), "\t")
		if head {
			cols, head = p, false
			continue
		}
		m := map[string]string{}
		for i, c := range cols {
			if i < len(p) {
				m[c] = p[i]
			}
		}
		if m["question"] == "" {
			continue
		}
		out = append(out, qa{m["id"], m["question"], strings.Split(m["expected_refs"], ","), m["must_have_ref"]})
	}
	return out
}

// span is a KJV ordinal interval of an OSIS range.
func span(osis string) (int, int) {
	lo, hi, _ := versekey.Span(osis)
	return lo, hi
}

func overlaps(a, b string) bool {
	for _, x := range strings.Split(a, ",") {
		l1, h1 := span(x)
		l2, h2 := span(b)
		if !(h1 < l2 || h2 < l1) {
			return true
		}
	}
	return false
}

var update = flag.Bool("update", false, "rewrite golden files")

// judge is the outcome of one asked question, as score-ask judges it: the
// rank of the must-have reference (0: not in the results) and how many
// expected references the results have.
func judge(res *Result, must string, expected []string) Outcome {
	o := Outcome{Expected: len(expected)}
	for i, h := range res.Results {
		if overlaps(h.OSIS, must) {
			o.Rank = i + 1
			break
		}
	}
	for _, e := range expected {
		for _, h := range res.Results {
			if overlaps(h.OSIS, e) {
				o.Found++
				break
			}
		}
	}
	return o
}

// The regression sets' floors: TestEvalHeldout's, and the dev MRR (with
// Hebrews 7:25 first for d01) that the fit keeps.
type floor struct{ mrr, must3, recall float64 } // must3: share of the questions

const devFloor = 0.85

var (
	heldoutFloor   = floor{mrr: 0.85, must3: 0.9, recall: 0.7}
	narrativeFloor = floor{mrr: 0.7, must3: 0.85, recall: 0.85}
)

// fails reports whether figures fall under the floor.
func (f floor) fails(mrr, must3, recall float64) bool {
	return mrr < f.mrr || must3 < f.must3 || recall < f.recall
}

func (f floor) String() string {
	return fmt.Sprintf("floor MRR %g, must@3 %.0f%%, recall@10 %.0f%%", f.mrr, 100*f.must3, 100*f.recall)
}

// readHeldout reads testdata/heldout.tsv: its narrative questions (ids
// n..: episodes, parables, miracles and people) have floors of their own.
func readHeldout(t testing.TB) (held, narrative []qa) {
	for _, r := range readQA(t, "testdata/heldout.tsv") {
		if strings.HasPrefix(r.id, "n") {
			narrative = append(narrative, r)
		} else {
			held = append(held, r)
		}
	}
	return held, narrative
}

// evalRun asks every question of rows and returns the figures of
// score-ask (MRR, must-have in the top 3, recall@10) and a readable report.
func evalRun(t *testing.T, a *Asker, rows []qa) (mrr float64, must3 int, recall float64, report string) {
	var rr float64
	var hit, tot int
	var golden strings.Builder
	for _, r := range rows {
		res, err := a.Ask(context.Background(), r.question, Options{N: 10})
		if err != nil {
			t.Fatal(err)
		}
		o := judge(res, r.must, r.expected)
		rank, n := o.Rank, o.Found
		if rank > 0 {
			rr += 1 / float64(rank)
			if rank <= 3 {
				must3++
			}
		}
		hit += n
		tot += len(r.expected)
		fmt.Fprintf(&golden, "%s rank=%d expected=%d/%d %s\n", r.id, rank, n, len(r.expected), r.question)
		fmt.Fprintf(&golden, "  terms=%v topics=%v\n", res.Terms, res.Topics)
		for i, h := range res.Results {
			if i >= 5 {
				break
			}
			fmt.Fprintf(&golden, "  %d %-22s %6.2f %s\n", i+1, h.OSIS, h.Score, strings.Join(h.Why, "; "))
		}
	}
	n := float64(len(rows))
	mrr, recall = rr/n, float64(hit)/float64(tot)
	fmt.Fprintf(&golden, "ask: MRR=%.3f must@3=%d/%d recall@10=%.0f%% (%d questions)\n", mrr, must3, len(rows), 100*recall, len(rows))
	return mrr, must3, recall, golden.String()
}

// TestEvalHeldout runs questions written for this package, not tuned on
// (testdata/heldout.tsv: well-known verses on many subjects, asked in many
// ways, and questions naming a speaker), as a check that the ranking
// generalises beyond the dev set. The narrative questions (ids n..:
// episodes, parables, miracles and people, named as people name them)
// have floors of their own.
func TestEvalHeldout(t *testing.T) {
	ix := devIndex(t)
	rows, narrative := readHeldout(t)
	a := New(ix)
	mrr, must3, recall, report := evalRun(t, a, rows)
	t.Log("\n" + report)
	if heldoutFloor.fails(mrr, float64(must3)/float64(len(rows)), recall) {
		t.Errorf("held-out figures fell (%v):\n%s", heldoutFloor, report[strings.LastIndex(report, "ask:"):])
	}
	if len(narrative) == 0 {
		return
	}
	mrr, must3, recall, report = evalRun(t, a, narrative)
	t.Log("\n" + report)
	if narrativeFloor.fails(mrr, float64(must3)/float64(len(narrative)), recall) {
		t.Errorf("narrative figures fell (%v):\n%s", narrativeFloor, report[strings.LastIndex(report, "ask:"):])
	}
}

func TestEvalDev(t *testing.T) {
	ix := devIndex(t)
	rows := readQA(t, "../../shared/data/qa-dev.tsv")
	a := New(ix)
	mrr, must3, _, report := evalRun(t, a, rows)
	var golden strings.Builder
	golden.WriteString(report)
	summary := report[strings.LastIndex(report, "ask:"):]
	t.Log("\n" + golden.String())
	const path = "testdata/dev.golden"
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(path, []byte(golden.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(path); err == nil && string(want) != golden.String() {
		// The ranking changed: the diff of testdata/dev.golden after
		// -update shows how. It fails only when asked to (the index
		// changes with the installed modules and the analysis).
		msg := "ranking differs from " + path + " (go test ./ask -run TestEvalDev -update, then git diff)"
		if os.Getenv("BEREAN_GOLDEN") == "strict" {
			t.Error(msg)
		} else {
			t.Log(msg)
		}
	}
	if mrr < 0.8 || must3 < 13 {
		t.Errorf("below target (MRR 0.8, must@3 13): %s", summary)
	}
	if r := res0(t, a); r != "Heb.7.25" {
		t.Errorf("d01 first result %s, want Heb.7.25", r)
	}
}

func BenchmarkAsk(b *testing.B) {
	ix := devIndex(b)
	a := New(ix)
	qs := readQA(b, "../../shared/data/qa-dev.tsv")
	a.Ask(context.Background(), "warm up", Options{})
	took := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := qs[i%len(qs)]
		t0 := time.Now()
		if _, err := a.Ask(context.Background(), q.question, Options{}); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(t0))
	}
	// The target is on the median question (a few long questions weigh
	// on the mean).
	slices.Sort(took)
	b.ReportMetric(float64(took[len(took)/2])/1e6, "median-ms")
}

func res0(t *testing.T, a *Asker) string {
	res, err := a.Ask(context.Background(), "Where does the Bible say Jesus lives to make intercession for us?", Options{})
	if err != nil || len(res.Results) == 0 {
		t.Fatal(err)
	}
	return res.Results[0].OSIS
}
