package ref

import "testing"

func TestHumanOSIS(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Heb.7.25", "Hebrews 7:25"},
		{"Heb.7.23-Heb.7.25", "Hebrews 7:23-25"},
		{"Heb.7.23-Heb.8.2", "Hebrews 7:23-8:2"},
		{"Jude.1.3", "Jude 3"},
		{"Jude.1.3-Jude.1.5", "Jude 3-5"},
		{"3John.1.14", "3 John 14"},
		{"Ps.110.4", "Psalm 110:4"},
		{"Ps.23", "Psalm 23"},
		{"Heb.7.25,Rom.8.34", "Hebrews 7:25; Romans 8:34"},
		{"Bible:Gen.1.1!a", "Genesis 1:1"},
		{"Nope.1.1", "Nope.1.1"},
		{"", ""},
	} {
		if got := HumanOSIS(c.in); got != c.want {
			t.Errorf("HumanOSIS(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestParseOSISErrors(t *testing.T) {
	for _, in := range []string{"", "Gen.x", "Gen.0.1", "Gen.1.1.1", "Frob.1"} {
		if r, err := ParseOSIS(in); err == nil {
			t.Errorf("ParseOSIS(%q) = %v, want an error", in, r)
		}
	}
}

// TestParseOSISPoints pins the shapes of a point: a book, a chapter, a
// verse, and what is not one.
func TestParseOSISPoints(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Ref
		ok   bool
	}{
		{"Gen", Ref{Book: "Gen"}, true},
		{"Ps.23", Ref{Book: "Ps", Chapter: 23}, true},
		{"Heb.7.25", Ref{Book: "Heb", Chapter: 7, Verse: 25}, true},
		{"Gen.1.1!b", Ref{Book: "Gen", Chapter: 1, Verse: 1}, true},
		{"Gen.", Ref{}, false},
		{"Gen.1.", Ref{}, false},
		{".1.1", Ref{}, false},
		{"Gen..1", Ref{}, false},
		{"Gen.1.1.1", Ref{}, false},
		{"Gen.1.-1", Ref{}, false},
	} {
		got, err := parseOSISPoint(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseOSISPoint(%q) = %+v, %v; want %+v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}

// FuzzParseOSIS: no input panics, and what parses writes back as an OSIS
// reference that parses to the same range.
func FuzzParseOSIS(f *testing.F) {
	for _, s := range []string{"Heb.7.25", "Heb.7.23-Heb.7.25", "Ps.23", "Bible:Gen.1.1!a", "Gen.1.1.1", "", "-", "Gen.1.1-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseOSIS(s)
		if err != nil {
			return
		}
		back, err := ParseOSIS(r.OSIS())
		if err != nil {
			t.Fatalf("ParseOSIS(%q) = %+v, whose OSIS %q does not parse: %v", s, r, r.OSIS(), err)
		}
		if back.Start != r.Start || back.End != r.End && !(r.End == r.Start) {
			t.Fatalf("ParseOSIS(%q) = %+v; its OSIS %q parses to %+v", s, r, r.OSIS(), back)
		}
	})
}
