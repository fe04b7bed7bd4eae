package canon

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Testament names one of the two per-testament files of a verse module.
type Testament int

// The testaments. The zero value is invalid.
const (
	OT Testament = 1
	NT Testament = 2
)

func (t Testament) String() string {
	switch t {
	case OT:
		return "OT"
	case NT:
		return "NT"
	}
	return fmt.Sprintf("Testament(%d)", int(t))
}

// Book is one book of one versification system. Books are shared, read-only
// values: callers must not modify them (including the Verses slice).
type Book struct {
	OSIS      string    // OSIS id: "Gen", "1John", "EsthGr"
	Name      string    // SWORD long name: "Genesis", "I Samuel", "Revelation of John"
	Abbrev    string    // SWORD preferred abbreviation
	Verses    []int     // Verses[c-1] is the verse count of chapter c
	Testament Testament // the testament file the book's slots live in

	index    int   // position among all books of the system (OT then NT), 0-based
	intro    int   // TI of the book-introduction slot
	chapSlot []int // chapSlot[c-1]: TI of the chapter-introduction slot of chapter c
	chapOrd  []int // chapOrd[c-1]: global ordinal of verse c:1
	verses   int   // total verses of the book
}

// Chapters returns the number of chapters of b.
func (b *Book) Chapters() int { return len(b.Verses) }

// VerseTotal returns the number of verses in the whole book.
func (b *Book) VerseTotal() int { return b.verses }

// HumanName returns the display name of the book (see the package HumanName).
func (b *Book) HumanName() string { return HumanName(b.OSIS) }

// System is one versification system: an ordered book list per testament with
// chapter and verse counts. Systems are immutable and safe for concurrent use.
type System struct {
	Name string
	OT   []*Book
	NT   []*Book

	books   []*Book // OT then NT
	byOSIS  map[string]*Book
	records [3]int // records[OT], records[NT]: index entries per testament file

	// chapStart[i] is the global ordinal of the first verse of the i-th chapter
	// of the system (all books, system order); chapBook/chapNum name it.
	chapStart []int
	chapBook  []*Book
	chapNum   []int
	total     int

	// Verse-mapping rules relative to KJVA (nil: none), built on first use:
	// building every system's rules at start-up cost 50 ms per process.
	rawRules  []mapRule
	rulesOnce sync.Once
	rules     *ruleSet
}

type rawBook struct {
	osis, name, abbrev string
	chapters           int
}

type rawSystem struct {
	name   string
	ot, nt []rawBook
	verses []uint8
	rules  []mapRule
}

// Systems are built on first use, each on its own: building all eighteen
// at start-up cost about 3 ms per process, and most processes need one or
// two (berean read starts in a few milliseconds).
type lazySystem struct {
	once sync.Once
	s    *System
}

var (
	lazySystems = make([]lazySystem, len(rawSystems))
	kjvSystem   = sync.OnceValue(func() *System { return systemNamed("KJV") })
)

// systemAt returns the i-th system of rawSystems, building it once.
func systemAt(i int) *System {
	l := &lazySystems[i]
	l.once.Do(func() {
		l.s = newSystem(rawSystems[i])
		l.s.rawRules = rawSystems[i].rules
	})
	return l.s
}

// systemNamed returns the system called name (any case), or nil.
func systemNamed(name string) *System {
	for i := range rawSystems {
		if strings.EqualFold(rawSystems[i].name, name) {
			return systemAt(i)
		}
	}
	return nil
}

func newSystem(r rawSystem) *System {
	nb, nc := len(r.ot)+len(r.nt), 0
	for _, list := range [][]rawBook{r.ot, r.nt} {
		for _, rb := range list {
			nc += rb.chapters
		}
	}
	s := &System{Name: r.name, byOSIS: make(map[string]*Book, nb)}
	// One allocation each for the books and their per-chapter tables, and
	// the system's chapter tables sized up front: a process builds one or
	// two systems at start-up, and each small allocation costs.
	bookArr := make([]Book, nb)
	ints := make([]int, 3*nc)
	s.books = make([]*Book, 0, nb)
	s.chapStart = make([]int, 0, nc)
	s.chapBook = make([]*Book, 0, nc)
	s.chapNum = make([]int, 0, nc)
	vi := 0
	ord := 0
	for t, list := range [][]rawBook{r.ot, r.nt} {
		test := Testament(t + 1)
		ti := 2 // TI 0: module heading, TI 1: testament heading
		for _, rb := range list {
			n := rb.chapters
			b := &bookArr[len(s.books)]
			*b = Book{
				OSIS: rb.osis, Name: rb.name, Abbrev: rb.abbrev, Testament: test,
				index:    len(s.books),
				Verses:   ints[0:n:n],
				chapSlot: ints[n : 2*n : 2*n],
				chapOrd:  ints[2*n : 3*n : 3*n],
			}
			ints = ints[3*n:]
			b.intro = ti
			ti++
			for c := range rb.chapters {
				n := int(r.verses[vi])
				vi++
				b.Verses[c] = n
				b.chapSlot[c] = ti
				ti += 1 + n
				b.chapOrd[c] = ord
				s.chapStart = append(s.chapStart, ord)
				s.chapBook = append(s.chapBook, b)
				s.chapNum = append(s.chapNum, c+1)
				ord += n
				b.verses += n
			}
			s.books = append(s.books, b)
			s.byOSIS[b.OSIS] = b
			if test == OT {
				s.OT = append(s.OT, b)
			} else {
				s.NT = append(s.NT, b)
			}
		}
		s.records[test] = ti
	}
	s.total = ord
	return s
}

// Get returns the system with the given name ("KJV", "NRSVA", ...), compared
// case-insensitively. An unknown name returns false; libsword then falls back
// to KJV, and callers should do the same (see KJV).
func Get(name string) (*System, bool) {
	s := systemNamed(strings.TrimSpace(name))
	return s, s != nil
}

// KJV returns the KJV system, SWORD's default versification.
func KJV() *System { return kjvSystem() }

// Names returns the names of all systems, in libsword's registration order.
func Names() []string {
	out := make([]string, len(rawSystems))
	for i, r := range rawSystems {
		out[i] = r.name
	}
	return out
}

// Systems returns all systems, in libsword's registration order.
func Systems() []*System {
	out := make([]*System, len(rawSystems))
	for i := range rawSystems {
		out[i] = systemAt(i)
	}
	return out
}

func (s *System) String() string { return s.Name }

// Book returns the book with the given OSIS id, if the system has it.
func (s *System) Book(osis string) (*Book, bool) {
	b, ok := s.byOSIS[osis]
	return b, ok
}

// Books returns all books of the system, OT then NT, in system order.
func (s *System) Books() []*Book { return append([]*Book(nil), s.books...) }

// Has reports whether the system has the book.
func (s *System) Has(osis string) bool {
	_, ok := s.byOSIS[osis]
	return ok
}

// Records returns the number of index records of the testament's file:
// 2 + books + chapters + verses (sword-format §2.1).
func (s *System) Records(t Testament) int {
	if t != OT && t != NT {
		return 0
	}
	return s.records[t]
}

// Slot returns the testament and the testament index (TI) of a slot:
// ch == 0 (and v == 0) is the book introduction, v == 0 the chapter
// introduction, anything else a verse. See doc.go for the layout.
func (s *System) Slot(osis string, ch, v int) (Testament, int, error) {
	b, ok := s.byOSIS[osis]
	if !ok {
		return 0, 0, s.bookError(osis)
	}
	if ch == 0 {
		if v != 0 {
			return 0, 0, &RefError{System: s.Name, Book: osis, Chapter: ch, Verse: v, Kind: BadNumber, Limit: 0}
		}
		return b.Testament, b.intro, nil
	}
	if err := s.check(b, ch, v); err != nil {
		return 0, 0, err
	}
	return b.Testament, b.chapSlot[ch-1] + v, nil
}

// Check reports whether the reference exists in the system. ch == 0 names
// the whole book and v == 0 the whole chapter. The error is a *RefError whose
// message names the limit: "John has 21 chapters; John 22 does not exist".
func (s *System) Check(osis string, ch, v int) error {
	b, ok := s.byOSIS[osis]
	if !ok {
		return s.bookError(osis)
	}
	if ch == 0 && v != 0 {
		return &RefError{System: s.Name, Book: osis, Chapter: ch, Verse: v, Kind: BadNumber}
	}
	return s.check(b, ch, v)
}

func (s *System) check(b *Book, ch, v int) error {
	switch {
	case ch < 0 || v < 0:
		return &RefError{System: s.Name, Book: b.OSIS, Chapter: ch, Verse: v, Kind: BadNumber}
	case ch > len(b.Verses):
		return &RefError{System: s.Name, Book: b.OSIS, Chapter: ch, Verse: v, Kind: NoChapter, Limit: len(b.Verses)}
	case ch > 0 && v > b.Verses[ch-1]:
		return &RefError{System: s.Name, Book: b.OSIS, Chapter: ch, Verse: v, Kind: NoVerse, Limit: b.Verses[ch-1], single: len(b.Verses) == 1}
	}
	return nil
}

func (s *System) bookError(osis string) error {
	if Known(osis) {
		return &RefError{System: s.Name, Book: osis, Kind: NoBook}
	}
	return &RefError{System: s.Name, Book: osis, Kind: UnknownBook}
}

// Exists reports whether ch:v is a verse (v >= 1) of the book in the system.
func (s *System) Exists(osis string, ch, v int) bool {
	b, ok := s.byOSIS[osis]
	return ok && ch >= 1 && ch <= len(b.Verses) && v >= 1 && v <= b.Verses[ch-1]
}

// Ordinal returns the position of a verse among all verses of the system,
// counting from 0 in system order (OT then NT; no introduction slots).
func (s *System) Ordinal(osis string, ch, v int) (int, bool) {
	b, ok := s.byOSIS[osis]
	if !ok || ch < 1 || ch > len(b.Verses) || v < 1 || v > b.Verses[ch-1] {
		return 0, false
	}
	return b.chapOrd[ch-1] + v - 1, true
}

// VerseAt is the inverse of Ordinal. It returns ("", 0, 0) when ord is out of
// range.
func (s *System) VerseAt(ord int) (osis string, ch, v int) {
	if ord < 0 || ord >= s.total {
		return "", 0, 0
	}
	// The last chapter starting at or before ord. Empty chapters (no verses)
	// share their start with the next chapter; the search skips them.
	i := sort.Search(len(s.chapStart), func(i int) bool { return s.chapStart[i] > ord }) - 1
	return s.chapBook[i].OSIS, s.chapNum[i], ord - s.chapStart[i] + 1
}

// VerseCount returns the number of verses of the system (both testaments).
func (s *System) VerseCount() int { return s.total }

// Counts returns the number of books, chapters and verses of a testament.
func (s *System) Counts(t Testament) (books, chapters, verses int) {
	for _, b := range s.books {
		if b.Testament == t {
			books++
			chapters += len(b.Verses)
			verses += b.verses
		}
	}
	return
}

// mapRules returns the system's mapping rules, building them once.
func (s *System) mapRules() *ruleSet {
	s.rulesOnce.Do(func() { s.rules = buildRules(s, s.rawRules) })
	return s.rules
}
