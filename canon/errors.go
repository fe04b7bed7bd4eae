package canon

import (
	"errors"
	"fmt"
)

// ErrInvalid is wrapped by every *RefError: the reference does not exist in
// the versification (errors.Is(err, canon.ErrInvalid)).
var ErrInvalid = errors.New("reference does not exist")

// ErrorKind says which limit a reference broke.
type ErrorKind int

// The kinds of RefError.
const (
	UnknownBook ErrorKind = iota + 1 // the OSIS id is not a known book at all
	NoBook                           // a known book the system does not have (Tob in KJV)
	NoChapter                        // the chapter is past the book's last chapter
	NoVerse                          // the verse is past the chapter's last verse
	BadNumber                        // a negative number, or a verse without a chapter
)

// RefError describes a reference that does not exist in a system. Its message
// names the limit, in human book names:
//
//	John has 21 chapters; John 22 does not exist
//	Jude has 1 chapter; Jude 2 does not exist
//	John 3 has 36 verses; John 3:37 does not exist
//	Psalms has 150 chapters; Psalm 151 does not exist
//	Tobit is not in the KJV versification
type RefError struct {
	System  string // system name, "KJV"
	Book    string // OSIS id as given
	Chapter int
	Verse   int
	Kind    ErrorKind
	Limit   int // chapter count (NoChapter) or verse count (NoVerse)

	single bool // NoVerse in a one-chapter book
}

func (e *RefError) Error() string {
	name := HumanName(e.Book)
	ch := HumanChapterName(e.Book)
	switch e.Kind {
	case UnknownBook:
		return fmt.Sprintf("unknown book %q", e.Book)
	case NoBook:
		return fmt.Sprintf("%s is not in the %s versification", name, e.System)
	case NoChapter:
		return fmt.Sprintf("%s has %s; %s %d does not exist", name, plural(e.Limit, "chapter"), ch, e.Chapter)
	case NoVerse:
		if e.single {
			return fmt.Sprintf("%s has %s; %s %d:%d does not exist", name, plural(e.Limit, "verse"), ch, e.Chapter, e.Verse)
		}
		return fmt.Sprintf("%s %d has %s; %s %d:%d does not exist", ch, e.Chapter, plural(e.Limit, "verse"), ch, e.Chapter, e.Verse)
	}
	return fmt.Sprintf("%s %d:%d is not a valid reference", ch, e.Chapter, e.Verse)
}

// Unwrap returns ErrInvalid.
func (e *RefError) Unwrap() error { return ErrInvalid }

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
