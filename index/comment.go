package index

// Commentaries in the index: each commentary is a field built and read
// like a Bible (see doc.go, "Commentaries"), whose docs are its comments,
// plus a COMMENT section giving each doc the verses its comment covers.

import (
	"fmt"
	"strings"
)

// secComment marks a field as a commentary: per doc, the canon ordinals of
// the first and last verse its comment covers.
const secComment = 21

// maxCommentWords is the most words one doc of a commentary holds. A longer
// comment (the Treasury of David's Psalm 119, 260,000 words) is cut into
// pieces of at most this many words, the n-th piece being a doc at the n-th
// verse of the comment's range; words past the range's last verse are not
// indexed. Positions are 16-bit, so a doc must stay under 65,535 words.
const maxCommentWords = 16384

// CommentarySource is implemented by a Source that also has commentaries.
// Each is a BibleSource whose Verses are its comments, one per comment, at
// the first verse it covers, with Last set to the last one.
type CommentarySource interface {
	Commentaries() []BibleSource
}

// IsCommentary reports whether the field is a commentary.
func (b *Bible) IsCommentary() bool { return b.spans != nil }

// Span returns the canon ordinals of the first and last verse covered by
// the comment of doc (a commentary's doc); for a Bible both are the doc's
// own ordinal.
func (b *Bible) Span(doc int) (first, last int) {
	if b.spans == nil {
		o := b.Ordinal(doc)
		return o, o
	}
	return int(le.Uint32(b.spans[8*doc:])), int(le.Uint32(b.spans[8*doc+4:]))
}

// Commentaries returns the indexed commentaries in build order.
func (ix *Index) Commentaries() []*Bible {
	var out []*Bible
	for _, b := range ix.bibles {
		if b.IsCommentary() {
			out = append(out, b)
		}
	}
	return out
}

// Commentary finds a commentary by abbreviation or module name,
// case-insensitive.
func (ix *Index) Commentary(name string) (*Bible, bool) {
	for _, b := range ix.bibles {
		if b.IsCommentary() && (strings.EqualFold(b.name, name) || strings.EqualFold(b.module, name)) {
			return b, true
		}
	}
	return nil, false
}

// validateSpans checks the COMMENT section against the doc table.
func (b *Bible) validateSpans() error {
	if b.spans == nil {
		return nil
	}
	if len(b.spans) != 8*b.docs {
		return corruptf("commentary %s: COMMENT section of %d bytes for %d docs", b.name, len(b.spans), b.docs)
	}
	for d := 0; d < b.docs; d++ {
		first, last := b.Span(d)
		if o := b.Ordinal(d); first > o || last < o {
			return corruptf("commentary %s: doc %d at ordinal %d outside its span %d-%d", b.name, d, o, first, last)
		}
	}
	return nil
}

// addComment indexes one comment: in pieces of at most maxCommentWords
// words, each at the next verse of the comment's range.
func (bb *bibleBuilder) addComment(v *Verse) error {
	if v.Text == "" {
		return nil
	}
	first, err := bb.ordinal(v)
	if err != nil {
		return err
	}
	last := first
	if v.LastChapter > 0 {
		var ok bool
		if last, ok = bb.sys.Ordinal(v.Book, v.LastChapter, v.LastVerse); !ok || last < first {
			return fmt.Errorf("%s %d:%d-%d:%d is not a range of %s", v.Book, v.Chapter, v.Verse, v.LastChapter, v.LastVerse, bb.sys.Name)
		}
	}
	toks := tokenize(v.Text, bb.toks[:0])
	bb.toks = toks
	start := 0 // byte offset of the current piece
	for i, ord := 0, first; ord <= last; i, ord = i+maxCommentWords, ord+1 {
		end := len(v.Text)
		if i+maxCommentWords < len(toks) {
			end = toks[i+maxCommentWords].Start
		}
		book, ch, vs := bb.sys.VerseAt(ord)
		piece := Verse{Book: book, Chapter: ch, Verse: vs, Text: v.Text[start:end]}
		if err := bb.addVerse(&piece); err != nil {
			return err
		}
		bb.spans = le.AppendUint32(le.AppendUint32(bb.spans, uint32(first)), uint32(last))
		if end == len(v.Text) {
			break
		}
		start = end
	}
	return nil
}
