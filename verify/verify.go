package verify

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"berean/canon"
	"berean/ref"
)

// The verdicts, exactly as the contract names them.
const (
	OK               = "ok"
	Paraphrase       = "paraphrase"
	WrongReference   = "wrong_reference"
	InvalidReference = "invalid_reference"
	QuoteNotFound    = "quote_not_found"
	Unquoted         = "unquoted"
)

// Thresholds on the similarity of a quotation with a passage (see doc.go
// for how they were calibrated).
const (
	// ThresholdOK: at least this much of the quotation's weighted content
	// words align with the cited passage in some installed translation.
	ThresholdOK = 0.55
	// ThresholdParaphrase: recognisably the passage, but loosely.
	ThresholdParaphrase = 0.35
	// ThresholdFound: a passage found elsewhere must match at least this
	// well to be suggested.
	ThresholdFound = 0.55
	// Margin: and this much better than the cited passage.
	Margin = 0.2
	// ThresholdSure: from this similarity on, an ok is not questioned;
	// below it, the neighbouring verses must not match much better: by
	// NeighbourMargin, and at least NeighbourFound.
	ThresholdSure   = 0.8
	NeighbourFound  = 0.85
	NeighbourMargin = 0.25
	// Window: verses on each side of the cited range searched for a
	// quotation attributed to a neighbouring verse.
	Window = 2
	// Candidates: passages of the whole Bible re-scored per mismatch.
	Candidates = 12
	// MaxCitations: the most citations checked in one article; the rest
	// are reported unchecked (unquoted) so the work stays bounded.
	MaxCitations = 20000
	// maxCitedVerses: a citation of more verses than this is compared with
	// its first maxCitedVerses verses only.
	maxCitedVerses = 200
	// minSearchWeight and UniqueMargin: when a suggestion is reliable
	// (see reliable).
	minSearchWeight = 3.0
	UniqueMargin    = 0.15
	// spanPenalty and extraVersePenalty: what a suggested run of verses
	// gives up per verse beyond the first, and per verse beyond what the
	// quotation's length needs (see bestSpan).
	spanPenalty       = 0.01
	extraVersePenalty = 0.08
	// maxSpan: the longest run of verses suggested by trying every run.
	maxSpan = 12
)

// Report is the result of verifying an article (the contract's JSON).
type Report struct {
	Format    string     `json:"format"`
	Citations []Citation `json:"citations"`
	Summary   Summary    `json:"summary"`
}

// Citation is one reference of the article and its verdict.
type Citation struct {
	AsWritten  string  `json:"as_written"`
	OSIS       string  `json:"osis"`
	Quote      string  `json:"quote"`
	Verdict    string  `json:"verdict"`
	Suggested  string  `json:"suggested"`
	Similarity float64 `json:"similarity"`
	Bible      string  `json:"bible"`
	// Start and End are the reference's code point offsets in the input.
	Start int `json:"start"`
	End   int `json:"end"`
	// QuoteStart and QuoteEnd locate the quotation (code points), when
	// there is one.
	QuoteStart int `json:"quote_start,omitempty"`
	QuoteEnd   int `json:"quote_end,omitempty"`
	// For problems: the cited passage's text, why, and the suggested
	// passage's text and similarity.
	Passage             string  `json:"passage,omitempty"`
	Message             string  `json:"message,omitempty"`
	SuggestedText       string  `json:"suggested_text,omitempty"`
	SuggestedSimilarity float64 `json:"suggested_similarity,omitempty"`
}

// Problem reports whether the verdict is a problem (exit status 1).
func (c Citation) Problem() bool { return IsProblem(c.Verdict) }

// IsProblem: wrong_reference, invalid_reference and quote_not_found are
// problems; ok, paraphrase and unquoted are not.
func IsProblem(verdict string) bool {
	switch verdict {
	case WrongReference, InvalidReference, QuoteNotFound:
		return true
	}
	return false
}

// Summary counts the citations: OK are those without a problem (ok,
// paraphrase, unquoted), Problems the rest; Verdicts counts each verdict.
type Summary struct {
	OK       int            `json:"ok"`
	Problems int            `json:"problems"`
	Verdicts map[string]int `json:"verdicts"`
}

// Finder finds where a quotation may come from in the whole Bible: the
// passages holding its words, best first. The search package provides one;
// without it the model's own inverted index is used.
type Finder interface {
	FindQuote(ctx context.Context, words []string, n int) ([]Candidate, error)
}

// Candidate is a verse a Finder proposes.
type Candidate struct {
	Bible string
	Ref   ref.Ref
	Score float64
}

// Deps are what Article needs. Model is required; Parser defaults to a
// KJV-versification parser; Finder defaults to the model's index.
//
// A quotation in another language than Model's is checked with the model
// ModelFor gives for its language (with the model's own index as finder);
// without ModelFor, or when it fails (no Bible in that language), the
// citation is reported unquoted with a message saying why.
type Deps struct {
	Model    *Model
	Parser   *ref.Parser
	Finder   Finder
	ModelFor func(lang string) (*Model, error)
}

// Article verifies every citation of an article: input is plain text,
// Markdown or HTML (detected), at most MaxInput bytes.
func Article(ctx context.Context, input []byte, deps Deps) (Report, error) {
	if deps.Model == nil {
		return Report{}, errors.New("verify: no model (no Bible installed?)")
	}
	d, err := parseDocument(input)
	if err != nil {
		return Report{}, err
	}
	p := deps.Parser
	if p == nil {
		p = ref.NewParser(ref.Options{System: canon.KJV(), Apocrypha: true})
	}
	var ms []ref.Match
	found, err := scanRefsCtx(ctx, p, d.text)
	if err != nil {
		return Report{}, err
	}
	for _, m := range found {
		var re *canon.RefError
		if m.Err != nil && len(m.Ranges) == 0 && errors.As(m.Err, &re) && re.Book != "" && re.Chapter > 0 {
			// The reference as written, for its OSIS and for the other
			// installed versifications.
			m.Ranges = []ref.Range{{Start: ref.Ref{Book: re.Book, Chapter: re.Chapter, Verse: max(re.Verse, 0)}}}
			m.Ranges[0].End = m.Ranges[0].Start
		}
		if len(m.Ranges) > 0 && m.Ranges[0].Start.Chapter == 0 && m.Err == nil {
			continue // a book named without a chapter: "the Epistle to the Hebrews"
		}
		if len(m.Ranges) == 0 && m.Err == nil {
			continue
		}
		if !looksCited(d.text, m) {
			continue
		}
		ms = append(ms, m)
	}
	ms = disjoint(ms, len(d.text))
	qs := findQuotations(d)
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	cs := pairCitations(d, ms, qs)
	if err := ctx.Err(); err != nil {
		return Report{}, err
	}
	v := &verifier{m: deps.Model, finder: deps.Finder, ctx: ctx}
	rep := Report{Format: string(d.format), Citations: make([]Citation, 0, len(cs)), Summary: Summary{Verdicts: map[string]int{}}}
	memo := map[string]Citation{}
	for i, c := range cs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return Report{}, err
			}
		}
		var out Citation
		if i < MaxCitations {
			key := c.m.Text + "\x00" + c.qtext
			if len(c.m.Ranges) > 0 {
				key = ref.OSIS(c.m.Ranges) + "\x00" + c.qtext
			}
			if c.m.Err != nil {
				key += "\x00" + c.m.Err.Error()
			}
			if r, ok := memo[key]; ok {
				out = r
			} else {
				out = v.checkIn(c, deps)
				memo[key] = out
			}
		} else {
			out = Citation{Verdict: Unquoted, Message: "not checked: over the limit of citations per article"}
			if len(c.m.Ranges) > 0 {
				out.OSIS = ref.OSIS(c.m.Ranges)
			}
		}
		out.AsWritten = c.m.Text
		out.Start, out.End = d.origSpan(c.m.Start, c.m.End)
		if c.quote != nil {
			out.QuoteStart, out.QuoteEnd = d.origSpan(c.quote.Start, c.quote.End)
		}
		rep.Citations = append(rep.Citations, out)
	}
	resolveGroups(cs, rep.Citations)
	for _, c := range rep.Citations {
		rep.Summary.Verdicts[c.Verdict]++
		if c.Problem() {
			rep.Summary.Problems++
		} else {
			rep.Summary.OK++
		}
	}
	return rep, nil
}

// disjoint orders the matches and drops any that overlaps the one before
// or falls outside the text, so that pairing sees each stretch of text
// once.
func disjoint(ms []ref.Match, n int) []ref.Match {
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	out := ms[:0]
	end := 0
	for _, m := range ms {
		if m.Start < end || m.Start < 0 || m.End > n || m.End <= m.Start {
			continue
		}
		out = append(out, m)
		end = m.End
	}
	return out
}

// looksCited filters what the parser finds in running prose: a book name
// in lower case without a chapter:verse ("the job 3 times", "acts 5
// times"), a match without any letter ("3/16"), and anything inside a
// web address are not citations.
func looksCited(text []rune, m ref.Match) bool {
	hasLetter, lowerFirst := false, false
	for _, r := range m.Text {
		if unicode.IsLetter(r) {
			if !hasLetter {
				lowerFirst = unicode.IsLower(r)
			}
			hasLetter = true
			break
		}
	}
	if !hasLetter {
		return false
	}
	if lowerFirst && !strings.Contains(m.Text, ":") && !strings.HasPrefix(m.Text, "v") {
		return false
	}
	// The token the match starts in: a web address?
	i := m.Start
	for i > 0 && i-1 < len(text) && !unicode.IsSpace(text[i-1]) && m.Start-i < 200 {
		i--
	}
	tok := string(text[i:min(m.End, len(text))])
	return !strings.Contains(tok, "://") && !strings.HasPrefix(tok, "www.")
}

// scanChunk is the most text given to the reference parser at once (its
// input limit is 1 MiB); longer articles are scanned in pieces cut at line
// ends, and the request's context is checked between pieces (a 1 MiB body
// of citations takes seconds to scan).
const scanChunk = 50_000

// scanRefs finds the references of the stripped text. A match the parser
// made of references in two sentences ("Hebrews 7:25. Romans 8:34 says")
// is split into one match per sentence, when each piece is a reference on
// its own; references joined by commas, semicolons or "and" stay one
// citation (a list in one parenthesis shares its quotation).
func scanRefs(p *ref.Parser, text []rune) []ref.Match {
	out, _ := scanRefsCtx(context.Background(), p, text)
	return out
}

// scanRefsCtx is scanRefs stopping with ctx's error between chunks.
func scanRefsCtx(ctx context.Context, p *ref.Parser, text []rune) ([]ref.Match, error) {
	var out []ref.Match
	for start := 0; start < len(text); {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		end := min(start+scanChunk, len(text))
		if end < len(text) {
			if k := lastIndexRune(text[start:end], '\n'); k > 0 {
				end = start + k + 1
			}
		}
		for _, m := range p.Scan(string(text[start:end])) {
			m.Start += start
			m.End += start
			m = trimLeadingWords(m)
			out = append(out, splitSentences(p, text, m)...)
		}
		start = end
	}
	return addVerseContinuations(text, out), nil
}

// verseRE finds verse-only references: "v. 20", "vv. 20-21", "verse 20",
// "verses 20–21".
var verseRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`\b(?:[Vv]v?\.|[Vv]erses?)\s*(\d{1,3})(?:\s*[-\x{2013}]\s*(\d{1,3}))?\b`)
})

// addVerseContinuations adds the verse-only references of the text
// ("In verse 20 he prays ...", "(v. 39)") that the parser left alone, each
// in the book and chapter of the reference before it (within 600
// characters); a verse past the chapter's end is invalid.
func addVerseContinuations(text []rune, ms []ref.Match) []ref.Match {
	s := string(text)
	locs := verseRE().FindAllStringSubmatchIndex(s, -1)
	if len(locs) == 0 || len(ms) == 0 {
		return ms
	}
	// byte offsets -> code points
	cp := make(map[int]int, 4*len(locs))
	n := 0
	for i := range s {
		cp[i] = n
		n++
	}
	cp[len(s)] = n
	sys := canon.KJV()
	out := ms
	k := 0
	for _, l := range locs {
		st, en := cp[l[0]], cp[l[1]]
		for k < len(ms) && ms[k].End <= st {
			k++
		}
		if k < len(ms) && ms[k].Start < en {
			continue // part of a reference the parser found
		}
		if k == 0 {
			continue
		}
		prev := ms[k-1]
		if len(prev.Ranges) == 0 || st-prev.End > 600 {
			continue
		}
		last := prev.Ranges[len(prev.Ranges)-1]
		ctx := last.End
		if ctx.Book == "" {
			ctx = last.Start
		}
		if ctx.Chapter == 0 {
			continue
		}
		v1, _ := strconv.Atoi(s[l[2]:l[3]])
		v2 := v1
		if l[4] >= 0 {
			v2, _ = strconv.Atoi(s[l[4]:l[5]])
		}
		if v2 < v1 {
			continue
		}
		m := ref.Match{Text: s[l[0]:l[1]], Start: st, End: en}
		r := ref.Range{Start: ref.Ref{Book: ctx.Book, Chapter: ctx.Chapter, Verse: v1}, End: ref.Ref{Book: ctx.Book, Chapter: ctx.Chapter, Verse: v2}}
		m.Ranges = []ref.Range{r}
		if err := sys.Check(ctx.Book, ctx.Chapter, v2); err != nil {
			m.Err = err
		}
		out = append(out, m)
	}
	if len(out) > len(ms) {
		sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	}
	return out
}

// trimLeadingWords drops a connecting word the parser may take into a
// reference ("According to Revelation 3:20" is found as "to Revelation
// 3:20"): the citation is as the writer wrote it.
func trimLeadingWords(m ref.Match) ref.Match {
	for _, w := range []string{"to ", "and ", "see ", "cf. ", "also ", "in "} {
		if len(m.Text) > len(w)+2 && strings.HasPrefix(m.Text, w) {
			m.Text = m.Text[len(w):]
			m.Start += utf8.RuneCountInString(w)
		}
	}
	return m
}

func lastIndexRune(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

// splitSentences splits a match at ". " after a verse number and at line
// breaks, when every piece scans as a reference by itself.
func splitSentences(p *ref.Parser, text []rune, m ref.Match) []ref.Match {
	if len(m.Ranges) < 2 || m.End > len(text) {
		return []ref.Match{m}
	}
	rs := text[m.Start:m.End]
	var cuts []int // piece starts, relative
	cuts = append(cuts, 0)
	for i := 1; i+1 < len(rs); i++ {
		if rs[i] == '\n' || rs[i] == '.' && rs[i+1] == ' ' && rs[i-1] >= '0' && rs[i-1] <= '9' {
			cuts = append(cuts, i+1)
		}
	}
	if len(cuts) == 1 {
		return []ref.Match{m}
	}
	cuts = append(cuts, len(rs))
	var out []ref.Match
	for k := 0; k+1 < len(cuts); k++ {
		piece := rs[cuts[k]:cuts[k+1]]
		sub := p.Scan(string(piece))
		if len(sub) == 0 {
			return []ref.Match{m}
		}
		for _, x := range sub {
			x.Start += m.Start + cuts[k]
			x.End += m.Start + cuts[k]
			out = append(out, x)
		}
	}
	return out
}

// resolveGroups: references sharing one parenthesis share its quotation;
// when one of them matches it, the quotation is not held against the
// others, which are reported as unquoted.
func resolveGroups(cs []citation, out []Citation) {
	for i := range cs {
		g := cs[i].group
		if g == i || !IsProblem(out[i].Verdict) || out[i].Verdict == InvalidReference {
			continue
		}
		for k := range cs {
			if cs[k].group == g && k != i && (out[k].Verdict == OK || out[k].Verdict == Paraphrase) {
				out[i].Verdict, out[i].Suggested, out[i].Message = Unquoted, "", "the quotation belongs to "+out[k].AsWritten
				break
			}
		}
	}
	// and the first of a group when a later one matched
	for i := range cs {
		if !IsProblem(out[i].Verdict) || out[i].Verdict == InvalidReference {
			continue
		}
		for k := range cs {
			if k != i && cs[k].group == i && (out[k].Verdict == OK || out[k].Verdict == Paraphrase) {
				out[i].Verdict, out[i].Suggested, out[i].Message = Unquoted, "", "the quotation belongs to "+out[k].AsWritten
				break
			}
		}
	}
}

type verifier struct {
	frags  []string // the quotation being checked
	m      *Model
	finder Finder
	ctx    context.Context
}

// span is a best match found for a quotation.
type found struct {
	bible    int
	from, to int // ordinals
	sim      float64
	score    float64 // sim less the run-length penalties (bestSpan)
	verbatim float64 // ranking bonus for words found word for word
	second   float64 // the best score at another place
}

func (v *verifier) check(c citation) Citation {
	out := Citation{}
	if len(c.m.Ranges) > 0 {
		out.OSIS = ref.OSIS(c.m.Ranges)
	}
	var q []qterm
	v.frags = c.frags
	if c.quote != nil {
		out.Quote = strings.Join(strings.Fields(c.qtext), " ")
		q = v.m.quoteTerms(c.frags)
	}
	// Cited passages, per Bible. A reference the parser finds invalid in
	// its versification may exist in an installed Bible's (3 John 1:15 in
	// the NRSV's): it is checked there.
	var cited []passage
	for bi, b := range v.m.bibles {
		for _, r := range c.m.Ranges {
			from, to, ok := v.m.ordinals(b, []ref.Range{r})
			if !ok {
				continue
			}
			cited = append(cited, v.m.passage(bi, from, to))
		}
	}
	if len(cited) == 0 {
		out.Verdict = InvalidReference
		if c.m.Err != nil {
			out.Message = c.m.Err.Error()
		} else {
			out.Message = fmt.Sprintf("%s is not in any installed Bible", c.m.Text)
		}
		if len(q) > 0 {
			if f, ok := v.search(q, nil, c.m.Ranges, true); ok && f.score >= ThresholdFound && v.reliable(q, c.frags, f) {
				v.suggest(&out, f)
			}
		}
		return out
	}
	if c.quote == nil || len(q) == 0 {
		out.Verdict = Unquoted
		if c.quote != nil {
			out.Message = "the quotation has no content words to compare"
		}
		return out
	}
	// Compare with the cited passage in every Bible. A passage much
	// longer than the quotation (a whole chapter) is judged by its best
	// run of verses, so that words scattered over a chapter do not add up
	// to a match.
	best, bestBible := -1.0, 0
	need := max(1, (len(q)+6)/7)
	polarity, polarityKnown := true, false // every close match disagrees in polarity
	for _, p := range cited {
		var sim float64
		if p.to-p.from+1 > need+3 {
			if _, _, _, sc, ok := v.m.bestSpan(q, p.bible, p.from, p.to); ok {
				sim = max(0, sc)
			}
		} else {
			sim = v.m.align(q, p).sim
			if sim >= ThresholdOK {
				polarityKnown = true
				polarity = polarity && v.m.polarityDiffers(c.frags, p.bible, p.from, p.to)
			}
		}
		if sim > best {
			best, bestBible = sim, p.bible
		}
	}
	out.Similarity = round2(best)
	out.Bible = v.m.bibles[bestBible].name
	if best >= ThresholdOK {
		out.Verdict = OK
		if best < ThresholdSure {
			// A quotation of a neighbouring verse can share enough words
			// with the cited one (repetitive law and narrative, parallel
			// lines of poetry): the neighbours must not match much better.
			f, ok := v.search(q, cited, c.m.Ranges, false)
			if ok && !overlaps(cited, f) && f.score >= NeighbourFound && f.score >= best+NeighbourMargin {
				out.Verdict = WrongReference
				v.suggest(&out, f)
				out.Passage = v.m.text(bestBible, cited[indexOfBible(cited, bestBible)].from, cited[indexOfBible(cited, bestBible)].to)
				return out
			}
		}
		if polarityKnown && polarity {
			out.Verdict = Paraphrase
			out.Message = "the quotation's negation disagrees with the passage (a \"not\" left out or added): not what it says"
			out.Passage = v.m.text(bestBible, cited[indexOfBible(cited, bestBible)].from, cited[indexOfBible(cited, bestBible)].to)
		}
		return out
	}
	if len(q) < 2 {
		out.Verdict = Unquoted
		out.Message = "the quotation is too short to check"
		return out
	}
	// A better place: the neighbouring verses, then the whole Bible.
	f, ok := v.search(q, cited, c.m.Ranges, true)
	switch {
	case ok && f.sim >= ThresholdOK && overlaps(cited, f):
		// The quotation runs over the cited range's edge.
		out.Verdict = OK
		out.Similarity = round2(f.sim)
		out.Bible = v.m.bibles[f.bible].name
		out.Message = "the quotation runs over into " + v.m.osis(f)
		return out
	case ok && f.score >= ThresholdFound && f.score >= best+Margin && v.reliable(q, c.frags, f):
		out.Verdict = WrongReference
		v.suggest(&out, f)
	case best >= ThresholdParaphrase:
		out.Verdict = Paraphrase
		return out
	default:
		out.Verdict = QuoteNotFound
		out.Message = "the quotation matches no passage of the installed Bibles well enough"
		switch {
		case ok && f.score >= ThresholdFound:
			out.Message = fmt.Sprintf("the quotation's words are too common to place it (they are in %s, similarity %.2f, and elsewhere)", v.m.osis(f), f.sim)
		case ok && f.sim >= ThresholdParaphrase:
			out.Message += fmt.Sprintf(" (closest: %s, similarity %.2f)", v.m.osis(f), f.sim)
		}
	}
	out.Passage = v.m.text(bestBible, cited[indexOfBible(cited, bestBible)].from, cited[indexOfBible(cited, bestBible)].to)
	return out
}

func indexOfBible(ps []passage, bi int) int {
	for i, p := range ps {
		if p.bible == bi {
			return i
		}
	}
	return 0
}

func (v *verifier) suggest(out *Citation, f found) {
	out.Suggested = v.m.osis(f)
	out.SuggestedSimilarity = round2(f.sim)
	out.SuggestedText = v.m.text(f.bible, f.from, f.to)
	if out.Bible == "" {
		out.Bible = v.m.bibles[f.bible].name
	}
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// search looks for the quotation near the cited passages (Window verses
// on each side) and in the whole Bible (the Finder's candidates, each with
// a window), and returns the best matching span of verses that is not the
// cited passage itself.
func (v *verifier) search(q []qterm, cited []passage, refs []ref.Range, global bool) (found, bool) {
	type region struct{ bible, from, to int }
	var regions []region
	for _, p := range cited {
		regions = append(regions, region{p.bible, p.from - Window, p.to + Window})
	}
	for _, c := range v.candidatesIf(global, q) {
		regions = append(regions, region{c.bible, c.ord - Window, c.ord + Window})
	}
	// A wrong book usually keeps its chapter and verse (Romans 2:20 for
	// Galatians 2:20): the same verses of every other book are candidates.
	if global {
		for bi, b := range v.m.bibles {
			for _, r := range refs {
				if r.Start.Chapter == 0 || r.Start.Verse == 0 {
					continue
				}
				last := r.Start.Verse
				if r.End.Book == r.Start.Book && r.End.Chapter == r.Start.Chapter && r.End.Verse >= last {
					last = min(r.End.Verse, last+maxSpan-1)
				}
				for _, bk := range b.sys.Books() {
					if bk.OSIS == r.Start.Book {
						continue
					}
					from, ok := b.sys.Ordinal(bk.OSIS, r.Start.Chapter, r.Start.Verse)
					if !ok {
						continue
					}
					to := from
					for vs := last; vs > r.Start.Verse; vs-- {
						if o, ok := b.sys.Ordinal(bk.OSIS, r.Start.Chapter, vs); ok {
							to = o
							break
						}
					}
					regions = append(regions, region{bi, from, to})
				}
			}
		}
	}
	citedRefs := refs
	var best found
	var all []found
	ok := false
	seen := map[[3]int]bool{}
	for _, r := range regions {
		b := v.m.bibles[r.bible]
		from, to := v.m.clampBook(b, r.from, r.to)
		k := [3]int{r.bible, from, to}
		if seen[k] {
			continue
		}
		seen[k] = true
		sf, sl, s, sc, ok2 := v.m.bestSpan(q, r.bible, from, to)
		if !ok2 {
			continue
		}
		if inCited(cited, r.bible, sf, sl) {
			continue
		}
		all = append(all, found{bible: r.bible, from: sf, to: sl, sim: s, score: sc})
	}
	// Words found word for word, function words included, are the
	// strongest sign of the source ("The heavens declare the glory of God"
	// beats a passage sharing as many content words loosely): the places
	// scoring near the top get 0.03 per word of their longest verbatim run
	// beyond two (at most 0.2).
	top := 0.0
	for _, f := range all {
		top = max(top, f.score)
	}
	for i := range all {
		if all[i].score >= top-0.25 && all[i].score >= ThresholdParaphrase {
			run, _ := verbatimRun(v.m.lang, v.frags, v.m.text(all[i].bible, all[i].from, all[i].to))
			all[i].verbatim = min(0.2, 0.03*float64(max(0, run-2)))
		}
	}
	for _, f := range all {
		if !ok || v.rank(f, citedRefs) > v.rank(best, citedRefs) {
			best, ok = f, true
		}
	}
	// A quotation that matches several places about equally (a formula:
	// "The grace of the Lord Jesus be with you") cannot be placed by its
	// words: among the places within UniqueMargin of the best, the one
	// nearest the cited passage is the likeliest source (most wrong
	// references miss by a verse or a chapter).
	if ok && best.score >= ThresholdFound {
		near := best
		for _, f := range all {
			if f.score >= ThresholdFound && f.score+f.verbatim >= best.score+best.verbatim-UniqueMargin && !overlaps(cited, f) {
				if pf, pn := v.proximity(f, cited), v.proximity(near, cited); pf > pn || pf == pn && v.rank(f, citedRefs) > v.rank(near, citedRefs) {
					near = f
				}
			}
		}
		best = near
	}
	// The best match elsewhere than the best: how unique the best is.
	for _, f := range all {
		if !v.m.sameplace(f, best) && f.score > best.second {
			best.second = f.score
		}
	}
	return best, ok
}

// sameplace: two found spans are one passage: in the same chapter, at
// most Window verses apart (in any Bible).
func (m *Model) sameplace(a, b found) bool {
	ab, ac, av := m.bibles[a.bible].sys.VerseAt(a.from)
	_, _, aw := m.bibles[a.bible].sys.VerseAt(a.to)
	bb, bc, bv := m.bibles[b.bible].sys.VerseAt(b.from)
	_, _, bw := m.bibles[b.bible].sys.VerseAt(b.to)
	if a.from == a.to {
		aw = av
	}
	if b.from == b.to {
		bw = bv
	}
	return ab == bb && ac == bc && av <= bw+Window && bv <= aw+Window
}

// reliable: a suggestion from the whole Bible is trusted when the place
// matches enough of the quotation's content (a matched weight of
// minSearchWeight, about five content words: the quotation's weight times
// the similarity, so four rare words of an invented saying, two of them
// matched loosely over two verses, are not enough) or its best place beats
// every other place by UniqueMargin: "God helps those who help
// themselves" matches too many verses about help to point at one.
func (v *verifier) reliable(q []qterm, frags []string, f found) bool {
	var w float64
	for _, t := range q {
		w += t.weight
	}
	if w*f.sim >= minSearchWeight || f.score-f.second >= UniqueMargin {
		return true
	}
	// Or the quotation is there word for word, function words included:
	// "Be still, and know that I am God" (five words running, or all).
	run, n := verbatimRun(v.m.lang, frags, v.m.text(f.bible, f.from, f.to))
	return run >= min(5, n)
}

// verbatimRun is the longest run of consecutive words of the quotation
// (all words, as terms) found consecutively in text, and the quotation's
// word count.
func verbatimRun(lang string, frags []string, text string) (int, int) {
	var qw []string
	for _, f := range frags {
		for _, w := range splitWords(f) {
			qw = append(qw, termIn(lang, w))
		}
	}
	var tw []string
	for _, w := range splitWords(text) {
		tw = append(tw, termIn(lang, w))
	}
	best := 0
	prev := make([]int, len(tw)+1)
	cur := make([]int, len(tw)+1)
	for i := range qw {
		for j := range tw {
			if qw[i] == tw[j] {
				cur[j+1] = prev[j] + 1
				best = max(best, cur[j+1])
			} else {
				cur[j+1] = 0
			}
		}
		prev, cur = cur, prev
	}
	return best, len(qw)
}

// proximity: how near a found span lies to the cited passages: 3 within
// Window verses of one, 2 in its chapter, 1 in its book, else 0.
func (v *verifier) proximity(f found, cited []passage) int {
	fb, fc, _ := v.m.bibles[f.bible].sys.VerseAt(f.from)
	best := 0
	for _, p := range cited {
		if p.bible == f.bible && f.from <= p.to+Window && f.to >= p.from-Window {
			return 3
		}
		pb, pc, _ := v.m.bibles[p.bible].sys.VerseAt(p.from)
		switch {
		case pb == fb && pc == fc:
			best = max(best, 2)
		case pb == fb:
			best = max(best, 1)
		}
	}
	return best
}

// rank orders found passages: by similarity, with a small preference
// (0.04) for the cited book and (0.02) its chapter, since most wrong
// references keep the book (a wrong chapter or verse, swapped digits), then
// for shorter spans and the first Bible.
func (v *verifier) rank(f found, cited []ref.Range) float64 {
	b := v.m.bibles[f.bible]
	bk, ch, _ := b.sys.VerseAt(f.from)
	x := f.score + f.verbatim
	for _, r := range cited {
		if r.Start.Book == bk {
			x += 0.04
			if r.Start.Chapter == ch {
				x += 0.02
			}
			break
		}
	}
	return x - 0.001*float64(f.to-f.from) - 0.0001*float64(f.bible)
}

// bestSpan finds the run of verses of [from, to] the quotation matches
// best: the quotation is aligned with the whole region, then with every
// run of verses between the first and last verse holding a matched word
// (up to maxSpan verses long). A run scores its similarity less
// spanPenalty (0.01) per extra verse, so the tightest run wins ties, and
// less extraVersePenalty (0.08) per verse beyond what the quotation's
// length needs (one verse per seven content words): a short quotation
// does not gather its words from four neighbouring verses. It returns the
// run, its similarity and its score.
func (m *Model) bestSpan(q []qterm, bi, from, to int) (int, int, float64, float64, bool) {
	p := m.passage(bi, from, to)
	a := m.align(q, p)
	if a.first < 0 {
		return 0, 0, 0, 0, false
	}
	first, last := p.from+a.first, p.from+a.last
	if last-first+1 > maxSpan {
		// A long region (a whole chapter): slide a window as long as the
		// quotation needs, then look closely around the best window.
		w := max(1, (len(q)+6)/7) + 2
		bs, bf := -1.0, first
		for f := first; f <= last; f += max(1, w/2) {
			if s := m.align(q, m.passage(bi, f, min(f+w-1, last))).sim; s > bs {
				bs, bf = s, f
			}
		}
		return m.bestSpan(q, bi, max(from, bf-1), min(to, bf+w))
	}
	bf, bl, bs, bscore := 0, 0, 0.0, -1.0
	for f := first; f <= last; f++ {
		if a.perVerse[f-p.from] == 0 {
			continue
		}
		for l := f; l <= last; l++ {
			if a.perVerse[l-p.from] == 0 {
				continue
			}
			s := m.align(q, m.passage(bi, f, l)).sim
			score := spanScore(s, len(q), l-f+1)
			if score > bscore+1e-9 {
				bf, bl, bs, bscore = f, l, s, score
			}
		}
	}
	return bf, bl, bs, bscore, true
}

// spanScore is a run's similarity less its length penalties.
func spanScore(sim float64, words, verses int) float64 {
	need := max(1, (words+6)/7)
	return sim - spanPenalty*float64(verses-1) - extraVersePenalty*float64(max(0, verses-need))
}

// overlaps: the found span shares a verse with a cited passage.
func overlaps(cited []passage, f found) bool {
	for _, p := range cited {
		if p.bible == f.bible && f.from <= p.to && f.to >= p.from {
			return true
		}
	}
	return false
}

// inCited: the span lies within a cited passage of the same Bible.
func inCited(cited []passage, bi, from, to int) bool {
	for _, p := range cited {
		if p.bible == bi && from >= p.from && to <= p.to {
			return true
		}
	}
	return false
}

func (v *verifier) candidatesIf(global bool, q []qterm) []cand {
	if !global {
		return nil
	}
	return v.candidates(q)
}

type cand struct {
	bible, ord int
	score      float64
}

// candidates proposes verses holding the quotation's rarest words: the
// Finder's, or the model's own: every verse scored by the summed idf of
// the (up to 8) rarest quotation terms it holds.
func (v *verifier) candidates(q []qterm) []cand {
	var ids []uint32
	seen := map[uint32]bool{}
	word := map[uint32]string{}
	for _, t := range q {
		if t.known && !seen[t.id] {
			seen[t.id] = true
			ids = append(ids, t.id)
			word[t.id] = t.word
		}
	}
	sort.Slice(ids, func(i, j int) bool { return v.m.df[ids[i]] < v.m.df[ids[j]] })
	if len(ids) > 8 {
		ids = ids[:8]
	}
	if v.finder != nil {
		words := make([]string, len(ids))
		for i, id := range ids {
			words[i] = word[id]
		}
		cs, err := v.finder.FindQuote(v.ctx, words, Candidates)
		if err == nil && len(cs) > 0 {
			var out []cand
			for _, c := range cs {
				for bi, b := range v.m.bibles {
					if strings.EqualFold(b.name, c.Bible) {
						if o, ok := b.sys.Ordinal(c.Ref.Book, c.Ref.Chapter, c.Ref.Verse); ok {
							out = append(out, cand{bi, o, c.Score})
						}
					}
				}
			}
			return out
		}
	}
	sc := v.m.scratch.Get().(*scoreBuf)
	defer v.m.scratch.Put(sc)
	add := func(bi, ord int, w float32) {
		k := v.m.base[bi] + ord
		if sc.score[k] == 0 {
			sc.touched = append(sc.touched, int32(k))
		}
		sc.score[k] += w
	}
	for _, id := range ids {
		w := float32(v.m.idf(id))
		for _, p := range v.m.post[id] {
			bi, ord := unposting(p)
			add(bi, ord, w)
			// A quotation may run over into the next verse.
			if ord > 0 {
				add(bi, ord-1, w*0.25)
			}
		}
	}
	// The top Candidates, by a bounded insertion.
	out := make([]cand, 0, Candidates+1)
	for _, k := range sc.touched {
		s := float64(sc.score[k])
		sc.score[k] = 0
		if len(out) == Candidates && s <= out[len(out)-1].score {
			continue
		}
		bi := v.m.bibleOf(int(k))
		c := cand{bi, int(k) - v.m.base[bi], s}
		i := len(out)
		out = append(out, c)
		for i > 0 && (out[i-1].score < s || out[i-1].score == s && int(k) < v.m.base[out[i-1].bible]+out[i-1].ord) {
			out[i] = out[i-1]
			i--
		}
		out[i] = c
		if len(out) > Candidates {
			out = out[:Candidates]
		}
	}
	sc.touched = sc.touched[:0]
	return out
}

// scoreBuf is a dense score per verse of all Bibles, reused.
type scoreBuf struct {
	score   []float32
	touched []int32
}

func (m *Model) bibleOf(k int) int {
	for bi := len(m.base) - 1; bi > 0; bi-- {
		if k >= m.base[bi] {
			return bi
		}
	}
	return 0
}

// ordinals: the first and last ordinal of the ranges in a Bible (bounded
// to maxCitedVerses), or false when the Bible lacks them.
func (m *Model) ordinals(b *bible, rs []ref.Range) (int, int, bool) {
	from, to := -1, -1
	for _, r := range rs {
		s, e := r.Start, r.End
		if s.Chapter == 0 {
			s.Chapter = 1
		}
		if s.Verse == 0 {
			s.Verse = 1
		}
		if e.Chapter == 0 || e.Verse == 0 {
			bk, ok := b.sys.Book(e.Book)
			if !ok {
				return 0, 0, false
			}
			if e.Chapter == 0 {
				e.Chapter = bk.Chapters()
			}
			if e.Chapter > bk.Chapters() {
				return 0, 0, false
			}
			e.Verse = bk.Verses[e.Chapter-1]
		}
		a, ok1 := b.sys.Ordinal(s.Book, s.Chapter, s.Verse)
		z, ok2 := b.sys.Ordinal(e.Book, e.Chapter, e.Verse)
		if !ok1 || !ok2 || z < a {
			continue
		}
		if from < 0 || a < from {
			from = a
		}
		if z > to {
			to = z
		}
	}
	if from < 0 {
		return 0, 0, false
	}
	if to-from+1 > maxCitedVerses {
		to = from + maxCitedVerses - 1
	}
	return from, to, true
}

// clampBook keeps a window within the book of its middle verse.
func (m *Model) clampBook(b *bible, from, to int) (int, int) {
	mid := (from + to) / 2
	if mid < 0 {
		mid = 0
	}
	if mid >= len(b.toks) {
		mid = len(b.toks) - 1
	}
	book, _, _ := b.sys.VerseAt(mid)
	from = max(from, 0)
	to = min(to, len(b.toks)-1)
	for from < mid {
		if bk, _, _ := b.sys.VerseAt(from); bk == book {
			break
		}
		from++
	}
	for to > mid {
		if bk, _, _ := b.sys.VerseAt(to); bk == book {
			break
		}
		to--
	}
	return from, to
}

// osis names a found span.
func (m *Model) osis(f found) string {
	b := m.bibles[f.bible]
	bk, c, vs := b.sys.VerseAt(f.from)
	r := ref.Range{Start: ref.Ref{Book: bk, Chapter: c, Verse: vs}}
	bk, c, vs = b.sys.VerseAt(f.to)
	r.End = ref.Ref{Book: bk, Chapter: c, Verse: vs}
	return r.OSIS()
}

// text joins the verses' texts.
func (m *Model) text(bi, from, to int) string {
	b := m.bibles[bi]
	var parts []string
	for o := max(from, 0); o <= to && o < len(b.text); o++ {
		if b.text[o] != "" {
			parts = append(parts, b.text[o])
		}
	}
	return strings.Join(parts, " ")
}
