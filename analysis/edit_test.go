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

// FuzzEditDistance checks the distance's laws on any two strings: zero
// to itself, symmetric, at least the difference of the lengths, at most
// the longer length, and limit+1 exactly when it exceeds limit.
func FuzzEditDistance(f *testing.F) {
	for _, s := range [][2]string{{"pharoah", "pharaoh"}, {"abc", "ca"}, {"", "x"}, {"zacheus", "zacchaeus"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 64 || len(b) > 64 {
			return
		}
		la, lb := len([]rune(a)), len([]rune(b))
		full := EditDistance(a, b, 200)
		if EditDistance(a, a, 0) != 0 {
			t.Fatalf("d(%q, itself) != 0", a)
		}
		if back := EditDistance(b, a, 200); back != full {
			t.Fatalf("d(%q, %q) = %d but d(%q, %q) = %d", a, b, full, b, a, back)
		}
		if full < max(la-lb, lb-la) || full > max(la, lb) {
			t.Fatalf("d(%q, %q) = %d outside [%d, %d]", a, b, full, max(la-lb, lb-la), max(la, lb))
		}
		for limit := 0; limit <= 3; limit++ {
			got := EditDistance(a, b, limit)
			if want := min(full, limit+1); got != want {
				t.Fatalf("d(%q, %q) with limit %d = %d, want %d", a, b, limit, got, want)
			}
		}
	})
}
