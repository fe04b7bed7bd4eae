package study

import (
	"sync"
	"testing"

	"berean/corpus"
	"berean/index"
	"berean/internal/devcorpus"
	"berean/sword"
)

func devIndex(t testing.TB) *index.Index { return devcorpus.Index(t) }

var (
	devCorpusOnce sync.Once
	devCorpus     *corpus.Corpus
)

// devTopics opens the installed corpus for the Nave's entries.
func devTopics(t testing.TB) Topics {
	devCorpusOnce.Do(func() {
		c, err := corpus.Open(sword.DefaultRoots(nil))
		if err == nil {
			devCorpus = c
		}
	})
	if devCorpus == nil {
		t.Fatal("corpus not available")
	}
	return devCorpus
}
