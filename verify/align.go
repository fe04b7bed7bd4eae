package verify

import (
	"strings"
)

// Scores of one aligned word pair.
const (
	scoreExact   = 1.0  // the same term (after folding, modernising, stemming)
	scorePrefix  = 0.8  // spelling variants: one edit apart, or a long shared stem
	scoreDerived = 0.7  // one term a prefix of the other, of 5 letters or more: right/righteous, faith/faithful
	minAlignSize = 1    // at least one content word to compare
	maxQuoteToks = 400  // a quotation's content words compared at most
	maxPassToks  = 6000 // a passage's content words compared at most
)

// alignment is the result of aligning a quotation with a passage.
type alignment struct {
	sim      float64 // matched weight / quotation weight, in [0,1]
	matched  float64 // matched weight
	perVerse []float64
	first    int // first and last verse (index into the passage's verses) holding a matched word; -1 if none
	last     int
}

// passage is a run of consecutive verses of one Bible, as content terms.
type passage struct {
	bible    int
	from, to int // ordinals, inclusive
	toks     []uint32
	verse    []int32 // verse index (0-based from from) of each token
}

func (m *Model) passage(bi, from, to int) passage {
	b := m.bibles[bi]
	if from < 0 {
		from = 0
	}
	if to >= len(b.toks) {
		to = len(b.toks) - 1
	}
	p := passage{bible: bi, from: from, to: to}
	for o := from; o <= to && len(p.toks) < maxPassToks; o++ {
		for _, t := range b.toks[o] {
			p.toks = append(p.toks, t)
			p.verse = append(p.verse, int32(o-from))
		}
	}
	return p
}

// pairScore is how well a quotation word matches a passage term: 1 for the
// same term, the learned strength for a synonym, 0.8 for a spelling
// variant, else 0.
func (m *Model) pairScore(q qterm, t uint32) float64 {
	if q.known {
		if q.id == t {
			return scoreExact
		}
		if s, ok := m.syn[pairKey(q.id, t)]; ok {
			return float64(s)
		}
	}
	pt := m.terms[t]
	if spellingVariant(q.term, pt) {
		return scorePrefix
	}
	if derived(q.term, pt) {
		return scoreDerived
	}
	return 0
}

// spellingVariant: both terms long enough and one edit apart
// (sympathise/sympathize, honour/honor), or sharing a stem of 7 letters.
func spellingVariant(a, b string) bool {
	if len(a) < 5 || len(b) < 5 {
		return false
	}
	if a[0] != b[0] {
		return false
	}
	if len(a) >= 7 && len(b) >= 7 && a[:7] == b[:7] {
		return true
	}
	d := len(a) - len(b)
	if d < -1 || d > 1 {
		return false
	}
	return editOne(a, b)
}

// derived: one term is a prefix of the other, at least 5 letters long
// (faith/faithful, right/righteous, power/powerful).
func derived(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 5 && strings.HasPrefix(b, a)
}

// editOne: a and b differ by at most one substitution, insertion or deletion.
func editOne(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if i == len(a) {
		return true
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i:] == b[i+1:]
}

// align aligns the quotation's content words with the passage's in order
// (a weighted longest common subsequence: each quotation word matches at
// most one passage word, in order, scored by pairScore and weighted by the
// word's rarity), then adds, at half value, words matched out of order
// (translations reorder clauses). sim is the matched share of the
// quotation's weight.
func (m *Model) align(q []qterm, p passage) alignment {
	a := alignment{first: -1, last: -1}
	if len(q) > maxQuoteToks {
		q = q[:maxQuoteToks]
	}
	var total float64
	for _, w := range q {
		total += w.weight
	}
	if total == 0 || len(p.toks) == 0 {
		return a
	}
	// Distinct passage terms, and each quotation word's score against each.
	local := make(map[uint32]int, len(p.toks))
	var distinct []uint32
	pl := make([]int32, len(p.toks))
	for j, t := range p.toks {
		u, ok := local[t]
		if !ok {
			u = len(distinct)
			local[t] = u
			distinct = append(distinct, t)
		}
		pl[j] = int32(u)
	}
	nd := len(distinct)
	sc := make([]float32, len(q)*nd)
	best := make([]float64, len(q))
	for i, w := range q {
		for u, t := range distinct {
			s := m.pairScore(w, t)
			sc[i*nd+u] = float32(s * w.weight)
			if s > best[i] {
				best[i] = s
			}
		}
	}
	// Weighted LCS.
	n, mm := len(q), len(p.toks)
	dp := make([]float32, (n+1)*(mm+1))
	w := mm + 1
	for i := 1; i <= n; i++ {
		row := sc[(i-1)*nd : i*nd]
		for j := 1; j <= mm; j++ {
			v := dp[(i-1)*w+j]
			if x := dp[i*w+j-1]; x > v {
				v = x
			}
			if s := row[pl[j-1]]; s > 0 {
				if x := dp[(i-1)*w+j-1] + s; x > v {
					v = x
				}
			}
			dp[i*w+j] = v
		}
	}
	// Backtrack: which passage words (verses) were matched, and which
	// quotation words.
	a.perVerse = make([]float64, p.to-p.from+1)
	inOrder := make([]bool, n)
	for i, j := n, mm; i > 0 && j > 0; {
		s := sc[(i-1)*nd+int(pl[j-1])]
		switch {
		case s > 0 && dp[i*w+j] == dp[(i-1)*w+j-1]+s:
			inOrder[i-1] = true
			a.perVerse[p.verse[j-1]] += float64(s)
			i--
			j--
		case dp[i*w+j] == dp[(i-1)*w+j]:
			i--
		default:
			j--
		}
	}
	matched := float64(dp[n*w+mm])
	for i := range q {
		if !inOrder[i] && best[i] > 0 {
			matched += outOfOrder * best[i] * q[i].weight
		}
	}
	a.matched = matched
	a.sim = matched / total
	if a.sim > 1 {
		a.sim = 1
	}
	for v, x := range a.perVerse {
		if x > 0 {
			if a.first < 0 {
				a.first = v
			}
			a.last = v
		}
	}
	return a
}

// core trims the matched verses to those holding most of the match: verses
// at either end holding less than 10% of the matched weight are dropped.
func (a alignment) core() (int, int) {
	if a.first < 0 {
		return -1, -1
	}
	var tot float64
	for _, x := range a.perVerse {
		tot += x
	}
	f, l := a.first, a.last
	for f < l && a.perVerse[f] < 0.1*tot {
		f++
	}
	for l > f && a.perVerse[l] < 0.1*tot {
		l--
	}
	return f, l
}

// normalizeQuote removes quotation marks and brackets inside a quotation.
func normalizeQuote(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case '"', '\u201C', '\u201D', '\u2018', '[', ']':
			return ' '
		}
		return r
	}, s)
}

// outOfOrder is the share of its value a word matched out of order adds.
const outOfOrder = 0.5
