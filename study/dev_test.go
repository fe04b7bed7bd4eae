package study

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"berean/corpus"
	"berean/index"
	"berean/search"
	"berean/sword"
)

var (
	devOnce sync.Once
	devIx   *index.Index
	devErr  error
)

// devIndex opens the index of the installed modules (skips when absent).
func devIndex(t testing.TB) *index.Index {
	t.Helper()
	if _, err := os.Stat("/usr/share/sword/mods.d"); err != nil {
		t.Skip("installed SWORD modules not available")
	}
	devOnce.Do(func() {
		dir := os.Getenv("BEREAN_DEV_CACHE")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "berean-askdev2")
		}
		c, err := corpus.Open(sword.DefaultRoots(nil))
		if err != nil {
			devErr = err
			return
		}
		s, err := search.Load(context.Background(), c, dir, index.LoadOptions{})
		if err != nil {
			devErr = err
			return
		}
		devIx = s.Index()
	})
	if devErr != nil {
		t.Fatal(devErr)
	}
	return devIx
}
