package study

import (
	"math"
	"sort"
	"strconv"
	"strings"

	"berean/index"
	"berean/internal/versekey"
)

// Parameters of the cross-reference pass; see doc.go.
const (
	ptSources    = 14           // best New Testament passages whose cross-references are read (the New Testament section's size)
	ptMinSources = 3            // chapters of sources a window needs
	ptVoteFull   = 3.0          // a link counts log2(1 + votes) ÷ this, at most 1 (7 votes count in full)
	ptFull       = 3.0          // a window of this weight (sources × their share × their links' votes) weighs 1
	ptOTWindows  = 4            // Old Testament windows kept
	ptOTShare    = 1.0          // an Old Testament window of weight 1 scores this share of the best verse
	ptNTShare    = 0.3          // a New Testament passage of weight 1 adds this share of the best verse
	ptNTOwn      = minShareKeep // a New Testament window needs a verse of its own scoring this share of the best
)

// ptSource is one of the study's best passages: its verses and its share
// of the best one's score.
type ptSource struct {
	lo, hi int
	share  float64
}

// pointedPassage is a passage that the study's best passages point to
// together through the open cross-references.
type pointedPassage struct {
	lo, hi int
	weight float64 // in [0, 1]
	from   []int   // the verses pointing to it, one per source chapter, those pointing into the passage first
}

// note is "cross-references lead here from Hebrews 7:27, Hebrews 4:14 and
// 6 more passages of this study".
func (p pointedPassage) note() string {
	var names []string
	for i, k := range p.from {
		if i == 2 {
			break
		}
		names = append(names, versekey.Human(k, k))
	}
	s := "cross-references lead here from " + strings.Join(names, " and ")
	switch more := len(p.from) - len(names); {
	case more == 1:
		s = "cross-references lead here from " + strings.Join(names, ", ") + " and 1 more passage of this study"
	case more > 1:
		s = "cross-references lead here from " + strings.Join(names, ", ") + " and " + strconv.Itoa(more) + " more passages of this study"
	default:
		s += " (passages of this study)"
	}
	return s
}

// pointed returns the windows of at most maxRange verses, in the Old
// Testament (ot) or the New, that the sources point to together through
// the cross-references links gives (both directions): the Day of
// Atonement (Lev 16) for Hebrews 4:14-15, 7:22-28 and 9:23-24 in a study
// of Christ's intercession. Sources of one chapter are one source (its
// best share, its best link). Per chapter, the window is the one whose
// sources weigh most: Σ share × min(1, log2(1 + votes) ÷ ptVoteFull); a
// window needs ptMinSources source chapters, and weighs that sum ÷
// ptFull, at most 1. Verses of the sources and links within a source's
// own chapter do not count. The n heaviest windows (all when n < 0), one
// per chapter, heaviest first.
func pointed(srcs []ptSource, links func(int) []index.CrossRef, ot bool, n int) []pointedPassage {
	inSrc := map[int]bool{}
	for _, g := range srcs {
		for k := g.lo; k <= g.hi; k++ {
			inSrc[k] = true
		}
	}
	type chap struct {
		verse map[int]map[int]int // verse -> source chapter -> votes (its best link)
		src   map[int]int         // source chapter -> the verse of its best link into the chapter
		votes map[int]int         // source chapter -> those votes
	}
	chs := map[int]*chap{}
	share := map[int]float64{} // source chapter -> best share
	for _, g := range srcs {
		key := chapterOf(g.lo)
		share[key] = math.Max(share[key], g.share)
		for k := g.lo; k <= g.hi; k++ {
			for _, r := range links(k) {
				if versekey.IsOT(r.Lo) != ot || versekey.SameChapter(r.Lo, k) {
					continue
				}
				for t := r.Lo; t <= r.Hi && t < r.Lo+topicRangeMax; t++ {
					if inSrc[t] {
						continue
					}
					c := chapterOf(t)
					ch := chs[c]
					if ch == nil {
						ch = &chap{verse: map[int]map[int]int{}, src: map[int]int{}, votes: map[int]int{}}
						chs[c] = ch
					}
					if v, ok := ch.votes[key]; !ok || r.Votes > v {
						ch.votes[key], ch.src[key] = r.Votes, k
					}
					if ch.verse[t] == nil {
						ch.verse[t] = map[int]int{}
					}
					ch.verse[t][key] = max(ch.verse[t][key], r.Votes)
				}
			}
		}
	}
	type window struct {
		c, lo, hi int
		w         float64
		in        map[int]int // source chapter -> votes into the window
	}
	var ws []window
	for c, ch := range chs {
		vs := make([]int, 0, len(ch.verse))
		for v := range ch.verse {
			vs = append(vs, v)
		}
		sort.Ints(vs)
		best := window{w: -1}
		for i, a := range vs {
			got := map[int]int{}
			last := a
			for _, b := range vs[i:] {
				if b-a >= maxRange {
					break
				}
				for src, v := range ch.verse[b] {
					got[src] = max(got[src], v)
				}
				last = b
			}
			if w := weigh(share, got); w > best.w {
				best = window{c, a, last, w, got}
			}
		}
		if len(best.in) >= ptMinSources {
			ws = append(ws, best)
		}
	}
	sort.Slice(ws, func(i, j int) bool { return ws[i].w > ws[j].w || ws[i].w == ws[j].w && ws[i].c < ws[j].c })
	if n >= 0 && len(ws) > n {
		ws = ws[:n]
	}
	out := make([]pointedPassage, 0, len(ws))
	for _, w := range ws {
		ch := chs[w.c]
		// Named by the verses that point: those pointing into the
		// window first, by their votes.
		var keys []int
		for key := range ch.votes {
			keys = append(keys, key)
		}
		sort.Slice(keys, func(i, j int) bool {
			a, b := keys[i], keys[j]
			_, ina := w.in[a]
			_, inb := w.in[b]
			if ina != inb {
				return ina
			}
			if ch.votes[a] != ch.votes[b] {
				return ch.votes[a] > ch.votes[b]
			}
			return a < b
		})
		from := make([]int, len(keys))
		for i, key := range keys {
			from[i] = ch.src[key]
		}
		out = append(out, pointedPassage{w.lo, w.hi, math.Min(1, w.w/ptFull), from})
	}
	return out
}

// corroborated weighs each source as pointed weighs a window, by the
// other source chapters pointing into it: Σ share × min(1, log2(1 +
// votes) ÷ ptVoteFull) over those chapters (their best link into the
// source), ÷ ptFull, at most 1; 0 under ptMinSources chapters. Hebrews
// 9:23-24 in the intercession study: Hebrews 4, 7 and 12, Romans 8 and
// 1 John 2 point into it.
func corroborated(srcs []ptSource, links func(int) []index.CrossRef) []float64 {
	share := map[int]float64{} // source chapter -> best share
	for _, g := range srcs {
		key := chapterOf(g.lo)
		share[key] = math.Max(share[key], g.share)
	}
	out := make([]float64, len(srcs))
	for i, g := range srcs {
		own := chapterOf(g.lo)
		votes := map[int]int{} // other source chapter -> its best link into g
		for _, h := range srcs {
			hc := chapterOf(h.lo)
			if hc == own {
				continue
			}
			for k := h.lo; k <= h.hi; k++ {
				for _, r := range links(k) {
					if r.Hi >= g.lo && r.Lo <= g.hi {
						votes[hc] = max(votes[hc], r.Votes)
					}
				}
			}
		}
		if len(votes) < ptMinSources {
			continue
		}
		out[i] = math.Min(1, weigh(share, votes)/ptFull)
	}
	return out
}

// weigh is the weight of the source chapters from (chapter -> votes of its
// best link): Σ share × min(1, log2(1 + votes) ÷ ptVoteFull), summed in a
// fixed order so that it is the same every run.
func weigh(share map[int]float64, from map[int]int) float64 {
	keys := make([]int, 0, len(from))
	for k := range from {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	w := 0.0
	for _, k := range keys {
		w += share[k] * math.Min(1, math.Log2(1+float64(from[k]))/ptVoteFull)
	}
	return w
}

// bestNTPassages returns the sources of the cross-reference pass: the
// ptSources best New Testament passages of the study (verses joined as in
// the sections), each at its share of the best one's score.
func bestNTPassages(items []*item, top float64) []ptSource {
	gs := group(append([]*item(nil), items...), top)
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].score > gs[j].score })
	var out []ptSource
	for _, g := range gs {
		if len(out) >= ptSources || g.score < minShareKeep*top {
			break
		}
		if versekey.IsOT(g.lo) {
			continue
		}
		out = append(out, ptSource{g.lo, g.hi, g.score})
	}
	if len(out) > 0 {
		best := out[0].share
		for i := range out {
			out[i].share /= best
		}
	}
	return out
}

// addPointed adds the passages the study's best New Testament passages
// point to together: in the Old Testament, the ptOTWindows heaviest
// windows score ptOTShare of the best verse × their weight (or keep a
// better score of their own); in the New, every window with a verse of
// evidence of its own (ptNTOwn of the best) adds ptNTShare × its weight to
// what its verses have. Either way the
// verses are linked, and the note says where the cross-references come
// from. The sources themselves are weighed the same way by the other
// source chapters pointing into them (corroborated) and gain ptNTShare ×
// that weight: the study's passages that the rest of the study points to
// rise above those nothing else agrees with.
func (s *Studier) addPointed(pool map[int]*item, items []*item, top float64) []*item {
	ix := s.a.Index()
	if ix == nil || !ix.HasCrossRefs() || top <= 0 {
		return items
	}
	links := func(k int) []index.CrossRef {
		return append(ix.CrossRefsFrom(k), ix.CrossRefsTo(k)...)
	}
	srcs := bestNTPassages(items, top)
	if len(srcs) == 0 {
		return items
	}
	apply := func(ps []pointedPassage, share float64, add bool) {
		for _, p := range ps {
			sc := share * top * p.weight
			note := p.note()
			for k := p.lo; k <= p.hi; k++ {
				it := pool[k]
				if it == nil {
					it = &item{ord: k}
					pool[k] = it
					items = append(items, it)
				}
				switch {
				case add:
					it.score += sc
				case sc > it.score:
					it.score = sc
				default:
					it.linked = true
					continue // its own evidence is stronger: its note stays
				}
				it.linked = true
				it.note = withClause(it.note, note)
			}
		}
	}
	var nt []pointedPassage
	for _, p := range pointed(srcs, links, false, -1) {
		own := 0.0
		for k := p.lo; k <= p.hi; k++ {
			if it := pool[k]; it != nil {
				own = math.Max(own, it.score)
			}
		}
		if own >= ptNTOwn*top {
			nt = append(nt, p)
		}
	}
	corr := corroborated(srcs, links)
	apply(pointed(srcs, links, true, ptOTWindows), ptOTShare, false)
	apply(nt, ptNTShare, true)
	for i, g := range srcs {
		for k := g.lo; k <= g.hi && corr[i] > 0; k++ {
			if it := pool[k]; it != nil {
				it.score += ptNTShare * top * corr[i]
			}
		}
	}
	return items
}

// withClause appends a clause to a note ("Uses the word 'pray'; clause"),
// or makes it the note.
func withClause(note, clause string) string {
	if note == "" {
		return strings.ToUpper(clause[:1]) + clause[1:]
	}
	if strings.Contains(note, clause) {
		return note
	}
	return note + "; " + clause
}
