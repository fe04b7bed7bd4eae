// Package devcorpus opens, for the tests of ask, xref and study, the index
// of the installed SWORD modules, cached in $BEREAN_DEV_CACHE (default
// $TMPDIR/berean-askdev2) and shared by the tests of one process, and
// keeps their per-question outcome files (Outcomes).
package devcorpus

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"berean/corpus"
	"berean/index"
	"berean/library"
	"berean/sword"
)

var (
	once  sync.Once
	devIx *index.Index
	err   error
)

// Index opens the index of the installed modules; it skips the test when
// they are absent.
func Index(t testing.TB) *index.Index {
	t.Helper()
	if _, e := os.Stat("/usr/share/sword/mods.d"); e != nil {
		t.Skip("installed SWORD modules not available")
	}
	once.Do(func() {
		dir := os.Getenv("BEREAN_DEV_CACHE")
		if dir == "" {
			dir = filepath.Join(os.TempDir(), "berean-askdev2")
		}
		c, e := corpus.Open(sword.DefaultRoots(nil))
		if e != nil {
			err = e
			return
		}
		s, e := library.Load(context.Background(), c, dir, index.LoadOptions{})
		if e != nil {
			err = e
			return
		}
		devIx = s.Index()
	})
	if err != nil {
		t.Fatal(err)
	}
	return devIx
}
