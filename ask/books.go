package ask

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"berean/canon"
	"berean/ref"
)

// A question may name the book to look in: "What is faith according to
// Hebrews?", "verses in Psalms about fear", "What does the book of James
// say about the tongue?", "which chapter of Daniel has the fiery furnace",
// "Paul's letter to the Romans". Such a book is where the answer must be:
// the results are verses of it (question.inBooks), and the words naming
// it are frame, not topic ("Hebrews" would otherwise match "an Hebrew of
// the Hebrews"). A book named by a speaker frame ("What does Proverbs say
// about friends?") is read the same way when its name is not a person's
// (titleBooks); "Where does Ruth tell Naomi ..." names a person, whose
// book is preferred and whose name stays a word (speaker.go).

// bookCue matches a cue and the name after it; group 1 is the cue "in" or
// "from", which also begins many phrases that name no book ("in numbers",
// "in acts of kindness"), group 2 the name.
var bookCue = sync.OnceValue(func() *regexp.Regexp {
	const cue = `(?:(in|from) (?:the )?|according to (?:the )?|(?:the )?(?:book|books|gospel|letter|letters|epistle|epistles|chapter|chapters|verse|verses|passage|passages) (?:of|in) (?:the )?|(?:letter|letters|epistle|epistles) to (?:the )?)`
	return regexp.MustCompile(`(?:^| )(?:(?:found|mentioned|written|recorded|located) )?` + cue + `((?:(?:[123]|first|second|third|1st|2nd|3rd) )?[a-z]+(?: of (?:solomon|songs))?)(?: |$)`)
})

// bookGroups are the groups of books people name as where to look ("in
// the Gospels", "What do the prophets say", "Paul's letters"), each the
// books between two of the KJV's order, both included.
var bookGroups = map[string][2]string{
	"gospels": {"Matt", "John"}, "four gospels": {"Matt", "John"},
	"epistles": {"Rom", "Jude"}, "new testament letters": {"Rom", "Jude"},
	"pauline epistles": {"Rom", "Phlm"}, "pauline letters": {"Rom", "Phlm"}, "paul s letters": {"Rom", "Phlm"},
	"paul s epistles": {"Rom", "Phlm"}, "letters of paul": {"Rom", "Phlm"}, "epistles of paul": {"Rom", "Phlm"},
	"prophets": {"Isa", "Mal"}, "major prophets": {"Isa", "Dan"}, "minor prophets": {"Hos", "Mal"},
	"pentateuch": {"Gen", "Deut"}, "torah": {"Gen", "Deut"}, "books of moses": {"Gen", "Deut"},
	"wisdom books": {"Job", "Song"}, "poetic books": {"Job", "Song"},
}

// groupBooks returns the books of a group named by bookGroups, in order.
func groupBooks(name string) []string {
	g, ok := bookGroups[name]
	if !ok {
		return nil
	}
	ids := canon.OSISIDs()
	from, to := slices.Index(ids, g[0]), slices.Index(ids, g[1])
	if from < 0 || to < from {
		return nil
	}
	return append([]string(nil), ids[from:to+1]...)
}

// groupCue matches a group of books after a cue ("in the Gospels").
var groupCue = sync.OnceValue(func() *regexp.Regexp {
	names := make([]string, 0, len(bookGroups))
	for n := range bookGroups {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) }) // longest first
	return regexp.MustCompile(`(?:^| )(?:(?:found|mentioned|written|recorded|located) )?(?:in|from|according to|of|throughout) (?:the )?(` + strings.Join(names, "|") + `)(?: |$)`)
})

// bookLead matches a book's name heading a request: "Psalms for
// anxiety", "Proverbs verses about money".
var bookLead = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^((?:(?:[123]|first|second|third|1st|2nd|3rd) )?[a-z]+(?: of (?:solomon|songs))?)(?: (?:verses|verse|passages|passage|scriptures|scripture|chapters|chapter|quotes))? (?:for|about|on|regarding|concerning|that) `)
})

// titleBooks are the books whose English name is not a person's: named
// for what they are (Psalms, Acts, Revelation) or for those they were
// written to (Romans, Hebrews).
var titleBooks = map[string]bool{
	"Gen": true, "Exod": true, "Lev": true, "Num": true, "Deut": true, "Judg": true,
	"1Kgs": true, "2Kgs": true, "1Chr": true, "2Chr": true, "Ps": true, "Prov": true,
	"Eccl": true, "Song": true, "Lam": true, "Acts": true, "Rom": true, "1Cor": true,
	"2Cor": true, "Gal": true, "Eph": true, "Phil": true, "Col": true, "1Thess": true,
	"2Thess": true, "Heb": true, "Rev": true,
}

// cutBooks finds the books a folded question names with a cue. It returns
// the indexes of the question's words that stay and the books (OSIS ids),
// or nil, nil when it names none. A name after "in" or "from" counts only
// when the question writes it with a capital ("in Acts", not "in acts of
// kindness") or with a number ("in 1 John"); original is the question as
// typed.
func cutBooks(folded, original string, rp *ref.Parser) (keep []int, books []string) {
	if rp == nil {
		return nil, nil
	}
	drop := map[int]bool{}
	add := func(bs ...string) {
		for _, b := range bs {
			if !slices.Contains(books, b) {
				books = append(books, b)
			}
		}
	}
	// Matches are tried at every word, not only after the last match: a
	// cue naming no book ("in his") must not hide the next ("letter to
	// the Romans").
	for start := 0; start < len(folded); {
		m := bookCue().FindStringSubmatchIndex(folded[start:])
		if m == nil {
			break
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += start
			}
		}
		// The next try starts at the next word's space ("^" would match
		// inside a word).
		next := strings.IndexByte(folded[m[0]+1:], ' ')
		if next < 0 {
			start = len(folded)
		} else {
			start = m[0] + 1 + next
		}
		name := folded[m[4]:m[5]]
		if m[2] >= 0 && !strings.ContainsAny(name, "123") && !capitalised(original, name) {
			continue
		}
		if b := bookNamed(rp, name); b != "" && !properNameGoesOn(original, name) {
			add(b)
			dropWords(drop, folded, m[0], m[1])
		}
	}
	// A book at the head of the question: "Psalms for anxiety", "Proverbs
	// about money" (the name and "verses" go, not the preposition).
	if m := bookLead().FindStringSubmatchIndex(folded); m != nil {
		if b := bookNamed(rp, folded[m[2]:m[3]]); b != "" {
			add(b)
			dropWords(drop, folded, 0, strings.LastIndexByte(strings.TrimRight(folded[:m[1]], " "), ' '))
		}
	}
	for _, m := range groupCue().FindAllStringSubmatchIndex(folded, -1) {
		add(groupBooks(folded[m[2]:m[3]])...)
		dropWords(drop, folded, m[0], m[1])
	}
	if books == nil {
		return nil, nil
	}
	return keptWords(folded, drop), books
}

// bookNamed is the book name is the full name of (package ref reads it as
// a whole book, and fullName agrees), or "".
func bookNamed(rp *ref.Parser, name string) string {
	rs, err := rp.Parse(name)
	if err != nil || len(rs) != 1 || rs[0].Start.Chapter != 0 || rs[0].End.Book != rs[0].Start.Book || !fullName(name, rs[0].Start.Book) {
		return ""
	}
	return rs[0].Start.Book
}

// dropWords marks the words of folded[from:to] (byte offsets) to drop, by
// their indexes among the words of folded.
func dropWords(drop map[int]bool, folded string, from, to int) {
	first := len(strings.Fields(folded[:from]))
	for i := first; i < first+len(strings.Fields(folded[from:to])); i++ {
		drop[i] = true
	}
}

// keptWords are the indexes of the words of folded not marked to drop.
func keptWords(folded string, drop map[int]bool) []int {
	var keep []int
	for i := range strings.Fields(folded) {
		if !drop[i] {
			keep = append(keep, i)
		}
	}
	return keep
}

// fullName reports whether name is the book's name written out, not an
// abbreviation that the reference parser also reads ("Levi" is not
// Leviticus): its last word is the last word of the book's English name,
// or that word with or without a final s ("Psalm", "Revelations").
func fullName(name, osis string) bool {
	f, h := strings.Fields(name), strings.Fields(strings.ToLower(canon.HumanName(osis)))
	a, b := f[len(f)-1], h[len(h)-1]
	return a == b || a+"s" == b || a == b+"s"
}

// properNameGoesOn reports whether the name, as the question writes it,
// is followed by a word with a capital letter: it is part of a longer
// name ("the Romans Road").
func properNameGoesOn(text, name string) bool {
	return asWritten(text, name, func(ws []string, i int) bool { return i+1 < len(ws) && capital(ws[i+1]) })
}

// capitalised reports whether text has the last word of name written with
// a capital letter, as a whole word.
func capitalised(text, name string) bool {
	return asWritten(text, name, func(ws []string, i int) bool { return capital(ws[i]) })
}

// asWritten reports whether at holds at one of the places where text has
// the last word of name as a whole word (in any case); ws are text's
// words.
func asWritten(text, name string, at func(ws []string, i int) bool) bool {
	f := strings.Fields(name)
	w := f[len(f)-1]
	ws := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, t := range ws {
		if strings.EqualFold(t, w) && at(ws, i) {
			return true
		}
	}
	return false
}

// capital reports whether a word begins with a capital letter.
func capital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}
