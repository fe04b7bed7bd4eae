package ask

import (
	"math"
	"sort"
	"strings"

	"berean/index"
)

// Words returns the content words of a question (its frame dropped), in
// order, each once.
func (a *Asker) Words(question string) []Word {
	a.init()
	q := a.parse(question)
	seen := map[string]bool{}
	var out []Word
	for _, w := range q.words {
		if w.stop || seen[w.stem] {
			continue
		}
		seen[w.stem] = true
		out = append(out, Word{Text: w.text, Stem: w.stem, IDF: a.StemIDF(w.stem)})
	}
	return out
}

// StemIDF is the best idf of a stem term over the Bibles (0 when no Bible
// has it).
func (a *Asker) StemIDF(stem string) float64 {
	a.init()
	best := 0.0
	for _, m := range a.maps {
		if n := m.b.Stem(stem).Len(); n > 0 {
			best = math.Max(best, idf(m.b.Docs(), n))
		}
	}
	return best
}

// StemVerses returns the KJV ordinals of the verses that have a stem term
// in any Bible, with its largest term frequency.
func (a *Asker) StemVerses(stem string) map[int]int {
	a.init()
	out := map[int]int{}
	for _, m := range a.maps {
		p := m.b.Stem(stem)
		for cur := p.Cursor(); !cur.Done(); cur.Next() {
			k := m.toKey[cur.Doc()]
			if k < 0 {
				continue
			}
			if tf := cur.TF(); tf > out[int(k)] {
				out[int(k)] = tf
			}
		}
	}
	return out
}

// Parameters of siblings; see doc.go.
const (
	siblingKeyMin  = 0.12 // a key must carry this share of the word's tagged renderings
	siblingMin     = 0.04 // siblings under this weight are dropped
	siblingMax     = 4    // siblings per word at most
	siblingDocsMax = 3000 // keys rendered in more verses than this are too general
)

// Siblings returns the other words of a word's concept, best first: the
// tagged Bibles translate 'intercession' with G1793, H6293, H6419 ...; the
// translators render H6419 mostly 'pray', so 'pray' is a sibling of
// 'intercession'. Function words and the word's own stem are left out.
func (a *Asker) Siblings(word string) []Sibling {
	a.init()
	stem := index.StemTerm(word)
	ck := stem
	if v, ok := a.siblings.Load(ck); ok {
		return v.([]Sibling)
	}
	keys := a.ix.StrongsForWord(word)
	total := 0
	for _, kc := range keys {
		total += kc.Count
	}
	weight := map[string]float64{}
	form := map[string]map[string]int{}
	var text []byte
	var spans [][2]int
	var pos []uint32
	for _, kc := range keys {
		share := float64(kc.Count) / float64(total)
		if share < siblingKeyMin {
			continue
		}
		count := map[string]int{}
		n := 0
		for _, m := range a.maps {
			b := m.b
			if !b.HasStrongs() {
				continue
			}
			p := b.Strong(kc.Key)
			if p.Len() > siblingDocsMax {
				n = 0
				break
			}
			for i := 0; i < p.Len(); i++ {
				d := int(p.Doc(i))
				text, spans = b.Verse(d, text[:0], spans[:0])
				pos = p.Positions(i, pos[:0])
				for _, x := range pos {
					if int(x) >= len(spans) {
						continue
					}
					w := strings.ToLower(string(text[spans[x][0]:spans[x][1]]))
					n++
					if isStop(w) {
						continue
					}
					st := index.StemTerm(w)
					count[st]++
					if form[st] == nil {
						form[st] = map[string]int{}
					}
					form[st][w]++
				}
			}
		}
		if n == 0 {
			continue
		}
		for st, c := range count {
			if st != stem {
				weight[st] += share * float64(c) / float64(n)
			}
		}
	}
	var out []Sibling
	for st, w := range weight {
		if w < siblingMin {
			continue
		}
		best, bc := "", -1
		for f, c := range form[st] {
			if c > bc || c == bc && f < best {
				best, bc = f, c
			}
		}
		out = append(out, Sibling{Word: best, Stem: st, Weight: w})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Weight != out[j].Weight {
			return out[i].Weight > out[j].Weight
		}
		return out[i].Stem < out[j].Stem
	})
	if len(out) > siblingMax {
		out = out[:siblingMax]
	}
	a.siblings.Store(ck, out)
	return out
}

// Popularity is the number of Nave's topics citing a KJV ordinal (in a
// reference of at most 4 verses), for package study. Computing it for every
// verse takes about 0.1 s once per Asker, so ask's own ranking reads the
// index's count instead (index.TopicCount: references of at most 13
// verses), which a new process gets without that pass.
func (a *Asker) Popularity(ord int) int { return a.popularity()[int32(ord)] }

// IsFunctionWord reports whether a word is a function word of questions,
// which only glues phrases (package study drops one before a word it
// replaces).
func (a *Asker) IsFunctionWord(w string) bool { return isStop(strings.ToLower(w)) }
