package analysis

import (
	"strings"
	"sync"
)

// Analyzer turns text into search terms. The zero value is the default
// analyzer: folded, modernised and stemmed terms. Exact keeps the folded
// form (case and diacritics folded, no archaic folding, no stemming).
// Lang is the language code of the text (a module's conf Lang); ""
// is English. It picks the stemmer (StemIn).
type Analyzer struct {
	Exact bool
	Lang  string
}

// Tokens returns the words of text as terms, with positions and offsets.
func (a Analyzer) Tokens(text string) []Token { return a.AppendTokens(nil, text) }

// AppendTokens appends the tokens of text to dst.
func (a Analyzer) AppendTokens(dst []Token, text string) []Token {
	n := len(dst)
	dst = AppendSplit(dst, text)
	if !a.Exact {
		for i := n; i < len(dst); i++ {
			dst[i].Term = StemIn(a.Lang, dst[i].Term)
		}
	}
	return dst
}

// Term is the term of one word (not split): Fold, then unless Exact,
// StemIn of the Analyzer's language.
func (a Analyzer) Term(word string) string {
	f := Fold(word)
	if a.Exact {
		return f
	}
	return StemIn(a.Lang, f)
}

// Terms returns the terms of the words of text.
func (a Analyzer) Terms(text string) []string {
	toks := a.Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}

// Cache memoises Modernize and Stem of folded words (Stem costs about a
// microsecond: Snowball allocates). It is safe for concurrent use; the
// zero value is not usable, call NewCache.
type Cache struct {
	mu           sync.RWMutex
	stem, modern map[string]string
}

// NewCache returns an empty cache.
func NewCache() *Cache {
	return &Cache{stem: make(map[string]string), modern: make(map[string]string)}
}

// Stem is Stem(folded), memoised.
func (c *Cache) Stem(folded string) string { return c.get(c.stem, folded, Stem) }

// Modernize is Modernize(folded), memoised.
func (c *Cache) Modernize(folded string) string { return c.get(c.modern, folded, Modernize) }

// Term is Analyzer{}.Term(word) with the stem memoised.
func (c *Cache) Term(word string) string { return c.Stem(Fold(word)) }

func (c *Cache) get(m map[string]string, w string, f func(string) string) string {
	c.mu.RLock()
	s, ok := m[w]
	c.mu.RUnlock()
	if ok {
		return s
	}
	s = f(w)
	c.mu.Lock()
	m[strings.Clone(w)] = s
	c.mu.Unlock()
	return s
}
