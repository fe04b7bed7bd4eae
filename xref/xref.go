package xref

import (
	"context"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"

	"berean/canon"
	"berean/crossref"
	"berean/index"
	"berean/internal/versekey"
	"berean/ref"
)

// Kinds of links, strongest first.
const (
	Quotation      = "quotation"       // the New Testament reproduces the Old: see doc.go for the rule
	Parallel       = "parallel"        // the same episode told twice (Gospels; Samuel-Kings and Chronicles)
	Allusion       = "allusion"        // shared distinctive words below the quotation bar, with a cross-reference
	CrossReference = "cross-reference" // the open cross-references, by votes
	Topic          = "topic"           // cited together under Nave's topics
)

// Kinds lists the kinds, strongest first.
var Kinds = []string{Quotation, Parallel, Allusion, CrossReference, Topic}

// Attribution credits the cross-reference data; shown wherever its links
// are.
const Attribution = crossref.Attribution

// ErrUnknownBible is index.ErrUnknownBible, wrapped by errors naming a
// Bible the index lacks.
var ErrUnknownBible = index.ErrUnknownBible

// Options of one look-up.
type Options struct {
	// N is the number of links (default 20).
	N int
	// Bible is the translation the texts are quoted in (default KJV).
	Bible string
	// Kinds restricts the kinds of links (default all).
	Kinds []string
	// NoText leaves the texts out.
	NoText bool
}

// Evidence is what a link rests on; fields are set where they apply.
type Evidence struct {
	// Words are the shared words: the run of consecutive content words
	// (quotation, parallel) or the distinctive words (allusion), as the
	// Bible named has them.
	Words []string `json:"words,omitempty"`
	// Strongs are shared Strong's numbers.
	Strongs []string `json:"strongs,omitempty"`
	// Votes are the OpenBible.info votes of the cross-references between
	// the two passages, both directions summed.
	Votes int `json:"votes,omitempty"`
	// Source says where the evidence comes from, in words.
	Source string `json:"source,omitempty"`
	// Bible is the translation the words were found in.
	Bible string `json:"bible,omitempty"`
	// Formula is the introductory formula of a quotation ("saith").
	Formula string `json:"formula,omitempty"`
}

// Link is one related passage.
type Link struct {
	OSIS string `json:"osis"`
	// Reference is OSIS for people ("Jude 3"), in the book names of the
	// quoted Bible's language when the engine knows them.
	Reference string   `json:"reference"`
	Kind      string   `json:"kind"`
	Score     float64  `json:"score"`
	Evidence  Evidence `json:"evidence"`
	Text      string   `json:"text,omitempty"`
	// Why is the evidence in a short sentence.
	Why string `json:"why,omitempty"`
	// Ord and End are the KJV ordinals of the first and last verse.
	Ord int `json:"-"`
	End int `json:"-"`
}

// Result lists the passages related to a reference.
type Result struct {
	OSIS      string `json:"osis"`
	Reference string `json:"reference"` // OSIS for people, as Link's
	Bible     string `json:"bible"`
	Related   []Link `json:"related"`
}

// bible is one indexed Bible with its mapping to KJV ordinals.
type bible struct {
	b       *index.Bible
	english bool // its words are compared (the stop words are English)
}

// Finder computes cross-references over an index. It reads the index
// directly, building nothing; it is safe for concurrent use.
type Finder struct {
	ix     *index.Index
	parser *ref.Parser
	stop   map[string]bool

	once   sync.Once
	bibles []*bible // every Bible (display)
	words  []*bible // the Bibles whose wording is compared
}

// New returns a Finder over ix.
//
// The Finder pools the Bibles of one language: the KJV's, or the first
// Bible's (give it index.ForLang for another).
func New(ix *index.Index) *Finder {
	return &Finder{ix: oneLang(ix), parser: ref.NewParser(ref.Options{}), stop: stopStems()}
}

// Related is New(ix).Related for one-off use.
func Related(ctx context.Context, ix *index.Index, reference string, o Options) (*Result, error) {
	return New(ix).Related(ctx, reference, o)
}

func (f *Finder) setup() {
	f.once.Do(func() {
		the := index.StemTerm("the")
		for _, b := range f.ix.Bibles() {
			// A Bible is compared word by word when the English function
			// words are its commonest (the stop list is English).
			x := &bible{b: b, english: b.Stem(the).Len() > b.Docs()/3}
			f.bibles = append(f.bibles, x)
			if x.english {
				f.words = append(f.words, x)
			}
		}
	})
}

// Warm prepares the Finder now (it reads the index per look-up: there is
// little to prepare).
func (f *Finder) Warm(ctx context.Context) error {
	f.setup()
	return ctx.Err()
}

// Parse reads a reference ("Ps 110:4", "Ps.110.4", "Heb 7:23-25").
func (f *Finder) Parse(reference string) (lo, hi int, osis string, err error) {
	rs, err := f.parser.Parse(reference)
	if err != nil {
		return 0, 0, "", err
	}
	if len(rs) == 0 {
		return 0, 0, "", fmt.Errorf("xref: no reference in %q", reference)
	}
	r := rs[0]
	lo, ok := versekey.RefOrd(r.Start, false)
	end := r.End
	if end.Book == "" {
		end = r.Start
	}
	hi, ok2 := versekey.RefOrd(end, true)
	if !ok || !ok2 || hi < lo {
		return 0, 0, "", fmt.Errorf("xref: %s is not in the KJV versification", r.OSIS())
	}
	return lo, hi, r.OSIS(), nil
}

// Parameters; see doc.go.
const (
	quoteRun      = 4   // a quotation shares a run of this many content words
	formulaRun    = 3   // or this many after an introductory formula
	strongRun     = 3   // a run of Strong's numbers counts from this many
	allusionWords = 2   // an allusion shares a run of this many distinctive words, or more distinctive words
	distinctShare = 150 // a distinctive word is in at most 1/150 of a Bible's verses
	rareDF        = 200 // wording candidates: words in at most this many verses
	rareShared    = 3   // ... of which a candidate shares this many
	maxCands      = 200 // data candidates kept (most votes first)
	maxSpan       = 12  // verses of a target range compared one by one
	window        = 3   // a parallel is checked over this many verses each side
	windowEvery   = 2   // ... of which this many share runs
	reach         = 5   // ... with a verse this near the other side's
	// maxParallelChecks bounds the candidates compared over their
	// neighbourhoods (most votes first) in one look-up.
	maxParallelChecks = 40
	topicScale        = 0.05
	maxSource         = 300 // verses of a source range
)

// Related returns the passages related to reference, best first.
func (f *Finder) Related(ctx context.Context, reference string, o Options) (*Result, error) {
	lo, hi, osis, err := f.Parse(reference)
	if err != nil {
		return nil, err
	}
	res, err := f.RelatedOrds(ctx, lo, hi, o)
	if err != nil {
		return nil, err
	}
	res.OSIS = osis
	return res, nil
}

// RelatedOrds is Related for the KJV ordinals lo..hi.
func (f *Finder) RelatedOrds(ctx context.Context, lo, hi int, o Options) (*Result, error) {
	f.setup()
	if err := f.ix.Err(); err != nil {
		return nil, err
	}
	if o.N <= 0 {
		o.N = 20
	}
	if n := canon.KJV().VerseCount(); lo < 0 || hi >= n || hi < lo {
		return nil, fmt.Errorf("xref: ordinals %d-%d outside the KJV's %d verses", lo, hi, n)
	}
	hi = min(hi, lo+maxSource-1)
	disp, err := f.display(o.Bible)
	if err != nil {
		return nil, err
	}
	for _, k := range o.Kinds {
		if !slices.ContainsFunc(Kinds, func(x string) bool { return strings.EqualFold(x, k) }) {
			return nil, fmt.Errorf("xref: no kind %q: the kinds are %s", k, strings.Join(Kinds, ", "))
		}
	}
	want := func(k string) bool {
		return len(o.Kinds) == 0 || slices.ContainsFunc(o.Kinds, func(x string) bool { return strings.EqualFold(x, k) })
	}
	q := f.newQuery(lo, hi)
	var links []Link
	for _, c := range q.candidates() {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if l, ok := q.judge(c, want); ok {
			links = append(links, l)
		}
	}
	links = f.oneFormulaOneQuote(ctx, lo, hi, links, want)
	if want(Topic) && len(links) < o.N {
		have := map[int]bool{}
		for _, l := range links {
			for k := l.Ord; k <= l.End; k++ {
				have[k] = true
			}
		}
		for _, tl := range f.topicLinks(lo, hi) {
			if have[tl.Ord] || tl.Ord >= lo && tl.Ord <= hi {
				continue
			}
			tl.Score *= topicScale
			links = append(links, tl)
		}
	}
	sort.Slice(links, func(i, j int) bool {
		if links[i].Score != links[j].Score {
			return links[i].Score > links[j].Score
		}
		if links[i].Evidence.Votes != links[j].Evidence.Votes {
			return links[i].Evidence.Votes > links[j].Evidence.Votes
		}
		return links[i].Ord < links[j].Ord
	})
	if len(links) > o.N {
		links = links[:o.N]
	}
	for i := range links {
		l := &links[i]
		l.OSIS = versekey.OSIS(l.Ord, l.End)
		l.Reference = versekey.Human(l.Ord, l.End)
		l.Score = math.Round(l.Score*1000) / 1000
		if !o.NoText {
			l.Text = f.text(disp, l.Ord, l.End)
		}
	}
	if links == nil {
		links = []Link{}
	}
	return &Result{OSIS: versekey.OSIS(lo, hi), Reference: versekey.Human(lo, hi), Bible: disp.b.Name(), Related: links}, nil
}

func (f *Finder) display(name string) (*bible, error) {
	if len(f.bibles) == 0 {
		return nil, fmt.Errorf("xref: the index has no Bibles")
	}
	if name == "" {
		for _, t := range f.bibles {
			if t.b.Name() == "KJV" {
				return t, nil
			}
		}
		return f.bibles[0], nil
	}
	for _, t := range f.bibles {
		if strings.EqualFold(t.b.Name(), name) || strings.EqualFold(t.b.Module(), name) {
			return t, nil
		}
	}
	return nil, fmt.Errorf("xref: %w: %q", ErrUnknownBible, name)
}

// bibleNamed is the Bible of that name (nil: none).
func (f *Finder) bibleNamed(name string) *bible {
	f.setup()
	for _, x := range f.bibles {
		if x.b.Name() == name {
			return x
		}
	}
	return nil
}

// text is the text of lo..hi in disp, or in the first Bible that has it.
func (f *Finder) text(disp *bible, lo, hi int) string {
	var parts []string
	for k := lo; k <= hi; k++ {
		for _, t := range append([]*bible{disp}, f.bibles...) {
			if d := t.doc(k); d >= 0 {
				parts = append(parts, t.b.Text(d))
				break
			}
		}
	}
	return strings.Join(parts, " ")
}

// doc is the doc of KJV ordinal ord in the Bible: the first whose KJV
// ordinal (the index's KEYS) is ord; -1 when none is.
func (x *bible) doc(ord int) int {
	_, from := x.b.KJVMaps()
	if ord < 0 || ord >= len(from) {
		return -1
	}
	return int(from[ord])
}

// ord is the KJV ordinal of a doc of the Bible (-1: none).
func (x *bible) ord(d int) int {
	to, _ := x.b.KJVMaps()
	if d < 0 || d >= len(to) {
		return -1
	}
	return int(to[d])
}

// oneFormulaOneQuote keeps the formula route to quotation honest: an
// introductory formula introduces what the New Testament verse reproduces.
// When that verse reproduces some passage in full (a run of quoteRun
// words), a passage sharing only a shorter run after the formula is not
// quoted (Luke 4:18 quotes Isa 61:1; Ps 147:3 shares "heals the broken
// heart"); among passages sharing the same short run, the one with the
// most votes is (Rom 10:15 and Isa 52:7 against Isa 61:1's "preach good
// news"). The others become allusions (with a cross-reference) or go.
// From the Old Testament side the New Testament verse's own look-up
// decides, so both directions agree.
func (f *Finder) oneFormulaOneQuote(ctx context.Context, lo, hi int, links []Link, want func(string) bool) []Link {
	formulaOnly := func(l Link) bool {
		return l.Kind == Quotation && l.Evidence.Formula != "" && len(l.Evidence.Words) < quoteRun
	}
	keep := map[int]bool{} // index of the formula-only quotations kept
	if !versekey.IsOT(lo) {
		full := false
		for _, l := range links {
			full = full || l.Kind == Quotation && len(l.Evidence.Words) >= quoteRun
		}
		best := map[string]int{}
		for i, l := range links {
			if !formulaOnly(l) || full {
				continue
			}
			var stems []string
			for _, w := range l.Evidence.Words {
				stems = append(stems, index.StemTerm(w))
			}
			k := strings.Join(stems, " ")
			if j, ok := best[k]; !ok || l.Evidence.Votes > links[j].Evidence.Votes {
				best[k] = i
			}
		}
		for _, i := range best {
			keep[i] = true
		}
	} else {
		for i, l := range links {
			if !formulaOnly(l) {
				continue
			}
			r, err := f.RelatedOrds(ctx, l.Ord, l.End, Options{N: 100, Kinds: []string{Quotation}, NoText: true})
			if err != nil {
				continue
			}
			for _, m := range r.Related {
				if m.Ord <= hi && lo <= m.End {
					keep[i] = true
				}
			}
		}
	}
	out := links[:0]
	for i, l := range links {
		if formulaOnly(l) && !keep[i] {
			if l.Evidence.Votes == 0 || !want(Allusion) {
				continue
			}
			l.Kind = Allusion
			l.Why += "; the formula introduces another passage"
			l.Score -= 0.4
		}
		out = append(out, l)
	}
	return out
}
