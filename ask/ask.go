package ask

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
	"berean/ref"
	"berean/retrieval"
	"berean/search"
)

// ErrUnknownBible is the index's (one sentinel for every package that
// resolves a Bible's name); ErrEmpty is package retrieval's, which study
// shares: errors.Is holds for either name.
var (
	ErrUnknownBible = index.ErrUnknownBible
	ErrEmpty        = retrieval.ErrEmpty
)

// Options, Candidate, Word and Sibling are package retrieval's, which
// package study reads; ask keeps its names for them.
type (
	Options   = retrieval.Options
	Candidate = retrieval.Candidate
	Word      = retrieval.Word
	Sibling   = retrieval.Sibling
)

// Result answers one question.
type Result struct {
	Question string   `json:"question"`
	Bible    string   `json:"bible"`
	Terms    []string `json:"terms,omitempty"`  // the content words searched for
	Topics   []string `json:"topics,omitempty"` // Nave's topics the question names, and those they redirect to (a topic's one See link)
	Results  []Hit    `json:"results"`
	// Note is for the reader, when the question needs one (a question in
	// a language no installed Bible has: answered from the Bibles of
	// another).
	Note string `json:"note,omitempty"`
}

// Hit is one answer: a verse or a range of neighbouring verses.
type Hit struct {
	OSIS string `json:"osis"`
	// Reference is OSIS for people ("Jude 3", "Hebrews 7:23-25"), in the
	// book names of the quoted Bible's language when the engine knows them.
	Reference string   `json:"reference"`
	Text      string   `json:"text"`
	Score     float64  `json:"score"`
	Why       []string `json:"why"`
	// Evidence is the tree of features behind Score (Options.Explain).
	Evidence []Evidence `json:"evidence,omitempty"`

	// Start and End are the KJV-versification ordinals of the first and
	// last verse (canon.KJV().VerseAt).
	Start int `json:"-"`
	End   int `json:"-"`
	// Verses are the verses of the range with their own texts.
	Verses []Verse `json:"verses,omitempty"`
}

// Verse is one verse of a hit.
type Verse struct {
	OSIS string `json:"osis"`
	Text string `json:"text"`
}

// Asker answers questions over an index. It is safe for concurrent use;
// its tables (versification maps, topic verses) are built on first use.
type Asker struct {
	ix      *index.Index
	lang    string // the language of ix's Bibles (lang.go)
	refs    *ref.Parser
	once    sync.Once
	maps    []*bibleMap
	topicVs topicCache
	popOnce sync.Once
	pop     map[int32]int
	// siblings memoises Siblings: stem -> []Sibling.
	siblings sync.Map
	// w are the ranker's weights (DefaultWeights).
	w Weights
	// qdf is the question frequency of words (data/qdf.tsv).
	qdf *QuestionDF
	// pagesTable replaces data/topics.tsv when not nil (tests).
	pagesTable *namedTable
	// askedTab replaces data/asked.tsv when not nil (tests).
	askedTab *askedTable
}

// New returns an Asker over the Bibles of ix in one language: the KJV's,
// or the first Bible's (give it index.ForLang for another).
func New(ix *index.Index) *Asker {
	lang := indexLang(ix)
	ix = ix.ForLang(lang)
	go Warm()
	ix.CheckAhead()
	return &Asker{ix: ix, lang: lang, refs: ref.NewParser(ref.Options{}), w: DefaultWeights(), qdf: defaultQDF()}
}

// Warm builds what every question reads and the package makes once per
// process from its embedded data: the patterns that read a question
// (frames, translations, books, speakers), the function words, the named
// passages, the topical pages and their verse vectors. A new process asks
// one question, and loading the index, reading the question and expanding
// its words leave the second CPU idle: New calls Warm in a goroutine, and
// a command that asks one question may call it in one before it loads the
// index. A question that needs something before it is made waits for it
// (sync.OnceValue); once made, Warm returns at once.
func Warm() {
	frames()
	translationName()
	likeFrame()
	judgment()
	speakerFrame()
	bookCue()
	bookLead()
	groupCue()
	bookNames()
	stopStems()
	namedPassages()
	topicPages().vectors()
	askedQuestions()
}

// WithParser makes the Asker read the references in questions with p (a
// parser with the book names of its Bibles' language: "Juan 3:16"); p's
// versification must be the KJV's. It returns a.
func (a *Asker) WithParser(p *ref.Parser) *Asker {
	if p != nil {
		a.refs = p
	}
	return a
}

// Index is the Asker's index.
func (a *Asker) Index() *index.Index { return a.ix }

func (a *Asker) init() {
	a.once.Do(func() {
		bs := a.ix.Bibles()
		a.maps = make([]*bibleMap, len(bs))
		var wg sync.WaitGroup
		for i, b := range bs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				a.maps[i] = newBibleMap(b)
			}()
		}
		wg.Wait()
	})
}

func (a *Asker) popularity() map[int32]int {
	a.popOnce.Do(func() { a.pop = popularity(a.ix) })
	return a.pop
}

// Ask is New(ix).Ask for one-off use.
func Ask(ctx context.Context, ix *index.Index, question string, o Options) (*Result, error) {
	return New(ix).Ask(ctx, question, o)
}

// Parameters of the features' definitions (how much each feature weighs
// is fitted: data/weights.tsv).
const (
	rescoreTop = 400 // candidates per Bible that get the proximity pass
	rangeKeep  = 0.6 // a neighbour joins a range when it scores this share of the hit
	proxWindow = 6   // words apart for the proximity feature
	sourceRun  = 5   // words in a run for the source feature
)

// bm25 are the BM25 parameters of package search, the one BM25 of the
// project.
var bm25 = search.DefaultParams()

// bibleScores is one Bible's evaluation of a question.
//
// Only vi is indexed by doc; the rest is indexed by the touched doc's
// number (its place in touched), and best and feat by that number ×
// concepts + concept: a question touches a fraction of the verses, and a
// new process pays for every page of memory it touches.
type bibleScores struct {
	m       *bibleMap
	n       int       // docs of the Bible
	nc      int       // concepts
	vi      []int32   // [doc] its number in touched, -1 when untouched
	touched []int32   // the docs some concept matches, in the order first matched
	best    []float32 // [touched·nc + concept] the concept's best match in the doc
	feat    []uint8   // [touched·nc + concept] the feature that gave best
	score   []float32 // [touched] w·vec
	run     []int32   // [touched] longest run of question words (rescored docs)
	// The best candidates' vectors (lexical, proximity, phrase; keep):
	// vecs[slot[touched]], slot -1 for the others, whose vector the
	// merge makes from their lexical features when they are their key's
	// best.
	slot []int32
	vecs []Vector
}

// vec is the kept vector of the touched doc d, nil when it has none.
func (bs *bibleScores) vec(d int32) *Vector {
	if bs.slot == nil {
		return nil
	}
	if i := bs.slot[bs.vi[d]]; i >= 0 {
		return &bs.vecs[i]
	}
	return nil
}

// lexical sets the lexical features of the touched doc number ti in v,
// zero on entry: each concept's best match counted in the bucket of its
// source, a concept missing from the verse but present in the verse
// before or after in the same chapter in the context bucket, all times
// the verse's coverage of the question.
func (bs *bibleScores) lexical(ti int, cs []concept, cidf []float64, mass float64, w *Weights, v *Vector) {
	b := bs.m.b
	d := bs.touched[ti]
	var cov float64
	for ci := range cs {
		x := float64(bs.best[ti*bs.nc+ci])
		if x > 0 {
			f := cs[ci].feats[bs.feat[ti*bs.nc+ci]]
			v.Add(f.src, x/w[f.src])
			cov += cidf[ci]
			continue
		}
		if w[FContext] <= 0 {
			continue
		}
		// context: the verse before or after in the same chapter
		var nb float64
		for _, e := range []int{int(d) - 1, int(d) + 1} {
			if x := bs.bestOf(ci, e); x > 0 && sameChapterDocs(b, int(d), e) {
				nb = math.Max(nb, float64(x))
			}
		}
		if nb > 0 {
			v.Add(FContext, nb)
			cov += contextCover * cidf[ci]
		}
	}
	if mass > 0 {
		for f := FExact; f <= FContext; f++ {
			v.Set(f, v.Get(f)*(cov/mass))
		}
	}
}

// keep gives the touched docs ds a vector of their own, their lexical
// features, for the proximity pass.
func (bs *bibleScores) keep(ds []int32, cs []concept, cidf []float64, mass float64, w *Weights) {
	bs.slot = unset(len(bs.touched))
	bs.vecs = written[Vector](len(ds))
	for i, d := range ds {
		ti := bs.vi[d]
		bs.slot[ti] = int32(i)
		bs.lexical(int(ti), cs, cidf, mass, w, &bs.vecs[i])
	}
}

// bestOf is concept ci's best match in doc d, 0 when d is untouched or
// outside the Bible.
func (bs *bibleScores) bestOf(ci int, d int) float32 {
	if d < 0 || d >= bs.n || bs.vi[d] < 0 {
		return 0
	}
	return bs.best[int(bs.vi[d])*bs.nc+ci]
}

// featOf is the feature of concept ci that gave its best match in the
// touched doc d.
func (bs *bibleScores) featOf(ci int, d int) uint8 { return bs.feat[int(bs.vi[d])*bs.nc+ci] }

// pick returns the bible maps selected by names (all when empty).
func (a *Asker) pick(names []string) ([]*bibleMap, error) {
	if len(names) == 0 {
		return a.maps, nil
	}
	var out []*bibleMap
	for _, n := range names {
		if strings.EqualFold(n, "all") {
			return a.maps, nil
		}
		found := false
		for _, m := range a.maps {
			if strings.EqualFold(m.b.Name(), n) || strings.EqualFold(m.b.Module(), n) {
				out = append(out, m)
				found = true
			}
		}
		if !found {
			return nil, fmt.Errorf("ask: %w: %q", ErrUnknownBible, n)
		}
	}
	return out, nil
}

// display returns the map of the Bible results are quoted in.
func (a *Asker) display(name string) (*bibleMap, error) {
	if name == "" {
		name = "KJV"
		for _, m := range a.maps {
			if strings.EqualFold(m.b.Name(), name) {
				return m, nil
			}
		}
		if len(a.maps) == 0 {
			return nil, fmt.Errorf("ask: the index has no Bibles")
		}
		return a.maps[0], nil
	}
	ms, err := a.pick([]string{name})
	if err != nil {
		return nil, err
	}
	return ms[0], nil
}

func idf(n, df int) float64 { return search.IDF(n, df) }

func tfNorm(tf, dl int, avg float64) float64 { return bm25.TFNorm(tf, dl, avg) }

func (f feature) postings(b *index.Bible) index.Postings {
	switch f.kind {
	case featWord:
		return b.Stem(f.term)
	case featPair:
		return b.Exact(f.term2)
	case featExact:
		return b.Exact(f.term)
	}
	return b.Strong(f.term)
}

// pairPositions appends the positions of the pair x y in doc d (the
// position of x) to dst.
func pairPositions(b *index.Bible, f feature, d uint32, dst []uint32) []uint32 {
	px, py := b.Exact(f.term), b.Exact(f.term2)
	i := px.Seek(0, d)
	j := py.Seek(0, d)
	if i >= px.Len() || px.Doc(i) != d || j >= py.Len() || py.Doc(j) != d {
		return dst
	}
	xs := px.Positions(i, nil)
	ys := py.Positions(j, nil)
	for _, x := range xs {
		if hasPos(ys, x+1) {
			dst = append(dst, x)
		}
	}
	return dst
}

// evalBible scores every verse of one Bible that matches a concept.
func evalBible(ctx context.Context, m *bibleMap, cs []concept) (*bibleScores, error) {
	b := m.b
	n := b.Docs()
	avg := b.AvgLen()
	if avg <= 0 {
		avg = 1
	}
	nc := len(cs)
	bs := &bibleScores{m: m, n: n, nc: nc, vi: unset(n)}
	// Room for every doc the postings may touch (at most the Bible): the
	// arrays are not copied as they grow, and the room left unused is
	// memory never written (a new process does not fault it in).
	bound := 0
	for _, c := range cs {
		for _, f := range c.feats {
			bound += f.postings(b).Len()
		}
	}
	bound = min(bound, n)
	bs.touched = make([]int32, 0, bound)
	bs.best = make([]float32, 0, bound*nc)
	bs.feat = make([]uint8, 0, bound*nc)
	for ci, c := range cs {
		for fi, f := range c.feats {
			p := f.postings(b)
			if p.Len() == 0 {
				continue
			}
			w := f.strength * idf(n, p.Len())
			if f.kind == featPair {
				// idf of the pair: the rarer of its words, as an estimate.
				w = f.strength * idf(n, min(p.Len(), b.Exact(f.term).Len()))
			}
			cur := p.Cursor()
			var tmp []uint32
			for ; !cur.Done(); cur.Next() {
				d := cur.Doc()
				tf := cur.TF()
				if f.kind == featPair {
					tmp = pairPositions(b, f, d, tmp[:0])
					if len(tmp) == 0 {
						continue
					}
					tf = len(tmp)
				}
				s := float32(w * tfNorm(tf, b.DocLen(int(d)), avg))
				ti := int(bs.vi[d])
				if ti < 0 {
					ti = len(bs.touched)
					bs.vi[d] = int32(ti)
					bs.touched = append(bs.touched, int32(d))
					bs.best = append(bs.best, make([]float32, nc)...)
					bs.feat = append(bs.feat, make([]uint8, nc)...)
				}
				if j := ti*nc + ci; s > bs.best[j] {
					bs.best[j] = s
					bs.feat[j] = uint8(fi)
				}
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
	}
	bs.score = make([]float32, len(bs.touched))
	bs.run = make([]int32, len(bs.touched))
	return bs, nil
}

// Ask answers a question.
func (a *Asker) Ask(ctx context.Context, question string, o Options) (*Result, error) {
	return a.ask(ctx, question, leave{}, o)
}

// ask answers a question leaving out what l says (site.go; the zero
// leave, nothing).
func (a *Asker) ask(ctx context.Context, question string, l leave, o Options) (*Result, error) {
	a.init()
	if o.N <= 0 {
		o.N = 10
	}
	disp, err := a.display(o.Bible)
	if err != nil {
		return nil, err
	}
	maps, err := a.pick(o.Bibles)
	if err != nil {
		return nil, err
	}
	// A question that is wholly a reference that does not exist ("John
	// 22") is that error, not a question about its words.
	var invalid *ref.InvalidError
	if _, err := a.refs.Whole(question); errors.As(err, &invalid) {
		return nil, fmt.Errorf("ask: %w", err)
	}
	q := a.parse(question)
	q.leave = l
	// A translation the question names is the one quoted, when it is
	// installed and the caller chose none ("verses about love KJV").
	if o.Bible == "" && q.bible != "" {
		if m, err := a.display(q.bible); err == nil {
			disp = m
		}
	}
	if q.frameOnly {
		return nil, fmt.Errorf("ask: %w: %q asks where to look but not what for; add what the verse is about (for example \"where does the Bible say God is love\")", ErrEmpty, strings.TrimSpace(question))
	}
	res := &Result{Question: question, Bible: disp.b.Name(), Results: []Hit{}}
	cands, err := a.retrieve(ctx, &q, maps, o, true)
	if err != nil {
		return nil, err
	}
	for _, c := range cands.concepts {
		res.Terms = append(res.Terms, c.w.text)
	}
	for _, t := range cands.topics {
		if !t.shared { // SIN's links to the nations' sins are not what "sin" names
			res.Topics = append(res.Topics, t.name)
		}
	}
	if len(q.refs) == 0 && len(cands.concepts) == 0 && len(q.words) == 0 {
		return nil, ErrEmpty
	}
	if hs := a.hits(&q, cands, disp, o); len(hs) > 0 {
		res.Results = hs
	}
	return res, nil
}

// scored is the evaluation of a question over all Bibles, in the KJV key
// space.
type scored struct {
	concepts []concept
	cidf     []float64 // idf of each concept's own word (max over Bibles)
	topics   []topicMatch
	bibles   []*bibleScores
	// The candidates, indexed by key (KJV ordinal): dense arrays over the
	// keys, not maps, since a question touches thousands of verses (a map
	// grown to that size is most of the memory a new process touches
	// first) and every feature pass visits them all. keys lists the
	// candidates in the order they became one; fv is nil for the others.
	keys    []int32
	fv      []*Vector           // key -> feature values
	final   []float64           // key -> score
	bestIn  []int16             // key -> 1 + index of the Bible that scored best, 0 when none did
	phrase  []int32             // key -> longest run of question words
	slab    []Vector            // vectors not yet handed out (vector)
	why     map[int32][]string  // key -> reasons
	topicOf map[int32][]string  // key -> topic names
	lineOf  map[int32]string    // key -> the Nave's line that gave its prior
	namedOf map[int32]string    // key -> the named passage the question names
	pageOf  map[int32]pageTopic // key -> the topic of topics.tsv that gives it
	fbOf    map[int32]pageTopic // key -> the topic that feedback lends it from
	askedOf map[int32]string    // key -> the similar question asked elsewhere that gives it
	w       *Weights            // the weights of the question
	inBooks map[string]bool     // the books the question names as where to look: results are theirs
}

// Candidates returns the scored verses of a question (for study): KJV
// ordinals and scores, best first, at most n.
func (a *Asker) Candidates(ctx context.Context, question string, n int, o Options) ([]Candidate, []string, error) {
	a.init()
	maps, err := a.pick(o.Bibles)
	if err != nil {
		return nil, nil, err
	}
	q := a.parse(question)
	q.leave = leave{site: siteOf(o.LeaveSource)}
	// A study spans the Bible: the books its topic names are preferred
	// (as a speaker's are), not the only ones.
	if len(q.inBooks) > 0 {
		q.books, q.inBooks = append(q.books, q.inBooks...), nil
	}
	s, err := a.retrieve(ctx, &q, maps, o, false)
	if err != nil {
		return nil, nil, err
	}
	keys := s.ranked(o.Testament, o.Within, n)
	out := make([]Candidate, len(keys))
	for i, k := range keys {
		ev := s.evidence(k)
		ms, tev := Matches(ev)
		out[i] = Candidate{Ord: int(k), Score: s.final[k], Why: Why(ev), Topics: s.topicOf[k], Phrase: int(s.phrase[k]),
			Matches: ms, TopicEvidence: tev}
		if p, ok := s.pageOf[k]; ok && s.fv[k][FPages] > 0 {
			out[i].Pages, out[i].PageCites = p.name, p.pages
		}
		if n := s.namedOf[k]; n != "" && s.fv[k][FNamed] > 0 {
			out[i].Named = n
		}
	}
	var tn []string
	for _, t := range s.topics {
		tn = append(tn, t.name)
	}
	return out, tn, nil
}

// ranked returns the best k keys (all when k <= 0), best first, restricted
// to testament t when it is set. A bounded heap keeps it O(n log k).
func (s *scored) ranked(t canon.Testament, within map[int]bool, k int) []int32 {
	less := func(a, b int32) bool { // a ranks below b
		if s.final[a] != s.final[b] {
			return s.final[a] < s.final[b]
		}
		return a > b
	}
	h := make([]int32, 0, max(k, 16))
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && less(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, key := range s.keys {
		if within != nil && !within[int(key)] {
			continue
		}
		if t != 0 || s.inBooks != nil {
			b, _, _ := keyRef(int(key))
			if t != 0 && (t == canon.OT) != canon.IsOT(b) || s.inBooks != nil && !s.inBooks[b] {
				continue
			}
		}
		if k <= 0 || len(h) < k {
			h = append(h, key)
			if k > 0 && len(h) == k {
				for i := k/2 - 1; i >= 0; i-- {
					down(i)
				}
			}
			continue
		}
		if less(h[0], key) {
			h[0] = key
			down(0)
		}
	}
	sort.Slice(h, func(i, j int) bool { return less(h[j], h[i]) })
	return h
}

// sameChapterDocs reports whether two docs of a Bible are in one chapter.
func sameChapterDocs(b *index.Bible, d, e int) bool {
	b1, c1, _ := b.Ref(d)
	b2, c2, _ := b.Ref(e)
	return b1 == b2 && c1 == c2
}

func minDist(a, b []uint32) int {
	best := math.MaxInt
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		d := int(a[i]) - int(b[j])
		if d < 0 {
			d = -d
		}
		if d < best {
			best = d
		}
		if a[i] < b[j] {
			i++
		} else {
			j++
		}
	}
	return best
}

// longestRun finds the longest in-order chain of question words in the
// verse: each next matched word follows within two positions, and one
// question word may be missing between two matched ones (a half-remembered
// quotation). It returns the chain's length and the idf mass of its
// content words; chains without a content word do not count.
func longestRun(pos [][]uint32, conceptOf []int, cidf []float64) (int, float64) {
	best, bestIDF := 0, 0.0
	for i := range pos {
		for _, p := range pos[i] {
			n := 1
			var m float64
			if ci := conceptOf[i]; ci >= 0 {
				m = cidf[ci]
			}
			cur, last := p, i
			for j := i + 1; j < len(pos) && j-last <= 2; j++ {
				next := uint32(0)
				found := false
				for _, x := range pos[j] {
					if x > cur && x <= cur+2 {
						next, found = x, true
						break
					}
				}
				if !found {
					continue
				}
				n++
				cur, last = next, j
				if cj := conceptOf[j]; cj >= 0 {
					m += cidf[cj]
				}
			}
			if m > 0 && (n > best || n == best && m > bestIDF) {
				best, bestIDF = n, m
			}
		}
	}
	return best, bestIDF
}

func hasPos(ps []uint32, x uint32) bool {
	for _, p := range ps {
		if p == x {
			return true
		}
	}
	return false
}

// persons are the object pronouns, which phrases treat as one word.
var persons = []string{"me", "us", "thee", "you", "him", "her", "them", "these", "those"}

func isPerson(w string) bool {
	for _, p := range persons {
		if p == w {
			return true
		}
	}
	return false
}
