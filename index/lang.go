package index

import (
	"sync"
	"sync/atomic"

	"berean/analysis"
)

// This file gives every Bible of the index a language (its module's conf
// Lang): its STEM dictionary holds the stems of that language's stemmer,
// so each Bible is a term space of its own language, and a query word must
// be stemmed in the language of the Bible it is looked up in (StemTermIn,
// Bible.StemTerm). Features that pool Bibles (ask, verify, study, xref)
// pool only Bibles of one language (BiblesIn).

// secLang is the per-Bible LANG section (kind 32): "str language code" as
// analysis.Base gives it ("en", "es"). An index without it (or a Bible
// without it) is English.
const secLang = 32

// LangSource is implemented by a BibleSource that knows its language (the
// conf Lang of its module). A source without it is English.
type LangSource interface {
	Lang() string
}

// sourceLang is the language of a Bible source.
func sourceLang(src BibleSource) string {
	if l, ok := src.(LangSource); ok {
		return analysis.Base(l.Lang())
	}
	return analysis.English
}

// langSection is the bytes of a LANG section.
func langSection(lang string) []byte { return appendStr(nil, lang) }

// parseLang reads a LANG section.
func parseLang(data []byte) string {
	p := 0
	s := str(data, &p)
	if p > len(data) || s == "" {
		return analysis.English
	}
	return analysis.Base(s)
}

// Lang is the language code of the Bible ("en", "es").
func (b *Bible) Lang() string {
	if b.lang == "" {
		return analysis.English
	}
	return b.lang
}

// StemTerm is the stem term of one word in the Bible's language: the key
// of its STEM dictionary.
func (b *Bible) StemTerm(word string) string { return StemTermIn(b.Lang(), word) }

// StemTermIn is the stem term of one word in a language (StemTerm is
// English).
func StemTermIn(lang, word string) string {
	return analysis.StemIn(lang, analysis.Fold(word))
}

// BiblesIn returns the Bibles of a language, in index order.
func (ix *Index) BiblesIn(lang string) []*Bible {
	lang = analysis.Base(lang)
	var out []*Bible
	for _, b := range ix.Bibles() {
		if b.Lang() == lang {
			out = append(out, b)
		}
	}
	return out
}

// Langs returns the languages of the Bibles, each once, in index order.
func (ix *Index) Langs() []string {
	var out []string
	seen := map[string]bool{}
	for _, b := range ix.Bibles() {
		if l := b.Lang(); !seen[l] {
			seen[l] = true
			out = append(out, l)
		}
	}
	return out
}

// modernize is analysis.Modernize for an English Bible (the archaic
// forms of the KJV); other languages keep their words.
func (bb *bibleBuilder) modernize(term string) string {
	if bb.lang != analysis.English {
		return term
	}
	return analysis.Modernize(term)
}

// integrity is the state of the integrity checks after Open (verify.go),
// shared by an index and its language views.
type integrity struct {
	failOnce    sync.Once
	err         atomic.Pointer[error]
	conceptOnce sync.Once
	xrefOnce    sync.Once      // the cross-reference sections' check (crossref.go)
	ahead       sync.WaitGroup // CheckAhead's check, which Close waits for
}

// ForLang returns a view of the index that holds only the Bibles of a
// language: the features that pool Bibles (ask, xref, study, verify's
// search) are built on a view, so that a Bible of another language can
// change none of their results. The view shares the mapped file, the
// global sections and the integrity state; closing it is a no-op (close
// the index itself). The stems of the lexicon definitions and of Nave's
// topic names and lines (LEXDICT, TOPICDICT, LINEDICT) are English stems:
// a view of another language has none, so that its words never meet them.
func (ix *Index) ForLang(lang string) *Index {
	v := *ix
	v.bibles = ix.BiblesIn(lang)
	v.unmap = nil
	if analysis.Base(lang) != analysis.English {
		v.lexDict, v.topicDict, v.lineDict = dict{}, dict{}, dict{}
	}
	return &v
}

// commonStems are the stems an English Bible writes in lower case at
// least once: its words, not its names (INFLECT, made from WordNet's
// English, keeps only these: "Bani" the man is no plural of ban, the
// Spanish "ora" none of os, nor a commentary's Latin). Nil for a Bible in
// another language and for a commentary (wantsCommonStems), which do not
// track them.
func (bb *bibleBuilder) commonStems() []string {
	if bb.lowerStem == nil {
		return nil
	}
	out := make([]string, 0, len(bb.lowerStem))
	for id := range bb.lowerStem {
		out = append(out, bb.stem.names[id])
	}
	return out
}

// wantsCommonStems tells whether the builder tracks commonStems: an
// English Bible, not a commentary (set before run).
func (bb *bibleBuilder) wantsCommonStems() bool { return bb.lang == analysis.English && !bb.comment }
