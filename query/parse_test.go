package query

import (
	"errors"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct{ in, want string }{
		// words and AND
		{"intercession", "intercession"},
		{"  faith   hope ", "faith hope"},
		{"faith AND hope", "faith hope"},
		{"Faith", "Faith"},
		{"LORD'S", "LORD'S"},
		{"burnt-offering", "burnt-offering"},
		{"faith & hope", "faith hope"}, // no letter or digit: dropped
		{"faith — hope", "faith hope"},
		{"faith faith", "faith"},
		{"3:16", "3:16"},
		{"foo:bar", "foo:bar"}, // not a field
		{"ὀδυσσεύς", "ὀδυσσεύς"},
		// phrases
		{`"make intercession"`, `"make intercession"`},
		{`"  make   intercession "`, `"make intercession"`},
		{`“make intercession”`, `"make intercession"`},
		{`"love"`, `"love"`},
		{`"faith, hope, and charity"`, `"faith, hope, and charity"`},
		{`"a - b"`, `"a b"`},
		{`he"make intercession"`, `he "make intercession"`},
		// OR
		{"faith OR hope", "faith OR hope"},
		{"faith | hope", "faith OR hope"},
		{"faith|hope", "faith OR hope"},
		{"faith or hope", "faith or hope"}, // lower case: a word
		{"faith OR hope love", "faith OR hope love"},
		{"love faith OR hope", "love faith OR hope"},
		{"a OR b OR c", "a OR b OR c"},
		{"(a b) OR c", "(a b) OR c"},
		{"(a OR b) OR c", "a OR b OR c"},
		{"(a OR b) c", "a OR b c"},
		{"((a))", "a"},
		{"(a (b c))", "a b c"},
		{"a OR a", "a"},
		// NOT
		{"faith -works", "faith -works"},
		{"faith NOT works", "faith -works"},
		{`faith -"dead works"`, `faith -"dead works"`},
		{"faith -(works OR law)", "faith -(works OR law)"},
		{"faith -(works law)", "faith -(works law)"},
		{"faith --works", "faith works"},
		// prefix
		{"interc*", "interc*"},
		{"interc* -intercessor", "interc* -intercessor"},
		{`"interc*"`, `"interc*"`},
		// Strong's
		{"strong:G1793", "G1793"},
		{"strong:g01793", "G1793"},
		{"STRONG:H0430", "H430"},
		{"G1793", "G1793"},
		{"h6293", "H6293"},
		{"G1793 OR H6293", "G1793 OR H6293"},
		{`strong:"G1793"`, "G1793"},
		{"G1793*", "G1793*"},
		{"G123456", "G123456"}, // six digits: a word
		// scopes
		{"love in:NT", "love in:NT"},
		{"in:Heb intercession", "in:Heb intercession"},
		{"IN:Rom-Heb faith", "in:Rom-Heb faith"},
		{`faith in:"1 John"`, `faith in:"1 John"`},
		{`faith in:"  1   John "`, `faith in:"1 John"`},
		{"faith in:1John", "faith in:1John"},
		{"faith -in:OT", "faith -in:OT"},
		{"in:Heb", "in:Heb"},
		{"faith (in:Rom OR in:Heb)", "faith in:Rom OR in:Heb"},
		{`in:"Heb|Rom"`, `in:"Heb|Rom"`},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.in, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("Parse(%q) = %s, want %s", tt.in, got, tt.want)
		}
		// round trip
		q2, err := Parse(q.String())
		if err != nil {
			t.Errorf("Parse(%q) (round trip of %q): %v", q.String(), tt.in, err)
		} else if q2.String() != q.String() {
			t.Errorf("round trip of %q: %s then %s", tt.in, q, q2)
		}
	}
}

// TestTree checks the node types, not just the printed form.
func TestTree(t *testing.T) {
	q, err := Parse(`faith OR hope love -"dead works" interc* G01793 in:"1 John"`)
	if err != nil {
		t.Fatal(err)
	}
	a, ok := q.(*And)
	if !ok || len(a.Qs) != 6 {
		t.Fatalf("want And of 6, got %#v", q)
	}
	if o, ok := a.Qs[0].(*Or); !ok || len(o.Qs) != 2 || o.Qs[0].(*Term).Word != "faith" {
		t.Errorf("first: %#v", a.Qs[0])
	}
	if n, ok := a.Qs[2].(*Not); !ok || strings.Join(n.Q.(*Phrase).Words, "|") != "dead|works" {
		t.Errorf("third: %#v", a.Qs[2])
	}
	if tm := a.Qs[3].(*Term); tm.Word != "interc" || !tm.Prefix {
		t.Errorf("fourth: %#v", tm)
	}
	if s := a.Qs[4].(*Strong); s.Key != "G1793" {
		t.Errorf("fifth: %#v", s)
	}
	if s := a.Qs[5].(*Scope); s.Spec != "1 John" {
		t.Errorf("sixth: %#v", s)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		in  string
		pos int
		msg string // a substring of the message
	}{
		{"", 0, "empty query"},
		{"   ", 0, "empty query"},
		{"& —", 0, "empty query"},
		{`"make intercession`, 0, "unbalanced quote"},
		{`faith "make intercession`, 6, "unbalanced quote"},
		{`in:"1 John`, 3, "unbalanced quote"},
		{`""`, 0, "empty phrase"},
		{`faith " , "`, 6, "empty phrase"},
		{"(faith", 0, "never closed"},
		{"faith)", 5, "closes nothing"},
		{"(a (b)", 0, "never closed"},
		{"()", 0, "empty parentheses"},
		{"-faith", 0, "only excludes"},
		{"-faith -hope", 0, "only excludes"},
		{"NOT faith", 0, "only excludes"},
		{"-in:NT", 0, "only excludes"},
		{"love -a OR b", 0, "in an OR only excludes"},
		{"- faith", 0, "must be attached"},
		{"faith -", 6, "must be attached"},
		{"OR faith", 0, "OR needs something on its left"},
		{"faith OR", 6, "OR needs something on its right"},
		{"faith OR OR hope", 6, "OR needs something on its right"},
		{"faith | ", 6, "| needs something on its right"},
		{"(faith OR) hope", 7, "OR needs something on its right"},
		{"AND faith", 0, "AND needs something on its left"},
		{"faith AND", 6, "AND needs something on its right"},
		{"faith NOT", 6, "NOT needs"},
		{"*", 0, "needs a word"},
		{"i*", 0, "at least two characters"},
		{"in*ter", 2, "may only end a word"},
		{`"a b"*`, 5, "not on phrases"},
		{"in:", 0, "in: needs a book"},
		{"strong:", 0, "needs a Strong's number"},
		{"strong:1793", 7, "say G1793 (Greek) or H1793 (Hebrew)"},
		{"strong:X12", 7, "G or H and 1 to 5 digits"},
		{"strong:G123456", 7, "G or H and 1 to 5 digits"},
		{"G0", 0, "start at 1"},
		{"strong:H000", 7, "start at 1"},
		{strings.Repeat("a", MaxBytes+1), MaxBytes, "too long"},
		{strings.Repeat("ab ", MaxAtoms) + "z", 3 * MaxAtoms, "too many terms"},
		{strings.Repeat("(", MaxDepth+1) + "a" + strings.Repeat(")", MaxDepth+1), MaxDepth, "too deeply nested"},
		{"a\xffb", 1, "UTF-8"},
	}
	for _, tt := range tests {
		q, err := Parse(tt.in)
		if err == nil {
			t.Errorf("Parse(%q) = %s, want error %q", tt.in, q, tt.msg)
			continue
		}
		var e *Error
		if !errors.As(err, &e) || !errors.Is(err, ErrInvalid) {
			t.Errorf("Parse(%q): error %T %v is not an *Error/ErrInvalid", tt.in, err, err)
			continue
		}
		if e.Pos != tt.pos || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("Parse(%q): error at %d %q, want at %d containing %q", tt.in, e.Pos, e.Msg, tt.pos, tt.msg)
		}
	}
}

func TestErrorMessage(t *testing.T) {
	_, err := Parse(`ἀγάπη "make intercession`)
	want := `query: unbalanced quote: this " is never closed (at character 7)`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

func TestLimits(t *testing.T) {
	q := strings.Repeat("ab ", MaxAtoms)
	if _, err := Parse(q); err != nil {
		t.Errorf("%d words: %v", MaxAtoms, err)
	}
	q = strings.Repeat("(", MaxDepth) + "a" + strings.Repeat(")", MaxDepth)
	if _, err := Parse(q); err != nil {
		t.Errorf("depth %d: %v", MaxDepth, err)
	}
}

func TestSimplify(t *testing.T) {
	a, b, c := &Term{Word: "a"}, &Term{Word: "b"}, &Term{Word: "c"}
	tests := []struct {
		in   Q
		want string
	}{
		{&And{Qs: []Q{a, &And{Qs: []Q{b, c}}}}, "a b c"},
		{&Or{Qs: []Q{a, &Or{Qs: []Q{b, &Or{Qs: []Q{c}}}}}}, "a OR b OR c"},
		{&And{Qs: []Q{&Or{Qs: []Q{a}}}}, "a"},
		{&Not{Q: &Not{Q: &Not{Q: a}}}, "-a"},
		{&And{Qs: []Q{a, b, a}}, "a b"},
		{&Or{Qs: []Q{&And{Qs: []Q{a, b}}, c}}, "(a b) OR c"},
	}
	for _, tt := range tests {
		before := tt.in.String()
		if got := Simplify(tt.in).String(); got != tt.want {
			t.Errorf("Simplify(%s) = %s, want %s", before, got, tt.want)
		}
		if tt.in.String() != before {
			t.Errorf("Simplify modified its input %s", before)
		}
	}
}

func TestVisitAndMap(t *testing.T) {
	q, err := Parse(`faith -(works OR "dead works") G26 in:NT`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	VisitAtoms(q, func(a Q, neg bool) {
		s := a.String()
		if neg {
			s = "!" + s
		}
		got = append(got, s)
	})
	if s := strings.Join(got, ","); s != `faith,!works,!"dead works",G26,in:NT` {
		t.Errorf("VisitAtoms: %s", s)
	}
	up := Map(q, func(q Q) Q {
		if t, ok := q.(*Term); ok {
			return &Term{Word: strings.ToUpper(t.Word), Prefix: t.Prefix}
		}
		return q
	})
	if s := up.String(); s != `FAITH -(WORKS OR "dead works") G26 in:NT` {
		t.Errorf("Map: %s", s)
	}
	if s := q.String(); s != `faith -(works OR "dead works") G26 in:NT` {
		t.Errorf("Map modified its input: %s", s)
	}
}

func BenchmarkParse(b *testing.B) {
	for b.Loop() {
		if _, err := Parse(`faith OR hope love -"dead works" interc* G1793 in:"1 John"`); err != nil {
			b.Fatal(err)
		}
	}
}
