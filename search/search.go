package search

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"berean/canon"
	"berean/index"
)

// ErrDamagedBible is wrapped by errors naming a Bible the index left out
// because its module's data is damaged.
var ErrDamagedBible = errors.New("the Bible's module is damaged")

// skipped is the error for a Bible named name that the index left out
// because its data is damaged, or nil.
func (s *Searcher) skipped(name string) error {
	for _, sk := range s.ix.Skipped() {
		if strings.EqualFold(sk.Name, name) || strings.EqualFold(sk.Module, name) {
			return fmt.Errorf("%w: %s was left out of the search index: %s; repair or reinstall the module", ErrDamagedBible, sk.Name, sk.Reason)
		}
	}
	return nil
}

// ErrUnknownBible is index.ErrUnknownBible, wrapped by errors naming a
// Bible the index lacks.
var ErrUnknownBible = index.ErrUnknownBible

// ErrBadQuery is wrapped by errors about a query that cannot be run.
var ErrBadQuery = errors.New("bad query")

// Order is the order of results.
type Order int

const (
	// BibleOrder lists verses in canonical order, as a concordance does.
	BibleOrder Order = iota
	// Relevance ranks verses by BM25, best first.
	Relevance
)

func (o Order) String() string {
	if o == Relevance {
		return "relevance"
	}
	return "bible"
}

// ParseOrder reads "bible" (or "canonical", "") and "relevance" (or "rank").
func ParseOrder(s string) (Order, error) {
	switch strings.ToLower(s) {
	case "", "bible", "canonical", "canon":
		return BibleOrder, nil
	case "relevance", "rank", "score", "bm25":
		return Relevance, nil
	}
	return 0, fmt.Errorf("%w: order %q: want bible or relevance", ErrBadQuery, s)
}

// Options of one search.
type Options struct {
	// Bibles to search, by abbreviation or module name; "all" searches
	// every indexed Bible. Empty: KJV (or the first Bible when there is no
	// KJV).
	Bibles []string
	// N is the number of results to return (default 20); Total counts all.
	// A negative N returns every result.
	N int
	// CountOnly returns the total (and Stats) without results.
	CountOnly bool
	// Offset skips that many results first (paging).
	Offset int
	Order  Order
	// Exact turns off archaic folding and stemming: words match their
	// folded form only.
	Exact bool
	// KWIC, when > 0, adds keyword-in-context lines with that many
	// characters of context on each side.
	KWIC int
	// Stats adds per-book hit counts.
	Stats bool
}

// Span is a range [Start, End) of a verse text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Hit is one matching verse.
type Hit struct {
	OSIS   string  `json:"osis"`
	Bible  string  `json:"bible"`
	Module string  `json:"module"`
	Text   string  `json:"text"`
	Score  float64 `json:"score"`
	// Matches are the matched words in Text, in Unicode code points (for
	// JSON clients); Spans the same in bytes (for Go renderers).
	Matches []Span     `json:"matches"`
	Spans   []Span     `json:"-"`
	KWIC    []KWICLine `json:"kwic,omitempty"`

	// Kind is "commentary" for a comment of a commentary (Bible then names
	// the commentary and OSIS the verses the comment covers); empty for a
	// verse.
	Kind string `json:"kind,omitempty"`

	Book           string `json:"-"`
	Chapter, Verse int    `json:"-"`
	// LastChapter and LastVerse end a comment's range (0 for a verse).
	LastChapter, LastVerse int `json:"-"`
	Doc                    int `json:"-"` // doc number in its Bible
	Ordinal                int `json:"-"` // canon ordinal in the Bible's versification
}

// BookCount is the number of matching verses of one book in one Bible.
type BookCount struct {
	Bible string `json:"bible"`
	Book  string `json:"book"` // OSIS id
	Name  string `json:"name"` // display name
	Count int    `json:"count"`
}

// Result of a search.
type Result struct {
	Query   string      `json:"query"`
	Parsed  string      `json:"parsed,omitempty"`
	Total   int         `json:"total"`
	Order   string      `json:"order"`
	Bibles  []string    `json:"bibles"`
	Results []Hit       `json:"results"`
	Stats   []BookCount `json:"stats,omitempty"`
}

// Searcher evaluates queries against an index. It is immutable and safe
// for concurrent use.
type Searcher struct {
	ix     *index.Index
	params Params
}

// New returns a searcher over ix with the given BM25 parameters (the zero
// Params means DefaultParams).
func New(ix *index.Index, p Params) *Searcher {
	return &Searcher{ix: ix, params: p.withDefaults()}
}

// Index is the searcher's index.
func (s *Searcher) Index() *index.Index { return s.ix }

// Params are the BM25 parameters in use.
func (s *Searcher) Params() Params { return s.params }

// bibles resolves Options.Bibles.
func (s *Searcher) bibles(names []string) ([]*index.Bible, error) {
	if len(names) == 0 {
		if b, ok := s.ix.Bible("KJV"); ok {
			return []*index.Bible{b}, nil
		}
		if err := s.skipped("KJV"); err != nil {
			return nil, err
		}
		all := s.ix.Bibles()
		if len(all) == 0 {
			return nil, fmt.Errorf("%w: the index holds no Bible", ErrUnknownBible)
		}
		return all[:1], nil
	}
	var out []*index.Bible
	seen := map[*index.Bible]bool{}
	for _, n := range names {
		if strings.EqualFold(n, "all") {
			for _, b := range s.ix.Bibles() {
				if !seen[b] {
					seen[b] = true
					out = append(out, b)
				}
			}
			continue
		}
		b, ok := s.ix.Bible(n)
		if !ok {
			if err := s.skipped(n); err != nil {
				return nil, err
			}
			b, ok = s.ix.Commentary(n)
		}
		if !ok {
			var have []string
			for _, b := range append(s.ix.Bibles(), s.ix.Commentaries()...) {
				have = append(have, b.Name())
			}
			return nil, fmt.Errorf("%w: %q (indexed: %s)", ErrUnknownBible, n, strings.Join(have, ", "))
		}
		if !seen[b] {
			seen[b] = true
			out = append(out, b)
		}
	}
	return out, nil
}

// cand is a matching doc of one Bible.
type cand struct {
	bible int
	doc   int
	score float64
	key   uint64 // canonical sort key: book order, chapter, verse, bible
}

// run evaluates a compiled plan.
func (s *Searcher) run(ctx context.Context, root *node, o Options) (*Result, error) {
	if err := s.ix.Err(); err != nil {
		return nil, err
	}
	bibles, err := s.bibles(o.Bibles)
	if err != nil {
		return nil, err
	}
	if o.N == 0 && !o.CountOnly {
		o.N = 20
	}
	o.Offset = max(o.Offset, 0)
	if o.CountOnly {
		o.N = 0
	}
	want := o.Offset + o.N
	if o.N < 0 {
		want = -1
	}
	nLeaves := number(root, 0)
	res := &Result{Order: o.Order.String(), Parsed: root.String(), Results: []Hit{}}
	var leaves []*node
	positives(root, func(n *node) { leaves = append(leaves, n) })

	evals := make([]*bibleEval, len(bibles))
	sets := make([]bitset, len(bibles))
	idfs := make([][]float64, len(bibles))
	var cands []cand
	for bi, b := range bibles {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		res.Bibles = append(res.Bibles, b.Name())
		e := newBibleEval(ctx, b, nLeaves)
		set, err := e.eval(root)
		if err != nil {
			return nil, err
		}
		evals[bi], sets[bi] = e, set
		total := set.count()
		res.Total += total
		idfs[bi] = make([]float64, len(leaves))
		for i, l := range leaves {
			if e.leaves[l.id].docs != nil {
				idfs[bi][i] = idf(b.Docs(), e.leaves[l.id].df)
			}
		}
		if o.Stats {
			res.Stats = append(res.Stats, bookStats(b, set)...)
		}
		switch {
		case want == 0:
		case o.Order == Relevance:
			// Every match is scored; a bounded heap keeps the best.
			for d := set.next(0); d >= 0; d = set.next(d + 1) {
				c := cand{bible: bi, doc: d, score: s.score(e, leaves, idfs[bi], d)}
				c.key = sortKey(b, d, bi)
				cands = pushTop(cands, c, want)
			}
		default:
			// Bible order: the first docs are the first results of this
			// Bible; they are merged across Bibles by canonical position.
			k := 0
			for d := set.next(0); d >= 0 && (want < 0 || k < want); d = set.next(d + 1) {
				cands = append(cands, cand{bible: bi, doc: d, key: sortKey(b, d, bi)})
				k++
			}
		}
	}
	if o.Order == Relevance {
		sort.Slice(cands, func(i, j int) bool {
			if cands[i].score != cands[j].score {
				return cands[i].score > cands[j].score
			}
			return cands[i].key < cands[j].key
		})
	} else {
		sort.Slice(cands, func(i, j int) bool { return cands[i].key < cands[j].key })
	}
	if o.Offset >= len(cands) {
		cands = nil
	} else {
		cands = cands[o.Offset:]
	}
	if o.N >= 0 && len(cands) > o.N {
		cands = cands[:o.N]
	}
	if o.Order != Relevance {
		// Score the returned hits, per Bible in doc order (cursors only
		// move forward).
		byDoc := make([]int, len(cands))
		for i := range byDoc {
			byDoc[i] = i
		}
		sort.Slice(byDoc, func(a, b int) bool {
			ca, cb := cands[byDoc[a]], cands[byDoc[b]]
			if ca.bible != cb.bible {
				return ca.bible < cb.bible
			}
			return ca.doc < cb.doc
		})
		for _, i := range byDoc {
			c := &cands[i]
			c.score = s.score(evals[c.bible], leaves, idfs[c.bible], c.doc)
		}
	}
	var pos []uint32
	var words [][2]int
	var text []byte
	for _, c := range cands {
		e := evals[c.bible]
		b := bibles[c.bible]
		book, ch, v := b.Ref(c.doc)
		text, words = b.Verse(c.doc, text[:0], words[:0])
		h := Hit{
			OSIS:  fmt.Sprintf("%s.%d.%d", book, ch, v),
			Bible: b.Name(), Module: b.Module(), Text: string(text),
			Score: round(c.score), Book: book, Chapter: ch, Verse: v,
			Doc: c.doc, Ordinal: b.Ordinal(c.doc),
		}
		pos = pos[:0]
		for _, l := range leaves {
			pos = e.positions(l, c.doc, pos)
		}
		h.Spans = spansOf(pos, words)
		if b.IsCommentary() {
			commentHit(b, &h)
		}
		h.Matches = runeSpans(h.Text, h.Spans)
		if o.KWIC > 0 {
			h.KWIC = KWIC(h.Text, h.Spans, o.KWIC)
		}
		res.Results = append(res.Results, h)
	}
	// A block that failed its checksum read as empty: the answer cannot be
	// trusted (the file is already removed; index.Load rebuilds it).
	if err := s.ix.Err(); err != nil {
		return nil, err
	}
	return res, nil
}

// score sums the BM25 contributions of the positive leaves.
func (s *Searcher) score(e *bibleEval, leaves []*node, idfs []float64, doc int) float64 {
	dl := e.b.DocLen(doc)
	avg := e.b.AvgLen()
	sc := 0.0
	for i, l := range leaves {
		if e.leaves[l.id].docs == nil {
			continue
		}
		sc += s.params.bm25(idfs[i], e.tf(l, doc), dl, avg)
	}
	return sc
}

func round(x float64) float64 {
	const f = 1e4
	if x < 0 {
		return -round(-x)
	}
	return float64(int64(x*f+0.5)) / f
}

// sortKey orders verses canonically across Bibles and versifications: book
// order, chapter, verse, then the Bible's place in the request.
func sortKey(b *index.Bible, doc, bi int) uint64 {
	book, ch, v := b.Ref(doc)
	return uint64(canon.BookOrder(book))<<40 | uint64(ch)<<24 | uint64(v)<<10 | uint64(bi)
}

// pushTop keeps the best want candidates (all when want < 0) in a min-heap
// on score (ties: later canonical position is worse).
func pushTop(h []cand, c cand, want int) []cand {
	if want < 0 {
		return append(h, c)
	}
	worse := func(a, b cand) bool { // a ranks below b
		if a.score != b.score {
			return a.score < b.score
		}
		return a.key > b.key
	}
	if len(h) < want {
		h = append(h, c)
		for i := len(h) - 1; i > 0; {
			p := (i - 1) / 2
			if !worse(h[i], h[p]) {
				break
			}
			h[i], h[p] = h[p], h[i]
			i = p
		}
		return h
	}
	if want == 0 || !worse(h[0], c) {
		return h
	}
	h[0] = c
	for i := 0; ; {
		l, r, m := 2*i+1, 2*i+2, i
		if l < len(h) && worse(h[l], h[m]) {
			m = l
		}
		if r < len(h) && worse(h[r], h[m]) {
			m = r
		}
		if m == i {
			break
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
	return h
}

// bookStats counts the matching docs per book.
func bookStats(b *index.Bible, set bitset) []BookCount {
	books := b.Books()
	counts := make([]int, len(books))
	for d := set.next(0); d >= 0; d = set.next(d + 1) {
		counts[b.BookIndex(d)]++
	}
	var out []BookCount
	for i, c := range counts {
		if c > 0 {
			out = append(out, BookCount{Bible: b.Name(), Book: books[i], Name: canon.HumanName(books[i]), Count: c})
		}
	}
	return out
}

// spansOf turns matched word positions into byte spans of the text,
// joining runs of consecutive positions ("make intercession" is one span).
func spansOf(pos []uint32, words [][2]int) []Span {
	if len(pos) == 0 {
		return nil
	}
	sortU32(pos)
	var out []Span
	prev := int64(-2)
	for _, p := range pos {
		if int64(p) == prev || int(p) >= len(words) {
			continue
		}
		w := words[p]
		if int64(p) == prev+1 && len(out) > 0 {
			out[len(out)-1].End = w[1]
		} else {
			out = append(out, Span{w[0], w[1]})
		}
		prev = int64(p)
	}
	return out
}

// runeSpans converts byte spans of text to code-point spans.
func runeSpans(text string, spans []Span) []Span {
	if spans == nil {
		return []Span{}
	}
	out := make([]Span, len(spans))
	for i, s := range spans {
		out[i] = Span{utf8.RuneCountInString(text[:s.Start]), utf8.RuneCountInString(text[:s.End])}
	}
	return out
}
