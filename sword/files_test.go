package sword_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"berean/sword"
	"berean/sword/swordtest"
)

// TestLayoutFiles checks that Files names exactly the files each driver's
// writer produced, and nothing else of the data directory.
func TestLayoutFiles(t *testing.T) {
	ot := map[string]string{"Gen 1:1": "In the beginning", "Gen 1:2": "And the earth"}
	tests := []struct {
		name string
		mk   func(dir string) (*sword.ModuleInfo, error)
		want []string // base names of the files that exist
	}{
		{"zText BOOK", func(d string) (*sword.ModuleInfo, error) {
			return swordtest.WriteBible(d, swordtest.Bible{Entries: ot})
		}, []string{"nt.bzs", "nt.bzv", "nt.bzz", "ot.bzs", "ot.bzv", "ot.bzz"}},
		{"zText4 CHAPTER", func(d string) (*sword.ModuleInfo, error) {
			return swordtest.WriteBible(d, swordtest.Bible{Driver: "zText4", BlockType: "CHAPTER", Entries: ot})
		}, []string{"nt.czs", "nt.czv", "nt.czz", "ot.czs", "ot.czv", "ot.czz"}},
		{"RawText", func(d string) (*sword.ModuleInfo, error) {
			return swordtest.WriteBible(d, swordtest.Bible{Driver: "RawText", Entries: ot})
		}, []string{"nt", "nt.vss", "ot", "ot.vss"}},
		{"zLD", func(d string) (*sword.ModuleInfo, error) {
			return swordtest.WriteLexicon(d, swordtest.Lexicon{Entries: map[string]string{"G1": "alpha"}})
		}, []string{"dict.dat", "dict.idx", "dict.zdt", "dict.zdx"}},
		{"RawLD4", func(d string) (*sword.ModuleInfo, error) {
			return swordtest.WriteLexicon(d, swordtest.Lexicon{Driver: "RawLD4", Entries: map[string]string{"G1": "alpha"}})
		}, []string{"dict.dat", "dict.idx"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			mi, err := tc.mk(t.TempDir())
			if err != nil {
				t.Fatal(err)
			}
			var present []string
			for _, f := range mi.Files() {
				if _, err := os.Stat(f); err == nil {
					present = append(present, filepath.Base(f))
				}
			}
			slices.Sort(present)
			if !slices.Equal(present, tc.want) {
				t.Errorf("present files %v, want %v (Files: %v)", present, tc.want, mi.Files())
			}
			// Everything the writer put in the module's directory is in Files.
			dir := mi.DataPath
			if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
				dir = filepath.Dir(dir)
			}
			ents, _ := os.ReadDir(dir)
			for _, e := range ents {
				if !slices.Contains(tc.want, e.Name()) {
					t.Errorf("%s in the data directory is not in Files", e.Name())
				}
			}
		})
	}
	if _, known := (&sword.ModuleInfo{Driver: "zText", Conf: confOf(t, "BlockType=SCROLL")}).Layout(); known {
		t.Error("an unknown BlockType has a known layout")
	}
	if fs := (&sword.ModuleInfo{Driver: "Frobnicate", DataPath: "/x/"}).Files(); fs != nil {
		t.Errorf("unknown driver: Files %v, want none", fs)
	}
}

func confOf(t *testing.T, lines ...string) *sword.Conf {
	t.Helper()
	cs, err := sword.ParseConf(strings.NewReader("[M]\n" + strings.Join(lines, "\n") + "\n"))
	if err != nil || len(cs) != 1 {
		t.Fatalf("conf: %v", err)
	}
	return cs[0]
}

// TestFingerprint checks what changes a library's fingerprint: a module's
// data or conf, a module added; and what does not: libsword's mkfastmod
// index (DataPath/lucene, or <prefix>/lucene for a lexicon) and other files
// added under a data path.
func TestFingerprint(t *testing.T) {
	root := t.TempDir()
	bible, err := swordtest.WriteBible(root, swordtest.Bible{Entries: map[string]string{"Gen 1:1": "In the beginning"}})
	if err != nil {
		t.Fatal(err)
	}
	lex, err := swordtest.WriteLexicon(root, swordtest.Lexicon{Entries: map[string]string{"G1": "alpha"}})
	if err != nil {
		t.Fatal(err)
	}
	fp := func() string {
		t.Helper()
		lib, err := sword.OpenLibrary([]string{root})
		if err != nil {
			t.Fatal(err)
		}
		return lib.Fingerprint()
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
	later := time.Now().Add(time.Minute)
	steps := []struct {
		name   string
		do     func()
		change bool
	}{
		{"nothing", func() {}, false},
		{"mkfastmod index of the Bible", func() {
			write(filepath.Join(bible.DataPath, "lucene", "segments.gen"), "x")
			write(filepath.Join(bible.DataPath, "lucene", "_0.cfs"), "xyz")
		}, false},
		{"mkfastmod index of the lexicon", func() { write(filepath.Join(lex.DataPath, "lucene", "segments"), "x") }, false},
		{"a README in the data directory", func() { write(filepath.Join(bible.DataPath, "README"), "notes") }, false},
		{"a stray file beside the lexicon", func() { write(filepath.Join(filepath.Dir(lex.DataPath), "dict.bak"), "old") }, false},
		{"a data file rewritten", func() { os.Chtimes(filepath.Join(bible.DataPath, "ot.bzz"), later, later) }, true},
		{"a testament removed", func() {
			for _, f := range bible.Files() {
				if strings.HasPrefix(filepath.Base(f), "nt.") {
					os.Remove(f)
				}
			}
		}, true},
		{"a lexicon file rewritten", func() { os.Chtimes(lex.DataPath+".zdt", later, later) }, true},
		{"a conf edited", func() {
			b, err := os.ReadFile(bible.ConfPath)
			if err != nil {
				t.Fatal(err)
			}
			write(bible.ConfPath, string(b)+"Version=2\n")
		}, true},
		{"a conf with no module added", func() { write(filepath.Join(root, "mods.d", "globals.conf"), "[Globals]\n") }, true},
		{"a module added", func() {
			if _, err := swordtest.WriteBible(root, swordtest.Bible{Name: "Other", Entries: map[string]string{"Gen 1:1": "x"}}); err != nil {
				t.Fatal(err)
			}
		}, true},
	}
	prev := fp()
	for _, s := range steps {
		s.do()
		got := fp()
		if (got != prev) != s.change {
			t.Errorf("%s: fingerprint changed = %v, want %v", s.name, got != prev, s.change)
		}
		prev = got
	}
}
