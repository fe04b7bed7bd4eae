package ref

import (
	"iter"
	"strconv"
	"strings"

	"berean/canon"
)

// Ref is a point in the Bible: a verse, a whole chapter (Verse 0) or a
// whole book (Chapter 0). Book is the OSIS id ("Heb", "1John").
type Ref struct {
	Book    string
	Chapter int
	Verse   int
}

// Range is a passage from Start to End inclusive. A single verse, chapter
// or book has End == Start (or a zero End). Start and End have the same
// granularity: both verses, both chapters or both books.
type Range struct {
	Start, End Ref
}

// IsValid reports whether r names a book.
func (r Ref) IsValid() bool { return r.Book != "" }

// OSIS returns the OSIS form: "Heb.7.25", "Lev.16", "Jude".
func (r Ref) OSIS() string {
	switch {
	case r.Chapter == 0:
		return r.Book
	case r.Verse == 0:
		return r.Book + "." + strconv.Itoa(r.Chapter)
	}
	return r.Book + "." + strconv.Itoa(r.Chapter) + "." + strconv.Itoa(r.Verse)
}

// String returns the human form: "Hebrews 7:25", "Psalm 23", "Jude 3".
func (r Ref) String() string { return Range{Start: r}.String() }

// end returns the end of r, which is Start when End is zero.
func (r Range) end() Ref {
	if r.End.Book == "" {
		return r.Start
	}
	return r.End
}

// IsSingle reports whether r is one verse, chapter or book.
func (r Range) IsSingle() bool { return r.end() == r.Start }

// OSIS returns the OSIS form of the range with the compaction of
// Bible-Passage-Reference-Parser: "Heb.7.23-Heb.7.25", "Gen.1-Gen.2",
// "Lev.16", "Jude".
func (r Range) OSIS() string {
	s, e := r.Start.OSIS(), r.end().OSIS()
	if s == e {
		return s
	}
	return s + "-" + e
}

// OSIS joins ranges with commas. Parse and Scan already combine
// consecutive passages ("Gen 1, 2" is one range Gen.1-Gen.2).
func OSIS(rs []Range) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = r.OSIS()
	}
	return strings.Join(parts, ",")
}

// singleChapter reports whether the book has one chapter.
func singleChapter(book string) bool {
	if b, ok := canon.KJV().Book(book); ok {
		return b.Chapters() == 1
	}
	if s, ok := canon.Get("KJVA"); ok {
		if b, ok := s.Book(book); ok {
			return b.Chapters() == 1
		}
	}
	return false
}

// cv writes chapter and verse ("7:25"; "25" in a one-chapter book).
func cv(r Ref) string {
	if r.Verse == 0 {
		return strconv.Itoa(r.Chapter)
	}
	if singleChapter(r.Book) && r.Chapter == 1 {
		return strconv.Itoa(r.Verse)
	}
	return strconv.Itoa(r.Chapter) + ":" + strconv.Itoa(r.Verse)
}

// String returns the human form: "Hebrews 7:23-25", "1 John 2:1",
// "Genesis 1:1-2:3", "Psalms 1-2", "Jude 3", "Genesis 50-Exodus 2".
func (r Range) String() string { return r.format(canon.HumanName, canon.HumanChapterName) }

// format writes the human form with the given book names (the name of a
// whole book, the name before a chapter number).
func (r Range) format(bookName, chapterName func(string) string) string {
	s, e := r.Start, r.end()
	if s.Book == "" {
		return ""
	}
	if s.Chapter == 0 {
		if s == e {
			return bookName(s.Book)
		}
		return bookName(s.Book) + "-" + bookName(e.Book)
	}
	name := chapterName(s.Book)
	if s == e {
		if s.Verse == 0 && singleChapter(s.Book) {
			return bookName(s.Book)
		}
		return name + " " + cv(s)
	}
	if e.Book != s.Book {
		return Range{Start: s}.format(bookName, chapterName) + "-" + Range{Start: e}.format(bookName, chapterName)
	}
	switch {
	case s.Verse == 0 && e.Verse == 0:
		return bookName(s.Book) + " " + strconv.Itoa(s.Chapter) + "-" + strconv.Itoa(e.Chapter)
	case s.Chapter == e.Chapter:
		return name + " " + cv(s) + "-" + strconv.Itoa(e.Verse)
	}
	return name + " " + cv(s) + "-" + cv(e)
}

// Verses returns the verses of r in the system's order. A book or chapter
// missing from the system yields nothing.
func (r Range) Verses(s *canon.System) iter.Seq[Ref] {
	return func(yield func(Ref) bool) {
		first, ok1 := firstVerse(s, r.Start)
		last, ok2 := lastVerse(s, r.end())
		if !ok1 || !ok2 {
			return
		}
		for o := first; o <= last; o++ {
			b, c, v := s.VerseAt(o)
			if !yield(Ref{b, c, v}) {
				return
			}
		}
	}
}

func firstVerse(s *canon.System, r Ref) (int, bool) {
	c, v := r.Chapter, r.Verse
	if c == 0 {
		c = 1
	}
	if v == 0 {
		v = 1
	}
	return s.Ordinal(r.Book, c, v)
}

func lastVerse(s *canon.System, r Ref) (int, bool) {
	b, ok := s.Book(r.Book)
	if !ok {
		return 0, false
	}
	c, v := r.Chapter, r.Verse
	if c == 0 {
		c = b.Chapters()
	}
	if c < 1 || c > b.Chapters() {
		return 0, false
	}
	if v == 0 {
		v = b.Verses[c-1]
	}
	return s.Ordinal(r.Book, c, v)
}
