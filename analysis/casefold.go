package analysis

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// caseFold is Unicode's full case folding (CaseFolding.txt, statuses C and
// F, no Turkic mappings) of s, one rune at a time: folding needs no context.
// A rune folds to one of fullFolds when it has a multi-rune folding (ß to
// "ss"), and otherwise to the lower case of its upper case, which is its
// simple folding for every rune but the dotless ı (left alone; "I" folds to
// "i"). TestCaseFold checks every code point against golang.org/x/text's
// cases.Fold, which this replaces so that the read path links neither it nor
// the language tables its init builds.
func caseFold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf:
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			b.WriteByte(byte(r))
		case r == 'ı':
			b.WriteRune(r)
		default:
			if i, ok := slices.BinarySearchFunc(fullFolds[:], r, func(f fullFold, r rune) int { return int(f.r - r) }); ok {
				b.WriteString(fullFolds[i].to)
			} else {
				b.WriteRune(unicode.ToLower(unicode.ToUpper(r)))
			}
		}
	}
	return b.String()
}

type fullFold struct {
	r  rune
	to string
}

// fullFolds are the runes whose full case folding is several runes (status
// F of Unicode 15.0's CaseFolding.txt), sorted by rune.
var fullFolds = [...]fullFold{
	{0x00DF, "ss"},                 // ß
	{0x0130, "i\u0307"},            // İ
	{0x0149, "\u02bcn"},            // ŉ
	{0x01F0, "j\u030c"},            // ǰ
	{0x0390, "\u03b9\u0308\u0301"}, // ΐ
	{0x03B0, "\u03c5\u0308\u0301"}, // ΰ
	{0x0587, "\u0565\u0582"},       // և
	{0x1E96, "h\u0331"},            // ẖ
	{0x1E97, "t\u0308"},            // ẗ
	{0x1E98, "w\u030a"},            // ẘ
	{0x1E99, "y\u030a"},            // ẙ
	{0x1E9A, "a\u02be"},            // ẚ
	{0x1E9E, "ss"},                 // ẞ
	{0x1F50, "\u03c5\u0313"},       // ὐ
	{0x1F52, "\u03c5\u0313\u0300"}, // ὒ
	{0x1F54, "\u03c5\u0313\u0301"}, // ὔ
	{0x1F56, "\u03c5\u0313\u0342"}, // ὖ
	{0x1F80, "\u1f00\u03b9"},       // ᾀ
	{0x1F81, "\u1f01\u03b9"},       // ᾁ
	{0x1F82, "\u1f02\u03b9"},       // ᾂ
	{0x1F83, "\u1f03\u03b9"},       // ᾃ
	{0x1F84, "\u1f04\u03b9"},       // ᾄ
	{0x1F85, "\u1f05\u03b9"},       // ᾅ
	{0x1F86, "\u1f06\u03b9"},       // ᾆ
	{0x1F87, "\u1f07\u03b9"},       // ᾇ
	{0x1F88, "\u1f00\u03b9"},       // ᾈ
	{0x1F89, "\u1f01\u03b9"},       // ᾉ
	{0x1F8A, "\u1f02\u03b9"},       // ᾊ
	{0x1F8B, "\u1f03\u03b9"},       // ᾋ
	{0x1F8C, "\u1f04\u03b9"},       // ᾌ
	{0x1F8D, "\u1f05\u03b9"},       // ᾍ
	{0x1F8E, "\u1f06\u03b9"},       // ᾎ
	{0x1F8F, "\u1f07\u03b9"},       // ᾏ
	{0x1F90, "\u1f20\u03b9"},       // ᾐ
	{0x1F91, "\u1f21\u03b9"},       // ᾑ
	{0x1F92, "\u1f22\u03b9"},       // ᾒ
	{0x1F93, "\u1f23\u03b9"},       // ᾓ
	{0x1F94, "\u1f24\u03b9"},       // ᾔ
	{0x1F95, "\u1f25\u03b9"},       // ᾕ
	{0x1F96, "\u1f26\u03b9"},       // ᾖ
	{0x1F97, "\u1f27\u03b9"},       // ᾗ
	{0x1F98, "\u1f20\u03b9"},       // ᾘ
	{0x1F99, "\u1f21\u03b9"},       // ᾙ
	{0x1F9A, "\u1f22\u03b9"},       // ᾚ
	{0x1F9B, "\u1f23\u03b9"},       // ᾛ
	{0x1F9C, "\u1f24\u03b9"},       // ᾜ
	{0x1F9D, "\u1f25\u03b9"},       // ᾝ
	{0x1F9E, "\u1f26\u03b9"},       // ᾞ
	{0x1F9F, "\u1f27\u03b9"},       // ᾟ
	{0x1FA0, "\u1f60\u03b9"},       // ᾠ
	{0x1FA1, "\u1f61\u03b9"},       // ᾡ
	{0x1FA2, "\u1f62\u03b9"},       // ᾢ
	{0x1FA3, "\u1f63\u03b9"},       // ᾣ
	{0x1FA4, "\u1f64\u03b9"},       // ᾤ
	{0x1FA5, "\u1f65\u03b9"},       // ᾥ
	{0x1FA6, "\u1f66\u03b9"},       // ᾦ
	{0x1FA7, "\u1f67\u03b9"},       // ᾧ
	{0x1FA8, "\u1f60\u03b9"},       // ᾨ
	{0x1FA9, "\u1f61\u03b9"},       // ᾩ
	{0x1FAA, "\u1f62\u03b9"},       // ᾪ
	{0x1FAB, "\u1f63\u03b9"},       // ᾫ
	{0x1FAC, "\u1f64\u03b9"},       // ᾬ
	{0x1FAD, "\u1f65\u03b9"},       // ᾭ
	{0x1FAE, "\u1f66\u03b9"},       // ᾮ
	{0x1FAF, "\u1f67\u03b9"},       // ᾯ
	{0x1FB2, "\u1f70\u03b9"},       // ᾲ
	{0x1FB3, "\u03b1\u03b9"},       // ᾳ
	{0x1FB4, "\u03ac\u03b9"},       // ᾴ
	{0x1FB6, "\u03b1\u0342"},       // ᾶ
	{0x1FB7, "\u03b1\u0342\u03b9"}, // ᾷ
	{0x1FBC, "\u03b1\u03b9"},       // ᾼ
	{0x1FC2, "\u1f74\u03b9"},       // ῂ
	{0x1FC3, "\u03b7\u03b9"},       // ῃ
	{0x1FC4, "\u03ae\u03b9"},       // ῄ
	{0x1FC6, "\u03b7\u0342"},       // ῆ
	{0x1FC7, "\u03b7\u0342\u03b9"}, // ῇ
	{0x1FCC, "\u03b7\u03b9"},       // ῌ
	{0x1FD2, "\u03b9\u0308\u0300"}, // ῒ
	{0x1FD3, "\u03b9\u0308\u0301"}, // ΐ
	{0x1FD6, "\u03b9\u0342"},       // ῖ
	{0x1FD7, "\u03b9\u0308\u0342"}, // ῗ
	{0x1FE2, "\u03c5\u0308\u0300"}, // ῢ
	{0x1FE3, "\u03c5\u0308\u0301"}, // ΰ
	{0x1FE4, "\u03c1\u0313"},       // ῤ
	{0x1FE6, "\u03c5\u0342"},       // ῦ
	{0x1FE7, "\u03c5\u0308\u0342"}, // ῧ
	{0x1FF2, "\u1f7c\u03b9"},       // ῲ
	{0x1FF3, "\u03c9\u03b9"},       // ῳ
	{0x1FF4, "\u03ce\u03b9"},       // ῴ
	{0x1FF6, "\u03c9\u0342"},       // ῶ
	{0x1FF7, "\u03c9\u0342\u03b9"}, // ῷ
	{0x1FFC, "\u03c9\u03b9"},       // ῼ
	{0xFB00, "ff"},                 // ﬀ
	{0xFB01, "fi"},                 // ﬁ
	{0xFB02, "fl"},                 // ﬂ
	{0xFB03, "ffi"},                // ﬃ
	{0xFB04, "ffl"},                // ﬄ
	{0xFB05, "st"},                 // ﬅ
	{0xFB06, "st"},                 // ﬆ
	{0xFB13, "\u0574\u0576"},       // ﬓ
	{0xFB14, "\u0574\u0565"},       // ﬔ
	{0xFB15, "\u0574\u056b"},       // ﬕ
	{0xFB16, "\u057e\u0576"},       // ﬖ
	{0xFB17, "\u0574\u056d"},       // ﬗ
}
