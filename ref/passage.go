package ref

import "unicode"

// Finding passages: a passage starts at a book marker (or at "chapter 3 of"
// just before one) and runs on through the characters and words that can
// belong to a reference: digits, punctuation, markers, "ch", "verse", "ff",
// "and", "title", a verse-part letter. The grammar then parses each passage.

var (
	chSuffixes = []string{"apters", "apter", "apts.", "apts", "apt.", "apt", "pts.", "pts", "pt.", "pt",
		"aps.", "aps", "ap.", "ap", "as.", "as", "a.", "a", "ps.", "ps", "p.", "p", "s.", "s", "."}
	chOrdSuffixes = []string{"apter", "apt.", "apt", "pt.", "pt", "ap.", "ap", "a.", "a", "p.", "p", "."}
	digits        = plus(one(isDigit))
	bookOfTail    = seq(alts("from", "of", "in"), opt(seq(someSpace, lit("the"), someSpace, lit("book"), someSpace, lit("of"))), anySpace)
	chWord        = seq(lit("ch"), opt(alts(chSuffixes...)))
	// "chapters 1-2 of", "chapter 3 of the book of", "3rd chapter of".
	passagePrefix = alt(
		seq(chWord, anySpace, digits, anySpace, alt(dash, alts("through", "thru", "to")), anySpace, digits, anySpace, bookOfTail),
		seq(chWord, anySpace, digits, anySpace, bookOfTail),
		seq(digits, alts("th", "nd", "st"), anySpace, lit("ch"), opt(alts(chOrdSuffixes...)), anySpace, bookOfTail),
	)
	passageWords = []string{"chapters", "chapter", "through", "compare", "chapts", "verses", "chpts", "chapt", "chaps",
		"verse", "chap", "thru", "also", "chp", "chs", "cha", "and", "see", "ver", "vss", "ch", "to", "cf", "vs", "vv", "v"}
)

func passageChar(r rune) bool {
	if isDigit(r) || isSpace(r) || isMarker(r) {
		return true
	}
	switch r {
	case '.', ':', ',', ';', '&', '(', ')', '（', '）', '[', ']', '\\', '/', '"', '\'', '*', '=', '~', '-', '–', '—':
		return true
	}
	return false
}

// passageToken matches one token of a passage body at i.
func passageToken(s []rune, i int) (int, bool) {
	if i >= len(s) {
		return 0, false
	}
	if passageChar(s[i]) {
		return i + 1, true
	}
	if j, ok := match(seq(lit("title"), not(one(isASCIILetter))), s, i); ok {
		return j, true
	}
	if j, ok := match(seq(alts("ff", "f"), notAlnum), s, i); ok {
		return j, true
	}
	if j, ok := match(seq(lit("see"), someSpace, lit("also")), s, i); ok {
		return j, true
	}
	for _, w := range passageWords {
		if j, ok := match(lit(w), s, i); ok {
			return j, true
		}
	}
	if r := foldASCII(s[i]); r >= 'a' && r <= 'e' && (i+1 >= len(s) || !isASCIIWord(s[i+1])) {
		return i + 1, true
	}
	return 0, false
}

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// nextPassage finds the next passage starting at or after from. It
// returns the start of the passage and the end of its raw match.
func nextPassage(s []rune, from int) (start, end int, ok bool) {
	for j := from; j < len(s); j++ {
		if j > 0 {
			if j-1 < from {
				continue
			}
			if r := s[j-1]; isMarker(r) || unicode.IsLetter(r) || unicode.IsNumber(r) {
				continue
			}
		}
		k := j
		if p, ok := match(seq(passagePrefix, ahead(one(isBookMarker))), s, j); ok {
			k = p
		}
		if k >= len(s) || !isBookMarker(s[k]) {
			continue
		}
		e := k + 1
		for {
			n, ok := passageToken(s, e)
			if !ok {
				break
			}
			e = n
		}
		return j, e, true
	}
	return 0, 0, false
}

// trimPassage removes what cannot end a reference from the end of a raw
// passage [start, end) and returns the new end.
func trimPassage(s []rune, start, end int) int {
	part := s[start:end]
	// A space and a number of three or more digits (not a verse) at the end.
	{
		e := len(part)
		for e > 0 && isSpace(part[e-1]) {
			e--
		}
		d := e
		for d > 0 && isDigit(part[d-1]) {
			d--
		}
		if nd := e - d; nd > 0 && d > 0 && isSpace(part[d-1]) && yearLike(part[d:e]) {
			w := d
			for w > 0 && isSpace(part[w-1]) {
				w--
			}
			part = part[:w]
		}
	}
	// Unless it ends with a digit, a marker or ")", cut after the last
	// thing that can end a reference.
	if len(part) > 0 {
		last := part[len(part)-1]
		if !(isDigit(last) || isMarker(last) || last == ')') {
			if cut := lastEnding(part); cut > 0 && cut < len(part) {
				part = part[:cut]
			}
		}
	}
	// A number glued to the following word is not part of the reference:
	// "Matt 1, 2Text".
	next := start + len(part)
	if next < len(s) && isASCIIWord(s[next]) {
		part = trimTrailingDigits(part, false)
	}
	// Digits after a translation are verse numbers of quoted text:
	// "Ps 1:1 ESV 1 Blessed is ...".
	part = trimAfterTranslation(part)
	return start + len(part)
}

// yearLike reports whether a number after a space is taken, in running
// text, for a year or a count rather than a chapter or verse: three
// digits from 200, or four or more ("John 3:16 2020").
func yearLike(digits []rune) bool {
	return (len(digits) == 3 && digits[0] >= '2') || len(digits) >= 4
}

// trimTrailingDigits removes [\s*]+\d+ at the end.
func trimTrailingDigits(part []rune, keep bool) []rune {
	k := len(part)
	for k > 0 && isDigit(part[k-1]) {
		k--
	}
	if k == len(part) {
		return part
	}
	j := k
	for j > 0 && (isSpace(part[j-1]) || part[j-1] == '*') {
		j--
	}
	if j == k {
		return part
	}
	return part[:j]
}

func trimAfterTranslation(part []rune) []rune {
	k := len(part)
	for k > 0 && isDigit(part[k-1]) {
		k--
	}
	if k == len(part) {
		return part
	}
	j := k
	for j > 0 && (isSpace(part[j-1]) || part[j-1] == '*') {
		j--
	}
	if j > 0 && (part[j-1] == ')' || part[j-1] == ']') && j > 1 && isTransMarker(part[j-2]) {
		return part[:j]
	}
	if j > 0 && isTransMarker(part[j-1]) {
		return part[:j]
	}
	return part
}

// lastEnding returns the end of the last place in part where a reference
// may end: a digit with "title", "ff"/"f" or a verse letter after it, a
// translation with its closing bracket, a digit or a book marker.
func lastEnding(part []rune) int {
	last := 0
	for i := 0; i < len(part); {
		if n := endingAt(part, i); n > i {
			last = n
			i = n
			continue
		}
		i++
	}
	return last
}

var (
	notWordChar = func(r rune) bool { return !isASCIIWord(r) }
	endingPats  = []pat{
		seq(one(isDigit), star(one(notWordChar)), lit("title")),
		seq(one(isDigit), star(one(notWordChar)), alt(seq(lit("ff"), notAlnum), seq(lit("f"), notAlnum)), opt(seq(spaceRun, dot))),
		seq(one(isDigit), spaceRun, one(func(r rune) bool { r = foldASCII(r); return r >= 'a' && r <= 'e' }), notWord),
		seq(one(isTransMarker), opt(seq(spaceRun, one(func(r rune) bool { return r == ')' || r == ']' || r == '）' })))),
		one(func(r rune) bool { return isDigit(r) || isBookMarker(r) }),
	}
)

func endingAt(part []rune, i int) int {
	for _, p := range endingPats {
		if j, ok := match(p, part, i); ok {
			return j
		}
	}
	return i
}
