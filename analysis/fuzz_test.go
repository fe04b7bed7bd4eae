package analysis

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		verse,                           // a KJV verse
		"the LORD'S house, Jesus' feet", // apostrophes
		"ὈΔΥΣΣΕΎΣ בְּרֵאשִׁ֖ית מַה־לְּךָ", // Greek, Hebrew points, maqaf
		"burnt-offering—and İsa ﬁre",      // dashes, folding surprises
		"e\u0301\u00ADx 'tis rock's'",     // marks, soft hyphen, quotes
		"\xff\xfe bad utf8",               // invalid UTF-8
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Split(s)
		last := 0
		for i, tk := range toks {
			if tk.Pos != i {
				t.Fatalf("token %d has Pos %d", i, tk.Pos)
			}
			if tk.Start < last || tk.End <= tk.Start || tk.End > len(s) {
				t.Fatalf("token %d [%d:%d] out of order (last end %d, len %d)", i, tk.Start, tk.End, last, len(s))
			}
			last = tk.End
			word := s[tk.Start:tk.End]
			if tk.Term != Fold(word) {
				t.Fatalf("token %q: Term %q, Fold %q", word, tk.Term, Fold(word))
			}
			if utf8.ValidString(word) && Fold(tk.Term) != tk.Term {
				t.Fatalf("Fold not idempotent on %q: %q then %q", word, tk.Term, Fold(tk.Term))
			}
			if strings.ContainsAny(tk.Term, " \t\n") {
				t.Fatalf("term %q has white space", tk.Term)
			}
			_ = Stem(tk.Term)
		}
		if n := len((Analyzer{}).Tokens(s)); n != len(toks) {
			t.Fatalf("Tokens gives %d tokens, Split %d", n, len(toks))
		}
	})
}
