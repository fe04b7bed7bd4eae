package verify

import (
	"context"
	"os"
	"sync"
	"testing"

	"berean/corpus"
	"berean/index"
	"berean/library"
	"berean/search"
	"berean/sword"
)

var (
	installedOnce   sync.Once
	installedModel  *Model
	installedErr    error
	installedCorpus *corpus.Corpus
)

// installed is the model of the installed modules (KJV and WEB), built
// once per test binary; tests skip when no modules are installed.
func installed(t testing.TB) *Model {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d"); err != nil && os.Getenv("SWORD_PATH") == "" {
		t.Skip("no SWORD modules installed")
	}
	installedOnce.Do(func() {
		c, err := corpus.Open(sword.DefaultRoots(nil))
		if err != nil {
			installedErr = err
			return
		}
		installedCorpus = c
		installedModel, installedErr = NewModel(context.Background(), FromCorpus(c))
	})
	if installedErr != nil {
		t.Skipf("installed modules: %v", installedErr)
	}
	return installedModel
}

var (
	searcherOnce sync.Once
	searcher     *search.Searcher
	searcherErr  error
	searcherDir  string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if searcherDir != "" {
		os.RemoveAll(searcherDir)
	}
	os.Exit(code)
}

// installedSearcher is the search index of the installed modules, built
// in a temporary cache directory when needed.
func installedSearcher(t testing.TB) *search.Searcher {
	t.Helper()
	installed(t)
	searcherOnce.Do(func() {
		dir, err := os.MkdirTemp("", "berean-verify-index-")
		if err != nil {
			searcherErr = err
			return
		}
		searcherDir = dir
		searcher, searcherErr = library.Load(context.Background(), installedCorpus, dir, index.LoadOptions{})
	})
	if searcherErr != nil {
		t.Skipf("search index: %v", searcherErr)
	}
	return searcher
}
