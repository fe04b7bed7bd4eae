package analysis

import (
	"unicode"
	"unicode/utf8"
)

// Token is one word of a text.
type Token struct {
	Term       string // the word's term (folded form; stemmed unless Exact)
	Pos        int    // word position in the text, 0-based
	Start, End int    // byte offsets of the word in the text
}

// Split returns the words of text with their folded forms as Term.
func Split(text string) []Token { return AppendSplit(nil, text) }

// AppendSplit appends the words of text to dst, each with its folded form
// (Fold) as Term, positions counting on from 0, and returns the extended
// slice. The terms share memory with text when the word is already folded
// (lower-case ASCII).
func AppendSplit(dst []Token, text string) []Token {
	pos := 0
	i := 0
	n := len(text)
	for i < n {
		// Skip to the start of a word.
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isWordStart(r) {
			i += size
			continue
		}
		start := i
		i += size
		end := i
		for i < n {
			r, size = rune(text[i]), 1
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if isWordStart(r) || isInner(r) {
				i += size
				end = i
				continue
			}
			if isApostrophe(r) && i+size < n {
				// An apostrophe between two letters stays in the word.
				r2, size2 := utf8.DecodeRuneInString(text[i+size:])
				if unicode.IsLetter(r2) {
					i += size + size2
					end = i
					continue
				}
			}
			break
		}
		dst = append(dst, Token{Term: Fold(text[start:end]), Pos: pos, Start: start, End: end})
		pos++
	}
	return dst
}

// isWordStart reports whether r starts (and continues) a word.
func isWordStart(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// isInner reports whether r continues a word it cannot start: combining
// marks and the invisible joiners and soft hyphen.
func isInner(r rune) bool {
	if r < 0x300 {
		return r == 0xAD // soft hyphen
	}
	return unicode.Is(unicode.M, r) || isIgnorable(r)
}

// isIgnorable: format characters inside a word that Fold removes.
func isIgnorable(r rune) bool {
	switch r {
	case 0xAD, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x034F:
		return true
	}
	return false
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2019' || r == '\u02BC'
}
