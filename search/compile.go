package search

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"berean/canon"
	"berean/index"
	"berean/query"
	"berean/ref"
	"berean/strongs"
)

// Leaf constructors: every word goes through the same analysis functions
// the index was built with (index.StemTerm, index.ExactTerm,
// index.ModernTerm), so query-time and index-time normalisation agree.

// wordNode matches one word: by its stem (modernised and stemmed) or, with
// exact, by its folded form. A "word" the analyser splits into several
// (a hyphenated compound) becomes a phrase.
func wordNode(word string, exact bool) *node {
	forms := index.Words(word)
	switch len(forms) {
	case 0:
		return &node{op: opNone, text: word}
	case 1:
		if exact {
			return &node{op: opTerm, text: word, kind: index.ExactTerms, term: forms[0]}
		}
		return &node{op: opTerm, text: word, kind: index.StemTerms, term: index.StemTerm(forms[0]), form: forms[0]}
	}
	return phraseNode(forms, exact)
}

// prefixNode matches every folded form starting with the folded prefix.
func prefixNode(prefix string) *node {
	forms := index.Words(prefix)
	if len(forms) != 1 {
		return &node{op: opNone, text: prefix + "*"}
	}
	return &node{op: opPrefix, text: prefix + "*", term: forms[0]}
}

// strongNode matches the words tagged with a Strong's key ("G1793").
func strongNode(key string) *node {
	return &node{op: opStrong, text: key, term: key}
}

// phraseNode matches words at consecutive positions. Phrases are not
// stemmed ("make intercession" does not match "maketh intercession", as in
// a printed concordance and diatheke's phrase search), but archaic forms
// fold unless exact: "he lives" matches "he liveth".
func phraseNode(words []string, exact bool) *node {
	var ws []phraseWord
	for _, w := range words {
		for _, f := range index.Words(w) {
			pw := phraseWord{form: f}
			if !exact {
				pw.modern = index.ModernTerm(f)
			}
			ws = append(ws, pw)
		}
	}
	switch len(ws) {
	case 0:
		return &node{op: opNone, text: strings.Join(words, " ")}
	case 1:
		if exact {
			return &node{op: opTerm, text: words[0], kind: index.ExactTerms, term: ws[0].form}
		}
		// One word in quotes: its forms, not its stem.
	}
	return &node{op: opPhrase, text: strings.Join(words, " "), words: ws, exact: exact}
}

func and(kids ...*node) *node { return &node{op: opAnd, kids: kids} }
func or(kids ...*node) *node  { return &node{op: opOr, kids: kids} }
func not(kid *node) *node     { return &node{op: opNot, kids: []*node{kid}} }

// compile turns a query AST into a plan. Exact applies to words and
// phrases.
func (s *Searcher) compile(q query.Q, exact bool) (*node, error) {
	switch q := q.(type) {
	case *query.Term:
		if q.Prefix {
			return prefixNode(q.Word), nil
		}
		return wordNode(q.Word, exact), nil
	case *query.Phrase:
		return phraseNode(q.Words, exact), nil
	case *query.Strong:
		key, ok := strongs.Norm(q.Key, "")
		if !ok || (key[0] != 'G' && key[0] != 'H') {
			return nil, fmt.Errorf("%w: %q is not a Strong's number such as G1793 or H6293", ErrBadQuery, q.Key)
		}
		return strongNode(key), nil
	case *query.Scope:
		rs, err := parseScope(q.Spec)
		if err != nil {
			return nil, err
		}
		return &node{op: opScope, text: q.Spec, scope: rs}, nil
	case *query.Not:
		k, err := s.compile(q.Q, exact)
		if err != nil {
			return nil, err
		}
		return not(k), nil
	case *query.And, *query.Or:
		var qs []query.Q
		n := &node{op: opAnd}
		if a, ok := q.(*query.And); ok {
			qs = a.Qs
		} else {
			qs = q.(*query.Or).Qs
			n.op = opOr
		}
		for _, c := range qs {
			k, err := s.compile(c, exact)
			if err != nil {
				return nil, err
			}
			n.kids = append(n.kids, k)
		}
		return n, nil
	case nil:
		return nil, fmt.Errorf("%w: empty query", ErrBadQuery)
	}
	return nil, fmt.Errorf("%w: unknown query node %T", ErrBadQuery, q)
}

// scopeParser reads in: specs as references; the deuterocanon is allowed
// (the WEB has it) and references are checked against KJVA, the widest
// of the common English versifications.
// It is made on first use: building it costs 2 ms, which a process that
// never sees an in: scope should not pay at start-up.
var scopeParser = sync.OnceValue(func() *ref.Parser {
	sys, ok := canon.Get("KJVA")
	if !ok {
		sys = canon.KJV()
	}
	return ref.NewParser(ref.Options{System: sys, Apocrypha: true})
})

// parseScope reads the spec of in:: OT, NT, a book, a range of books,
// chapters or verses, a list of them ("Heb", "Rom-Heb", "1 John",
// "Heb 7:1-10", "Heb.7"), resolved later in each Bible's versification.
func parseScope(spec string) ([]scopeRange, error) {
	switch strings.ToUpper(strings.TrimSpace(spec)) {
	case "OT", "OLD", "OLDTESTAMENT", "OLD TESTAMENT":
		return []scopeRange{{testament: canon.OT}}, nil
	case "NT", "NEW", "NEWTESTAMENT", "NEW TESTAMENT":
		return []scopeRange{{testament: canon.NT}}, nil
	}
	text := strings.ReplaceAll(spec, ".", " ")
	rs, err := scopeParser().Parse(text)
	if err != nil {
		if rs2, err2 := scopeParser().Parse(spec); err2 == nil {
			rs, err = rs2, nil
		}
	}
	if err != nil {
		return nil, fmt.Errorf("%w: in:%s: %v", ErrBadQuery, spec, err)
	}
	var out []scopeRange
	for _, r := range rs {
		end := r.End
		if end.Book == "" {
			end = r.Start
		}
		out = append(out, scopeRange{
			startBook: r.Start.Book, startCh: r.Start.Chapter, startV: r.Start.Verse,
			endBook: end.Book, endCh: end.Chapter, endV: end.Verse,
		})
	}
	return out, nil
}

// Search runs a parsed query. Result.Query is the query printed back.
func (s *Searcher) Search(ctx context.Context, q query.Q, o Options) (*Result, error) {
	root, err := s.compile(q, o.Exact)
	if err != nil {
		return nil, err
	}
	res, err := s.run(ctx, root, o)
	if err != nil {
		return nil, err
	}
	res.Query = q.String()
	return res, nil
}

// SearchString parses and runs a query; a query that does not parse is an
// error wrapping ErrBadQuery (and query.ErrInvalid).
func (s *Searcher) SearchString(ctx context.Context, text string, o Options) (*Result, error) {
	q, err := query.Parse(text)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadQuery, err)
	}
	res, err := s.Search(ctx, q, o)
	if err != nil {
		return nil, err
	}
	res.Query = text
	return res, nil
}
