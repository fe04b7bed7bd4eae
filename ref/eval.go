package ref

// Evaluation: grammar nodes become passages (start and end points with a
// validity verdict), carrying a context (current book, chapter, verse and
// translations) from one node to the next. doc.go describes the rules.

const unset = -1

// point is one end of a passage. c and v are unset (-1) when not given.
type point struct {
	b        string
	c, v     int
	p        string // letter after the verse ("5b")
	pIfVerse string // letter after a chapter that may turn out to be a verse
	typ      string // the kind of entity it came from ("b", "bc", "integer")
}

func pt(b string) point { return point{b: b, c: unset, v: unset} }

// messages records why a reference is (in)valid and what limit it broke.
type messages struct {
	startChapterIsZero, startVerseIsZero bool
	startChapterNotExist                 int // chapter count of the book
	startVerseNotExist                   int // verse count of the chapter
	startChapterNotExistInSingle         bool
	startChapter1                        bool
	startBookNotExist                    bool
	startBookNotDefined                  bool
	endChapterIsZero, endVerseIsZero     bool
	endBookBeforeStart                   bool
	endChapterBeforeStart                bool
	endVerseBeforeStart                  bool
	endChapterNotExist                   int
	endChapterNotExistInSingle           bool
	endVerseNotExist                     int
	endBookNotExist                      bool
}

type validity struct {
	ok bool
	m  *messages
}

// transRef is a translation named after a reference.
type transRef struct {
	name   string
	system string // versification family; "" is the default
}

// ctx is the context carried between nodes.
type ctx struct {
	b     string
	c, v  int
	trans []transRef
}

func emptyCtx() ctx { return ctx{c: unset, v: unset} }

// psg is one passage of an entity.
type psg struct {
	start, end point
	valid      validity
	typ        string
	trans      []transRef
	alts       []*psg
	s, e       int // span in the prepared text
	enclosed   bool
}

// entity is the result of evaluating one node.
type entity struct {
	typ      string
	n        *node // node that re-creates this entity when evaluated again
	orig     *node // top-level node (for re-evaluation with translations)
	passages []*psg
	startCtx ctx
	s, e     int
}

// versification answers the two questions validation asks.
type versification interface {
	chapters(book string) []int // verse counts; nil if the book is unknown
	order(book string) int      // position in book order; 0 if unknown
}

type evaluator struct {
	p        *prepared
	systems  func(name string) versification
	override map[int][]string // book candidates changed by "title"
}

func (ev *evaluator) books(idx int) []string {
	if o, ok := ev.override[idx]; ok {
		return o
	}
	return ev.p.books[idx].books
}

func (ev *evaluator) handle(n *node, c ctx) (*entity, ctx) {
	switch n.typ {
	case nB:
		return ev.hB(n, c)
	case nBC:
		return ev.hBC(n, c)
	case nBCTitle:
		return ev.hBCTitle(n, c)
	case nBCV:
		return ev.hBCV(n, c, "bcv")
	case nBV:
		return ev.hBV(n, c)
	case nC:
		return ev.hC(n, c, "c")
	case nCBRange:
		return ev.hCBRange(n, c)
	case nCPsalm:
		return ev.hBC(ev.psalmBC(n), c)
	case nCTitle:
		return ev.hCTitle(n, c)
	case nCV:
		return ev.hCV(n, c)
	case nCVPsalm:
		bcv := &node{typ: nBCV, kids: []*node{ev.psalmBC(n.kids[0]), n.kids[1]}, s: n.s, e: n.e}
		return ev.hBCV(bcv, c, "bcv")
	case nFF:
		return ev.hFF(n, c)
	case nInteger:
		return ev.hInteger(n, c)
	case nIntegerTitle:
		return ev.hIntegerTitle(n, c)
	case nRange:
		return ev.hRange(n, c, "range")
	case nSequence, nSequencePostEnclosed:
		return ev.hSequence(n, c)
	case nV:
		return ev.hV(n, c, "v")
	case nStop:
		return &entity{typ: "stop", n: n, s: n.s, e: n.e}, emptyCtx()
	}
	return nil, c
}

// psalmBC turns "23rd Psalm" into the node of "Psalm 23".
func (ev *evaluator) psalmBC(n *node) *node {
	b := &node{typ: nB, val: n.val, s: n.s, e: n.e}
	i := &node{typ: nInteger, val: ev.p.books[n.val].chapter, s: n.s, e: n.e}
	c := &node{typ: nC, kids: []*node{i}, s: n.s, e: n.e}
	return &node{typ: nBC, kids: []*node{b, c}, s: n.s, e: n.e}
}

func intNode(v, s, e int) *node { return &node{typ: nInteger, val: v, s: s, e: e} }

func wrap(t nodeType, kid *node) *node { return &node{typ: t, kids: []*node{kid}, s: kid.s, e: kid.e} }

// integerOf returns the integer node inside an integer, c or v node.
func integerOf(n *node) *node {
	if n.typ == nInteger {
		return n
	}
	for _, k := range n.kids {
		if k.typ == nInteger {
			return k
		}
	}
	return n.kids[0]
}

func (ev *evaluator) newEntity(typ string, n *node, c ctx) *entity {
	return &entity{typ: typ, n: n, startCtx: c, s: n.s, e: n.e}
}

// choose keeps the first valid candidate (or the first candidate) and
// remembers the others.
func (e *entity) choose(cands []*psg) {
	var first *psg
	var alts []*psg
	for _, c := range cands {
		if first == nil && c.valid.ok {
			first = c
			continue
		}
		alts = append(alts, c)
	}
	if first == nil && len(alts) > 0 {
		first, alts = alts[0], alts[1:]
	}
	if first == nil {
		first = &psg{start: pt(""), end: pt(""), valid: validity{m: &messages{startBookNotDefined: true}}}
	}
	first.alts = alts
	first.trans = e.startCtx.trans
	first.s, first.e = e.s, e.e
	e.passages = []*psg{first}
}

func (ev *evaluator) hB(n *node, c ctx) (*entity, ctx) {
	e := ev.newEntity("b", n, c)
	var cands []*psg
	for _, b := range ev.books(n.val) {
		s := pt(b)
		v := ev.validate(e.startCtx.trans, &s, nil)
		cands = append(cands, &psg{start: pt(b), end: pt(b), valid: v})
	}
	e.choose(cands)
	return e, ctx{b: e.passages[0].start.b, c: unset, v: unset, trans: e.startCtx.trans}
}

func setCtx(c *ctx, p point) {
	if p.b != "" {
		c.b = p.b
	}
	if p.c != unset {
		c.c = p.c
	}
	if p.v != unset {
		c.v = p.v
	}
}

func (ev *evaluator) hBC(n *node, c ctx) (*entity, ctx) {
	e := ev.newEntity("bc", n, c)
	c.b, c.c, c.v = "", unset, unset
	in := integerOf(n.kids[1])
	ch, partial := in.val, in.part
	var cands []*psg
	adjust := false
	for _, b := range ev.books(n.kids[0].val) {
		s := point{b: b, c: ch, v: unset}
		valid := ev.validate(e.startCtx.trans, &s, nil)
		obj := &psg{start: pt(b), end: pt(b), valid: valid}
		if valid.m.startChapterNotExistInSingle || (partial != "" && valid.m.startChapter1) {
			// A chapter number in a one-chapter book is a verse: "Jude 6".
			s2 := point{b: b, c: unset, v: ch}
			obj.valid = ev.validate(e.startCtx.trans, &s2, nil)
			if valid.m.startChapterNotExistInSingle {
				obj.valid.m.startChapterNotExistInSingle = true
			}
			obj.start.c, obj.end.c = 1, 1
			obj.start.v, obj.end.v = ch, ch
			if partial != "" {
				obj.start.p, obj.end.p = partial, partial
			}
		} else {
			obj.start.c, obj.end.c = ch, ch
			if partial != "" {
				obj.start.pIfVerse, obj.end.pIfVerse = partial, partial
				if obj.valid.ok {
					adjust = true
				}
			}
		}
		cands = append(cands, obj)
	}
	e.choose(cands)
	_ = adjust
	setCtx(&c, e.passages[0].start)
	return e, c
}

func (ev *evaluator) hBCTitle(n *node, c ctx) (*entity, ctx) {
	start := c
	bc, c2 := ev.hBC(n.kids[0], c)
	p0 := bc.passages[0]
	if !isPsalms(p0.start.b) {
		for _, a := range p0.alts {
			if isPsalms(a.start.b) {
				cp := *a
				cp.trans, cp.s, cp.e = p0.trans, p0.s, p0.e
				bc.passages[0] = &cp
				break
			}
		}
	}
	if !isPsalms(bc.passages[0].start.b) {
		return bc, c2
	}
	if ev.override == nil {
		ev.override = map[int][]string{}
	}
	ev.override[n.kids[0].kids[0].val] = []string{"Ps"}
	t := n.kids[1]
	v := wrap(nV, intNode(1, t.s, t.e))
	bcv := &node{typ: nBCV, kids: []*node{n.kids[0], v}, s: n.s, e: n.e}
	return ev.hBCV(bcv, start, "bcv")
}

func isPsalms(b string) bool { return len(b) >= 2 && b[:2] == "Ps" }

func (ev *evaluator) hBCV(n *node, c ctx, typ string) (*entity, ctx) {
	e := ev.newEntity(typ, n, c)
	c.b, c.c, c.v = "", unset, unset
	bc := n.kids[0]
	ch := integerOf(bc.kids[1]).val
	vi := integerOf(n.kids[1])
	var cands []*psg
	for _, b := range ev.books(bc.kids[0].val) {
		s := point{b: b, c: ch, v: vi.val}
		valid := ev.validate(e.startCtx.trans, &s, nil)
		obj := &psg{start: point{b: b, c: ch, v: vi.val}, end: point{b: b, c: ch, v: vi.val}, valid: valid}
		if vi.part != "" {
			obj.start.p, obj.end.p = vi.part, vi.part
		}
		cands = append(cands, obj)
	}
	e.choose(cands)
	setCtx(&c, e.passages[0].start)
	return e, c
}

func (ev *evaluator) hBV(n *node, c ctx) (*entity, ctx) {
	b := n.kids[0]
	one := wrap(nC, intNode(1, b.s, b.e))
	bc := &node{typ: nBC, kids: []*node{b, one}, s: b.s, e: b.e}
	bcv := &node{typ: nBCV, kids: []*node{bc, n.kids[1]}, s: n.s, e: n.e}
	e, c := ev.hBCV(bcv, c, "bv")
	e.n = n
	return e, c
}

func (ev *evaluator) hC(n *node, c ctx, typ string) (*entity, ctx) {
	in := integerOf(n)
	s := point{b: c.b, c: in.val, v: unset}
	valid := ev.validate(c.trans, &s, nil)
	if !valid.ok && valid.m.startChapterNotExistInSingle {
		return ev.hV(n, c, typ)
	}
	e := ev.newEntity(typ, n, c)
	p := &psg{start: point{b: c.b, c: in.val, v: unset}, end: point{b: c.b, c: in.val, v: unset}, valid: valid,
		trans: c.trans, s: n.s, e: n.e}
	if in.part != "" {
		p.start.pIfVerse, p.end.pIfVerse = in.part, in.part
	}
	e.passages = []*psg{p}
	c.c = in.val
	c.v = unset
	return e, c
}

func (ev *evaluator) hV(n *node, c ctx, typ string) (*entity, ctx) {
	in := integerOf(n)
	ch := c.c
	if ch == unset {
		ch = 1
	}
	e := ev.newEntity(typ, n, c)
	s := point{b: c.b, c: ch, v: in.val}
	valid := ev.validate(c.trans, &s, nil)
	p := &psg{start: point{b: c.b, c: ch, v: in.val}, end: point{b: c.b, c: ch, v: in.val}, valid: valid,
		trans: c.trans, s: n.s, e: n.e}
	if in.part != "" {
		p.start.p, p.end.p = in.part, in.part
	}
	e.passages = []*psg{p}
	c.v = in.val
	return e, c
}

func (ev *evaluator) hCV(n *node, c ctx) (*entity, ctx) {
	ch := integerOf(n.kids[0]).val
	vi := integerOf(n.kids[1])
	e := ev.newEntity("cv", n, c)
	s := point{b: c.b, c: ch, v: vi.val}
	valid := ev.validate(c.trans, &s, nil)
	p := &psg{start: point{b: c.b, c: ch, v: vi.val}, end: point{b: c.b, c: ch, v: vi.val}, valid: valid,
		trans: c.trans, s: n.s, e: n.e}
	if vi.part != "" {
		p.start.p, p.end.p = vi.part, vi.part
	}
	e.passages = []*psg{p}
	c.c, c.v = ch, vi.val
	return e, c
}

func (ev *evaluator) hCTitle(n *node, c ctx) (*entity, ctx) {
	if c.b != "Ps" {
		return ev.hC(n.kids[0], c, "c")
	}
	t := n.kids[1]
	cv := &node{typ: nCV, kids: []*node{n.kids[0], wrap(nV, intNode(1, t.s, t.e))}, s: n.s, e: n.e}
	return ev.hCV(cv, c)
}

func (ev *evaluator) hInteger(n *node, c ctx) (*entity, ctx) {
	if c.v == unset {
		return ev.hC(n, c, "integer")
	}
	return ev.hV(n, c, "integer")
}

func (ev *evaluator) hIntegerTitle(n *node, c ctx) (*entity, ctx) {
	if c.b != "Ps" {
		return ev.hInteger(n.kids[0], c)
	}
	t := n.kids[1]
	cv := &node{typ: nCV, kids: []*node{wrap(nC, n.kids[0]), wrap(nV, intNode(1, t.s, t.e))}, s: n.s, e: n.e}
	return ev.hCV(cv, c)
}

func (ev *evaluator) hCBRange(n *node, c ctx) (*entity, ctx) {
	b, c1, c2 := n.kids[0], n.kids[1], n.kids[2]
	bc := &node{typ: nBC, kids: []*node{b, c1}, s: n.s, e: n.e}
	end := &node{typ: c2.typ, kids: c2.kids, val: c2.val, part: c2.part, s: c2.s, e: n.e}
	r := &node{typ: nRange, kids: []*node{bc, end}, s: n.s, e: n.e}
	return ev.hRange(r, c, "range")
}

func (ev *evaluator) hFF(n *node, c ctx) (*entity, ctx) {
	r := &node{typ: nRange, kids: []*node{n.kids[0], intNode(999, n.s, n.e)}, s: n.s, e: n.e}
	e, c := ev.hRange(r, c, "ff")
	if e != nil && len(e.passages) > 0 {
		m := e.passages[0].valid.m
		m.endVerseNotExist = 0
		m.endChapterNotExist = 0
	}
	return e, c
}

func (ev *evaluator) hSequence(n *node, c ctx) (*entity, ctx) {
	typ := "sequence"
	if n.typ == nSequencePostEnclosed {
		typ = "sequence_post_enclosed"
	}
	e := ev.newEntity(typ, n, c)
	for _, item := range n.kids {
		if item.ctxC {
			c.v = unset
		}
		var sub *entity
		sub, c = ev.handle(item, c)
		if sub == nil {
			continue
		}
		for _, p := range sub.passages {
			if p.typ == "" {
				p.typ = sub.typ
			}
			if sub.startCtx.trans != nil {
				p.trans = sub.startCtx.trans
			}
			if sub.typ == "sequence_post_enclosed" {
				p.enclosed = true
			}
			e.passages = append(e.passages, p)
		}
	}
	return e, c
}

func (ev *evaluator) hRange(n *node, c ctx, typ string) (*entity, ctx) {
	startCtx := c
	sNode, eNode := n.kids[0], n.kids[1]
	start, c := ev.handle(sNode, c)
	if start == nil || len(start.passages) == 0 {
		return nil, c
	}
	// "Matt 5-verse 6" is Matt 5:6.
	if eNode.typ == nV && ((start.typ == "bc" && !start.passages[0].valid.m.startChapterNotExistInSingle) || start.typ == "c") {
		return ev.rangeIntegerEnd(n, start, eNode, startCtx)
	}
	end, c := ev.handle(eNode, c)
	if end == nil || len(end.passages) == 0 {
		return nil, c
	}
	sp, ep := start.passages[0], end.passages[0]
	so := point{b: sp.start.b, c: sp.start.c, v: sp.start.v, p: sp.start.p, pIfVerse: sp.start.pIfVerse, typ: start.typ}
	eo := point{b: ep.end.b, c: ep.end.c, v: ep.end.v, p: ep.end.p, typ: end.typ}
	if ep.end.pIfVerse != "" {
		eo.p = ep.end.pIfVerse
	}
	if ep.valid.m.startChapterIsZero {
		eo.c = 0
	}
	if ep.valid.m.startVerseIsZero {
		eo.v = 0
	}
	valid := ev.validate(startCtx.trans, &so, &eo)
	if valid.ok {
		m := valid.m
		// "Heb 13-15" is Heb 13:15 (Hebrews has 13 chapters).
		if m.endChapterNotExist != 0 && so.v <= 0 && (end.typ == "integer" || end.typ == "v") {
			if ev.endAsVerseValid(startCtx.trans, so, end) {
				return ev.rangeIntegerEnd(n, start, end.n, startCtx)
			}
		}
		rangeSnap(valid, &eo)
	} else {
		return ev.rangeInvalid(valid, n, start, so, end, eo, startCtx, typ)
	}
	e := ev.newEntity(typ, n, startCtx)
	e.s, e.e = start.s, end.e
	p := &psg{start: so, end: eo, valid: valid, trans: startCtx.trans, s: e.s, e: e.e}
	e.passages = []*psg{p}
	switch {
	case so.typ == "b" && eo.typ == "b":
		e.typ = "b_range"
	case so.typ == "b":
		e.typ = "b_range_start"
	case eo.typ == "b":
		e.typ = "range_end_b"
	}
	return e, c
}

// endAsVerseValid reports whether the end number of a range, read as a
// verse of the start chapter, exists.
func (ev *evaluator) endAsVerseValid(trans []transRef, so point, end *entity) bool {
	v := unset
	if end.typ != "v" {
		v = integerOf(end.n).val
	}
	s := point{b: so.b, c: so.c, v: v}
	return ev.validate(trans, &s, nil).ok
}

// rangeSnap pulls the end of a valid range back to a chapter or verse that
// exists: "Genesis 49-52" is Genesis 49-50.
func rangeSnap(valid validity, eo *point) {
	m := valid.m
	if m.endChapterNotExist != 0 || m.endChapterNotExistInSingle {
		if m.endChapterNotExist != 0 {
			eo.c = m.endChapterNotExist
		} else {
			eo.c = 1
		}
		if eo.v != unset {
			eo.v = unset
			m.endVerseIsZero = false
		}
	} else if m.endVerseNotExist != 0 {
		eo.v = m.endVerseNotExist
		eo.p = ""
	}
	if m.endVerseIsZero {
		eo.v = 1
	}
	if m.endChapterIsZero {
		eo.c = 1
	}
}

// rangeIntegerEnd re-reads "Jer 33-11" as Jer 33:11.
func (ev *evaluator) rangeIntegerEnd(n *node, start *entity, endNode *node, startCtx ctx) (*entity, ctx) {
	sNode := start.n
	vNode := endNode
	if vNode.typ == nInteger {
		vNode = wrap(nV, vNode)
	}
	var nn *node
	switch start.typ {
	case "integer":
		nn = &node{typ: nCV, kids: []*node{wrap(nC, sNode), vNode}, s: n.s, e: n.e}
	case "c":
		nn = &node{typ: nCV, kids: []*node{sNode, vNode}, s: n.s, e: n.e}
	case "bc":
		nn = &node{typ: nBCV, kids: []*node{sNode, vNode}, s: n.s, e: n.e}
	case "b":
		nn = &node{typ: nBV, kids: []*node{sNode, vNode}, s: n.s, e: n.e}
	default:
		return nil, startCtx
	}
	return ev.handle(nn, startCtx)
}

func (ev *evaluator) rangeInvalid(valid validity, n *node, start *entity, so point, end *entity, eo point, startCtx ctx, typ string) (*entity, ctx) {
	m := valid.m
	if ((m.endChapterBeforeStart || m.endVerseBeforeStart) && (end.typ == "integer" || end.typ == "v")) ||
		(m.endChapterBeforeStart && end.typ == "cv") {
		if ne := ev.newRangeEnd(startCtx.trans, so, eo, valid); ne > 0 {
			return ev.rangeChangeEnd(n, start.n, end.n, ne, startCtx, typ)
		}
	}
	if so.v == unset && (end.typ == "integer" || end.typ == "v") {
		if ev.endAsVerseValid(startCtx.trans, so, end) {
			return ev.rangeIntegerEnd(n, start, end.n, startCtx)
		}
	}
	// Not a range after all: read it as a sequence of its two ends.
	seq := &node{typ: nSequence, kids: []*node{start.n, end.n}, s: n.s, e: n.e}
	e, c := ev.hSequence(seq, startCtx)
	return e, c
}

// newRangeEnd guesses a missing leading digit: Gen 28-9 is Gen 28-29,
// Ps 119:125-24 stays, Ps 101-24 is Ps 101-124.
func (ev *evaluator) newRangeEnd(trans []transRef, so, eo point, valid validity) int {
	m := valid.m
	var key byte
	switch {
	case m.endChapterBeforeStart:
		key = 'c'
	case m.endVerseBeforeStart:
		key = 'v'
	default:
		return 0
	}
	get := func(p point) int {
		if key == 'c' {
			return p.c
		}
		return p.v
	}
	if (key == 'c' && m.endChapterIsZero) || (key == 'v' && m.endVerseIsZero) {
		return 0
	}
	s, e := get(so), get(eo)
	ne := 0
	switch {
	case s >= 10 && e < 10 && s-10*(s/10) < e:
		ne = e + 10*(s/10)
	case s >= 100 && e < 100 && s-100 < e:
		ne = e + 100
	}
	if ne > 0 {
		obj := point{b: eo.b, c: eo.c, v: eo.v}
		if key == 'c' {
			obj.c = ne
		} else {
			obj.v = ne
		}
		if !ev.validate(trans, &obj, nil).ok {
			ne = 0
		}
	}
	return ne
}

func (ev *evaluator) rangeChangeEnd(n, startNode, end *node, ne int, startCtx ctx, typ string) (*entity, ctx) {
	var ne2 *node
	switch end.typ {
	case nInteger:
		ne2 = intNode(ne, end.s, end.e)
		ne2.part = end.part
	case nV:
		in := integerOf(end)
		i2 := intNode(ne, in.s, in.e)
		i2.part = in.part
		ne2 = &node{typ: nV, kids: []*node{i2}, s: end.s, e: end.e}
	case nCV:
		c := end.kids[0]
		in := integerOf(c)
		i2 := intNode(ne, in.s, in.e)
		c2 := &node{typ: nC, kids: []*node{i2}, s: c.s, e: c.e}
		ne2 = &node{typ: nCV, kids: []*node{c2, end.kids[1]}, s: end.s, e: end.e}
	default:
		return nil, startCtx
	}
	r := &node{typ: nRange, kids: []*node{startNode, ne2}, s: n.s, e: n.e}
	e, c := ev.hRange(r, startCtx, typ)
	return e, c
}

// validate checks a reference (and the end of a range) against the
// versification of each translation; it is valid if valid in any. As in the
// reference implementation, it fills in defaults on start and end.
func (ev *evaluator) validate(trans []transRef, start, end *point) validity {
	m := &messages{}
	if len(trans) == 0 {
		trans = []transRef{{}}
	}
	ok := false
	for _, t := range trans {
		sys := ev.systems(t.system)
		v := validateStart(sys, start, m)
		if end != nil {
			v = validateEnd(sys, start, end, v, m)
		}
		if v {
			ok = true
		}
	}
	return validity{ok: ok, m: m}
}

func validateStart(sys versification, s *point, m *messages) bool {
	if s.b == "" {
		m.startBookNotDefined = true
		return false
	}
	if sys.order(s.b) == 0 {
		m.startBookNotExist = true
		return false
	}
	valid := true
	if s.c == unset {
		s.c = 1
	}
	ch := sys.chapters(s.b)
	if s.c == 0 {
		m.startChapterIsZero = true
		valid = false
	}
	if s.v == 0 {
		m.startVerseIsZero = true
		valid = false
	}
	if s.c > 0 && s.c <= len(ch) {
		if s.v != unset {
			if s.v > ch[s.c-1] {
				valid = false
				m.startVerseNotExist = ch[s.c-1]
			}
		} else if s.c == 1 && len(ch) == 1 {
			m.startChapter1 = true
		}
	} else {
		if s.c != 1 && len(ch) == 1 {
			valid = false
			m.startChapterNotExistInSingle = true
		} else if s.c > 0 {
			valid = false
			m.startChapterNotExist = len(ch)
		}
	}
	return valid
}

func validateEnd(sys versification, s, e *point, valid bool, m *messages) bool {
	if e.c == 0 {
		m.endChapterIsZero = true
		valid = false
	}
	if e.v == 0 {
		m.endVerseIsZero = true
		valid = false
	}
	if e.b == "" || sys.order(e.b) == 0 {
		m.endBookNotExist = true
		return false
	}
	ch := sys.chapters(e.b)
	if e.c == unset && len(ch) == 1 {
		e.c = 1
	}
	if so := sys.order(s.b); so != 0 && so > sys.order(e.b) {
		valid = false
		m.endBookBeforeStart = true
	}
	if s.b == e.b && e.c != unset {
		if s.c == unset {
			s.c = 1
		}
		if s.c > e.c {
			valid = false
			m.endChapterBeforeStart = true
		} else if s.c == e.c && e.v != unset {
			if s.v == unset {
				s.v = 1
			}
			if s.v > e.v {
				valid = false
				m.endVerseBeforeStart = true
			}
		}
	}
	if e.c != unset && (e.c < 1 || e.c > len(ch)) {
		if len(ch) == 1 {
			m.endChapterNotExistInSingle = true
		} else if e.c > 0 {
			m.endChapterNotExist = len(ch)
		}
	}
	if e.v != unset {
		if e.c == unset {
			e.c = len(ch)
		}
		if e.c >= 1 && e.c <= len(ch) && e.v > ch[e.c-1] {
			m.endVerseNotExist = ch[e.c-1]
		}
	}
	return valid
}

// evalPassage evaluates the top-level nodes of one passage.
func (ev *evaluator) evalPassage(nodes []*node) []*entity {
	var accum []*entity
	c := emptyCtx()
	for _, n := range nodes {
		switch n.typ {
		case nTranslationSequence:
			trans := ev.translations(n)
			startCtx := c
			if len(accum) > 0 {
				c = ev.applyTranslations(accum, trans)
			}
			accum = append(accum, &entity{typ: "translation_sequence", n: n, orig: n, s: n.s, e: n.e, startCtx: startCtx})
			c.trans = nil
		case nStop:
			accum = append(accum, &entity{typ: "stop", n: n, orig: n, s: n.s, e: n.e, startCtx: emptyCtx()})
			c = emptyCtx()
		case nWord:
		default:
			var e *entity
			e, c = ev.handle(n, c)
			if e != nil {
				e.orig = n
				e.s, e.e = n.s, n.e
				accum = append(accum, e)
			}
		}
	}
	return accum
}

func (ev *evaluator) translations(n *node) []transRef {
	var out []transRef
	for _, k := range n.kids {
		name := ev.p.trans[k.val]
		sys := ""
		for _, t := range translationNames {
			if t.name == name {
				sys = t.system
			}
		}
		out = append(out, transRef{name: name, system: sys})
	}
	return out
}

// applyTranslations re-evaluates the entities since the last translation
// (or parenthesis) with the translations just found.
func (ev *evaluator) applyTranslations(accum []*entity, trans []transRef) ctx {
	use := 0
	for i := len(accum) - 1; i >= 0; i-- {
		if accum[i].typ == "translation_sequence" || accum[i].typ == "stop" {
			use = i + 1
			break
		}
	}
	if use >= len(accum) {
		return accum[len(accum)-1].startCtx
	}
	c := accum[use].startCtx
	c.trans = trans
	for k := use; k < len(accum); k++ {
		var e *entity
		e, c = ev.handle(accum[k].orig, c)
		if e != nil {
			e.orig = accum[k].orig
			e.s, e.e = accum[k].s, accum[k].e
			accum[k] = e
		}
	}
	return c
}
