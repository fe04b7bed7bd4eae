package berean

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"berean/corpus"
	"berean/index"
	"berean/install"
	"berean/library"
	"berean/sword"
	"berean/sword/swordtest"
	"berean/verify"
)

// TestOneFingerprint: the search index, the verify model and the install
// watch are keyed by one fingerprint of the library, so a change rebuilds
// (or reloads) all of them or none. Running libsword's mkfastmod (its
// lucene directory under the module's data path) or adding other files
// under a data path changes nothing; changing a module's data or conf, or
// adding a module, changes all three.
func TestOneFingerprint(t *testing.T) {
	root := t.TempDir()
	roots := []string{root} // this library only, not the installed modules
	bible, err := swordtest.WriteBible(root, swordtest.Bible{Name: "FixtureKJV", Conf: []string{"Abbreviation=KJV"},
		Entries: map[string]string{"Heb 7:25": "Wherefore he is able also to save them", "John 3:16": "For God so loved the world"}})
	if err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	ctx := context.Background()

	type state struct{ index, verify, install string }
	// current opens the library afresh, as a new process would, and says
	// what each consumer keys its cache by.
	current := func() state {
		t.Helper()
		c, err := corpus.Open(roots)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		vl, ok := verify.FromCorpus(c).(verify.Fingerprinter)
		if !ok {
			t.Fatal("verify's library has no fingerprint: its model would never be cached")
		}
		return state{
			index:   library.FromCorpus(c).Fingerprint(),
			verify:  vl.Fingerprint(),
			install: install.Stamp(roots),
		}
	}
	// indexCurrent reports whether the index built for the library is still
	// the current one (a new process would not rebuild it).
	indexCurrent := func() bool {
		lib, err := sword.OpenLibrary(roots)
		if err != nil {
			t.Fatal(err)
		}
		_, err = library.OpenCurrent(lib, cache)
		return err == nil
	}
	build := func() {
		t.Helper()
		c, err := corpus.Open(roots)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if _, err := library.Load(ctx, c, cache, index.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	write := func(path, text string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	mkfastmod := func() {
		t.Helper()
		if _, err := exec.LookPath("mkfastmod"); err == nil {
			cmd := exec.Command("mkfastmod", bible.Name)
			cmd.Env = append(os.Environ(), "SWORD_PATH="+root)
			out, err := cmd.CombinedOutput()
			if _, serr := os.Stat(filepath.Join(bible.DataPath, "lucene")); err == nil && serr == nil {
				return
			}
			t.Logf("mkfastmod did not index the fixture (%v: %s); writing a lucene directory as it would", err, out)
		}
		write(filepath.Join(bible.DataPath, "lucene", "segments.gen"), "lucene")
		write(filepath.Join(bible.DataPath, "lucene", "_0.cfs"), "lucene index")
	}
	later := time.Now().Add(time.Hour)
	steps := []struct {
		name   string
		do     func()
		change bool
	}{
		{"mkfastmod run on the Bible", mkfastmod, false},
		{"a README added to the data directory", func() { write(filepath.Join(bible.DataPath, "README"), "notes") }, false},
		{"a subdirectory added to the data directory", func() { write(filepath.Join(bible.DataPath, "old", "nt.bzz"), "x") }, false},
		{"a data file rewritten", func() {
			if err := os.Chtimes(filepath.Join(bible.DataPath, "nt.bzz"), later, later); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"a conf edited", func() {
			b, err := os.ReadFile(bible.ConfPath)
			if err != nil {
				t.Fatal(err)
			}
			write(bible.ConfPath, string(b)+"Version=2\n")
		}, true},
		{"a lexicon installed", func() {
			if _, err := swordtest.WriteLexicon(root, swordtest.Lexicon{Name: "FixtureGreek", Entries: map[string]string{"01793": "entugchano"}, Conf: []string{"Feature=GreekDef"}}); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	build()
	prev := current()
	for _, s := range steps {
		s.do()
		got := current()
		changed := [3]bool{got.index != prev.index, got.verify != prev.verify, got.install != prev.install}
		if changed != [3]bool{s.change, s.change, s.change} {
			t.Errorf("%s: changed (index, verify, install) = %v, want all %v", s.name, changed, s.change)
		}
		if cur := indexCurrent(); cur == s.change {
			t.Errorf("%s: index still current = %v, want %v", s.name, cur, !s.change)
		}
		if s.change {
			build()
		}
		prev = got
	}
}
