package study

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
	"berean/ref"
	"berean/retrieval"
	"berean/xref"
)

// ErrEmpty is returned for a topic with no words to study (empty, only
// spaces, or only function words). errors.Is(err, retrieval.ErrEmpty)
// (ask.ErrEmpty) holds too, so callers that handle an empty question
// handle it.
var ErrEmpty error = emptyTopic{}

type emptyTopic struct{}

func (emptyTopic) Error() string {
	return `the topic has no words to study: give a theme, for example "the love of God"`
}
func (emptyTopic) Is(target error) bool { return target == retrieval.ErrEmpty }

// Options of one study.
type Options struct {
	// Bible is the translation passages are quoted in (default KJV).
	Bible string
	// OT, NT and Key are the number of passages per section (defaults 8,
	// 14, 5).
	OT, NT, Key int

	// leaveSource is the address of the page an evaluated topic was taken
	// from (retrieval.Options.LeaveSource): the tests measure studies of
	// public pages' questions without the rows of those pages' sites.
	leaveSource string
}

// Passage is one quoted passage.
type Passage struct {
	OSIS  string  `json:"osis"`
	Ref   string  `json:"ref"` // human form: "Hebrews 7:23-25"
	Text  string  `json:"text"`
	Note  string  `json:"note"`
	Score float64 `json:"score"`

	Start, End int `json:"-"` // KJV ordinals
}

// Section is one part of the study.
type Section struct {
	Title     string    `json:"title"`
	Testament string    `json:"testament,omitempty"` // "OT", "NT" or "" (key verses)
	Passages  []Passage `json:"passages"`
}

// Study is a topical study.
type Study struct {
	Topic    string    `json:"topic"`
	Bible    string    `json:"bible"`
	Terms    []string  `json:"terms,omitempty"`
	Topics   []string  `json:"topics,omitempty"` // Nave's topics used
	Sections []Section `json:"sections"`
	// Note is for the reader, when the topic needs one (a topic in a
	// language no installed Bible has).
	Note string `json:"note,omitempty"`
}

// Asker is what a study asks of the retrieval (package ask's Asker, which
// the root package wires in): the scored verses of a topic with their
// reasons, the topic's content words and their siblings, the texts and
// popularity of verses, the salient words around passages. Its types are
// package retrieval's.
type Asker interface {
	// Index is the index retrieved from.
	Index() *index.Index
	// BibleName is the name of the Bible passages are quoted in for name;
	// an unknown name wraps index.ErrUnknownBible.
	BibleName(name string) (string, error)
	// Candidates are the n best verses for a question, best first, and the
	// Nave's topics the retrieval used.
	Candidates(ctx context.Context, question string, n int, o retrieval.Options) ([]retrieval.Candidate, []string, error)
	// NamedPassages are the passages known by a name that a question
	// names, best first; leaveSource is retrieval.Options.LeaveSource.
	NamedPassages(question, leaveSource string) []retrieval.NamedPassage
	// Words are the content words of a question, each once.
	Words(question string) []retrieval.Word
	// Siblings are the other words of a word's concept, best first.
	Siblings(word string) []retrieval.Sibling
	// StemVerses are the KJV ordinals having a stem term, with its largest
	// term frequency.
	StemVerses(stem string) map[int]int
	// Popularity is the number of Nave's topics citing a KJV ordinal.
	Popularity(ord int) int
	// Salient are the n most salient content words around passages.
	Salient(ords []int, weights []float64, span, n int, skip string) []string
	// Quote is the text of the KJV ordinals lo..hi in a Bible, one per verse.
	Quote(bible string, lo, hi int) ([]string, error)
	// IsFunctionWord reports whether a word only glues phrases.
	IsFunctionWord(w string) bool
}

// Studier writes studies from an Asker (retrieval) and a Finder
// (quotation links). It is safe for concurrent use.
type Studier struct {
	a        Asker
	x        *xref.Finder
	topics   Topics   // optional: Nave's sub-headings and "See" links
	entries  sync.Map // topic name -> *naveEntry
	red      sync.Map // KJV ordinal -> []string: the words of Christ in the verse, "" at clause breaks
	cotopics sync.Map // topic name -> *coTopic
	// w are the weights its candidates are scored with (data/weights.tsv).
	w retrieval.Weights
	// refs reads topics made of references (referenceSpans).
	refs *ref.Parser
}

// New returns a Studier. The optional Topics (the corpus) give the Nave's
// entries' sub-headings and "See" links.
func New(a Asker, x *xref.Finder, topics ...Topics) *Studier {
	s := &Studier{a: a, x: x, w: studyWeights(), refs: ref.NewParser(ref.Options{})}
	for _, t := range topics {
		if t != nil {
			s.topics = t
		}
	}
	return s
}

// Parameters; see doc.go.
const (
	candidates    = 80   // verses retrieved for the topic
	contextSpan   = 5    // verses on each side of a key NT verse searched for quotations
	contextKeys   = 8    // key verses whose context is searched
	quoteMin      = 0.5  // a quotation link must score this
	quoteShare    = 0.8  // a quoted passage scores this share of the verse quoting it (× link score)
	joinShare     = 0.15 // neighbours join a range when both score this share of the top verse
	maxRange      = 6    // verses per range at most
	minShareKeep  = 0.12 // passages under this share of the top score are left out
	feedbackKeys  = 6    // best passages whose words make the feedback query
	feedbackSpan  = 2    // verses of context around each
	feedbackMin   = 0.5  // share of the best score a feedback passage needs
	feedbackWords = 5    // words in each feedback query
	feedbackCands = 30   // verses kept from each feedback query
	feedbackShare = 0.6  // the feedback query's best verse scores this share of the topic's best

	siblingQueryMin   = 0.1  // a sibling word at least this strong makes a query
	siblingQueryShare = 0.6  // a sibling query's weight (plus the sibling's weight, at most 1)
	topicRangeMax     = 40   // topic references spanning this many verses are context
	topicCands        = 60   // verses retrieved per query within a named topic
	topicKeep         = 20   // verses kept per query, by retrieval × support
	topicMinShare     = 0.45 // and scoring at least this share of the topic's best
	topicShare        = 0.7  // the best of them scores this share of the topic's best
	phraseBoost       = 0.5  // per word of a sibling wording's phrase beyond two
	supportBoost      = 0.25 // a passage's score × (1 + this × the named topics' support)
	supportMax        = 3    // support counted at most
	siblingTopicMin   = 0.5  // a topic named by a sibling word weighs at least this
	exampleRange      = 5    // references of at most this many verses name a topic's examples
	exampleTopicMax   = 1500 // verses of a topic whose repeated citations are its examples
	// namedPassageVerses: verses of a named passage's reference that a
	// study of the passage's name takes, as many as ask's named feature.
	namedPassageVerses = 60
	refRelated         = 30  // passages related to a reference topic (package xref) that join
	refSpansMax        = 12  // references of a topic studied, at most (a long list is cut)
	nameWordsShare     = 0.3 // the score kept by verses without a named passage's words together
)

// inTextWords returns the topic words a candidate has in its text.
func inTextWords(c retrieval.Candidate, n int) []string {
	var out []string
	for _, m := range evidenceOf(c).words {
		if m.how == inText && len(out) < n {
			out = append(out, m.word)
		}
	}
	return out
}

type item struct {
	ord    int
	score  float64
	note   string
	direct bool // retrieved for the topic itself (not by a quotation or feedback link)
	linked bool // evidence besides shared words: a quotation link or a Nave's sub-heading
	gloss  bool // retrieved for the topic only through a dictionary definition
	words  int  // topic words the verse itself has (retrieval)
	phrase int  // longest run of the topic's words in the verse (retrieval)
	cited  bool // a named topic cites it
	speaks bool // the speaker the topic names says it
	pages  bool // public Bible-study pages on the topic give it (retrieval)
	named  bool // its passage is known by a name the topic names (retrieval)
}

// namedPassage adds the verses of the passages the topic is made of
// (refSpans) or is the name of (every content word of the topic a word of
// the name) at score top, the first verses of each reference a little
// more than the last, at most namedPassageVerses of each. It returns
// candidates spread over the passages, one every 2×contextSpan+1 verses,
// so that the quotations searched around them cover the passages, and the
// passages studied.
func (s *Studier) namedPassage(topic, leave string, refSpans [][2]int, top float64, add func(int, float64, string), pool map[int]*item) ([]retrieval.Candidate, [][2]int) {
	var keys []retrieval.Candidate
	var studied [][2]int
	passages := []retrieval.NamedPassage{{Spans: refSpans, TopicCover: 1}}
	for _, np := range append(passages, s.a.NamedPassages(topic, leave)...) {
		if np.TopicCover < 1 {
			continue
		}
		note := sentence([]string{"the passage studied"})
		if np.Name != "" {
			note = sentence([]string{"known as " + knownAs(np.Name)})
		}
		studied = append(studied, np.Spans...)
		for _, sp := range np.Spans {
			n := min(sp[1]-sp[0]+1, namedPassageVerses)
			for i := range n {
				ord := sp[0] + i
				sc := top * (1 - 0.5*float64(i)/float64(n))
				add(ord, sc, note)
				if np.Name == "" {
					pool[ord].note = note // what it is, whatever else it has
				}
				pool[ord].direct = true
				pool[ord].named = true
				if i%(2*contextSpan+1) == contextSpan || i == n-1 && i < contextSpan {
					keys = append(keys, retrieval.Candidate{Ord: ord, Score: sc})
				}
			}
		}
	}
	return keys, studied
}

// WithParser makes the Studier read topics made of references with p (a
// parser with the book names of the Studier's language: "Juan 3:16"); p's
// versification must be the KJV's, the key space of the study. It
// returns s.
func (s *Studier) WithParser(p *ref.Parser) *Studier {
	if p != nil {
		s.refs = p
	}
	return s
}

// referenceSpans returns the KJV ordinals, first and last, of each
// passage a topic made only of references names ("Psalm 23", "Romans
// 8:28-39; Ephesians 1"; ref.Parser.Whole); nil when the topic has
// anything else. A topic that is wholly a reference that does not exist
// ("John 22", "Psalm 999") is package ref's *InvalidError.
func (s *Studier) referenceSpans(topic string) ([][2]int, error) {
	rs, err := s.refs.Whole(topic)
	if err != nil {
		var ie *ref.InvalidError
		if errors.As(err, &ie) {
			return nil, fmt.Errorf("study: %w", err)
		}
		return nil, nil
	}
	kjv := canon.KJV()
	var spans [][2]int
	for _, r := range rs {
		lo, hi := -1, -1
		for v := range r.Verses(kjv) {
			o, ok := kjv.Ordinal(v.Book, v.Chapter, v.Verse)
			if !ok {
				continue
			}
			if lo < 0 {
				lo = o
			}
			hi = o
		}
		if lo >= 0 {
			spans = append(spans, [2]int{lo, hi})
		}
	}
	return spans, nil
}

// Study writes the study of topic.
func (s *Studier) Study(ctx context.Context, topic string, o Options) (*Study, error) {
	if o.OT <= 0 {
		o.OT = 8
	}
	if o.NT <= 0 {
		o.NT = 14
	}
	if o.Key <= 0 {
		o.Key = 5
	}
	if strings.TrimSpace(topic) == "" {
		return nil, ErrEmpty
	}
	bible, err := s.a.BibleName(o.Bible)
	if err != nil {
		return nil, err
	}
	// ro are the retrieval options of every query of the study.
	ro := retrieval.Options{Weights: &s.w, NoQuestionFrequency: true, ShortCitations: true, LeaveSource: o.leaveSource}
	first := ro
	first.Pages = true
	cands, topics, err := s.a.Candidates(ctx, topic, candidates, first)
	if err != nil {
		return nil, err
	}
	retrieved := cands // what the topic itself retrieves (cands may be re-ordered below)
	// A topic made of references ("Psalm 23") studies those passages.
	refSpans, err := s.referenceSpans(topic)
	if err != nil {
		return nil, err
	}
	refSpans = refSpans[:min(len(refSpans), refSpansMax)]
	if len(cands) == 0 && len(s.a.Words(topic)) == 0 && len(refSpans) == 0 {
		return nil, ErrEmpty
	}
	st := &Study{Topic: topic, Bible: bible, Topics: topics, Sections: []Section{}}
	pool := map[int]*item{}
	add := func(ord int, score float64, note string) {
		it := pool[ord]
		if it == nil {
			pool[ord] = &item{ord: ord, score: score, note: note}
			return
		}
		if score > it.score {
			it.score = score
			if it.note == "" {
				it.note = note
			}
		}
	}
	stems := map[string]map[int]int{} // stem -> verses having it, for the notes
	for _, c := range cands {
		ev := evidenceOf(c)
		ev.ownText(c.Ord, func(word string) map[int]int {
			st := index.StemTerm(word)
			if stems[st] == nil {
				stems[st] = s.a.StemVerses(st)
			}
			return stems[st]
		})
		add(c.Ord, c.Score, ev.note())
		pool[c.Ord].direct = true
		pool[c.Ord].gloss = ev.glossOnly()
		pool[c.Ord].words = max(pool[c.Ord].words, ev.ownWords())
		pool[c.Ord].phrase = max(pool[c.Ord].phrase, c.Phrase)
		pool[c.Ord].pages = pool[c.Ord].pages || ev.cites > 0
		pool[c.Ord].named = pool[c.Ord].named || ev.named != ""
	}
	// A topic that is a passage's name ("the Sermon on the Mount") or
	// references ("Psalm 23") studies those passages: their verses join as
	// strong as the best candidate. The verses that do not have the
	// topic's words together ("mount", not "sermon on the mount") and have
	// no other evidence are not about it: they keep nameWordsShare of their
	// score, and the passages' verses join the study's key candidates
	// (feedback words, quotations).
	studied := refSpans // the passages studied: the topic's references, or the passage it names
	if top := 1.0; len(cands) > 0 || len(refSpans) > 0 {
		if len(cands) > 0 {
			top = cands[0].Score
		}
		var keys []retrieval.Candidate
		keys, studied = s.namedPassage(topic, o.leaveSource, refSpans, top, add, pool)
		if len(keys) > 0 {
			nw := len(s.a.Words(topic))
			for _, c := range cands {
				it := pool[c.Ord]
				if !it.named && !it.pages && len(c.TopicEvidence) == 0 && (it.words < nw || c.Phrase < nw) {
					it.score *= nameWordsShare
					continue
				}
				keys = append(keys, c)
			}
			sort.SliceStable(keys, func(i, j int) bool { return keys[i].Score > keys[j].Score })
			cands = keys
		}
	}
	// A reference topic, or a topic that is a passage's name: the
	// passages its own links point to (package xref: quotations,
	// parallels, allusions, the open cross-references by votes) join, the
	// best at quoteShare of the passage's score ("the Great Commission":
	// Mark 16:15, Luke 24:47, Acts 1:8).
	if len(studied) > 0 && len(cands) > 0 && s.x != nil {
		for _, sp := range studied[:min(len(studied), refSpansMax)] {
			hi := min(sp[1], sp[0]+namedPassageVerses-1)
			res, err := s.x.RelatedOrds(ctx, sp[0], hi, xref.Options{N: refRelated, NoText: true})
			if err != nil {
				return nil, err
			}
			if len(res.Related) == 0 || res.Related[0].Score <= 0 {
				continue
			}
			best := res.Related[0].Score
			for _, l := range res.Related {
				add(l.Ord, cands[0].Score*quoteShare*l.Score/best, sentence([]string{"related to " + versekey.Human(sp[0], sp[1]) + ": " + l.Why}))
				pool[l.Ord].linked = true
			}
		}
	}
	// Pseudo-relevance feedback, per key passage: the topic plus the
	// salient words of the passage's context ("priest" around Heb 7:25)
	// make a second query, whose verses join at a lower weight.
	if len(cands) > 0 {
		var keys []retrieval.Candidate
		for _, c := range cands {
			if len(keys) >= feedbackKeys || c.Score < feedbackMin*cands[0].Score {
				break
			}
			dup := false
			for _, k := range keys {
				if versekey.SameChapter(k.Ord, c.Ord) {
					dup = true
				}
			}
			if !dup {
				keys = append(keys, c)
			}
		}
		for _, k := range keys {
			words := s.a.Salient([]int{k.Ord}, []float64{1}, feedbackSpan, feedbackWords, topic)
			if len(words) == 0 {
				continue
			}
			fo := ro
			fo.NoTopics = true
			more, _, err := s.a.Candidates(ctx, topic+" "+strings.Join(words, " "), feedbackCands, fo)
			if err != nil {
				return nil, err
			}
			if len(more) == 0 {
				continue
			}
			scale := feedbackShare * k.Score / more[0].Score
			for _, c := range more {
				add(c.Ord, c.Score*scale, nearNote(inTextWords(c, 3), k.Ord))
			}
			st.Terms = append(st.Terms, words...)
		}
	}
	// The verses of the Nave's topics that the topic names (by a word or
	// by a sibling word: PRAYER for 'intercession'), retrieved for the
	// topic and for its sibling wordings within those topics.
	named, wordings := s.namedTopics(topic)
	named = retrievedBy(named, retrieved)
	if len(cands) > 0 {
		if err := s.topicPassages(ctx, ro, named, wordings, cands[0].Score, add); err != nil {
			return nil, err
		}
	}
	// The sub-headings of the named topics that name the topic's words or
	// their siblings ("INTERCESSION OF", "Intercedes" under "PRIESTHOOD
	// OF"), and the sections their "See" links point to.
	if len(cands) > 0 && s.topics != nil {
		sig, sigWhy := s.subTopicSignals(named, s.concepts(topic))
		top := cands[0].Score
		for k, v := range sig {
			if v < subMinSig && pool[k] == nil {
				continue
			}
			add(k, subShare*top*math.Min(2, v), sigWhy[k])
			pool[k].linked = true
		}
	}
	// The Old Testament passages that the key verses' context quotes (and
	// the New Testament passages that quote the key OT verses).
	if s.x != nil {
		n := 0
		for _, c := range cands {
			if n >= contextKeys || c.Score < feedbackMin*cands[0].Score {
				break
			}
			n++
			lo, hi := chapterClamp(c.Ord-contextSpan, c.Ord+contextSpan, c.Ord)
			res, err := s.x.RelatedOrds(ctx, lo, hi, xref.Options{N: 6, Kinds: []string{xref.Quotation}, NoText: true})
			if err != nil {
				return nil, err
			}
			for _, l := range res.Related {
				if l.Score < quoteMin {
					continue
				}
				add(l.Ord, c.Score*quoteShare*(0.5+0.5*l.Score), "Quoted or echoed near "+versekey.Human(c.Ord, c.Ord)+" (shared wording)")
				pool[l.Ord].linked = true
			}
		}
	}
	// The Old Testament passages the named topics cite, and a penalty for
	// Old Testament passages whose only evidence is a common word.
	if len(cands) > 0 {
		s.citedOT(topic, named, topics, cands[0].Score, add)
	}
	if sc, why := s.coCited(pool, named); len(cands) > 0 {
		for k, v := range sc {
			if v < coMin {
				continue
			}
			add(k, coShare*cands[0].Score*v, why[k].note())
			pool[k].linked = true
		}
	}
	common := s.commonOnly(topic, named, pool)
	says := s.speakerSays(topic)
	items := make([]*item, 0, len(pool))
	top := 0.0
	for _, it := range pool {
		// The speaker the topic names doing what it says, in his own words.
		if says(it.ord) {
			it.speaks = true
			it.score *= 1 + speakerBoost
		}
		// Independent evidence: the named topics citing the verse.
		if sup, _ := support(named, it.ord); sup > 0 {
			it.cited = true
			it.score *= 1 + supportBoost*math.Min(supportMax, sup)
		}
		if common(it) {
			it.score *= commonPenalty
		}
		// A verse retrieved only through a dictionary definition, with
		// nothing else for it, shares no word with the topic.
		if it.gloss && !it.linked && !says(it.ord) && !citedByOwnWord(named, it.ord) {
			it.score *= glossPenalty
		}
		items = append(items, it)
		top = math.Max(top, it.score)
	}
	items = s.addPointed(pool, items, top)
	groups := group(items, top)
	var ot, nt []Passage
	strength := map[int]int{} // KJV ordinal -> its passage's kinds of evidence
	for _, g := range groups {
		if g.score < minShareKeep*top {
			continue
		}
		p, err := s.passage(g, o.Bible)
		if err != nil {
			return nil, err
		}
		for k := g.lo; k <= g.hi; k++ {
			strength[k] = g.strength()
		}
		b, _, _ := canon.KJV().VerseAt(g.lo)
		if canon.IsOT(b) {
			ot = append(ot, p)
		} else {
			nt = append(nt, p)
		}
	}
	ot = canonical(bestOf(ot, o.OT))
	nt = canonical(bestOf(nt, o.NT))
	for _, ps := range [][]Passage{ot, nt} {
		for i := range ps {
			ps[i].Note = nameCase(ps[i].Note, topic)
		}
	}
	all := append(append([]Passage(nil), ot...), nt...)
	key := keyVerses(all, strength, s.a.Popularity, o.Key)
	st.Sections = append(st.Sections,
		Section{Title: "Old Testament foundations", Testament: "OT", Passages: nonNil(ot)},
		Section{Title: "New Testament fulfilment", Testament: "NT", Passages: nonNil(nt)},
		Section{Title: "Key verses", Passages: nonNil(key)})
	return st, nil
}

func nonNil(p []Passage) []Passage {
	if p == nil {
		return []Passage{}
	}
	return p
}

type grp struct {
	lo, hi int
	score  float64
	note   string
	direct bool
	items  []*item
}

// strength counts the kinds of evidence a passage has: the topic words
// its verses have (at most 2), a run of at least phraseMin of the topic's
// words ("make intercession for"), a named topic citing it, a link
// (quotation, Nave's sub-heading or line), the speaker the topic names
// saying it, public Bible-study pages on the topic giving it, a name the
// topic names it by.
func (g grp) strength() int {
	words, cited, linked, speaks, phrase, pages, named := 0, false, false, false, false, false, false
	for _, it := range g.items {
		words = max(words, it.words)
		phrase = phrase || it.phrase >= phraseMin
		cited = cited || it.cited
		linked = linked || it.linked
		speaks = speaks || it.speaks
		pages = pages || it.pages
		named = named || it.named
	}
	n := min(words, 2)
	for _, b := range []bool{phrase, cited, linked, speaks, pages, named} {
		if b {
			n++
		}
	}
	return n
}

// group joins neighbouring verses of one chapter into ranges when both
// score at least joinShare of the top verse.
func group(items []*item, top float64) []grp {
	sort.Slice(items, func(i, j int) bool { return items[i].ord < items[j].ord })
	var out []grp
	for _, it := range items {
		if n := len(out); n > 0 {
			g := &out[n-1]
			if it.ord == g.hi+1 && versekey.SameChapter(g.hi, it.ord) && g.hi-g.lo+1 < maxRange &&
				it.score >= joinShare*top && g.score >= joinShare*top {
				g.hi = it.ord
				g.direct = g.direct || it.direct
				g.items = append(g.items, it)
				if it.score > g.score {
					g.score = it.score
					if it.note != "" {
						g.note = it.note
					}
				}
				continue
			}
		}
		out = append(out, grp{it.ord, it.ord, it.score, it.note, it.direct, []*item{it}})
	}
	return out
}

func (s *Studier) passage(g grp, bible string) (Passage, error) {
	vs, err := s.a.Quote(bible, g.lo, g.hi)
	if err != nil {
		return Passage{}, err
	}
	var texts []string
	for _, t := range vs {
		if t != "" {
			texts = append(texts, t)
		}
	}
	return Passage{OSIS: versekey.OSIS(g.lo, g.hi), Ref: versekey.Human(g.lo, g.hi), Text: strings.Join(texts, " "), Note: g.note,
		Score: math.Round(g.score*1000) / 1000, Start: g.lo, End: g.hi}, nil
}

// bestOf returns the n best passages, best first. A single verse that
// continues a better passage of its chapter (a range stopped at maxRange
// verses) is joined to it instead of taking a place of its own: Hebrews
// 7:28 after Hebrews 7:22-27 makes Hebrews 7:22-28.
func bestOf(ps []Passage, n int) []Passage {
	ps = append([]Passage(nil), ps...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Score > ps[j].Score })
	var out []Passage
	for _, p := range ps {
		if len(out) == n {
			break
		}
		joined := false
		for i := range out {
			q := &out[i]
			if p.Start != p.End || !versekey.SameChapter(p.Start, q.Start) {
				continue
			}
			switch p.Start {
			case q.End + 1:
				q.End, q.Text = p.End, q.Text+" "+p.Text
			case q.Start - 1:
				q.Start, q.Text = p.Start, p.Text+" "+q.Text
			default:
				continue
			}
			q.OSIS, q.Ref = versekey.OSIS(q.Start, q.End), versekey.Human(q.Start, q.End)
			joined = true
			break
		}
		if !joined {
			out = append(out, p)
		}
	}
	return out
}

func canonical(ps []Passage) []Passage {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Start < ps[j].Start })
	return ps
}

// chapterClamp clamps lo..hi to the chapter of k.
func chapterClamp(lo, hi, k int) (int, int) {
	for lo < k && !versekey.SameChapter(lo, k) {
		lo++
	}
	for hi > k && !versekey.SameChapter(hi, k) {
		hi--
	}
	return lo, hi
}

// Markdown renders the study.
func (st *Study) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", st.Topic)
	if len(st.Topics) > 0 {
		fmt.Fprintf(&b, "_Nave's topics: %s. Quoted from the %s._\n\n", strings.Join(st.Topics, ", "), st.Bible)
	} else {
		fmt.Fprintf(&b, "_Quoted from the %s._\n\n", st.Bible)
	}
	if st.Note != "" {
		fmt.Fprintf(&b, "_Note: %s._\n\n", strings.TrimSuffix(st.Note, "."))
	}
	for _, sec := range st.Sections {
		fmt.Fprintf(&b, "## %s\n\n", sec.Title)
		if len(sec.Passages) == 0 {
			b.WriteString("(none found)\n\n")
		}
		for _, p := range sec.Passages {
			fmt.Fprintf(&b, "**%s** — %s\n\n> %s\n\n", p.Ref, p.Note, p.Text)
		}
	}
	return b.String()
}

// namedTopic is a Nave's topic that the study's topic names.
type namedTopic struct {
	name   string
	head   string      // the stem of the study word naming it
	weight float64     // 1, or the sibling's weight
	verses map[int]int // KJV ordinal -> times cited (references of at most topicRangeMax verses)
	spans  [][2]int    // those references, as KJV ordinal spans
	short  map[int]int // the same for references of at most exampleRange verses
}

// wording is the study's topic or a sibling wording of it.
type wording struct {
	words   []string // content words, stems
	text    string
	stems   []string
	weight  float64
	sibling bool // a word replaced by a sibling
}

// namedTopics returns the Nave's topics whose head word (before the comma)
// is a word of the topic or a sibling of one (or a longer form of it:
// PRAYER for 'pray'), and the wordings of the topic: itself and, per word,
// the word replaced by its best sibling ('pray' for 'intercession').
func (s *Studier) namedTopics(topic string) ([]namedTopic, []wording) {
	ix := s.a.Index()
	words := s.a.Words(topic)
	type cand struct {
		word, stem string
		weight     float64
	}
	var cs []cand
	base := wording{text: topic, weight: 1}
	for _, w := range words {
		base.stems = append(base.stems, w.Stem)
		base.words = append(base.words, w.Text)
	}
	ws := []wording{base}
	for i, w := range words {
		cs = append(cs, cand{w.Text, w.Stem, 1})
		for _, sib := range s.siblings(w.Text) {
			if sib.Weight < siblingQueryMin {
				continue
			}
			cs = append(cs, cand{sib.Word, sib.Stem, sib.Weight})
			v := wording{weight: math.Min(1, siblingQueryShare+sib.Weight), sibling: true}
			v.words = append([]string(nil), base.words...)
			v.stems = append([]string(nil), base.stems...)
			v.words[i], v.stems[i] = sib.Word, sib.Stem
			v.text = replaceSibling(topic, w.Text, sib.Word, s.a.IsFunctionWord)
			ws = append(ws, v)
			break
		}
	}
	seen := map[string]bool{}
	var out []namedTopic
	for _, c := range cs {
		var names []string
		for _, f := range wordForms(c.word) {
			names = append(names, ix.TopicsForWord(f)...)
		}
		for _, name := range names {
			head, _, _ := strings.Cut(name, ",")
			hs := index.StemTerm(strings.ToLower(strings.TrimSpace(head)))
			if seen[name] || !strings.HasPrefix(hs, c.stem) || len(hs) > len(c.stem)+3 {
				continue
			}
			seen[name] = true
			if t, ok := loadTopic(ix, name, c.stem, math.Max(siblingTopicMin, c.weight)); ok {
				out = append(out, t)
			}
		}
	}
	return out, ws
}

// retrievedBy keeps the named topics that the topic names by its own
// words, and those named through a sibling word that cite at least one
// verse the topic itself retrieved (cands): a sibling through a Strong's
// number the translators render with the topic's word only at times
// ('deity' is G1140 once in Acts 17:18, which is 'demons' everywhere
// else) names a topic about something else (DEMONS), whose verses the
// topic's own retrieval never finds; PRAYER, named through 'pray' for
// 'intercession', shares 16 of its verses with it (TestSiblingTopicsRetrieved).
func retrievedBy(named []namedTopic, cands []retrieval.Candidate) []namedTopic {
	var out []namedTopic
	for _, t := range named {
		if t.weight < 1 && !slices.ContainsFunc(cands, func(c retrieval.Candidate) bool { return t.verses[c.Ord] > 0 }) {
			continue
		}
		out = append(out, t)
	}
	return out
}

// loadTopic reads a named topic's references.
func loadTopic(ix *index.Index, name, head string, weight float64) (namedTopic, bool) {
	refs, _ := ix.TopicRefs(name)
	vs, short := map[int]int{}, map[int]int{}
	var spans [][2]int
	for _, r := range refs {
		lo, hi, ok := versekey.Span(r)
		if !ok || hi-lo >= topicRangeMax {
			continue
		}
		spans = append(spans, [2]int{lo, hi})
		for k := lo; k <= hi; k++ {
			vs[k]++
			if hi-lo < exampleRange {
				short[k]++
			}
		}
	}
	return namedTopic{name, head, weight, vs, spans, short}, len(vs) > 0
}

// topicPassages adds, per named topic, the verses of the topic that the
// topic's wordings retrieve without the topic's own word ("makes pray for
// us" within JESUS, THE CHRIST), and the verses the topic cites more than
// once (its examples: Exod 32:31-32 under INTERCESSION), each scored by
// retrieval and by how many named topics cite it.
func (s *Studier) topicPassages(ctx context.Context, ro retrieval.Options, named []namedTopic, ws []wording, top float64, add func(int, float64, string)) error {
	support := func(k int) (float64, []string) { return support(named, k) }
	for _, t := range named {
		within := map[int]bool{}
		for k := range t.verses {
			within[k] = true
		}
		for _, w := range ws {
			q := w.text
			n := 0
			for i, st := range w.stems {
				if st == t.head {
					q = replaceWord(q, w.words[i], "")
					n++
				}
			}
			if n == len(w.stems) || n == 0 && t.weight < 1 {
				continue
			}
			to := ro
			to.Within, to.NoTopics, to.Persons = within, true, true
			cs, _, err := s.a.Candidates(ctx, q, topicCands, to)
			if err != nil {
				return err
			}
			type sc struct {
				c     retrieval.Candidate
				score float64
				in    []string
			}
			var kept []sc
			for _, c := range cs {
				if c.Score < topicMinShare*top {
					continue // a name alone, not the concept
				}
				sup, in := support(c.Ord)
				// A sibling wording's phrase ("prayed for thee" for
				// "pray for us") is the relation the topic names.
				ph := 1.0
				if w.sibling && c.Phrase > 2 {
					ph += phraseBoost * float64(c.Phrase-2)
				}
				kept = append(kept, sc{c, topicShare * t.weight * w.weight * c.Score * ph * math.Min(1, 0.4+0.2*sup), in})
			}
			sort.SliceStable(kept, func(i, j int) bool { return kept[i].score > kept[j].score })
			if len(kept) > topicKeep {
				kept = kept[:topicKeep]
			}
			for _, k := range kept {
				note := listedUnder(k.in)
				if words := inTextWords(k.c, 3); len(words) > 0 {
					note = usesWords(words) + "; " + note
				}
				add(k.c.Ord, k.score, note)
			}
		}
		// The topic's examples: verses it cites more than once (in a
		// topic small enough for that to single them out).
		if len(t.verses) > exampleTopicMax {
			continue
		}
		for k, n := range t.short {
			if n < 2 {
				continue
			}
			sup, in := support(k)
			pop := float64(s.a.Popularity(k))
			add(k, topicShare*top*t.weight*math.Min(1, exampleWeight(k)*sup)*(1+0.1*math.Log1p(pop)), listedUnder(in)+" ("+strconv.Itoa(n)+" times)")
		}

	}
	return nil
}

// replaceWord replaces the first whole-word occurrence of w (case-folded)
// in s with r ("" deletes it).
func replaceWord(s, w, r string) string {
	f := strings.Fields(s)
	for i, x := range f {
		if strings.EqualFold(strings.Trim(x, ".,;:!?\"'"), w) {
			f[i] = r
			return strings.Join(strings.Fields(strings.Join(f, " ")), " ")
		}
	}
	return s
}

// exampleWeight is the weight of a named topic's support for one of its
// examples: in the Old Testament the examples are the foundations (Moses'
// intercession, Exod 32:31-32), in the New the topic's own statements come
// first.
func exampleWeight(k int) float64 {
	if versekey.IsOT(k) {
		return exampleSupport
	}
	return exampleSupportNT
}

// citedByOwnWord reports whether a topic named by a word of the topic
// itself (not by a sibling) cites the verse.
func citedByOwnWord(named []namedTopic, k int) bool {
	for _, t := range named {
		if t.weight >= 1 && t.verses[k] > 0 {
			return true
		}
	}
	return false
}

// support counts the named topics citing a verse, and a quarter for each
// further citation.
func support(named []namedTopic, k int) (float64, []string) {
	sum := 0.0
	var in []string
	for _, t := range named {
		if n := t.verses[k]; n > 0 {
			sum += 1 + 0.25*float64(n-1)
			in = append(in, t.name)
		}
	}
	return sum, in
}

// wordForms are a word and its derived forms that may name a topic:
// 'pray' names PRAYER.
func wordForms(w string) []string {
	out := []string{w}
	base := strings.TrimSuffix(w, "e")
	for _, suf := range []string{"er", "ers", "ing", "ion", "ness"} {
		out = append(out, base+suf)
	}
	return out
}

// replaceSibling replaces the first whole-word occurrence of w in s with
// its sibling r, dropping the function word just before it: it belongs to
// w ("makes intercession", "the intercession"), and the sibling may be
// another part of speech ("pray").
func replaceSibling(s, w, r string, isFunctionWord func(string) bool) string {
	f := strings.Fields(s)
	for i, x := range f {
		if strings.EqualFold(strings.Trim(x, ".,;:!?\"'"), w) {
			f[i] = r
			if i > 0 && isFunctionWord(strings.Trim(f[i-1], ".,;:!?\"'")) {
				f[i-1] = ""
			}
			return strings.Join(strings.Fields(strings.Join(f, " ")), " ")
		}
	}
	return s
}
