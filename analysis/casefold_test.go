package analysis

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/cases"
)

// TestCaseFold: caseFold folds every code point as golang.org/x/text's
// cases.Fold does (after the Cherokee correction Fold applies to both), and
// strings as the runes' foldings put together.
func TestCaseFold(t *testing.T) {
	ref := cases.Fold()
	bad := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue // surrogates are not runes of valid UTF-8
		}
		s := string(r)
		want := strings.Map(cherokee, ref.String(s))
		if got := strings.Map(cherokee, caseFold(s)); got != want {
			if bad++; bad <= 10 {
				t.Errorf("caseFold(%U %q) = %+q, cases.Fold gives %+q", r, s, got, want)
			}
		}
	}
	if bad > 10 {
		t.Errorf("%d code points in all fold otherwise", bad)
	}
	// Strings mixing the runes that fold specially.
	pool := []rune("AZaz09ßẞıİiIςΣσſKÅﬀﬁΐᾈͅǅǄǆΆάᏸᎠꭰŉǰ ,'’")
	for r := rune(0xC0); r < 0x600; r += 7 {
		pool = append(pool, r)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := 1 + rng.IntN(10); n > 0; n-- {
			b.WriteRune(pool[rng.IntN(len(pool))])
		}
		s := b.String()
		if got, want := strings.Map(cherokee, caseFold(s)), strings.Map(cherokee, ref.String(s)); got != want {
			t.Fatalf("caseFold(%+q) = %+q, cases.Fold gives %+q", s, got, want)
		}
	}
}

// TestFullFoldsSorted: caseFold's binary search needs fullFolds in order.
func TestFullFoldsSorted(t *testing.T) {
	for i := 1; i < len(fullFolds); i++ {
		if fullFolds[i-1].r >= fullFolds[i].r {
			t.Fatalf("fullFolds[%d] %U is not after %U", i, fullFolds[i].r, fullFolds[i-1].r)
		}
	}
}
