package xref

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
	"berean/internal/versekey"
	"berean/ref"
)

// Kinds of links.
const (
	Quotation = "quotation" // shared wording between the Old and New Testaments
	Parallel  = "parallel"  // shared wording within a testament (Gospels, Kings/Chronicles)
	Topic     = "topic"     // cited together under Nave's topics
)

// ErrUnknownBible is wrapped by errors naming a Bible the index lacks.
var ErrUnknownBible = errors.New("no such Bible in the index")

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

// Link is one related passage.
type Link struct {
	OSIS  string  `json:"osis"`
	Kind  string  `json:"kind"`
	Score float64 `json:"score"`
	Text  string  `json:"text,omitempty"`
	Why   string  `json:"why,omitempty"`
	// Ord is the KJV ordinal of the verse.
	Ord int `json:"-"`
}

// Result lists the passages related to a reference.
type Result struct {
	OSIS    string `json:"osis"`
	Bible   string `json:"bible"`
	Related []Link `json:"related"`
}

// Finder computes cross-references over an index. Its tables are built on
// first use (about a second for the KJV and WEB) and kept; it is safe for
// concurrent use.
type Finder struct {
	ix     *index.Index
	parser *ref.Parser

	once   sync.Once
	err    error
	tabs   []*bibleTables
	topics *topicTable
}

// New returns a Finder over ix.
func New(ix *index.Index) *Finder {
	return &Finder{ix: ix, parser: ref.NewParser(ref.Options{})}
}

// Related is New(ix).Related for one-off use.
func Related(ctx context.Context, ix *index.Index, reference string, o Options) (*Result, error) {
	return New(ix).Related(ctx, reference, o)
}

// Warm builds the tables now.
func (f *Finder) Warm(ctx context.Context) error {
	f.once.Do(func() {
		bs := f.ix.Bibles()
		f.tabs = make([]*bibleTables, len(bs))
		errs := make([]error, len(bs)+1)
		var wg sync.WaitGroup
		for i, b := range bs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				f.tabs[i], errs[i] = buildTables(ctx, b)
			}()
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.topics = buildTopics(f.ix)
		}()
		wg.Wait()
		f.err = errors.Join(errs...)
	})
	return f.err
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

// Scoring parameters; see doc.go.
const (
	maxShingleDF = 25   // shingles in more verses than this are formulae, not quotations
	minWordScore = 0.12 // share of the source's shingle weight a link must reach
	topicScale   = 0.25 // topic links score at most this
	maxTopicSize = 400  // topics citing more verses say nothing about one
	agreeShare   = 0.3  // the second-best evidence adds this share
	wordN        = 2    // content words per shingle
	strongN      = 3    // Strong's numbers per shingle
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
	if err := f.Warm(ctx); err != nil {
		return nil, err
	}
	if o.N <= 0 {
		o.N = 20
	}
	if hi-lo > 300 {
		hi = lo + 300
	}
	disp, err := f.display(o.Bible)
	if err != nil {
		return nil, err
	}
	want := func(k string) bool {
		if len(o.Kinds) == 0 {
			return true
		}
		for _, x := range o.Kinds {
			if strings.EqualFold(x, k) {
				return true
			}
		}
		return false
	}
	type ev struct {
		scores []float64
		why    string
		why2   float64
	}
	evid := map[int32]*ev{}
	add := func(k int32, s float64, why string) {
		if k >= int32(lo) && k <= int32(hi) {
			return
		}
		e := evid[k]
		if e == nil {
			e = &ev{}
			evid[k] = e
		}
		e.scores = append(e.scores, s)
		if s > e.why2 {
			e.why, e.why2 = why, s
		}
	}
	if want(Quotation) || want(Parallel) {
		for _, t := range f.tabs {
			for _, kind := range []struct {
				tab  []shingle
				docs [][]uint64
				name string
			}{{t.words, t.wdocs, "shared words in the " + t.b.Name()}, {t.strong, t.sdocs, "shared Strong's numbers in the " + t.b.Name()}} {
				shared := map[uint32]float64{}
				var total float64
				for k := lo; k <= hi; k++ {
					d := t.fromKy[k]
					if d < 0 {
						continue
					}
					for _, h := range kind.docs[d] {
						hits := lookup(kind.tab, h)
						if len(hits) > maxShingleDF {
							continue
						}
						w := 1 / math.Log2(1+float64(len(hits)))
						total += w
						for _, x := range hits {
							shared[x.d] += w
						}
					}
				}
				if total == 0 {
					continue
				}
				for d, w := range shared {
					k := t.toKey[d]
					if k < 0 {
						continue
					}
					// Normalised by the smaller side (a passage quoting one
					// verse shares all of that verse), and never below 3 so
					// that one shared pair is not a full match.
					var own float64
					for _, h := range kind.docs[d] {
						if n := len(lookup(kind.tab, h)); n <= maxShingleDF {
							own += 1 / math.Log2(1+float64(n))
						}
					}
					s := math.Min(1, w/math.Max(3, math.Min(total, own)))
					if s < minWordScore {
						continue
					}
					add(k, s, kind.name)
				}
			}
		}
	}
	var links []Link
	for k, e := range evid {
		sort.Sort(sort.Reverse(sort.Float64Slice(e.scores)))
		s := e.scores[0]
		if len(e.scores) > 1 {
			s += agreeShare * e.scores[1]
		}
		s = math.Min(1, s)
		kind := Parallel
		srcBook, _, _ := canon.KJV().VerseAt(lo)
		b, _, _ := canon.KJV().VerseAt(int(k))
		if canon.IsOT(srcBook) != canon.IsOT(b) {
			kind = Quotation
		}
		if !want(kind) {
			continue
		}
		links = append(links, Link{Ord: int(k), Kind: kind, Score: s, Why: e.why})
	}
	if want(Topic) {
		have := map[int]bool{}
		for _, l := range links {
			have[l.Ord] = true
		}
		for _, tl := range f.topics.related(lo, hi) {
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
		return links[i].Ord < links[j].Ord
	})
	if len(links) > o.N {
		links = links[:o.N]
	}
	for i := range links {
		l := &links[i]
		l.OSIS = versekey.OSIS(l.Ord, l.Ord)
		l.Score = math.Round(l.Score*1000) / 1000
		if !o.NoText {
			l.Text = f.text(disp, l.Ord)
		}
	}
	if links == nil {
		links = []Link{}
	}
	return &Result{OSIS: versekey.OSIS(lo, hi), Bible: disp.b.Name(), Related: links}, nil
}

func (f *Finder) display(name string) (*bibleTables, error) {
	if len(f.tabs) == 0 {
		return nil, fmt.Errorf("xref: the index has no Bibles")
	}
	if name == "" {
		for _, t := range f.tabs {
			if t.b.Name() == "KJV" {
				return t, nil
			}
		}
		return f.tabs[0], nil
	}
	for _, t := range f.tabs {
		if strings.EqualFold(t.b.Name(), name) || strings.EqualFold(t.b.Module(), name) {
			return t, nil
		}
	}
	return nil, fmt.Errorf("xref: %w: %q", ErrUnknownBible, name)
}

func (f *Finder) text(disp *bibleTables, k int) string {
	if d := disp.fromKy[k]; d >= 0 {
		return disp.b.Text(int(d))
	}
	for _, t := range f.tabs {
		if d := t.fromKy[k]; d >= 0 {
			return t.b.Text(int(d))
		}
	}
	return ""
}
