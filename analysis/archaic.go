package analysis

import "strings"

// Modernize maps an archaic KJV word form to its modern form: hath has,
// saith says, thee you, liveth lives, knowest know. The word must be
// folded (Fold); other words come back unchanged.
func Modernize(w string) string {
	if m, ok := irregular()[w]; ok {
		return m
	}
	n := len(w)
	if n < 5 || !isLowerASCII(w) {
		return w
	}
	switch {
	case strings.HasSuffix(w, "eth"):
		if notArchaic()[w] {
			return w
		}
		return thirdPerson(modernBase(restoreBase(w[:n-3])))
	case strings.HasSuffix(w, "edst"), strings.HasSuffix(w, "idst"):
		// lovedst loved, saidst said (midst, amidst are in the tables)
		if notArchaic()[w] {
			return w
		}
		return modernBase(w[:n-2])
	case strings.HasSuffix(w, "est"):
		if notArchaic()[w] {
			return w
		}
		return modernBase(restoreBase(w[:n-3]))
	}
	return w
}

// modernBase modernises a base form found by stripping an ending (spake
// spoke, shew show).
func modernBase(b string) string {
	if m, ok := irregularBase()[b]; ok {
		return m
	}
	if m, ok := irregular()[b]; ok {
		return m
	}
	return b
}

func isLowerASCII(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// vowelAt reports whether b[i] is a vowel letter sounding as a vowel: y is
// a vowel after a consonant; u after q or g before a vowel is a consonant
// (require, guide).
func vowelAt(b string, i int) bool {
	c := b[i]
	switch {
	case c == 'y':
		return i > 0 && !isVowel(b[i-1])
	case c == 'u' && i > 0 && (b[i-1] == 'q' || b[i-1] == 'g') && i+1 < len(b) && isVowel(b[i+1]):
		return false
	}
	return isVowel(c)
}

// syllables counts the vowel groups of b.
func syllables(b string) int {
	n, in := 0, false
	for i := 0; i < len(b); i++ {
		v := vowelAt(b, i)
		if v && !in {
			n++
		}
		in = v
	}
	return n
}

// endsCVC reports whether b ends consonant, single vowel, consonant (not w,
// x or y): the shape of "liv", "mak", "hat" whose silent e was dropped.
func endsCVC(b string) bool {
	n := len(b)
	if n < 2 {
		return false
	}
	last := b[n-1]
	if vowelAt(b, n-1) || last == 'w' || last == 'x' || last == 'y' {
		return false
	}
	if !vowelAt(b, n-2) {
		return false
	}
	return n == 2 || !vowelAt(b, n-3)
}

// restoreBase rebuilds a verb's base form from what is left when -eth or
// -est is stripped: "liv" live, "sitt" sit, "cri" cry, "di" die, "se" see,
// "walk" walk. The rules, in order:
//
//   - the table eBase decides first (bases the rules get wrong);
//   - -i: "di" die (short), "cri" cry;
//   - a doubled b d g m n p r t after at least three letters is undoubled and
//     takes no e: "sitt" sit, "beginn" begin ("add", "err" keep theirs);
//     so is the British -ll of longer words: "travell" travel, "compell"
//     compel, "disannull" disannul (not foretell, farewell, befall);
//   - needsE: a silent e comes back after e (see), v, c, u, z, single s,
//     th, dg/rg/lg, a consonant + l (handle) and after a consonant-vowel-
//     consonant ending in one syllable (make, hate); in longer words it comes
//     back only for endings that in English verbs almost always take one
//     (-ate, -ute, -ide, -ire, -ure, -ine, -ake, -ole, ...), not for -it,
//     -et, -en, -on, -er, -el, -al, -om, -ip, -op (visit, covet, open,
//     reckon, answer, marvel, ransom, worship, develop).
func restoreBase(b string) string {
	if r, ok := eBase()[b]; ok {
		return r
	}
	n := len(b)
	if n == 0 {
		return b
	}
	if b[n-1] == 'i' {
		if n <= 2 {
			return b + "e"
		}
		return b[:n-1] + "y"
	}
	if n >= 4 && b[n-1] == b[n-2] && strings.IndexByte("bdgmnprt", b[n-1]) >= 0 {
		return b[:n-1]
	}
	if n >= 5 && (strings.HasSuffix(b, "ell") || strings.HasSuffix(b, "ull")) && syllables(b) >= 2 &&
		!strings.HasSuffix(b, "tell") && !strings.HasSuffix(b, "well") && !strings.HasSuffix(b, "fell") {
		return b[:n-1] // British doubling: travell travel, compell compel, disannull disannul
	}
	if needsE(b) {
		return b + "e"
	}
	return b
}

func needsE(b string) bool {
	n := len(b)
	if n < 2 {
		return false
	}
	last, prev := b[n-1], b[n-2]
	switch last {
	case 'e', 'v', 'c', 'u':
		return true
	case 'z', 's':
		return prev != last
	case 'h':
		return prev == 't'
	case 'l':
		if !vowelAt(b, n-2) && prev != 'r' && prev != 'w' && prev != 'l' {
			return true // handle, trouble, kindle
		}
	case 'g':
		if prev == 'd' || prev == 'r' || prev == 'l' {
			return true // judge, charge, indulge
		}
		for _, s := range ngE {
			if strings.HasSuffix(b, s) {
				return true
			}
		}
	case 't':
		if n >= 3 && prev == 'a' && (b[n-3] == 'i' || b[n-3] == 'u') {
			return true // mediate, evaluate
		}
	}
	if !endsCVC(b) {
		return false
	}
	if syllables(b) <= 1 {
		return true
	}
	tail := b[n-2:]
	if tail == "om" {
		return strings.HasSuffix(b, "com") // become, overcome, welcome
	}
	for _, t := range noETails {
		if tail == t {
			return false
		}
	}
	return true
}

// ngE: -ng bases that take an e (change, arrange, avenge, challenge, plunge).
var ngE = []string{"chang", "rang", "veng", "leng", "plung", "lung", "fring", "cring"}

// noETails: two-letter endings of longer CVC bases that take no e.
var noETails = []string{"it", "et", "en", "on", "er", "el", "al", "ip", "op"}

// thirdPerson spells the third person singular of a base form: walk walks,
// go goes, teach teaches, cry cries, pray prays.
func thirdPerson(b string) string {
	n := len(b)
	if n == 0 {
		return b
	}
	switch last := b[n-1]; {
	case last == 'y' && n >= 2 && !isVowel(b[n-2]):
		return b[:n-1] + "ies"
	case last == 's' || last == 'x' || last == 'z' || last == 'o',
		strings.HasSuffix(b, "ch"), strings.HasSuffix(b, "sh"):
		return b + "es"
	}
	return b + "s"
}
