package ask

import "testing"

// TestWordMatches: a name word is matched by its stem, its family, or a
// misspelling of it; a word the Bibles have is never taken for a
// misspelling of another ("heaven" does not name the Parable of the
// Leaven).
func TestWordMatches(t *testing.T) {
	for _, tc := range []struct {
		q, n  string
		known bool
		want  bool
	}{
		{"leaven", "leaven", true, true},
		{"heaven", "leaven", true, false},
		{"heaven", "leaven", false, true},
		{"prodical", "prodigal", false, true},
		{"samaritan", "samaritan", true, true},
		{"lame", "lamb", false, false}, // a name word under 5 letters takes no misspelling
	} {
		if got := wordMatches(tc.q, tc.q, tc.n, tc.n, tc.known); got != tc.want {
			t.Errorf("wordMatches(%q, %q, known %v) = %v, want %v", tc.q, tc.n, tc.known, got, tc.want)
		}
	}
}
