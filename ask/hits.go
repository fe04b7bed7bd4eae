package ask

import (
	"math"
	"sort"
	"strings"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
	"berean/ref"
)

// hits turns the scored verses into ranked results: passages named in the
// question first, then verses best first, neighbouring verses that all
// score well joined into one range.
func (a *Asker) hits(q *question, s *scored, disp *bibleMap, o Options) []Hit {
	var out []Hit
	kjv := canon.KJV()
	top := 0.0
	keys := s.ranked(o.Testament, o.Within, 8*o.N+20)
	if len(keys) > 0 {
		top = s.final[keys[0]]
	}
	used := map[int32]bool{}
	for _, r := range q.refs {
		lo, hi, ok := rangeOrds(kjv, r)
		if !ok {
			continue
		}
		if hi-lo > 200 {
			hi = lo + 200
		}
		h := a.makeHit(lo, hi, disp)
		h.Score = round(top + 1)
		h.Why = []string{"the passage named in the question: " + r.String()}
		for k := lo; k <= hi; k++ {
			used[int32(k)] = true
		}
		out = append(out, h)
	}
	for _, k := range keys {
		if len(out) >= o.N {
			break
		}
		if used[k] {
			continue
		}
		sc := s.final[k]
		lo, hi := int(k), int(k)
		// Extend over neighbours in the same chapter that score well and
		// are not already shown.
		for {
			n := int32(lo - 1)
			if n < 0 || used[n] || !versekey.SameChapter(lo-1, int(k)) || s.final[n] < rangeKeep*sc {
				break
			}
			lo--
		}
		for {
			n := int32(hi + 1)
			if int(n) >= kjv.VerseCount() || used[n] || !versekey.SameChapter(hi+1, int(k)) || s.final[n] < rangeKeep*sc {
				break
			}
			hi++
		}
		// A long run of verses that score well (a genealogy, a Nave's
		// topic's block) is shown as the 5 verses around the hit.
		if hi-lo > maxRun-1 {
			l := max(lo, int(k)-maxRun/2)
			h := min(hi, l+maxRun-1)
			lo, hi = max(lo, h-maxRun+1), h
		}
		for x := lo; x <= hi; x++ {
			used[int32(x)] = true
		}
		h := a.makeHit(lo, hi, disp)
		h.Score = round(sc)
		ev := s.evidence(k)
		h.Why = Why(ev)
		if o.Explain {
			h.Evidence = ev
		}
		out = append(out, h)
	}
	return out
}

// maxRun is the most verses a result joins.
const maxRun = 5

func round(x float64) float64 { return math.Round(x*1000) / 1000 }

// rangeOrds is the KJV ordinal span of a reference range.
func rangeOrds(kjv *canon.System, r ref.Range) (int, int, bool) {
	end := r.End
	if end.Book == "" {
		end = r.Start
	}
	lo, ok := versekey.RefOrd(r.Start, false)
	if !ok {
		return 0, 0, false
	}
	hi, ok := versekey.RefOrd(end, true)
	if !ok || hi < lo {
		return 0, 0, false
	}
	return lo, hi, true
}

// makeHit builds a hit for the KJV ordinals lo..hi quoted from disp.
func (a *Asker) makeHit(lo, hi int, disp *bibleMap) Hit {
	h := Hit{Start: lo, End: hi}
	var texts []string
	for k := lo; k <= hi; k++ {
		t := verseText(disp, a.maps, k)
		h.Verses = append(h.Verses, Verse{OSIS: versekey.OSIS(k, k), Text: t})
		if t != "" {
			texts = append(texts, t)
		}
	}
	h.Text = strings.Join(texts, " ")
	h.OSIS = versekey.OSIS(lo, hi)
	h.Reference = versekey.Human(lo, hi)
	return h
}

// verseText is the text of a KJV ordinal in disp, or in another Bible
// when disp lacks the verse.
func verseText(disp *bibleMap, all []*bibleMap, k int) string {
	if d := disp.fromKy[k]; d >= 0 {
		return disp.b.Text(int(d))
	}
	for _, m := range all {
		if d := m.fromKy[k]; d >= 0 {
			return m.b.Text(int(d))
		}
	}
	return ""
}

// Quote returns the texts of the KJV ordinals lo..hi in the named Bible
// (default KJV), one per verse ("" for a verse no Bible has).
func (a *Asker) Quote(bible string, lo, hi int) ([]string, error) {
	a.init()
	disp, err := a.display(bible)
	if err != nil {
		return nil, err
	}
	h := a.makeHit(lo, hi, disp)
	texts := make([]string, len(h.Verses))
	for i, v := range h.Verses {
		texts[i] = v.Text
	}
	return texts, nil
}

// BibleName is the name of the Bible results are quoted in for name.
func (a *Asker) BibleName(name string) (string, error) {
	a.init()
	disp, err := a.display(name)
	if err != nil {
		return "", err
	}
	return disp.b.Name(), nil
}

// Salient returns the n most salient content words around the given
// passages (KJV ordinals with weights), for pseudo-relevance feedback: a
// word scores, per translation, the passage weight × the number of verses
// of the passage's context (±span, same chapter) that have it × its idf.
// Passages closer than 2·span+1 verses to a heavier one are merged into it.
// Words of the question skip are left out.
func (a *Asker) Salient(ords []int, weights []float64, span, n int, skip string) []string {
	a.init()
	q := parseQuestion(skip, nil)
	have := map[string]bool{}
	for _, w := range q.words {
		have[w.stem] = true
	}
	// Merge overlapping passages (ords come best first).
	var keys []int
	var ws []float64
	for i, k := range ords {
		dup := false
		for _, x := range keys {
			if k-x <= 2*span && x-k <= 2*span && versekey.SameChapter(k, x) {
				dup = true
			}
		}
		if !dup {
			keys = append(keys, k)
			ws = append(ws, weights[i])
		}
	}
	score := map[string]float64{}
	form := map[string]string{}
	for _, m := range a.maps {
		b := m.b
		for i, k := range keys {
			count := map[string]int{}
			for o := k - span; o <= k+span; o++ {
				if o < 0 || o >= len(m.fromKy) || !versekey.SameChapter(o, k) {
					continue
				}
				d := m.fromKy[o]
				if d < 0 {
					continue
				}
				inVerse := map[string]bool{}
				for _, w := range index.Words(b.Text(int(d))) {
					if isStop(w) || len(w) < 3 {
						continue
					}
					st := index.StemTerm(w)
					if have[st] || inVerse[st] {
						continue
					}
					inVerse[st] = true
					count[st]++
					if _, ok := form[st]; !ok {
						form[st] = w
					}
				}
			}
			for st, c := range count {
				df := b.Stem(st).Len()
				if df == 0 || df > b.Docs()/20 {
					continue
				}
				score[st] += ws[i] * float64(c) * idf(b.Docs(), df)
			}
		}
	}
	stems := make([]string, 0, len(score))
	for st := range score {
		stems = append(stems, st)
	}
	sort.Slice(stems, func(i, j int) bool {
		if score[stems[i]] != score[stems[j]] {
			return score[stems[i]] > score[stems[j]]
		}
		return stems[i] < stems[j]
	})
	if len(stems) > n {
		stems = stems[:n]
	}
	out := make([]string, len(stems))
	for i, st := range stems {
		out[i] = form[st]
	}
	return out
}
