package crossref

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"

	"berean/canon"
)

//go:embed data/cross_references.txt.gz
var data []byte

// Sum is the SHA-256 (hex) of the embedded data file; TestSum keeps it
// true.
const Sum = "4d7230cacbf4540f139da6e53ee17dcae324900fd4527cc56182a58a764b7172"

// Attribution credits the data as its licence asks.
const Attribution = "Cross references from OpenBible.info (https://www.openbible.info/labs/cross-references/), " +
	"CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."

// Pair is one cross-reference: the verse From points at the verses
// ToLo..ToHi (KJV ordinals, canon.KJV().Ordinal), with the votes of
// OpenBible.info's users.
type Pair struct {
	From, ToLo, ToHi int32
	Votes            int32
}

// Data returns the embedded file, gzipped.
func Data() []byte { return data }

// Pairs parses the embedded data: the pairs with votes >= 0, in file order,
// and the number of lines skipped (negative votes, verses outside the KJV
// versification).
func Pairs() ([]Pair, int, error) {
	return Parse(bytes.NewReader(data))
}

// Parse reads a gzipped file in the format of cross_references.txt.
func Parse(r io.Reader) ([]Pair, int, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, 0, fmt.Errorf("crossref: %w", err)
	}
	defer zr.Close()
	p := parser{kjv: canon.KJV(), books: map[string]string{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	out := make([]Pair, 0, 345000)
	skipped := 0
	line := 0
	for sc.Scan() {
		line++
		s := sc.Bytes()
		if line == 1 && bytes.HasPrefix(s, []byte("From Verse")) || len(s) == 0 {
			continue
		}
		from, rest, ok1 := bytes.Cut(s, tab)
		to, votes, ok2 := bytes.Cut(rest, tab)
		if !ok1 || !ok2 {
			return nil, 0, fmt.Errorf("crossref: line %d: %q is not FROM<TAB>TO<TAB>VOTES", line, s)
		}
		v, err := strconv.Atoi(string(bytes.TrimSpace(votes)))
		if err != nil {
			return nil, 0, fmt.Errorf("crossref: line %d: votes %q: %w", line, votes, err)
		}
		if v < 0 {
			skipped++
			continue
		}
		f, ok := p.ordinal(from)
		lo, hi := to, to
		if a, b, isRange := bytes.Cut(to, []byte("-")); isRange {
			lo, hi = a, b
		}
		tl, ok2b := p.ordinal(lo)
		th, ok3 := p.ordinal(hi)
		if !ok || !ok2b || !ok3 || th < tl {
			skipped++
			continue
		}
		out = append(out, Pair{From: int32(f), ToLo: int32(tl), ToHi: int32(th), Votes: int32(min(v, 1<<16-1))})
	}
	if err := sc.Err(); err != nil {
		return nil, 0, fmt.Errorf("crossref: line %d: %w", line, err)
	}
	return out, skipped, nil
}

var tab = []byte{'\t'}

// parser turns "Book.C.V" into KJV ordinals, without allocating for the
// book names it has seen.
type parser struct {
	kjv   *canon.System
	books map[string]string
}

func (p *parser) ordinal(s []byte) (int, bool) {
	book, cv, ok := bytes.Cut(s, []byte("."))
	if !ok {
		return 0, false
	}
	c, v, ok := bytes.Cut(cv, []byte("."))
	if !ok {
		return 0, false
	}
	name, seen := p.books[string(book)]
	if !seen {
		name = string(book)
		p.books[name] = name
	}
	ch, ok1 := atoi(c)
	vs, ok2 := atoi(v)
	if !ok1 || !ok2 {
		return 0, false
	}
	return p.kjv.Ordinal(name, ch, vs)
}

// atoi reads a small decimal number.
func atoi(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 4 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
