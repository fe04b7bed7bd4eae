package ref

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"berean/canon"
	"berean/locale"
)

// Book names of other languages. A Parser made with Options.Locale reads
// the book names of that locale (package locale: libsword's locale files)
// before the English ones, and Range.Format writes them. Names of another
// language are never applied unless that language is asked for: an
// English Parser knows only the English names.
//
// Matching. Every name the locale gives a book (its full name, the names
// and abbreviations of [Book Abbrevs], the preferred abbreviation) is
// indexed by its key: lower case, diacritics removed, letters and digits
// only ("1 Corintios" and "1 corintios" are "1corintios", "Génesis" and
// "Genesis" "genesis"); a full name that starts with a book number is also
// indexed with the number as a roman numeral ("I Corintios"). At the start
// of a word (not after a letter or digit) names of up to the locale's
// longest number of words are tried, longest first; a name must end where
// an English one may (a digit, space or reference punctuation). A short
// abbreviation (three letters or fewer) written in lower case is no name:
// abbreviations are written with a capital, while many are words of the
// language ("mi", "os", "he", "dan" in Spanish). When no local name
// matches, the English matcher runs as before, so "John 3:16" still reads
// in a Spanish Bible.

// localeIndex is the names of one locale, by key.
type localeIndex struct {
	loc      *locale.Locale
	books    map[string][]string // key -> OSIS ids, the locale's own order
	full     map[string]bool     // key of a full name (any case is a name)
	maxWords int
}

// localeKey folds a name: lower case, diacritics removed, letters and
// digits only.
func localeKey(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsDigit(r):
			b.WriteRune(r)
		}
	}
	return b.String()
}

var romanBook = map[byte]string{'1': "i", '2': "ii", '3': "iii", '4': "iv"}

func newLocaleIndex(l *locale.Locale) *localeIndex {
	ix := &localeIndex{loc: l, books: map[string][]string{}, full: map[string]bool{}}
	add := func(name, osis string, full bool) {
		key := localeKey(name)
		if key == "" || !canon.Known(osis) {
			return
		}
		if !containsStr(ix.books[key], osis) {
			ix.books[key] = append(ix.books[key], osis)
		}
		if full {
			ix.full[key] = true
		}
		ix.maxWords = max(ix.maxWords, len(strings.Fields(name)))
	}
	for osis, name := range l.Names {
		add(name, osis, true)
		if key := localeKey(name); len(key) > 4 && romanBook[key[0]] != "" && !isDigit(rune(key[1])) {
			rest := strings.TrimLeft(strings.TrimSpace(name), "1234")
			add(romanBook[key[0]]+" "+rest, osis, true)
		}
	}
	for abbr, osis := range l.Abbrevs {
		add(abbr, osis, ix.full[localeKey(abbr)] || len([]rune(localeKey(abbr))) > 3)
	}
	for osis, abbr := range l.Preferred {
		add(abbr, osis, false)
	}
	return ix
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// match matches a name of the locale starting exactly at i. A hit that is
// not ok but has an end is a word the locale rejects as a name (a short
// abbreviation in lower case): the English names must not read it either.
func (ix *localeIndex) match(text []rune, i int, allow bookFilter) (bookHit, bool) {
	if i > 0 && (unicode.IsLetter(text[i-1]) || isDigit(text[i-1])) {
		return bookHit{}, false
	}
	// The words: runs of letters and digits separated by white space.
	type span struct{ start, end int }
	var ws []span
	for j := i; j < len(text) && len(ws) < ix.maxWords; {
		if !unicode.IsLetter(text[j]) && !isDigit(text[j]) && !unicode.Is(unicode.Mn, text[j]) {
			break
		}
		k := j
		for k < len(text) && (unicode.IsLetter(text[k]) || isDigit(text[k]) || unicode.Is(unicode.Mn, text[k])) {
			k++
		}
		ws = append(ws, span{j, k})
		n := k
		for n < len(text) && text[n] == ' ' {
			n++
		}
		if n == k || n-k > 2 {
			break
		}
		j = n
	}
	rejected := 0
	for k := len(ws); k >= 1; k-- {
		end := ws[k-1].end
		if !endOK(text, end) {
			continue
		}
		key := localeKey(string(text[i:end]))
		books := ix.books[key]
		if len(books) == 0 {
			continue
		}
		if !ix.full[key] && unicode.IsLower(text[i]) {
			rejected = max(rejected, end) // "mi 3 hijos" is not Micah 3
			continue
		}
		if bs := filterBooks(books, allow); len(bs) > 0 {
			return bookHit{books: bs, start: i, end: end}, true
		}
	}
	return bookHit{start: i, end: rejected}, false
}

// Format is the human form with the book names of a locale ("Juan 3:16",
// "Salmos 23", "1 Corintios 13:4"); nil is String.
func (r Range) Format(l *locale.Locale) string {
	if l == nil {
		return r.String()
	}
	return r.format(l.BookName, l.BookName)
}

// Format is Range.Format of a single reference.
func (r Ref) Format(l *locale.Locale) string { return Range{Start: r}.Format(l) }
