package library

import (
	"context"
	"os"
	"testing"

	"berean/corpus"
	"berean/index"
	"berean/search"
	"berean/sword/swordtest"
)

// TestSwitchLibraries switches between two fixture libraries sharing one
// cache directory, as --sword-path does: each keeps its own index, so no
// switch rebuilds, and each finds its own verses.
func TestSwitchLibraries(t *testing.T) {
	rootA, rootB := t.TempDir(), t.TempDir()
	if _, err := swordtest.WriteBible(rootA, swordtest.Bible{Name: "LibA", Entries: map[string]string{"Gen.1.1": "alpha shepherd"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := swordtest.WriteBible(rootB, swordtest.Bible{Name: "LibB", Entries: map[string]string{"Gen.1.1": "beta shepherd"}}); err != nil {
		t.Fatal(err)
	}
	if _, err := swordtest.WriteBible(rootB, swordtest.Bible{Name: "LibBComm", Driver: "zCom", Entries: map[string]string{"Gen.1.1": "gamma note"}}); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	builds := map[string]int{}
	open := func(root string) (*search.Searcher, string) {
		t.Helper()
		c, err := corpus.Open([]string{root})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { c.Close() })
		s, err := Load(context.Background(), c, cache, index.LoadOptions{Building: func(string) { builds[root]++ }})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Index().Close() })
		return s, s.Index().Path()
	}
	var paths [2]string
	for i := range 6 {
		root, word := rootA, "alpha"
		if i%2 == 1 {
			root, word = rootB, "beta"
		}
		s, p := open(root)
		if paths[i%2] != "" && paths[i%2] != p {
			t.Fatalf("switch %d: the index of %s moved", i, root)
		}
		paths[i%2] = p
		if got, _ := searchOSIS(t, s, word, search.Options{Bibles: []string{"all"}}); len(got) != 1 {
			t.Errorf("switch %d: %q found %d verses", i, word, len(got))
		}
	}
	if builds[rootA] != 1 || builds[rootB] != 1 {
		t.Errorf("builds %v: want one per library, no rebuild on a switch", builds)
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
	// The search-only fast path finds each library's index too.
	for _, root := range []string{rootA, rootB} {
		c, _ := corpus.Open([]string{root})
		s, err := OpenCurrent(c.Library(), cache)
		c.Close()
		if err != nil {
			t.Errorf("OpenCurrent(%s): %v", root, err)
			continue
		}
		s.Index().Close()
	}
	// The commentary of library B is searchable there.
	s, _ := open(rootB)
	if got, _ := searchOSIS(t, s, "gamma", search.Options{Bibles: []string{"LibBComm"}}); len(got) != 1 {
		t.Errorf("the commentary's note was not found: %v", got)
	}
}
