package ask

import (
	"context"
	"errors"
	"math"
	"slices"
	"sort"
	"sync"

	"berean/canon"
	"berean/index"
)

// contextCover is the share of a concept's idf that a match in a
// neighbouring verse adds to the verse's coverage (a definition of the
// lexical features; how much the context feature weighs is fitted).
const contextCover = 0.4

// weights are the weights of one question: the options' or the fitted.
func (a *Asker) weights(o Options) *Weights {
	if o.Weights != nil {
		return o.Weights
	}
	return &a.w
}

// newScored returns the empty candidates of a question over the keys of
// the KJV versification.
func newScored(cs []concept, w *Weights) *scored {
	n := canon.KJV().VerseCount()
	return &scored{concepts: cs, w: w,
		fv: written[*Vector](n), final: written[float64](n), bestIn: written[int16](n), phrase: written[int32](n),
		why: map[int32][]string{}, topicOf: map[int32][]string{}, lineOf: map[int32]string{},
		namedOf: map[int32]string{}, pageOf: map[int32]pageTopic{}, fbOf: map[int32]pageTopic{}, askedOf: map[int32]string{}}
}

// vecSlab is how many vectors vector takes from the heap at a time.
const vecSlab = 256

// vector returns the feature vector of key k, made on first use.
func (s *scored) vector(k int32) *Vector {
	v := s.fv[k]
	if v == nil {
		v = s.newVector()
		s.fv[k] = v
		s.keys = append(s.keys, k)
	}
	return v
}

// newVector returns a zero vector from the slab.
func (s *scored) newVector() *Vector {
	if len(s.slab) == 0 {
		s.slab = written[Vector](vecSlab)
	}
	v := &s.slab[0]
	s.slab = s.slab[1:]
	return v
}

// retrieve scores the question's verses; lines turns on the prior of
// Nave's lines (Ask; Candidates leaves it to study, which reads the
// entries' lines itself) and the tables of public pages and named
// passages, which Candidates counts when o.Pages is set. Every candidate gets a feature vector (s.fv);
// its score is the dot product with the weights.
func (a *Asker) retrieve(ctx context.Context, q *question, maps []*bibleMap, o Options, lines bool) (*scored, error) {
	w := a.weights(o)
	cs := a.expand(q, !o.NoStrongs, !o.NoDefinitions)
	weigh(cs, w)
	// Words many questions use weigh less (qweight.go), counted without
	// the question itself when it is one of those counted.
	qdf := a.qdf
	if q.leave.self {
		qdf = qdf.without(q.text)
	}
	qws := make([]float64, len(cs))
	for ci := range cs {
		qws[ci] = 1
		if !o.NoQuestionFrequency {
			qws[ci] = qdf.Weight(cs[ci].w.stem)
		}
		for fi := range cs[ci].feats {
			cs[ci].feats[fi].strength *= qws[ci]
		}
	}
	s := newScored(cs, w)
	if len(q.inBooks) > 0 {
		s.inBooks = map[string]bool{}
		for _, b := range q.inBooks {
			s.inBooks[b] = true
		}
	}
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
		s.cidf[ci] *= qws[ci]
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
				rescore(bs, q, cs, s.cidf, mass, o, w)
			}
			s.bibles[i], errs[i] = bs, err
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Combine: the best translation's features, and the second best's
	// score as agreement. A key's vector is its best translation's:
	// the one kept for the proximity pass (no copy), else made from its
	// lexical features, so that only the keys' vectors are made, not
	// every touched verse's in every translation.
	second := written[float32](len(s.final))
	bestT := written[int32](len(s.final)) // the best translation's touched doc number
	for bi, bs := range s.bibles {
		for ti, d := range bs.touched {
			k := bs.m.toKey[d]
			if k < 0 {
				continue
			}
			v := float64(bs.score[ti])
			if v <= 0 {
				continue
			}
			ok := s.bestIn[k] != 0
			cur := s.final[k]
			switch {
			case !ok || v > cur:
				if ok {
					second[k] = float32(cur)
				} else {
					s.keys = append(s.keys, k)
				}
				s.final[k] = v
				s.bestIn[k] = int16(bi + 1)
				bestT[k] = int32(ti)
			case v > float64(second[k]):
				second[k] = float32(v)
			}
			if r := bs.run[ti]; r > s.phrase[k] {
				s.phrase[k] = r
			}
		}
	}
	for _, k := range s.keys {
		bs, ti := s.bibles[s.bestIn[k]-1], int(bestT[k])
		v := bs.vec(bs.touched[ti])
		if v == nil {
			v = s.newVector()
			bs.lexical(ti, cs, s.cidf, mass, w, v)
		}
		s.fv[k] = v
		if second[k] > 0 {
			v[FAgree] = second[k]
		}
	}
	a.comments(s, mass, w)
	s.sources()
	s.score()
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
			f := FTopic
			if t.see {
				f = FSee
			}
			for _, k := range vs {
				s.vector(k).Add(f, mass*t.weight*size)
				s.topicOf[k] = append(s.topicOf[k], t.name)
			}
		}
	}
	// Passages known by a name the question names, and the verses public
	// pages give for a topic it names.
	if (lines || o.Pages) && mass > 0 {
		known := knownIn(maps)
		// Leave-site-out (site.go): none of the tables' rows from the
		// question's site, when the harness gives one.
		s.named(namedPassages().without(q.leave.site), q, mass, known)
		rel := a.pageRel()
		s.pages(a.topicTable().without(q.leave.site), q, known, rel)
		if w[FAsked] > 0 && len(cs) > 0 {
			s.asked(a.askedTable(), q, mass/float64(len(cs)), rel)
		}
	}
	// Nave's lines that cover the question: their passages get a prior.
	if lines && !o.NoTopics && mass > 0 {
		ls, lidf := a.matchLines(cs)
		a.linePrior(s, ls, lidf)
	}
	// Verses that many topics cite, or that many cross-references point
	// at, are the ones people ask about.
	if !o.NoTopics && mass > 0 && len(cs) > 0 {
		meanIDF := mass / float64(len(cs))
		votes, _ := any(a.ix).(interface{ VerseVotes(int) int })
		// The best lexical score, to scale each verse's own (lexpop).
		var maxLex float64
		for _, k := range s.keys {
			maxLex = math.Max(maxLex, lexScore(s.fv[k], w))
		}
		for _, k := range s.keys {
			v := s.fv[k]
			popK := a.ix.TopicCount(int(k))
			if o.ShortCitations {
				popK = a.Popularity(int(k))
			}
			if n := popK; n > 0 {
				v.Set(FPop, meanIDF*math.Log1p(float64(n)))
			}
			if n := a.ix.CommentCites(int(k)); n > 0 {
				v.Set(FCited, meanIDF*math.Log1p(float64(n)))
			}
			votesN := 0
			if votes != nil {
				if votesN = votes.VerseVotes(int(k)); votesN > 0 {
					v.Set(FVotes, meanIDF*math.Log1p(float64(votesN)))
					if maxLex > 0 {
						v.Set(FLexPop, v.Get(FVotes)*lexScore(v, w)/maxLex)
					}
				}
			}
			// Among the verses of the topics the question names, the
			// well-known ones: the topic prior × ln(1 + Nave's topics,
			// commentary citations and cross-reference votes citing it).
			if t := v.Get(FTopic) + v.Get(FSee); t > 0 {
				v.Set(FTopicPop, t*math.Log1p(float64(popK+a.ix.CommentCites(int(k))+votesN)))
			}
		}
	}
	// Topics the best candidates belong to lend their other verses.
	if (lines || o.Pages) && mass > 0 && w[FFeedback] > 0 && len(cs) > 0 {
		s.feedback(a.topicTable().without(q.leave.site), mass/float64(len(cs)))
	}
	// "... in the Old Testament": its verses.
	if q.testament != 0 {
		for _, k := range s.keys {
			v := s.fv[k]
			if b, _, _ := keyRef(int(k)); canon.IsOT(b) == (q.testament == canon.OT) {
				v.Set(FTestament, w.Dot(v))
			}
		}
	}
	// "Where does Paul say ...": his letters.
	if len(q.books) > 0 {
		in := map[string]bool{}
		for _, b := range q.books {
			in[b] = true
		}
		for _, k := range s.keys {
			v := s.fv[k]
			if b, _, _ := keyRef(int(k)); in[b] {
				v.Set(FSpeaker, w.Dot(v))
			}
		}
	}
	s.score()
	return s, nil
}

// knownIn tells whether some Bible of maps has a stem.
func knownIn(maps []*bibleMap) func(stem string) bool {
	return func(stem string) bool {
		for _, m := range maps {
			if m.b.Stem(stem).Len() > 0 {
				return true
			}
		}
		return false
	}
}

// lexScore is the part of a verse's score its own words give: the
// lexical features and its commentary.
func lexScore(v *Vector, w *Weights) float64 {
	var s float64
	for f := FExact; f <= FWordNet; f++ {
		s += w[f] * v.Get(f)
	}
	return s + w[FComment]*v.Get(FComment)
}

// comments sets the commentary feature: BM25 of the question's concepts
// over the commentary words of each verse (their own stems), times the
// verse's coverage of the question there. Verses that only their comment
// matches become candidates too (document expansion).
func (a *Asker) comments(s *scored, mass float64, w *Weights) {
	docs, avg := a.ix.CommentField()
	if docs == 0 || w[FComment] <= 0 || mass == 0 {
		return
	}
	// Each verse's BM25, summed in its feature, and its coverage, in an
	// array over the keys (a map of the thousands of verses the
	// commentary words reach was most of this step's time).
	cov := written[float64](len(s.fv))
	for ci, c := range s.concepts {
		df := a.ix.CommentPostings(c.w.stem, nil)
		if df == 0 {
			continue
		}
		id := idf(docs, df)
		a.ix.CommentPostings(c.w.stem, func(ord, tf int) {
			if ord < 0 || ord >= len(cov) {
				return
			}
			s.vector(int32(ord)).Add(FComment, id*tfNorm(tf, a.ix.CommentLen(ord), avg))
			cov[ord] += s.cidf[ci]
		})
	}
	for _, k := range s.keys {
		if v := s.fv[k]; v[FComment] != 0 {
			v.Set(FComment, v.Get(FComment)*cov[k]/mass)
		}
	}
}

// score sets every candidate's score to its dot product with the weights.
func (s *scored) score() {
	for _, k := range s.keys {
		s.final[k] = s.w.Dot(s.fv[k])
	}
}

// sources sets the source feature: an Old Testament verse whose run of
// question words is sourceRun long, when a New Testament verse has such
// a run too, gets its own score as the feature's value: the NT quotes the
// OT, and a question quoting words found in both may ask for their source
// (its weight is fitted).
func (s *scored) sources() {
	var long []int32
	for _, k := range s.keys {
		if s.phrase[k] >= sourceRun {
			long = append(long, k)
		}
	}
	if len(long) < 2 {
		return
	}
	sort.Slice(long, func(i, j int) bool {
		if s.final[long[i]] != s.final[long[j]] {
			return s.final[long[i]] > s.final[long[j]]
		}
		return long[i] < long[j]
	})
	if len(long) > 20 {
		long = long[:20]
	}
	nt := false
	for _, k := range long {
		if b, _, _ := keyRef(int(k)); canon.IsNT(b) {
			nt = true
		}
	}
	if !nt {
		return
	}
	for _, k := range long {
		if b, _, _ := keyRef(int(k)); canon.IsOT(b) {
			s.fv[k].Set(FSource, s.final[k])
		}
	}
}

// rescore computes each touched verse's features in one Bible: the
// lexical buckets (each concept's best match counted in the bucket of its
// source; a concept missing from the verse but present in a neighbouring
// verse of the same chapter counts in the context bucket), times its
// coverage of the question, then proximity and phrase for the best
// candidates.
func rescore(bs *bibleScores, q *question, cs []concept, cidf []float64, mass float64, o Options, w *Weights) {
	within := o.Within
	type dc struct {
		d int32
		s float32
	}
	b := bs.m.b
	// Every touched verse's score from its lexical features, computed in
	// place: only the best candidates keep a vector here (below), and
	// the merge makes the vector of each key's best translation.
	list := make([]dc, 0, len(bs.touched))
	var lv Vector
	for ti, d := range bs.touched {
		lv = Vector{}
		bs.lexical(ti, cs, cidf, mass, w, &lv)
		sum := w.Dot(&lv)
		bs.score[ti] = float32(sum)
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
	kept := make([]int32, len(list))
	for i, c := range list {
		kept[i] = c.d
	}
	bs.keep(kept, cs, cidf, mass, w)
	// Positions of every question word (content and function words) in a
	// candidate verse; content words through their matching features.
	wordFeats := make([][]feature, len(q.words))
	conceptOf := make([]int, len(q.words))
	for i, wd := range q.words {
		conceptOf[i] = -1
		if wd.stop {
			wordFeats[i] = []feature{feat(featWord, wd.stem, "", FStem, 1)}
			if o.Persons && isPerson(wd.text) {
				// Object pronouns stand for one another in a phrase:
				// "intercession for us", "prayed for thee".
				for _, p := range persons {
					if p != wd.text {
						wordFeats[i] = append(wordFeats[i], feat(featWord, index.StemTerm(p), "", FStem, 1))
					}
				}
			}
			continue
		}
		for ci, c := range cs {
			if c.w.stem == wd.stem {
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
			if ci := conceptOf[i]; ci >= 0 && bs.bestOf(ci, int(d)) == 0 {
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
		v := bs.vec(c.d)
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
				v.Add(FProx, math.Min(cidf[ci], cidf[cj])/float64(dist))
			}
		}
		// Phrase: the longest run of question words in order.
		if run, m := longestRun(pos, conceptOf, cidf); run >= 3 {
			// The content words of the run, weighted by the share of the
			// question it covers, normalised by verse length like BM25:
			// a verse that is mostly the quotation beats a long verse
			// that contains it.
			norm := 1 - bm25.B + bm25.B*float64(b.DocLen(int(d)))/avgdl
			v.Set(FPhrase, m*float64(run)/float64(len(q.words))/norm)
			if r := int32(run); r > bs.run[bs.vi[d]] {
				bs.run[bs.vi[d]] = r
			}
		}
		bs.score[bs.vi[d]] = float32(w.Dot(v))
	}
}
