package analysis

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold folds the case and removes the diacritics of one word: NFD, drop
// nonspacing marks (Greek accents, Hebrew points and cantillation), full
// case folding (σ and ς meet, ß is ss), NFC. Typographic apostrophes become
// "'". Fold does not split: give it one word.
func Fold(word string) string {
	ascii, lower := true, true
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if ascii {
		if lower {
			return word
		}
		b := make([]byte, len(word))
		for i := 0; i < len(word); i++ {
			c := word[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[i] = c
		}
		return string(b)
	}
	s := strings.Map(stripMark, norm.NFD.String(word))
	// Only non-ASCII words get here. Folding can bring marks back (İ folds
	// to i + U+0307), hence the second strip.
	s = strings.Map(cherokee, caseFold(s))
	s = strings.Map(stripMark, norm.NFD.String(s))
	return norm.NFC.String(s)
}

// cherokee maps Cherokee letters to the form Unicode's case folding gives
// them (the capitals, U+13A0-U+13F5): the lower case of the upper case is
// the small letter, and x/text's Fold, used before caseFold, swapped
// Cherokee case, so that folding twice gave back the word (found by
// FuzzTokens).
func cherokee(r rune) rune {
	switch {
	case r >= 0xAB70 && r <= 0xABBF:
		return r - 0xAB70 + 0x13A0
	case r >= 0x13F8 && r <= 0x13FD:
		return r - 0x13F8 + 0x13F0
	}
	return r
}

// stripMark maps typographic apostrophes to "'" and drops nonspacing marks
// and ignorable format characters.
func stripMark(r rune) rune {
	switch {
	case r == '\u2019' || r == '\u02BC':
		return '\''
	case r < 0x300 && r != 0xAD:
		return r
	case unicode.Is(unicode.Mn, r) || isIgnorable(r):
		return -1
	}
	return r
}
