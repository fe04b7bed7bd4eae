package study

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"berean/ask"
	"berean/canon"
	"berean/xref"
)

// Options of one study.
type Options struct {
	// Bible is the translation passages are quoted in (default KJV).
	Bible string
	// OT, NT and Key are the number of passages per section (defaults 8,
	// 12, 5).
	OT, NT, Key int
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
}

// Studier writes studies from an Asker (retrieval) and a Finder
// (quotation links). It is safe for concurrent use.
type Studier struct {
	a *ask.Asker
	x *xref.Finder
}

// New returns a Studier.
func New(a *ask.Asker, x *xref.Finder) *Studier { return &Studier{a: a, x: x} }

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
)

// firstWords keeps the quoted words of "matched 'x' ..." reasons.
func firstWords(why []string, n int) []string {
	var out []string
	for _, w := range why {
		if i := strings.IndexByte(w, '\''); i >= 0 {
			if j := strings.IndexByte(w[i+1:], '\''); j >= 0 {
				out = append(out, w[i+1:i+1+j])
			}
		}
		if len(out) == n {
			break
		}
	}
	return out
}

type item struct {
	ord    int
	score  float64
	note   string
	direct bool // retrieved for the topic itself (not by a quotation or feedback link)
}

// Study writes the study of topic.
func (s *Studier) Study(ctx context.Context, topic string, o Options) (*Study, error) {
	if o.OT <= 0 {
		o.OT = 8
	}
	if o.NT <= 0 {
		o.NT = 12
	}
	if o.Key <= 0 {
		o.Key = 5
	}
	bible, err := s.a.BibleName(o.Bible)
	if err != nil {
		return nil, err
	}
	cands, topics, err := s.a.Candidates(ctx, topic, candidates, ask.Options{})
	if err != nil {
		return nil, err
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
	for _, c := range cands {
		add(c.Ord, c.Score, noteOf(c))
		pool[c.Ord].direct = true
	}
	// Pseudo-relevance feedback, per key passage: the topic plus the
	// salient words of the passage's context ("priest" around Heb 7:25)
	// make a second query, whose verses join at a lower weight.
	if len(cands) > 0 {
		var keys []ask.Candidate
		for _, c := range cands {
			if len(keys) >= feedbackKeys || c.Score < feedbackMin*cands[0].Score {
				break
			}
			dup := false
			for _, k := range keys {
				if sameChapter(k.Ord, c.Ord) {
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
			more, _, err := s.a.Candidates(ctx, topic+" "+strings.Join(words, " "), feedbackCands, ask.Options{NoTopics: true})
			if err != nil {
				return nil, err
			}
			if len(more) == 0 {
				continue
			}
			scale := feedbackShare * k.Score / more[0].Score
			for _, c := range more {
				add(c.Ord, c.Score*scale, fmt.Sprintf("like %s: %s", human(k.Ord, k.Ord), strings.Join(firstWords(c.Why, 3), ", ")))
			}
			st.Terms = append(st.Terms, words...)
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
				add(l.Ord, c.Score*quoteShare*(0.5+0.5*l.Score), fmt.Sprintf("quoted beside %s (%s)", human(c.Ord, c.Ord), l.Why))
			}
		}
	}
	items := make([]*item, 0, len(pool))
	top := 0.0
	for _, it := range pool {
		items = append(items, it)
		top = math.Max(top, it.score)
	}
	groups := group(items, top)
	var ot, nt, direct []Passage
	for _, g := range groups {
		if g.score < minShareKeep*top {
			continue
		}
		p, err := s.passage(g, o.Bible)
		if err != nil {
			return nil, err
		}
		if g.direct {
			direct = append(direct, p)
		}
		b, _, _ := canon.KJV().VerseAt(g.lo)
		if canon.IsOT(b) {
			ot = append(ot, p)
		} else {
			nt = append(nt, p)
		}
	}
	key := bestOf(direct, o.Key)
	ot = canonical(bestOf(ot, o.OT))
	nt = canonical(bestOf(nt, o.NT))
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

// noteOf says in one line why a retrieved verse is in the study.
func noteOf(c ask.Candidate) string {
	var words, topics []string
	for _, w := range c.Why {
		switch {
		case strings.HasPrefix(w, "topic "):
			topics = append(topics, strings.TrimSuffix(strings.TrimPrefix(w, "topic "), " (Nave's)"))
		case strings.HasPrefix(w, "matched "):
			words = append(words, strings.TrimPrefix(w, "matched "))
		default:
			words = append(words, w)
		}
	}
	var parts []string
	if len(words) > 0 {
		if len(words) > 3 {
			words = words[:3]
		}
		parts = append(parts, "key words: "+strings.Join(words, ", "))
	}
	if len(topics) > 0 {
		if len(topics) > 2 {
			topics = topics[:2]
		}
		parts = append(parts, "Nave's topic "+strings.Join(topics, ", "))
	}
	return strings.Join(parts, "; ")
}

type grp struct {
	lo, hi int
	score  float64
	note   string
	direct bool
}

// group joins neighbouring verses of one chapter into ranges when both
// score at least joinShare of the top verse.
func group(items []*item, top float64) []grp {
	sort.Slice(items, func(i, j int) bool { return items[i].ord < items[j].ord })
	var out []grp
	for _, it := range items {
		if n := len(out); n > 0 {
			g := &out[n-1]
			if it.ord == g.hi+1 && sameChapter(g.hi, it.ord) && g.hi-g.lo+1 < maxRange &&
				it.score >= joinShare*top && g.score >= joinShare*top {
				g.hi = it.ord
				g.direct = g.direct || it.direct
				if it.score > g.score {
					g.score = it.score
					if it.note != "" {
						g.note = it.note
					}
				}
				continue
			}
		}
		out = append(out, grp{it.ord, it.ord, it.score, it.note, it.direct})
	}
	return out
}

func (s *Studier) passage(g grp, bible string) (Passage, error) {
	vs, err := s.a.Quote(bible, g.lo, g.hi)
	if err != nil {
		return Passage{}, err
	}
	var texts []string
	for _, v := range vs {
		if v.Text != "" {
			texts = append(texts, v.Text)
		}
	}
	return Passage{OSIS: osis(g.lo, g.hi), Ref: human(g.lo, g.hi), Text: strings.Join(texts, " "), Note: g.note,
		Score: math.Round(g.score*1000) / 1000, Start: g.lo, End: g.hi}, nil
}

func bestOf(ps []Passage, n int) []Passage {
	ps = append([]Passage(nil), ps...)
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Score > ps[j].Score })
	if len(ps) > n {
		ps = ps[:n]
	}
	return ps
}

func canonical(ps []Passage) []Passage {
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].Start < ps[j].Start })
	return ps
}

func sameChapter(a, b int) bool {
	ba, ca, _ := canon.KJV().VerseAt(a)
	bb, cb, _ := canon.KJV().VerseAt(b)
	return ba == bb && ca == cb
}

// chapterClamp clamps lo..hi to the chapter of k.
func chapterClamp(lo, hi, k int) (int, int) {
	for lo < k && !sameChapter(lo, k) {
		lo++
	}
	for hi > k && !sameChapter(hi, k) {
		hi--
	}
	return lo, hi
}

func osisOf(k int) string {
	b, c, v := canon.KJV().VerseAt(k)
	return b + "." + strconv.Itoa(c) + "." + strconv.Itoa(v)
}

func osis(lo, hi int) string {
	if lo == hi {
		return osisOf(lo)
	}
	return osisOf(lo) + "-" + osisOf(hi)
}

// human is "Hebrews 7:23-25", "Psalm 110:4".
func human(lo, hi int) string {
	b, c, v := canon.KJV().VerseAt(lo)
	s := fmt.Sprintf("%s %d:%d", canon.HumanChapterName(b), c, v)
	if hi > lo {
		_, c2, v2 := canon.KJV().VerseAt(hi)
		if c2 == c {
			s += fmt.Sprintf("-%d", v2)
		} else {
			s += fmt.Sprintf("-%d:%d", c2, v2)
		}
	}
	return s
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
