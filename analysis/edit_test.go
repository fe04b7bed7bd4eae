package analysis

import "testing"

func TestEditDistance(t *testing.T) {
	for _, c := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"WORRY", "WORRY", 1, 0},
		{"INTERCESION", "INTERCESSION", 2, 1},
		{"WORRY", "WORMWOOD", 1, 2},
		{"KITTEN", "SITTING", 3, 3},
		{"", "AB", 5, 2},
		// A swap of neighbouring letters is one edit.
		{"pharoah", "pharaoh", 2, 1},
		{"isreal", "israel", 1, 1},
		{"ab", "ba", 1, 1},
		{"abc", "ca", 3, 3},
		{"zacheus", "zacchaeus", 2, 2},
	} {
		if got := EditDistance(c.a, c.b, c.limit); got != c.want {
			t.Errorf("EditDistance(%q, %q, %d) = %d, want %d", c.a, c.b, c.limit, got, c.want)
		}
	}
}
