package query

import (
	"errors"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"intercession",                     // one word
		`"make intercession"`,              // phrase
		`faith OR hope love`,               // OR binds tighter than AND
		`faith -works -"dead works"`,       // exclusions
		`-(a OR b) c`,                      // negated group
		`interc*`,                          // prefix
		`strong:G01793 H6293 g26`,          // Strong's numbers
		`in:Heb in:"1 John" in:Rom-Heb`,    // scopes
		`((a b) OR (c -d)) | e`,            // nesting
		`“curly quotes” ‘x’`,               // typographic quotes
		`a AND NOT b`,                      // spelled operators
		`"unbalanced`, `(`, `)`, `- a`, ``, // errors
		`3:16 foo:bar in: strong:`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) {
				t.Fatalf("Parse(%q): error %T %v", s, err, err)
			}
			if e.Pos < 0 || e.Pos > len(s) {
				t.Fatalf("Parse(%q): error position %d out of range", s, e.Pos)
			}
			_ = e.Error()
			return
		}
		s1 := q.String()
		if len(s1) > MaxBytes {
			return // "a|b" prints as "a OR b": the printed form may pass the limit
		}
		q2, err := Parse(s1)
		if err != nil {
			t.Fatalf("Parse(%q) = %s, which does not parse: %v", s, s1, err)
		}
		if s2 := q2.String(); s2 != s1 {
			t.Fatalf("Parse(%q) = %s, reparsed %s", s, s1, s2)
		}
	})
}
