package analysis

import (
	"fmt"
	"strings"
	"testing"
)

func TestNumbers(t *testing.T) {
	tests := []struct {
		in   string
		want string // "start-end=value" per number
	}{
		{"feeding of the five thousand", "3-5=5000"},
		{"feeding of the 5000", "3-4=5000"},
		{"the ten commandments", "1-2=10"},
		{"gideon s three hundred", "2-4=300"},
		{"forty two months", "0-2=42"},
		{"fourscore and seven years", "0-3=87"},
		{"five thousand five hundred", "0-4=5500"},
		{"a hundred sheep", ""},  // a scale alone is not a number
		{"hundred", ""},          // a scale alone is not a number
		{"love one another", ""}, // a lone "one" is a pronoun
		{"one hundred and twenty", "0-4=120"},
		{"the first day", ""},
		{"seven and seventy", "0-3=77"},
		{"two three", "0-1=2 1-2=3"},
		{"ten and", "0-1=10"},
		{"two thousand thousand thousand thousand thousand", "0-6=1000000000"},
		{"two and twenty", "0-3=22"},
		{"99999999999", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, n := range Numbers(strings.Fields(tt.in)) {
			got = append(got, fmt.Sprintf("%d-%d=%s", n.Start, n.End, n.Digits()))
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("Numbers(%q) = %q, want %q", tt.in, g, tt.want)
		}
	}
}

// FuzzNumbers checks that the numbers found are in order, do not overlap,
// cover words of the input and stay within maxNumber.
func FuzzNumbers(f *testing.F) {
	for _, s := range []string{"feeding of the five thousand", "fourscore and seven", "hundred hundred hundred hundred hundred hundred", "12 and twenty"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ws := strings.Fields(s)
		last := 0
		for _, n := range Numbers(ws) {
			if n.Start < last || n.End <= n.Start || n.End > len(ws) || n.Value < 0 || n.Value > maxNumber {
				t.Fatalf("Numbers(%q): bad %+v after %d", s, n, last)
			}
			last = n.End
		}
	})
}
