package sword

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"berean/canon"
)

// These tests read the Debian packages' modules; make test installs them.
func installed(t testing.TB) *Library {
	t.Helper()
	if _, err := os.Stat(filepath.Join(SystemRoot, "mods.d")); err != nil {
		t.Skip("no SWORD modules in " + SystemRoot)
	}
	l, err := OpenLibrary([]string{SystemRoot})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func openBible(t testing.TB, l *Library, name string) *VerseModule {
	t.Helper()
	mi, err := l.Find(name)
	if err != nil {
		t.Skip(err)
	}
	m, err := OpenVerse(mi)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

func TestInstalledHebrews725(t *testing.T) {
	l := installed(t)
	m := openBible(t, l, "KJV")
	if m.Info().Name != "engKJV2006eb" {
		t.Errorf("KJV resolves to %s", m.Info().Name)
	}
	b, err := m.Entry("Heb", 7, 25)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 640 || !bytes.HasPrefix(b, []byte(`<w lemma="strong:G3606">Wherefore</w> he is`)) ||
		!bytes.Contains(b, []byte(`<w lemma="strong:G1793">intercession</w>`)) {
		t.Errorf("Heb 7:25 = %d bytes %q", len(b), b)
	}
}

func TestInstalledCounts(t *testing.T) {
	l := installed(t)
	for _, tc := range []struct {
		name     string
		nonEmpty int
	}{{"KJV", 31102}, {"WEB", 37496}} {
		m := openBible(t, l, tc.name)
		n := 0
		s := m.System()
		for _, bk := range s.Books() {
			for c := 1; c <= bk.Chapters(); c++ {
				for v := 1; v <= bk.Verses[c-1]; v++ {
					b, err := m.Entry(bk.OSIS, c, v)
					if err != nil {
						t.Fatalf("%s %s %d:%d: %v", tc.name, bk.OSIS, c, v, err)
					}
					if len(b) > 0 {
						n++
					}
				}
			}
		}
		if n != tc.nonEmpty {
			t.Errorf("%s: %d non-empty verses, want %d", tc.name, n, tc.nonEmpty)
		}
	}
}

// The WEB's Hosea introduction slot holds the whole Greek Daniel; its 16-bit
// size wrapped (125,566 -> 60,030 bytes). libsword prints the truncated text;
// berean recovers the whole entry.
func TestInstalledWEBHoseaIntroWrap(t *testing.T) {
	l := installed(t)
	m := openBible(t, l, "WEB")
	b, err := m.Entry("Hos", 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) != 125566 {
		t.Errorf("Hosea intro: %d bytes, want 125566 (the recorded 16-bit size is 60030)", len(b))
	}
	if !bytes.Contains(b, []byte(`osisID="DanGr"`)) {
		t.Errorf("Hosea intro does not hold Greek Daniel")
	}
	// The neighbours are untouched.
	v, err := m.Entry("Hos", 1, 1)
	if err != nil || !bytes.Contains(v, []byte("Hosea")) {
		t.Errorf("Hos 1:1 = %q, %v", v, err)
	}
}

func TestInstalledLexicons(t *testing.T) {
	l := installed(t)
	for _, tc := range []struct {
		module, key, wantKey, contains string
		exact                          bool
		n                              int
	}{
		{"StrongsGreek", "1793", "01793", "ἐντυγχάνω", true, 5624},
		{"StrongsGreek", "G1793", "01793", "ἐντυγχάνω", true, 5624},
		{"StrongsHebrew", "H430", "00430", "אלהים", true, 8675},
		{"Nave", "INTERCESSION", "INTERCESSION", `<ref osisRef="1Sam.2.25">`, true, 5322},
		{"Nave", "intercess", "INTERCESSION", "", false, 5322},
		{"StrongsGreek", "99999", "05624", "", false, 5624},
	} {
		mi, err := l.Find(tc.module)
		if err != nil {
			t.Skip(err)
		}
		m, err := OpenLex(mi)
		if err != nil {
			t.Fatal(err)
		}
		defer m.Close()
		if m.Len() != tc.n {
			t.Errorf("%s: %d records, want %d", tc.module, m.Len(), tc.n)
		}
		k, text, exact, err := m.Lookup(tc.key)
		if err != nil {
			t.Fatalf("%s %s: %v", tc.module, tc.key, err)
		}
		if k != tc.wantKey || exact != tc.exact || !strings.Contains(string(text), tc.contains) {
			t.Errorf("%s Lookup(%q) = %q exact=%v %.80q", tc.module, tc.key, k, exact, text)
		}
	}
}

func TestSlotMatchesWorkedExample(t *testing.T) {
	tt, ti, err := canon.KJV().Slot("Heb", 7, 25)
	if err != nil || tt != canon.NT || ti != 7176 {
		t.Errorf("Slot(Heb 7:25) = %v %d %v", tt, ti, err)
	}
}

// Every KJV verse is a whole entry: the 16-bit wrap recovery must not extend
// an ordinary verse into its neighbours (Isaiah 1:26 is 590 bytes, not the
// rest of Isaiah). (The WEB's Rev 22:21 really holds a 26 KB glossary, as
// libsword shows, so only the KJV is checked whole.)
func TestInstalledNoFalseUnwrap(t *testing.T) {
	l := installed(t)
	if b, err := openBible(t, l, "WEB").Entry("Isa", 1, 26); err != nil || len(b) > 2000 {
		t.Errorf("WEB Isa 1:26: %d bytes, %v", len(b), err)
	}
	for _, name := range []string{"KJV"} {
		m := openBible(t, l, name)
		s := m.System()
		for _, bk := range s.Books() {
			for c := 1; c <= bk.Chapters(); c++ {
				for v := 1; v <= bk.Verses[c-1]; v++ {
					b, err := m.Entry(bk.OSIS, c, v)
					if err != nil {
						t.Fatal(err)
					}
					if len(b) > 8000 {
						t.Errorf("%s %s %d:%d is %d bytes: an ordinary verse was extended", name, bk.OSIS, c, v, len(b))
					}
				}
			}
		}
	}
}

// Reading a Bible in order decompresses each block at most twice (a prefix
// for the first verse read, then the whole block), never once per verse.
func TestInstalledSequentialReadInflations(t *testing.T) {
	l := installed(t)
	m := openBible(t, l, "KJV")
	s := m.System()
	verses := 0
	for _, bk := range s.Books() {
		for c := 1; c <= bk.Chapters(); c++ {
			for v := 1; v <= bk.Verses[c-1]; v++ {
				if _, err := m.Entry(bk.OSIS, c, v); err != nil {
					t.Fatal(err)
				}
				verses++
			}
		}
	}
	blocks := 0
	for _, tt := range m.testas {
		if tt != nil {
			blocks += int(tt.blkSize / 12)
		}
	}
	if n := m.inflations.Load(); n > int64(2*blocks) {
		t.Errorf("reading %d verses in order inflated %d blocks; the module has %d", verses, n, blocks)
	}
}
