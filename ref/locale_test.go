package ref

import (
	"testing"

	"berean/locale"
)

// esLocale is a small Spanish locale in the shape package locale reads.
func esLocale() *locale.Locale {
	return &locale.Locale{
		Name: "es",
		Names: map[string]string{
			"Gen": "Génesis", "Ps": "Salmos", "John": "Juan", "1Cor": "1 Corintios",
			"Acts": "Hechos", "Mic": "Miqueas", "Matt": "Mateo", "1John": "1 Juan",
		},
		Abbrevs: map[string]string{
			"SAN JUAN": "John", "JN": "John", "1 CORINTIOS": "1Cor", "1CO": "1Cor",
			"MI": "Mic", "LOS SALMOS": "Ps", "SAL": "Ps", "HECH": "Acts",
		},
		Preferred: map[string]string{"Gen": "Gén", "Ps": "Sal", "Acts": "Hech"},
	}
}

func TestLocaleParse(t *testing.T) {
	p := NewParser(Options{Locale: esLocale()})
	tests := []struct{ in, want string }{
		{"Juan 3:16", "John.3.16"},
		{"juan 3:16", "John.3.16"},
		{"1 Corintios 13:4", "1Cor.13.4"},
		{"1 corintios 13:4", "1Cor.13.4"},
		{"I Corintios 13:4", "1Cor.13.4"},
		{"1Co 13:4", "1Cor.13.4"},
		{"Génesis 1:1", "Gen.1.1"},
		{"Genesis 1:1", "Gen.1.1"},
		{"Salmos 23", "Ps.23"},
		{"Sal 23:1", "Ps.23.1"},
		{"Los Salmos 23", "Ps.23"},
		{"Hechos 2:38", "Acts.2.38"},
		{"San Juan 3:16", "John.3.16"},
		{"1 Juan 4:8", "1John.4.8"},
		{"Mateo 5:3; Juan 1:1", "Matt.5.3,John.1.1"},
		{"John 3:16", "John.3.16"}, // the English names still read
	}
	for _, tt := range tests {
		rs, err := p.Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := OSIS(rs); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestLocaleScan(t *testing.T) {
	p := NewParser(Options{Locale: esLocale()})
	text := "Como dice Juan 3:16 y también Salmos 23:1, mi 3 hijos no son Miqueas; véase Mi 6:8."
	var got []string
	for _, m := range p.Scan(text) {
		got = append(got, OSIS(m.Ranges))
	}
	want := []string{"John.3.16", "Ps.23.1", "Mic.6.8"}
	if len(got) != len(want) {
		t.Fatalf("Scan = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("Scan[%d] = %s, want %s", i, got[i], want[i])
		}
	}
	// An English parser knows no Spanish name.
	if ms := NewParser(Options{}).Scan("Juan 3:16 y Hechos 2:38"); len(ms) != 0 {
		t.Errorf("the English parser found %v", ms)
	}
}

func TestLocaleFormat(t *testing.T) {
	es := esLocale()
	tests := []struct {
		r    Range
		want string
	}{
		{Range{Start: Ref{"John", 3, 16}, End: Ref{"John", 3, 16}}, "Juan 3:16"},
		{Range{Start: Ref{"Ps", 23, 0}, End: Ref{"Ps", 23, 0}}, "Salmos 23"},
		{Range{Start: Ref{"1Cor", 13, 4}, End: Ref{"1Cor", 13, 7}}, "1 Corintios 13:4-7"},
		{Range{Start: Ref{"Rom", 8, 28}, End: Ref{"Rom", 8, 28}}, "Romans 8:28"}, // no Spanish name: English
	}
	for _, tt := range tests {
		if got := tt.r.Format(es); got != tt.want {
			t.Errorf("Format(%v) = %q, want %q", tt.r, got, tt.want)
		}
		if got, want := tt.r.Format(nil), tt.r.String(); got != want {
			t.Errorf("Format(nil) = %q, want String %q", got, want)
		}
	}
}

// FuzzLocaleScan: a Spanish parser never panics and reports matches in
// order inside the text.
func FuzzLocaleScan(f *testing.F) {
	for _, s := range []string{"Juan 3:16", "1 Corintios 13:4-7; Salmos 23", "mi 3 hijos, Mi 6:8", "I Corintios 1:1", "Génesis\u0301 1"} {
		f.Add(s)
	}
	p := NewParser(Options{Locale: esLocale()})
	f.Fuzz(func(t *testing.T, s string) {
		n := len([]rune(s))
		last := 0
		for _, m := range p.Scan(s) {
			if m.Start < last || m.End > n || m.Start > m.End {
				t.Fatalf("match %+v out of order or range (len %d)", m, n)
			}
			last = m.Start
		}
	})
}
