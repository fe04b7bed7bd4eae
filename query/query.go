package query

import (
	"strings"
)

// Q is a query node.
type Q interface {
	// String prints the node in the query language.
	String() string
}

// Term matches a word. Word is as typed; Prefix: Word is a prefix (word*).
type Term struct {
	Word   string
	Prefix bool
}

// Phrase matches words at consecutive positions, in order. Words are as
// typed, split at white space.
type Phrase struct {
	Words []string
}

// Strong matches words tagged with a Strong's number. Key is canonical:
// "G" or "H" and the number without leading zeros ("G1793", "H430").
type Strong struct {
	Key string
}

// Scope matches the verses of a book, testament or range, as written after
// in: ("Heb", "NT", "Rom-Heb", "1 John").
type Scope struct {
	Spec string
}

// And matches what all its children match.
type And struct {
	Qs []Q
}

// Or matches what any of its children matches.
type Or struct {
	Qs []Q
}

// Not matches what its child does not.
type Not struct {
	Q Q
}

func (t *Term) String() string {
	if t.Prefix {
		return t.Word + "*"
	}
	return t.Word
}

func (p *Phrase) String() string { return `"` + strings.Join(p.Words, " ") + `"` }

func (s *Strong) String() string { return s.Key }

func (s *Scope) String() string {
	if s.Spec == "" || strings.ContainsFunc(s.Spec, isSpecial) {
		return `in:"` + s.Spec + `"`
	}
	return "in:" + s.Spec
}

func (a *And) String() string {
	parts := make([]string, len(a.Qs))
	for i, q := range a.Qs {
		s := q.String()
		if _, ok := q.(*And); ok {
			s = "(" + s + ")"
		}
		parts[i] = s
	}
	return strings.Join(parts, " ")
}

func (o *Or) String() string {
	parts := make([]string, len(o.Qs))
	for i, q := range o.Qs {
		s := q.String()
		switch q.(type) {
		case *And, *Or:
			s = "(" + s + ")"
		}
		parts[i] = s
	}
	return strings.Join(parts, " OR ")
}

func (n *Not) String() string {
	s := n.Q.String()
	switch n.Q.(type) {
	case *And, *Or:
		s = "(" + s + ")"
	}
	return "-" + s
}

// isSpecial: characters that end a bare word.
func isSpecial(r rune) bool {
	switch r {
	case '(', ')', '"', '\u201C', '\u201D', '|':
		return true
	}
	return isSpace(r)
}

// Simplify flattens nested ANDs and ORs, replaces single-child groups by
// their child, removes double negations and drops duplicate children (the
// same String). The input is not modified.
func Simplify(q Q) Q {
	switch q := q.(type) {
	case *And:
		qs := simplifyList(q.Qs, func(c Q) ([]Q, bool) {
			if a, ok := c.(*And); ok {
				return a.Qs, true
			}
			return nil, false
		})
		if len(qs) == 1 {
			return qs[0]
		}
		return &And{Qs: qs}
	case *Or:
		qs := simplifyList(q.Qs, func(c Q) ([]Q, bool) {
			if o, ok := c.(*Or); ok {
				return o.Qs, true
			}
			return nil, false
		})
		if len(qs) == 1 {
			return qs[0]
		}
		return &Or{Qs: qs}
	case *Not:
		c := Simplify(q.Q)
		if n, ok := c.(*Not); ok {
			return n.Q
		}
		return &Not{Q: c}
	}
	return q
}

func simplifyList(in []Q, flat func(Q) ([]Q, bool)) []Q {
	var out []Q
	seen := make(map[string]bool, len(in))
	var add func(q Q)
	add = func(q Q) {
		q = Simplify(q)
		if kids, ok := flat(q); ok {
			for _, k := range kids {
				add(k)
			}
			return
		}
		s := q.String()
		if seen[s] {
			return
		}
		seen[s] = true
		out = append(out, q)
	}
	for _, q := range in {
		add(q)
	}
	return out
}

// Map returns q with every node rewritten bottom-up by f: the children of a
// node are mapped first, then f is called on the node with its new
// children. The input is not modified.
func Map(q Q, f func(Q) Q) Q {
	switch q := q.(type) {
	case *And:
		qs := make([]Q, len(q.Qs))
		for i, c := range q.Qs {
			qs[i] = Map(c, f)
		}
		return f(&And{Qs: qs})
	case *Or:
		qs := make([]Q, len(q.Qs))
		for i, c := range q.Qs {
			qs[i] = Map(c, f)
		}
		return f(&Or{Qs: qs})
	case *Not:
		return f(&Not{Q: Map(q.Q, f)})
	}
	return f(q)
}

// VisitAtoms calls f on every leaf (Term, Phrase, Strong, Scope) in order,
// with negated telling whether the leaf is under an odd number of Nots.
func VisitAtoms(q Q, f func(q Q, negated bool)) {
	visit(q, false, f)
}

func visit(q Q, neg bool, f func(Q, bool)) {
	switch q := q.(type) {
	case *And:
		for _, c := range q.Qs {
			visit(c, neg, f)
		}
	case *Or:
		for _, c := range q.Qs {
			visit(c, neg, f)
		}
	case *Not:
		visit(q.Q, !neg, f)
	default:
		f(q, neg)
	}
}
