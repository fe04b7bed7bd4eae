package verify

import (
	"iter"
	"strings"

	"berean/canon"
	"berean/corpus"
	"berean/markup"
	"berean/ref"
	"berean/sword"
)

// Word is a word of a verse with the Strong's numbers its markup gives it
// (only Text and Strongs are used).
type Word = markup.Word

// FromCorpus adapts the opened modules to a Library: every installed
// Bible, the KJV first (the default Bible), then the others in library
// order.
func FromCorpus(c *corpus.Corpus) Library {
	l := corpusLib{bibles: map[string]*corpus.Bible{}, lib: c.Library()}
	for _, b := range c.Bibles() {
		if strings.EqualFold(b.Name(), "KJV") {
			l.names = append([]string{b.Name()}, l.names...)
		} else {
			l.names = append(l.names, b.Name())
		}
		l.bibles[b.Name()] = b
	}
	return l
}

type corpusLib struct {
	names  []string
	bibles map[string]*corpus.Bible
	lib    *sword.Library
}

func (l corpusLib) Bibles() []string { return l.names }

// Fingerprint names the modules' state: the library's fingerprint
// (sword.Library.Fingerprint), the one the search index is keyed by.
func (l corpusLib) Fingerprint() string { return l.lib.Fingerprint() }

func (l corpusLib) System(name string) *canon.System {
	if b, ok := l.bibles[name]; ok {
		return b.System()
	}
	return nil
}

func (l corpusLib) Verses(name string) iter.Seq2[ref.Ref, Verse] {
	return func(yield func(ref.Ref, Verse) bool) {
		b, ok := l.bibles[name]
		if !ok {
			return
		}
		for v := range b.All() {
			if v.Text.Clean == "" {
				continue
			}
			if !yield(v.Ref, Verse{Text: v.Text.Clean, Words: v.Text.Words}) {
				return
			}
		}
	}
}
