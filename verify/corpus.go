package verify

import (
	"iter"

	"berean/canon"
	"berean/corpus"
	"berean/markup"
	"berean/ref"
	"berean/sword"
)

// Word is a word of a verse with the Strong's numbers its markup gives it
// (only Text and Strongs are used).
type Word = markup.Word

// FromCorpus adapts the opened modules to a Library: the installed Bibles
// of the default Bible's language (the KJV's, or the first Bible's), the
// KJV first, then the others in library order (FromCorpusIn).
func FromCorpus(c *corpus.Corpus) Library {
	lang := "en"
	if b, err := c.Bible("KJV"); err == nil {
		lang = b.Lang()
	} else if bs := c.Bibles(); len(bs) > 0 {
		lang = bs[0].Lang()
	}
	return FromCorpusIn(c, lang)
}

type corpusLib struct {
	names  []string
	bibles map[string]*corpus.Bible
	lang   string // "" for FromCorpus: every Bible, analysed as English
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
