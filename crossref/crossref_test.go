package crossref

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"testing"

	"berean/canon"
)

func TestSum(t *testing.T) {
	h := sha256.Sum256(Data())
	if got := hex.EncodeToString(h[:]); got != Sum {
		t.Fatalf("Sum is %s, the embedded file hashes to %s: update Sum", Sum, got)
	}
}

func TestPairs(t *testing.T) {
	pairs, skipped, err := Pairs()
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) < 340000 || skipped > 2000 {
		t.Fatalf("%d pairs, %d skipped: want about 344,000 pairs", len(pairs), skipped)
	}
	kjv := canon.KJV()
	isa, _ := kjv.Ordinal("Isa", 53, 5)
	pet, _ := kjv.Ordinal("1Pet", 2, 24)
	found := false
	for _, p := range pairs {
		if p.Votes < 0 {
			t.Fatalf("negative votes kept: %+v", p)
		}
		if int(p.From) == isa && int(p.ToLo) == pet && p.ToHi == p.ToLo+1 && p.Votes > 50 {
			found = true
		}
	}
	if !found {
		t.Error("Isa.53.5 -> 1Pet.2.24-1Pet.2.25 missing")
	}
}

func gz(s string) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		name    string
		in      string
		pairs   int
		skipped int
		bad     bool
	}{
		{"header and pairs", "From Verse\tTo Verse\tVotes\t#x\nGen.1.1\tJohn.1.1\t5\nGen.1.1\tHeb.11.3-Heb.11.4\t0\n", 2, 0, false},
		{"negative votes out", "Gen.1.1\tJohn.1.1\t-3\n", 0, 1, false},
		{"unknown book skipped", "Xyz.1.1\tJohn.1.1\t3\nGen.99.1\tJohn.1.1\t3\n", 0, 2, false},
		{"reversed range skipped", "Gen.1.1\tJohn.1.3-John.1.1\t3\n", 0, 1, false},
		{"missing field", "Gen.1.1\tJohn.1.1\n", 0, 0, true},
		{"bad votes", "Gen.1.1\tJohn.1.1\tmany\n", 0, 0, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, s, err := Parse(bytes.NewReader(gz(tc.in)))
			if (err != nil) != tc.bad {
				t.Fatalf("err %v, want error %v", err, tc.bad)
			}
			if !tc.bad && (len(p) != tc.pairs || s != tc.skipped) {
				t.Fatalf("%d pairs %d skipped, want %d %d", len(p), s, tc.pairs, tc.skipped)
			}
		})
	}
	if _, _, err := Parse(bytes.NewReader([]byte("not gzip"))); err == nil {
		t.Error("plain text accepted as gzip")
	}
}

func BenchmarkPairs(b *testing.B) {
	for b.Loop() {
		if _, _, err := Pairs(); err != nil {
			b.Fatal(err)
		}
	}
}
