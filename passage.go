package berean

import (
	"context"
	"strings"

	"berean/corpus"
	"berean/ref"
)

// PassageRows is one range of a read, verse by verse in every Bible asked
// for: the rows that Read turns into JSON and the web reader into HTML, so
// that both accept and refuse the same references.
type PassageRows struct {
	Range ref.Range
	// Rows are aligned on the anchor Bible, the first of the Bibles asked
	// for whose versification has the book (Sirach in KJV and WEB is
	// anchored on the WEB); Cells[i] belongs to the i-th Bible asked for and
	// is empty for a Bible that lacks the book.
	Rows   []corpus.Row
	Anchor int
}

// ReadRows parses refs (each a reference list) and collects their verses in
// the Bibles named (see Bibles), at most MaxReadVerses in all and
// MaxReadCells verses × Bibles, counted before any text is read. A reference
// is parsed in the versification of the first Bible that has its book.
func (e *Engine) ReadRows(ctx context.Context, refs []string, bibles []string) ([]*corpus.Bible, []PassageRows, error) {
	bs, rows, _, err := e.ReadRowsIn(ctx, refs, bibles, "")
	return bs, rows, err
}

// ReadRowsIn is ReadRows with the references read in the book names of lang
// (empty: the first Bible's language), which it returns.
func (e *Engine) ReadRowsIn(ctx context.Context, refs []string, bibles []string, lang string) ([]*corpus.Bible, []PassageRows, string, error) {
	bs, err := e.Bibles(bibles)
	if err != nil {
		return nil, nil, "", err
	}
	lang = langOr(lang, bs[0])
	ranges, err := e.ParseRefsAnchored(bs, refs, lang)
	if err != nil {
		return nil, nil, "", err
	}
	if err := CheckReadSize(ctx, bs, ranges); err != nil {
		return nil, nil, "", err
	}
	total := 0
	for _, r := range ranges {
		a := anchorOf(bs, r)
		for range r.Verses(bs[a].System()) {
			if total++; total > MaxReadVerses {
				return nil, nil, "", inputErrf(CodeTooLarge, "the passage has more than %d verses; ask for a smaller one (a chapter or a few)", MaxReadVerses)
			}
		}
	}
	var out []PassageRows
	for _, r := range ranges {
		if err := ctxErr(ctx); err != nil {
			return nil, nil, "", err
		}
		a := anchorOf(bs, r)
		order := append([]*corpus.Bible{bs[a]}, append(append([]*corpus.Bible(nil), bs[:a]...), bs[a+1:]...)...)
		rows, err := corpus.Parallel(order, r)
		if err != nil {
			if isModuleFault(err) {
				return nil, nil, "", err // the module's fault, not the reference's
			}
			return nil, nil, "", inputErr(CodeInvalidReference, err)
		}
		if a != 0 { // back to the order asked for
			for i := range rows {
				c := rows[i].Cells
				cells := make([][]corpus.Verse, len(c))
				cells[a] = c[0]
				copy(cells[:a], c[1:a+1])
				copy(cells[a+1:], c[a+1:])
				rows[i].Cells = cells
			}
		}
		out = append(out, PassageRows{Range: r, Rows: rows, Anchor: a})
	}
	return bs, out, lang, nil
}

// anchorOf is the index of the first Bible whose versification has the
// book of r (0 when none has: the error is then the first Bible's).
func anchorOf(bs []*corpus.Bible, r ref.Range) int {
	for i, b := range bs {
		if b.System().Has(r.Start.Book) {
			return i
		}
	}
	return 0
}

// ParseRefsAnchored parses refs in the versification of the first Bible, in
// the book names of lang; a reference to a book that versification lacks
// is parsed in the next Bible's, so "Sirach 1:1" read in KJV and WEB is
// read from the WEB.
func (e *Engine) ParseRefsAnchored(bs []*corpus.Bible, refs []string, lang string) ([]ref.Range, error) {
	var out []ref.Range
	for _, s := range refs {
		var first error
		for _, b := range bs {
			rs, err := e.ParseRefsIn(b, []string{s}, lang)
			if err == nil {
				out = append(out, rs...)
				first = nil
				break
			}
			if first == nil {
				first = err
			}
		}
		if first != nil {
			return nil, first
		}
	}
	if len(out) == 0 {
		return nil, inputErrf(CodeInvalidReference, "no reference given (try e.g. \"John 3:16\")")
	}
	return out, nil
}

// Note is a footnote or cross-reference note of a Bible module, numbered
// in its passage: `"notes":[{"osis":"John.3.16","marker":"a","text":"..."}]`.
type Note struct {
	OSIS   string `json:"osis"`
	Marker string `json:"marker"`
	Text   string `json:"text"`
	// Kind is "footnote" or "crossReference".
	Kind string `json:"kind"`
	// Bible names the Bible of the note when several were read.
	Bible string `json:"bible,omitempty"`
	// At is the byte offset in the verse's text where the note stands.
	At int `json:"-"`
}

// NoteMarker is the marker of the n-th note of a passage (from 0): a, b,
// ..., z, aa, ab, ...
func NoteMarker(n int) string {
	var b []byte
	for n++; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('a' + (n-1)%26)}, b...)
	}
	return string(b)
}

// PassageNotes numbers the notes of every verse of p's rows, Bible by
// Bible in column order within a verse.
func PassageNotes(bs []*corpus.Bible, p PassageRows) []Note {
	notes := []Note{}
	for _, row := range p.Rows {
		for i, cell := range row.Cells {
			for _, v := range cell {
				add := func(kind, text string, at int) {
					text = strings.TrimSpace(text)
					if text == "" {
						return
					}
					n := Note{OSIS: v.Ref.OSIS(), Marker: NoteMarker(len(notes)), Text: text, Kind: kind, At: at}
					if len(bs) > 1 {
						n.Bible = bs[i].Name()
					}
					notes = append(notes, n)
				}
				at := func(offsets []int, i int) int {
					if i < len(offsets) {
						return offsets[i]
					}
					return len(v.Text.Clean)
				}
				for i, t := range v.Text.Notes {
					add("footnote", t, at(v.Text.NoteAt, i))
				}
				for i, t := range v.Text.XRefs {
					add("crossReference", t, at(v.Text.XRefAt, i))
				}
			}
		}
	}
	return notes
}
