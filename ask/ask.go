package ask

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
	"berean/ref"
)

// ErrUnknownBible is wrapped by errors naming a Bible the index lacks.
var ErrUnknownBible = errors.New("no such Bible in the index")

// ErrEmpty is returned for a question with no words.
var ErrEmpty = errors.New("the question has no words to search for")

// Options of one question.
type Options struct {
	// Bible is the translation the results are quoted in (abbreviation or
	// module name); default KJV, or the first indexed Bible.
	Bible string
	// N is the number of results (default 10).
	N int
	// NoStrongs, NoDefinitions and NoTopics turn off one kind of concept
	// expansion (for evaluation).
	NoStrongs, NoDefinitions, NoTopics bool
	// Bibles restricts retrieval to these translations (default: all).
	Bibles []string
	// Testament restricts results to canon.OT or canon.NT (0: both).
	Testament canon.Testament
	// Within, when set, restricts results to these KJV ordinals (study:
	// the verses of a Nave's topic).
	Within map[int]bool
	// Persons lets object pronouns stand for one another in phrases
	// ("intercession for us" ~ "prayed for thee"); study uses it for the
	// sibling wordings of a topic.
	Persons bool
}

// Result answers one question.
type Result struct {
	Question string   `json:"question"`
	Bible    string   `json:"bible"`
	Terms    []string `json:"terms,omitempty"`  // the content words searched for
	Topics   []string `json:"topics,omitempty"` // Nave's topics the question names
	Results  []Hit    `json:"results"`
}

// Hit is one answer: a verse or a range of neighbouring verses.
type Hit struct {
	OSIS  string   `json:"osis"`
	Text  string   `json:"text"`
	Score float64  `json:"score"`
	Why   []string `json:"why"`

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
}

// New returns an Asker over the Bibles of ix in one language: the KJV's,
// or the first Bible's (give it index.ForLang for another).
func New(ix *index.Index) *Asker {
	lang := indexLang(ix)
	ix = ix.ForLang(lang)
	return &Asker{ix: ix, lang: lang, refs: ref.NewParser(ref.Options{})}
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

// Scoring parameters; see doc.go for the measurements behind them.
const (
	k1           = 1.2
	bLen         = 0.4
	agreeShare   = 0.25 // share of the second-best translation's score added
	pairBonus    = 0.35 // proximity: per pair of concepts, × the smaller idf
	phraseBonus  = 0.45 // per extra word of the longest in-order run, × mean idf
	topicShare   = 0.12 // a fully covering topic adds this share of the question's idf mass
	coordPow     = 1.0  // score × coverage^coordPow (coverage in idf mass)
	rescoreTop   = 400  // candidates per Bible that get the proximity pass
	rangeKeep    = 0.6  // a neighbour joins a range when it scores this share of the hit
	contextShare = 0.4  // a concept found only in a neighbouring verse
	proxWindow   = 6    // words apart for the proximity bonus
	popShare     = 0.15 // topics citing a verse: prior, × mean idf × log(1+n)
	sourceRun    = 5    // words in a run for preferSources
	sourceMargin = 0.8  // score share for preferSources
	speakerBoost = 1.5  // × for verses in the books of the question's speaker
)

// bibleScores is one Bible's evaluation of a question.
type bibleScores struct {
	m       *bibleMap
	n       int
	best    [][]float32 // [concept][doc]
	feat    [][]uint8   // [concept][doc] the feature that gave best
	touched []int32
	score   []float32 // [doc]
	run     []int     // [doc] longest run of question words (rescored docs)
}

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

func idf(n, df int) float64 {
	return math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
}

func tfNorm(tf, dl int, avg float64) float64 {
	if tf <= 0 {
		tf = 1
	}
	t := float64(tf)
	norm := 1 - bLen + bLen*float64(dl)/avg
	return t * (k1 + 1) / (t + k1*norm)
}

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
	bs := &bibleScores{m: m, n: n, best: make([][]float32, len(cs)), feat: make([][]uint8, len(cs)), score: make([]float32, n), run: make([]int, n)}
	seen := make([]bool, n)
	for ci, c := range cs {
		best := make([]float32, n)
		feat := make([]uint8, n)
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
				if s > best[d] {
					best[d] = s
					feat[d] = uint8(fi)
				}
				if !seen[d] {
					seen[d] = true
					bs.touched = append(bs.touched, int32(d))
				}
			}
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		bs.best[ci], bs.feat[ci] = best, feat
	}
	return bs, nil
}

// Ask answers a question.
func (a *Asker) Ask(ctx context.Context, question string, o Options) (*Result, error) {
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
	q := a.parse(question)
	res := &Result{Question: question, Bible: disp.b.Name(), Results: []Hit{}}
	cands, err := a.retrieve(ctx, &q, maps, o, true)
	if err != nil {
		return nil, err
	}
	for _, c := range cands.concepts {
		res.Terms = append(res.Terms, c.w.text)
	}
	for _, t := range cands.topics {
		res.Topics = append(res.Topics, t.name)
	}
	if len(q.refs) == 0 && len(cands.concepts) == 0 && len(q.words) == 0 {
		return nil, ErrEmpty
	}
	res.Results = a.hits(&q, cands, disp, o)
	return res, nil
}

// scored is the evaluation of a question over all Bibles, in the KJV key
// space.
type scored struct {
	concepts []concept
	cidf     []float64 // idf of each concept's own word (max over Bibles)
	topics   []topicMatch
	bibles   []*bibleScores
	final    map[int32]float64  // key -> score
	why      map[int32][]string // key -> reasons
	topicOf  map[int32][]string // key -> topic names
	lineOf   map[int32]string   // key -> the Nave's line that gave its prior
	bestIn   map[int32]int      // key -> index of the Bible that scored best
	phrase   map[int32]int      // key -> longest run
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
	s, err := a.retrieve(ctx, &q, maps, o, false)
	if err != nil {
		return nil, nil, err
	}
	keys := s.ranked(o.Testament, o.Within, n)
	out := make([]Candidate, len(keys))
	for i, k := range keys {
		out[i] = Candidate{Ord: int(k), Score: s.final[k], Why: s.reasons(k, a.maps), Topics: s.topicOf[k], Phrase: s.phrase[k]}
	}
	var tn []string
	for _, t := range s.topics {
		tn = append(tn, t.name)
	}
	return out, tn, nil
}

// Candidate is one scored verse.
type Candidate struct {
	Ord    int // KJV ordinal
	Score  float64
	Why    []string
	Topics []string
	Phrase int // longest run of question words (function words included) in the verse
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
	for key := range s.final {
		if within != nil && !within[int(key)] {
			continue
		}
		if t != 0 {
			b, _, _ := keyRef(int(key))
			if (t == canon.OT) != canon.IsOT(b) {
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

// retrieve scores the question's verses; lines turns on the prior of
// Nave's lines (Ask; Candidates leaves it to study, which reads the
// entries' lines itself).
func (a *Asker) retrieve(ctx context.Context, q *question, maps []*bibleMap, o Options, lines bool) (*scored, error) {
	cs := a.expand(q, !o.NoStrongs, !o.NoDefinitions)
	s := &scored{concepts: cs, final: map[int32]float64{}, why: map[int32][]string{}, topicOf: map[int32][]string{},
		lineOf: map[int32]string{}, bestIn: map[int32]int{}, phrase: map[int32]int{}}
	// idf of each concept's word: the most specific over the Bibles.
	s.cidf = make([]float64, len(cs))
	idfOf := map[string]float64{}
	for ci, c := range cs {
		for _, m := range maps {
			p := m.b.Stem(c.w.stem)
			if p.Len() > 0 {
				s.cidf[ci] = math.Max(s.cidf[ci], idf(m.b.Docs(), p.Len()))
			}
		}
		if s.cidf[ci] == 0 { // a word no Bible has: its expansions carry it
			s.cidf[ci] = 1
		}
		idfOf[c.w.stem] = s.cidf[ci]
	}
	var mass float64
	for _, v := range s.cidf {
		mass += v
	}
	s.bibles = make([]*bibleScores, len(maps))
	var wg sync.WaitGroup
	errs := make([]error, len(maps))
	for i, m := range maps {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bs, err := evalBible(ctx, m, cs)
			if err == nil {
				rescore(bs, q, cs, s.cidf, mass, o)
			}
			s.bibles[i], errs[i] = bs, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Combine: best translation plus a share of the others (agreement).
	type pair struct{ best, second float64 }
	acc := map[int32]*pair{}
	for bi, bs := range s.bibles {
		for _, d := range bs.touched {
			k := bs.m.toKey[d]
			if k < 0 {
				continue
			}
			v := float64(bs.score[d])
			if v <= 0 {
				continue
			}
			p := acc[k]
			if p == nil {
				p = &pair{}
				acc[k] = p
			}
			switch {
			case v > p.best:
				p.second, p.best = p.best, v
				s.bestIn[k] = bi
			case v > p.second:
				p.second = v
			}
			if r := bs.run[d]; r > s.phrase[k] {
				s.phrase[k] = r
			}
		}
	}
	for k, p := range acc {
		s.final[k] = p.best + agreeShare*p.second
	}
	s.preferSources()
	// Nave's topics the question names: their verses get a prior.
	if !o.NoTopics && mass > 0 {
		s.topics = a.matchTopics(cs, idfOf)
		for _, t := range s.topics {
			vs := a.topicVs.get(a.ix, t.name)
			if len(vs) == 0 {
				continue
			}
			// Large topics say less about each verse.
			size := 1 / math.Sqrt(1+float64(len(vs))/40)
			bonus := topicShare * mass * t.weight * size
			for _, k := range vs {
				s.final[k] += bonus
				s.topicOf[k] = append(s.topicOf[k], t.name)
			}
		}
	}
	// Nave's lines that cover the question: their passages get a prior.
	if lines && !o.NoTopics && mass > 0 {
		ls, lidf := a.matchLines(cs)
		a.linePrior(s, ls, lidf)
	}
	// Verses that many topics cite are the ones people ask about.
	if popShare > 0 && !o.NoTopics && mass > 0 {
		pop := a.popularity()
		meanIDF := mass / float64(len(cs))
		for k := range s.final {
			if n := pop[k]; n > 0 {
				s.final[k] += popShare * meanIDF * math.Log1p(float64(n))
			}
		}
	}
	// "Where does Paul say ...": his letters first.
	if len(q.books) > 0 {
		in := map[string]bool{}
		for _, b := range q.books {
			in[b] = true
		}
		for k := range s.final {
			if b, _, _ := keyRef(int(k)); in[b] {
				s.final[k] *= speakerBoost
			}
		}
	}
	return s, nil
}

// preferSources ranks an Old Testament verse above the New Testament
// verses that quote it: when both contain a long run of the question's
// words (sourceRun) and the OT verse scores within sourceMargin of the NT
// one, the question quotes words found in both, and their source is the
// answer (dev d05: Ps 110:4 under Heb 5:6 and 6:20, which quote it).
func (s *scored) preferSources() {
	var long []int32
	for k, r := range s.phrase {
		if r >= sourceRun {
			long = append(long, k)
		}
	}
	if len(long) < 2 {
		return
	}
	sort.Slice(long, func(i, j int) bool { return s.final[long[i]] > s.final[long[j]] })
	if len(long) > 20 {
		long = long[:20]
	}
	for _, ot := range long {
		b, _, _ := keyRef(int(ot))
		if !canon.IsOT(b) {
			continue
		}
		for _, nt := range long {
			nb, _, _ := keyRef(int(nt))
			if !canon.IsNT(nb) || s.final[nt] <= s.final[ot] || s.final[ot] < sourceMargin*s.final[nt] {
				continue
			}
			s.final[ot] = s.final[nt] * 1.001
		}
	}
}

// rescore computes each touched verse's score in one Bible: the sum of its
// concepts (a concept missing from the verse but present in a neighbouring
// verse of the same chapter counts at contextShare), times its coverage of
// the question, plus proximity and phrase bonuses for the best candidates.
func rescore(bs *bibleScores, q *question, cs []concept, cidf []float64, mass float64, o Options) {
	within := o.Within
	type dc struct {
		d int32
		s float32
	}
	b := bs.m.b
	list := make([]dc, 0, len(bs.touched))
	for _, d := range bs.touched {
		var sum, cov float64
		for ci := range cs {
			v := float64(bs.best[ci][d])
			w := cidf[ci]
			if v == 0 {
				// context: the verse before or after in the same chapter
				var nb float64
				for _, e := range []int{int(d) - 1, int(d) + 1} {
					if e < 0 || e >= bs.n || bs.best[ci][e] == 0 || !sameChapterDocs(b, int(d), e) {
						continue
					}
					nb = math.Max(nb, float64(bs.best[ci][e]))
				}
				v = contextShare * nb
				w *= contextShare
			}
			if v > 0 {
				sum += v
				cov += w
			}
		}
		if mass > 0 {
			sum *= math.Pow(cov/mass, coordPow)
		}
		bs.score[d] = float32(sum)
		if within != nil && (bs.m.toKey[d] < 0 || !within[int(bs.m.toKey[d])]) {
			continue // not a result: no proximity pass
		}
		list = append(list, dc{d, float32(sum)})
	}
	sort.Slice(list, func(i, j int) bool { return list[i].s > list[j].s })
	if len(list) > rescoreTop {
		list = list[:rescoreTop]
	}
	if len(q.words) < 2 {
		return
	}
	// Positions of every question word (content and function words) in a
	// candidate verse; content words through their matching features.
	wordFeats := make([][]feature, len(q.words))
	conceptOf := make([]int, len(q.words))
	for i, w := range q.words {
		conceptOf[i] = -1
		if w.stop {
			wordFeats[i] = []feature{{kind: featWord, term: w.stem, strength: 1}}
			if o.Persons && isPerson(w.text) {
				// Object pronouns stand for one another in a phrase:
				// "intercession for us", "prayed for thee".
				for _, p := range persons {
					if p != w.text {
						wordFeats[i] = append(wordFeats[i], feature{kind: featWord, term: index.StemTerm(p), strength: 1})
					}
				}
			}
			continue
		}
		for ci, c := range cs {
			if c.w.stem == w.stem {
				wordFeats[i] = c.feats
				conceptOf[i] = ci
			}
		}
	}
	posts := make([][]index.Postings, len(q.words))
	for i, fs := range wordFeats {
		for _, f := range fs {
			posts[i] = append(posts[i], f.postings(b))
		}
	}
	avgdl := math.Max(1, b.AvgLen())
	sort.Slice(list, func(i, j int) bool { return list[i].d < list[j].d })
	pos := make([][]uint32, len(q.words))
	for _, c := range list {
		d := uint32(c.d)
		for i := range q.words {
			pos[i] = pos[i][:0]
			if ci := conceptOf[i]; ci >= 0 && bs.best[ci][d] == 0 {
				continue
			}
			for fi, p := range posts[i] {
				if wordFeats[i][fi].kind == featPair {
					pos[i] = pairPositions(b, wordFeats[i][fi], d, pos[i])
					continue
				}
				j := p.Seek(0, d)
				if j < p.Len() && p.Doc(j) == d {
					pos[i] = p.Positions(j, pos[i])
				}
			}
			slices.Sort(pos[i])
		}
		var bonus float64
		// Proximity: pairs of content words close together.
		for i := range q.words {
			ci := conceptOf[i]
			if ci < 0 || len(pos[i]) == 0 {
				continue
			}
			for j := i + 1; j < len(q.words); j++ {
				cj := conceptOf[j]
				if cj < 0 || cj == ci || len(pos[j]) == 0 {
					continue
				}
				dist := minDist(pos[i], pos[j])
				if dist <= 0 || dist > proxWindow {
					continue
				}
				bonus += pairBonus * math.Min(cidf[ci], cidf[cj]) / float64(dist)
			}
		}
		// Phrase: the longest run of question words in order.
		if run, m := longestRun(pos, conceptOf, cidf); run >= 3 {
			// The content words of the run, weighted by the share of the
			// question it covers, normalised by verse length like BM25:
			// a verse that is mostly the quotation beats a long verse
			// that contains it.
			norm := 1 - bLen + bLen*float64(b.DocLen(int(d)))/avgdl
			bonus += phraseBonus * m * float64(run) / float64(len(q.words)) / norm
			if run > bs.run[d] {
				bs.run[d] = run
			}
		}
		bs.score[d] += float32(bonus)
	}
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
