package corpus

import (
	"fmt"
	"strings"

	"berean/canon"
	"berean/markup"
	"berean/ref"
)

// Align returns the verses of Bible to that correspond to verse r of Bible
// from, following the versification mappings of canon.Map (libsword's
// tables, pivoting through KJVA). Examples with the installed modules:
// KJV 3 John 1:14 is NRSVA (WEB) 3 John 1:14-15, and NRSVA Rev 12:18 is KJV
// Rev 13:1. Between a KJV-style system and a Hebrew-numbered one
// (Leningrad), KJV Malachi 4:1 is Malachi 3:19 and a psalm title (verse 0,
// the chapter-introduction slot, in KJV-style systems) is verse 1. The
// result is empty when nothing corresponds.
func Align(from, to *Bible, r ref.Ref) []ref.Ref {
	return alignRef(from.system(), to.system(), r)
}

func alignRef(from, to *canon.System, r ref.Ref) []ref.Ref {
	if from == to || from.Name == to.Name {
		if from.Exists(r.Book, r.Chapter, r.Verse) {
			return []ref.Ref{r}
		}
		return nil
	}
	vs := canon.Map(from, to, r.Book, r.Chapter, r.Verse)
	out := make([]ref.Ref, 0, len(vs))
	for _, v := range vs {
		out = append(out, ref.Ref{Book: v.Book, Chapter: v.Chapter, Verse: v.Verse})
	}
	return out
}

// Row is one line of a parallel passage: a verse of the first Bible and
// what corresponds to it in each Bible.
type Row struct {
	Ref ref.Ref // the verse in the first Bible
	// Cells[i] are the verses of bibles[i] for this row: for the first
	// Bible the verse itself; for the others the verses Align gives, each
	// verse appearing only in the first row it corresponds to (KJV 3 John
	// 1:14 shows WEB 1:14 and 1:15; WEB 1:14 and 1:15 both map to KJV 1:14,
	// which appears once). A psalm title that is a verse in one system and
	// verse 0 in the other is shown as a verse with Ref.Verse 0 whose Clean
	// is the title.
	Cells [][]Verse
}

// title is a psalm title as a Text: the chapter introduction, or else the
// canonical titles before verse 1 (where KJV-style modules keep them).
func (b *Bible) title(osis string, ch int) (markup.Text, error) {
	tx, err := b.Intro(osis, ch)
	if err != nil || tx.Clean != "" {
		return tx, err
	}
	v1, err := b.Verse(osis, ch, 1)
	if err != nil {
		return markup.Text{}, err
	}
	var parts []string
	for _, ti := range v1.Titles {
		if ti.Canonical {
			parts = append(parts, ti.Text)
		}
	}
	return markup.Render([]byte(strings.Join(parts, " ")), markup.PlainText), nil
}

// Parallel renders passage r of bibles[0] with the corresponding verses of
// the other Bibles. The reference is checked against bibles[0]'s
// versification.
func Parallel(bibles []*Bible, r ref.Range) ([]Row, error) {
	if len(bibles) == 0 {
		return nil, fmt.Errorf("corpus: no Bible to read")
	}
	first, err := bibles[0].Passage(r)
	if err != nil {
		return nil, err
	}
	seen := make([]map[ref.Ref]bool, len(bibles))
	for i := range seen {
		seen[i] = map[ref.Ref]bool{}
	}
	rows := make([]Row, len(first))
	for n, v := range first {
		row := Row{Ref: v.Ref, Cells: make([][]Verse, len(bibles))}
		row.Cells[0] = []Verse{v}
		for i, b := range bibles[1:] {
			for _, t := range Align(bibles[0], b, v.Ref) {
				if seen[i+1][t] {
					continue
				}
				seen[i+1][t] = true
				var tx markup.Text
				var err error
				if t.Verse == 0 {
					tx, err = b.title(t.Book, t.Chapter)
				} else {
					tx, err = b.Verse(t.Book, t.Chapter, t.Verse)
				}
				if err != nil {
					return nil, err
				}
				if tx.Clean == "" && t.Verse == 0 {
					continue
				}
				row.Cells[i+1] = append(row.Cells[i+1], Verse{Ref: t, Text: tx})
			}
		}
		rows[n] = row
	}
	return rows, nil
}
