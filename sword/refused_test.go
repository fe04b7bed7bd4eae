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

// TestRefusedConfs: a conf that cannot be used (issue 15: empty, garbage, an
// escaping DataPath, an 8 MiB line) is listed with its reason, a lookup of
// its module says why instead of "not installed", and a module of the same
// name in a later root is used with a problem saying so.
func TestRefusedConfs(t *testing.T) {
	for _, tc := range []struct {
		name, conf, want string
	}{
		{"empty", "", "empty"},
		{"garbage", "\x00\x01\x02 not a conf \xff", "not a conf"},
		{"escaping DataPath", "[Priv]\nModDrv=zText\nDataPath=./modules/../../../etc/\n", "escapes"},
		{"8 MiB line", "[Priv]\nModDrv=zText\nAbout=" + strings.Repeat("x", 8<<20) + "\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			private, system := t.TempDir(), t.TempDir()
			os.MkdirAll(filepath.Join(private, "mods.d"), 0o755)
			os.WriteFile(filepath.Join(private, "mods.d", "priv.conf"), []byte(tc.conf), 0o644)
			l, err := sword.OpenLibrary([]string{private})
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Refused) != 1 || !strings.EqualFold(l.Refused[0].Name, "priv") || !strings.Contains(l.Refused[0].Err.Error(), tc.want) {
				t.Fatalf("refused: %+v", l.Refused)
			}
			if _, err := l.Find("Priv"); err == nil || !strings.Contains(err.Error(), "priv.conf") || !errors.Is(err, sword.ErrNotFound) {
				t.Errorf("Find: %v, want the refused conf named", err)
			}
			// The same module name in a later root: used, and said so.
			if _, err := swordtest.WriteBible(system, swordtest.Bible{Name: "Priv", Entries: map[string]string{"Gen.1.1": "x"}}); err != nil {
				t.Fatal(err)
			}
			l, _ = sword.OpenLibrary([]string{private, system})
			mi, err := l.Find("Priv")
			if err != nil || !strings.HasPrefix(mi.ConfPath, system) {
				t.Fatalf("Find with a later copy: %v %v", mi, err)
			}
			var said bool
			for _, p := range l.Problems {
				said = said || strings.Contains(p.Error(), "used instead")
			}
			if !said || l.Refused[0].UsedInstead != mi.ConfPath {
				t.Errorf("the fallback is silent: problems %v, refused %+v", l.Problems, l.Refused)
			}
		})
	}
}

// TestLexiconBadRecord: one .idx record pointing past the end of the data
// made every key of the lexicon fail (issue 15); the others are now served
// and the bad record is named.
func TestLexiconBadRecord(t *testing.T) {
	for _, drv := range []string{"RawLD", "RawLD4", "zLD"} {
		t.Run(drv, func(t *testing.T) {
			mi := swordtest.NewLexicon(t, swordtest.Lexicon{Driver: drv, Entries: map[string]string{"ALPHA": "first", "BETA": "second", "GAMMA": "third"}})
			idx, err := os.ReadFile(mi.DataPath + ".idx")
			if err != nil {
				t.Fatal(err)
			}
			rs := len(idx) / 3
			copy(idx[rs:rs+4], []byte{0xff, 0xff, 0xff, 0x0f}) // BETA's offset, far past the end
			os.WriteFile(mi.DataPath+".idx", idx, 0o644)
			m, err := sword.OpenLex(mi)
			if err != nil {
				t.Fatalf("one bad record refused the whole lexicon: %v", err)
			}
			defer m.Close()
			for k, want := range map[string]string{"ALPHA": "first", "GAMMA": "third"} {
				_, text, exact, err := m.Lookup(k)
				if err != nil || !exact || !strings.Contains(string(text), want) {
					t.Errorf("Lookup(%s) = %q %v %v", k, text, exact, err)
				}
			}
			d := m.Damaged()
			if len(d) != 1 || !strings.Contains(d[0].Error(), "record 1") || !errors.Is(d[0], sword.ErrCorrupt) {
				t.Errorf("Damaged() = %v, want record 1 named", d)
			}
		})
	}
}
