package ref

// The reference grammar: a parsing-expression grammar (ordered choice, no
// backtracking into a choice that succeeded) over the prepared text of one
// passage. doc.go lists the rules. Results are memoised per (rule, position),
// so the parse is linear in the length of the passage.

type nodeType uint8

const (
	nNone nodeType = iota
	nB
	nBC
	nBCTitle
	nBCV
	nBV
	nC
	nCBRange
	nCPsalm
	nCTitle
	nCV
	nCVPsalm
	nFF
	nInteger
	nIntegerTitle
	nRange
	nSequence
	nSequencePostEnclosed
	nStop
	nTitle
	nTranslation
	nTranslationSequence
	nV
	nWord
)

var nodeNames = [...]string{"none", "b", "bc", "bc_title", "bcv", "bv", "c", "cb_range", "c_psalm", "c_title", "cv",
	"cv_psalm", "ff", "integer", "integer_title", "range", "sequence", "sequence_post_enclosed", "stop", "title",
	"translation", "translation_sequence", "v", "word"}

func (t nodeType) String() string { return nodeNames[t] }

// node is one grammar result. Nodes are never modified after parsing.
type node struct {
	typ  nodeType
	kids []*node
	val  int    // integer value; book or translation index
	part string // the letter after a verse number ("13a")
	s, e int    // span in the prepared text, end inclusive
	ctxC bool   // a sequence item introduced by "chapter"
}

type gres struct {
	n   *node
	end int
	ok  bool
}

type rule uint8

const (
	rB rule = iota
	rBC
	rBCComma
	rBCTitle
	rBCV
	rBCVWeak
	rBCVComma
	rBCVHyphenRange
	rBV
	rC
	rCB
	rCBRange
	rCBV
	rCBOrdinal
	rCBVOrdinal
	rCPsalm
	rCVPsalm
	rCTitle
	rCV
	rCVWeak
	rFF
	rIntegerTitle
	rV
	rInteger
	rRange
	rSequence
	rSequencePost
	rSequencePostEnclosed
	rTitle
	rTransSeqEnclosed
	rTransSeq
	rCount
)

type grammar struct {
	s     []rune
	books []bookHit
	base  int // offset of s in the prepared text
	memo  map[int]gres
}

func newGrammar(s []rune, books []bookHit, base int) *grammar {
	return &grammar{s: s, books: books, base: base, memo: make(map[int]gres)}
}

var fail = gres{}

func (g *grammar) memoize(r rule, i int, f func() gres) gres {
	key := i*int(rCount) + int(r)
	if res, ok := g.memo[key]; ok {
		return res
	}
	res := f()
	g.memo[key] = res
	return res
}

func (g *grammar) run(r rule, i int) gres {
	switch r {
	case rB:
		return g.b(i)
	case rBC:
		return g.memoize(r, i, func() gres { return g.bc(i) })
	case rBCComma:
		return g.memoize(r, i, func() gres { return g.bcComma(i) })
	case rBCTitle:
		return g.memoize(r, i, func() gres { return g.bcTitle(i) })
	case rBCV:
		return g.memoize(r, i, func() gres { return g.bcv(i) })
	case rBCVWeak:
		return g.memoize(r, i, func() gres { return g.bcvWeak(i) })
	case rBCVComma:
		return g.memoize(r, i, func() gres { return g.bcvComma(i) })
	case rBCVHyphenRange:
		return g.memoize(r, i, func() gres { return g.bcvHyphenRange(i) })
	case rBV:
		return g.memoize(r, i, func() gres { return g.bv(i) })
	case rC:
		return g.memoize(r, i, func() gres { return g.c(i) })
	case rCB:
		return g.memoize(r, i, func() gres { return g.cb(i) })
	case rCBRange:
		return g.memoize(r, i, func() gres { return g.cbRange(i) })
	case rCBV:
		return g.memoize(r, i, func() gres { return g.cbv(i) })
	case rCBOrdinal:
		return g.memoize(r, i, func() gres { return g.cbOrdinal(i) })
	case rCBVOrdinal:
		return g.memoize(r, i, func() gres { return g.cbvOrdinal(i) })
	case rCPsalm:
		return g.cPsalm(i)
	case rCVPsalm:
		return g.memoize(r, i, func() gres { return g.cvPsalm(i) })
	case rCTitle:
		return g.memoize(r, i, func() gres { return g.cTitle(i) })
	case rCV:
		return g.memoize(r, i, func() gres { return g.cv(i) })
	case rCVWeak:
		return g.memoize(r, i, func() gres { return g.cvWeak(i) })
	case rFF:
		return g.memoize(r, i, func() gres { return g.ff(i) })
	case rIntegerTitle:
		return g.memoize(r, i, func() gres { return g.integerTitle(i) })
	case rV:
		return g.memoize(r, i, func() gres { return g.v(i) })
	case rInteger:
		return g.memoize(r, i, func() gres { return g.integer(i) })
	case rRange:
		return g.memoize(r, i, func() gres { return g.rangeRule(i) })
	case rSequence:
		return g.memoize(r, i, func() gres { return g.sequence(i) })
	case rSequencePost:
		return g.memoize(r, i, func() gres { return g.sequencePost(i) })
	case rSequencePostEnclosed:
		return g.memoize(r, i, func() gres { return g.sequencePostEnclosed(i) })
	case rTitle:
		return g.memoize(r, i, func() gres { return g.title(i) })
	case rTransSeqEnclosed:
		return g.memoize(r, i, func() gres { return g.transSeqEnclosed(i) })
	case rTransSeq:
		return g.memoize(r, i, func() gres { return g.transSeq(i) })
	}
	return fail
}

// first returns the first rule of rs that matches at i.
func (g *grammar) first(i int, rs ...rule) gres {
	for _, r := range rs {
		if res := g.run(r, i); res.ok {
			return res
		}
	}
	return fail
}

// tok matches a separator or keyword at i.
func (g *grammar) tok(k tokKind, i int) (int, bool) { return matchTok(k, g.s, i) }

// optTok matches p if it can, else nothing.
func (g *grammar) optTok(k tokKind, i int) int {
	if j, ok := g.tok(k, i); ok {
		return j
	}
	return i
}

func (g *grammar) lit(r rune, i int) bool { return i < len(g.s) && g.s[i] == r }

func (g *grammar) mk(t nodeType, s, end int, kids ...*node) gres {
	return gres{n: &node{typ: t, kids: kids, s: g.base + s, e: g.base + end - 1}, end: end, ok: true}
}

// noPartial reports that a chapter node has no letter after its number.
func noPartial(c *node) bool { return c.kids[0].part == "" }

// chapterOf returns the c node of a bc node.
func chapterOf(bc *node) *node { return bc.kids[1] }

func (g *grammar) b(i int) gres {
	if i < len(g.s) && isBookMarker(g.s[i]) {
		res := g.mk(nB, i, i+1)
		res.n.val = int(g.s[i] - markerBase)
		return res
	}
	return fail
}

func (g *grammar) cPsalm(i int) gres {
	if i < len(g.s) && isBookMarker(g.s[i]) {
		idx := int(g.s[i] - markerBase)
		if g.books[idx].extra == 1 {
			res := g.mk(nCPsalm, i, i+1)
			res.n.val = idx
			return res
		}
	}
	return fail
}

func (g *grammar) bc(i int) gres {
	b := g.b(i)
	if !b.ok {
		return fail
	}
	j := b.end
	if k, ok := g.tok(kVExplicit, j); ok && g.run(rCV, k).ok {
		j = k
	} else if k, ok := g.tok(kCVSep, j); ok {
		j = k
	} else if k, ok := g.tok(kCVSepWeak, j); ok {
		j = k
	} else if k, ok := g.tok(kRange, j); ok {
		j = k
	} else {
		j = g.optTok(kSpace, j)
	}
	c := g.run(rC, j)
	if !c.ok {
		return fail
	}
	return g.mk(nBC, i, c.end, b.n, c.n)
}

func (g *grammar) bcComma(i int) gres {
	b := g.b(i)
	if !b.ok {
		return fail
	}
	j := g.optTok(kSpace, b.end)
	if !g.lit(',', j) {
		return fail
	}
	j = g.optTok(kSpace, j+1)
	c := g.run(rC, j)
	if !c.ok {
		return fail
	}
	return g.mk(nBC, i, c.end, b.n, c.n)
}

func (g *grammar) bcTitle(i int) gres {
	bc := g.run(rBC, i)
	if !bc.ok || !noPartial(chapterOf(bc.n)) {
		return fail
	}
	t := g.run(rTitle, bc.end)
	if !t.ok {
		return fail
	}
	return g.mk(nBCTitle, i, t.end, bc.n, t.n)
}

// cvSepNotV is !("." v_explicit v / sequence_sep? v_explicit cv) at i.
func (g *grammar) dotVerseAhead(i int, withCV bool) bool {
	if g.lit('.', i) {
		if k, ok := g.tok(kVExplicit, i+1); ok && g.run(rV, k).ok {
			return true
		}
	}
	if !withCV {
		return false
	}
	j := g.optTok(kSeqSep, i)
	if k, ok := g.tok(kVExplicit, j); ok && g.run(rCV, k).ok {
		return true
	}
	return false
}

func (g *grammar) bcv(i int) gres {
	bc := g.run(rBC, i)
	if !bc.ok {
		return fail
	}
	j := bc.end
	if g.dotVerseAhead(j, true) {
		return fail
	}
	k := j
	if x, ok := g.tok(kCVSep, j); ok {
		k = x
	} else if x, ok := g.tok(kSeqSep, j); ok {
		k = x
	}
	if x, ok := g.tok(kVExplicit, k); ok {
		j = x
	} else if x, ok := g.tok(kCVSep, j); ok {
		j = x
	} else {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nBCV, i, v.end, bc.n, v.n)
}

// cvAhead is (cv_sep v) at i.
func (g *grammar) cvAhead(i int) bool {
	if k, ok := g.tok(kCVSep, i); ok && g.run(rV, k).ok {
		return true
	}
	return false
}

func (g *grammar) bcvWeak(i int) gres {
	bc := g.run(rBC, i)
	if !bc.ok || !noPartial(chapterOf(bc.n)) {
		return fail
	}
	j, ok := g.tok(kCVSepWeak, bc.end)
	if !ok {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok || g.cvAhead(v.end) {
		return fail
	}
	return g.mk(nBCV, i, v.end, bc.n, v.n)
}

func (g *grammar) bcvComma(i int) gres {
	bc := g.run(rBCComma, i)
	if !bc.ok || !noPartial(chapterOf(bc.n)) {
		return fail
	}
	j := g.optTok(kSpace, bc.end)
	if !g.lit(',', j) {
		return fail
	}
	j = g.optTok(kSpace, j+1)
	v := g.run(rV, j)
	if !v.ok || g.cvAhead(v.end) {
		return fail
	}
	return g.mk(nBCV, i, v.end, bc.n, v.n)
}

func (g *grammar) bcvHyphenRange(i int) gres {
	b := g.b(i)
	if !b.ok {
		return fail
	}
	j := b.end
	if g.lit('-', j) {
		j++
	} else {
		j = g.optTok(kSpace, j)
	}
	c := g.run(rC, j)
	if !c.ok || !noPartial(c.n) || !g.lit('-', c.end) {
		return fail
	}
	v1 := g.run(rV, c.end+1)
	if !v1.ok || !g.lit('-', v1.end) {
		return fail
	}
	v2 := g.run(rV, v1.end+1)
	if !v2.ok {
		return fail
	}
	bc := &node{typ: nBC, kids: []*node{b.n, c.n}, s: b.n.s, e: c.n.e}
	bcv := &node{typ: nBCV, kids: []*node{bc, v1.n}, s: b.n.s, e: v1.n.e}
	return g.mk(nRange, i, v2.end, bcv, v2.n)
}

func (g *grammar) bv(i int) gres {
	b := g.b(i)
	if !b.ok {
		return fail
	}
	j := b.end
	if k, ok := g.tok(kCVSep, j); ok {
		j = k
	} else if k, ok := g.tok(kCVSepWeak, j); ok {
		j = k
	} else if k, ok := g.tok(kRange, j); ok {
		j = k
	} else if k, ok := g.tok(kSeqSep, j); ok && g.hasTok(kVExplicit, k) {
		j = k
	} else {
		j = g.optTok(kSpace, j)
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nBV, i, v.end, b.n, v.n)
}

func (g *grammar) hasTok(k tokKind, i int) bool {
	_, ok := g.tok(k, i)
	return ok
}

func (g *grammar) c(i int) gres {
	j := g.optTok(kCExplicit, i)
	n := g.run(rInteger, j)
	if !n.ok {
		return fail
	}
	return g.mk(nC, i, n.end, n.n)
}

func (g *grammar) v(i int) gres {
	j := g.optTok(kVExplicit, i)
	n := g.run(rInteger, j)
	if !n.ok {
		return fail
	}
	return g.mk(nV, i, n.end, n.n)
}

func (g *grammar) integer(i int) gres {
	v, j, ok := integerValue(g.s, i)
	if !ok {
		return fail
	}
	part := ""
	k := g.optTok(kSpace, j)
	if e, ok := g.tok(kAB, k); ok {
		part = string(g.s[k : k+1])
		j = e
	}
	res := g.mk(nInteger, i, j)
	res.n.val = v
	res.n.part = part
	return res
}

func (g *grammar) cb(i int) gres {
	j, ok := g.tok(kCExplicit, i)
	if !ok {
		return fail
	}
	c := g.run(rC, j)
	if !c.ok || !noPartial(c.n) {
		return fail
	}
	j = g.optTok(kInBookOf, c.end)
	b := g.b(j)
	if !b.ok {
		return fail
	}
	return g.mk(nBC, i, b.end, b.n, c.n)
}

func (g *grammar) cbRange(i int) gres {
	j, ok := g.tok(kCExplicit, i)
	if !ok {
		return fail
	}
	c1 := g.run(rC, j)
	if !c1.ok || !noPartial(c1.n) {
		return fail
	}
	j, ok = g.tok(kRange, c1.end)
	if !ok {
		return fail
	}
	c2 := g.run(rC, j)
	if !c2.ok {
		return fail
	}
	j = g.optTok(kInBookOf, c2.end)
	b := g.b(j)
	if !b.ok {
		return fail
	}
	return g.mk(nCBRange, i, b.end, b.n, c1.n, c2.n)
}

func (g *grammar) cbv(i int) gres {
	cb := g.run(rCB, i)
	if !cb.ok {
		return fail
	}
	j := g.optTok(kSeqSep, cb.end)
	j, ok := g.tok(kVExplicit, j)
	if !ok {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nBCV, i, v.end, cb.n, v.n)
}

func (g *grammar) cbOrdinal(i int) gres {
	c := g.run(rC, i)
	if !c.ok {
		return fail
	}
	j, ok := g.tok(kOrdinal, c.end)
	if !ok {
		return fail
	}
	j, ok = g.tok(kCExplicit, j)
	if !ok {
		return fail
	}
	j = g.optTok(kInBookOf, j)
	b := g.b(j)
	if !b.ok {
		return fail
	}
	return g.mk(nBC, i, b.end, b.n, c.n)
}

func (g *grammar) cbvOrdinal(i int) gres {
	cb := g.run(rCBOrdinal, i)
	if !cb.ok {
		return fail
	}
	j := g.optTok(kSeqSep, cb.end)
	j, ok := g.tok(kVExplicit, j)
	if !ok {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nBCV, i, v.end, cb.n, v.n)
}

func (g *grammar) cvPsalm(i int) gres {
	cp := g.cPsalm(i)
	if !cp.ok {
		return fail
	}
	j := g.optTok(kSeqSep, cp.end)
	j, ok := g.tok(kVExplicit, j)
	if !ok {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nCVPsalm, i, v.end, cp.n, v.n)
}

func (g *grammar) cTitle(i int) gres {
	j, ok := g.tok(kCExplicit, i)
	if !ok {
		return fail
	}
	c := g.run(rC, j)
	if !c.ok || !noPartial(c.n) {
		return fail
	}
	t := g.run(rTitle, c.end)
	if !t.ok {
		return fail
	}
	return g.mk(nCTitle, i, t.end, c.n, t.n)
}

func (g *grammar) cv(i int) gres {
	j := g.optTok(kVExplicit, i)
	c := g.run(rC, j)
	if !c.ok || !noPartial(c.n) {
		return fail
	}
	j = c.end
	if g.dotVerseAhead(j, false) {
		return fail
	}
	k := g.optTok(kCVSep, j)
	if x, ok := g.tok(kVExplicit, k); ok {
		j = x
	} else if x, ok := g.tok(kCVSep, j); ok {
		j = x
	} else {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok {
		return fail
	}
	return g.mk(nCV, i, v.end, c.n, v.n)
}

func (g *grammar) cvWeak(i int) gres {
	c := g.run(rC, i)
	if !c.ok || !noPartial(c.n) {
		return fail
	}
	j, ok := g.tok(kCVSepWeak, c.end)
	if !ok {
		return fail
	}
	v := g.run(rV, j)
	if !v.ok || g.cvAhead(v.end) {
		return fail
	}
	return g.mk(nCV, i, v.end, c.n, v.n)
}

func (g *grammar) ff(i int) gres {
	x := g.first(i, rBCV, rBCVWeak, rBC, rBV, rCV, rCVWeak, rInteger, rC, rV)
	if !x.ok {
		return fail
	}
	j := g.optTok(kSpace, x.end)
	j, ok := g.tok(kFF, j)
	if !ok {
		return fail
	}
	return g.mk(nFF, i, j, x.n)
}

func (g *grammar) integerTitle(i int) gres {
	n := g.run(rInteger, i)
	if !n.ok {
		return fail
	}
	t := g.run(rTitle, n.end)
	if !t.ok {
		return fail
	}
	return g.mk(nIntegerTitle, i, t.end, n.n, t.n)
}

func (g *grammar) title(i int) gres {
	j := i
	if k, ok := g.tok(kCVSep, i); ok {
		j = k
	} else if k, ok := g.tok(kSeqSep, i); ok {
		j = k
	}
	k, ok := g.tok(kTitle, j)
	if !ok {
		return fail
	}
	return g.mk(nTitle, i, k)
}

var rangeStart = []rule{rBCVComma, rBCTitle, rBCV, rBCVWeak, rBC, rCVPsalm, rBV}
var rangeStartAfterB = []rule{rCBV, rCBVOrdinal, rCPsalm, rCB, rCBOrdinal, rCTitle, rIntegerTitle, rCV, rCVWeak, rInteger, rC, rV}
var rangeEnd = []rule{rFF, rBCVComma, rBCTitle, rBCV, rBCVWeak, rBC, rCVPsalm, rBV, rB, rCBV, rCBVOrdinal, rCPsalm, rCB,
	rCBOrdinal, rCTitle, rIntegerTitle, rCV, rInteger, rCVWeak, rC, rV}
var rangeAfterLoneB = []rule{rBCVComma, rBCTitle, rBCV, rBCVWeak, rBC, rBV, rB}

func (g *grammar) rangeRule(i int) gres {
	a := g.first(i, rangeStart...)
	if !a.ok {
		// A book on its own starts a range only before another book
		// reference: "Genesis-Philemon 2", not "Ezekiel - 25:16".
		if b := g.b(i); b.ok {
			if j, ok := g.tok(kRange, b.end); ok && g.first(j, rangeAfterLoneB...).ok {
				a = b
			}
		}
	}
	if !a.ok {
		a = g.first(i, rangeStartAfterB...)
	}
	if !a.ok {
		return fail
	}
	j, ok := g.tok(kRange, a.end)
	if !ok {
		return fail
	}
	z := g.first(j, rangeEnd...)
	if !z.ok {
		return fail
	}
	return g.mk(nRange, i, z.end, a.n, z.n)
}

var sequenceFirst = []rule{rCBRange, rBCVHyphenRange, rRange, rFF, rBCVComma, rBCTitle, rBCV, rBCVWeak, rBC, rCVPsalm,
	rBV, rCPsalm, rB, rCBV, rCBVOrdinal, rCB, rCBOrdinal}

func (g *grammar) sequence(i int) gres {
	a := g.first(i, sequenceFirst...)
	if !a.ok {
		return fail
	}
	kids := []*node{a.n}
	j := a.end
	for {
		k := g.optTok(kSeqSep, j)
		p := g.run(rSequencePost, k)
		if !p.ok {
			break
		}
		kids = append(kids, p.n)
		j = p.end
	}
	if len(kids) < 2 {
		return fail
	}
	return g.mk(nSequence, i, j, kids...)
}

var sequencePostRules = []rule{rSequencePostEnclosed, rCBRange, rBCVHyphenRange, rRange, rFF, rBCVComma, rBCTitle,
	rBCV, rBCVWeak, rBC, rCVPsalm, rBV, rCPsalm, rB, rCBV, rCBVOrdinal, rCB, rCBOrdinal, rCTitle, rIntegerTitle,
	rCV, rCVWeak, rInteger, rC, rV}

func (g *grammar) sequencePost(i int) gres { return g.first(i, sequencePostRules...) }

func (g *grammar) sequencePostEnclosed(i int) gres {
	if !g.lit('(', i) {
		return fail
	}
	j := g.optTok(kSpace, i+1)
	j = g.optTok(kSeqSep, j)
	p := g.run(rSequencePost, j)
	if !p.ok {
		return fail
	}
	kids := []*node{p.n}
	j = p.end
	for {
		k := g.optTok(kSeqSep, j)
		q := g.run(rSequencePost, k)
		if !q.ok {
			break
		}
		kids = append(kids, q.n)
		j = q.end
	}
	j = g.optTok(kSpace, j)
	if !g.lit(')', j) {
		return fail
	}
	return g.mk(nSequencePostEnclosed, i, j+1, kids...)
}

func (g *grammar) translation(i int) gres {
	if i < len(g.s) && isTransMarker(g.s[i]) {
		res := g.mk(nTranslation, i, i+1)
		res.n.val = int(g.s[i] - markerBase - transOffset)
		return res
	}
	return fail
}

// translationList is translation (sequence_sep translation)*.
func (g *grammar) translationList(i int) ([]*node, int, bool) {
	t := g.translation(i)
	if !t.ok {
		return nil, 0, false
	}
	list := []*node{t.n}
	j := t.end
	for {
		k, ok := g.tok(kSeqSep, j)
		if !ok {
			break
		}
		u := g.translation(k)
		if !u.ok {
			break
		}
		list = append(list, u.n)
		j = u.end
	}
	return list, j, true
}

func (g *grammar) transSeqEnclosed(i int) gres {
	j := g.optTok(kSpace, i)
	if !(g.lit('(', j) || g.lit('[', j)) {
		return fail
	}
	j = g.optTok(kSpace, j+1)
	list, j, ok := g.translationList(j)
	if !ok {
		return fail
	}
	j = g.optTok(kSpace, j)
	if !(g.lit(')', j) || g.lit(']', j)) {
		return fail
	}
	return g.mk(nTranslationSequence, i, j+1, list...)
}

func (g *grammar) transSeq(i int) gres {
	j := g.optTok(kSpace, i)
	if g.lit(',', j) {
		j = g.optTok(kSpace, j+1)
	}
	list, j, ok := g.translationList(j)
	if !ok {
		return fail
	}
	return g.mk(nTranslationSequence, i, j, list...)
}

var startRules = []rule{rBCVHyphenRange, rSequence, rCBRange, rRange, rFF, rBCVComma, rBCTitle, rBCV, rBCVWeak, rBC,
	rCVPsalm, rBV, rCPsalm, rB, rCBV, rCBVOrdinal, rCB, rCBOrdinal, rTransSeqEnclosed, rTransSeq}

var startRulesAfterSep = []rule{rCTitle, rIntegerTitle, rCV, rCVWeak, rInteger, rC, rV}

// parseAll parses the whole passage into top-level nodes. Separators and
// words produce no node (words are kept as nWord so that they stop nothing).
func (g *grammar) parseAll() []*node {
	var out []*node
	for i := 0; i < len(g.s); {
		if res := g.first(i, startRules...); res.ok {
			out = append(out, res.n)
			i = res.end
			continue
		}
		if j, ok := g.tok(kSeqSep, i); ok {
			i = j
			continue
		}
		if res := g.first(i, startRulesAfterSep...); res.ok {
			out = append(out, res.n)
			i = res.end
			continue
		}
		if r := g.s[i]; r == '(' || r == '[' {
			out = append(out, &node{typ: nStop, s: g.base + i, e: g.base + i})
			i++
			continue
		}
		j := i
		for j < len(g.s) && !isMarker(g.s[j]) && g.s[j] != '(' && g.s[j] != '[' {
			j++
		}
		if j == i {
			// An unmatched marker cannot happen (every marker is a book or
			// a translation), but never loop.
			j = i + 1
		}
		i = j
	}
	return out
}
