package analysis

import "testing"

func TestRelatedStems(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"convert", "convers", true},    // all but the last letter shared
		{"interced", "intercess", true}, // the shorter's last letter differs
		{"pray", "prayer", true},        // the longer has 2 more
		{"pray", "pray", true},          // the same stem
		{"prayer", "pray", true},        // either order
		{"pray", "praise", false},       // shares only "pra"
		{"lord", "lordship", false},     // the longer has 4 more
		{"sin", "sing", false},          // under 4 letters shared
		{"faith", "fait", true},
		{"faith", "fame", false},
		{"anger", "angel", false},  // a short stem whose last letter differs
		{"heavi", "heaven", false}, // likewise
		{"angel", "angels", true},
	} {
		if got := RelatedStems(tc.a, tc.b); got != tc.want {
			t.Errorf("RelatedStems(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
