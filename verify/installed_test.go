package verify

import (
	"context"
	"os"
	"sync"
	"testing"

	"berean/corpus"
	"berean/sword"
)

var (
	installedOnce  sync.Once
	installedModel *Model
	installedErr   error
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
		installedModel, installedErr = NewModel(context.Background(), FromCorpus(c))
	})
	if installedErr != nil {
		t.Skipf("installed modules: %v", installedErr)
	}
	return installedModel
}
