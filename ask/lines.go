package ask

import (
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"berean/analysis"
	"berean/index"
)

// Nave's lines: the short descriptions of a topic's entry with the
// passages they cite ("The prodigal son and his older brother", Luke
// 15:11-32, under JESUS, THE CHRIST, PARABLES OF). They name episodes by
// the names people use, which the Bible text does not. A line whose words
// (with its heading and topic name) cover the question gives its passages
// a prior; see doc.go, "Lines".

// Line prior parameters; see doc.go for the measurements behind them.
const (
	lineMinCov = 0.5 // question idf share the line must cover
	lineOthers = 0.3 // share of the other lines' priors a verse adds to its best
	lineVerses = 60  // verses per reference, at most
	lineCap    = 1.0 // a verse's line prior is at most this share of the best text score
)

// lineMatch is a line that covers the question.
type lineMatch struct {
	id     int
	weight float64
	label  string
}

// stopStems are the stems of the function words (line words that carry
// no content).
var stopStems = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for w := range stopWordSet() {
		m[w] = true
		m[index.StemTerm(w)] = true
	}
	return m
})

// lineStems returns the line stems a question stem matches: itself and
// the stems of its family (related).
func (a *Asker) lineStems(stem string) []string {
	out := []string{}
	if a.ix.TopicLineDF(stem) > 0 {
		out = append(out, stem)
	}
	if len(stem) < 5 {
		return out
	}
	a.ix.TopicLineStems(stem[:len(stem)-1], func(s string) bool {
		if s != stem && analysis.RelatedStems(s, stem) {
			out = append(out, s)
		}
		return len(out) < 12
	})
	for n := len(stem) - 1; n >= max(4, len(stem)-3); n-- {
		if p := stem[:n]; analysis.RelatedStems(p, stem) && a.ix.TopicLineDF(p) > 0 {
			out = append(out, p)
		}
	}
	return out
}

// matchLines finds the Nave's lines whose text, heading and topic name
// cover the question's content words.
func (a *Asker) matchLines(cs []concept) ([]lineMatch, []float64) {
	n := a.ix.TopicLines()
	if n == 0 || len(cs) == 0 || len(cs) > 64 {
		return nil, nil
	}
	// Weights are idf over the lines (a word no line has weighs most).
	logN := math.Log(float64(n) + 1)
	lidf := func(df int) float64 { return logN - math.Log(float64(df)+1) + 1 }
	mask := map[int32]uint64{}
	stemsOf := make([][]string, len(cs))
	idf := make([]float64, len(cs))
	var mass float64
	var buf []int32
	for ci, c := range cs {
		stemsOf[ci] = a.lineStems(c.w.stem)
		buf = buf[:0]
		for _, s := range stemsOf[ci] {
			buf = a.ix.TopicLinesWith(s, buf)
		}
		for _, id := range buf {
			mask[id] |= 1 << ci
		}
		idf[ci] = lidf(len(buf))
		mass += idf[ci]
	}
	need := 2
	var out []lineMatch
	var ids []int32
	for id, m := range mask {
		cnt := 0
		var cov float64
		for ci := range cs {
			if m&(1<<ci) != 0 {
				cnt++
				cov += idf[ci]
			}
		}
		cov /= mass
		if cnt < need || cov < lineMinCov {
			continue
		}
		// The line's own words: at least one concept among them, and the
		// share of their weight (line idf) that the question matches.
		ids = a.ix.TopicLineStemIDs(int(id), ids[:0])
		var own, got float64
		inText := false
		for _, sid := range ids {
			st := a.ix.TopicLineStem(sid)
			if stopStems()[st] || len(st) < 2 || st[0] >= '0' && st[0] <= '9' {
				continue
			}
			w := lidf(a.ix.TopicLineDF(st))
			own += w
			for ci := range cs {
				if m&(1<<ci) != 0 && slices.Contains(stemsOf[ci], st) {
					got += w
					inText = true
					break
				}
			}
		}
		if !inText || own == 0 {
			continue
		}
		out = append(out, lineMatch{id: int(id), weight: cov * cov * cov * (0.5 + 0.5*got/own)})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].weight != out[j].weight {
			return out[i].weight > out[j].weight
		}
		return out[i].id < out[j].id
	})
	if len(out) > 40 {
		out = out[:40]
	}
	return out, idf
}

// linePrior adds the prior of the matched lines to s: each line's verses
// get lineShare × mass × weight / sqrt(1 + verses/40), mass being the
// question's idf mass over the lines; a verse keeps its best line's prior
// plus lineOthers × the others'.
func (a *Asker) linePrior(s *scored, lines []lineMatch, idf []float64) {
	var mass float64
	for _, w := range idf {
		mass += w
	}
	// covered: the share of the question's line-idf mass the verse's own
	// words match in some Bible.
	covered := func(k int32) float64 {
		var got float64
		for ci := range idf {
			for _, bs := range s.bibles {
				if int(k) >= len(bs.m.fromKy) {
					continue
				}
				if d := bs.m.fromKy[k]; d >= 0 && bs.bestOf(ci, int(d)) > 0 {
					got += idf[ci]
					break
				}
			}
		}
		return got / mass
	}
	best := map[int32]float64{}
	sum := map[int32]float64{}
	for _, l := range lines {
		e, ok := a.ix.TopicLine(l.id)
		if !ok {
			continue
		}
		vs := topicVerses(e.Refs, lineVerses)
		if len(vs) == 0 {
			continue
		}
		bonus := mass * l.weight / math.Sqrt(1+float64(len(vs))/40)
		label := "Nave's: " + e.Topic
		if e.Heading != "" {
			label += ", " + e.Heading
		}
		label += " — " + strings.TrimSpace(e.Text)
		for _, k := range vs {
			sum[k] += bonus
			if bonus > best[k] {
				best[k] = bonus
				s.lineOf[k] = label
			}
		}
	}
	// No prior exceeds lineCap × the best score of the verses' own words:
	// it ranks passages among the answers, it does not replace them. And
	// it fills in what the verse's own words do not say: it is scaled by
	// the share of the question the verse does not match, so a verse that
	// matches the whole question gets none.
	top := 0.0
	for _, k := range s.keys {
		top = math.Max(top, s.final[k])
	}
	wl := s.w[FLine]
	for k, b := range best {
		add := b + lineOthers*(sum[k]-b)
		if wl > 0 {
			add = min(lineCap*top/wl, add)
		}
		add *= 1 - min(1, covered(k))
		if add <= 0 {
			delete(s.lineOf, k)
			continue
		}
		s.vector(k).Add(FLine, add)
	}
}
