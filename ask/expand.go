package ask

import (
	"math"
	"sort"
	"strings"

	"berean/index"
)

// Concept expansion: each content word of the question becomes a concept
// that a verse can match by several features, each with a strength in
// (0, 1]. A verse's score for the concept is its best feature, so the
// features never add up for the same word.

type featKind uint8

const (
	featWord   featKind = iota // the word's stem
	featStrong                 // a Strong's key the translators render with the word
	featDef                    // a Strong's key whose lexicon definition has the word
	featPair                   // the word written as two ("forever": "for ever")
	featExact                  // the word exactly as written
)

type feature struct {
	kind     featKind
	term     string  // stem term, Strong's key, or the first exact word of a pair
	term2    string  // the second exact word of a pair
	src      Feature // the lexical feature (bucket) a match through it counts in
	inner    float64 // the match's strength within its source (1 but for Strong's keys and WordNet)
	strength float64 // inner × the source's weight: which feature of a concept is best
}

type concept struct {
	w     word
	feats []feature
}

// Expansion parameters (what counts as a match of each source; how much a
// source weighs is fitted: data/weights.tsv).
const (
	strongShareMin = 0.12 // a key must carry this share of the word's tagged renderings
	defMaxKeys     = 8    // definitions are used only for words this specific
	specBoost      = 2.0  // a key whose renderings are half this word counts fully
	familyMinStem  = 6    // stems shorter than this have no family (too many words start with "pray")
	familyMax      = 4    // family members at most
)

// feat makes a feature of source src and inner strength inner.
func feat(kind featKind, term, term2 string, src Feature, inner float64) feature {
	return feature{kind: kind, term: term, term2: term2, src: src, inner: inner, strength: inner}
}

// weigh sets each feature's strength from the weights of its source and
// drops the features of sources weighted 0.
func weigh(cs []concept, w *Weights) {
	for i := range cs {
		fs := cs[i].feats[:0]
		for _, f := range cs[i].feats {
			f.strength = f.inner * w[f.src]
			if f.strength > 0 {
				fs = append(fs, f)
			}
		}
		cs[i].feats = fs
	}
}

// compounds finds other spellings of a word as one or two words: a
// question's "forever" is "for ever" in the KJV (a pair feature), and a
// question's "for ever" is "forever" in the WEB (the joined word).
func (a *Asker) compounds(q *question, w word) []feature {
	var out []feature
	has := func(t string) bool {
		for _, b := range a.ix.Bibles() {
			if b.Exact(t).Len() > 0 {
				return true
			}
		}
		return false
	}
	if len(w.exact) >= 6 {
		for i := 3; i <= len(w.exact)-3; i++ {
			x, y := w.exact[:i], w.exact[i:]
			if has(x) && has(y) {
				out = append(out, feat(featPair, x, y, FExact, 1))
			}
		}
	}
	for _, j := range []int{w.pos - 1, w.pos + 1} {
		if j < 0 || j >= len(q.words) {
			continue
		}
		joined := q.words[j].exact + w.exact
		if j > w.pos {
			joined = w.exact + q.words[j].exact
		}
		if has(joined) {
			out = append(out, feat(featWord, index.StemTerm(joined), "", FExact, 1))
		}
	}
	return out
}

// expand builds the concepts of a question.
func (a *Asker) expand(q *question, strongs, defs bool) []concept {
	var cs []concept
	seen := map[string]bool{}
	for _, w := range q.words {
		if w.stop || seen[w.stem] {
			continue
		}
		seen[w.stem] = true
		// The word as written counts fully; its other forms (sin for
		// sinned) a little less.
		c := concept{w: w, feats: []feature{feat(featWord, w.stem, "", FStem, 1), feat(featExact, w.exact, "", FExact, 1)}}
		// Forms no stemmer relates to it count as its stem does:
		// "brothers" is the KJV's "brethren", "weep" its "wept".
		for _, f := range a.ix.Inflections(w.stem) {
			c.feats = append(c.feats, feat(featWord, f, "", FStem, 1))
		}
		c.feats = append(c.feats, a.compounds(q, w)...)
		have := map[string]bool{}
		if strongs {
			kcs := a.ix.StrongsForWord(w.text)
			total := 0
			for _, kc := range kcs {
				total += kc.Count
			}
			if total > 0 {
				top := float64(kcs[0].Count)
				for _, kc := range kcs {
					share := float64(kc.Count) / float64(total)
					if share < strongShareMin || kc.Count < 2 && len(kcs) > 1 {
						continue
					}
					// How much of the key's use this word accounts for: a
					// key rendered by many other words ("most" for H6944,
					// mostly "holy") is not about the word.
					df := 0
					for _, b := range a.ix.Bibles() {
						df += b.Strong(kc.Key).Len()
					}
					spec := 1.0
					if df > 0 {
						spec = math.Min(1, specBoost*float64(kc.Count)/float64(df))
					}
					have[kc.Key] = true
					c.feats = append(c.feats, feat(featStrong, kc.Key, "", FStrong,
						math.Sqrt(float64(kc.Count)/top)*math.Sqrt(spec)))
				}
			}
		}
		// The word's family: other stems that start with its stem
		// ("intercessor" for "intercession"), slightly weaker, and the
		// lexicon keys whose definitions have them (G3875 "an intercessor,
		// consoler: advocate, comforter").
		family := a.family(w.stem)
		for _, st := range family {
			c.feats = append(c.feats, feat(featWord, st, "", FFamily, 1))
		}
		if defs {
			for _, st := range family {
				kcs := a.ix.DefinitionsWith(st)
				if len(kcs) == 0 || len(kcs) > defMaxKeys {
					continue
				}
				for _, kc := range kcs {
					if !have[kc.Key] {
						have[kc.Key] = true
						c.feats = append(c.feats, feat(featDef, kc.Key, "", FDef, 1))
					}
				}
			}
			kcs := a.ix.DefinitionsWith(w.text)
			if len(kcs) > 0 && len(kcs) <= defMaxKeys {
				for _, kc := range kcs {
					if have[kc.Key] {
						continue
					}
					have[kc.Key] = true
					c.feats = append(c.feats, feat(featDef, kc.Key, "", FDef, 1))
				}
			}
		}
		// Words a thesaurus (WordNet) relates to it that the Bibles use:
		// 'worry' -> care, trouble; weighted by the sense's frequency, and
		// by how little the Bibles use the word itself: a bridge is for
		// words the Bibles lack ('jesus' needs none; 'anxiety' does),
		// 1/(1 + ln(1 + verses with the word)), verses counted in the
		// Bible that has it most.
		if strongs {
			df := 0
			for _, b := range a.ix.Bibles() {
				df = max(df, b.Stem(w.stem).Len())
			}
			need := 1 / (1 + math.Log1p(float64(df)))
			inFeats := map[string]bool{w.stem: true}
			for _, f := range c.feats {
				if f.kind == featWord {
					inFeats[f.term] = true
				}
			}
			for _, r := range a.ix.Thesaurus(w.stem) {
				if !inFeats[r.Word] && !isStop(r.Word) {
					inFeats[r.Word] = true
					c.feats = append(c.feats, feat(featWord, r.Word, "", FWordNet, r.Weight*need))
				}
			}
		}
		cs = append(cs, c)
	}
	return cs
}

// topicMatch is a Nave's topic whose name the question covers.
type topicMatch struct {
	name   string
	weight float64 // coverage of the name by the question, times the idf share
	see    bool    // reached through a named topic's See link
	shared bool    // ... of a topic with several links (not one the question names: Result.Topics)
}

// topicWords splits a topic name into its content stems.
func topicWords(name string) []string {
	var out []string
	for _, w := range index.Words(name) {
		if isStop(w) || len(w) < 2 {
			continue
		}
		out = append(out, index.StemTerm(w))
	}
	return out
}

// topics finds the topics whose names are covered by the question's words:
// every content word of the name must be in the question ("INTERCESSION",
// "JESUS, MEDIATOR" need not be whole for a match, but half at least).
func (a *Asker) matchTopics(cs []concept, idf map[string]float64) []topicMatch {
	stems := map[string]bool{}
	var totalIDF float64
	for _, c := range cs {
		stems[c.w.stem] = true
		totalIDF += idf[c.w.stem]
	}
	if totalIDF == 0 {
		return nil
	}
	cand := map[string]bool{}
	for _, c := range cs {
		for _, t := range a.ix.TopicsForWord(c.w.text) {
			cand[t] = true
		}
	}
	var out []topicMatch
	for name := range cand {
		ws := topicWords(name)
		if len(ws) == 0 {
			continue
		}
		matched := 0
		var mIDF float64
		used := map[string]bool{}
		for _, s := range ws {
			if stems[s] && !used[s] {
				used[s] = true
				matched++
				mIDF += idf[s]
			}
		}
		cov := float64(matched) / float64(len(ws))
		if matched < len(ws) && (matched < 2 || matched < len(ws)-1) {
			continue
		}
		out = append(out, topicMatch{name: name, weight: cov * cov * mIDF / totalIDF})
	}
	byWeight := func(i, j int) bool {
		if out[i].weight != out[j].weight {
			return out[i].weight > out[j].weight
		}
		return out[i].name < out[j].name
	}
	sort.Slice(out, byWeight)
	// The topics they point to ("ANXIETY: See CARE"): a topic shares its
	// weight among its links, so a redirect passes all of it and SIN's 28
	// links ("See ASSYRIA", "See EDOM" under its national sins) a 28th
	// each; a topic reached from several keeps its best share.
	have := map[string]int{}
	for i, t := range out {
		have[t.name] = i
	}
	for _, t := range out[:len(out):len(out)] {
		see := a.ix.TopicSee(t.name)
		for _, s := range see {
			w := t.weight / float64(len(see))
			if i, ok := have[s]; ok {
				if out[i].see && out[i].weight < w {
					out[i].weight, out[i].shared = w, len(see) > 1
				}
				continue
			}
			have[s] = len(out)
			out = append(out, topicMatch{name: s, weight: w, see: true, shared: len(see) > 1})
		}
	}
	sort.Slice(out, byWeight)
	if len(out) > 8 {
		out = out[:8]
	}
	return out
}

func titleCase(s string) string {
	return strings.ToUpper(s)
}

// family returns the stems of the indexed Bibles that share all but the
// last letter of stem (at least familyMinStem letters) and are at most 4
// letters longer: the analyser stems "intercession" to "interced" but
// "intercessor" to itself; they share "interce".
func (a *Asker) family(stem string) []string {
	if len(stem) < familyMinStem+1 {
		return nil
	}
	prefix := stem[:len(stem)-1]
	seen := map[string]bool{stem: true}
	var out []string
	for _, b := range a.ix.Bibles() {
		b.Prefix(index.StemTerms, prefix, func(term []byte, _ index.Postings) bool {
			t := string(term)
			if !seen[t] && len(t) <= len(stem)+4 {
				seen[t] = true
				out = append(out, t)
			}
			return len(out) < familyMax
		})
	}
	return out
}
