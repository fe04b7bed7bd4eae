package strongs

import (
	"strconv"
	"testing"
)

func TestNorm(t *testing.T) {
	for _, tc := range []struct {
		in, prefix, want string
		ok               bool
	}{
		{"strong:G0846", "", "G846", true},
		{"strong:H0430", "", "H430", true},
		{"x-Strongs:h1254a", "", "H1254a", true},
		{"G01793", "", "G1793", true},
		{"0846", "G", "G846", true},
		{"0846", "", "846", true},
		{"lemma.TR:λόγος", "", "", false},
		{"strong:", "", "", false},
		{"G12ab", "", "", false},
		{"G", "", "", false},
	} {
		got, ok := Norm(tc.in, tc.prefix)
		if got != tc.want || ok != tc.ok {
			t.Errorf("Norm(%q, %q) = %q, %v; want %q, %v", tc.in, tc.prefix, got, ok, tc.want, tc.ok)
		}
	}
	for in, want := range map[string]string{"G1793": "01793", "H430": "00430", "strong:G0846": "00846", "H1254a": "01254"} {
		if got, _, _ := LexKey(in); got != want {
			t.Errorf("LexKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCanonName: every canonical Strong's string, built chunk by chunk on
// first use, is the prefix and the number in decimal.
func TestCanonName(t *testing.T) {
	for p, prefix := range []string{"G", "H"} {
		for n := 9999; n >= 0; n-- { // downwards: chunks are built from their last number too
			if got, want := canonName(p, n), prefix+strconv.Itoa(n); got != want {
				t.Fatalf("canonName(%d, %d) = %q, want %q", p, n, got, want)
			}
		}
	}
}
