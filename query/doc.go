// Package query is the syntax of berean's search query language. Build Q
// values directly or call Parse; the nodes know nothing about the index:
// package search puts their words through package analysis and evaluates
// them.
//
// # Syntax
//
//	faith hope          both words (juxtaposition is AND; AND may be written)
//	"make intercession" the words next to each other, in this order
//	faith OR hope       either word (also faith | hope)
//	-faith, NOT faith   verses without the word; -"a phrase"; -(a OR b)
//	interc*             words beginning with "interc" (at least two characters)
//	strong:G1793        words tagged with a Strong's number; also strong:g01793,
//	G1793, H6293        and the bare number (G Greek, H Hebrew, 1 to 5 digits)
//	in:Heb, in:NT       only verses in a book, testament or range: in:OT,
//	in:Rom-Heb          in:Rom-Heb, in:"1 John" (quote a name with spaces)
//	( ... )             grouping
//
// Precedence, tightest first: the unary - and NOT; OR; juxtaposition (AND).
// So "faith OR hope love" is (faith OR hope) AND love, as in web search
// engines, and "-a OR b" is (NOT a) OR b. The operators OR, AND and NOT are
// upper case only: a lower-case "or" is a word. Words are kept as typed
// (case, diacritics, hyphens, apostrophes); tokens with no letter or digit
// (a lone "&" or "—") are dropped. A word may contain a colon when what
// comes before it is not a field name ("3:16").
//
// The scope of in: is kept as written (Scope.Spec): resolving book names
// and ranges is the job of the search layer, which knows the versification.
// A scope is an atom like a word: "love in:NT" is love AND (a verse of the
// NT); "in:Rom OR in:Heb" is either book; "-in:OT" excludes; two scopes
// side by side intersect.
//
// # Errors
//
// Parse returns an *Error (errors.Is(err, ErrInvalid)) with the byte offset
// of the problem and a message naming it and its character column: an
// unbalanced quote or parenthesis, an operator with nothing on one side, a
// bad Strong's number, an empty query, a query that only excludes (there
// must be something to find: a word, phrase, Strong's number or scope;
// every alternative of an OR must find something). Queries are limited to
// MaxBytes bytes and MaxAtoms words (each phrase word, Strong's number and
// scope counts) and MaxDepth nested parentheses.
//
// # AST
//
// Every node has a String method printing it back in the query language;
// Parse(q.String()) gives the same tree (FuzzParse checks it). Parse
// returns simplified trees (Simplify): nested ANDs and ORs flattened,
// single-child groups and double negations removed, duplicates dropped.
package query
