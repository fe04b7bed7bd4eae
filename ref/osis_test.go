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
