package canon

import (
	"fmt"
	"testing"
)

func refs(rs []VRef) string {
	s := ""
	for i, r := range rs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%s.%d.%d", r.Book, r.Chapter, r.Verse)
	}
	return s
}

func TestMap(t *testing.T) {
	cases := []struct {
		from, to string
		osis     string
		ch, v    int
		want     string
	}{
		// Identity where no rule applies and the verse exists.
		{"KJV", "NRSVA", "John", 3, 16, "John.3.16"},
		{"KJV", "KJVA", "Heb", 7, 25, "Heb.7.25"},
		{"KJV", "KJV", "Gen", 1, 1, "Gen.1.1"},
		{"KJVA", "NRSVA", "Tob", 1, 1, "Tob.1.1"},
		{"NRSVA", "KJV", "Tob", 1, 1, ""},   // KJV has no Tobit
		{"KJV", "NRSVA", "John", 3, 37, ""}, // no such verse in the source
		{"KJV", "NRSVA", "Nope", 1, 1, ""},

		// 3 John: KJV 1:14 is NRSV 1:14-15 (berean rule, as libsword's Synodal table).
		{"KJV", "NRSVA", "3John", 1, 14, "3John.1.14 3John.1.15"},
		{"KJV", "NRSV", "3John", 1, 14, "3John.1.14 3John.1.15"},
		{"NRSVA", "KJV", "3John", 1, 15, "3John.1.14"},
		{"NRSVA", "KJV", "3John", 1, 14, "3John.1.14"},
		{"KJV", "NRSVA", "3John", 1, 13, "3John.1.13"},
		{"KJV", "Synodal", "3John", 1, 14, "3John.1.14 3John.1.15"},

		// Revelation 12:18 (libsword's NRSV table: NRSV 12:18 = the start of KJV 13:1).
		{"KJV", "NRSVA", "Rev", 12, 17, "Rev.12.17"},
		{"KJV", "NRSVA", "Rev", 13, 1, "Rev.12.18 Rev.13.1"},
		{"KJV", "NRSVA", "Rev", 13, 2, "Rev.13.2"},
		{"NRSVA", "KJV", "Rev", 12, 18, "Rev.13.1"},
		{"NRSVA", "KJV", "Rev", 12, 17, "Rev.12.17"},
		{"NRSVA", "KJV", "Rev", 13, 1, "Rev.13.1"},
		{"NRSV", "NRSVA", "Rev", 12, 18, "Rev.12.18"}, // through KJVA and back

		// Malachi 4 (KJV) = 3:19-24 (Hebrew chapters).
		{"KJV", "MT", "Mal", 4, 1, "Mal.3.19"},
		{"KJV", "Leningrad", "Mal", 4, 6, "Mal.3.24"},
		{"KJV", "German", "Mal", 4, 5, "Mal.3.23"},
		{"KJV", "Luther", "Mal", 4, 2, "Mal.3.20"},
		{"KJV", "Catholic", "Mal", 4, 1, "Mal.3.19"},
		{"KJV", "MT", "Mal", 3, 18, "Mal.3.18"},
		{"MT", "KJV", "Mal", 3, 24, "Mal.4.6"},
		{"Leningrad", "KJV", "Mal", 3, 19, "Mal.4.1"},
		{"MT", "NRSVA", "Mal", 3, 20, "Mal.4.2"},
		{"MT", "German", "Mal", 3, 20, "Mal.3.20"},
		{"KJV", "Vulg", "Mal", 4, 1, "Mal.4.1"}, // the Vulgate keeps four chapters

		// Joel 2:28-32 = 3:1-5, Joel 3 = 4 (Hebrew).
		{"KJV", "MT", "Joel", 2, 28, "Joel.3.1"},
		{"KJV", "MT", "Joel", 3, 21, "Joel.4.21"},
		{"MT", "KJV", "Joel", 4, 1, "Joel.3.1"},

		// Chapter breaks with a verse moved across them.
		{"KJV", "MT", "Gen", 31, 55, "Gen.32.1"},
		{"KJV", "MT", "Gen", 32, 1, "Gen.32.2"},
		{"MT", "KJV", "Gen", 32, 33, "Gen.32.32"},
		{"KJV", "MT", "1Sam", 20, 42, "1Sam.20.42 1Sam.21.1"},
		{"MT", "KJV", "1Sam", 21, 1, "1Sam.20.42"},
		{"KJV", "MT", "1Sam", 21, 1, "1Sam.21.2"},
		{"KJV", "MT", "Num", 26, 1, "Num.25.19 Num.26.1"},
		{"KJV", "MT", "Num", 26, 2, "Num.26.2"},
		{"KJV", "MT", "Isa", 64, 1, "Isa.63.19"},
		{"KJV", "MT", "Isa", 64, 2, "Isa.64.1"},
		{"MT", "KJV", "Isa", 63, 19, "Isa.63.19 Isa.64.1"},

		// Psalm titles: verse 0 in KJV, verse 1 (or 1-2) in Hebrew numbering.
		{"KJV", "MT", "Ps", 3, 1, "Ps.3.2"},
		{"KJV", "MT", "Ps", 3, 0, "Ps.3.1"},
		{"MT", "KJV", "Ps", 3, 1, "Ps.3.0"},
		{"MT", "KJV", "Ps", 3, 9, "Ps.3.8"},
		{"KJV", "Leningrad", "Ps", 51, 0, "Ps.51.1 Ps.51.2"},
		{"KJV", "Leningrad", "Ps", 51, 1, "Ps.51.3"},
		{"MT", "KJV", "Ps", 51, 2, "Ps.51.0"},
		{"KJV", "MT", "Ps", 23, 1, "Ps.23.1"}, // title inside verse 1 in both
		{"KJV", "MT", "Ps", 13, 6, "Ps.13.6"},
		{"MT", "KJV", "Ps", 13, 6, "Ps.13.5 Ps.13.6"},
		{"KJV", "German", "Ps", 18, 50, "Ps.18.51"},
		{"KJV", "Synodal", "Ps", 3, 1, "Ps.3.2"},
		{"Synodal", "KJV", "Ps", 3, 1, "Ps.3.0"},
		{"KJV", "Synodal", "Ps", 51, 1, "Ps.50.3"},
		{"Synodal", "KJV", "Ps", 9, 22, "Ps.10.1"},
		{"Synodal", "MT", "Ps", 50, 3, "Ps.51.3"},
		{"MT", "Synodal", "Ps", 51, 3, "Ps.50.3"},
		{"SynodalProt", "KJV", "Ps", 9, 22, "Ps.10.1"}, // Synodal's table lent to SynodalProt

		// Inter-book rules: the Greek additions to Daniel.
		{"Synodal", "KJVA", "Dan", 3, 24, "PrAzar.1.1"},
		{"Synodal", "KJVA", "Dan", 3, 90, "PrAzar.1.68"},
		{"Synodal", "KJVA", "Dan", 3, 91, "Dan.3.24"},
		{"KJVA", "Synodal", "PrAzar", 1, 1, "Dan.3.24"},
		{"KJVA", "Synodal", "Sus", 1, 5, "Dan.13.5"},
		{"Synodal", "NRSVA", "Dan", 13, 5, "Sus.1.5"},
		{"KJVA", "Vulg", "AddEsth", 11, 2, "Esth.11.2"},
		{"KJVA", "LXX", "Bar", 6, 3, "EpJer.1.3"},
		{"NRSVA", "KJVA", "PrMan", 1, 7, "PrMan.1.1"},
	}
	for _, tc := range cases {
		from, ok1 := Get(tc.from)
		to, ok2 := Get(tc.to)
		if !ok1 || !ok2 {
			t.Fatalf("unknown system in %+v", tc)
		}
		got := refs(Map(from, to, tc.osis, tc.ch, tc.v))
		if got != tc.want {
			t.Errorf("Map(%s->%s, %s %d:%d) = %q, want %q", tc.from, tc.to, tc.osis, tc.ch, tc.v, got, tc.want)
		}
	}
	if Map(nil, KJV(), "Gen", 1, 1) != nil {
		t.Errorf("Map(nil, ...) != nil")
	}
}

// Every verse of the KJV protocanon maps into NRSVA and back onto itself.
func TestMapRoundTripKJVNRSVA(t *testing.T) {
	k := KJV()
	n, _ := Get("NRSVA")
	for _, b := range k.Books() {
		for c := 1; c <= b.Chapters(); c++ {
			for v := 1; v <= b.Verses[c-1]; v++ {
				found := false
				for _, r := range Map(k, n, b.OSIS, c, v) {
					for _, back := range Map(n, k, r.Book, r.Chapter, r.Verse) {
						if back == (VRef{b.OSIS, c, v}) {
							found = true
						}
					}
				}
				if !found {
					t.Errorf("%s %d:%d does not come back from NRSVA", b.OSIS, c, v)
				}
			}
		}
	}
}

func TestMapSource(t *testing.T) {
	cases := []struct{ sys, osis, want string }{
		{"KJV", "Ps", ""},
		{"NRSV", "Rev", "libsword"},
		{"NRSV", "3John", "berean:nrsv"},
		{"NRSVA", "Rev", "berean:nrsv"},
		{"MT", "Mal", "berean:hebrew"},
		{"German", "Ps", "berean:hebrew"},
		{"SynodalProt", "Ps", "berean:synodal"},
		{"Synodal", "Ps", "libsword"},
		{"NRSVA", "John", ""},
	}
	for _, tc := range cases {
		s, _ := Get(tc.sys)
		if got := s.MapSource(tc.osis); got != tc.want {
			t.Errorf("%s.MapSource(%s) = %q, want %q", tc.sys, tc.osis, got, tc.want)
		}
	}
}

// libsword's forward search relies on each book's rules being in chapter order.
func TestRuleOrder(t *testing.T) {
	for _, s := range Systems() {
		if s.rules == nil {
			continue
		}
		for book, list := range s.rules.own {
			for i := 1; i < len(list); i++ {
				if list[i].Ch < list[i-1].Ch {
					t.Errorf("%s %s: rule %d (%d) after chapter %d", s.Name, book, i, list[i].Ch, list[i-1].Ch)
				}
			}
		}
	}
}
