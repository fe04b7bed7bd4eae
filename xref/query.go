package xref

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
)

// query is one look-up: the source passage lo..hi and the caches of the
// verses and words it compares.
type query struct {
	f       *Finder
	lo, hi  int
	src     []seq // the source passage per wording Bible
	toks    map[[2]int]seq
	stems   map[string]string
	df      map[[2]string]int
	runs    map[[2]int]bool
	strongs map[[2]int][]string
	// parallelChecks counts the passages compared verse by verse.
	parallelChecks int
}

func (f *Finder) newQuery(lo, hi int) *query {
	q := &query{f: f, lo: lo, hi: hi, toks: map[[2]int]seq{}, stems: map[string]string{}, df: map[[2]string]int{}, runs: map[[2]int]bool{}, strongs: map[[2]int][]string{}}
	for bi := range f.words {
		q.src = append(q.src, q.passage(bi, lo, hi))
	}
	return q
}

// verse is the content words of KJV ordinal ord in wording Bible bi.
func (q *query) verse(bi, ord int) seq {
	key := [2]int{bi, ord}
	if s, ok := q.toks[key]; ok {
		return s
	}
	var s seq
	x := q.f.words[bi]
	if d := x.doc(ord); d >= 0 {
		for _, w := range index.Words(x.b.Text(d)) {
			st, ok := q.stems[w]
			if !ok {
				st = index.StemTerm(w)
				q.stems[w] = st
			}
			if q.f.stop[st] {
				continue
			}
			s.stems = append(s.stems, st)
			s.words = append(s.words, w)
		}
	}
	q.toks[key] = s
	return s
}

func (q *query) passage(bi, lo, hi int) seq {
	var s seq
	for k := lo; k <= hi; k++ {
		v := q.verse(bi, k)
		s.stems = append(s.stems, v.stems...)
		s.words = append(s.words, v.words...)
	}
	return s
}

// docFreq is the number of verses of wording Bible bi with stem st.
func (q *query) docFreq(bi int, st string) int {
	key := [2]string{q.f.words[bi].b.Name(), st}
	if n, ok := q.df[key]; ok {
		return n
	}
	n := q.f.words[bi].b.Stem(st).Len()
	q.df[key] = n
	return n
}

// cand is a passage to judge: a target of the open data (a verse or a
// range), a verse pointing at the source, or a verse sharing rare words.
type cand struct {
	lo, hi  int
	votes   int  // votes of the data's pairs, both directions
	wording bool // found by shared rare words
}

// candidates gathers the passages to judge.
func (q *query) candidates() []*cand {
	ix := q.f.ix
	byRange := map[[2]int]*cand{}
	var list []*cand
	inSource := func(a, b int) bool { return a <= q.hi && b >= q.lo }
	for k := q.lo; k <= q.hi; k++ {
		for _, c := range ix.CrossRefsFrom(k) {
			if inSource(c.Lo, c.Hi) {
				continue
			}
			key := [2]int{c.Lo, c.Hi}
			if x := byRange[key]; x != nil {
				x.votes += c.Votes
				continue
			}
			x := &cand{lo: c.Lo, hi: c.Hi, votes: c.Votes}
			byRange[key] = x
			list = append(list, x)
		}
	}
	// A verse pointing here supports a range of ours that holds it.
	holder := func(v int) *cand {
		if x := byRange[[2]int{v, v}]; x != nil {
			return x
		}
		for _, x := range list {
			if x.lo <= v && v <= x.hi {
				return x
			}
		}
		return nil
	}
	for k := q.lo; k <= q.hi; k++ {
		for _, c := range ix.CrossRefsTo(k) {
			if inSource(c.Lo, c.Lo) {
				continue
			}
			if x := holder(c.Lo); x != nil {
				x.votes += c.Votes
				continue
			}
			x := &cand{lo: c.Lo, hi: c.Lo, votes: c.Votes}
			byRange[[2]int{c.Lo, c.Lo}] = x
			list = append(list, x)
		}
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].votes > list[j].votes })
	if len(list) > maxCands {
		list = list[:maxCands]
	}
	for _, v := range q.wordingCands() {
		if inSource(v, v) {
			continue
		}
		if x := holder(v); x != nil {
			x.wording = true
			continue
		}
		x := &cand{lo: v, hi: v, wording: true}
		byRange[[2]int{v, v}] = x
		list = append(list, x)
	}
	return list
}

// wordingCands are the verses sharing at least rareShared of the source's
// rare words (in at most rareDF verses) in some wording Bible: quotations
// and parallels the open data lacks.
func (q *query) wordingCands() []int {
	seen := map[int]bool{}
	var out []int
	for bi, x := range q.f.words {
		type rare struct {
			st string
			df int
		}
		var rs []rare
		dup := map[string]bool{}
		for _, st := range q.src[bi].stems {
			if dup[st] {
				continue
			}
			dup[st] = true
			if n := q.docFreq(bi, st); n > 0 && n <= rareDF {
				rs = append(rs, rare{st, n})
			}
		}
		if len(rs) < rareShared {
			continue
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i].df < rs[j].df })
		rs = rs[:min(len(rs), 40)]
		count := map[uint32]int{}
		for _, r := range rs {
			p := x.b.Stem(r.st)
			for i := 0; i < p.Len(); i++ {
				count[p.Doc(i)]++
			}
		}
		for d, n := range count {
			if n < rareShared {
				continue
			}
			if o := x.ord(int(d)); o >= 0 && !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	sort.Ints(out)
	if len(out) > 60 {
		out = out[:60]
	}
	return out
}

// wordingOf is the best wording evidence between the source and verse t:
// the longest run of content words over the wording Bibles, and the most
// distinctive words shared in one Bible.
type wording struct {
	run, distinct []string
	runBible      int
	distBible     int
}

func (q *query) wordingOf(src []seq, t int) wording {
	w := wording{runBible: -1, distBible: -1}
	for bi := range q.f.words {
		tv := q.verse(bi, t)
		if r := longestRun(src[bi], tv); len(r) > len(w.run) {
			w.run, w.runBible = r, bi
		}
		have := map[string]bool{}
		for _, st := range src[bi].stems {
			have[st] = true
		}
		var ds []string
		used := map[string]bool{}
		limit := q.f.words[bi].b.Docs() / distinctShare
		for i, st := range tv.stems {
			if have[st] && !used[st] && q.docFreq(bi, st) <= limit {
				used[st] = true
				ds = append(ds, tv.words[i])
			}
		}
		if len(ds) > len(w.distinct) {
			w.distinct, w.distBible = ds, bi
		}
	}
	return w
}

// sharedRun reports whether two verses share a run of formulaRun words
// with a distinctive one, in some wording Bible.
func (q *query) sharedRun(a, b int) bool {
	key := [2]int{a, b}
	if ok, seen := q.runs[key]; seen {
		return ok
	}
	ok := false
	for bi := range q.f.words {
		if r := longestRun(q.verse(bi, a), q.verse(bi, b)); len(r) >= formulaRun && q.distinctive(bi, r) {
			ok = true
			break
		}
	}
	q.runs[key] = ok
	return ok
}

// formulaNear finds an introductory formula in the New Testament verse ord
// or the verse before it, in wording Bible bi.
func (q *query) formulaNear(bi, ord int) string {
	x := q.f.words[bi]
	for _, k := range []int{ord, ord - 1} {
		if k < 0 || versekey.IsOT(k) {
			continue
		}
		if d := x.doc(k); d >= 0 {
			if f, ok := hasFormula(x.b.Text(d)); ok {
				return f
			}
		}
	}
	return ""
}

// distinctive reports whether a run holds a distinctive word (in at most
// 1/distinctShare of the verses): a run of common words ("son", "call",
// "name") is chance, even after a formula.
func (q *query) distinctive(bi int, words []string) bool { return q.distinctCount(bi, words) > 0 }

// distinctCount is the number of distinctive words among words.
func (q *query) distinctCount(bi int, words []string) int {
	limit := q.f.words[bi].b.Docs() / distinctShare
	n := 0
	for _, w := range words {
		if q.docFreq(bi, q.stems[w]) <= limit {
			n++
		}
	}
	return n
}

// voteFactor maps votes to [0, 1]: 1023 votes and more count fully.
func voteFactor(v int) float64 { return math.Min(1, math.Log2(1+float64(v))/10) }

// judge decides the kind of a candidate and its score, or drops it.
func (q *query) judge(c *cand, want func(string) bool) (Link, bool) {
	hi := min(c.hi, c.lo+maxSpan-1)
	srcOT := versekey.IsOT(q.lo)
	names := func(bi int) string { return q.f.words[bi].b.Name() }
	// Each verse of the target on its own: a quotation or an allusion is
	// of one verse.
	best, bestT := wording{runBible: -1, distBible: -1}, c.lo
	cross := false
	// The verses of a range target that share a run of words: a quotation
	// or allusion of a range (Ps 91:11-12) covers them.
	first, last := -1, -1
	for t := c.lo; t <= hi; t++ {
		if versekey.IsOT(t) == srcOT {
			continue
		}
		cross = true
		w := q.wordingOf(q.src, t)
		if len(w.run) > len(best.run) || len(w.run) == len(best.run) && len(w.distinct) > len(best.distinct) {
			best, bestT = w, t
		}
		if len(w.run) >= allusionWords && q.distinctive(w.runBible, w.run) {
			if first < 0 {
				first = t
			}
			last = t
		}
	}
	span := func() (int, int) {
		if first < 0 {
			return bestT, bestT
		}
		return min(first, bestT), max(last, bestT)
	}
	ev := Evidence{Votes: c.votes}
	if c.votes > 0 {
		ev.Source = "OpenBible.info cross-references"
	}
	vf := voteFactor(c.votes)
	if cross {
		// Across the testaments: quotation, allusion.
		// A run of 5 is a quotation however common its words ("love the
		// Lord thy God with all thine heart, and with all thy soul");
		// shorter ones need a distinctive word ("son ... call ... name"
		// is chance).
		if n := len(best.run); n >= formulaRun && want(Quotation) && (n > quoteRun || q.distinctive(best.runBible, best.run)) {
			nt := bestT
			if !srcOT {
				nt = q.lo
			}
			formula := q.formulaNear(best.runBible, nt)
			if !srcOT && formula == "" {
				formula = q.formulaNear(best.runBible, q.hi)
			}
			// Without a cross-reference between them, a longer run with
			// two distinctive words: lists ("east, west, north, south")
			// and stock phrases recur by chance.
			bare := c.votes == 0 && (n <= quoteRun || q.distinctCount(best.runBible, best.run) < 2)
			if (n >= quoteRun || formula != "") && !bare {
				ev.Words, ev.Bible, ev.Formula = best.run, names(best.runBible), formula
				ev.Source = joinSource(fmt.Sprintf("a run of %d content words in the %s", n, ev.Bible), ev.Source)
				why := fmt.Sprintf("shares %q (%s)", strings.Join(best.run, " "), ev.Bible)
				if formula != "" && n < quoteRun {
					why += fmt.Sprintf(" after %q", formula)
				}
				a, z := span()
				return Link{Kind: Quotation, Ord: a, End: z, Evidence: ev, Why: why,
					Score: 0.85 + 0.1*math.Min(1, float64(n-formulaRun)/5) + 0.05*vf}, true
			}
		}
		n := max(len(best.distinct), len(best.run))
		// A run of 2 distinctive words ("stripes ... healed"), or of 3 with
		// one ("God, my God ... forsaken").
		nd := 0
		if best.runBible >= 0 {
			nd = q.distinctCount(best.runBible, best.run)
		}
		runOK := len(best.run) >= allusionWords && nd >= allusionWords || len(best.run) >= formulaRun && nd >= 1
		if c.votes > 0 && (runOK || len(best.distinct) > allusionWords) && want(Allusion) {
			if !runOK || len(best.distinct) > len(best.run) {
				ev.Words, ev.Bible = best.distinct, names(best.distBible)
			} else {
				ev.Words, ev.Bible = best.run, names(best.runBible)
			}
			a, z := span()
			return Link{Kind: Allusion, Ord: a, End: z, Evidence: ev,
				Why:   fmt.Sprintf("shares %s (%s); %d votes", strings.Join(ev.Words, ", "), ev.Bible, c.votes),
				Score: 0.45 + 0.1*math.Min(1, float64(n-allusionWords)/4) + 0.15*vf}, true
		}
	} else if want(Parallel) {
		if l, ok := q.parallel(c, ev, vf); ok {
			return l, true
		}
	}
	if c.votes == 0 || !want(CrossReference) {
		return Link{}, false
	}
	return Link{Kind: CrossReference, Ord: c.lo, End: c.hi, Evidence: ev,
		Why: fmt.Sprintf("%d votes on OpenBible.info", c.votes), Score: 0.05 + 0.35*vf}, true
}

func joinSource(a, b string) string {
	if b == "" {
		return a
	}
	return a + "; " + b
}

// parallel checks whether a candidate in the source's testament, in
// another book, tells the same episode: its verse and the source verse
// share a run of at least allusionWords words, and at least windowEvery of
// the verses around one of them (window on each side) share a run of
// formulaRun words with a verse near the other (within reach: one account
// may skip verses the other tells, as Isaiah 36 skips 2 Kings 18:14-16).
// Shared runs over a passage, not one verse.
func (q *query) parallel(c *cand, ev Evidence, vf float64) (Link, bool) {
	hi := min(c.hi, c.lo+maxSpan-1)
	kjv := canon.KJV()
	around := func(a, b int) int {
		n := 0
		for d := -window; d <= window; d++ {
			if d == 0 {
				continue
			}
			for e := d - reach; e <= d+reach; e++ {
				if e != 0 && q.sharedRun(a+d, b+e) {
					n++
					break
				}
			}
		}
		return n
	}
	for t := c.lo; t <= hi; t++ {
		tb, _, _ := kjv.VerseAt(t)
		// The source verse sharing the longest run with t.
		s, w := -1, wording{}
		for k := q.lo; k <= min(q.hi, q.lo+maxSpan-1); k++ {
			if sb, _, _ := kjv.VerseAt(k); sb == tb {
				continue
			}
			if x := q.wordingOf(q.singles(k), t); s < 0 || len(x.run) > len(w.run) {
				s, w = k, x
			}
		}
		if s < 0 {
			continue
		}
		// The verse pair itself: a run of formulaRun words, or of
		// allusionWords with a cross-reference between them.
		if len(w.run) < formulaRun && (len(w.run) < allusionWords || c.votes == 0) {
			continue
		}
		if q.parallelChecks++; q.parallelChecks > maxParallelChecks {
			return Link{}, false
		}
		// Without a cross-reference between them, more evidence.
		need := windowEvery
		if c.votes == 0 {
			if len(w.run) < quoteRun {
				continue
			}
			need++
		}
		n := around(s, t)
		if n < need {
			n = max(n, around(t, s))
		}
		if n < need {
			continue
		}
		ev.Words, ev.Bible = w.run, q.f.words[w.runBible].b.Name()
		// The original words agree too (evidence only: the English
		// runs decide).
		if sr := q.strongRun(s, t); len(sr) >= strongRun {
			ev.Strongs = sr
		}
		ev.Source = joinSource(fmt.Sprintf("runs of %d+ content words in %d of the %d verses around it (%s)", formulaRun, n, 2*window, ev.Bible), ev.Source)
		return Link{Kind: Parallel, Ord: t, End: t, Evidence: ev,
			Why:   fmt.Sprintf("same episode: %d neighbouring verses share wording; shares %q", n, strings.Join(w.run, " ")),
			Score: 0.7 + 0.04*math.Min(1, float64(n-windowEvery)/4) + 0.08*math.Min(1, float64(len(w.run)-1)/8) + 0.03*vf}, true
	}
	return Link{}, false
}

// singles is one source verse as a per-Bible passage.
func (q *query) singles(s int) []seq {
	out := make([]seq, len(q.f.words))
	for bi := range q.f.words {
		out[bi] = q.verse(bi, s)
	}
	return out
}
