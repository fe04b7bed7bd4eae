package study

import (
	"math"
	"strings"
	"sync"

	"berean/analysis"
	"berean/canon"
	"berean/corpus"
	"berean/index"
	"berean/internal/versekey"
	"berean/ref"
)

// Topics gives the full Nave's entries (sub-headings and "See" links),
// which the index flattens: *corpus.Corpus implements it.
type Topics interface {
	Topic(name string) (*corpus.TopicEntry, error)
}

// naveLine is one line of a Nave's entry: its words (references removed),
// the verses it cites, and the target of a "See" line.
type naveLine struct {
	text  string // without its references
	stems []string
	ords  [][2]int // KJV ordinal spans
	see   string
}

// naveSection is a sub-heading ("→ PRIESTHOOD OF") and its lines; the
// heading line is lines[0].
type naveSection struct {
	heading string
	lines   []naveLine
}

type naveEntry struct {
	name     string
	sections []naveSection
}

var (
	naveParser     *ref.Parser
	naveParserOnce sync.Once
)

// entry parses (and memoises) a topic's sub-headings.
func (s *Studier) entry(name string) *naveEntry {
	if s.topics == nil {
		return nil
	}
	if v, ok := s.entries.Load(name); ok {
		e, _ := v.(*naveEntry)
		return e
	}
	te, err := s.topics.Topic(name)
	if err != nil || te == nil {
		s.entries.Store(name, (*naveEntry)(nil))
		return nil
	}
	e := parseEntry(te)
	s.entries.Store(name, e)
	return e
}

func parseEntry(te *corpus.TopicEntry) *naveEntry {
	naveParserOnce.Do(func() { naveParser = ref.NewParser(ref.Options{}) })
	e := &naveEntry{name: te.Name}
	cur := naveSection{}
	for _, raw := range strings.Split(te.Definition, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		head := strings.HasPrefix(line, "→")
		if head {
			line = strings.TrimSpace(strings.TrimPrefix(line, "→"))
			// A parenthesised remark ("(The function he served was
			// superior to that of other priests)" after HIGH PRIEST)
			// is a line of the heading before it, not a heading.
			if parenthesised(line) && cur.heading != "" {
				head = false
			}
		}
		if head {
			if len(cur.lines) > 0 {
				e.sections = append(e.sections, cur)
			}
			cur = naveSection{}
		}
		ms := naveParser.Scan(line)
		rs := []rune(line)
		text := line
		var nl naveLine
		for i, m := range ms {
			if i == 0 {
				text = string(rs[:m.Start])
			}
			if m.Err != nil {
				continue
			}
			for _, r := range m.Ranges {
				lo, hi, ok := versekey.Span(r.OSIS())
				if ok && hi-lo < topicRangeMax {
					nl.ords = append(nl.ords, [2]int{lo, hi})
				}
			}
		}
		text = strings.TrimSpace(text)
		nl.text = text
		if t, ok := strings.CutPrefix(text, "See "); ok {
			if i := strings.Index(t, " -"); i >= 0 {
				t = t[:i]
			}
			nl.see = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(t), "also "))
		} else {
			for _, w := range index.Words(text) {
				nl.stems = append(nl.stems, index.StemTerm(w))
			}
		}
		if head {
			cur.heading = text
		}
		cur.lines = append(cur.lines, nl)
	}
	if len(cur.lines) > 0 {
		e.sections = append(e.sections, cur)
	}
	return e
}

// parenthesised reports whether a line is one remark in parentheses.
func parenthesised(line string) bool {
	return strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") && strings.Count(line, "(") == 1
}

type concept struct {
	stem   string
	weight float64
}

func matches(stems []string, cs []concept, skip []string) float64 {
	best := 0.0
outer:
	for _, st := range stems {
		for _, sk := range skip {
			if analysis.RelatedStems(st, sk) {
				continue outer
			}
		}
		for _, c := range cs {
			if analysis.RelatedStems(st, c.stem) {
				best = math.Max(best, c.weight)
			}
		}
	}
	return best
}

// Signal weights of the sub-heading pass (see doc.go).
const (
	subHeading  = 1.0 // a section whose heading names a concept
	subLine     = 1.0 // a line naming a concept
	subSection  = 0.5 // the other lines of the section of such a line
	subSee      = 0.5 // a section a matched section points to ("See")
	subShare    = 0.5 // a verse with signal 1 scores this share of the topic's best
	subMinSig   = 0.5 // signal needed for a verse that retrieval did not find
	subSeeDepth = 2
	subRepeat   = 1.0 // a second line of the section citing the verse adds this share of its signal
)

// subTopicSignals returns, per KJV ordinal, the signal of the sub-headings
// and lines of the named topics (and the sections they point to) that name
// the topic's concepts.
func (s *Studier) subTopicSignals(named []namedTopic, cs []concept) (map[int]float64, map[int]string) {
	sig := map[int]float64{}
	whyW := map[int]float64{}
	why := map[int]string{}
	if s.topics == nil {
		return sig, why
	}
	addLine := func(l naveLine, w float64, got map[int]float64) {
		if l.see != "" {
			return // the references of a "See" line belong to the next heading, run in
		}
		for _, sp := range l.ords {
			n := float64(sp[1] - sp[0] + 1)
			for k := sp[0]; k <= sp[1]; k++ {
				got[k] = math.Max(got[k], w/math.Sqrt(n))
			}
		}
	}
	type job struct {
		e     *naveEntry
		sec   int // -1: match within the whole entry
		w     float64
		depth int
		skip  []string
	}
	// A word naming a topic is not matched again inside it, nor anywhere
	// when its topic is broad (JESUS, THE CHRIST: 'Jesus' is in every
	// other line).
	var broad []string
	for _, t := range named {
		if len(t.verses) > exampleTopicMax {
			broad = append(broad, t.head)
		}
	}
	seen := map[string]bool{}
	var queue []job
	for _, t := range named {
		if e := s.entry(t.name); e != nil && !seen[e.name] {
			seen[e.name] = true
			queue = append(queue, job{e, -1, t.weight, 0, append([]string{t.head}, broad...)})
		}
	}
	follow := func(from *naveEntry, target string, w float64, depth int) {
		if depth > subSeeDepth || target == "" {
			return
		}
		t := strings.ToUpper(target)
		for _, suf := range []string{", ABOVE", ", BELOW", " ABOVE", " BELOW"} {
			t = strings.TrimSuffix(t, suf)
		}
		t = strings.TrimSpace(strings.TrimPrefix(t, "BELOW, "))
		// A sub-heading of this entry ("PRIESTHOOD OF, below"), or of an
		// entry named by its head ("JESUS, MEDIATOR").
		look := func(e *naveEntry, sub string) bool {
			subStems := []string{}
			for _, w := range index.Words(sub) {
				subStems = append(subStems, index.StemTerm(w))
			}
			if len(subStems) == 0 {
				return false
			}
			for i, sec := range e.sections {
				hs := sec.lines[0].stems
				if len(hs) > 0 && analysis.RelatedStems(hs[0], subStems[0]) {
					key := e.name + "#" + sec.heading
					if !seen[key] {
						seen[key] = true
						queue = append(queue, job{e, i, w, depth, broad})
					}
					return true
				}
			}
			return false
		}
		if look(from, t) {
			return
		}
		if e := s.entry(t); e != nil {
			if !seen[e.name] {
				seen[e.name] = true
				queue = append(queue, job{e, -1, w, depth, broad})
			}
			return
		}
		if head, sub, ok := strings.Cut(t, ","); ok {
			fh, _, _ := strings.Cut(from.name, ",")
			if strings.TrimSpace(head) == strings.TrimSpace(fh) {
				look(from, strings.TrimSpace(sub))
			}
		}
	}
	for len(queue) > 0 {
		j := queue[0]
		queue = queue[1:]
		got := map[int]float64{}
		// Within a section, a verse cited on several lines sums its
		// signals (PRIESTHOOD OF: "Entered into heaven Heb 4:14",
		// "Appointment of, an encouragement to steadfastness Heb 4:14");
		// across sections of one entry, the best counts.
		var secGot map[int][2]float64 // the two best lines citing a verse
		line := func(l naveLine, heading string, w float64) {
			one := map[int]float64{}
			addLine(l, w, one)
			for k, v := range one {
				if v > whyW[k] {
					whyW[k], why[k] = v, naveNote(j.e.name, heading, l.text)
				}
				b := secGot[k]
				switch {
				case v > b[0]:
					b[0], b[1] = v, b[0]
				case v > b[1]:
					b[1] = v
				}
				secGot[k] = b
			}
		}
		// books: the books the section's matching lines cite; a verse of
		// another book gets no repeat bonus (GOD, HIS PRESERVING CARE
		// EXEMPLIFIED matches "To Abraham and Sarah, in Egypt Ge 12:17" and
		// cites Matt 2:13 twice).
		endSection := func(books map[string]bool) {
			for k, b := range secGot {
				v := b[0]
				if bk, _, _ := canon.KJV().VerseAt(k); books[bk] {
					v += subRepeat * b[1]
				}
				got[k] = math.Max(got[k], v)
			}
		}
		if j.sec >= 0 {
			// A section pointed to: all its lines.
			secGot = map[int][2]float64{}
			for _, l := range j.e.sections[j.sec].lines {
				line(l, j.e.sections[j.sec].heading, subSee*j.w)
				if l.see != "" {
					follow(j.e, l.see, subSee*j.w, j.depth+1)
				}
			}
			endSection(nil)
		} else {
			for _, sec := range j.e.sections {
				hw := matches(sec.lines[0].stems, cs, j.skip)
				var lw []float64
				any := 0.0
				for _, l := range sec.lines {
					m := matches(l.stems, cs, j.skip)
					lw = append(lw, m)
					any = math.Max(any, m)
				}
				if hw == 0 && any == 0 {
					continue
				}
				secGot = map[int][2]float64{}
				books := map[string]bool{}
				for i, l := range sec.lines {
					if lw[i] > 0 {
						for _, sp := range l.ords {
							bk, _, _ := canon.KJV().VerseAt(sp[0])
							books[bk] = true
						}
					}
				}
				for i, l := range sec.lines {
					w := subHeading * hw
					if lw[i] > 0 {
						w = math.Max(w, subLine*lw[i])
					}
					w = math.Max(w, subSection*any)
					line(l, sec.heading, w*j.w)
					if l.see != "" && (hw > 0 || lw[i] > 0) {
						follow(j.e, l.see, math.Max(hw, lw[i])*j.w, j.depth+1)
					}
				}
				endSection(books)
			}
		}
		for k, v := range got {
			sig[k] += v
		}
	}
	return sig, why
}

// naveNote is "Nave's Topical Bible lists it under JESUS, THE CHRIST,
// PRIESTHOOD OF: Intercedes".
func naveNote(topic, heading, text string) string {
	where := topic
	if heading != "" {
		where += ", " + heading
	}
	if text != "" && text != heading {
		where += ": " + text
	}
	return "Nave's Topical Bible lists it under " + where
}

// concepts are the topic's words and their siblings, as stems.
func (s *Studier) concepts(topic string) []concept {
	var cs []concept
	for _, w := range s.a.Words(topic) {
		cs = append(cs, concept{w.Stem, 1})
		for _, sib := range s.siblings(w.Text) {
			if sib.Weight >= siblingQueryMin {
				cs = append(cs, concept{sib.Stem, math.Max(siblingTopicMin, sib.Weight)})
			}
		}
	}
	return cs
}
