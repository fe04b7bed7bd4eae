package ask

import (
	"math"
	"slices"
	"sort"

	"berean/canon"
)

// Topic feedback: a question that does not name a topic may still be
// about one. "Does Jesus pray for me in heaven?" names no topic of
// data/topics.tsv by its words, but the verses its words match best
// (John 17:20, "Neither pray I for these alone") are verses that pages on
// "Christ's intercession" cite, and those pages give Hebrews 7:25 and
// Romans 8:34, which share no word with the question. This is relevance
// feedback over the topics table, the topics standing in for the
// expansion terms of the textbook method.
//
// The best fbDocs candidates of the first pass (their score by every
// feature set so far) form the vector L, each weighing its score / the
// best one. Each topic of the table is a vector P of its verses weighed
// as the pages feature weighs them (pageVerses). A topic's activation is
// cos(L, P); the fbTopics most activated lend their verses the feature
// "feedback": mean question idf × cos × P(verse) / max P. The topics are
// chosen by the verses the question matches, not by its words, so a
// paraphrase reaches them.
const (
	fbDocs   = 20 // best first-pass candidates that choose the topics
	fbTopics = 3  // topics that lend their verses
)

// topicVecs is a table's topics as verse vectors, and which topics cite
// each verse; built once per table.
type topicVecs struct {
	vec  [][]verseWeight // per entry of the table, by key
	norm []float64
	max  []float64
	// Which entries cite each verse: those of citing[from[k]:from[k+1]]
	// cite the verse of key k, ascending.
	from   []int32
	citing []int32
}

func (t *namedTable) vectors() *topicVecs {
	t.vecOnce.Do(func() {
		tv := &topicVecs{from: make([]int32, canon.KJV().VerseCount()+1)}
		cites := 0
		for i := range t.ps {
			v := pageVerses(&t.ps[i])
			// The norm sums in key order, as the vector is stored.
			var n, m float64
			for _, vw := range v {
				n += vw.x * vw.x
				m = math.Max(m, vw.x)
				tv.from[vw.k+1]++
			}
			cites += len(v)
			tv.vec = append(tv.vec, v)
			tv.norm = append(tv.norm, math.Sqrt(n))
			tv.max = append(tv.max, m)
		}
		// A counting sort of the (verse, entry) pairs by verse.
		for k := 1; k < len(tv.from); k++ {
			tv.from[k] += tv.from[k-1]
		}
		tv.citing = make([]int32, cites)
		next := slices.Clone(tv.from[:len(tv.from)-1])
		for i, v := range tv.vec {
			for _, vw := range v {
				tv.citing[next[vw.k]] = int32(i)
				next[vw.k]++
			}
		}
		t.vecs = tv
	})
	return t.vecs
}

// cites returns the entries that cite the verse of key k, ascending.
func (tv *topicVecs) cites(k int32) []int32 {
	if k < 0 || int(k)+1 >= len(tv.from) {
		return nil
	}
	return tv.citing[tv.from[k]:tv.from[k+1]]
}

// feedback sets the feedback feature from table t, with the first pass's
// features already set.
func (s *scored) feedback(t *namedTable, meanIDF float64) {
	if t == nil || len(t.ps) == 0 || meanIDF == 0 {
		return
	}
	type cand struct {
		k     int32
		score float64
	}
	better := func(a, b cand) bool { return a.score > b.score || a.score == b.score && a.k < b.k }
	// The best fbDocs, best first, ties by key: candidates are many and
	// fbDocs few, so each candidate is compared with the worst kept and
	// inserted in order when it beats it.
	top := make([]cand, 0, fbDocs)
	for _, k := range s.keys {
		x := s.w.Dot(s.fv[k])
		if x <= 0 {
			continue
		}
		c := cand{k, x}
		if len(top) == fbDocs && !better(c, top[fbDocs-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return better(c, top[i]) })
		if len(top) < fbDocs {
			top = append(top, cand{})
		}
		copy(top[i+1:], top[i:])
		top[i] = c
	}
	if len(top) == 0 {
		return
	}
	tv := t.vectors()
	best := top[0].score
	var ln float64
	act := map[int32]float64{}
	for _, c := range top {
		l := c.score / best
		ln += l * l
		for _, e := range tv.cites(c.k) {
			act[e] += l * weightOf(tv.vec[e], c.k)
		}
	}
	ln = math.Sqrt(ln)
	type topic struct {
		e   int32
		cos float64
	}
	var ts []topic
	for e, a := range act {
		if tv.norm[e] > 0 {
			ts = append(ts, topic{e, a / (ln * tv.norm[e])})
		}
	}
	slices.SortFunc(ts, func(a, b topic) int {
		if a.cos != b.cos {
			if a.cos > b.cos {
				return -1
			}
			return 1
		}
		return int(a.e - b.e)
	})
	for _, tp := range ts[:min(len(ts), fbTopics)] {
		p := &t.ps[tp.e]
		for _, vw := range tv.vec[tp.e] {
			s.vector(vw.k).Add(FFeedback, meanIDF*tp.cos*vw.x/tv.max[tp.e])
			if _, ok := s.fbOf[vw.k]; !ok {
				s.fbOf[vw.k] = pageTopic{p.name, len(p.rows)}
			}
		}
	}
}
