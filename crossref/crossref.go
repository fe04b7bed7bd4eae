package crossref

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"

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
	kjv := canon.KJV()
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	out := make([]Pair, 0, 345000)
	skipped := 0
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if line == 1 && strings.HasPrefix(s, "From Verse") || s == "" {
			continue
		}
		from, rest, ok1 := strings.Cut(s, "\t")
		to, votes, ok2 := strings.Cut(rest, "\t")
		if !ok1 || !ok2 {
			return nil, 0, fmt.Errorf("crossref: line %d: %q is not FROM<TAB>TO<TAB>VOTES", line, s)
		}
		v, err := strconv.Atoi(strings.TrimSpace(votes))
		if err != nil {
			return nil, 0, fmt.Errorf("crossref: line %d: votes %q: %w", line, votes, err)
		}
		if v < 0 {
			skipped++
			continue
		}
		f, ok := ordinal(kjv, from)
		lo, hi := to, to
		if a, b, isRange := strings.Cut(to, "-"); isRange {
			lo, hi = a, b
		}
		tl, ok2b := ordinal(kjv, lo)
		th, ok3 := ordinal(kjv, hi)
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

// ordinal is the KJV ordinal of "Book.C.V".
func ordinal(kjv *canon.System, s string) (int, bool) {
	book, cv, ok := strings.Cut(s, ".")
	if !ok {
		return 0, false
	}
	c, v, ok := strings.Cut(cv, ".")
	if !ok {
		return 0, false
	}
	ch, err1 := strconv.Atoi(c)
	vs, err2 := strconv.Atoi(v)
	if err1 != nil || err2 != nil {
		return 0, false
	}
	return kjv.Ordinal(book, ch, vs)
}
