package study

import (
	"berean/internal/versekey"
	"math"
	"sort"
	"strings"
)

// Parameters of the co-citation pass and of the evidence rules; see
// doc.go.
const (
	coSources        = 20   // best passages whose Nave's lines are read
	coShare          = 0.7  // a verse with co-citation 1 scores this share of the topic's best
	coMin            = 0.15 // co-citation a verse needs
	coMaxRefs        = 40   // lines citing more references are lists, not one fact
	glossPenalty     = 0.5  // a verse found only through a dictionary definition: score × this
	exampleSupport   = 0.35 // an Old Testament example of a named topic scores min(1, this × support)
	exampleSupportNT = 0.15 // a New Testament one
)

// coLine is a line of a Nave's entry that cites one of the study's best
// verses: its topic, its heading and text, its weight.
type coLine struct {
	topic, heading, text string
	src                  int // the best source the line cites
}

// note is "Nave's Topical Bible lists it with Hebrews 9:23 under PRIEST,
// HIGH PRIEST: On the Day of Atonement".
func (l coLine) note() string {
	n := naveNote(l.topic, l.heading, l.text)
	return strings.Replace(n, "lists it under", "lists it with "+versekey.Human(l.src, l.src)+" under", 1)
}

// coCited scores the verses that the lines of Nave's entries cite beside
// the study's best passages: a line is one fact ("On the Day of Atonement
// Ex 30:10; Le 16; Heb 5:3; 9:7,22,23" under PRIEST, HIGH PRIEST), so the
// passages it cites belong together. The sources are the verses of the
// coSources best passages that have evidence of their own (two topic
// words, a named topic citing them, or a link). A line of at most
// coMaxRefs references citing sources weighs (the best source's share of
// the best score + the second's, in another chapter) / sqrt(references);
// each other verse it cites scores its best line + half its second best,
// at most 1. The reason is the best line, with the source it cites.
func (s *Studier) coCited(pool map[int]*item, named []namedTopic) (map[int]float64, map[int]coLine) {
	if s.topics == nil || s.x == nil {
		return nil, nil
	}
	items := make([]*item, 0, len(pool))
	top := 0.0
	for _, it := range pool {
		items = append(items, it)
		top = math.Max(top, it.score)
	}
	if top <= 0 {
		return nil, nil
	}
	// The sources: the verses of the best passages (neighbours joined as
	// in the study), each at its passage's share of the best.
	gs := group(items, top)
	sort.SliceStable(gs, func(i, j int) bool { return gs[i].score > gs[j].score })
	if len(gs) > coSources {
		gs = gs[:coSources]
	}
	src := map[int]float64{}
	items = items[:0]
	for _, g := range gs {
		// A source needs evidence of its own: two topic words, a named
		// topic of at most exampleTopicMax verses citing it or a link (not a word shared by chance, nor the
		// neighbour of a verse that has some).
		for k := g.lo; k <= g.hi; k++ {
			it := pool[k]
			if it == nil {
				continue
			}
			if it.words >= 2 || it.linked || citedBySpecific(named, k) {
				src[k] = g.score / top
				items = append(items, it)
			}
		}
	}
	seenTopic := map[string]bool{}
	score := map[int]float64{}
	best := map[int]float64{}
	why := map[int]coLine{}
	second := map[int]float64{}
	for _, it := range items {
		for _, name := range s.x.TopicsOf(it.ord) {
			if seenTopic[name] {
				continue
			}
			seenTopic[name] = true
			e := s.entry(name)
			if e == nil {
				continue
			}
			for _, sec := range e.sections {
				for _, l := range sec.lines {
					if l.see != "" || len(l.ords) < 2 {
						continue
					}
					if len(l.ords) > coMaxRefs {
						continue
					}
					// the two best sources the line cites
					var s1, s2 float64
					bestSrc := 0
					seen := map[int]bool{}
					for _, sp := range l.ords {
						for k := sp[0]; k <= sp[1]; k++ {
							v := src[k]
							if v == 0 || seen[chapterOf(k)] {
								continue
							}
							seen[chapterOf(k)] = true
							switch {
							case v > s1:
								s1, s2, bestSrc = v, s1, k
							case v > s2:
								s2 = v
							}
						}
					}
					if s1 == 0 {
						continue
					}
					w := (s1 + s2) / math.Sqrt(float64(len(l.ords)))
					for _, sp := range l.ords {
						for k := sp[0]; k <= sp[1]; k++ {
							if seen[chapterOf(k)] {
								continue // the line's sources themselves
							}
							b := second[k]
							switch {
							case w > best[k]:
								second[k] = best[k]
								best[k], why[k] = w, coLine{e.name, sec.heading, l.text, bestSrc}
							case w > b:
								second[k] = w
							}
						}
					}
				}
			}
		}
	}
	for k, v := range best {
		score[k] = math.Min(1, v+0.5*second[k])
	}
	return score, why
}

// chapterOf is a chapter's key: the KJV ordinal of its first verse.
func chapterOf(k int) int {
	for k > 1 && versekey.SameChapter(k-1, k) {
		k--
	}
	return k
}

// citedBySpecific reports whether a named topic of at most exampleTopicMax
// verses cites the verse (JESUS, THE CHRIST cites almost every verse of
// the Gospels and Hebrews).
func citedBySpecific(named []namedTopic, k int) bool {
	for _, t := range named {
		if len(t.verses) <= exampleTopicMax && t.verses[k] > 0 {
			return true
		}
	}
	return false
}
