package ref

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzParse checks that parsing never panics or hangs, that Scan offsets
// are inside the input, and that valid results round-trip through OSIS.
func FuzzParse(f *testing.F) {
	seeds := []string{
		"Heb 7:23-25",                   // plain range
		"John 3:16 NIV, Rom 8:28 (KJV)", // translations
		"Ps 117 (118, 119, and 120)",    // enclosed sequence
		"Gen 1-2:100",                   // snapped end
		"Jer 2-Genesis 1",               // backwards book range
		"23rd Psalm vv. 1-3",            // psalm ordinal
		"chapter 3 of the book of John", // chapter before book
		"Phm 1:2ff-4ff",                 // ff twice
		"Ps 3 title, 4:2, 5:title",      // titles
		"Isa 7:14 (Matt 1:23); 9:1",     // parenthesised
		"The Gospel according to St. Matthew 5:3",
		"Jude 1", "Obad 2-100", "3 John 15 KJV", "1,000", "Gen 0:0-Exod 0",
		"Mathhtiew 1:1", "Plsssss 2", "II Kgs 2:11", "Sirach 1:1",
		"((((((((((John 3:16))))))))))", "Gen 1 ,,,,;;;;---- 2", "\x1f0\x1f 5", "Matt5John3",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	p := NewParser(Options{})
	f.Fuzz(func(t *testing.T, s string) {
		start := time.Now()
		_ = OSISOf(s)
		rs, err := p.Parse(s)
		ms := p.Scan(s)
		// Whole reads only strings of references: what it returns are
		// valid ranges, and a string without a digit is never one.
		if ws, werr := p.Whole(s); werr == nil {
			if len(ws) == 0 {
				t.Fatalf("Whole(%q): no ranges and no error", s)
			}
			if !strings.ContainsAny(s, "0123456789") {
				t.Fatalf("Whole(%q) = %v without a digit", s, ws)
			}
		}
		if d := time.Since(start); d > 10*time.Second && len(s) < 4096 { // a hang, not a speed target: generous for loaded machines
			t.Fatalf("slow: %v for %d bytes", d, len(s))
		}
		n := utf8.RuneCountInString(s)
		for _, m := range ms {
			if m.Start < 0 || m.End > n || m.Start > m.End {
				t.Fatalf("Scan(%q): bad offsets %d-%d of %d", s, m.Start, m.End, n)
			}
		}
		if err != nil || len(rs) == 0 {
			return
		}
		o := OSIS(rs)
		rs2, err := p.Parse(o)
		if err != nil {
			t.Fatalf("Parse(%q) = %q, which does not parse: %v", s, o, err)
		}
		if o2 := OSIS(rs2); o2 != o {
			t.Fatalf("Parse(%q) = %q, re-parsed as %q", s, o, o2)
		}
	})
}
