package verify

import (
	"sort"
	"strings"
	"unicode"

	"berean/ref"
)

// citation is a reference found in the article, with its quotation.
type citation struct {
	m     ref.Match
	quote *quotation
	group int // citations sharing one parenthesis share a quotation
	frags []string
	qtext string
}

// maxIntroWords is how many words may stand between a reference and the
// quotation it introduces ("Hebrews 4:14-16 encourages believers to
// approach God with boldness: “...”").
const maxIntroWords = 14

// pairCitations pairs each reference with at most one quotation:
//
//  1. a quotation right before the reference, with only white space,
//     punctuation, an opening parenthesis or a dash between: “...” (John
//     3:16), “...” — John 3:16; references sharing the parenthesis share it;
//  2. a quotation the reference introduces: the reference starts a clause
//     that runs, within maxIntroWords words and without a sentence end or
//     another reference, to the quotation's opening mark, on the same line
//     or the next when the clause ends in a colon or comma ("Psalm 110:4
//     declares,⏎“...”"), unless that quotation is claimed by rule 1;
//  3. a block quotation holding the reference on its first or last line
//     (an attribution; the attribution is cut from the quotation), or
//     starting on the line after a line holding the reference, or ending
//     on the line before a line that is just the reference.
//
// A quotation goes to one reference (or one parenthesis group).
func pairCitations(d *document, ms []ref.Match, qs []quotation) []citation {
	t := d.text
	li := newLineIndex(t)
	lineOf := li.line
	// Inline quotations are in text order (non-overlapping); blocks too.
	var inline, blocks []int
	for k := range qs {
		if qs[k].Block {
			blocks = append(blocks, k)
		} else {
			inline = append(inline, k)
		}
	}
	quoteClosingAt := func(at int) *quotation {
		i := sort.Search(len(inline), func(i int) bool { return qs[inline[i]].Close >= at })
		if i < len(inline) && qs[inline[i]].Close == at {
			return &qs[inline[i]]
		}
		return nil
	}
	nextQuote := func(at int) *quotation {
		i := sort.Search(len(inline), func(i int) bool { return qs[inline[i]].Open >= at })
		if i < len(inline) {
			return &qs[inline[i]]
		}
		return nil
	}
	cs := make([]citation, len(ms))
	for i := range ms {
		cs[i] = citation{m: ms[i], group: i}
	}
	// Rule 1: quotation then reference.
	for i := range cs {
		m := cs[i].m
		// The opening parenthesis holding this reference, if the text between
		// it and the reference is only references and separators.
		p := m.Start
		for k := i - 1; k >= 0 && i-k <= 20; k-- {
			if cs[k].m.End > p {
				break
			}
			if sepOnly(t[cs[k].m.End:p]) && !strings.ContainsRune(string(t[cs[k].m.End:p]), '(') {
				p = cs[k].m.Start
				if cs[k].quote != nil {
					// an earlier reference of the same parenthesis took the quotation
					cs[i].quote, cs[i].group = cs[k].quote, cs[k].group
				}
				continue
			}
			break
		}
		if cs[i].quote != nil {
			continue
		}
		j := p - 1
		gap := 0
		for j >= 0 && gap < 8 && (unicode.IsSpace(t[j]) || strings.ContainsRune("([—–-,;:.", t[j])) && t[j] != '\n' {
			j--
			gap++
		}
		if j < 0 || gap >= 8 {
			continue
		}
		q := quoteClosingAt(j + 1)
		if q == nil || q.paired {
			continue
		}
		between := string(t[j+1 : p])
		if !strings.ContainsAny(between, "(—–-[") && !endsClause(t, m.End) {
			// "“...” John 17:20 adds, “...”": the reference introduces
			// the next quotation; rule 2 decides.
			continue
		}
		q.paired = true
		cs[i].quote = q
	}
	// Rule 1b: the reference closes the quotation from inside:
	// “For God so loved the world (John 3:16).”
	for i := range cs {
		if cs[i].quote != nil {
			continue
		}
		m := cs[i].m
		k := sort.Search(len(inline), func(k int) bool { return qs[inline[k]].End >= m.End })
		if k >= len(inline) {
			continue
		}
		q := &qs[inline[k]]
		if q.paired || q.Start > m.Start || strings.Trim(string(t[m.End:q.End]), " )].,;:!?") != "" {
			continue
		}
		cut := attributionStart(t, q.Start, m.Start)
		if cut == m.Start && (cut == q.Start || !strings.ContainsRune("(—–[", t[cut-1])) {
			continue
		}
		q.End = cut
		trimQuote(t, q)
		for q.End > q.Start && strings.ContainsRune(" ,;:—–-", t[q.End-1]) {
			q.End--
		}
		if q.End <= q.Start {
			continue
		}
		q.paired = true
		cs[i].quote = q
	}
	// Rule 2: reference then quotation.
	for i := range cs {
		if cs[i].quote != nil {
			continue
		}
		m := cs[i].m
		q := nextQuote(m.End)
		if q == nil || q.paired || q.Block || q.Open-m.End > 400 {
			continue
		}
		if i+1 < len(cs) && cs[i+1].m.Start < q.Open {
			continue
		}
		if !introduces(t[m.End:q.Open]) {
			continue
		}
		if claimedAfter(t, qs, q, cs, i) {
			continue
		}
		q.paired = true
		cs[i].quote = q
	}
	// Rule 3: block quotations.
	for i := range cs {
		if cs[i].quote != nil {
			continue
		}
		m := cs[i].m
		ls, le := lineOf(m.Start)
		if m.End > le {
			continue // a reference written over a line break
		}
		// The blocks that may hold or neighbour the reference: the last
		// one opening at or before the reference's line end, and the next.
		b := sort.Search(len(blocks), func(i int) bool { return qs[blocks[i]].Open > le })
		for _, k := range blocks[max(b-1, 0):min(b+1, len(blocks))] {
			q := &qs[k]
			if q.paired {
				continue
			}
			switch {
			case m.Start >= q.Open && m.End <= q.Close:
				// Attribution inside the block: its first or last line.
				fs, _ := lineOf(q.Start)
				_, lastEnd := lineOf(q.End - 1)
				switch {
				case le == lastEnd && ls != fs && isAttributionLine(t[ls:le], m):
					q.End = ls
				case le == lastEnd && strings.Trim(string(t[m.End:le]), " )].,;:") == "":
					q.End = attributionStart(t, ls, m.Start)
				case ls == fs && strings.Trim(string(t[ls:m.Start]), " —–-([*_") == "":
					if le < q.End && introduces(t[m.End:le]) {
						q.Start = le + 1
					} else if k := introEnd(t, m.End, le); k > 0 {
						q.Start = k
					} else {
						continue
					}
				default:
					continue
				}
			case ls < q.Open && le < q.Open && q.Open-le < 200 && onlySpace(t[le:q.Open]) && introduces(t[m.End:le]) && introEnds(t[m.End:le]):
				// the line before the block introduces it
			case ls > q.Close && ls-q.Close < 200 && isAttributionLine(t[ls:le], m) && onlySpace(t[q.Close:ls]):
				// an attribution line right after the block
			default:
				continue
			}
			trimQuote(t, q)
			trimQuoteMarks(t, q)
			if q.End <= q.Start {
				continue
			}
			q.paired = true
			cs[i].quote = q
			break
		}
	}
	for i := range cs {
		if cs[i].quote != nil {
			cs[i].qtext = cs[i].quote.text(d)
			cs[i].frags = fragments(normalizeQuote(cs[i].qtext))
		}
	}
	return cs
}

// sepOnly: only separators between references of one list.
func sepOnly(rs []rune) bool {
	s := strings.TrimSpace(string(rs))
	s = strings.TrimSpace(strings.TrimLeft(s, ";,"))
	for _, w := range []string{"cf.", "see", "also", "and", "compare"} {
		s = strings.TrimSpace(strings.TrimPrefix(strings.ToLower(s), w))
	}
	return s == "" && len(rs) < 12
}

// endsClause: after the reference comes a closing parenthesis, a sentence
// end, a line end or the end of the text.
func endsClause(t []rune, at int) bool {
	for at < len(t) && t[at] == ' ' {
		at++
	}
	return at >= len(t) || strings.ContainsRune(")].;,!?\n", t[at])
}

// introduces: the text between a reference and a quotation is a short
// introducing clause: at most maxIntroWords words, no sentence end, and a
// line break only after a colon or comma.
func introduces(gap []rune) bool {
	if len(gap) > 400 {
		return false
	}
	s := string(gap)
	if len(strings.Fields(s)) > maxIntroWords {
		return false
	}
	depth := 0
	for i, r := range gap {
		switch r {
		case '.', '!', '?':
			if i+1 < len(gap) && (gap[i+1] == ' ' || gap[i+1] == '\n') {
				return false
			}
		case '\n':
			pre := strings.TrimRightFunc(string(gap[:i]), unicode.IsSpace)
			if !strings.HasSuffix(pre, ":") && !strings.HasSuffix(pre, ",") && !strings.HasSuffix(pre, "\u2014") {
				return false
			}
			if i+1 < len(gap) && gap[i+1] == '\n' && strings.TrimSpace(string(gap[i+1:])) != "" {
				return false
			}
		case '(':
			depth++
		case ')':
			if depth == 0 {
				// The reference's own parenthesis points back, unless the
				// quotation follows at once: "Jesus said (John 3:16), “...”".
				if strings.Trim(string(gap[i+1:]), " ,:\u2014\u2013") != "" {
					return false
				}
				continue
			}
			depth--
		}
	}
	return true
}

// claimedAfter: the quotation is followed by its own reference (rule 1
// would give it to that one), so the earlier reference does not get it.
func claimedAfter(t []rune, qs []quotation, q *quotation, cs []citation, i int) bool {
	for k := i + 1; k < len(cs); k++ {
		m := cs[k].m
		if m.Start < q.Close {
			continue
		}
		gap := t[q.Close:m.Start]
		if len(gap) > 8 {
			return false
		}
		s := string(gap)
		return strings.TrimSpace(strings.Trim(s, " ([—–-,;:.")) == "" && strings.ContainsAny(s, "(—–-")
	}
	return false
}

// lineIndex finds the line holding a position in O(log n).
type lineIndex struct {
	starts []int
	n      int
}

func newLineIndex(t []rune) *lineIndex {
	li := &lineIndex{starts: []int{0}, n: len(t)}
	for i, r := range t {
		if r == '\n' {
			li.starts = append(li.starts, i+1)
		}
	}
	return li
}

// line returns the start and end (at its newline) of the line holding at.
func (li *lineIndex) line(at int) (int, int) {
	if at >= li.n {
		at = li.n - 1
	}
	if at < 0 {
		return 0, 0
	}
	i := sort.Search(len(li.starts), func(i int) bool { return li.starts[i] > at }) - 1
	e := li.n
	if i+1 < len(li.starts) {
		e = li.starts[i+1] - 1
	}
	return li.starts[i], e
}

// isAttributionLine: a line that is just the reference, perhaps with a
// dash, parentheses, a translation's abbreviation or an author.
func isAttributionLine(line []rune, m ref.Match) bool {
	s := strings.Replace(string(line), m.Text, "", 1)
	s = strings.Trim(s, " \t—–-~()[].,:;*_")
	return len(strings.Fields(s)) <= 3
}

// attributionStart finds where an inline attribution at the end of a block
// begins: the opening parenthesis or dash before the reference.
func attributionStart(t []rune, lineStart, refStart int) int {
	for k := refStart - 1; k >= lineStart && refStart-k < 8; k-- {
		if strings.ContainsRune("(—–[", t[k]) {
			return k
		}
	}
	return refStart
}

func onlySpace(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsSpace(r) {
			return false
		}
	}
	return true
}

// trimQuoteMarks drops quotation marks around a whole block quotation.
func trimQuoteMarks(t []rune, q *quotation) {
	for q.End-q.Start >= 2 && strings.ContainsRune("\"\u201C\u201E\u00AB", t[q.Start]) {
		q.Start++
	}
	for q.End > q.Start && strings.ContainsRune("\"\u201D\u00BB", t[q.End-1]) {
		q.End--
	}
}

// introEnd finds the end of a short introduction after a reference at the
// start of a block quotation line ("John 3:16 (ESV): For God ..."): the
// position after its colon or dash, or -1.
func introEnd(t []rune, from, lineEnd int) int {
	for k := from; k < lineEnd && k-from < 40; k++ {
		if strings.ContainsRune(":—–", t[k]) || t[k] == '-' && k+1 < lineEnd && t[k+1] == ' ' {
			return k + 1
		}
	}
	return -1
}

// introEnds: an introducing line ends in a colon, comma or dash, or is
// just the reference.
func introEnds(gap []rune) bool {
	s := strings.TrimSpace(string(gap))
	return s == "" || strings.HasSuffix(s, ":") || strings.HasSuffix(s, ",") || strings.HasSuffix(s, "—")
}
