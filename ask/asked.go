package ask

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
)

// Questions asked elsewhere: data/asked.tsv lists questions people ask
// about the Bible ("Is there a second chance to be saved after death?"),
// one row per public page that answers one, with the references the page
// gives as its answer, in its order, and the page's address. The
// question is written in the table's own words; the references are the
// page's. Like data/topics.tsv, the rows come only from sites of the
// training part of testdata/public.tsv (TestTablesOffTestSites).
//
// A question is matched to the table's questions by the cosine of their
// content words (the question reader's: frames and function words
// dropped; the table keeps each question's stems, TestAskedStemsCurrent),
// each word weighing its idf over the table's questions (a question word
// the table lacks weighs as its rarest). A question word matches a table
// word of its stem (credit 1) or, in part, one WordNet relates to it as a
// form of one root (the relation's weight, as for topic names: pageRel,
// "pray" and "prayer"); each question word counts once, by its best match
// in the row. The askedKeep most similar rows whose cosine reaches
// askedMinSim lend their references the feature "asked": mean question
// idf × Σ over those rows of cosine × the verse's place in the row (1 for
// its first reference falling to ½ for its last; within a range 1 for its
// first verse falling to ½ for its last, as pageVerses weighs a page).
// Where a topic names what a question is about, a similar question says
// what it asks: "Is there a second chance to be saved after you die?" is
// near "Can I just repent after I die, is there a second chance?" and
// "Will people get a second chance for salvation after death?", whose
// pages answer with Hebrews 9:27, which the question's words reach only
// through "die". Leave-site-out (site.go): a training question asked by
// the fit or the evaluation gets nothing from the rows of its own site
// (the words' idf still counts them: one site's rows barely move it).

//go:embed data/asked.tsv
var askedTSV string

// Matching constants, swept on the training part through Ask
// (leave-site-out): askedMinSim 0.3 / 0.35 / 0.4 / 0.45 / 0.5 gave MRR
// 0.596 / 0.599 / 0.604 / 0.600 / 0.592, askedKeep 5 / 8 / 12 gave 0.595 /
// 0.599 / 0.599 (at 0.35); docs/ask.md.
const (
	askedMinSim = 0.4 // the cosine a row needs to lend its references
	askedKeep   = 8   // rows kept per question, most similar first
)

// askedRow is one row of the table: a question's content stems (distinct)
// and the references its page gives.
type askedRow struct {
	question string
	stems    []string
	norm     float64 // √Σ idf² of stems
	refs     []string
	addr     string
	site     string
}

// askedTable is the table with its words' idf and which rows use each.
type askedTable struct {
	rows  []askedRow
	idf   map[string]float64
	maxID float64
	use   map[string][]int32 // stem -> rows using it
	vocab []string           // the stems, sorted
	// Each row's site, read from its address on first use: only
	// leave-site-out needs them.
	siteOnce sync.Once
}

// sites sets each row's site.
func (t *askedTable) sites() {
	t.siteOnce.Do(func() {
		for i := range t.rows {
			t.rows[i].site = siteOf(t.rows[i].addr)
		}
	})
}

var askedQuestions = sync.OnceValue(func() *askedTable { return readAsked(askedTSV) })

// readAsked reads a table of questions, references, addresses and, when
// the header names it, the question's content stems (space-separated, as
// countedStems reads the question: TestAskedStemsCurrent keeps the column
// current, so a new process does not read 3,000 questions to answer
// one).
func readAsked(tsv string) *askedTable {
	t := &askedTable{idf: map[string]float64{}, use: map[string][]int32{}}
	tsvRows(tsv, 3, "stems", func(f []string, col int) {
		var st []string
		if col >= 0 && col < len(f) {
			st = strings.Fields(f[col])
		} else {
			st = countedStems(f[0])
		}
		if len(st) == 0 {
			return
		}
		r := askedRow{question: f[0], stems: st, refs: strings.Split(f[1], ","), addr: f[2]}
		for _, s := range st {
			t.use[s] = append(t.use[s], int32(len(t.rows)))
		}
		t.rows = append(t.rows, r)
	})
	n := float64(len(t.rows))
	for s, rs := range t.use {
		t.idf[s] = math.Log(1 + n/float64(len(rs)))
		t.maxID = math.Max(t.maxID, t.idf[s])
		t.vocab = append(t.vocab, s)
	}
	sort.Strings(t.vocab)
	for i := range t.rows {
		var s float64
		for _, st := range t.rows[i].stems {
			s += t.idf[st] * t.idf[st]
		}
		t.rows[i].norm = math.Sqrt(s)
	}
	return t
}

// askedMatch is a row of the table similar to the question.
type askedMatch struct {
	row int
	sim float64
}

// similar returns the rows most similar to the question (at most
// askedKeep, cosine ≥ askedMinSim), leaving out the rows of site skip.
func (t *askedTable) similar(q *question, rel func(qStem, nStem string) float64, skip string) []askedMatch {
	if t == nil || len(t.rows) == 0 {
		return nil
	}
	// The question's distinct content stems and their weights: a word the
	// table never saw weighs as its rarest word.
	var qs []string
	for _, w := range q.words {
		if !w.stop && !slices.Contains(qs, w.stem) {
			qs = append(qs, w.stem)
		}
	}
	var qnorm float64
	qw := make([]float64, len(qs))
	for i, s := range qs {
		x, ok := t.idf[s]
		if !ok {
			x = t.maxID
		}
		qw[i] = x
		qnorm += x * x
	}
	if qnorm == 0 {
		return nil
	}
	qnorm = math.Sqrt(qnorm)
	// Each table stem's credit for each question word: 1 for its stem, a
	// WordNet relation's weight between forms of one root ("pray",
	// "prayer"). Not analysis.RelatedStems: its letter rule relates
	// "anger" to "angel" and "heavi" to "heaven".
	type pair struct {
		qi int
		c  float64
	}
	credit := map[string][]pair{}
	for _, v := range t.vocab {
		for qi, s := range qs {
			c := 0.0
			switch {
			case s == v:
				c = 1
			case rel != nil:
				c = min(1, rel(s, v))
			}
			if c > 0 {
				credit[v] = append(credit[v], pair{qi, c})
			}
		}
	}
	// A row's dot product with the question: each question word counts
	// once, by its best match among the row's words.
	best := map[int32][]float64{}
	for v, ps := range credit {
		x := t.idf[v]
		for _, r := range t.use[v] {
			b := best[r]
			if b == nil {
				b = make([]float64, len(qs))
				best[r] = b
			}
			for _, p := range ps {
				b[p.qi] = math.Max(b[p.qi], p.c*x*qw[p.qi])
			}
		}
	}
	dot := map[int32]float64{}
	for r, b := range best {
		for _, x := range b {
			dot[r] += x
		}
	}
	if skip != "" {
		t.sites()
	}
	var out []askedMatch
	for r, d := range dot {
		row := &t.rows[r]
		if skip != "" && row.site == skip {
			continue
		}
		if sim := d / (qnorm * row.norm); sim >= askedMinSim {
			out = append(out, askedMatch{int(r), sim})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].sim != out[j].sim {
			return out[i].sim > out[j].sim
		}
		return out[i].row < out[j].row
	})
	if len(out) > askedKeep {
		out = out[:askedKeep]
	}
	return out
}

// asked sets the asked feature from the rows of table t similar to the
// question.
func (s *scored) asked(t *askedTable, q *question, meanIDF float64, rel func(string, string) float64) {
	for _, m := range t.similar(q, rel, q.leave.site) {
		row := &t.rows[m.row]
		for _, vw := range pageVerses(&namedPassage{rows: [][]string{row.refs}}) {
			s.vector(vw.k).Add(FAsked, meanIDF*m.sim*vw.x)
			if _, ok := s.askedOf[vw.k]; !ok {
				s.askedOf[vw.k] = row.question
			}
		}
	}
}

// askedTable returns the table of questions asked elsewhere: data/asked.tsv
// unless the Asker was given another.
func (a *Asker) askedTable() *askedTable {
	if a.askedTab != nil {
		return a.askedTab
	}
	return askedQuestions()
}
