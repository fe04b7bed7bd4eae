package ref

import (
	"unicode"
)

// A tiny backtracking pattern matcher for the separators and keywords of the
// reference grammar ("chapters", "vv.", "ff", " - ", ...). Patterns are
// written as Go values: lit("ch"), seq(...), alt(...), star(...). A pattern
// calls its continuation with every end position it can reach, in priority
// order (greedy first), and stops at the first continuation that succeeds,
// which is how a regular-expression engine chooses its match.

type pat func(s []rune, i int, k func(int) bool) bool

// lit matches w, ignoring ASCII case.
func lit(w string) pat {
	rs := []rune(w)
	return func(s []rune, i int, k func(int) bool) bool {
		if i+len(rs) > len(s) {
			return false
		}
		for j, r := range rs {
			if foldASCII(s[i+j]) != r {
				return false
			}
		}
		return k(i + len(rs))
	}
}

func foldASCII(r rune) rune {
	if r >= 'A' && r <= 'Z' {
		return r + 'a' - 'A'
	}
	return r
}

// one matches a single rune satisfying f.
func one(f func(rune) bool) pat {
	return func(s []rune, i int, k func(int) bool) bool {
		return i < len(s) && f(s[i]) && k(i+1)
	}
}

func seq(ps ...pat) pat {
	if len(ps) == 0 {
		return func(s []rune, i int, k func(int) bool) bool { return k(i) }
	}
	rest := seq(ps[1:]...)
	first := ps[0]
	return func(s []rune, i int, k func(int) bool) bool {
		return first(s, i, func(j int) bool { return rest(s, j, k) })
	}
}

func alt(ps ...pat) pat {
	return func(s []rune, i int, k func(int) bool) bool {
		for _, p := range ps {
			if p(s, i, k) {
				return true
			}
		}
		return false
	}
}

// alts is alt over literal words.
func alts(words ...string) pat {
	ps := make([]pat, len(words))
	for i, w := range words {
		ps[i] = lit(w)
	}
	return alt(ps...)
}

func opt(p pat) pat {
	return func(s []rune, i int, k func(int) bool) bool {
		return p(s, i, k) || k(i)
	}
}

// star is a greedy repetition with backtracking.
func star(p pat) pat {
	var self pat
	self = func(s []rune, i int, k func(int) bool) bool {
		if p(s, i, func(j int) bool { return j > i && self(s, j, k) }) {
			return true
		}
		return k(i)
	}
	return self
}

func plus(p pat) pat { return seq(p, star(p)) }

// not is a negative look-ahead.
func not(p pat) pat {
	return func(s []rune, i int, k func(int) bool) bool {
		if p(s, i, func(int) bool { return true }) {
			return false
		}
		return k(i)
	}
}

// ahead is a positive look-ahead.
func ahead(p pat) pat {
	return func(s []rune, i int, k func(int) bool) bool {
		return p(s, i, func(int) bool { return true }) && k(i)
	}
}

// match runs p at i and returns where the chosen match ends.
func match(p pat, s []rune, i int) (int, bool) {
	end := -1
	ok := p(s, i, func(j int) bool { end = j; return true })
	return end, ok
}

// Character classes.
var (
	wsOrStar   = one(func(r rune) bool { return r == '*' || isSpace(r) })
	spaceRun   = star(wsOrStar)
	anySpace   = star(one(isSpace))
	someSpace  = plus(one(isSpace))
	dash       = one(func(r rune) bool { return r == '-' || r == '–' || r == '—' })
	notLetter  = not(one(unicode.IsLetter))
	notLetNum  = not(one(func(r rune) bool { return unicode.IsLetter(r) || unicode.IsNumber(r) }))
	notAlnum   = not(one(func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || isDigit(r) }))
	notWord    = not(one(isASCIIWord))
	dot        = lit(".")
	optDot     = opt(dot)
	notEllipse = not(seq(anySpace, dot, anySpace, dot)) // "." that does not start "..."
)

// isSpace is JavaScript's \s.
func isSpace(r rune) bool {
	switch r {
	case '\t', '\n', '\v', '\f', '\r', ' ', 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff:
		return true
	}
	return r >= 0x2000 && r <= 0x200a
}

// The separators and keywords of the grammar (English).
var (
	pSpace     = plus(wsOrStar)
	pAB        = seq(one(func(r rune) bool { r = foldASCII(r); return r >= 'a' && r <= 'e' }), notLetter)
	pCExplicit = seq(spaceRun, alt(
		lit("chapters"), lit("chapter"),
		seq(lit("chapts"), optDot), seq(lit("chpts"), optDot), seq(lit("chapt"), optDot),
		seq(lit("chaps"), optDot), seq(lit("chap"), optDot), seq(lit("chp"), optDot),
		seq(lit("chs"), optDot), seq(lit("cha"), optDot), seq(lit("ch"), optDot)), spaceRun)
	pCVSepWeak = plus(alt(seq(spaceRun, one(func(r rune) bool { return r == '"' || r == '\'' }), spaceRun), wsOrStar))
	pCVSep     = seq(spaceRun, alt(plus(lit(":")), seq(dot, notEllipse)), spaceRun)
	pFF        = seq(spaceRun, alt(seq(lit("ff"), notAlnum), seq(lit("f"), notAlnum)), notLetNum,
		opt(seq(dot, not(seq(anySpace, dot)))))
	pInBookOf = seq(spaceRun, alts("from", "of", "in"), spaceRun,
		opt(seq(lit("the"), spaceRun, lit("book"), spaceRun, lit("of"), spaceRun)))
	pOrdinal = alts("th", "st", "nd", "rd")
	pRange   = seq(spaceRun, plus(alt(dash, alts("through", "thru", "to"))), spaceRun)
	andWords = alt(lit("and"), lit("compare"), seq(lit("cf"), optDot), seq(lit("see"), someSpace, lit("also")), lit("also"), lit("see"))
	pSeqSep  = plus(alt(
		one(func(r rune) bool {
			switch r {
			case ',', ';', '/', ':', '&', '-', '–', '—', '~', '*':
				return true
			}
			return isSpace(r)
		}),
		seq(dot, notEllipse),
		andWords))
	pTitle     = seq(spaceRun, lit("title"), notLetter, spaceRun)
	pVExplicit = seq(spaceRun, alt(lit("verses"), lit("verse"), seq(lit("ver"), optDot), seq(lit("vss"), optDot),
		seq(lit("vs"), optDot), seq(lit("vv"), optDot), seq(lit("v"), optDot)), spaceRun, notLetter)
)

// integerValue matches 1-3 ASCII digits not followed by another digit or
// ",000" and returns the value.
func integerValue(s []rune, i int) (int, int, bool) {
	j := i
	v := 0
	for j < len(s) && isDigit(s[j]) && j-i < 3 {
		v = v*10 + int(s[j]-'0')
		j++
	}
	if j == i {
		return 0, 0, false
	}
	if j < len(s) && isDigit(s[j]) {
		return 0, 0, false
	}
	if j+4 <= len(s) && string(s[j:j+4]) == ",000" {
		return 0, 0, false
	}
	return v, j, true
}

// tokKind names the separators and keywords of the grammar.
type tokKind uint8

const (
	kSpace tokKind = iota
	kAB
	kCExplicit
	kCVSepWeak
	kCVSep
	kFF
	kInBookOf
	kOrdinal
	kRange
	kSeqSep
	kTitle
	kVExplicit
)

var tokPats = [...]pat{kSpace: pSpace, kAB: pAB, kCExplicit: pCExplicit, kCVSepWeak: pCVSepWeak, kCVSep: pCVSep,
	kFF: pFF, kInBookOf: pInBookOf, kOrdinal: pOrdinal, kRange: pRange, kSeqSep: pSeqSep, kTitle: pTitle,
	kVExplicit: pVExplicit}

// tokFirst lists, for the keyword tokens, the letters the keyword can
// start with (after optional spaces); anything else fails at once.
var tokFirst = [...]string{kCExplicit: "c", kFF: "f", kInBookOf: "foi", kTitle: "t", kVExplicit: "v", kOrdinal: "tsnr",
	kAB: "abcde"}

func isWS(r rune) bool { return r == '*' || isSpace(r) }

// matchTok matches token k at i. The common tokens are matched by hand;
// the rest go through their patterns after a quick first-letter test.
func matchTok(k tokKind, s []rune, i int) (int, bool) {
	switch k {
	case kSpace:
		j := i
		for j < len(s) && isWS(s[j]) {
			j++
		}
		return j, j > i
	case kCVSep:
		j := i
		for j < len(s) && isWS(s[j]) {
			j++
		}
		switch {
		case j < len(s) && s[j] == ':':
			for j < len(s) && s[j] == ':' {
				j++
			}
		case j < len(s) && s[j] == '.' && !ellipsisAfter(s, j+1):
			j++
		default:
			return 0, false
		}
		for j < len(s) && isWS(s[j]) {
			j++
		}
		return j, true
	case kSeqSep:
		j := i
		for j < len(s) {
			r := s[j]
			switch {
			case isWS(r) || r == ',' || r == ';' || r == '/' || r == ':' || r == '&' || r == '-' || r == '–' || r == '—' || r == '~':
				j++
				continue
			case r == '.' && !ellipsisAfter(s, j+1):
				j++
				continue
			}
			if e, ok := match(andWords, s, j); ok {
				j = e
				continue
			}
			break
		}
		return j, j > i
	case kRange:
		j := i
		for j < len(s) && isWS(s[j]) {
			j++
		}
		k0 := j
		for j < len(s) {
			r := s[j]
			if r == '-' || r == '–' || r == '—' {
				j++
				continue
			}
			if e, ok := match(rangeWords, s, j); ok {
				j = e
				continue
			}
			break
		}
		if j == k0 {
			return 0, false
		}
		for j < len(s) && isWS(s[j]) {
			j++
		}
		return j, true
	}
	if f := tokFirst[k]; f != "" {
		j := i
		for j < len(s) && isWS(s[j]) {
			j++
		}
		if j >= len(s) || !containsRune(f, foldASCII(s[j])) {
			return 0, false
		}
	}
	return match(tokPats[k], s, i)
}

var rangeWords = alts("through", "thru", "to")

func containsRune(s string, r rune) bool {
	for _, c := range s {
		if c == r {
			return true
		}
	}
	return false
}

// ellipsisAfter reports whether s[i:] starts with optional spaces, ".",
// optional spaces and "." (the rest of "...").
func ellipsisAfter(s []rune, i int) bool {
	_, ok := match(ellipsisRest, s, i)
	return ok
}

var ellipsisRest = seq(anySpace, dot, anySpace, dot)
