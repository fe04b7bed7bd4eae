package ref

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// This file finds book names in text: exact names from names.go, then a
// tolerant matcher for misspellings. See doc.go for the rules.

// nameEntry is one indexed name.
type nameEntry struct {
	key   string   // lower-case letters only: "songofsolomon"
	coll  string   // key with runs of one letter collapsed: "songofsolomon"
	phon  string   // phonetic form (see phonetic)
	full  bool     // the first, full name of its book
	words int      // number of words in the written name
	books []string // plain names: candidate OSIS ids; nil for families
	fam   int      // family index for family names
}

type nameIndex struct {
	firsts   []string // collapsed first words of the names of several words
	exact    map[string]*nameEntry
	maxWords int
	all      []*nameEntry // every added entry, in order

	// The fuzzy structures (collapsed and phonetic forms, the collapsed
	// name map and the candidates by first letter) are built on the first
	// lookup that needs them: most references name their book exactly.
	fuzzyOnce sync.Once
	collMap   map[string]*nameEntry
	byFirstM  map[byte][]*nameEntry // fuzzy candidates by first letter
}

// fuzzy builds the fuzzy structures once.
func (ix *nameIndex) fuzzy() {
	ix.fuzzyOnce.Do(func() {
		ix.collMap = make(map[string]*nameEntry, len(ix.all))
		ix.byFirstM = map[byte][]*nameEntry{}
		for _, e := range ix.all {
			e.coll = collapse(e.key)
			e.phon = phonetic(e.key)
			if ix.exact[e.key] == e {
				ix.byFirstM[e.key[0]] = append(ix.byFirstM[e.key[0]], e)
			}
			if _, dup := ix.collMap[e.coll]; !dup {
				ix.collMap[e.coll] = e
			}
		}
	})
}

// coll returns the entry whose collapsed key is c. A single letter is too
// little to stand for a name with a doubled letter ("S" is not "SS").
func (ix *nameIndex) coll(c string) *nameEntry {
	if len(c) < 2 {
		return nil
	}
	ix.fuzzy()
	return ix.collMap[c]
}

// byFirst returns the fuzzy candidates by first letter.
func (ix *nameIndex) byFirst() map[byte][]*nameEntry {
	ix.fuzzy()
	return ix.byFirstM
}

// The name indexes are built on first use (about 1 ms and 400 KB), so that
// processes that never read a reference do not pay for them.
var (
	plainIndex  = sync.OnceValue(func() *nameIndex { return buildIndex(false) })
	familyIndex = sync.OnceValue(func() *nameIndex { return buildIndex(true) })
)

func buildIndex(fam bool) *nameIndex {
	n := 0
	if fam {
		for _, f := range families {
			n += strings.Count(f.names, ",") + 1
		}
	} else {
		n = len(ambiguousNames)
		for _, p := range plainNames {
			n += strings.Count(p.names, ",") + 1
		}
	}
	ix := &nameIndex{exact: make(map[string]*nameEntry, n), all: make([]*nameEntry, 0, n)}
	// The entries live in one array (n is an upper bound: empty names are
	// skipped), so that building the index, which every process that reads
	// a reference does, costs one allocation for them rather than one each.
	store := make([]nameEntry, 0, n)
	add := func(name string, books []string, f int, full bool) {
		name = strings.TrimSpace(name)
		if name == "" {
			return
		}
		words := countWords(name)
		store = append(store, nameEntry{key: letterKey(name), words: words, books: books, fam: f, full: full})
		e := &store[len(store)-1]
		ix.all = append(ix.all, e)
		if e.words > ix.maxWords {
			ix.maxWords = e.words
		}
		if e.words > 1 {
			first := name[:strings.IndexFunc(name, unicode.IsSpace)] // trimmed, of several words
			ix.firsts = append(ix.firsts, collapse(letterKey(first)))
		}
		if _, dup := ix.exact[e.key]; !dup {
			ix.exact[e.key] = e
		}
	}
	if fam {
		for i, f := range families {
			j := 0
			for n := range strings.SplitSeq(f.names, ",") {
				add(n, nil, i, j == 0)
				j++
			}
		}
		return ix
	}
	// Ambiguous short forms and OSIS ids first: they win over fuzzy matches.
	for _, a := range ambiguousNames {
		add(a.name, a.books, -1, false)
	}
	for _, p := range plainNames {
		books := strings.Fields(p.osis)
		j := 0
		for n := range strings.SplitSeq(p.names, ",") {
			add(n, books, -1, j == 0)
			j++
		}
	}
	return ix
}

// countWords is len(strings.Fields(s)) without the slice.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		sp := unicode.IsSpace(r)
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

// letterKey lower-cases s and keeps only its letters and digits.
func letterKey(s string) string {
	// Most names are ASCII: fold them without a builder, and without any
	// allocation when s is already lower-case letters and digits.
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return letterKeyRunes(s)
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			clean = false
		}
	}
	if clean {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		}
	}
	return string(b)
}

// letterKeyRunes is letterKey for text with non-ASCII letters.
func letterKeyRunes(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		case unicode.IsLetter(r):
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// collapse removes repeated letters: "mathhhew" -> "mathew".
func collapse(s string) string {
	if len(s) < 2 {
		return s
	}
	b := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i] == s[i-1] {
			continue
		}
		b = append(b, s[i])
	}
	return string(b)
}

// osaDistance is the optimal-string-alignment edit distance (insertions,
// deletions, substitutions and transpositions of adjacent letters), giving
// up with max+1 once the distance must exceed max.
func osaDistance(a, b string, max int) int {
	la, lb := len(a), len(b)
	if d := la - lb; d > max || -d > max {
		return max + 1
	}
	var buf [3][40]int
	if lb+1 > len(buf[0]) {
		return max + 1
	}
	prev2, prev, cur := buf[0][:lb+1], buf[1][:lb+1], buf[2][:lb+1]
	for j := 0; j <= lb; j++ {
		prev[j] = j
	}
	for i := 1; i <= la; i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= lb; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > max {
			return max + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[lb]
}

// allowedEdits is how many edits a misspelling of a name of n letters
// (after collapsing repeated letters) may have.
func allowedEdits(n int) int {
	switch {
	case n <= 4:
		return 0
	case n <= 5:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

// notBookWords are English words that the tolerant matcher would
// otherwise take for a book: "a king 6-9" is not 1 Kings. The set is built
// on first use, not at program start (most commands parse no text).
var notBookWords = sync.OnceValue(func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`king gene genes numb judge chronic prove lame lament hose revel jane
		romance acting exit mare marks peters times time titan the then than them they thy this that thus
		there these those tie ties cow pit pat pets sat sit set son sons sin kid kit kind kiss cot cost
		and are was were has had his her him she see saw say says said sam sum some same sure day days
		dan man men mat mats mad jot jots job jobs joy john's act acts acted plus palm pass pal pals
		amp also ease east eat ever even every exam end ends gal gals hab hag hat hats heal hell help here
		hers jam lam law laws lay lead led less let lets like line lines lord love luck make many mark may
		mine more most much must name near need new next nor not now num old once one only open other our
		out over own part past per play pray put rest run runs same sea seal seat seed seen she should show
		side sing sins sir six so some song songs soul spirit still such sun take tell ten test text thee
		thou time tit titus too top two upon use very view want way ways week well went what when where
		which while who whom whose why will wise with word words work year years yet you your zeal
		look looks took book books cook hook lock lick luck lake like lucky jump
		aims cancels choice choices collision collisions colons dance dander dangle deeper defer
		denial denied denies dust easter either enter gains guns jake judged kinds limitation
		limitations mars matter murky numbered peal potter proper proved relation relations
		retention revocation sample samples proof prof jeremy`) {
		m[w] = true
	}
	return m
})

// functionWords are never book names, even after a number ("chapter 1
// the ...").
var functionWords = map[string]bool{"the": true, "then": true, "them": true, "they": true, "this": true,
	"that": true, "than": true, "thus": true, "there": true, "these": true, "those": true, "and": true,
	"are": true, "was": true, "were": true, "has": true, "had": true, "his": true, "her": true, "him": true,
	"she": true, "see": true, "saw": true, "say": true, "for": true, "not": true, "but": true, "all": true,
	"thy": true}

// qwertyNear lists the keys next to each letter, for typos like "Johm".
var qwertyNear = map[byte]string{
	'q': "wa", 'w': "qeas", 'e': "wrsd", 'r': "etdf", 't': "ryfg", 'y': "tugh", 'u': "yihj", 'i': "uojk",
	'o': "ipkl", 'p': "ol", 'a': "qwsz", 's': "awedxz", 'd': "serfcx", 'f': "drtgvc", 'g': "ftyhbv",
	'h': "gyujnb", 'j': "huikmn", 'k': "jiolm", 'l': "kop", 'z': "asx", 'x': "zsdc", 'c': "xdfv",
	'v': "cfgb", 'b': "vghn", 'n': "bhjm", 'm': "njk",
}

// oneTypo reports whether a differs from b by one swap of neighbouring
// letters, one slip to a neighbouring key, or one extra letter struck with
// a neighbouring key ("Jophn").
func oneTypo(a, b string) bool {
	if len(a) == len(b)+1 {
		for i := 0; i < len(a); i++ {
			if a[:i]+a[i+1:] != b {
				continue
			}
			near := qwertyNear[a[i]]
			if (i > 0 && strings.IndexByte(near, a[i-1]) >= 0) || (i+1 < len(a) && strings.IndexByte(near, a[i+1]) >= 0) {
				return true
			}
		}
		return false
	}
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if diff >= 0 {
				// a second difference: only a swap of the two
				return i == diff+1 && a[diff] == b[i] && a[i] == b[diff] && a[i+1:] == b[i+1:]
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	return strings.IndexByte(qwertyNear[a[diff]], b[diff]) >= 0
}

// phonetic folds spellings that sound alike, after collapsing repeated
// letters: ph/f, th, k/c, x/z, y/i.
func phonetic(s string) string {
	return collapse(phoneticReplacer.Replace(collapse(s)))
}

var phoneticReplacer = strings.NewReplacer("ph", "f", "th", "0", "ck", "c", "k", "c", "x", "z", "y", "i", "q", "c")

// lookup finds the name with the given key (letters of k written words).
// withOrdinal says an ordinal preceded it, which makes a book name likely
// enough to try the tolerant rules on shorter words. The rules, in order:
// exact name; repeated letters collapsed; the Psalm rule; a plural "s";
// one typo in a short word; an abbreviation by truncation of a full name;
// a misspelling within an edit distance that grows with the name's length.
func (ix *nameIndex) lookup(key, c string, k int, withOrdinal bool) *nameEntry {
	if key == "" || c == "" {
		return nil
	}
	if e := ix.exact[key]; e != nil {
		return e
	}
	if e := ix.coll(c); e != nil && (withOrdinal || len(c) >= 4 || !doubledVowel(key)) {
		return e
	}
	if notBookWords()[key] && (!withOrdinal || len(key) > 3 || functionWords[key]) {
		// After a book number too, unless the word is as short as an
		// abbreviation ("1 Per"): "1st time", "2 Peters" are not books.
		return nil
	}
	if ix == plainIndex() && k == 1 && looksLikePsalm(c) {
		return ix.exact["psalms"]
	}
	minLen := 4
	if withOrdinal {
		minLen = 3
	}
	if len(key) < minLen || len(c) > 38 {
		return nil
	}
	// "Roms", "2 Kis": a plural of a known short form.
	if key[len(key)-1] == 's' {
		if e := ix.exact[key[:len(key)-1]]; e != nil {
			return e
		}
	}
	// "Jhon", "Johm", "1 Sma": one typo in a short word. After an ordinal
	// ("2 Kig") any single edit will do, if it points to one book.
	if len(c) <= 5 {
		for pass := 0; pass < 2; pass++ {
			var hit *nameEntry
			for _, e := range ix.byFirst()[key[0]] {
				if k > 1 && e.words != k {
					continue
				}
				var near bool
				for _, w := range []string{key, c} {
					if w != key && !withOrdinal {
						// Collapsing is already one change: "hood" is
						// not "Hos", nor "rook" "Rom".
						continue
					}
					if pass == 0 {
						near = near || (len(w) == len(e.key) && oneTypo(w, e.key))
					} else {
						// An extra letter in a name of three letters
						// makes too many words ("dean", "hops", "join")
						// unless a book number comes first.
						minName := 4
						if withOrdinal {
							minName = 3
						}
						near = near || (len(w) != len(e.key) && oneTypo(w, e.key) && len(e.key) >= minName && len(e.key) <= 4)
						if !near && withOrdinal && len(e.key) >= 2 && len(e.key) <= 5 && len(e.key) != len(w) {
							near = osaDistance(w, e.key, 1) <= 1
						}
					}
				}
				if near {
					if hit != nil && !sameBooks(hit, e) {
						hit = nil
						break
					}
					hit = e
				}
			}
			if hit != nil {
				return hit
			}
		}
	}
	// "Gala", "Deutero": the start of a full name; "Isiih": its
	// consonants. A numbered book's name without its number ("Thes") is
	// too ambiguous for either.
	if len(c) >= minLen {
		var hit *nameEntry
		ambiguous := false
		sk := skeleton(c)
		for _, e := range ix.byFirst()[key[0]] {
			if !e.full || (e.fam < 0 && numbered(e.books)) || e.words != k {
				continue
			}
			if !strings.HasPrefix(e.key, key) && !(len(c) <= 5 && len(sk) >= 3 && skeleton(e.coll) == sk) {
				continue
			}
			if hit != nil && !sameBooks(hit, e) {
				ambiguous = true
			}
			hit = e
		}
		if hit != nil && !ambiguous {
			return hit
		}
	}
	if len(c) < 5 && !(withOrdinal && len(c) >= 4) {
		return nil
	}
	pc := phonetic(key)
	var best *nameEntry
	bestD := 99
	try := func(list []*nameEntry, sameFirst bool) {
		for _, e := range list {
			if k > 1 && e.words != k {
				continue
			}
			allow := allowedEdits(len(e.coll))
			if !withOrdinal && len(e.coll) <= 5 && !e.full {
				// A short abbreviation is too weak an anchor on its
				// own: "colon" is not "Colos", nor "enter" "Ester".
				continue
			}
			if !sameFirst {
				// A wrong first letter is tolerated only as the single
				// error in a long name ("Oroverbs").
				if len(e.coll) < 7 {
					continue
				}
				allow = 1
			}
			if allow == 0 {
				continue
			}
			d := min(osaDistance(c, e.coll, allow), osaDistance(pc, e.phon, allow))
			if d > allow {
				continue
			}
			if d < bestD || (d == bestD && len(e.coll) > len(best.coll)) {
				best, bestD = e, d
			}
		}
	}
	try(ix.byFirst()[key[0]], true)
	if best == nil && len(c) >= 6 {
		for f, list := range ix.byFirst() {
			if f != key[0] {
				try(list, false)
			}
		}
	}
	if best != nil && !withOrdinal && (k == 1 || strings.HasPrefix(c, "the")) {
		// A misspelling mostly shuffles, doubles or drops the name's own
		// letters ("Mathtiew", "Isiaha"); an English word near a name
		// brings letters of its own ("danger", "sample", "reflection").
		// Without a book number, two edits may bring in one letter that
		// is not in the name, and three none.
		if f := foreignLetters(c, best.coll); (bestD >= 2 && f >= 2) || (bestD >= 3 && f >= 1) {
			return nil
		}
	}
	return best
}

// foreignLetters counts the distinct letters of s that name does not have.
func foreignLetters(s, name string) int {
	var seen [256]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if ch := s[i]; !seen[ch] && strings.IndexByte(name, ch) < 0 {
			seen[ch] = true
			n++
		}
	}
	return n
}

// numbered reports whether the books are numbered ones ("1Thess").
func numbered(books []string) bool {
	return len(books) > 0 && books[0][0] >= '0' && books[0][0] <= '9'
}

// skeleton keeps the first letter and the consonants: "isaiah" -> "ish".
func skeleton(s string) string {
	if s == "" {
		return s
	}
	b := []byte{s[0]}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
		default:
			b = append(b, s[i])
		}
	}
	return collapse(string(b))
}

func sameBooks(a, b *nameEntry) bool {
	if a.fam != b.fam {
		return false
	}
	return strings.Join(a.books, " ") == strings.Join(b.books, " ")
}

// looksLikePsalm recognises the many ways people mangle "Psalm": a word
// starting with p made only of the letters of "psalm", with an s or an l.
func looksLikePsalm(c string) bool {
	if len(c) < 2 || c[0] != 'p' {
		return false
	}
	sl := false
	for i := 1; i < len(c); i++ {
		switch c[i] {
		case 's', 'l':
			sl = true
		case 'a', 'm', 'p':
		default:
			return false
		}
	}
	return sl
}

// hasPrefixFold reports whether text[i:] starts with the lower-case ASCII
// word w, ignoring case.
func hasPrefixFold(text []rune, i int, w string) bool {
	if i+len(w) > len(text) {
		return false
	}
	for j := 0; j < len(w); j++ {
		if foldASCII(text[i+j]) != rune(w[j]) {
			return false
		}
	}
	return true
}

// bookHit is a book name found in text.
type bookHit struct {
	books      []string // candidate OSIS ids, best first
	start, end int      // rune offsets of the name in the text, end exclusive
	extra      int      // 1: "23rd Psalm" (chapter in the name)
	chapter    int      // the chapter of a "23rd Psalm" hit
}

// bookFilter says whether a book may be recognised at all.
type bookFilter func(osis string) bool

func isASCIIWord(r rune) bool {
	return r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// afterBookOK reports whether r may follow a book name.
func afterBookOK(r rune) bool {
	if isDigit(r) || unicode.IsSpace(r) {
		return true
	}
	switch r {
	case '.', ':', ',', ';', '&', '(', ')', '（', '）', '[', ']', '/', '"', '\'', '*', '=', '~', '-', '–', '—':
		return true
	}
	return r >= markerBase // another marker
}

// findBooks returns the book names in text, left to right.
func findBooks(text []rune, allow bookFilter, loc *localeIndex) []bookHit {
	var hits []bookHit
	for i := 0; i < len(text); {
		r := text[i]
		if !unicode.IsLetter(r) && !isDigit(r) {
			i++
			continue
		}
		if loc != nil {
			h, ok := loc.match(text, i, allow)
			if ok {
				hits = append(hits, h)
			}
			if h.end > i {
				i = h.end
				continue
			}
		}
		h, ok := matchBookAt(text, i, allow)
		if ok {
			hits = append(hits, h)
			i = h.end
			continue
		}
		if h.end > i {
			// A name of a book that is not allowed: skip its first word,
			// and the rest is read as if that name did not exist
			// ("Letter of Jeremiah 1:1" is Jeremiah 1:1, "1 Ma" is "Ma").
			j := i + 1
			for j < h.end && (unicode.IsLetter(text[j]) == unicode.IsLetter(r)) && (isDigit(text[j]) == isDigit(r)) {
				j++
			}
			i = j
			continue
		}
		// Skip to the end of this word or number.
		j := i + 1
		for j < len(text) && (unicode.IsLetter(text[j]) == unicode.IsLetter(r)) && (isDigit(text[j]) == isDigit(r)) {
			j++
		}
		i = j
	}
	return hits
}

// word is a run of letters.
type word struct{ start, end int }

// readWords reads up to n words of letters separated by white space,
// starting at i (which must be a letter).
func readWords(text []rune, i, n int) []word {
	var ws []word
	for len(ws) < n && i < len(text) && unicode.IsLetter(text[i]) {
		j := i
		for j < len(text) && unicode.IsLetter(text[j]) {
			j++
		}
		ws = append(ws, word{i, j})
		k := j
		for k < len(text) && unicode.IsSpace(text[k]) {
			k++
		}
		if k == j {
			break
		}
		i = k
	}
	return ws
}

// collapsedKey collapses repeated letters word by word ("a Acts" must not
// become "acts").
func collapsedKey(text []rune, ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(collapse(letterKey(string(text[w.start:w.end]))))
	}
	return b.String()
}

func wordsKey(text []rune, ws []word) string {
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(letterKey(string(text[w.start:w.end])))
	}
	return b.String()
}

func endOK(text []rune, end int) bool { return end >= len(text) || afterBookOK(text[end]) }

// filterBooks keeps the allowed candidates.
func filterBooks(books []string, allow bookFilter) []string {
	var out []string
	for _, b := range books {
		if allow(b) {
			out = append(out, b)
		}
	}
	return out
}

// digitSoon reports whether a digit follows end closely, past spaces and
// reference punctuation: only then is a misspelt name worth the search.
func digitSoon(text []rune, end int) bool {
	for i := end; i < len(text) && i < end+12; i++ {
		r := text[i]
		if isDigit(r) {
			return true
		}
		if unicode.IsLetter(r) {
			// "chapter 3", "verse 2", "ch 3", "v. 2"
			continue
		}
	}
	return false
}

// matchNames tries names of up to maxWords words starting at i, longest
// first. The words must end where a book name may end.
func matchNames(text []rune, i int, ix *nameIndex, withOrdinal bool, accept func(*nameEntry) []string) ([]string, int) {
	books, end, _ := matchNamesBlocked(text, i, ix, withOrdinal, accept, nil)
	return books, end
}

// matchNamesBlocked is matchNames that also reports the end of the
// longest name it found for a book that is not allowed ("1 Macc" without
// the apocrypha), so that the caller can skip it.
func matchNamesBlocked(text []rune, i int, ix *nameIndex, withOrdinal bool, accept func(*nameEntry) []string, blocked func(*nameEntry) bool) ([]string, int, int) {
	blockedEnd := 0
	if i >= len(text) || !unicode.IsLetter(text[i]) {
		return nil, 0, 0
	}
	ws := readWords(text, i, ix.maxWords)
	keys := make([]string, len(ws))
	colls := make([]string, len(ws))
	for j, w := range ws {
		keys[j] = letterKey(string(text[w.start:w.end]))
		colls[j] = collapse(keys[j])
	}
	if len(ws) > 1 && !ix.multiFirst(colls[0]) {
		ws = ws[:1]
	}
	for k := len(ws); k >= 1; k-- {
		end := ws[k-1].end
		if !endOK(text, end) {
			continue
		}
		key := strings.Join(keys[:k], "")
		e := ix.exact[key]
		single := plainCase(text, ws[:k])
		ckey := strings.Join(colls[:k], "")
		intoRef := e == nil && runsIntoRefWord(key)
		if e == nil && single && !intoRef && (withOrdinal || len(ckey) >= 4 || !doubledVowel(key)) {
			// "Mathhhew", "Jhhn"; but "cool", "room" and "soon" are
			// words, not Col, Rom and Son.
			e = ix.coll(ckey)
		}
		exact := e != nil
		// A misspelt name of several words does not end in "of" or
		// "the" ("Song of the 3" is not the Song of Solomon).
		danglingWord := k > 1 && (functionWords[keys[k-1]] || keys[k-1] == "of")
		if e == nil && digitSoon(text, end) && single && !intoRef && !danglingWord {
			if !(withOrdinal && plainIndex().exact[key] != nil) {
				e = ix.lookup(key, ckey, k, withOrdinal)
			}
		}
		if e == nil {
			continue
		}
		if books := accept(e); len(books) > 0 {
			return books, end, blockedEnd
		}
		if blocked != nil && blockedEnd == 0 && exact && blocked(e) {
			blockedEnd = end
		}
	}
	return nil, 0, blockedEnd
}

// closeFamilyName reports whether key, a name that a roman numeral or
// ordinal word runs into, may be taken for a name of a family holding
// book. Exact names and repeated letters always may ("IIKings", "ijn"),
// and so may a misspelling that starts with a capital in a word that is
// not all capitals, so that the word reads as two ("IIKig", "ICorth"), or
// one longer than six letters. A short one otherwise may not: "Item",
// "ISAAC" and "Ipets" are words.
func closeFamilyName(key string, capital bool, book string) bool {
	fx := familyIndex()
	c := collapse(key)
	for _, e := range []*nameEntry{fx.exact[key], fx.coll(c)} {
		if e != nil && slices.Contains(families[e.fam].books, book) {
			return true
		}
	}
	return capital || len(c) > 6
}

// doubledVowel reports whether s has a vowel written twice running, as
// short English words do ("cool", "seen").
func doubledVowel(s string) bool {
	for i := 1; i < len(s); i++ {
		if s[i] == s[i-1] && strings.IndexByte("aeiou", s[i]) >= 0 {
			return true
		}
	}
	return false
}

// allUpper reports whether the letters rs are all capitals.
func allUpper(rs []rune) bool {
	for _, r := range rs {
		if unicode.IsLower(r) {
			return false
		}
	}
	return true
}

// wordEnd is the end of the run of letters at i.
func wordEnd(text []rune, i int) int {
	for i < len(text) && unicode.IsLetter(text[i]) {
		i++
	}
	return i
}

// refWordTails are the words of references that may be run into a book
// name without a space ("Judgch 10", "Psalmv. 2").
var refWordTails = []string{"ch", "chs", "chap", "chapter", "chapters", "v", "vv", "vs", "ver", "vss", "vers", "verse", "verses"}

// runsIntoRefWord reports whether key is an exact name followed by a
// reference word ("judgch", "psalmv"). Such a word is not a misspelt name:
// a name must end at a number, space or punctuation.
func runsIntoRefWord(key string) bool {
	for _, t := range refWordTails {
		if len(key) <= len(t) || !strings.HasSuffix(key, t) {
			continue
		}
		if p := key[:len(key)-len(t)]; plainIndex().exact[p] != nil || familyIndex().exact[p] != nil {
			return true
		}
	}
	return false
}

// matchBookAt matches a book name starting exactly at i.
func matchBookAt(text []rune, i int, allow bookFilter) (bookHit, bool) {
	prev := rune(' ')
	if i > 0 {
		prev = text[i-1]
	}
	if unicode.IsLetter(prev) {
		return bookHit{}, false
	}
	// "23rd Psalm"
	if isDigit(text[i]) && !isASCIIWord(prev) {
		if h, ok := matchPsalmOrdinal(text, i, allow); ok {
			return h, true
		}
	}
	// Numbered books: "1 John", "II Kings", "Second Timothy".
	numberOK := !isDigit(prev) && !(prev == ':' && i > 1 && isDigit(text[i-2]) && isDigit(text[i]))
	if numberOK {
		n, j, joined, ok := readOrdinal(text, i)
		var rest string
		if ok && joined {
			// A plain name spelt by the whole word wins ("Isa", "Is" are
			// Isaiah, not "I Sa", "I S"), and so does a misspelt plain
			// name unless the rest of the word is a numbered book's name
			// as it stands ("Isaah" is Isaiah, "IICHRONICLES" 2 Chronicles).
			whole := letterKey(string(text[i:wordEnd(text, i)]))
			rest = letterKey(string(text[j:wordEnd(text, j)]))
			fx := familyIndex()
			if plainIndex().exact[whole] != nil {
				ok = false
			} else if fx.exact[rest] == nil && fx.coll(collapse(rest)) == nil {
				if bs, _ := matchNames(text, i, plainIndex(), false, func(e *nameEntry) []string { return filterBooks(e.books, allow) }); bs != nil {
					ok = false
				}
			}
		}
		if ok {
			// The one-letter "S" (Samuel) only follows a bare digit: "1S",
			// "2 S", not "I S" or "Seconds".
			bareDigit := isDigit(text[i]) && (i+1 >= len(text) || !unicode.IsLetter(text[i+1]) || j == i+1)
			// "I sat 3 rows back", "I put 2 in": the pronoun before a
			// common word in lower case is not a book number ("I Per" is).
			nameKey := letterKey(string(text[j:wordEnd(text, j)]))
			pronoun := (text[i] == 'I' || text[i] == 'i') && j > i+1 && unicode.IsSpace(text[i+1]) &&
				unicode.IsLower(text[j]) && notBookWords()[nameKey] && familyIndex().exact[nameKey] == nil
			books, end, blockedEnd := matchNamesBlocked(text, j, familyIndex(), true, func(e *nameEntry) []string {
				f := families[e.fam]
				if n > len(f.books) || (e.key == "s" && !bareDigit) || pronoun {
					return nil
				}
				return filterBooks(f.books[n-1:n], allow)
			}, func(e *nameEntry) bool {
				f := families[e.fam]
				return n <= len(f.books) && !allow(f.books[n-1])
			})
			if books != nil && joined && !closeFamilyName(rest, unicode.IsUpper(text[j]) && !allUpper(text[i:wordEnd(text, i)]), books[0]) {
				// "Item 3", "Ishmael 3", "Secondcoming 2" are not
				// "I Tm", "I Shmael", "Second Cor".
				books = nil
			}
			if books != nil {
				return bookHit{books: books, start: i, end: end}, true
			}
			if blockedEnd > 0 {
				return bookHit{start: i, end: blockedEnd}, false
			}
		}
	}
	if !unicode.IsLetter(text[i]) {
		return bookHit{}, false
	}
	plain := func(e *nameEntry) []string { return filterBooks(e.books, allow) }
	// "The Gospel according to St. Matthew", "St. John".
	if j, ok := readGospelPrefix(text, i); ok {
		books, end := matchNames(text, j, plainIndex(), false, func(e *nameEntry) []string {
			bs := plain(e)
			if len(bs) == 0 || !gospelBooks[bs[0]] {
				return nil
			}
			return bs
		})
		if books != nil {
			return bookHit{books: books, start: i, end: end}, true
		}
		// "Gospel of Joon": the nearest gospel.
		if ws := readWords(text, j, 1); len(ws) == 1 && endOK(text, ws[0].end) {
			key := letterKey(string(text[ws[0].start:ws[0].end]))
			if b := nearestGospel(key); b != "" && allow(b) && plainIndex().exact[key] == nil {
				return bookHit{books: []string{b}, start: i, end: ws[0].end}, true
			}
		}
	}
	books, end, blockedEnd := matchNamesBlocked(text, i, plainIndex(), false, plain, func(e *nameEntry) bool {
		return len(e.books) > 0 && len(filterBooks(e.books, allow)) == 0
	})
	if books == nil && blockedEnd > 0 {
		return bookHit{start: i, end: blockedEnd}, false
	}
	if books == nil {
		// "The Song of Songs", "The Acts of the Apostles".
		if ws := readWords(text, i, 2); len(ws) == 2 && letterKey(string(text[ws[0].start:ws[0].end])) == "the" {
			books, end = matchNames(text, ws[1].start, plainIndex(), false, func(e *nameEntry) []string {
				if e.words < 2 {
					return nil
				}
				return plain(e)
			})
		}
	}
	if books == nil {
		return bookHit{}, false
	}
	return bookHit{books: books, start: i, end: end}, true
}

// readOrdinal reads a book number at i: "1", "1st", "I", "First", with an
// optional period and spaces after it. A roman numeral or word may also run
// straight into the name ("IIKings", "FirstJohn"); joined then says so, and
// the caller prefers a plain name spelt by the whole word ("Isa", "Is").
// The words First, Second and Third take no period.
func readOrdinal(text []rune, i int) (n, end int, joined, ok bool) {
	bestLen := 0
	for num, forms := range ordinalWords {
		for _, f := range forms {
			l := len(f)
			if !hasPrefixFold(text, i, f) {
				continue
			}
			if isDigit(text[i]) && l == 1 && i+1 < len(text) && isDigit(text[i+1]) {
				continue
			}
			if l > 3 && i+l < len(text) && text[i+l] == '.' {
				// "First." is not an abbreviation.
				continue
			}
			if l > bestLen {
				bestLen, n = l, num+1
			}
		}
	}
	if bestLen == 0 {
		return 0, 0, false, false
	}
	j := i + bestLen
	if j < len(text) && text[j] == '.' {
		j++
	}
	for j < len(text) && unicode.IsSpace(text[j]) {
		j++
	}
	if j >= len(text) || !unicode.IsLetter(text[j]) {
		return 0, 0, false, false
	}
	return n, j, !isDigit(text[i]) && j == i+bestLen, true
}

// readGospelPrefix reads "(The) Gospel (according to|of) (Saint|St.)" or
// "Saint"/"St." at i and returns where the book name starts.
func readGospelPrefix(text []rune, i int) (int, bool) {
	ws := readWords(text, i, 6)
	keys := make([]string, len(ws))
	for k, w := range ws {
		keys[k] = letterKey(string(text[w.start:w.end]))
	}
	k := 0
	gospel := false
	if k < len(keys) && keys[k] == "the" && k+1 < len(keys) && keys[k+1] == "gospel" {
		k++
	}
	if k < len(keys) && keys[k] == "gospel" {
		gospel = true
		k++
		switch {
		case k+1 < len(keys) && keys[k] == "according" && keys[k+1] == "to":
			k += 2
		case k < len(keys) && keys[k] == "of":
			k++
		}
	}
	if k < len(keys) && (keys[k] == "saint" || keys[k] == "st") {
		// "St." may be followed by a period.
		end := ws[k].end
		if end < len(text) && text[end] == '.' {
			end++
		}
		for end < len(text) && unicode.IsSpace(text[end]) {
			end++
		}
		if end < len(text) && unicode.IsLetter(text[end]) && end > ws[k].end {
			return end, true
		}
		return 0, false
	}
	if gospel && k < len(ws) {
		return ws[k].start, true
	}
	return 0, false
}

// matchPsalmOrdinal matches "23rd Psalm", "1stPsalm", "122 nd Psalm".
func matchPsalmOrdinal(text []rune, i int, allow bookFilter) (bookHit, bool) {
	if !allow("Ps") {
		return bookHit{}, false
	}
	j := i
	n := 0
	for j < len(text) && isDigit(text[j]) && j-i < 3 {
		n = n*10 + int(text[j]-'0')
		j++
	}
	if j < len(text) && isDigit(text[j]) {
		return bookHit{}, false
	}
	for j < len(text) && unicode.IsSpace(text[j]) {
		j++
	}
	if j+2 > len(text) {
		return bookHit{}, false
	}
	suf := strings.ToLower(string(text[j : j+2]))
	if suf != ordinalSuffix(n) || n < 1 || n > 153 {
		return bookHit{}, false
	}
	j += 2
	for j < len(text) && unicode.IsSpace(text[j]) {
		j++
	}
	if j+5 > len(text) || !strings.EqualFold(string(text[j:j+5]), "psalm") {
		return bookHit{}, false
	}
	j += 5
	if j < len(text) && isASCIIWord(text[j]) {
		return bookHit{}, false
	}
	return bookHit{books: []string{"Ps"}, start: i, end: j, extra: 1, chapter: n}, true
}

// ordinalSuffix is the English suffix of n: 1st, 2nd, 3rd, 4th, 11th.
func ordinalSuffix(n int) string {
	if n%100 >= 11 && n%100 <= 13 {
		return "th"
	}
	switch n % 10 {
	case 1:
		return "st"
	case 2:
		return "nd"
	case 3:
		return "rd"
	}
	return "th"
}

// translationAt matches a translation abbreviation at i (no boundary is
// needed before it, but it must end a word).
func translationAt(text []rune, i int) (string, int, bool) {
	if !translationFirst()[foldASCII(text[i])] {
		return "", 0, false
	}
	for _, t := range translationNames {
		l := len(t.name)
		if !hasPrefixFold(text, i, t.lower) {
			continue
		}
		if i+l < len(text) && isASCIIWord(text[i+l]) {
			continue
		}
		return t.name, i + l, true
	}
	return "", 0, false
}

// nearestGospel returns the gospel whose name is within one edit of key
// (two for long names), when there is exactly one.
func nearestGospel(key string) string {
	c := collapse(key)
	if len(c) < 3 {
		return ""
	}
	found := ""
	for _, e := range plainIndex().byFirst()[c[0]] {
		if len(e.books) == 0 || !gospelBooks[e.books[0]] || len(e.books) > 1 {
			continue
		}
		limit := 1
		if len(e.coll) >= 6 {
			limit = 2
		}
		if osaDistance(c, e.coll, limit) <= limit {
			if found != "" && found != e.books[0] {
				return ""
			}
			found = e.books[0]
		}
	}
	return found
}

// plainCase reports whether every word is written in one case or
// capitalised. "aPhilemon" or "ESVHeb" are two words run together, and
// the tolerant rules must not read them as one misspelt name.
func plainCase(text []rune, ws []word) bool {
	for _, w := range ws {
		upper, lower := 0, 0
		for i := w.start; i < w.end; i++ {
			r := text[i]
			switch {
			case unicode.IsUpper(r):
				if lower > 0 {
					return false
				}
				upper++
			case unicode.IsLower(r):
				if upper > 1 {
					return false
				}
				lower++
			}
		}
	}
	return true
}

// translationFirst holds the first letters of the translation names (and
// fills in their lower-case forms), on first use.
var translationFirst = sync.OnceValue(func() map[rune]bool {
	m := map[rune]bool{}
	for i, t := range translationNames {
		translationNames[i].lower = strings.ToLower(t.name)
		m[rune(translationNames[i].lower[0])] = true
	}
	return m
})

// multiFirst reports whether a name of several words may start with the
// word w (within one edit).
func (ix *nameIndex) multiFirst(w string) bool {
	for _, f := range ix.firsts {
		if f[0] != w[0] {
			continue
		}
		if f == w || (len(w) > 2 && osaDistance(w, f, 1) <= 1) {
			return true
		}
	}
	return false
}
