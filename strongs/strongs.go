package strongs

import (
	"strconv"
	"strings"
	"sync/atomic"
)

// canonChunks hold the canonical strings "G0".."G9999" and "H0".."H9999"
// in chunks of chunkSize, each built once on first use, so that rendering
// does not allocate one string per Strong's-tagged word, and a process that
// renders a few verses does not build all 20,000 strings (1 ms of a 10 ms
// start). A verse's numbers are scattered, so a chunk rarely serves two of
// them: chunks of 10 make a read of three verses build some 250 strings
// rather than 2,500. The table holds pointers (16 KB): a process touches
// only the pages of the chunks it uses.
var canonChunks [2][10000 / chunkSize]atomic.Pointer[canonChunk]

const chunkSize = 10

type canonChunk struct{ names [chunkSize]string }

// canonName returns prefix p's ("G", "H") canonical string for num < 10000.
func canonName(p, num int) string {
	slot := &canonChunks[p][num/chunkSize]
	c := slot.Load()
	if c == nil {
		c = newCanonChunk(p, num/chunkSize*chunkSize)
		if !slot.CompareAndSwap(nil, c) {
			c = slot.Load() // another goroutine built the same strings
		}
	}
	return c.names[num%chunkSize]
}

// newCanonChunk builds the names base..base+chunkSize-1 of prefix p in one
// buffer and one string (strconv.Itoa would allocate a string per number).
func newCanonChunk(p, base int) *canonChunk {
	c := &canonChunk{}
	prefix := "GH"[p]
	b := make([]byte, 0, chunkSize*6)
	var offs [chunkSize + 1]int
	for i := 0; i < chunkSize; i++ {
		offs[i] = len(b)
		b = append(b, prefix)
		b = strconv.AppendInt(b, int64(base+i), 10)
	}
	offs[chunkSize] = len(b)
	all := string(b)
	for i := 0; i < chunkSize; i++ {
		c.names[i] = all[offs[i]:offs[i+1]]
	}
	return c
}

// Norm turns one Strong's reference as written in a module into the
// canonical form used everywhere in berean: the testament letter "G" (Greek)
// or "H" (Hebrew), the number in decimal without leading zeros, and an
// optional lower-case letter suffix for augmented numbers:
//
//	strong:G0846 -> G846     strong:H0430 -> H430     x-Strongs:h1254a -> H1254a
//	G01793       -> G1793    WH6293       -> H6293 (GBF token)
//
// A class prefix ("strong:", "x-Strongs:", "Strong:", "Strongs:") is dropped;
// a lemma of another class ("lemma.TR:λόγος") is not a Strong's number and
// gives ok=false. A bare number ("0846") takes defaultPrefix ("G" or "H");
// with an empty defaultPrefix it gives the number alone ("846").
// Lexicon keys are the 5-digit zero-padded numbers: see LexKey.
func Norm(s, defaultPrefix string) (string, bool) {
	s = strings.TrimSpace(s)
	if i := strings.LastIndexByte(s, ':'); i >= 0 {
		switch strings.ToLower(s[:i]) {
		case "strong", "strongs", "x-strongs", "x-strong":
		default:
			return "", false
		}
		s = s[i+1:]
	}
	if s == "" {
		return "", false
	}
	prefix := defaultPrefix
	switch s[0] {
	case 'G', 'g':
		prefix, s = "G", s[1:]
	case 'H', 'h':
		prefix, s = "H", s[1:]
	}
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n == 0 || n > 6 {
		return "", false
	}
	rest := s[n:]
	if len(rest) > 1 || (len(rest) == 1 && !isASCIILetter(rest[0])) {
		return "", false
	}
	num, err := strconv.Atoi(s[:n])
	if err != nil {
		return "", false
	}
	if rest == "" && num < 10000 && (prefix == "G" || prefix == "H") {
		p := 0
		if prefix == "H" {
			p = 1
		}
		return canonName(p, num), true
	}
	return prefix + strconv.Itoa(num) + strings.ToLower(rest), true
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// LexKey turns a canonical (or raw) Strong's reference into the key of the
// SWORD Strong's lexicons: the number zero-padded to 5 digits, no letter
// ("G1793" -> "01793", "H430" -> "00430"). It also reports the testament
// letter ("G"/"H", or "" for a bare number).
func LexKey(s string) (key, prefix string, ok bool) {
	c, ok := Norm(s, "")
	if !ok {
		return "", "", false
	}
	if c[0] == 'G' || c[0] == 'H' {
		prefix, c = c[:1], c[1:]
	}
	c = strings.TrimRightFunc(c, func(r rune) bool { return r >= 'a' && r <= 'z' })
	for len(c) < 5 {
		c = "0" + c
	}
	return c, prefix, true
}
