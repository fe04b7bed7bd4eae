package search

import (
	"context"
	"sort"

	"berean/canon"
	"berean/index"
)

// maxPrefixTerms caps the terms one prefix expands to ("a*" in the KJV is
// about 1,500 forms; a cap keeps a one-letter prefix from costing more than
// a few milliseconds).
const maxPrefixTerms = 5000

// leafState is what one leaf of the plan resolved to in one Bible.
type leafState struct {
	lists []index.Postings // term and Strong's: one list (or lettered variants); prefix: many
	docs  bitset           // docs where the leaf matches
	df    int
	// Phrases: matches per doc, sorted by doc; starts at pos[first:first+n].
	phrase    []phraseHit
	phrasePos []uint32
	curs      []index.Cursor // for scoring and highlighting in doc order
	phIdx     int            // phrase cursor
}

type phraseHit struct {
	doc      uint32
	first, n uint32
}

// bibleEval evaluates a plan against one Bible.
type bibleEval struct {
	ctx    context.Context
	b      *index.Bible
	sys    *canon.System
	n      int
	leaves []leafState
	// scratch
	pos  [][]uint32
	tmp  []uint32
	cand []int
}

func newBibleEval(ctx context.Context, b *index.Bible, nLeaves int) *bibleEval {
	sys, _ := canon.Get(b.Versification())
	return &bibleEval{ctx: ctx, b: b, sys: sys, n: b.Docs(), leaves: make([]leafState, nLeaves)}
}

// eval returns the docs matching n, in a fresh bitset.
func (e *bibleEval) eval(n *node) (bitset, error) {
	switch n.op {
	case opTerm, opPrefix, opStrong, opPhrase:
		if err := e.leaf(n); err != nil {
			return nil, err
		}
		s := newBitset(e.n)
		copy(s, e.leaves[n.id].docs)
		return s, nil
	case opAnd:
		var acc bitset
		var neg []*node
		for _, k := range n.kids {
			if k.op == opNot {
				neg = append(neg, k.kids[0])
				continue
			}
			s, err := e.eval(k)
			if err != nil {
				return nil, err
			}
			if acc == nil {
				acc = s
			} else {
				acc.and(s)
			}
		}
		if acc == nil {
			acc = e.all()
		}
		for _, k := range neg {
			if acc.empty() {
				break
			}
			s, err := e.eval(k)
			if err != nil {
				return nil, err
			}
			acc.andNot(s)
		}
		return acc, nil
	case opOr:
		acc := newBitset(e.n)
		for _, k := range n.kids {
			s, err := e.eval(k)
			if err != nil {
				return nil, err
			}
			acc.or(s)
		}
		return acc, nil
	case opNot:
		s, err := e.eval(n.kids[0])
		if err != nil {
			return nil, err
		}
		acc := e.all()
		acc.andNot(s)
		return acc, nil
	case opScope:
		return e.scope(n.scope), nil
	case opAll:
		return e.all(), nil
	}
	return newBitset(e.n), nil
}

func (e *bibleEval) all() bitset {
	s := newBitset(e.n)
	s.setRange(0, e.n)
	return s
}

// leaf resolves a leaf: its posting lists and doc set.
func (e *bibleEval) leaf(n *node) error {
	ls := &e.leaves[n.id]
	if ls.docs != nil {
		return nil
	}
	ls.docs = newBitset(e.n)
	switch n.op {
	case opTerm:
		var p index.Postings
		if n.kind == index.ExactTerms {
			p = e.b.Exact(n.term)
		} else {
			p = e.b.Stem(stemFor(e.b, n))
		}
		ls.lists = append(ls.lists, p)
	case opStrong:
		// H1254 also finds the augmented H1254a, H1254b.
		e.b.Prefix(index.StrongTerms, n.term, func(key []byte, p index.Postings) bool {
			rest := key[len(n.term):]
			if len(rest) == 0 || (len(rest) == 1 && rest[0] >= 'a' && rest[0] <= 'z') {
				ls.lists = append(ls.lists, p)
			}
			return true
		})
	case opPrefix:
		e.b.Prefix(index.ExactTerms, n.term, func(_ []byte, p index.Postings) bool {
			ls.lists = append(ls.lists, p)
			return len(ls.lists) < maxPrefixTerms
		})
	case opPhrase:
		return e.phrase(n, ls)
	}
	for _, p := range ls.lists {
		for i := 0; i < p.Len(); i++ {
			ls.docs.set(int(p.Doc(i)))
		}
	}
	if len(ls.lists) == 1 {
		ls.df = ls.lists[0].Len()
	} else {
		ls.df = ls.docs.count()
	}
	return nil
}

// phrase finds the docs where the words occur at consecutive positions.
// Each word may have several forms (archaic variants); candidate docs are
// those holding every word, then positions are compared.
func (e *bibleEval) phrase(n *node, ls *leafState) error {
	k := len(n.words)
	forms := make([][]index.Postings, k)
	sets := make([]bitset, k)
	for i, w := range n.words {
		seen := map[string]bool{}
		add := func(f string) {
			if f == "" || seen[f] {
				return
			}
			seen[f] = true
			if p := e.b.Exact(f); p.Len() > 0 {
				forms[i] = append(forms[i], p)
			}
		}
		add(w.form)
		if w.modern != "" {
			add(w.modern)
			for _, v := range e.b.Variants(w.modern) {
				add(v)
			}
		}
		s := newBitset(e.n)
		for _, p := range forms[i] {
			for j := 0; j < p.Len(); j++ {
				s.set(int(p.Doc(j)))
			}
		}
		sets[i] = s
	}
	cand := sets[0]
	for _, s := range sets[1:] {
		cand.and(s)
	}
	curs := make([][]index.Cursor, k)
	for i := range forms {
		for _, p := range forms[i] {
			curs[i] = append(curs[i], p.Cursor())
		}
	}
	if cap(e.pos) < k {
		e.pos = make([][]uint32, k)
	}
	pos := e.pos[:k]
	checked := 0
	for d := cand.next(0); d >= 0; d = cand.next(d + 1) {
		if checked++; checked%1024 == 0 {
			if err := e.ctx.Err(); err != nil {
				return err
			}
		}
		for i := range curs {
			pos[i] = pos[i][:0]
			for c := range curs[i] {
				if curs[i][c].Seek(uint32(d)) {
					pos[i] = curs[i][c].Positions(pos[i])
				}
			}
			if len(curs[i]) > 1 {
				sortU32(pos[i])
			}
		}
		first := uint32(len(ls.phrasePos))
	starts:
		for _, p0 := range pos[0] {
			for i := 1; i < k; i++ {
				if !containsU32(pos[i], p0+uint32(i)) {
					continue starts
				}
			}
			ls.phrasePos = append(ls.phrasePos, p0)
		}
		if m := uint32(len(ls.phrasePos)) - first; m > 0 {
			ls.phrase = append(ls.phrase, phraseHit{doc: uint32(d), first: first, n: m})
			ls.docs.set(d)
		}
	}
	ls.df = len(ls.phrase)
	return nil
}

func containsU32(s []uint32, x uint32) bool {
	i := sort.Search(len(s), func(i int) bool { return s[i] >= x })
	return i < len(s) && s[i] == x
}

func sortU32(s []uint32) {
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
}

// scope returns the docs inside the ranges.
func (e *bibleEval) scope(rs []scopeRange) bitset {
	s := newBitset(e.n)
	for _, r := range rs {
		lo, hi := e.docRange(r)
		if lo < hi {
			s.setRange(lo, hi)
		}
	}
	return s
}

// docRange maps a reference range to the docs [lo, hi) of the Bible, in its
// own versification. Books the Bible lacks contribute nothing; a range from
// a book it lacks starts at the next book it has.
func (e *bibleEval) docRange(r scopeRange) (lo, hi int) {
	if e.sys == nil {
		return 0, 0
	}
	if r.testament != 0 {
		lo, hi = e.n, 0
		for _, bk := range e.sys.Books() {
			if bk.Testament != r.testament {
				continue
			}
			if f, l, ok := e.b.BookDocs(bk.OSIS); ok {
				lo, hi = min(lo, f), max(hi, l)
			}
		}
		return lo, hi
	}
	first, ok := e.sys.Book(r.startBook)
	if !ok {
		return 0, 0
	}
	last, ok := e.sys.Book(r.endBook)
	if !ok {
		return 0, 0
	}
	sc := max(r.startCh, 1)
	if sc > first.Chapters() {
		return 0, 0
	}
	sv := min(max(r.startV, 1), first.Verses[sc-1])
	ec := r.endCh
	if ec <= 0 || ec > last.Chapters() {
		ec = last.Chapters()
	}
	ev := r.endV
	if ev <= 0 || ev > last.Verses[ec-1] {
		ev = last.Verses[ec-1]
	}
	so, ok1 := e.sys.Ordinal(first.OSIS, sc, sv)
	eo, ok2 := e.sys.Ordinal(last.OSIS, ec, ev)
	if !ok1 || !ok2 || eo < so {
		return 0, 0
	}
	return e.b.DocAtOrdinal(so), e.b.DocAtOrdinal(eo + 1)
}

// tf returns the term frequency of a positive leaf in doc; docs must be
// asked in increasing order per leaf.
func (e *bibleEval) tf(n *node, doc int) int {
	ls := &e.leaves[n.id]
	if !ls.docs.has(doc) {
		return 0
	}
	if n.op == opPhrase {
		for ls.phIdx < len(ls.phrase) && int(ls.phrase[ls.phIdx].doc) < doc {
			ls.phIdx++
		}
		if ls.phIdx < len(ls.phrase) && int(ls.phrase[ls.phIdx].doc) == doc {
			return int(ls.phrase[ls.phIdx].n)
		}
		return 0
	}
	if ls.curs == nil {
		ls.curs = make([]index.Cursor, len(ls.lists))
		for i, p := range ls.lists {
			ls.curs[i] = p.Cursor()
		}
	}
	tf := 0
	for i := range ls.curs {
		if ls.curs[i].Seek(uint32(doc)) {
			tf += max(ls.curs[i].TF(), 1) // a Strong's tag on no visible word counts once
		}
	}
	return tf
}

// positions appends the word positions where leaf n matches in doc.
func (e *bibleEval) positions(n *node, doc int, dst []uint32) []uint32 {
	ls := &e.leaves[n.id]
	if ls.docs == nil || !ls.docs.has(doc) {
		return dst
	}
	if n.op == opPhrase {
		i := sort.Search(len(ls.phrase), func(i int) bool { return int(ls.phrase[i].doc) >= doc })
		if i < len(ls.phrase) && int(ls.phrase[i].doc) == doc {
			h := ls.phrase[i]
			for _, s := range ls.phrasePos[h.first : h.first+h.n] {
				for k := range n.words {
					dst = append(dst, s+uint32(k))
				}
			}
		}
		return dst
	}
	for _, p := range ls.lists {
		if i := p.Seek(0, uint32(doc)); i < p.Len() && int(p.Doc(i)) == doc {
			dst = p.Positions(i, dst)
		}
	}
	return dst
}
