package search

import (
	"fmt"
	"strings"

	"berean/canon"
	"berean/index"
)

// A plan is the query compiled for evaluation: words already put through
// the analysis pipeline, Strong's keys normalised, scopes as reference
// ranges. It knows nothing of any one Bible; evalBible resolves it against
// each Bible's dictionaries.
type op uint8

const (
	opTerm   op = iota // one term of the stem or exact dictionary
	opPrefix           // every folded form starting with term
	opStrong           // a Strong's key (and its lettered variants: H1254 -> H1254a)
	opPhrase           // consecutive words, each of several forms
	opAnd              // all kids; opNot kids exclude
	opOr               // any kid
	opNot              // all docs but the kid's
	opScope            // docs inside the ranges
	opAll              // every doc
	opNone             // no doc
)

type node struct {
	op    op
	text  string     // as the user wrote it, for explanations
	term  string     // opTerm, opPrefix, opStrong
	form  string     // opTerm of StemTerms: the folded word, stemmed again for a Bible of another language
	kind  index.Kind // opTerm: StemTerms or ExactTerms
	words []phraseWord
	kids  []*node
	scope []scopeRange
	exact bool // opPhrase: no archaic variants
	id    int  // leaf number, for per-query state
}

// phraseWord is one word of a phrase: its folded form and the modern form
// whose archaic variants also match (see Searcher doc: phrases fold archaic
// forms but do not stem).
type phraseWord struct {
	form   string // folded form as typed
	modern string // modernised form ("" with --exact)
}

// scopeRange is a reference range: Start/End books with chapter and verse,
// 0 meaning "from the start" / "to the end"; or a whole testament.
type scopeRange struct {
	testament       canon.Testament // OT or NT: the whole testament; then the rest is unused
	startBook       string
	startCh, startV int
	endBook         string
	endCh, endV     int
}

func (n *node) String() string {
	switch n.op {
	case opTerm:
		if n.kind == index.ExactTerms {
			return "exact:" + n.term
		}
		return "stem:" + n.term
	case opPrefix:
		return "prefix:" + n.term + "*"
	case opStrong:
		return "strong:" + n.term
	case opPhrase:
		var ws []string
		for _, w := range n.words {
			ws = append(ws, w.form)
		}
		return fmt.Sprintf("%q", strings.Join(ws, " "))
	case opAnd, opOr:
		var ks []string
		for _, k := range n.kids {
			ks = append(ks, k.String())
		}
		name := "and"
		if n.op == opOr {
			name = "or"
		}
		return name + "(" + strings.Join(ks, " ") + ")"
	case opNot:
		return "-" + n.kids[0].String()
	case opScope:
		var rs []string
		for _, r := range n.scope {
			if r.testament != 0 {
				rs = append(rs, r.testament.String())
				continue
			}
			rs = append(rs, fmt.Sprintf("%s.%d.%d-%s.%d.%d", r.startBook, r.startCh, r.startV, r.endBook, r.endCh, r.endV))
		}
		return "in:" + strings.Join(rs, ",")
	case opAll:
		return "all"
	}
	return "none"
}

// number assigns leaf ids and returns the count.
func number(n *node, next int) int {
	switch n.op {
	case opTerm, opPrefix, opStrong, opPhrase:
		n.id = next
		return next + 1
	}
	for _, k := range n.kids {
		next = number(k, next)
	}
	return next
}

// positives calls fn for the leaves that count towards a match (not under
// a NOT): they are scored and highlighted.
func positives(n *node, fn func(*node)) {
	switch n.op {
	case opTerm, opPrefix, opStrong, opPhrase:
		fn(n)
	case opAnd, opOr:
		for _, k := range n.kids {
			positives(k, fn)
		}
	}
}
