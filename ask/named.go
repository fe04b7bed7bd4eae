package ask

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"berean/analysis"
	"berean/index"
	"berean/internal/versekey"
	"berean/retrieval"
)

// Named passages: passages people know by a name the text does not use
// ("the prodigal son", "the Sermon on the Mount", "the Shema", "the Great
// Commission"). data/named.tsv lists them (name, OSIS references, kind,
// the page the name and references were taken from). A question names a
// passage when its content words cover the name's words: the name's
// function words are dropped, and a question word matches a name word by
// stem, by stem family (Related) or, for longer words, within a small
// edit distance (misspellings), in any order. The name's words weigh by
// their idf over the names, so generic words ("parable", "miracle") weigh
// little and the distinctive ones decide.

//go:embed data/named.tsv
var namedTSV string

type namedPassage struct {
	name  string
	refs  []string   // the passage (named.tsv) or the first row's references (topics.tsv)
	rows  [][]string // topics.tsv: each page's references, in the page's order
	addrs []string   // the source_url of each row ("" when none)
	sites []string   // siteOf each row's address (namedTable.siteSet)
	toks  []string   // distinct stems of the name's content words
	text  []string   // their folded forms
}

type namedTable struct {
	// minCov is the share of a name's idf mass a question must match to
	// name it.
	minCov float64
	ps     []namedPassage
	idf    map[string]float64 // stem -> idf over the names
	maxID  float64
	// The sites of the rows, and each row's, read from their addresses
	// on first use (siteSet): only leave-site-out needs them, and parsing
	// every address was a tenth of reading the table.
	sites    map[string]bool
	siteOnce sync.Once

	vecOnce sync.Once // the topics as verse vectors (feedback.go)
	vecs    *topicVecs
}

// Named-passage matching parameters: what counts as naming a passage
// (how much the feature weighs is fitted).
const (
	namedMinCov  = 0.7 // share of the name's idf mass the question must match
	namedVerses  = 60  // verses per reference, at most
	namedMaxKeep = 3   // names kept per question
)

var namedPassages = sync.OnceValue(func() *namedTable { return nameTable(namedTSV, namedMinCov) })

// nameTable reads a table of names (first column), references (second
// column, comma-separated OSIS) and, when the header names it, the
// source_url column; rows of the same name (case folded) are one entry
// with several rows. The names' words weigh by their idf over the
// entries.
func nameTable(tsv string, minCov float64) *namedTable {
	t := &namedTable{minCov: minCov}
	byName := map[string]int{}
	stems := map[string]string{} // a name word's stem, for the words many names share
	tsvRows(tsv, 2, "source_url", func(f []string, src int) {
		name := strings.TrimSpace(f[0])
		refs := strings.Split(f[1], ",")
		addr := ""
		if src >= 0 && src < len(f) {
			addr = f[src]
		}
		if j, ok := byName[strings.ToLower(name)]; ok {
			t.ps[j].rows = append(t.ps[j].rows, refs)
			t.ps[j].addrs = append(t.ps[j].addrs, addr)
			return
		}
		p := namedPassage{name: name, refs: refs, rows: [][]string{refs}, addrs: []string{addr}}
		seen := map[string]bool{}
		for _, w := range withDigits(index.Words(p.name)) {
			if isStop(w) || len(w) < 2 && !isDigits(w) {
				continue
			}
			st, ok := stems[w]
			if !ok {
				st = index.StemTerm(w)
				stems[w] = st
			}
			if !seen[st] {
				seen[st] = true
				p.toks = append(p.toks, st)
				p.text = append(p.text, w)
			}
		}
		if len(p.toks) > 0 {
			byName[strings.ToLower(name)] = len(t.ps)
			t.ps = append(t.ps, p)
		}
	})
	t.weigh()
	return t
}

// tsvRows calls row for each data row of a table whose first line is a
// header, with the index of the header's column col (-1 when it has
// none). A row with fewer than min fields, an empty first or second
// field, or a first field starting with '#' is skipped.
func tsvRows(tsv string, min int, col string, row func(f []string, col int)) {
	c := -1
	for i, line := range strings.Split(tsv, "\n") {
		f := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if i == 0 {
			c = slices.Index(f, col)
			continue
		}
		if len(f) < max(min, 2) || f[0] == "" || f[1] == "" || strings.HasPrefix(f[0], "#") {
			continue
		}
		row(f, c)
	}
}

// weigh sets the idf of the names' words over the entries.
func (t *namedTable) weigh() {
	t.idf, t.maxID = map[string]float64{}, 0
	df := map[string]int{}
	for _, p := range t.ps {
		for _, st := range p.toks {
			df[st]++
		}
	}
	n := float64(len(t.ps))
	for st, d := range df {
		t.idf[st] = math.Log(1 + n/float64(d))
		t.maxID = math.Max(t.maxID, t.idf[st])
	}
}

// siteSet returns the sites of the table's rows, setting each row's.
func (t *namedTable) siteSet() map[string]bool {
	t.siteOnce.Do(func() {
		t.sites = map[string]bool{}
		for i := range t.ps {
			p := &t.ps[i]
			p.sites = make([]string, len(p.addrs))
			for j, a := range p.addrs {
				p.sites[j] = siteOf(a)
				t.sites[p.sites[j]] = true
			}
		}
	})
	return t.sites
}

// without is the table without the rows from site (leave-site-out,
// site.go): the table had that site never been read, its entries' rows
// from other sites only, an entry left with none dropped, the names'
// idf counted again. It is t itself when site is "" or no row is from it.
func (t *namedTable) without(site string) *namedTable {
	if site == "" || !t.siteSet()[site] {
		return t
	}
	u := &namedTable{minCov: t.minCov, sites: map[string]bool{}}
	u.siteOnce.Do(func() {}) // its rows' sites are copied below
	for _, p := range t.ps {
		q := p
		q.rows, q.addrs, q.sites = nil, nil, nil
		for i, r := range p.rows {
			if p.sites[i] != site {
				q.rows = append(q.rows, r)
				q.addrs = append(q.addrs, p.addrs[i])
				q.sites = append(q.sites, p.sites[i])
				u.sites[p.sites[i]] = true
			}
		}
		if len(q.rows) == 0 {
			continue
		}
		q.refs = q.rows[0]
		u.ps = append(u.ps, q)
	}
	u.weigh()
	return u
}

// namedMatch is a named passage the question names.
type namedMatch struct {
	p   *namedPassage
	cov float64 // share of the name's idf mass matched
	got float64 // the idf mass matched (idf over the names)
}

// wordMatches reports whether a question word (folded form and stem)
// matches a name word: same stem, one family, or a misspelling. Only a
// word the Bibles do not have (known false) may be a misspelling: a word
// they have is itself ("heaven" is not a misspelt "leaven").
func wordMatches(qText, qStem, nText, nStem string, known bool) bool {
	if qStem == nStem || analysis.RelatedStems(qStem, nStem) {
		return true
	}
	if known {
		return false
	}
	d := 1
	switch {
	case len(nText) < 5:
		return false
	case len(nText) >= 9:
		d = 2
	}
	return analysis.EditDistance(qText, nText, d) <= d
}

// matchNamed finds the entries of table t the question's content words
// name; known tells whether the Bibles have a stem (such a word is no
// misspelling). rel, when not nil, gives partial credit in (0, 1] to a
// question word a thesaurus relates to a name word (its weight there):
// "anxious" covers half of "anxiety".
func matchNamed(t *namedTable, q *question, known func(stem string) bool, rel func(qStem, nStem string) float64) []namedMatch {
	var qs []word
	var isKnown []bool
	var texts []string
	for _, w := range q.words {
		texts = append(texts, w.text)
		if !w.stop {
			qs = append(qs, w)
			isKnown = append(isKnown, known != nil && known(w.stem))
		}
	}
	// A number in words is also its digits ("the five thousand" names the
	// Feeding of the 5000; the names' numbers are digits, withDigits).
	for _, n := range analysis.Numbers(texts) {
		if n.End-n.Start > 1 || texts[n.Start] != n.Digits() {
			qs = append(qs, word{text: n.Digits(), stem: n.Digits()})
			isKnown = append(isKnown, true)
		}
	}
	if len(qs) == 0 {
		return nil
	}
	var out []namedMatch
	for i := range t.ps {
		p := &t.ps[i]
		var mass, got float64
		distinct := 0
		for j, st := range p.toks {
			w := t.idf[st]
			mass += w
			credit := 0.0
			for qi, qw := range qs {
				if wordMatches(qw.text, qw.stem, p.text[j], st, isKnown[qi]) {
					credit = 1
					break
				}
				if rel != nil {
					credit = math.Max(credit, min(1, rel(qw.stem, st)))
				}
			}
			got += w * credit
			if credit >= 0.5 && w > t.maxID/2 {
				distinct++
			}
		}
		if mass == 0 || distinct == 0 || got/mass < t.minCov {
			continue
		}
		out = append(out, namedMatch{p: p, cov: got / mass, got: got})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].cov != out[j].cov {
			return out[i].cov > out[j].cov
		}
		return len(out[i].p.toks) > len(out[j].p.toks)
	})
	if len(out) > namedMaxKeep {
		out = out[:namedMaxKeep]
	}
	return out
}

// named sets the named-passage feature: the verses of each passage of
// table t the question names get mass × coverage², the passage's first
// verses a little more than its last (the answer is where it starts),
// damped for long passages like topics.
func (s *scored) named(t *namedTable, q *question, mass float64, known func(string) bool) {
	for _, m := range matchNamed(t, q, known, nil) {
		vs := topicVerses(m.p.refs, namedVerses)
		if len(vs) == 0 {
			continue
		}
		size := 1 / math.Sqrt(1+float64(len(vs))/40)
		base := mass * m.cov * m.cov * size
		// Each reference's verses from its start.
		for _, r := range m.p.refs {
			lo, n := refSpan(r, namedVerses)
			for i := range n {
				k := int32(lo + i)
				v := base * (1 - 0.5*float64(i)/float64(n))
				if x := float32(v); x > s.vector(k)[FNamed] {
					s.vector(k)[FNamed] = x
					s.namedOf[k] = m.p.name
				}
			}
		}
	}
}

// NamedPassages are the passages of the table of named passages a question
// names, best first (package study: a topic that is a passage's name);
// leaveSource is Options.LeaveSource.
func (a *Asker) NamedPassages(question, leaveSource string) []retrieval.NamedPassage {
	a.init()
	q := a.parse(question)
	known := knownIn(a.maps)
	var out []retrieval.NamedPassage
	for _, m := range matchNamed(namedPassages().without(siteOf(leaveSource)), &q, known, nil) {
		np := retrieval.NamedPassage{Name: m.p.name, Coverage: m.cov}
		for _, r := range m.p.refs {
			if lo, hi, ok := versekey.Span(r); ok {
				np.Spans = append(np.Spans, [2]int{lo, hi})
			}
		}
		content, in := 0, 0
		for _, w := range q.words {
			if w.stop {
				continue
			}
			content++
			for j, st := range m.p.toks {
				if wordMatches(w.text, w.stem, m.p.text[j], st, known(w.stem)) {
					in++
					break
				}
			}
		}
		if content > 0 {
			np.TopicCover = float64(in) / float64(content)
		}
		out = append(out, np)
	}
	return out
}

// withDigits writes the numbers among words as digits, one word each
// ("The Ten Commandments" -> the 10 commandments, "Feeding of the Five
// Thousand" -> feeding of the 5000), so that a name's number matches a
// question's however either writes it (matchNamed reads the question's
// numbers as digits too).
func withDigits(words []string) []string {
	ns := analysis.Numbers(words)
	if len(ns) == 0 {
		return words
	}
	out := make([]string, 0, len(words))
	last := 0
	for _, n := range ns {
		out = append(out, words[last:n.Start]...)
		out = append(out, n.Digits())
		last = n.End
	}
	return append(out, words[last:]...)
}

func isDigits(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}
