package search

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"berean/canon"
	"berean/index"
)

// Commentaries are searched like Bibles (-b MHCC): their docs are comments,
// each hit names the commentary (Bible) and the verses the comment covers
// (OSIS a range, Kind "commentary"), and its Text is an excerpt around the
// matches rather than the whole comment (Spurgeon on Psalm 23 is 97 KB).

// excerptWidth is the context kept on each side of the first match of a
// commentary hit, in bytes (cut at spaces).
const excerptWidth = 240

// commentHit turns a hit on a commentary doc into its comment's range and
// an excerpt.
func commentHit(b *index.Bible, h *Hit) {
	first, last := b.Span(h.Doc)
	sys := systemOf(b)
	if sys == nil {
		return
	}
	book, ch, v := sys.VerseAt(first)
	lbook, lch, lv := sys.VerseAt(last)
	if book == "" || lbook == "" {
		return
	}
	h.Kind = "commentary"
	h.Book, h.Chapter, h.Verse = book, ch, v
	h.LastChapter, h.LastVerse = lch, lv
	h.OSIS = commentOSIS(book, ch, v)
	if last != first {
		h.OSIS += "-" + commentOSIS(lbook, lch, lv)
	}
	h.Text, h.Spans = excerpt(h.Text, h.Spans, excerptWidth)
	// One line, like a verse: a comment's headings end in newlines
	// (replaced byte for byte, so the spans hold).
	h.Text = strings.ReplaceAll(h.Text, "\n", " ")
}

// excerpt cuts text to the words around its first span, width bytes on
// each side (at spaces, "…" marking a cut), and shifts the spans that fall
// inside; the others are dropped.
func excerpt(text string, spans []Span, width int) (string, []Span) {
	if len(text) <= 2*width+200 {
		return text, spans
	}
	at := 0
	if len(spans) > 0 {
		at = spans[0].Start
	}
	lo, hi := max(0, at-width), min(len(text), at+width)
	if lo > 0 {
		if i := strings.IndexByte(text[lo:at], ' '); i >= 0 {
			lo += i + 1
		}
	}
	if hi < len(text) {
		if i := strings.LastIndexByte(text[at:hi], ' '); i > 0 {
			hi = at + i
		}
	}
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo++
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi--
	}
	prefix, suffix := "", ""
	if lo > 0 {
		prefix = "… "
	}
	if hi < len(text) {
		suffix = " …"
	}
	var out []Span
	for _, s := range spans {
		if s.Start >= lo && s.End <= hi {
			out = append(out, Span{s.Start - lo + len(prefix), s.End - lo + len(prefix)})
		}
	}
	return prefix + text[lo:hi] + suffix, out
}

func systemOf(b *index.Bible) *canon.System {
	sys, ok := canon.Get(b.Versification())
	if !ok {
		return nil
	}
	return sys
}

func commentOSIS(book string, ch, v int) string {
	return book + "." + strconv.Itoa(ch) + "." + strconv.Itoa(v)
}
