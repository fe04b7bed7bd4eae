package ask

import (
	"fmt"
	"sort"
	"strings"

	"berean/retrieval"
)

// Evidence is one reason a result ranks where it does: a feature with its
// value, its weight and their product (the share of the result's score it
// gives), and below it what gave the value (the question word and how the
// verse matched it, the topic, the line, the named passage ...).
type Evidence struct {
	Feature  string     `json:"feature"`
	Value    float64    `json:"value"`
	Weight   float64    `json:"weight,omitempty"`
	Score    float64    `json:"score,omitempty"`
	Word     string     `json:"word,omitempty"`   // the question word it is about
	Match    string     `json:"match,omitempty"`  // the word, key or name matched for it
	Source   string     `json:"source,omitempty"` // where: a translation, Nave's, WordNet, a commentary
	Children []Evidence `json:"children,omitempty"`
}

// evidence returns the evidence tree of key k: one node per feature with
// a non-zero share, best first.
func (s *scored) evidence(k int32) []Evidence {
	v := s.fv[k]
	if v == nil {
		return nil
	}
	var out []Evidence
	for f := range NumFeatures {
		if v[f] == 0 || s.w[f] == 0 {
			continue
		}
		e := Evidence{Feature: f.String(), Value: round(v.Get(f)), Weight: s.w[f], Score: round(s.w[f] * v.Get(f))}
		switch {
		case f <= FWordNet:
			e.Children = s.lexical(k, f)
		case f == FTopic || f == FSee:
			for _, t := range s.topicOf[k] {
				e.Children = append(e.Children, Evidence{Feature: "topic", Match: t, Source: "Nave's"})
			}
		case f == FLine:
			if l := s.lineOf[k]; l != "" {
				e.Children = append(e.Children, Evidence{Feature: "line", Match: l, Source: "Nave's"})
			}
		case f == FNamed:
			if n := s.namedOf[k]; n != "" {
				e.Children = append(e.Children, Evidence{Feature: "named", Match: n})
			}
		case f == FPages:
			if p, ok := s.pageOf[k]; ok {
				src := fmt.Sprintf("%d topical pages", p.pages)
				if p.pages == 1 {
					src = "1 topical page"
				}
				e.Children = append(e.Children, Evidence{Feature: "pages", Match: p.name, Source: src})
			}
		case f == FAsked:
			if qn := s.askedOf[k]; qn != "" {
				e.Children = append(e.Children, Evidence{Feature: "asked", Match: qn, Source: "pages answering a similar question"})
			}
		case f == FFeedback:
			if p, ok := s.fbOf[k]; ok {
				e.Children = append(e.Children, Evidence{Feature: "feedback", Match: p.name, Source: "topical pages"})
			}
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	return out
}

// lexical lists, for a lexical feature, the question words the verse
// matched through it in the translation that scored it best.
func (s *scored) lexical(k int32, f Feature) []Evidence {
	bi := int(s.bestIn[k]) - 1
	if bi < 0 || bi >= len(s.bibles) {
		return nil
	}
	bs := s.bibles[bi]
	d := bs.m.fromKy[k]
	if d < 0 {
		return nil
	}
	var out []Evidence
	for ci, c := range s.concepts {
		x := bs.bestOf(ci, int(d))
		if x == 0 {
			continue
		}
		ft := c.feats[bs.featOf(ci, int(d))]
		if ft.src != f {
			continue
		}
		e := Evidence{Feature: f.String(), Value: round(float64(x) / s.w[f]), Word: c.w.text, Source: bs.m.b.Name()}
		switch ft.kind {
		case featStrong:
			e.Match = "Strong's " + ft.term
		case featDef:
			e.Match = "Strong's " + ft.term + " (its definition)"
		case featPair:
			e.Match = ft.term + " " + ft.term2
		case featExact:
			e.Match = c.w.text
		default:
			e.Match = s.form(bs, int(d), ft.term, c.w.text)
			if f == FWordNet {
				e.Source += ", through WordNet"
			}
		}
		out = append(out, e)
	}
	return out
}

// form is the word of verse d whose stem is stem, as written (lower
// case); def when none is found.
func (s *scored) form(bs *bibleScores, d int, stem, def string) string {
	p := bs.m.b.Stem(stem)
	i := p.Seek(0, uint32(d))
	if i >= p.Len() || int(p.Doc(i)) != d {
		return def
	}
	pos := p.Positions(i, nil)
	text, spans := bs.m.b.Verse(d, nil, nil)
	if len(pos) == 0 || int(pos[0]) >= len(spans) {
		return def
	}
	sp := spans[pos[0]]
	return strings.ToLower(string(text[sp[0]:sp[1]]))
}

// Why turns evidence into the short reasons of a result: per question
// word, how it matched; then the topics, lines and named passages.
func Why(ev []Evidence) []string {
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, e := range ev {
		for _, c := range e.Children {
			switch e.Feature {
			case "exact", "stem", "pair":
				add(fmt.Sprintf("matched '%s'", c.Word))
			case "family":
				add(fmt.Sprintf("matched '%s' for '%s'", c.Match, c.Word))
			case "strong":
				add(fmt.Sprintf("matched '%s' (%s, in the %s)", c.Word, c.Match, c.Source))
			case "definition":
				add(fmt.Sprintf("'%s' is in the definition of %s", c.Word, strings.TrimSuffix(c.Match, " (its definition)")))
			case "wordnet":
				add(fmt.Sprintf("'%s' for '%s' (WordNet)", c.Match, c.Word))
			case "topic":
				add("topic " + c.Match + " (Nave's)")
			case "line":
				add(c.Match)
			case "named":
				add("known as " + c.Match)
			case "feedback":
				add(fmt.Sprintf("pages on '%s', which cite the verses that match best, cite it too", c.Match))
			case "asked":
				add(fmt.Sprintf("pages answering a similar question ('%s') cite it", c.Match))
			case "pages":
				if c.Source == "1 topical page" {
					add(fmt.Sprintf("a topical page cites it on '%s'", c.Match))
				} else {
					add(fmt.Sprintf("%s cite it on '%s'", c.Source, c.Match))
				}
			}
		}
		switch e.Feature {
		case "commentary":
			add("the commentaries on it speak of the question's words")
		case "votes":
			add("often cross-referenced")
		}
	}
	return out
}

// Matches are the facts of Why as data, in Why's order: the question
// words the evidence matched and how, and the Nave's topics of its topic
// evidence (package study reads them).
func Matches(ev []Evidence) (ms []retrieval.Match, topics []string) {
	seen := map[string]bool{}
	once := func(k string) bool {
		if seen[k] {
			return false
		}
		seen[k] = true
		return true
	}
	for _, e := range ev {
		for _, c := range e.Children {
			switch e.Feature {
			case "exact", "stem", "pair":
				if once("w " + c.Word) {
					ms = append(ms, retrieval.Match{Word: c.Word, Kind: retrieval.InText})
				}
			case "family":
				if once("f " + c.Match + " " + c.Word) {
					ms = append(ms, retrieval.Match{Word: c.Match, Kind: retrieval.InText})
				}
			case "strong":
				key := strings.TrimPrefix(c.Match, "Strong's ")
				if once("s " + c.Word + " " + key + " " + c.Source) {
					ms = append(ms, retrieval.Match{Word: c.Word, Kind: retrieval.ByStrongs, Key: key, Bible: c.Source})
				}
			case "definition":
				key := strings.TrimPrefix(strings.TrimSuffix(c.Match, " (its definition)"), "Strong's ")
				if once("d " + c.Word + " " + key) {
					ms = append(ms, retrieval.Match{Word: c.Word, Kind: retrieval.ByDefinition, Key: key})
				}
			case "wordnet":
				if once("t " + c.Match + " " + c.Word) {
					ms = append(ms, retrieval.Match{Word: c.Word, Kind: retrieval.ByThesaurus})
				}
			case "topic":
				if once("n " + c.Match) {
					topics = append(topics, c.Match)
				}
			}
		}
	}
	return ms, topics
}

// Explain writes the evidence tree as indented text lines.
func Explain(ev []Evidence) string {
	var b strings.Builder
	var walk func(es []Evidence, depth int)
	walk = func(es []Evidence, depth int) {
		for _, e := range es {
			b.WriteString(strings.Repeat("  ", depth))
			if depth == 0 {
				fmt.Fprintf(&b, "%-11s %7.3f = %.3g × %.3f", e.Feature, e.Score, e.Weight, e.Value)
			} else {
				if e.Value != 0 {
					fmt.Fprintf(&b, "%.3f ", e.Value)
				}
				if e.Word != "" {
					fmt.Fprintf(&b, "'%s'", e.Word)
				}
				if e.Match != "" && e.Match != e.Word {
					fmt.Fprintf(&b, " as %s", e.Match)
				}
				if e.Source != "" {
					fmt.Fprintf(&b, " (%s)", e.Source)
				}
			}
			b.WriteByte('\n')
			walk(e.Children, depth+1)
		}
	}
	walk(ev, 0)
	return b.String()
}
