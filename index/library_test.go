package index

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// libSource is a test Source of a named library.
type libSource struct {
	*fakeSource
	lib string
}

func (l libSource) LibraryKey() string { return l.lib }

// TestLibrariesKeepTheirIndexes: switching between libraries opens each
// one's own index, never rebuilding; a library whose modules change
// replaces its own file only; old and surplus libraries are pruned.
func TestLibrariesKeepTheirIndexes(t *testing.T) {
	dir := t.TempDir()
	ctx := context.Background()
	a := libSource{testSource(), "/lib/a"}
	b := libSource{testSource(), "/lib/b"}
	b.fp = "test-b"
	builds := map[string]int{}
	load := func(src libSource, o LoadOptions) string {
		t.Helper()
		o.Building = func(string) { builds[src.lib]++ }
		ix, err := Load(ctx, dir, src, o)
		if err != nil {
			t.Fatal(err)
		}
		defer ix.Close()
		return ix.Path()
	}
	pa := load(a, LoadOptions{})
	pb := load(b, LoadOptions{})
	for range 3 {
		if load(a, LoadOptions{}) != pa || load(b, LoadOptions{}) != pb {
			t.Fatal("a library's index moved")
		}
	}
	if builds["/lib/a"] != 1 || builds["/lib/b"] != 1 {
		t.Fatalf("builds %v: switching libraries rebuilt", builds)
	}
	for _, p := range []string{pa, pb} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("index %s gone: %v", p, err)
		}
	}
	if ix, err := OpenCurrent(dir, b); err != nil {
		t.Errorf("OpenCurrent(b): %v", err)
	} else {
		ix.Close()
	}

	// Library a's modules change: its old file goes, b's stays.
	a.fp = "test-a2"
	pa2 := load(a, LoadOptions{})
	if _, err := os.Stat(pa); !os.IsNotExist(err) {
		t.Errorf("a's stale index kept: %v", err)
	}
	if _, err := os.Stat(pb); err != nil {
		t.Errorf("b's index removed when a was rebuilt: %v", err)
	}

	// b unused for 31 days: pruned at the next build.
	old := time.Now().Add(-31 * 24 * time.Hour)
	if err := os.Chtimes(pb, old, old); err != nil {
		t.Fatal(err)
	}
	load(a, LoadOptions{Force: true})
	if _, err := os.Stat(pb); !os.IsNotExist(err) {
		t.Errorf("an index unused for 31 days was kept: %v", err)
	}

	// At most MaxLibraries libraries: the least recently used goes.
	c := libSource{testSource(), "/lib/c"}
	c.fp = "test-c"
	d := libSource{testSource(), "/lib/d"}
	d.fp = "test-d"
	pc := load(c, LoadOptions{})
	hour := time.Now().Add(-2 * time.Hour)
	os.Chtimes(pc, hour, hour) // c used before a
	pd := load(d, LoadOptions{MaxLibraries: 2})
	if _, err := os.Stat(pc); !os.IsNotExist(err) {
		t.Errorf("the least recently used of 3 libraries was kept with MaxLibraries 2: %v", err)
	}
	for _, p := range []string{pa2, pd} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", filepath.Base(p), err)
		}
	}
}

// A used marker records the last use of an index older than touchEvery.
func TestMarkUsed(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "index-0000000000000000-0000000000000000.bidx")
	if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	markUsed(p)
	if _, err := os.Stat(p + usedSuffix); !os.IsNotExist(err) {
		t.Error("a marker was written for a new file")
	}
	old := time.Now().Add(-48 * time.Hour)
	os.Chtimes(p, old, old)
	markUsed(p)
	fs := listIndexes(dir)
	if len(fs) != 1 || time.Since(fs[0].used) > time.Minute || fs[0].lib != "0000000000000000" {
		t.Errorf("listIndexes = %+v, want one file of library 0000000000000000 used now", fs)
	}
}
