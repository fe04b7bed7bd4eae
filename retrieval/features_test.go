package retrieval

import (
	"strconv"
	"strings"
	"testing"
)

func TestParseWeights(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     map[Feature]float64 // the non-zero weights
		err      string              // a part of the error, "" for none
	}{
		{"two features", "exact\t1\nstem 0.85\n", map[Feature]float64{FExact: 1, FStem: 0.85}, ""},
		{"comments and blank lines", "# fitted\n\nexact\t2\n", map[Feature]float64{FExact: 2}, ""},
		{"every name", "topicpop 0.5\ndefinition 0.25\n", map[Feature]float64{FTopicPop: 0.5, FDef: 0.25}, ""},
		{"unknown feature", "exact 1\nnonsense 2\n", nil, `line 2: unknown feature "nonsense"`},
		{"missing value", "exact\n", nil, "line 1: want name and value"},
		{"bad number", "exact one\n", nil, "line 1:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w, err := ParseWeights(tc.in)
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want one with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for f := range NumFeatures {
				if w[f] != tc.want[f] {
					t.Errorf("%s = %v, want %v", f, w[f], tc.want[f])
				}
			}
		})
	}
}

// TestFormatRoundTrip: what Format writes, ParseWeights reads back.
func TestFormatRoundTrip(t *testing.T) {
	var w Weights
	for f := range NumFeatures {
		w[f] = float64(f) / 8
	}
	s := w.Format("a comment\nover two lines")
	if !strings.HasPrefix(s, "# a comment\n# over two lines\n") {
		t.Errorf("Format starts %q", s[:min(len(s), 40)])
	}
	got, err := ParseWeights(s)
	if err != nil {
		t.Fatal(err)
	}
	if got != w {
		t.Errorf("round trip: %v, want %v", got, w)
	}
}

func TestFeatureNames(t *testing.T) {
	seen := map[string]bool{}
	for f := range NumFeatures {
		name := f.String()
		if name == "" || seen[name] {
			t.Errorf("feature %d: name %q empty or repeated", int(f), name)
		}
		seen[name] = true
		if g, ok := FeatureByName(name); !ok || g != f {
			t.Errorf("FeatureByName(%q) = %v, %v; want %v", name, g, ok, f)
		}
	}
	if _, ok := FeatureByName("nonsense"); ok {
		t.Error("FeatureByName(nonsense) found a feature")
	}
	if got, want := NumFeatures.String(), "feature"+strconv.Itoa(int(NumFeatures)); got != want {
		t.Errorf("an out-of-range feature is %q", got)
	}
}

func TestDot(t *testing.T) {
	var w Weights
	var v Vector
	w[FExact], v[FExact] = 2, 3
	w[FTopic], v[FTopic] = 0.5, 4
	v[FStem] = 10 // weighs 0
	if got := w.Dot(&v); got != 8 {
		t.Errorf("Dot = %v, want 8", got)
	}
}
