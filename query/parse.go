package query

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of one query.
const (
	MaxBytes = 1024 // bytes of query text
	MaxAtoms = 64   // words, counting each word of a phrase, Strong's numbers and scopes
	MaxDepth = 16   // nested parentheses and negations of groups
)

// ErrInvalid is matched (errors.Is) by every error Parse returns.
var ErrInvalid = errors.New("invalid query")

// Error is a syntax error at a byte offset of the query.
type Error struct {
	Query string // the query text
	Pos   int    // byte offset of the problem in Query
	Msg   string
}

func (e *Error) Error() string {
	col := utf8.RuneCountInString(e.Query[:min(e.Pos, len(e.Query))]) + 1
	return fmt.Sprintf("query: %s (at character %d)", e.Msg, col)
}

// Is makes errors.Is(err, ErrInvalid) true.
func (e *Error) Is(target error) bool { return target == ErrInvalid }

type kind uint8

const (
	tEOF kind = iota
	tWord
	tPhrase
	tField // Strong or Scope
	tLParen
	tRParen
	tOr
	tAnd
	tNot // "-" or "NOT"
)

type token struct {
	kind kind
	pos  int
	text string // the token as written
	q    Q      // the atom for tWord, tPhrase, tField (nil: a word to drop)
}

type parser struct {
	src   string
	toks  []token
	i     int
	depth int
}

// Parse parses a query; see the package documentation for the syntax.
// The tree is simplified (Simplify).
func Parse(s string) (Q, error) {
	if len(s) > MaxBytes {
		return nil, &Error{Query: s, Pos: MaxBytes, Msg: fmt.Sprintf("query too long: %d bytes (the limit is %d)", len(s), MaxBytes)}
	}
	if !utf8.ValidString(s) {
		i := 0
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 {
				break
			}
			i += n
		}
		return nil, &Error{Query: s, Pos: i, Msg: "query is not valid UTF-8"}
	}
	p := &parser{src: s}
	if err := p.lex(); err != nil {
		return nil, err
	}
	n := 0
	for _, t := range p.toks {
		if t.q == nil {
			continue
		}
		if n += atoms(t.q); n > MaxAtoms {
			return nil, p.errAt(t.pos, fmt.Sprintf("too many terms: more than %d", MaxAtoms))
		}
	}
	if p.peek().kind == tEOF {
		return nil, p.errAt(0, "empty query: nothing to search for")
	}
	q, err := p.parseAnd()
	if err != nil {
		return nil, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, p.errAt(t.pos, "unbalanced parenthesis: this ) closes nothing")
		}
		return nil, p.errAt(t.pos, fmt.Sprintf("unexpected %q", t.text))
	}
	if q == nil {
		return nil, p.errAt(0, "empty query: nothing to search for")
	}
	q = Simplify(q)
	if err := p.checkPositive(q); err != nil {
		return nil, err
	}
	return q, nil
}

func (p *parser) errAt(pos int, msg string) *Error {
	return &Error{Query: p.src, Pos: pos, Msg: msg}
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// parseAnd: a sequence of OR-expressions up to ")" or the end. It returns
// nil when the sequence is empty.
func (p *parser) parseAnd() (Q, error) {
	var qs []Q
	for {
		switch p.peek().kind {
		case tEOF, tRParen:
			switch len(qs) {
			case 0:
				return nil, nil
			case 1:
				return qs[0], nil
			}
			return &And{Qs: qs}, nil
		case tAnd:
			t := p.next()
			if len(qs) == 0 {
				return nil, p.errAt(t.pos, "AND needs something on its left")
			}
			if k := p.peek().kind; k == tEOF || k == tRParen || k == tOr || k == tAnd {
				return nil, p.errAt(t.pos, "AND needs something on its right")
			}
			continue
		}
		q, err := p.parseOr()
		if err != nil {
			return nil, err
		}
		if q != nil {
			qs = append(qs, q)
		}
	}
}

// parseOr: unary (OR unary)*.
func (p *parser) parseOr() (Q, error) {
	if t := p.peek(); t.kind == tOr {
		return nil, p.errAt(t.pos, fmt.Sprintf("%s needs something on its left", t.text))
	}
	first, err := p.parseUnary()
	if err != nil {
		return nil, err
	}
	qs := []Q{first}
	for p.peek().kind == tOr {
		t := p.next()
		switch p.peek().kind {
		case tEOF, tRParen, tOr, tAnd:
			return nil, p.errAt(t.pos, fmt.Sprintf("%s needs something on its right", t.text))
		}
		q, err := p.parseUnary()
		if err != nil {
			return nil, err
		}
		qs = append(qs, q)
	}
	// Dropped words (nil) leave an alternative empty: the OR keeps the rest.
	var keep []Q
	for _, q := range qs {
		if q != nil {
			keep = append(keep, q)
		}
	}
	switch len(keep) {
	case 0:
		return nil, nil
	case 1:
		return keep[0], nil
	}
	return &Or{Qs: keep}, nil
}

// parseUnary: NOT unary | ( and ) | atom. Dropped words give nil.
func (p *parser) parseUnary() (Q, error) {
	t := p.next()
	switch t.kind {
	case tNot:
		switch p.peek().kind {
		case tEOF, tRParen, tOr, tAnd:
			return nil, p.errAt(t.pos, fmt.Sprintf("%s needs a word, phrase or group to exclude", t.text))
		}
		p.depth++
		if p.depth > MaxDepth {
			return nil, p.errAt(t.pos, fmt.Sprintf("too deeply nested (the limit is %d)", MaxDepth))
		}
		q, err := p.parseUnary()
		p.depth--
		if err != nil || q == nil {
			return nil, err
		}
		return &Not{Q: q}, nil
	case tLParen:
		p.depth++
		if p.depth > MaxDepth {
			return nil, p.errAt(t.pos, fmt.Sprintf("too deeply nested (the limit is %d)", MaxDepth))
		}
		q, err := p.parseAnd()
		p.depth--
		if err != nil {
			return nil, err
		}
		if c := p.next(); c.kind != tRParen {
			return nil, p.errAt(t.pos, "unbalanced parenthesis: this ( is never closed")
		}
		if q == nil {
			return nil, p.errAt(t.pos, "empty parentheses")
		}
		return q, nil
	case tWord, tPhrase, tField:
		return t.q, nil
	case tRParen:
		return nil, p.errAt(t.pos, "unbalanced parenthesis: this ) closes nothing")
	}
	return nil, p.errAt(t.pos, fmt.Sprintf("unexpected %q", t.text))
}

// checkPositive: the query must find something, and so must every
// alternative of an OR.
func (p *parser) checkPositive(q Q) error {
	if !positive(q) {
		return p.errAt(0, fmt.Sprintf("the query only excludes (%s): add a word, phrase, Strong's number or in: scope to find", q))
	}
	var err error
	var walk func(Q)
	walk = func(q Q) {
		switch q := q.(type) {
		case *And:
			for _, c := range q.Qs {
				walk(c)
			}
		case *Not:
			walk(q.Q)
		case *Or:
			for _, c := range q.Qs {
				if err == nil && !positive(c) {
					err = p.errAt(0, fmt.Sprintf("%s in an OR only excludes: every alternative must find something", c))
				}
				walk(c)
			}
		}
	}
	walk(q)
	return err
}

// positive reports whether q finds something of its own (is not only an
// exclusion).
func positive(q Q) bool {
	switch q := q.(type) {
	case *Not:
		return false
	case *And:
		for _, c := range q.Qs {
			if positive(c) {
				return true
			}
		}
		return false
	case *Or:
		for _, c := range q.Qs {
			if !positive(c) {
				return false
			}
		}
		return len(q.Qs) > 0
	}
	return true
}

// atoms counts the words of q: each phrase word, each other leaf.
func atoms(q Q) int {
	n := 0
	VisitAtoms(q, func(a Q, _ bool) {
		if ph, ok := a.(*Phrase); ok {
			n += len(ph.Words)
		} else {
			n++
		}
	})
	return n
}

// lex splits the query into tokens.
func (p *parser) lex() error {
	s := p.src
	i := 0
	for {
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !isSpace(r) {
				break
			}
			i += n
		}
		if i >= len(s) {
			p.toks = append(p.toks, token{kind: tEOF, pos: i})
			return nil
		}

		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '(':
			p.toks = append(p.toks, token{kind: tLParen, pos: i, text: "("})
			i += n
			continue
		case r == ')':
			p.toks = append(p.toks, token{kind: tRParen, pos: i, text: ")"})
			i += n
			continue
		case r == '|':
			p.toks = append(p.toks, token{kind: tOr, pos: i, text: "|"})
			i += n
			continue
		case r == '-':
			if r2, _ := utf8.DecodeRuneInString(s[i+n:]); i+n >= len(s) || isSpace(r2) {
				return p.errAt(i, "- must be attached to what it excludes: -word, -\"a phrase\", -(a OR b)")
			}
			p.toks = append(p.toks, token{kind: tNot, pos: i, text: "-"})
			i += n
			continue
		case isQuote(r):
			words, end, err := p.quoted(i)
			if err != nil {
				return err
			}
			if len(words) == 0 {
				return p.errAt(i, "empty phrase: nothing between the quotes")
			}
			p.toks = append(p.toks, token{kind: tPhrase, pos: i, text: s[i:end], q: &Phrase{Words: words}})
			i = end
			if i < len(s) {
				if r, _ := utf8.DecodeRuneInString(s[i:]); r == '*' {
					return p.errAt(i, "* works on words, not on phrases")
				}
			}
			continue
		}
		// A bare token, up to white space, a parenthesis, | or a quote.
		start := i
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if isSpecial(r) {
				break
			}
			i += n
		}
		word := s[start:i]
		switch word {
		case "OR":
			p.toks = append(p.toks, token{kind: tOr, pos: start, text: word})
			continue
		case "AND":
			p.toks = append(p.toks, token{kind: tAnd, pos: start, text: word})
			continue
		case "NOT":
			p.toks = append(p.toks, token{kind: tNot, pos: start, text: word})
			continue
		}
		if c := strings.IndexByte(word, ':'); c > 0 {
			if f := strings.ToLower(word[:c]); f == "in" || f == "strong" {
				if err := p.field(start, c, f, &i); err != nil {
					return err
				}
				continue
			}
		}
		t := token{kind: tWord, pos: start, text: word}
		switch {
		case !hasAlnum(word):
			// dropped: no letter or digit ("&", "—", "*")
			if strings.HasSuffix(word, "*") {
				return p.errAt(start, "* needs a word before it: interc*")
			}
		case strongRE(word):
			key, err := p.strongKey(word, start)
			if err != nil {
				return err
			}
			t.q = &Strong{Key: key}
		default:
			w, prefix := word, false
			if star := strings.IndexByte(w, '*'); star >= 0 {
				if star != len(w)-1 {
					return p.errAt(start+star, "* may only end a word: interc*")
				}
				w, prefix = w[:star], true
				if utf8.RuneCountInString(w) < 2 {
					return p.errAt(start, fmt.Sprintf("%s: a prefix needs at least two characters", word))
				}
			}
			t.q = &Term{Word: w, Prefix: prefix}
		}
		p.toks = append(p.toks, t)
	}
}

// field lexes in:VALUE or strong:VALUE starting at start, the colon at
// start+c; *i is just past the bare part and is advanced past a quoted value.
func (p *parser) field(start, c int, f string, i *int) error {
	s := p.src
	name := s[start : start+c]
	value := s[start+c+1 : *i]
	vpos := start + c + 1
	if value == "" && *i < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[*i:]); isQuote(r) {
			words, end, err := p.quoted(*i)
			if err != nil {
				return err
			}
			value = strings.Join(words, " ")
			*i = end
		}
	}
	if value == "" {
		if f == "in" {
			return p.errAt(start, name+": needs a book, testament or range: in:Heb, in:NT, in:Rom-Heb")
		}
		return p.errAt(start, name+": needs a Strong's number: strong:G1793, strong:H6293")
	}
	t := token{kind: tField, pos: start, text: s[start:*i]}
	if f == "in" {
		t.q = &Scope{Spec: value}
	} else {
		if !strongRE(value) {
			if isDigits(value) {
				return p.errAt(vpos, fmt.Sprintf("%s: say G%s (Greek) or H%s (Hebrew)", t.text, value, value))
			}
			return p.errAt(vpos, fmt.Sprintf("%s: a Strong's number is G or H and 1 to 5 digits: strong:G1793", t.text))
		}
		key, err := p.strongKey(value, vpos)
		if err != nil {
			return err
		}
		t.q = &Strong{Key: key}
	}
	p.toks = append(p.toks, t)
	return nil
}

// quoted reads a quoted string starting at the quote at i: its words
// (split at white space, those without a letter or digit dropped) and the
// offset past the closing quote.
func (p *parser) quoted(i int) ([]string, int, error) {
	s := p.src
	_, n := utf8.DecodeRuneInString(s[i:])
	j := i + n
	for j < len(s) {
		r, m := utf8.DecodeRuneInString(s[j:])
		if isQuote(r) {
			var words []string
			for _, w := range strings.FieldsFunc(s[i+n:j], isSpace) {
				if hasAlnum(w) {
					words = append(words, w)
				}
			}
			return words, j + m, nil
		}
		j += m
	}
	return nil, 0, p.errAt(i, `unbalanced quote: this " is never closed`)
}

// strongRE: [GgHh] and 1 to 5 digits.
func strongRE(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	switch w[0] {
	case 'G', 'g', 'H', 'h':
	default:
		return false
	}
	return isDigits(w[1:])
}

func (p *parser) strongKey(w string, pos int) (string, error) {
	n, _ := strconv.Atoi(w[1:])
	if n == 0 {
		return "", p.errAt(pos, fmt.Sprintf("%s: Strong's numbers start at 1", w))
	}
	return strings.ToUpper(w[:1]) + strconv.Itoa(n), nil
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func hasAlnum(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

func isQuote(r rune) bool { return r == '"' || r == '\u201C' || r == '\u201D' }

func isSpace(r rune) bool { return unicode.IsSpace(r) }
