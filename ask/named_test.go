package ask

import (
	"math"
	"testing"

	"berean/internal/versekey"
	"berean/retrieval"
)

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

// TestNamedPassages: the passages a question names, with how much of the
// name it names and how much of the question the name is.
func TestNamedPassages(t *testing.T) {
	a := New(devIndex(t))
	for _, tc := range []struct {
		q           string
		name, first string // the best passage and its first verse ("" for none named whole)
		topicCover  float64
	}{
		{"the Sermon on the Mount", "The Sermon on the Mount", "Matt.5.1", 1},
		{"the sermon on the mount and anger", "The Sermon on the Mount", "Matt.5.1", 2.0 / 3},
		{"Jesus makes intercession for us", "", "", 0},
	} {
		t.Run(tc.q, func(t *testing.T) {
			var got *retrieval.NamedPassage
			for _, np := range a.NamedPassages(tc.q, "") {
				if np.Coverage == 1 {
					got = &np
					break
				}
			}
			if tc.name == "" {
				if got != nil {
					t.Fatalf("names %q whole, want none", got.Name)
				}
				return
			}
			if got == nil || got.Name != tc.name {
				t.Fatalf("got %+v, want %q", got, tc.name)
			}
			lo, _, _ := versekey.Span(tc.first)
			if len(got.Spans) == 0 || got.Spans[0][0] != lo {
				t.Errorf("spans %v, want the first from %s (%d)", got.Spans, tc.first, lo)
			}
			if math.Abs(got.TopicCover-tc.topicCover) > 1e-9 {
				t.Errorf("topic cover %.3f, want %.3f", got.TopicCover, tc.topicCover)
			}
		})
	}
}

// TestNamedNumbers: a name's number matches the question's however either
// writes it, in words or in digits; a different number does not.
func TestNamedNumbers(t *testing.T) {
	tbl := nameTable("name\trefs\n"+
		"Feeding of the 5000\tMatt.14.13-Matt.14.21\n"+
		"Feeding of the Four Thousand\tMatt.15.32-Matt.15.39\n"+
		"The Ten Commandments\tExod.20.1-Exod.20.17\n"+
		"The Seven Seals\tRev.6.1-Rev.8.1\n", namedMinCov)
	for _, tc := range []struct{ q, want string }{
		{"where is the feeding of the five thousand", "Feeding of the 5000"},
		{"feeding of the 4000", "Feeding of the Four Thousand"},
		{"where are the 10 commandments", "The Ten Commandments"},
		{"the ten commandments", "The Ten Commandments"},
		{"the 7 seals", "The Seven Seals"},
		{"the seven seals", "The Seven Seals"},
		{"the twelve commandments", ""},
	} {
		q := parseQuestion(tc.q, nil)
		got := ""
		if ms := matchNamed(tbl, &q, nil, nil); len(ms) > 0 && ms[0].cov == 1 {
			got = ms[0].p.name
		}
		if got != tc.want {
			t.Errorf("%q names %q, want %q", tc.q, got, tc.want)
		}
	}
}
