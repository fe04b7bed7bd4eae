package ask

import (
	"context"
	"errors"
	"iter"
	"math"
	"strings"
	"testing"

	"berean/canon"
	"berean/index"
	"berean/ref"
	"berean/retrieval"
	"berean/search"
)

// A tiny synthetic index (made-up verses at real references, a lexicon
// entry, topics with See links, thesaurus entries, an irregular plural
// and a commentary line)
// on which each feature's value is pinned by hand. No installed module is
// needed.

type synthBible struct{ verses []index.Verse }

func (b *synthBible) Name() string          { return "SYN" }
func (b *synthBible) Module() string        { return "engSYN" }
func (b *synthBible) System() *canon.System { return canon.KJV() }
func (b *synthBible) Verses(ctx context.Context) iter.Seq2[index.Verse, error] {
	return func(yield func(index.Verse, error) bool) {
		for _, v := range b.verses {
			if !yield(v, nil) {
				return
			}
		}
	}
}

type synthSource struct{ b *synthBible }

func (s *synthSource) Fingerprint() string { return "synth" }

// CrossRefs leaves the open cross-references out of the synthetic index:
// the votes of its few verses are pinned by hand where a test needs them.
func (s *synthSource) CrossRefs() bool             { return false }
func (s *synthSource) Bibles() []index.BibleSource { return []index.BibleSource{s.b} }
func (s *synthSource) Lexicon(ctx context.Context) iter.Seq2[index.LexEntry, error] {
	return func(yield func(index.LexEntry, error) bool) {
		yield(index.LexEntry{Key: "G1793", Text: "to intercede, entreat for another"}, nil)
	}
}
func (s *synthSource) Topics(ctx context.Context) iter.Seq2[index.Topic, error] {
	return func(yield func(index.Topic, error) bool) {
		for _, tp := range []index.Topic{
			{Name: "FRETTING", See: []string{"CARE"}},
			{Name: "VEXATION", See: []string{"CARE", "SHEPHERD"}},
			{Name: "CARE", Refs: []string{"1Pet.5.7"}},
			{Name: "SHEPHERD", Refs: []string{"Ps.23.1"}},
		} {
			if !yield(tp, nil) {
				return
			}
		}
	}
}
func (s *synthSource) Thesaurus(ctx context.Context) iter.Seq2[index.ThesaurusEntry, error] {
	return func(yield func(index.ThesaurusEntry, error) bool) {
		if !yield(index.ThesaurusEntry{Word: "worry", Related: []index.ThesaurusWord{{Word: "care", Weight: 0.6}}}, nil) {
			return
		}
		yield(index.ThesaurusEntry{Word: "brother", Forms: []string{"brethren"}}, nil)
	}
}
func (s *synthSource) CommentaryTexts(ctx context.Context) iter.Seq2[index.CommentEntry, error] {
	return func(yield func(index.CommentEntry, error) bool) {
		yield(index.CommentEntry{Book: "Gen", Chapter: 1, Verse: 2, Text: "The spirit broods over the waters like a dove.",
			Cites: []string{"Ps.23.1", "Gen.1.1-Gen.2.3"}}, nil)
	}
}

func synthVerse(book string, ch, v int, text string, tags ...index.Tag) index.Verse {
	return index.Verse{Book: book, Chapter: ch, Verse: v, Text: text, Tags: tags}
}

func synthIndex(t testing.TB) *index.Index {
	t.Helper()
	tag := func(text, w, key string) index.Tag {
		i := strings.Index(text, w)
		return index.Tag{Start: i, End: i + len(w), Keys: []string{key}}
	}
	heb := "He ever liveth to make intercession for them."
	b := &synthBible{verses: []index.Verse{
		synthVerse("Gen", 1, 1, "In the beginning the maker made the heaven and the earth."),
		synthVerse("Gen", 1, 2, "And the earth was without form, and the waters were deep."),
		synthVerse("Ps", 23, 1, "The shepherd leads the flock beside still waters."),
		synthVerse("Matt", 6, 34, "Take no thought for the morrow."),
		synthVerse("Matt", 12, 46, "His mother and his brethren stood without."),
		synthVerse("Luke", 15, 11, "A certain man had two sons."),
		synthVerse("Rom", 8, 34, "Who also is at the right hand, who pleads for us."),
		synthVerse("Heb", 7, 25, heb, tag(heb, "intercession", "G1793")),
		synthVerse("1Pet", 5, 7, "Casting all your care upon him, for he careth for you."),
	}}
	ix, err := index.Build(context.Background(), &synthSource{b: b}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// vectorOf returns the feature vector of a verse for a question.
func vectorOf(t *testing.T, a *Asker, question, osis string) Vector {
	t.Helper()
	a.init()
	q := parseQuestion(question, a.refs)
	s, err := a.retrieve(context.Background(), &q, a.maps, Options{}, true)
	if err != nil {
		t.Fatal(err)
	}
	lo, _ := spanOf(t, osis)
	if fv := s.fv[int32(lo)]; fv != nil {
		return *fv
	}
	return Vector{}
}

func spanOf(t *testing.T, osis string) (int, int) {
	t.Helper()
	lo, hi := span(osis)
	if hi < lo {
		t.Fatalf("bad reference %q", osis)
	}
	return lo, hi
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-3*math.Max(1, math.Abs(b)) }

// stored reports whether a feature value read from a Vector is want as
// the Vector stores it: in single precision (retrieval.Vector), a 24-bit
// mantissa, 6e-8 relative per rounding, so a value made by a few
// additions is want to 1e-6.
func stored(got, want float64) bool { return math.Abs(got-want) <= 1e-6*math.Max(1, math.Abs(want)) }

// synthAsker is an Asker over the synthetic index with the fit's fixed
// starting weights (the values pinned below must not move with each fit;
// the synthetic index has no cross-reference votes) and no question
// frequency (every word weighs 1), and no table of topical pages: the
// shipped one names real verses the synthetic Bible lacks; TestPagesFeature
// pins that feature on a table of its own.
func synthAsker(t testing.TB, ix *index.Index) *Asker {
	a := New(ix)
	a.pagesTable = &namedTable{minCov: pagesMinCov}
	a.askedTab = &askedTable{}
	w, err := retrieval.ParseWeights(startWeights)
	if err != nil {
		t.Fatal(err)
	}
	a.w = w
	a.qdf = &QuestionDF{}
	return a
}

func TestSyntheticFeatures(t *testing.T) {
	ix := synthIndex(t)
	a := synthAsker(t, ix)
	bible := ix.Bibles()[0]
	n, avg := bible.Docs(), bible.AvgLen()
	p := search.DefaultParams()
	bm := func(df, tf, dl int) float64 { return search.IDF(n, df) * p.TFNorm(tf, dl, avg) }
	docLen := func(osis string) int {
		lo, _ := spanOf(t, osis)
		for d := 0; d < n; d++ {
			if bible.Ordinal(d) == lo {
				return bible.DocLen(d)
			}
		}
		t.Fatalf("%s not in the synthetic Bible", osis)
		return 0
	}
	tests := []struct {
		name, question, osis string
		feature              Feature
		want                 float64
	}{
		// One concept, the word as written: its BM25, coverage 1.
		{"exact", "intercession", "Heb.7.25", FExact, bm(1, 1, docLen("Heb.7.25"))},
		// "care" and "careth" share a stem: the stem's tf 2 at weight
		// 0.85 beats the exact form's tf 1 at weight 1.
		{"stem over exact", "care", "1Pet.5.7", FStem, bm(1, 2, docLen("1Pet.5.7"))},
		// WordNet: 'worry' -> care, weight 0.6 stored as a byte (153/255):
		// the stem 'care' has tf 2 (care, careth) in 1Pet.5.7.
		{"wordnet", "worry", "1Pet.5.7", FWordNet, math.Round(0.6*255) / 255 * bm(1, 2, docLen("1Pet.5.7"))},
		// An irregular plural (INFLECT) counts as another form of the
		// word: 'brother' finds "brethren".
		{"inflection", "brother", "Matt.12.46", FStem, bm(1, 1, docLen("Matt.12.46"))},
		{"inflection back", "brethren", "Matt.12.46", FExact, bm(1, 1, docLen("Matt.12.46"))},
		// The lexicon definition of G1793 has 'entreat'; Heb.7.25 is
		// tagged G1793 (one verse has the key).
		{"definition", "entreat", "Heb.7.25", FDef, bm(1, 1, docLen("Heb.7.25"))},
		// Nave's: FRETTING names no verse but points to CARE (See link):
		// mass (1: a word no Bible has) × coverage 1 × size 1/sqrt(1+1/40).
		{"see", "fretting", "1Pet.5.7", FSee, 1 / math.Sqrt(1+1.0/40)},
		// VEXATION points to two topics: each gets half its weight.
		{"see shared", "vexation", "1Pet.5.7", FSee, 0.5 / math.Sqrt(1+1.0/40)},
		// A topic named by the question: CARE.
		{"topic", "care", "1Pet.5.7", FTopic, search.IDF(n, 1) / math.Sqrt(1+1.0/40)},
		// Commentary: 'dove' is only in the comment on Gen 1:2, one
		// commentary document of 7 stems (the stop words dropped).
		{"commentary", "dove", "Gen.1.2", FComment, search.IDF(1, 1) * p.TFNorm(1, 7, 7)},
		// Topic × popularity: CARE is the one topic citing 1Pet.5.7
		// (popularity 1, no citation): the topic value × ln 2.
		{"topicpop", "care", "1Pet.5.7", FTopicPop, search.IDF(n, 1) / math.Sqrt(1+1.0/40) * math.Log(2)},
		// Commentary citations: the comment on Gen 1:2 cites Ps 23:1 (and
		// a long range, which counts for none of its verses): mean idf ×
		// ln(1+1).
		{"cited", "shepherd", "Ps.23.1", FCited, search.IDF(n, 1) * math.Log(2)},
		{"long range not cited", "beginning", "Gen.1.1", FCited, 0},
		// Named passage (data/named.tsv): the prodigal son, Luke 15:11-32;
		// Luke 15:11 is its first verse: mass × cov² × size, × 1 at the
		// start. The mass: 1 for 'prodigal' (no verse has it), idf of
		// 'son' (one verse); cov: the name's idf share matched.
		{"named", "the prodigal son", "Luke.15.11", FNamed, (1 + search.IDF(n, 1)) * prodigalCov(t) * prodigalCov(t) / math.Sqrt(1+22.0/40)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := vectorOf(t, a, tc.question, tc.osis)
			if !near(v.Get(tc.feature), tc.want) {
				t.Errorf("%q: %s of %s = %.4f, want %.4f (vector %v)", tc.question, tc.feature, tc.osis, v[tc.feature], tc.want, v)
			}
		})
	}
}

// prodigalCov is the share of the name "Parable of the Prodigal Son" that
// "the prodigal son" covers: 1 - idf(parable) / (its idf mass).
func prodigalCov(t *testing.T) float64 {
	tb := namedPassages()
	for _, p := range tb.ps {
		if p.name == "Parable of the Prodigal Son" {
			var mass, parable float64
			for _, st := range p.toks {
				mass += tb.idf[st]
				if st == "parabl" || st == "parable" {
					parable += tb.idf[st]
				}
			}
			return 1 - parable/mass
		}
	}
	t.Fatal("no Parable of the Prodigal Son in data/named.tsv")
	return 0
}

func TestSyntheticBadInput(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	ctx := context.Background()
	for _, q := range []string{"where does the Bible say", "Which verse says?", "what does the bible say about"} {
		if _, err := a.Ask(ctx, q, Options{}); !errors.Is(err, ErrEmpty) || !strings.Contains(err.Error(), "what for") {
			t.Errorf("%q: err %v, want ErrEmpty asking what to look for", q, err)
		}
	}
	// A question that is wholly a reference that does not exist names the
	// limit; with other words it is a question.
	for _, q := range []string{"John 22", "Psalm 999"} {
		var ie *ref.InvalidError
		if _, err := a.Ask(ctx, q, Options{}); !errors.As(err, &ie) {
			t.Errorf("%q: err %v, want a *ref.InvalidError", q, err)
		}
	}
	if _, err := a.Ask(ctx, "what happened in John 22 intercession", Options{}); err != nil {
		t.Errorf("a question naming a missing chapter among words: %v", err)
	}
	res, err := a.Ask(ctx, "zebras in quantum physics", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Results == nil {
		t.Error("no results must be an empty list, not nil")
	}
	res, err = a.Ask(ctx, "intercession", Options{Explain: true})
	if err != nil || len(res.Results) == 0 {
		t.Fatalf("intercession: %v %v", res, err)
	}
	h := res.Results[0]
	if h.OSIS != "Heb.7.25" || len(h.Evidence) == 0 || h.Evidence[0].Feature != "exact" || h.Evidence[0].Children[0].Word != "intercession" {
		t.Errorf("intercession: first %s, evidence %+v", h.OSIS, h.Evidence)
	}
	if got := Why(h.Evidence); len(got) == 0 || got[0] != "matched 'intercession'" {
		t.Errorf("why %q", got)
	}
}

// FuzzAsk asks any text of the synthetic index, with the shipped tables of
// named passages and topical pages (whose verses the synthetic Bible
// mostly lacks): an answer, ErrEmpty, or for a question that is wholly a
// reference that does not exist ("John 22", "La 0") the parser's
// *ref.InvalidError; results never nil, no panic.
func FuzzAsk(f *testing.F) {
	a := New(synthIndex(f))
	for _, s := range []string{"intercession", "What does the Bible say about anxiety?", "the prodigal son",
		"¿Dónde dice la Biblia que Dios es amor?", "\"make intercession\" Heb 7:25", "where does the Bible say",
		"Christ's intercession gambling loneliness", "x", "", "jesus jesus jesus jesus", "John 22", "Is it a sin to drink alcohol?",
		"What is faith according to Hebrews?", "in the gospel of John 3 in 1 John", "what is heaven like"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if len(q) > 4096 {
			return
		}
		res, err := a.Ask(context.Background(), q, Options{Explain: true})
		if err != nil {
			var ie *ref.InvalidError
			switch {
			case errors.Is(err, ErrEmpty):
			case errors.As(err, &ie):
				if _, werr := a.refs.Whole(q); !errors.As(werr, &ie) {
					t.Fatalf("%q: %v, but the parser reads no wholly invalid reference (%v)", q, err, werr)
				}
			default:
				t.Fatalf("%q: %v", q, err)
			}
			return
		}
		if res.Results == nil {
			t.Fatalf("%q: results nil", q)
		}
	})
}

// TestRespell: a word no Bible has and the thesaurus does not know is read
// as the word of the Bibles it is one edit from (a swap of neighbouring
// letters is one edit; two edits for long words); a word the Bibles have,
// a word the thesaurus knows ("worry") and a short word stay.
func TestRespell(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	a.init()
	for _, tc := range []struct{ q, want string }{
		{"intercesion", "intercession"},   // one letter missing
		{"intercessoin", "intercession"},  // two letters swapped
		{"interscession", "intercession"}, // one letter too many
		{"shepherd", "shepherd"},          // known
		{"shepperd", "shepherd"},          // long: two edits
		{"worry", "worry"},                // the thesaurus knows it
		{"sonss", "sons"},                 // one edit
		{"sonz", "sonz"},                  // shorter than respellMin
		{"zebra", "zebra"},                // nothing near
	} {
		q := a.parse(tc.q)
		if len(q.words) != 1 || q.words[0].text != tc.want {
			t.Errorf("%q read as %+v, want %q", tc.q, q.words, tc.want)
		}
	}
}

// TestSyntheticTopics: the topics a result lists are those the question
// names and their redirects (a topic's one See link), not the links a
// topic shares among several.
func TestSyntheticTopics(t *testing.T) {
	a := synthAsker(t, synthIndex(t))
	for _, tc := range []struct{ q, want string }{
		{"fretting", "CARE FRETTING"}, // equal weights, by name
		{"vexation", "VEXATION"},
	} {
		res, err := a.Ask(context.Background(), tc.q, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(res.Topics, " "); got != tc.want {
			t.Errorf("%q: topics %q, want %q", tc.q, got, tc.want)
		}
	}
}
