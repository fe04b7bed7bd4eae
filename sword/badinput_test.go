package sword_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"berean/sword"
	"berean/sword/swordtest"
)

var someVerses = map[string]string{"Gen.1.1": "In the beginning", "Gen.1.2": "And the earth", "Exod.1.1": "Now these", "Matt.1.1": "The book"}

func TestUnknownModule(t *testing.T) {
	root := t.TempDir()
	swordtest.WriteBible(root, swordtest.Bible{Name: "Alpha", Entries: someVerses})
	swordtest.WriteLexicon(root, swordtest.Lexicon{Name: "Beta", Entries: map[string]string{"A": "a"}})
	l, err := sword.OpenLibrary([]string{root, filepath.Join(root, "missing")})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Modules()) != 2 || len(l.Problems) != 0 {
		t.Fatalf("modules %d, problems %v", len(l.Modules()), l.Problems)
	}
	if mi, err := l.Find("alpha"); err != nil || mi.Name != "Alpha" {
		t.Errorf("Find(alpha) = %v, %v", mi, err)
	}
	_, err = l.Find("Gamma")
	if !errors.Is(err, sword.ErrNotFound) || !strings.Contains(err.Error(), "Alpha, Beta") {
		t.Errorf("Find(Gamma): %v", err)
	}
	empty, _ := sword.OpenLibrary([]string{t.TempDir()})
	if _, err := empty.Find("KJV"); err == nil || !strings.Contains(err.Error(), "no modules are installed") {
		t.Errorf("empty library: %v", err)
	}
}

func TestDataPathEscapes(t *testing.T) {
	root := t.TempDir()
	os.MkdirAll(filepath.Join(root, "mods.d"), 0o755)
	os.WriteFile(filepath.Join(root, "mods.d", "bad.conf"), []byte("[Bad]\nModDrv=RawText\nDataPath=./modules/../../../etc/\n"), 0o644)
	swordtest.WriteBible(root, swordtest.Bible{Name: "Good", Entries: someVerses})
	l, err := sword.OpenLibrary([]string{root})
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Modules()) != 1 || l.Modules()[0].Name != "Good" {
		t.Errorf("modules: %v", l.Modules())
	}
	if len(l.Problems) != 1 || !strings.Contains(l.Problems[0].Error(), "escapes the module root") {
		t.Errorf("problems: %v", l.Problems)
	}
	for _, tc := range []struct {
		dp, want string
		ok       bool
	}{
		{"./modules/texts/ztext/kjv/", "modules/texts/ztext/kjv/", true},
		{"/modules/x/", "modules/x/", true},
		{"//./modules/x", "modules/x", true},
		{`.\modules\x\`, "modules/x/", true},
		{"modules/a/../b", "modules/b", true},
		{"", "", true},
		{"../x", "", false},
		{"./a/../../x", "", false},
		{"/../../etc/passwd", "", false},
		{"..", "", false},
	} {
		got, err := sword.ResolveDataPath("/lib", tc.dp)
		if (err == nil) != tc.ok {
			t.Errorf("ResolveDataPath(%q): %v", tc.dp, err)
			continue
		}
		if tc.ok && got != filepath.Join("/lib", tc.want)+map[bool]string{true: "/", false: ""}[strings.HasSuffix(tc.want, "/")] {
			t.Errorf("ResolveDataPath(%q) = %q", tc.dp, got)
		}
	}
}

func TestLocked(t *testing.T) {
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: someVerses, CipherKey: "secret", Locked: true})
	if !mi.Locked {
		t.Fatal("not Locked")
	}
	_, err := sword.OpenVerse(mi)
	if !errors.Is(err, sword.ErrLocked) || !strings.Contains(err.Error(), "CipherKey=") || !strings.Contains(err.Error(), mi.ConfPath) {
		t.Errorf("OpenVerse: %v", err)
	}
	lmi := swordtest.NewLexicon(t, swordtest.Lexicon{Entries: map[string]string{"A": "a"}, Locked: true})
	if _, err := sword.OpenLex(lmi); !errors.Is(err, sword.ErrLocked) || !strings.Contains(err.Error(), "CipherKey=") {
		t.Errorf("OpenLex: %v", err)
	}
}

// damage applies f to one data file of a fresh zText module and reads
// Gen 1:1 back.
func damage(t *testing.T, file string, f func(path string)) ([]byte, error) {
	t.Helper()
	mi := swordtest.NewBible(t, swordtest.Bible{Entries: someVerses})
	f(filepath.Join(mi.DataPath, file))
	m, err := sword.OpenVerse(mi)
	if err != nil {
		return nil, err
	}
	defer m.Close()
	return m.Entry("Gen", 1, 1)
}

func TestDamagedVerseFiles(t *testing.T) {
	corrupt := func(t *testing.T, b []byte, err error) {
		t.Helper()
		if !errors.Is(err, sword.ErrCorrupt) {
			t.Errorf("got %q, %v; want ErrCorrupt", b, err)
		}
		var fe *sword.FormatError
		if !errors.As(err, &fe) || fe.File == "" || fe.Module == "" {
			t.Errorf("not a FormatError: %v", err)
		}
	}
	t.Run("truncated data", func(t *testing.T) {
		b, err := damage(t, "ot.bzz", func(p string) { os.Truncate(p, 10) })
		corrupt(t, b, err)
	})
	t.Run("empty data", func(t *testing.T) {
		b, err := damage(t, "ot.bzz", func(p string) { os.Truncate(p, 0) })
		corrupt(t, b, err)
	})
	t.Run("corrupted block", func(t *testing.T) {
		b, err := damage(t, "ot.bzz", func(p string) {
			d, _ := os.ReadFile(p)
			for i := 2; i < len(d); i++ {
				d[i] ^= 0x55
			}
			os.WriteFile(p, d, 0o644)
		})
		corrupt(t, b, err)
	})
	t.Run("empty block", func(t *testing.T) {
		b, err := damage(t, "ot.bzs", func(p string) {
			d, _ := os.ReadFile(p)
			copy(d[4:8], []byte{0, 0, 0, 0})
			os.WriteFile(p, d, 0o644)
		})
		corrupt(t, b, err)
	})
	t.Run("truncated block index", func(t *testing.T) {
		b, err := damage(t, "ot.bzs", func(p string) { os.Truncate(p, 5) })
		corrupt(t, b, err)
	})
	t.Run("block past the end", func(t *testing.T) {
		b, err := damage(t, "ot.bzs", func(p string) {
			d, _ := os.ReadFile(p)
			copy(d[0:4], []byte{0, 0, 0, 1})
			os.WriteFile(p, d, 0o644)
		})
		corrupt(t, b, err)
	})
	t.Run("index truncated: the slots past its end are corrupt", func(t *testing.T) {
		// A verse index holds a record for every slot of the
		// versification; one that ends early lost the rest (issue 15).
		b, err := damage(t, "ot.bzv", func(p string) { os.Truncate(p, 35) })
		corrupt(t, b, err)
		if err == nil || !strings.Contains(err.Error(), "affects Genesis 1 (introduction) to Malachi 4:6") {
			t.Errorf("the affected slots are not named: %v", err)
		}
	})
	t.Run("unreadable data file", func(t *testing.T) {
		b, err := damage(t, "ot.bzz", func(p string) { os.Remove(p); os.Mkdir(p, 0o755) })
		if err == nil {
			t.Errorf("read %q from a directory", b)
		}
	})
	t.Run("missing data file", func(t *testing.T) {
		_, err := damage(t, "ot.bzz", func(p string) { os.Remove(p) })
		if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "Test") {
			t.Errorf("%v", err)
		}
	})
	t.Run("no data files", func(t *testing.T) {
		mi := swordtest.NewBible(t, swordtest.Bible{Entries: someVerses})
		os.RemoveAll(mi.DataPath)
		if _, err := sword.OpenVerse(mi); !errors.Is(err, sword.ErrNotFound) {
			t.Errorf("%v", err)
		}
	})
	t.Run("raw entry past EOF", func(t *testing.T) {
		mi := swordtest.NewBible(t, swordtest.Bible{Driver: "RawText", Entries: someVerses})
		os.Truncate(filepath.Join(mi.DataPath, "ot"), 5)
		m, err := sword.OpenVerse(mi)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		b, err := m.Entry("Gen", 1, 1)
		corrupt(t, b, err)
	})
}

func TestDamagedLexFiles(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		f          func(p string)
		atOpen     bool
	}{
		{"idx not whole records", "dict.idx", func(p string) { os.Truncate(p, 13) }, true},
		{"dat truncated", "dict.dat", func(p string) { os.Truncate(p, 3) }, true},
		{"zdt truncated", "dict.zdt", func(p string) { os.Truncate(p, 3) }, false},
		{"zdx truncated", "dict.zdx", func(p string) { os.Truncate(p, 3) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			mi := swordtest.NewLexicon(t, swordtest.Lexicon{Entries: map[string]string{"A": "alpha", "B": "beta"}})
			tc.f(mi.DataPath + strings.TrimPrefix(tc.file, "dict"))
			m, err := sword.OpenLex(mi)
			if tc.atOpen {
				if !errors.Is(err, sword.ErrCorrupt) {
					t.Errorf("OpenLex: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer m.Close()
			if _, _, _, err := m.Lookup("A"); !errors.Is(err, sword.ErrCorrupt) {
				t.Errorf("Lookup: %v", err)
			}
		})
	}
}

// Conf syntax as libsword 1.9 reads it (FileMgr::getLine, SWConfig::load).
func TestConfSyntax(t *testing.T) {
	in := "\xef\xbb\xbf# comment\nOrphan=before any section\n  [Mod]  \n" +
		"Description=Alpha beta \\\n   gamma\\\ndelta   \n" +
		"Description=second\n" +
		"Path=C:\\\\\nnext\n" + // "\\" at the end continues too, keeping one backslash
		"Joined=\\\n" + // continues: the value becomes the next line
		"Solo\n" +
		"NoEq\n" + // a key with no '=': empty value
		"Pre=\\\n\\\n" + // a continuation piece that is just "\" is kept and ends the line
		"=nokey\n" +
		"Key = spaced  \r\n" +
		"  # indented comment\n" +
		"Empty=\n" +
		"Eq=a=b\n" +
		"Last=x\\"
	confs, err := sword.ParseConf(strings.NewReader(in))
	if err != nil || len(confs) != 1 {
		t.Fatalf("%v %d", err, len(confs))
	}
	c := confs[0]
	for _, tc := range []struct{ key, want string }{
		{"Description", "Alpha beta    gammadelta"},
		{"Path", "C:\\next"},
		{"Joined", "Solo"},
		{"NoEq", ""},
		{"Pre", "\\"},
		{"Key ", "spaced"},
		{"Empty", ""},
		{"Eq", "a=b"},
		{"Last", "x"},
	} {
		if got := c.Get(tc.key); got != tc.want || !c.Has(tc.key) {
			t.Errorf("%q = %q, want %q", tc.key, got, tc.want)
		}
	}
	if got := c.All("Description"); len(got) != 2 || got[1] != "second" {
		t.Errorf("All(Description) = %q", got)
	}
	if c.Has("Orphan") || c.Has("") || c.Has("Solo") {
		t.Errorf("keys %q", c.Keys())
	}
	// A section opened without "]" runs to the end of the line.
	confs, _ = sword.ParseConf(strings.NewReader("[Open\nA=1\n"))
	if len(confs) != 1 || confs[0].Section != "Open" || confs[0].Get("A") != "1" {
		t.Errorf("unclosed section: %+v", confs)
	}
}
