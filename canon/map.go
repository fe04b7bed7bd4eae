package canon

import (
	"sort"
	"strings"
)

// Verse mapping between systems. The algorithm and its sources are described
// in doc.go ("Mapping").

// mapRule is one verse-mapping rule of a system, relative to KJVA: the verses
// Book Ch:V[-VEnd] of the system correspond to KBook KCh:KV[-KVEnd] of KJVA.
// An end at or below the start means a single verse; verse 0 is the chapter
// introduction slot, where a KJV-style Bible keeps a psalm title. A range end
// past the last verse of its chapter continues into the next chapter, as
// libsword's VerseKey normalises it (NRSV Rev 12:18-19 is 12:18 and 13:1).
// Book and KBook differ only in inter-book rules (Synodal Dan 3:24 is KJVA
// PrAzar 1:1).
type mapRule struct {
	Book           string
	Ch, V, VEnd    int
	KBook          string
	KCh, KV, KVEnd int
}

// VRef names one verse of a system. Verse 0 names the chapter introduction
// slot (a psalm title in KJV-style systems).
type VRef struct {
	Book    string
	Chapter int
	Verse   int
}

// vrange is a verse range inside one chapter of one book, as libsword's
// translateVerse passes it around: End <= V means the single verse V.
type vrange struct {
	book       string
	ch, v, end int
}

func (r vrange) isRange() bool { return r.end > r.v }

func (r vrange) last() int { return max(r.v, r.end) }

type ruleSet struct {
	own  map[string][]mapRule // forward (system -> KJVA): by the system's book, in table order
	kjva map[string][]mapRule // reverse (KJVA -> system): by the KJVA book, in table order
	from map[string]string    // book -> name of the table its rules came from
}

// ruleSource is a table of rules written for one system (base). The rules of a
// book are lent to another system chapter group by chapter group, when that
// system has the same verse counts as base in every chapter the group touches.
type ruleSource struct {
	name      string
	base      string // the system the rules were written for
	rules     []mapRule
	anyCounts bool // lend every rule, one rule per group, whatever the counts
}

// supplements are the berean tables consulted for the books a system's own
// libsword table does not cover. See doc.go.
var supplements = []ruleSource{
	{name: "nrsv", base: "NRSV", rules: append(append([]mapRule(nil), mappingsNrsv...), threeJohnRule)},
	{name: "hebrew", base: "Leningrad", rules: hebrewRules},
	{name: "synodal", base: "Synodal", rules: mappingsSynodal},
	{name: "esther", base: "Vulg", rules: estherRules},
	{name: "apocrypha", rules: apocryphaRules, anyCounts: true},
}

// threeJohnRule: KJV 3 John 1:14 holds what NRSV-style Bibles split into
// 1:14 and 1:15 (libsword's Synodal table has the same rule).
var threeJohnRule = mapRule{"3John", 1, 14, 15, "3John", 1, 14, 0}

// estherRules: the additions to Esther, a book of their own in KJVA
// (AddEsth 10:4-16:24), continue Esther in the Vulgate order.
var estherRules = []mapRule{
	{"Esth", 10, 4, 0, "AddEsth", 10, 4, 0},
	{"Esth", 11, 1, 0, "AddEsth", 11, 1, 0},
	{"Esth", 12, 1, 0, "AddEsth", 12, 1, 0},
	{"Esth", 13, 1, 0, "AddEsth", 13, 1, 0},
	{"Esth", 14, 1, 0, "AddEsth", 14, 1, 0},
	{"Esth", 15, 1, 0, "AddEsth", 15, 1, 0},
	{"Esth", 16, 1, 0, "AddEsth", 16, 1, 0},
}

// apocryphaRules are whole-book correspondences, lent whatever the verse
// counts.
var apocryphaRules = []mapRule{
	// KJVA keeps the Prayer of Manasses as one verse; the range end 255 stands
	// for "to the end of the chapter" whatever the system's count.
	{"PrMan", 1, 1, 255, "PrMan", 1, 1, 0},
	// KJVA's Baruch 6 is the Epistle of Jeremiah.
	{"EpJer", 1, 1, 0, "Bar", 6, 1, 0},
	// Psalm 151, a book of its own in NRSVA and Vulg.
	{"Ps", 151, 1, 0, "AddPs", 1, 1, 0},
	// Susanna and Bel as Daniel 13 and 14.
	{"Dan", 13, 1, 0, "Sus", 1, 1, 0},
	{"Dan", 14, 1, 0, "Bel", 1, 1, 0},
}

func isPivot(s *System) bool { return s.Name == "KJV" || s.Name == "KJVA" }

// buildRules collects the rules of s: its own libsword table, then, for each
// book that table does not mention, the groups of supplementary rules whose
// chapters agree with s (see lendable groups in doc.go).
func buildRules(s *System, own []mapRule) *ruleSet {
	if isPivot(s) {
		return nil
	}
	rs := &ruleSet{own: map[string][]mapRule{}, kjva: map[string][]mapRule{}, from: map[string]string{}}
	add := func(src string, r mapRule) {
		rs.own[r.Book] = append(rs.own[r.Book], r)
		rs.kjva[r.KBook] = append(rs.kjva[r.KBook], r)
		if old, ok := rs.from[r.Book]; ok {
			if !strings.Contains(old, src) {
				src = old + "+" + src
			} else {
				src = old
			}
		}
		rs.from[r.Book] = src
	}
	libsword := map[string]bool{}
	for _, r := range own {
		add("libsword", r)
		libsword[r.Book] = true
	}
	for _, book := range s.books {
		if libsword[book.OSIS] {
			continue
		}
		covered := map[int]bool{}
		for i, src := range sourcesFor(s, book.OSIS) {
			base := systemNamed(src.base)
			for _, g := range groups(src, book.OSIS) {
				ok := src.anyCounts || base == s || sameCounts(s, base, book.OSIS, g.chapters)
				// A table other than the best-agreeing one only fills in
				// chapters whose counts differ from KJVA.
				if i > 0 && !src.anyCounts && !differsFromKJVA(s, book.OSIS, g.chapters) {
					ok = false
				}
				for _, r := range g.rules {
					// An inter-book rule is for a system without the KJVA book,
					// and every rule needs its own chapter.
					if r.KBook != r.Book && s.slotExists(r.KBook, r.KCh, 0) || r.Ch > book.Chapters() {
						ok = false
					}
				}
				for c := range g.chapters {
					if covered[c] {
						ok = false
					}
				}
				if !ok {
					continue
				}
				for c := range g.chapters {
					covered[c] = true
				}
				for _, r := range g.rules {
					add("berean:"+src.name, r)
				}
			}
		}
		// The forward search needs the rules of a book in chapter order.
		list := rs.own[book.OSIS]
		sort.SliceStable(list, func(i, j int) bool { return list[i].Ch < list[j].Ch })
	}
	if len(rs.own) == 0 {
		return nil
	}
	return rs
}

// sourcesFor orders the supplementary tables for one book of s: first the
// tables whose base system agrees with s on the most chapter verse counts of
// the book (so SynodalProt's Psalms follow Synodal, German's follow Hebrew).
func sourcesFor(s *System, book string) []ruleSource {
	sb, _ := s.Book(book)
	agree := make([]int, len(supplements))
	for i, src := range supplements {
		base := systemNamed(src.base)
		if base == nil {
			continue
		}
		bb, ok := base.Book(book)
		if !ok {
			continue
		}
		for c := 0; c < min(len(sb.Verses), len(bb.Verses)); c++ {
			if sb.Verses[c] == bb.Verses[c] {
				agree[i]++
			}
		}
	}
	out := append([]ruleSource(nil), supplements...)
	idx := make([]int, len(out))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return agree[idx[a]] > agree[idx[b]] })
	for i, j := range idx {
		out[i] = supplements[j]
	}
	return out
}

type ruleGroup struct {
	rules    []mapRule
	chapters map[int]bool
}

// groups splits the rules of one book of a table into groups linked by the
// chapters they touch (the own chapter, and the KJVA chapter of a rule within
// the same book), in table order. With anyCounts every rule is a group.
func groups(src ruleSource, book string) []ruleGroup {
	parent := map[int]int{}
	var find func(int) int
	find = func(x int) int {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			return x
		}
		if p == x {
			return x
		}
		r := find(p)
		parent[x] = r
		return r
	}
	var rules []mapRule
	for _, r := range src.rules {
		if r.Book != book {
			continue
		}
		rules = append(rules, r)
		a := find(r.Ch)
		if r.KBook == r.Book {
			parent[a] = find(r.KCh)
		}
	}
	idx := map[int]int{}
	var out []ruleGroup
	for i, r := range rules {
		root := find(r.Ch)
		if src.anyCounts {
			root = -1 - i
		}
		j, ok := idx[root]
		if !ok {
			j = len(out)
			idx[root] = j
			out = append(out, ruleGroup{chapters: map[int]bool{}})
		}
		out[j].rules = append(out[j].rules, r)
		out[j].chapters[r.Ch] = true
		if r.KBook == r.Book {
			out[j].chapters[r.KCh] = true
		}
	}
	return out
}

// differsFromKJVA reports whether s and KJVA differ in the verse count of one
// of the chapters of the book.
func differsFromKJVA(s *System, book string, chapters map[int]bool) bool {
	kjva := systemNamed("KJVA")
	return !sameCounts(s, kjva, book, chapters)
}

// sameCounts reports whether s and base have the same verse count in each of
// the chapters of the book (a chapter missing on both sides counts as equal).
func sameCounts(s, base *System, book string, chapters map[int]bool) bool {
	if base == nil {
		return false
	}
	sb, _ := s.Book(book)
	bb, ok := base.Book(book)
	if !ok {
		return false
	}
	count := func(bk *Book, c int) int {
		if c < 1 || c > len(bk.Verses) {
			return -1
		}
		return bk.Verses[c-1]
	}
	for c := range chapters {
		if count(sb, c) != count(bb, c) {
			return false
		}
	}
	return true
}

// toKJVA maps a range of s to KJVA (libsword's "forward" direction). The
// rules of the book are searched from the last: the first rule of the same
// chapter starting at or before the verse decides; a rule of an earlier
// chapter ends the search (no mapping). Inside the rule's range the result is
// the rule's KJVA range; after it, the verse is shifted by the difference of
// the two ranges' last verses.
func (rs *ruleSet) toKJVA(r vrange) (vrange, bool) {
	if rs == nil {
		return r, false
	}
	list := rs.own[r.book]
	for i := len(list) - 1; i >= 0; i-- {
		m := list[i]
		if m.Ch < r.ch {
			return r, false
		}
		if m.Ch != r.ch || m.V > r.v {
			continue
		}
		if m.V == r.v || m.VEnd >= r.v {
			return vrange{m.KBook, m.KCh, m.KV, m.KVEnd}, true
		}
		d := max(m.KV, m.KVEnd) - max(m.V, m.VEnd)
		return vrange{m.KBook, m.KCh, r.v + d, max(r.v, r.end) + d}, true
	}
	return r, false
}

// fromKJVA maps a KJVA range to s (libsword's "reverse" direction). The rules
// whose KJVA side is in the verse's chapter are searched in table order: the
// first whose KJVA range holds the verse gives its own range; otherwise the
// rule starting at or before the verse with the greatest KJVA end (the later
// one on ties) shifts the verse.
func (rs *ruleSet) fromKJVA(r vrange) (vrange, bool) {
	if rs == nil {
		return r, false
	}
	var a *mapRule
	list := rs.kjva[r.book]
	for i := range list {
		m := &list[i]
		if m.KCh != r.ch || m.KV > r.v {
			continue
		}
		if m.KV == r.v || m.KVEnd >= r.v {
			return vrange{m.Book, m.Ch, m.V, m.VEnd}, true
		}
		if a == nil || max(a.KV, a.KVEnd) <= max(m.KV, m.KVEnd) {
			a = m
		}
	}
	if a == nil {
		return r, false
	}
	d := max(a.V, a.VEnd) - max(a.KV, a.KVEnd)
	return vrange{a.Book, a.Ch, r.v + d, max(r.v, r.end) + d}, true
}

// Map returns the verses of system to that correspond to osis ch:v of system
// from. Verse 0 (a chapter introduction, i.e. a psalm title in KJV-style
// systems) is accepted and may be returned. The result is nil when the verse
// does not exist in from, or nothing of to corresponds. See doc.go for the
// algorithm.
func Map(from, to *System, osis string, ch, v int) []VRef {
	if from == nil || to == nil || !from.slotExists(osis, ch, v) {
		return nil
	}
	r := vrange{osis, ch, v, v}
	moved := false
	switch {
	case from == to || isPivot(from) && isPivot(to):
	case isPivot(from):
		r, moved = to.mapRules().fromKJVA(r)
	case isPivot(to):
		r, moved = from.mapRules().toKJVA(r)
	default:
		mid, m1 := from.mapRules().toKJVA(r)
		out, m2 := to.mapRules().fromKJVA(mid)
		// A range of from that KJVA holds in one verse, and to splits again
		// (the same split as from's): keep the verse at the same position.
		if out.isRange() && !mid.isRange() {
			if back, _ := from.mapRules().fromKJVA(mid); back.isRange() {
				n := out.v + v - back.v
				if n > out.last() {
					n = out.last()
				}
				out.v, out.end = n, n
			}
		}
		r, moved = out, m1 || m2
	}
	return to.expand(r, moved)
}

// slotExists reports whether ch:v is a verse or a chapter introduction.
func (s *System) slotExists(osis string, ch, v int) bool {
	b, ok := s.byOSIS[osis]
	return ok && ch >= 1 && ch <= len(b.Verses) && v >= 0 && v <= b.Verses[ch-1]
}

// expand lists the slots of r that exist in s. When a rule moved the verse
// (normalize), verses past either end of the chapter are carried into the
// neighbouring chapter, as libsword's VerseKey normalises a translated key;
// otherwise only the verses after the first are carried forward (a range
// such as NRSV Rev 12:18-19, which is 12:18 and 13:1).
func (s *System) expand(r vrange, normalize bool) []VRef {
	b, ok := s.byOSIS[r.book]
	if !ok {
		return nil
	}
	var out []VRef
	for n := r.v; n <= r.last(); n++ {
		c, v := r.ch, n
		if normalize || n > r.v {
			for c >= 1 && c < len(b.Verses) && v > b.Verses[c-1] {
				v -= b.Verses[c-1]
				c++
			}
		}
		if normalize {
			for c > 1 && c <= len(b.Verses) && v < 0 {
				c--
				v += b.Verses[c-1] + 1
			}
		}
		if s.slotExists(r.book, c, v) && (len(out) == 0 || out[len(out)-1] != VRef{r.book, c, v}) {
			out = append(out, VRef{r.book, c, v})
		}
	}
	return out
}

// MapSource names the table that drives the mapping of a book of s to and
// from KJVA: "libsword" (the system's own SWORD table), "berean:..." (a
// supplementary table, see doc.go), or "" (identity).
func (s *System) MapSource(osis string) string {
	if s.mapRules() == nil {
		return ""
	}
	return s.rules.from[osis]
}

// KJVOrdinal is the ordinal in the KJV system of a verse of system from:
// its own ordinal there when from is the KJV's (or nil, an unknown
// system read as the KJV's), else that of the first verse Map gives for
// it in the KJV. A verse with no KJV counterpart (the deuterocanon) has
// none.
func KJVOrdinal(from *System, osis string, ch, v int) (int, bool) {
	kjv := KJV()
	if from == nil || from.Name == kjv.Name {
		return kjv.Ordinal(osis, ch, v)
	}
	for _, r := range Map(from, kjv, osis, ch, v) {
		if r.Verse > 0 {
			return kjv.Ordinal(r.Book, r.Chapter, r.Verse)
		}
	}
	return 0, false
}
