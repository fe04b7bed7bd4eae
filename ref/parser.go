package ref

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"berean/canon"
	"berean/locale"
)

// Options configure a Parser.
type Options struct {
	// System is the versification that references are checked against;
	// nil means KJV.
	System *canon.System
	// Apocrypha makes the deuterocanonical books (Tobit, Sirach,
	// 1 Maccabees ...) recognisable. Whether a reference to one exists is
	// then up to System (NRSVA has them, KJV does not).
	Apocrypha bool
	// Locale adds the book names of another language (locale.go): they
	// are read before the English names, and only by this Parser.
	Locale *locale.Locale
}

// Parser parses references. It is immutable and safe for concurrent use.
type Parser struct {
	opts    Options
	compat  bool
	allow   bookFilter
	systems func(string) versification
	loc     *localeIndex // Options.Locale's names; nil for English only
}

// ErrNoReference is returned by Parse when the text holds no reference.
var ErrNoReference = errors.New("no Bible reference")

// InvalidError is a reference that names a book, chapter or verse that
// does not exist. Its message names the limit:
// "John has 21 chapters; John 22 does not exist".
type InvalidError struct {
	Text       string // the reference as written
	Start, End int    // code-point offsets in the input
	Err        error  // *canon.RefError when the limit is known
}

func (e *InvalidError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error (canon.ErrInvalid can be tested
// with errors.Is).
func (e *InvalidError) Unwrap() error { return e.Err }

// Match is a reference found in running text by Scan.
type Match struct {
	Ranges     []Range
	Text       string // as written
	Start, End int    // code-point offsets in the text, End exclusive
	Err        error  // non-nil: the reference does not exist (*InvalidError)
}

// NewParser returns a parser for o.
func NewParser(o Options) *Parser {
	if o.System == nil {
		o.System = canon.KJV()
	}
	p := &Parser{opts: o}
	if o.Locale != nil {
		p.loc = newLocaleIndex(o.Locale)
	}
	v := newSystemVers(o.System, nil)
	p.systems = func(string) versification { return v }
	p.allow = func(osis string) bool {
		return canon.IsOT(osis) || canon.IsNT(osis) || (o.Apocrypha && canon.IsDeutero(osis))
	}
	return p
}

// compatParser reproduces Bible-Passage-Reference-Parser's defaults: its
// versification (KJV with 15 verses in 3 John), no apocrypha, and the
// versification families of the translations it knows.
var compatParser = sync.OnceValue(newCompatParser)

func newCompatParser() *Parser {
	kjv := canon.KJV()
	three := map[string][]int{"3John": {15}}
	withBook := func(m map[string][]int, book string, ch, verses int) map[string][]int {
		return withChapter(kjv, m, book, ch, verses)
	}
	def := newSystemVers(kjv, three)
	rev := withBook(three, "Rev", 12, 18)
	both := withBook(rev, "2Cor", 13, 13)
	fam := map[string]versification{
		"":       def,
		"kjv":    newSystemVers(kjv, nil),
		"csb":    newSystemVers(kjv, both),
		"nrsv":   newSystemVers(kjv, both),
		"nrsvue": newSystemVers(kjv, both),
		"ceb":    newSystemVers(kjv, both),
		"nlt":    newSystemVers(kjv, rev),
	}
	// The NAB family (NAB, NABRE, LXX) numbers the Old Testament as the
	// Hebrew does (Joel 4, Malachi 3) and has Daniel 13-14. It is the
	// Catholic versification except for chapters where the NAB leaves out
	// or moves a verse that the Catholic table counts.
	if cath, ok := canon.Get("Catholic"); ok {
		var over map[string][]int
		for _, c := range []struct {
			book       string
			ch, verses int
		}{
			{"Num", 26, 65}, {"Judg", 5, 31}, {"Neh", 7, 72}, {"Job", 25, 6}, {"Job", 27, 23},
			{"Ps", 2, 11}, {"Ps", 50, 23}, {"Ps", 101, 8}, {"Song", 4, 16}, {"Isa", 8, 23},
			{"Isa", 9, 20}, {"Dan", 14, 42}, {"Zech", 4, 14}, {"Acts", 19, 40},
		} {
			over = withChapter(cath, over, c.book, c.ch, c.verses)
		}
		fam["nab"] = newSystemVers(cath, over)
	}
	return &Parser{
		opts:   Options{System: kjv},
		compat: true,
		allow:  func(osis string) bool { return canon.IsOT(osis) || canon.IsNT(osis) },
		systems: func(name string) versification {
			if v, ok := fam[name]; ok {
				return v
			}
			return def
		},
	}
}

// withChapter returns a copy of the overrides m in which chapter ch of book
// (as sys or m numbers it) has the given number of verses.
func withChapter(sys *canon.System, m map[string][]int, book string, ch, verses int) map[string][]int {
	out := map[string][]int{}
	for k, v := range m {
		out[k] = v
	}
	vs, ok := m[book]
	if !ok {
		b, found := sys.Book(book)
		if !found {
			return out
		}
		vs = b.Verses
	}
	vs = append([]int(nil), vs...)
	vs[ch-1] = verses
	out[book] = vs
	return out
}

// systemVers adapts a canon.System, with optional per-book overrides.
type systemVers struct {
	s     *canon.System
	over  map[string][]int
	index map[string]int
}

func newSystemVers(s *canon.System, over map[string][]int) *systemVers {
	v := &systemVers{s: s, over: over, index: map[string]int{}}
	for i, b := range s.Books() {
		v.index[b.OSIS] = i + 1
	}
	return v
}

func (v *systemVers) chapters(book string) []int {
	if c, ok := v.over[book]; ok {
		return c
	}
	if b, ok := v.s.Book(book); ok {
		return b.Verses
	}
	return nil
}

func (v *systemVers) order(book string) int { return v.index[book] }

// result is the outcome of one run over a text.
type result struct {
	prep     *prepared
	entities []*entity
	ev       *evaluator
}

// maxInput bounds the work on hostile input; longer text is cut.
const maxInput = 1 << 20

func (p *Parser) run(text string) *result {
	if len(text) > maxInput {
		text = text[:maxInput]
		text = strings.ToValidUTF8(text, "")
	}
	prep := prepare(text, p.allow, p.loc)
	ev := &evaluator{p: prep, systems: p.systems}
	res := &result{prep: prep, ev: ev}
	pos := 0
	for {
		start, rawEnd, ok := nextPassage(prep.s, pos)
		if !ok {
			break
		}
		end := trimPassage(prep.s, start, rawEnd)
		g := newGrammar(prep.s[start:end], prep.books, start)
		ents := ev.evalPassage(g.parseAll())
		res.entities = append(res.entities, ents...)
		// The next passage starts after the raw match, even when the
		// grammar used less of it (as in the reference implementation).
		pos = max(rawEnd, start+1)
	}
	return res
}

// outMode selects how lone books and book ranges are treated.
type outMode struct {
	books bool // a book on its own is the whole book (Parse)
}

// resolved is one output range with its filled-in ends.
type resolved struct {
	r          Range
	start, end point
	s, e       int
	named      bool // the passage names its book ("Heb 7:25", not "25")
}

// namesBook reports whether a passage starts with a book name.
func namesBook(ps *psg) bool {
	t := ps.typ
	if t == "range" || t == "ff" || t == "sequence" {
		t = ps.start.typ
	}
	return strings.HasPrefix(t, "b")
}

// output turns an entity into ranges (consecutive ones combined) and the
// invalid passages it holds.
func (res *result) output(e *entity, mode outMode) (out []resolved, invalid []*psg) {
	if len(e.passages) == 0 {
		return nil, nil
	}
	if !mode.books && (e.typ == "b" || e.typ == "b_range") {
		return nil, nil
	}
	sysName := ""
	if t := e.passages[0].trans; len(t) > 0 {
		sysName = t[0].system
	}
	sys := res.ev.systems(sysName)
	for _, ps := range e.passages {
		if ps.typ == "" {
			ps.typ = e.typ
		}
		if !ps.valid.ok {
			invalid = append(invalid, ps)
			continue
		}
		if !mode.books && (ps.typ == "b" || ps.typ == "b_range") && e.typ == "sequence" {
			continue
		}
		start, end := ps.start, ps.end
		if !mode.books {
			switch ps.typ {
			case "b_range_start":
				start = end
			case "range_end_b":
				end = start
			}
		}
		r, s2, e2 := toRange(start, end, sys)
		out = append(out, resolved{r: r, start: s2, end: e2, s: ps.s, e: ps.e, named: namesBook(ps)})
	}
	if len(out) > 1 {
		out = combine(out, sys)
	}
	return out, invalid
}

// toRange fills in the missing chapter and verse numbers of a passage and
// chooses the shortest exact form: whole books, whole chapters or verses.
func toRange(s, e point, sys versification) (Range, point, point) {
	if s.c == unset {
		s.c = 1
	}
	if s.v == unset {
		s.v = 1
	}
	ch := sys.chapters(e.b)
	if e.c == unset {
		e.c = len(ch)
	}
	last := func(c int) int {
		if c >= 1 && c <= len(ch) {
			return ch[c-1]
		}
		return -2
	}
	if e.v == unset {
		if l := last(e.c); l > 0 {
			e.v = l
		} else {
			e.v = 999
		}
	}
	var r Range
	switch {
	case s.c == 1 && s.v == 1 && ((e.c == 999 && e.v == 999) || (e.c == len(ch) && (e.v == 999 || e.v == last(e.c)))):
		r = Range{Ref{s.b, 0, 0}, Ref{e.b, 0, 0}}
	case s.v == 1 && (e.v == 999 || e.v == last(e.c)):
		r = Range{Ref{s.b, s.c, 0}, Ref{e.b, e.c, 0}}
	default:
		r = Range{Ref{s.b, s.c, s.v}, Ref{e.b, e.c, e.v}}
	}
	return r, s, e
}

// consecutive reports whether check starts right after prev ends.
func consecutive(prev, check point, sys versification) bool {
	if prev.b == "" {
		return false
	}
	ch := sys.chapters(prev.b)
	if prev.b == check.b {
		if prev.c == check.c {
			return prev.v == check.v-1
		}
		if check.v == 1 && prev.c == check.c-1 {
			return prev.c >= 1 && prev.c <= len(ch) && prev.v == ch[prev.c-1]
		}
		return false
	}
	if check.c == 1 && check.v == 1 && sys.order(prev.b) != 0 && sys.order(prev.b) == sys.order(check.b)-1 {
		return prev.c == len(ch) && prev.c >= 1 && prev.v == ch[prev.c-1]
	}
	return false
}

func combine(in []resolved, sys versification) []resolved {
	var out []resolved
	var prev point
	prev.b = ""
	for _, r := range in {
		if len(out) > 0 && consecutive(prev, r.start, sys) {
			last := &out[len(out)-1]
			last.r, last.start, last.end = toRange(last.start, r.end, sys)
			last.e = r.e
		} else {
			out = append(out, r)
		}
		prev = r.end
	}
	return out
}

// OSISOf returns the references in text as one comma-joined OSIS string,
// with exactly the meaning of Bible-Passage-Reference-Parser's
// parse(text).osis() under its default options. It ignores the parser's
// options (see the package documentation).
func (p *Parser) OSISOf(text string) string { return OSISOf(text) }

// OSISOf is Parser.OSISOf without a parser.
func OSISOf(text string) string {
	res := compatParser().run(text)
	var parts []string
	for _, e := range res.entities {
		out, _ := res.output(e, outMode{})
		for _, r := range out {
			parts = append(parts, r.r.OSIS())
		}
	}
	return strings.Join(parts, ",")
}

// Parse reads s as a list of references ("Heb 7:23-25; Rom 8:34", "Jude",
// "Psalm 23 KJV"). A book on its own is the whole book. The error is an
// *InvalidError naming the limit when a reference does not exist, or wraps
// ErrNoReference when s holds none; valid ranges found are returned too.
func (p *Parser) Parse(s string) ([]Range, error) {
	res := p.run(s)
	var all []resolved
	var firstErr error
	for _, e := range res.entities {
		rs, bad := res.output(e, outMode{books: true})
		all = append(all, rs...)
		if firstErr == nil && len(bad) > 0 {
			firstErr = p.invalidError(res, bad[0])
		}
	}
	// The whole string is one list: combine across its parts too, so that
	// the OSIS of the result parses back to the same ranges.
	if len(all) > 1 {
		all = combine(all, p.systems(""))
	}
	var out []Range
	for _, r := range all {
		out = append(out, r.r)
	}
	if firstErr == nil {
		firstErr = p.trailingChapter(s, out)
	}
	if firstErr != nil {
		return out, firstErr
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("ref: %w in %q", ErrNoReference, s)
	}
	return out, nil
}

// Whole reads s when it is nothing but references and the separators
// between them ("Psalm 23", "Romans 8:28-39; Ephesians 1."): their ranges.
// The error wraps ErrNoReference when s has anything else (a word, a
// number that is no reference), and is the *InvalidError of Parse when s
// is wholly a reference that does not exist ("John 22", "Psalm 999").
func (p *Parser) Whole(s string) ([]Range, error) {
	// A book alone is no reference in a scan, so every string Whole reads
	// has a chapter or verse number: one without a digit needs no parse
	// (ask calls this on every question).
	if !strings.ContainsAny(s, "0123456789") {
		return nil, fmt.Errorf("ref: %w in %q", ErrNoReference, s)
	}
	if _, err := p.Parse(s); err != nil {
		var ie *InvalidError
		if errors.As(err, &ie) && strings.TrimSpace(ie.Text) == strings.TrimSpace(s) {
			return nil, err
		}
	}
	ms := p.Scan(s)
	rs := []rune(s)
	covered := make([]bool, len(rs))
	var out []Range
	var bad error
	for _, m := range ms {
		if m.Err != nil && bad == nil {
			bad = m.Err
		}
		for i := max(m.Start, 0); i < min(m.End, len(rs)); i++ {
			covered[i] = true
		}
		out = append(out, m.Ranges...)
	}
	for i, r := range rs {
		if !covered[i] && !unicode.IsSpace(r) && !unicode.IsPunct(r) {
			return nil, fmt.Errorf("ref: %w: %q has more than references", ErrNoReference, s)
		}
	}
	if bad != nil {
		return nil, bad
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("ref: %w in %q", ErrNoReference, s)
	}
	return out, nil
}

// trailingChapter: a list of references whose last is a whole book and
// which ends with a number the passage scanner trims as a year or a count
// in running text ("John 200", "Genesis 999") means that number as the
// book's chapter (as "John 22" does), which no book has: it is an error
// naming the book's limit, not the whole book.
func (p *Parser) trailingChapter(s string, out []Range) error {
	rs := []rune(strings.TrimRightFunc(s, isSpace))
	d := len(rs)
	for d > 0 && isDigit(rs[d-1]) {
		d--
	}
	if d == len(rs) || d == 0 || !isSpace(rs[d-1]) || !yearLike(rs[d:]) || len(out) == 0 {
		return nil
	}
	last := out[len(out)-1]
	if last.Start.Chapter != 0 || last.end().Book != last.Start.Book {
		return nil
	}
	n, err := strconv.Atoi(string(rs[d:]))
	if err != nil {
		n = math.MaxInt32
	}
	book, sys := last.Start.Book, p.opts.System
	err = sys.Check(book, n, 0)
	if b, ok := sys.Book(book); ok && len(b.Verses) == 1 {
		err = sys.Check(book, 1, n) // a one-chapter book's number is a verse: "Jude 200"
	}
	if err == nil {
		return nil
	}
	return &InvalidError{Text: strings.TrimSpace(string(rs)), Start: 0, End: len(rs), Err: err}
}

// Scan finds the references in running text, in order. References that do
// not exist are reported with Err set. A book name on its own is not a
// reference.
func (p *Parser) Scan(text string) []Match {
	res := p.run(text)
	var ms []Match
	for _, e := range res.entities {
		rs, bad := res.output(e, outMode{})
		// One match per citation: a new one at each passage that names
		// its book; "Heb 7:23, 25" stays one match.
		for i := 0; i < len(rs); {
			j := i + 1
			for j < len(rs) && !rs[j].named {
				j++
			}
			m := Match{}
			s, en := rs[i].s, rs[i].e
			for _, r := range rs[i:j] {
				m.Ranges = append(m.Ranges, r.r)
				s, en = min(s, r.s), max(en, r.e)
			}
			m.Start, m.End = res.prep.span(s, en)
			m.Text = string(res.prep.source[m.Start:m.End])
			ms = append(ms, m)
			i = j
		}
		for _, b := range bad {
			if b.start.b == "" {
				continue
			}
			m := Match{}
			m.Start, m.End = res.prep.span(b.s, b.e)
			m.Text = string(res.prep.source[m.Start:m.End])
			err := p.invalidError(res, b)
			m.Err = err
			ms = append(ms, m)
		}
	}
	sortMatches(ms)
	return ms
}

func sortMatches(ms []Match) {
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].Start < ms[j-1].Start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// invalidError explains why an invalid passage does not exist.
func (p *Parser) invalidError(res *result, ps *psg) error {
	start, end := res.prep.span(ps.s, ps.e)
	text := string(res.prep.source[start:end])
	ie := &InvalidError{Text: text, Start: start, End: end}
	sys := p.opts.System
	for _, q := range []point{ps.start, ps.end} {
		if q.b == "" {
			continue
		}
		c, v := max(q.c, 0), max(q.v, 0)
		if err := sys.Check(q.b, c, v); err != nil {
			ie.Err = err
			return ie
		}
	}
	m := ps.valid.m
	switch {
	case m.startChapterIsZero || m.endChapterIsZero:
		ie.Err = fmt.Errorf("%q: chapter 0 does not exist: %w", text, canon.ErrInvalid)
	case m.startVerseIsZero || m.endVerseIsZero:
		ie.Err = fmt.Errorf("%q: verse 0 does not exist: %w", text, canon.ErrInvalid)
	default:
		ie.Err = fmt.Errorf("%q is not a valid reference: %w", text, canon.ErrInvalid)
	}
	return ie
}
